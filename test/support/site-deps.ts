// The app's ports over a test site's local Jira (through the app's own Jira gateway) and key-value store, for calling use cases directly (B7: fakes of the
// ports, no jest.mock) while seeing what they ask: each Jira request with its body, each queued job. `as: 'user'`
// runs as `userAccountId`. `rewrite` may change a request before the local Jira answers it (a simpler variant to
// compare with), `answer` the reply before the app sees it (data the demo does not have).
import type { Deps, JiraAs, JiraTransport, QueueJob } from '../../src/app/ports';
import { jiraGateway } from '../../src/jira/jira-gateway';
import { APP_ID, ENVIRONMENT_ID } from '../../workbench/local-jira';
import type { ForgeSite } from './forge-site';

export type RecordedRequest = {
  readonly as: JiraAs;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly body: unknown;
};
export type SiteDeps = Deps & { readonly requests: RecordedRequest[]; readonly queued: QueueJob[] };

/** Forge's key rule (doc "Error handling for the Key-Value Store", INVALID_KEY): a use case must never write another. */
export const FORGE_KEY = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

type SiteDepsOptions = {
  readonly userAccountId?: string;
  readonly rewrite?: (request: RecordedRequest) => RecordedRequest;
  readonly answer?: (
    request: RecordedRequest,
    reply: { status: number; body: unknown },
  ) => { status: number; body: unknown };
};

/** The local Jira as a Jira transport: `as: 'user'` runs as `userAccountId` (the app when none is given). */
export const siteTransport = (site: ForgeSite, userAccountId?: string): JiraTransport => ({
  async request(as, method, path, body) {
    const caller =
      as === 'user' && userAccountId !== undefined
        ? { kind: 'user' as const, accountId: userAccountId }
        : { kind: 'app' as const };
    const reply = await site.jira.handle({ method, path, body, caller });
    return { status: reply.status, body: reply.body };
  },
});

export const siteDeps = (site: ForgeSite, options: SiteDepsOptions = {}): SiteDeps => {
  const requests: RecordedRequest[] = [];
  const local = siteTransport(site, options.userAccountId);
  const queued: QueueJob[] = [];
  const valueOf = (reply: { status: number; body: unknown }): unknown =>
    reply.status === 200 ? (reply.body as { value?: unknown }).value : undefined;
  return {
    requests,
    queued,
    app: { appId: APP_ID, environmentId: ENVIRONMENT_ID },
    clock: site.clock,
    jira: jiraGateway({
      async request(as, method, path, body) {
        const asked = { as, method, path, body };
        requests.push(asked);
        const sent = options.rewrite ? options.rewrite(asked) : asked;
        const reply = await local.request(sent.as, sent.method, sent.path, sent.body);
        return options.answer ? options.answer(sent, reply) : reply;
      },
    }),
    store: {
      async get(key) {
        return valueOf(site.kvs.handle('/api/v1/get', { key }));
      },
      async set(key, value, ttlSeconds) {
        if (!FORGE_KEY.test(key)) throw new Error(`"${key}" is not a Forge key-value store key`);
        site.kvs.handle('/api/v1/set', {
          key,
          value,
          ...(ttlSeconds === undefined ? {} : { options: { ttl: { value: ttlSeconds, unit: 'SECONDS' } } }),
        });
      },
      async delete(key) {
        site.kvs.handle('/api/v1/delete', { key });
      },
    },
    queue: {
      async push(jobs) {
        queued.push(...jobs);
      },
    },
  };
};
