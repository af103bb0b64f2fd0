// Which issues to recompute without an edit: running clocks due within the next minutes (so "Statut SLA" turns
// `breached` on time), contract issues never computed yet, or every contract issue after a settings change. Only the
// contract's projects (settings `projects`) are searched. The work is pushed to the queue in batches; the consumer
// recomputes each batch. A settings change is searched in the queue too, one page per job (fullRecomputePage).
import { APP_FIELD_KEYS } from '../contract';
import { SLA_PROPERTY_KEY } from '../contract/sla-property';
import { foldName } from '../domain/text';
import { fieldCatalogue, siteIssueTypes } from './jira-catalogues';
import type { Deps, FullRecomputeJob, QueueJob, RecomputeJob, SearchIssue } from './ports';
import type { Settings } from './settings/parse-settings';
import { effectiveSettings } from './settings/settings-repository';

const BATCH_SIZE = 100;
/**
 * The scheduled search reads ONE page (issue 10: one search page per tick), of ids only: 1000 issues, queued as 10
 * batches (within the 50 events a push may carry). What does not fit is found on the next tick.
 */
const DUE_SOON_PAGE_SIZE = 1000;
/**
 * Issues a full-recompute job reads: one search page of ids (Jira gives up to 5000 ids a page when only ids are
 * asked for, "Search for issues using JQL enhanced search (POST)"), queued as 10 batches plus the next page's job:
 * 11 events, within the 50 a push may carry (Forge doc "Async events limits").
 */
const FULL_RECOMPUTE_PAGE_SIZE = 1000;

/** The indexed `nextCheckAt` of the app's `contractSla` property (manifest.yml, jira:entityProperty). */
const PROPERTY_CHECK = `issue.property[${SLA_PROPERTY_KEY}].nextCheckAt`;

const cf = (fieldId: string): string => `cf[${fieldId.replace('customfield_', '')}]`;
const jqlText = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const idsOf = (issues: readonly SearchIssue[]): string[] => issues.map((i) => i.id);

const batchesOf = (ids: readonly string[], reason: string): RecomputeJob[] => {
  const jobs: RecomputeJob[] = [];
  for (let i = 0; i < ids.length; i += BATCH_SIZE) jobs.push({ issueIds: ids.slice(i, i + BATCH_SIZE), reason });
  return jobs;
};

const enqueue = async (deps: Deps, ids: readonly string[], reason: string): Promise<number> => {
  const jobs = batchesOf(ids, reason);
  if (jobs.length > 0) await deps.queue.push(jobs);
  return jobs.length;
};

/**
 * `issuetype in (…)` for the contract's issue types that exist on this site (Jira refuses the whole query when it
 * names a type the site does not have, and the settings list aliases such as "Bug"); null when none exists.
 */
const contractTypesJql = async (deps: Deps, settings: Settings): Promise<string | null> => {
  const onSite = new Map((await siteIssueTypes(deps)).map((name) => [foldName(name), name]));
  const types = [
    ...new Set(
      Object.values(settings.issueTypes)
        .flat()
        .map((t) => onSite.get(foldName(t)))
        .filter((t): t is string => t !== undefined),
    ),
  ];
  return types.length === 0 ? null : `issuetype in (${types.map(jqlText).join(', ')})`;
};

/** `project in (…)`: the contract's projects (keys checked by parse-settings.ts, quoted all the same). */
const projectsJql = (settings: Settings): string => `project in (${settings.projects.map(jqlText).join(', ')})`;

/**
 * Every few minutes: clocks about to be due, and contract issues the app has not computed yet. An issue computed
 * once has a "Statut SLA" (`none` when it has no clock: recompute-issues.ts), so it is not picked again until it
 * changes, and only running clocks due within the window are picked (a paused one's due instant moves with time).
 * Issue 10: also the issues whose stored `contractSla` state plans a check within the window (`nextCheckAt`: a
 * warning threshold or the due instant, recompute-issues.ts), so "breached" and "due within" stay true without
 * edits. One search, one page.
 */
export const scheduleDueSoon = async (deps: Deps, windowMinutes = 10): Promise<{ issues: number; batches: number }> => {
  const catalogue = await fieldCatalogue(deps);
  const status = catalogue.appFields[APP_FIELD_KEYS.slaStatus];
  const due = catalogue.appFields[APP_FIELD_KEYS.slaDue];
  if (status === undefined || due === undefined) return { issues: 0, batches: 0 };
  const { settings } = await effectiveSettings(deps.store);
  const types = await contractTypesJql(deps, settings);
  const running = `${cf(status)} = running AND ${cf(due)} <= "${windowMinutes}m"`;
  const dueSoon = settings.native.issueProperty ? `(${running}) OR ${PROPERTY_CHECK} <= "${windowMinutes}m"` : running;
  const jql = `${projectsJql(settings)} AND ${types === null ? `(${dueSoon})` : `((${dueSoon}) OR (${cf(status)} is EMPTY AND ${types}))`} ORDER BY key`;
  const page = await deps.jira.searchPage('app', { jql, fields: ['id'], maxResults: DUE_SOON_PAGE_SIZE });
  const ids = idsOf(page.issues);
  return { issues: ids.length, batches: await enqueue(deps, ids, 'due-soon') };
};

/**
 * After a settings change: queues the job that recomputes every contract issue (the resolver does no search: a
 * resolver has 25 seconds, Forge doc "Async events API", and a large project needs many pages).
 */
export const scheduleFullRecompute = async (deps: Deps, reason: string, settingsVersion: number): Promise<void> => {
  await deps.queue.push([{ kind: 'full-recompute', reason, settingsVersion }]);
};

/**
 * One job of a full recompute: one search page of the contract's issues (the first, or the one `nextPageToken`
 * names: Jira keeps a token 7 days, "Search for issues using JQL enhanced search (POST)"), its recompute batches and
 * the next page's job, in one push. Each invocation makes at most three Jira calls (issue types, the page; the types
 * are cached) whatever the project's size. A job of an older settings version stops: the newer save has its own.
 */
export const fullRecomputePage = async (
  deps: Deps,
  job: FullRecomputeJob,
  pageSize = FULL_RECOMPUTE_PAGE_SIZE,
): Promise<{ issues: number; batches: number; next: boolean }> => {
  const { settings, version } = await effectiveSettings(deps.store);
  if (version !== job.settingsVersion) return { issues: 0, batches: 0, next: false };
  const types = await contractTypesJql(deps, settings);
  if (types === null) return { issues: 0, batches: 0, next: false };
  const page = await deps.jira.searchPage('app', {
    jql: `${projectsJql(settings)} AND ${types} ORDER BY key`,
    fields: ['id'],
    maxResults: pageSize,
    ...(job.nextPageToken === undefined ? {} : { nextPageToken: job.nextPageToken }),
  });
  const batches = batchesOf(idsOf(page.issues), job.reason);
  const next: QueueJob[] =
    page.nextPageToken === null
      ? []
      : [
          {
            kind: 'full-recompute',
            reason: job.reason,
            settingsVersion: job.settingsVersion,
            nextPageToken: page.nextPageToken,
          },
        ];
  if (batches.length + next.length > 0) await deps.queue.push([...batches, ...next]);
  return { issues: page.issues.length, batches: batches.length, next: next.length > 0 };
};
