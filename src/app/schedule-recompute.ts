// Which issues to recompute without an edit: running clocks due within the next minutes (so "Statut SLA" turns
// `breached` on time), contract issues never computed yet, or every contract issue after a settings change. The
// work is pushed to the queue in batches; the consumer recomputes each batch.
import { APP_FIELD_KEYS } from '../contract';
import { foldName } from '../domain/text';
import { fieldCatalogue, searchIssues, siteIssueTypes } from './jira-reads';
import type { Deps } from './ports';
import { effectiveSettings } from './settings/settings-repository';

const BATCH_SIZE = 100;
const MAX_ISSUES_PER_RUN = 20_000;

const cf = (fieldId: string): string => `cf[${fieldId.replace('customfield_', '')}]`;
const jqlText = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

const idsOf = (issues: readonly unknown[]): string[] =>
  issues.flatMap((i) => (typeof i === 'object' && i !== null && typeof (i as { id?: unknown }).id === 'string' ? [(i as { id: string }).id] : []));

const enqueue = async (deps: Deps, ids: readonly string[], reason: string): Promise<number> => {
  const jobs = [];
  for (let i = 0; i < ids.length; i += BATCH_SIZE) jobs.push({ issueIds: ids.slice(i, i + BATCH_SIZE), reason });
  await deps.queue.push(jobs);
  return jobs.length;
};

/**
 * `issuetype in (…)` for the contract's issue types that exist on this site (Jira refuses the whole query when it
 * names a type the site does not have, and the settings list aliases such as "Bug"); null when none exists.
 */
const contractTypesJql = async (deps: Deps): Promise<string | null> => {
  const { settings } = await effectiveSettings(deps.store);
  const onSite = new Map((await siteIssueTypes(deps)).map((name) => [foldName(name), name]));
  const types = [...new Set(Object.values(settings.issueTypes).flat().map((t) => onSite.get(foldName(t))).filter((t): t is string => t !== undefined))];
  return types.length === 0 ? null : `issuetype in (${types.map(jqlText).join(', ')})`;
};

/** Every few minutes: clocks about to be due, and contract issues the app has not computed yet. */
export const scheduleDueSoon = async (deps: Deps, windowMinutes = 10): Promise<{ issues: number; batches: number }> => {
  const catalogue = await fieldCatalogue(deps);
  const status = catalogue.appFields[APP_FIELD_KEYS.slaStatus];
  const due = catalogue.appFields[APP_FIELD_KEYS.slaDue];
  if (status === undefined || due === undefined) return { issues: 0, batches: 0 };
  const types = await contractTypesJql(deps);
  // Only running clocks can breach: a paused one's due instant moves with time and would be picked every run.
  const dueSoon = `${cf(status)} = running AND ${cf(due)} <= "${windowMinutes}m"`;
  const jql = `${types === null ? dueSoon : `(${dueSoon}) OR (${cf(status)} is EMPTY AND ${types})`} ORDER BY key`;
  const ids = idsOf(await searchIssues(deps, 'app', jql, ['id'], MAX_ISSUES_PER_RUN));
  return { issues: ids.length, batches: await enqueue(deps, ids, 'due-soon') };
};

/** After a settings change: every contract issue, in batches. */
export const scheduleFullRecompute = async (deps: Deps, reason: string): Promise<{ issues: number; batches: number }> => {
  const types = await contractTypesJql(deps);
  if (types === null) return { issues: 0, batches: 0 };
  const ids = idsOf(await searchIssues(deps, 'app', `${types} ORDER BY key`, ['id'], MAX_ISSUES_PER_RUN));
  return { issues: ids.length, batches: await enqueue(deps, ids, reason) };
};
