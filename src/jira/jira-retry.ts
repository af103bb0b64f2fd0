// Bounded retries of Jira calls that Jira refuses for a while: 429 (rate limited, with Retry-After) and transient
// 5xx. Pure over a `send` function and the clock seam, so the policy is tested without Forge and without waiting.
// Documentation, "Rate limiting" (Jira Cloud platform): a 429 may carry Retry-After, the seconds to wait; a request
// reissued before that period fails again. Some transient 5xx (503) carry Retry-After too. "Build an app that
// respects rate limits": wait as the header says, back off exponentially when it is absent, and give up in bounds.
import { AppError, type Clock, type JiraAs, type JiraReply, type JiraTransport } from '../app/ports';

/** A Jira answer as the transport sees it: the reply, and the Retry-After header in seconds when there is one. */
export type RawJiraReply = JiraReply & { readonly retryAfterSeconds: number | null };
export type JiraSend = (
  as: JiraAs,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
) => Promise<RawJiraReply>;

export const RETRY_POLICY = {
  /** Attempts in all, the first included. */
  maxAttempts: 4,
  /** Waiting, summed over one call's retries: a resolver has 25 s in all, so a call never waits more than this. */
  maxWaitMs: 10_000,
  /** Without Retry-After: 1 s, 2 s, 4 s. */
  backoffBaseMs: 1_000,
} as const;

/** Jira kept refusing after the bounded retries. Triggers and the consumer turn it into Forge's InvocationError. */
export class JiraBusyError extends AppError {
  constructor(
    readonly status: number,
    /** What Jira asked for last (Retry-After), else the back-off the app would have waited next. */
    readonly retryAfterSeconds: number,
    what: string,
  ) {
    super('JIRA_BUSY', `${what}: Jira answered ${status} (retry after ${retryAfterSeconds} s)`);
    this.name = 'JiraBusyError';
  }
}

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export const parseRetryAfter = (header: string | null, nowMs: number): number | null => {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const dateMs = Date.parse(text);
  return Number.isNaN(dateMs) ? null : Math.max(0, Math.ceil((dateMs - nowMs) / 1000));
};

const TRANSIENT = new Set([500, 502, 503, 504]);

/**
 * Whether reissuing the request cannot do the work twice: reads (GET, and the POST searches), and the app's own
 * field writes (they set values); PUT and DELETE of an issue property (issue 10) set or remove a value. A request Jira refused with 429 was not performed, so it is always retried.
 */
export const isIdempotent = (method: string, path: string): boolean =>
  method === 'GET' ||
  method === 'PUT' ||
  method === 'DELETE' ||
  /^\/rest\/api\/3\/(search\/jql|changelog\/bulkfetch|permissions\/check|app\/field\/value)(\?|$)/.test(path);

/** A transport that retries 429 always, transient 5xx when idempotent, waiting on the clock as Jira says. */
export const withRetries = (send: JiraSend, clock: Clock): JiraTransport => ({
  async request(as, method, path, body) {
    let waitedMs = 0;
    for (let attempt = 1; ; attempt += 1) {
      const reply = await send(as, method, path, body);
      const retryable = reply.status === 429 || (TRANSIENT.has(reply.status) && isIdempotent(method, path));
      if (!retryable) return { status: reply.status, body: reply.body };
      const backoffMs = RETRY_POLICY.backoffBaseMs * 2 ** (attempt - 1);
      const waitMs = reply.retryAfterSeconds !== null ? reply.retryAfterSeconds * 1000 : backoffMs;
      const what = `${method} ${path.split('?')[0] ?? path}`;
      if (attempt >= RETRY_POLICY.maxAttempts || waitedMs + waitMs > RETRY_POLICY.maxWaitMs) {
        throw new JiraBusyError(reply.status, Math.max(1, Math.ceil(waitMs / 1000)), what);
      }
      await clock.sleep(waitMs);
      waitedMs += waitMs;
    }
  },
});
