// Recomputes issues and writes the app's read-only fields (Classe d'anomalie, Statut SLA, Échéance SLA) when their
// value changed; `generateChangelog=false` keeps the app's writes out of the history and out of the update events.
// Idempotent: the same history and time give the same values, and unchanged values are not written again.
// Issue 10: each recomputed issue's stored SLA state (src/contract/sla-property.ts) is mirrored in app storage
// (slaStateKey) and written as the `contractSla` issue property when its indexed content changed (see
// propertyNeedsWrite); with settings.native.issueProperty off, the property is deleted where it exists.
import { CONTRACT_ZONE } from '../domain/contract-zone';
import { isRecord } from '../domain/is-record';
import { CLOCK_IDS, slaSnapshot, type PreviousClockSnapshot } from '../domain/sla/sla-snapshot';
import type { SlaClock } from '../domain/sla/sla-clock';
import type { ClockId } from '../domain/sla/targets';
import { SLA_PROPERTY_KEY, slaStateKey, type SlaPropertyValue } from '../contract/sla-property';
import { parseJiraInstant } from '../jira/jira-instant';
import { AppError } from './app-error';
import { formatInstant } from './format-instant';
import { liveReport, slaFieldIds, slaStatusOf } from './live-export';
import { MAX_RECONCILED_ISSUES, type Deps, type SearchIssue } from './ports';
import type { Settings } from './settings/parse-settings';
import { effectiveSettings } from './settings/settings-repository';
import { warnBeforeBreach, type WarnIssue } from './warn-before-breach';

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
  /** `contractSla` properties written (issue 10): at most one per issue whose indexed content changed. */
  readonly propertyWrites: number;
  /** `contractSla` properties deleted (settings.native.issueProperty off). */
  readonly propertyDeletes: number;
  readonly settingsVersion: number;
};

/** The stored SLA state of one issue as this recompute computed it, and the one stored before (null when none). */
export type SlaStateChange = {
  readonly issueId: string;
  readonly issueKey: string;
  readonly value: SlaPropertyValue;
  readonly previous: Readonly<Record<string, unknown>> | null;
};

/** What moves with time alone: never a reason to write the property (the badge computes the time left from dueAt). */
const DURATION_KEYS: ReadonlySet<string> = new Set([
  'computedAt',
  ...CLOCK_IDS.flatMap((c) => [`${c}RemainingMs`, `${c}ElapsedMs`, `${c}PausedMs`]),
]);

/** The content of a stored value that decides a write: every key but the durations and computedAt, sorted. */
const indexedContent = (value: Readonly<Record<string, unknown>>): string =>
  JSON.stringify(
    Object.keys(value)
      .filter((k) => !DURATION_KEYS.has(k))
      .sort()
      .map((k) => [k, value[k]]),
  );

/**
 * The write rule (issue 10): write when anything but the durations and computedAt changed (state, breach, the latch,
 * a due instant, the cycle, nextCheckAt, the settings version…), or when the stored nextCheckAt has passed. The
 * durations are exact as of computedAt; they are refreshed with any other change, which comes at each warning
 * threshold and at the due instant of a running clock. So a recompute costs at most one write per changed issue,
 * and a tick that only moved the time left writes nothing.
 */
export const propertyNeedsWrite = (
  value: SlaPropertyValue,
  previous: Readonly<Record<string, unknown>> | null,
  nowMs: number,
): boolean => {
  if (previous === null) return true;
  if (indexedContent(value) !== indexedContent(previous)) return true;
  const check = parseJiraInstant(previous.nextCheckAt);
  return check !== null && check <= nowMs;
};

const previousClock = (
  previous: Readonly<Record<string, unknown>> | null,
  id: ClockId,
): PreviousClockSnapshot | undefined => {
  if (previous === null) return undefined;
  const cycle = previous[`${id}Cycle`];
  return {
    cycle: typeof cycle === 'string' ? cycle : null,
    everBreached: previous[`${id}EverBreached`] === 'true',
  };
};

