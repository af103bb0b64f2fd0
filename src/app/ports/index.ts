// What the use cases need from the outside world. Adapters: src/jira/jira-gateway.ts (Jira, over the transport of
// src/jira/forge-jira.ts on Forge), src/store/kvs-store.ts (@forge/kvs), src/store/recompute-queue.ts (@forge/events);
// tests use the workbench's local Jira through the same gateway. The adapters may import nothing else of src/app:
// what they return and raise is declared here (the Jira gateway's records, AppError, the clock seam's type).
import type { JiraGateway } from './jira-gateway';
import type { Clock } from '../clock';

export type { Clock } from '../clock';
export { AppError } from './app-error';
export * from './jira-gateway';

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
  readonly jira: JiraGateway;
  readonly store: KeyValueStore;
  readonly queue: RecomputeQueue;
  /** The one clock seam (src/app/clock.ts): "now" for every handler, and every wait. */
  readonly clock: Clock;
};
