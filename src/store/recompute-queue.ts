// The RecomputeQueue on Forge: @forge/events. One push holds at most 50 events and 200 KB of them, and the consumer
// (on-recompute, timeoutSeconds 900, a long-running function) takes events of at most 100 KB each ("Async events
// limits"); jobs are packed into pushes that fit, in order.
import { Queue } from '@forge/events';
import type { QueueJob, RecomputeQueue } from '../app/ports';

export const RECOMPUTE_QUEUE_KEY = 'sla-recompute';
/** "Async events limits": events per request. */
export const MAX_EVENTS_PER_PUSH = 50;
/** "Async events limits": combined payload of one request, counted as @forge/events counts it (UTF-8 JSON / 1024). */
export const MAX_PUSH_BYTES = 200 * 1024;
/** "Async events limits": one event for a long-running function (timeout above 55 s). */
export const MAX_EVENT_BYTES = 100 * 1024;

type PushEvent = { readonly body: Record<string, unknown> };

const eventOf = (job: QueueJob): PushEvent => ({
  body:
    job.kind === 'monthly-report' || job.kind === 'full-recompute'
      ? { ...job }
      : { kind: 'recompute', issueIds: [...job.issueIds], reason: job.reason },
});
const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** The events in pushes within both limits. The JSON of n events is 2 + their sizes + (n − 1) commas. */
export const packEvents = (events: readonly PushEvent[]): PushEvent[][] => {
  const pushes: PushEvent[][] = [];
  let current: PushEvent[] = [];
  let currentBytes = 2;
  for (const event of events) {
    const bytes = bytesOf(event);
    if (bytes > MAX_EVENT_BYTES)
      throw new RangeError(
        `a queue event is ${bytes} bytes; the consumer takes at most ${MAX_EVENT_BYTES} (Async events limits)`,
      );
    if (current.length === MAX_EVENTS_PER_PUSH || currentBytes + bytes + 1 > MAX_PUSH_BYTES) {
      pushes.push(current);
      current = [];
      currentBytes = 2;
    }
    currentBytes += bytes + (current.length > 0 ? 1 : 0);
    current.push(event);
  }
  if (current.length > 0) pushes.push(current);
  return pushes;
};

export const forgeQueue: RecomputeQueue = {
  async push(jobs) {
    const queue = new Queue({ key: RECOMPUTE_QUEUE_KEY });
    for (const events of packEvents(jobs.map(eventOf))) await queue.push(events);
  },
};
