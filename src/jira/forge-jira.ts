// The Jira transport on Forge (under src/jira/jira-gateway.ts): @forge/api's requestJira as the app or as the invoking user, with bounded retries of
// 429/5xx (jira-retry.ts). Paths are built by the app itself with encoded parameters (never from a payload), hence
// assumeTrustedRoute.
import api, { assumeTrustedRoute } from '@forge/api';
import type { Clock, JiraTransport } from '../app/ports';
import { parseRetryAfter, withRetries, type JiraSend } from './jira-retry';

const send =
  (clock: Clock): JiraSend =>
  async (as, method, path, body) => {
    const client = as === 'app' ? api.asApp() : api.asUser();
    const response = await client.requestJira(assumeTrustedRoute(path), {
      method,
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      parsed = text;
    }
    return {
      status: response.status,
      body: parsed,
      retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after'), clock.nowMs()),
    };
  };

export const forgeJira = (clock: Clock): JiraTransport => withRetries(send(clock), clock);
