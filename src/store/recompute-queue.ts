// The RecomputeQueue on Forge: @forge/events, at most 50 events per push.
import { Queue } from '@forge/events';
import type { RecomputeQueue } from '../app/ports';

export const RECOMPUTE_QUEUE_KEY = 'sla-recompute';
const MAX_EVENTS_PER_PUSH = 50;

export const forgeQueue: RecomputeQueue = {
  async push(jobs) {
    const queue = new Queue({ key: RECOMPUTE_QUEUE_KEY });
    for (let i = 0; i < jobs.length; i += MAX_EVENTS_PER_PUSH) {
      await queue.push(jobs.slice(i, i + MAX_EVENTS_PER_PUSH).map((job) => ({ body: job.kind === 'monthly-report' || job.kind === 'full-recompute' ? { ...job } : { kind: 'recompute', issueIds: [...job.issueIds], reason: job.reason } })));
    }
  },
};
