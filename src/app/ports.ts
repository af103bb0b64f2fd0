// What the use cases need from the outside world. Adapters: src/jira/jira-rest.ts (Jira through @forge/api),
// src/store/kvs-store.ts (@forge/kvs), src/store/recompute-queue.ts (@forge/events); tests use the workbench's
// local Jira through the same adapters.
import type { Clock } from './clock';

/** A Jira REST response, as the adapters see it: status and parsed JSON body (undefined when empty). */
export type JiraReply = { readonly status: number; readonly body: unknown };

/** Who a Jira call runs as: the app, or the user of the invocation (Jira applies the user's permissions). */
export type JiraAs = 'app' | 'user';

export interface JiraPort {
  request(as: JiraAs, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<JiraReply>;
}

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttlSeconds?: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export type RecomputeJob = {
  readonly kind?: 'recompute';
  readonly issueIds: readonly string[];
  readonly reason: string;
};
/**
 * Every contract issue recomputed after a settings change, one search page per job (src/app/schedule-recompute.ts):
 * the job reads the page at `nextPageToken` (the first page without one), queues its recompute batches and the job
 * of the next page. A job whose `settingsVersion` is no longer the stored one stops its chain (a newer save has its own).
 */
export type FullRecomputeJob = {
  readonly kind: 'full-recompute';
  readonly reason: string;
  readonly settingsVersion: number;
  readonly nextPageToken?: string;
};
/** The indicators gadget's month, computed in the background (src/app/monthly-snapshot.ts). */
export type MonthlyReportJob = { readonly kind: 'monthly-report'; readonly projectKey: string; readonly month: string };
export type QueueJob = RecomputeJob | MonthlyReportJob | FullRecomputeJob;

export interface RecomputeQueue {
  push(jobs: readonly QueueJob[]): Promise<void>;
}

/**
 * Which Forge app and environment this code runs as (from @forge/api's getAppContext, read in src/jira/forge-app.ts):
 * the app's own modules (custom fields, workflow rules) are named by ARIs built from these ids.
 */
export type AppIdentity = { readonly appId: string; readonly environmentId: string };

export type Deps = {
  readonly app: AppIdentity;
  readonly jira: JiraPort;
  readonly store: KeyValueStore;
  readonly queue: RecomputeQueue;
  /** The one clock seam (src/app/clock.ts): "now" for every handler, and every wait. */
  readonly clock: Clock;
};
