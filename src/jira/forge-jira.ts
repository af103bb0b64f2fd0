// The JiraPort on Forge: @forge/api's requestJira as the app or as the invoking user. Paths are built by the app
// itself with encoded parameters (never from a payload), hence assumeTrustedRoute.
import api, { assumeTrustedRoute } from '@forge/api';
import type { JiraPort, JiraReply } from '../app/ports';

export const forgeJira: JiraPort = {
  async request(as, method, path, body): Promise<JiraReply> {
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
    return { status: response.status, body: parsed };
  },
};
