import { MAX_EVENTS_PER_PUSH, MAX_PUSH_BYTES, packEvents } from './recompute-queue';

// Counted as @forge/events counts a push (validators.js validatePushEvents): UTF-8 bytes of the events' JSON.
const pushBytes = (events: readonly unknown[]): number => Buffer.byteLength(JSON.stringify(events), 'utf8');
const recompute = (ids: number, digits: number, reason = 'settings-changed') => ({
  body: { kind: 'recompute', issueIds: Array.from({ length: ids }, (_, i) => String(10 ** (digits - 1) + i)), reason },
});

describe('packEvents', () => {
  it.each([
    // The scheduler's batches: 100 issue ids per job (schedule-recompute.ts), Jira ids of 5 to 8 digits.
    ['50 jobs of 100 five-digit ids: one push (about 45 KB)', 50, 100, 5, 1],
    ['51 jobs of 100 ids: two pushes (the 50-event limit)', 51, 100, 8, 2],
    ['50 jobs of 1000 eight-digit ids, the most the consumer takes (about 550 KB): three pushes', 50, 1000, 8, 3],
  ])('%s', (_name, jobs, ids, digits, expectedPushes) => {
    const events = Array.from({ length: jobs }, () => recompute(ids, digits));
    const pushes = packEvents(events);
    expect(pushes).toHaveLength(expectedPushes);
    expect(pushes.flat()).toEqual(events);
    for (const push of pushes) {
      expect(push.length).toBeLessThanOrEqual(MAX_EVENTS_PER_PUSH);
      expect(pushBytes(push)).toBeLessThanOrEqual(MAX_PUSH_BYTES);
    }
  });

  it('fills a push up to exactly 200 KB, not one byte more', () => {
    const events = Array.from({ length: 40 }, () => recompute(1000, 8));
    for (const push of packEvents(events)) expect(pushBytes(push)).toBeLessThanOrEqual(MAX_PUSH_BYTES);
    const [first, second] = packEvents(events);
    expect(pushBytes([...(first ?? []), ...(second ?? []).slice(0, 1)])).toBeGreaterThan(MAX_PUSH_BYTES);
  });

  it('refuses an event over 100 KB, the limit of a long-running consumer', () => {
    expect(() => packEvents([recompute(10_000, 8)])).toThrow(/at most 102400 \(Async events limits\)/);
  });
});