/** The issue's SlaPropertyValue as of `nowMs` (instants in the contract zone, flags as "true"/"false"). */
export const slaPropertyValue = (
  clocks: readonly SlaClock[],
  settings: Settings,
  settingsVersion: number,
  nowMs: number,
  previous: Readonly<Record<string, unknown>> | null,
): SlaPropertyValue => {
  const snapshot = slaSnapshot(
    clocks,
    {
      calendars: settings.calendars,
      thresholds: settings.warnings.enabled ? settings.warnings.thresholds : [],
    },
    nowMs,
    { workaround: previousClock(previous, 'workaround'), resolution: previousClock(previous, 'resolution') },
  );
  const iso = (ms: number | null): string | null => (ms === null ? null : formatInstant(ms, CONTRACT_ZONE));
  const flag = (b: boolean): 'true' | 'false' => (b ? 'true' : 'false');
  const w = snapshot.clocks.workaround;
  const r = snapshot.clocks.resolution;
  return {
    v: 1,
    computedAt: formatInstant(nowMs, CONTRACT_ZONE),
    settingsVersion,
    state: snapshot.state,
    urgentClock: snapshot.urgentClock,
    dueAt: iso(snapshot.dueAtMs),
    nextCheckAt: iso(snapshot.nextCheckAtMs),
    workaroundState: w.state,
    workaroundBreached: flag(w.breached),
    workaroundEverBreached: flag(w.everBreached),
    workaroundDueAt: iso(w.dueAtMs),
    workaroundRemainingMs: w.remainingMs,
    workaroundElapsedMs: w.elapsedMs,
    workaroundPausedMs: w.pausedMs,
    workaroundTargetMs: w.targetMs,
    workaroundCalendar: w.calendar,
    workaroundPausedBy: w.pausedBy,
    workaroundCycle: w.cycle,
    resolutionState: r.state,
    resolutionBreached: flag(r.breached),
    resolutionEverBreached: flag(r.everBreached),
    resolutionDueAt: iso(r.dueAtMs),
    resolutionRemainingMs: r.remainingMs,
    resolutionElapsedMs: r.elapsedMs,
    resolutionPausedMs: r.pausedMs,
    resolutionTargetMs: r.targetMs,
    resolutionCalendar: r.calendar,
    resolutionPausedBy: r.pausedBy,
    resolutionCycle: r.cycle,
  };
};

/** The `contractSla` value the search returned with the issue, or null when it has none. */
const storedProperty = (raw: SearchIssue | undefined): Readonly<Record<string, unknown>> | null => {
  const properties = raw?.properties;
  if (!isRecord(properties)) return null;
  const value = properties[SLA_PROPERTY_KEY];
  return isRecord(value) ? value : null;
};

/**
 * The issue as the warnings need it: its `self` (the link's site) and its assignee (`assignee` is read by the search:
 * null when unassigned; left undefined when the answer has no such field, so the assignee is still asked).
 */
const issueOf = (change: SlaStateChange, raw: SearchIssue | undefined): WarnIssue => {
  const assignee = raw?.fields?.assignee;
  const assigneeId =
    assignee === undefined
      ? undefined
      : isRecord(assignee) && typeof assignee.accountId === 'string'
        ? assignee.accountId
        : null;
  return {
    id: change.issueId,
    key: change.issueKey,
    self: typeof raw?.self === 'string' ? raw.self : null,
    ...(assigneeId === undefined ? {} : { assigneeId }),
  };
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
  let propertyWrites = 0;
  let propertyDeletes = 0;
  const writeProperty = settings.native.issueProperty;
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
      [SLA_PROPERTY_KEY],
      ['assignee'],
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
    const slaStates: { issueId: string; issueKey: string; clocks: readonly SlaClock[] }[] = [];
    results.forEach(({ issueId, view, nextDueAt, clocks }) => {
      const raw = issueId === null ? undefined : rawById.get(issueId);
      if (issueId === null || !ISSUE_ID.test(issueId) || (view.kind === null && view.errors.length === 0)) return;
      const equalText = (a: unknown, b: string | null): boolean => (a ?? null) === b;
      if (view.errors.length > 0) {
        // Unreadable (no creation date…): no clock can be computed; `none` keeps the trigger from picking it forever.
        queue(targets.slaStatus, issueId, NO_CLOCK_STATUS, currentValue(raw, targets.slaStatus ?? ''), equalText);
        return;
      }
      issues += 1;
      slaStates.push({ issueId, issueKey: view.key, clocks });
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
    // The stored SLA states first, the fields last: a redelivery after a failed property write rewrites no field.
    for (const { issueId, issueKey, clocks } of slaStates) {
      const onIssue = storedProperty(rawById.get(issueId));
      const mirrored = await deps.store.get(slaStateKey(issueId));
      // The latch's memory: the property the search returned, else the mirror (the property may be switched off).
      const previous = onIssue ?? (isRecord(mirrored) ? mirrored : null);
      const value = slaPropertyValue(clocks, settings, version, nowMs, previous);
      const change: SlaStateChange = { issueId, issueKey, value, previous };
      // Warnings before a breach (issue 10), before the stored state is written: a failure redelivers the job, and
      // what was already sent is recorded by warnBeforeBreach itself.
      await warnBeforeBreach(deps, issueOf(change, rawById.get(issueId)), value, nowMs, settings.warnings);
      // Compared with the property the search returned and with the mirror, written just after the property: a
      // search lagging behind a write this recompute made before it was redelivered does not cause a second write.
      const mirror = isRecord(mirrored) ? mirrored : null;
      const stale =
        onIssue === null || (propertyNeedsWrite(value, onIssue, nowMs) && propertyNeedsWrite(value, mirror, nowMs));
      if (writeProperty && stale) {
        await deps.jira.setIssueProperty(issueId, SLA_PROPERTY_KEY, value);
        propertyWrites += 1;
      } else if (!writeProperty && onIssue !== null) {
        if (await deps.jira.deleteIssueProperty(issueId, SLA_PROPERTY_KEY)) propertyDeletes += 1;
      }
      await deps.store.set(slaStateKey(issueId), value);
    }
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
    propertyWrites,
    propertyDeletes,
  });
  return { issues, fieldWrites, unchanged, propertyWrites, propertyDeletes, settingsVersion: version };
};
