// Recomputes issues and writes the app's read-only fields (Classe d'anomalie, Statut SLA, Échéance SLA) when their
// value changed; `generateChangelog=false` keeps the app's writes out of the history and out of the update events.
// Idempotent: the same history and time give the same values, and unchanged values are not written again.
import { parseJiraInstant } from '../jira/jira-instant';
import { AppError } from './app-error';
import { liveReport, slaFieldIds, slaStatusOf } from './live-export';
import { MAX_RECONCILED_ISSUES, type Deps, type SearchIssue } from './ports';
import { effectiveSettings } from './settings/settings-repository';

const ISSUE_ID = /^\d{1,18}$/;
// The ids come from events and batches just written: each search reconciles them, at most 50 (MAX_RECONCILED_ISSUES).
const IDS_PER_SEARCH = MAX_RECONCILED_ISSUES;
/**
 * "Statut SLA" of a contract issue the app read and found no clock to run for, or none it could compute (the panel
 * says "Sans délai", or why): a value, so that `"Statut SLA" is EMPTY` means only "never computed".
 */
export const NO_CLOCK_STATUS = 'none';

export type RecomputeResult = {
  readonly issues: number;
  readonly fieldWrites: number;
  readonly unchanged: number;
  readonly settingsVersion: number;
};

const currentValue = (raw: SearchIssue | undefined, fieldId: string): unknown => raw?.fields?.[fieldId] ?? null;

/** The issues Jira answered, by id: each result finds its issue by id, never by position. */
const byId = (rawIssues: readonly SearchIssue[]): ReadonlyMap<string, SearchIssue> =>
  new Map(rawIssues.map((raw) => [raw.id, raw]));

/** Whether the stored datetime (Jira's format) is the same instant as ours. */
const sameInstant = (a: unknown, b: string | null): boolean =>
  a === b || (b !== null && parseJiraInstant(a) !== null && parseJiraInstant(a) === parseJiraInstant(b));

export const recomputeIssues = async (
  deps: Deps,
  issueIds: readonly string[],
  nowMs: number,
): Promise<RecomputeResult> => {
  const bad = issueIds.find((id) => !ISSUE_ID.test(id));
  if (bad !== undefined) throw new AppError('BAD_REQUEST', `"${bad.slice(0, 40)}" is not an issue id`);
  const { settings, version, stored } = await effectiveSettings(deps.store);
  let issues = 0;
  let fieldWrites = 0;
  let unchanged = 0;
  for (let i = 0; i < issueIds.length; i += IDS_PER_SEARCH) {
    const chunk = issueIds.slice(i, i + IDS_PER_SEARCH);
    const { results, rawIssues, catalogue } = await liveReport(
      deps,
      'app',
      `id in (${chunk.join(', ')}) ORDER BY key`,
      settings,
      stored.document,
      nowMs,
      chunk,
    );
    const targets = slaFieldIds(catalogue);
    const updates = new Map<string, { customField: string; issueIds: string[]; value: string | null }>();
    const queue = (
      fieldId: string | null,
      issueId: string,
      value: string | null,
      current: unknown,
      equal: (a: unknown, b: string | null) => boolean,
    ): void => {
      if (fieldId === null) return;
      if (equal(current, value)) {
        unchanged += 1;
        return;
      }
      const key = `${fieldId}\u0000${value}`;
      const update = updates.get(key) ?? { customField: fieldId, issueIds: [], value };
      update.issueIds.push(issueId);
      updates.set(key, update);
      fieldWrites += 1;
    };
    const rawById = byId(rawIssues);
    results.forEach(({ issueId, view, nextDueAt }) => {
      const raw = issueId === null ? undefined : rawById.get(issueId);
      if (issueId === null || !ISSUE_ID.test(issueId) || (view.kind === null && view.errors.length === 0)) return;
      const equalText = (a: unknown, b: string | null): boolean => (a ?? null) === b;
      if (view.errors.length > 0) {
        // Unreadable (no creation date…): no clock can be computed; `none` keeps the trigger from picking it forever.
        queue(targets.slaStatus, issueId, NO_CLOCK_STATUS, currentValue(raw, targets.slaStatus ?? ''), equalText);
        return;
      }
      issues += 1;
      queue(targets.anomalyClass, issueId, view.anomalyClass, currentValue(raw, targets.anomalyClass ?? ''), equalText);
      // A contract issue without clocks gets `none`, not an empty field: the scheduled trigger picks issues whose
      // "Statut SLA" is empty (never computed), and would otherwise pick this one again every run (issue 8).
      queue(
        targets.slaStatus,
        issueId,
        slaStatusOf(view) ?? NO_CLOCK_STATUS,
        currentValue(raw, targets.slaStatus ?? ''),
        equalText,
      );
      queue(targets.slaDue, issueId, nextDueAt, currentValue(raw, targets.slaDue ?? ''), sameInstant);
    });
    if (updates.size > 0) {
      const outcome = await deps.jira.writeAppFieldValues([...updates.values()], { generateChangelog: false });
      if (!outcome.written)
        throw new AppError('INTERNAL', `writing the SLA fields failed: Jira answered ${outcome.status}`);
    }
  }
  await deps.store.set('recompute:last', {
    at: new Date(nowMs).toISOString(),
    settingsVersion: version,
    issues,
    fieldWrites,
    unchanged,
  });
  return { issues, fieldWrites, unchanged, settingsVersion: version };
};
