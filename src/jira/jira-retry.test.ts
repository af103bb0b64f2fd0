// The retry policy of Jira calls (issue 8), on a manual clock: what is waited, and when the app gives up.
import { ManualClock } from '../../workbench/host/clocks';
import { JiraBusyError, parseRetryAfter, RETRY_POLICY, withRetries, type RawJiraReply } from './jira-retry';

const T0 = Date.parse('2026-04-24T12:00:00+02:00');
const ok: RawJiraReply = { status: 200, body: { ok: true }, retryAfterSeconds: null };
const busy = (retryAfterSeconds: number | null, status = 429): RawJiraReply => ({
  status,
  body: { errorMessages: ['busy'] },
  retryAfterSeconds,
});

/** A port over a scripted sequence of answers; returns the answers left, the waits and the calls made. */
const scripted = (answers: RawJiraReply[]) => {
  const clock = new ManualClock(T0);
  const calledAtMs: number[] = [];
  const port = withRetries(async () => {
    calledAtMs.push(clock.nowMs());
    const next = answers.shift();
    if (next === undefined) throw new Error('no more scripted answers');
    return next;
  }, clock);
  return { port, clock, calledAtMs };
};

describe('withRetries', () => {
  it.each<[string, RawJiraReply[], string, string, number[], number]>([
    ['429 then 200: waits exactly Retry-After', [busy(2), ok], 'GET', '/rest/api/3/field', [2000], 200],
    [
      '429 without Retry-After: backs off 1 s, then 2 s',
      [busy(null), busy(null), ok],
      'POST',
      '/rest/api/3/search/jql',
      [1000, 2000],
      200,
    ],
    [
      '503 with Retry-After on a read: waits as told',
      [busy(3, 503), ok],
      'POST',
      '/rest/api/3/changelog/bulkfetch',
      [3000],
      200,
    ],
    [
      '500 on the app field write (it sets values): retried',
      [busy(null, 500), ok],
      'POST',
      '/rest/api/3/app/field/value?generateChangelog=false',
      [1000],
      200,
    ],
    [
      '500 on a notification (not idempotent): answered as it is',
      [busy(null, 500)],
      'POST',
      '/rest/api/3/issue/DEMAT-1/notify',
      [],
      500,
    ],
    [
      '404: never retried',
      [{ status: 404, body: {}, retryAfterSeconds: null }],
      'GET',
      '/rest/api/3/issue/DEMAT-404',
      [],
      404,
    ],
  ])('%s', async (_name, answers, method, path, waits, status) => {
    const { port, clock, calledAtMs } = scripted([...answers]);
    const reply = await port.request('app', method as 'GET', path);
    expect(reply.status).toBe(status);
    expect(clock.waits).toEqual(waits);
    // Each retry comes after the wait, never before (Jira refuses a request reissued within Retry-After).
    expect(calledAtMs.slice(1).map((at, i) => at - (calledAtMs[i] as number))).toEqual(waits);
  });

  it('gives up after the last attempt, with what Jira asked for', async () => {
    const { port, clock } = scripted(Array.from({ length: RETRY_POLICY.maxAttempts }, () => busy(1)));
    const error = await port.request('app', 'GET', '/rest/api/3/field').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraBusyError);
    expect(error).toMatchObject({ code: 'JIRA_BUSY', status: 429, retryAfterSeconds: 1 });
    expect(clock.waits).toEqual([1000, 1000, 1000]);
  });

  it('does not wait beyond its budget: a Retry-After longer than what is left ends the call at once', async () => {
    const { port, clock } = scripted([busy(30)]);
    await expect(port.request('app', 'GET', '/rest/api/3/field')).rejects.toMatchObject({ retryAfterSeconds: 30 });
    expect(clock.waits).toEqual([]);
  });
});

describe('parseRetryAfter', () => {
  it.each<[string, string | null, number | null]>([
    ['delta-seconds', '7', 7],
    ['an HTTP date 90 s ahead', 'Fri, 24 Apr 2026 10:01:30 GMT', 90],
    ['an HTTP date already past', 'Fri, 24 Apr 2026 09:00:00 GMT', 0],
    ['absent', null, null],
    ['unreadable', 'soon', null],
  ])('%s', (_name, header, expected) => {
    expect(parseRetryAfter(header, T0)).toBe(expected);
  });
});
