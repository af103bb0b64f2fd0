// A sprint's bandwidth reserve ("bande passante") and validation cap (D8, A18, A19), with its predictability and
// productivity (D9, A20, rules.md §6.3). Pure: the sprint, its issues' histories and the rules in, figures out.
// Effort is integer thousandths of the board's unit (effort.ts); an issue's state at an instant includes the changes
// made at that instant (../value-over-time.ts). Invariants: consumed + left = reserve; consumed + overflow = the
// consumers' effort; overflow > 0 ⇒ left = 0; the move-out candidates cover the overflow whenever the not-started
// stories can, and none of them can be dropped (move-out-candidates.ts).
//
// How the contract is read (D8 and D9 leave these open; decisions.md is cited where it decides):
// - The sprint is measured at its start and at its end: the completion instant of a closed sprint (its planned end
//   when Jira has no completion date), "now" for an active sprint. A future sprint (or an active one before its start)
//   is measured now on both sides: a forecast, with no consumers and no predictability or productivity.
// - An issue's effort is its estimate on the board's estimation field; without one, its logged time converted to the
//   board's unit (D8), at `hoursPerPoint` hours a point on points boards; with neither, 0 and a warning. The same
//   effort is used everywhere below (capacity, consumers, cap, predictability). Sub-tasks are left out by the adapter.
// - Committed capacity = effort of the issues in the sprint at its start (from the Sprint field's history).
// - Reserve = the sprint's own reserve when the PO set one, else `defaultRate` (15 %) of the committed capacity (D8).
// - Consumers = issues added to the sprint after its start and still in it at its end that are blocking anomalies of
//   class production (D6) or carry an urgent label (security flaw, infrastructure failure: L2393-2398). A blocking
//   anomaly of class validation is not a consumer: it counts toward the validation cap. consumed = min(reserve, Σ),
//   overflow = max(0, Σ − reserve), left = reserve − consumed.
// - Given back = what is left at the end of a closed sprint (L2549-2551); null while the sprint is not over (`left`
//   is then what would be given back if nothing else arrives).
// - Move-out candidates = stories of the sprint not started at its end, not consumers, chosen by
//   chooseMoveOutCandidates (least important first, minimal cover of the overflow).
// - Issues removed from the sprint before its end count in the committed capacity when they were there at the start
//   (that was the commitment), and nowhere else: not in the consumers, the cap, planned or done. They are listed.
// - Validation cap (A19): effort of the class-validation anomalies in the sprint at its end against `validationCapRate`
//   (10 %) of the total effort of the sprint at its end (reserve consumers included: "charge globale du sprint");
//   overCap = max(0, validation effort − cap), the contractor's charge (L2531-2536).
// - Predictability (L2659-2660) = done ÷ planned, planned = effort of the issues in the sprint at its end except the
//   reserve consumers ("hors bande passante"); done = the part of it whose status is in the done category at the end.
//   Done is whole estimates: an unfinished issue's remaining estimate is its whole estimate (A20).
// - Productivity (L2648-2652) = done ÷ time logged, over every issue in the sprint at its end (consumers included):
//   points per hour, or hours per hour on an hours board. Time logged is the issue's total (worklog dates are not
//   read), so an issue carried over counts its whole log in each sprint it ends in.
import type { AnomalyClass } from '../anomaly/classify-anomaly';
import type { IssueKind, Severity } from '../sla/vocabulary';
import { foldName } from '../text';
import { milliFromLoggedMs, type EstimationUnit } from './effort';
import { chooseMoveOutCandidates } from './move-out-candidates';
import { firstEntryWithin, holdsWithin, valueAt, type ValueOverTime } from '../value-over-time';

export type SprintState = 'closed' | 'active' | 'future';

export type SprintFacts = {
  readonly id: number;
  readonly name: string;
  readonly state: SprintState;
  readonly startAtMs: number | null;
  /** The planned end. */
  readonly endAtMs: number | null;
  /** When the sprint was completed (closed sprints). */
  readonly completeAtMs: number | null;
};

/** Jira's status categories: to do, in progress, done; null when the status's category is not known. */
export type StatusCategory = 'new' | 'indeterminate' | 'done';
export type StatusValue = { readonly status: string; readonly category: StatusCategory | null };

/** An issue of the board as the reserve sees it; histories start at the issue's creation. */
export type SprintItem = {
  readonly key: string;
  readonly issueType: string;
  readonly kind: IssueKind | null;
  /** The current qualification (D5: the Administration's). */
  readonly severity: Severity | null;
  readonly anomalyClass: AnomalyClass | null;
  readonly labels: readonly string[];
  /** Jira rank (LexoRank): the smaller, the more important. */
  readonly rank: string | null;
  /** On the board's estimation field, in thousandths of the board's unit. */
  readonly estimateMilli: number | null;
  /** Total time logged on the issue. */
  readonly loggedMs: number | null;
  /** The ids of the sprints the issue is in, over time (the Sprint field). */
  readonly sprints: ValueOverTime<readonly number[] | null>;
  readonly statuses: ValueOverTime<StatusValue | null>;
};

export type ReserveRules = {
  readonly unit: EstimationUnit;
  readonly hoursPerPoint: number;
  /** Share of the committed capacity kept as reserve when the sprint has none of its own (D8: 0.15). */
  readonly defaultRate: number;
  /** Share of the sprint's effort the Administration pays for validation anomalies (D8: 0.10). */
  readonly validationCapRate: number;
  /** Folded names (see foldName). */
  readonly urgentLabels: ReadonlySet<string>;
  readonly storyTypes: ReadonlySet<string>;
  readonly notStartedStatuses: ReadonlySet<string>;
};

export type EffortSource = 'estimate' | 'logged' | 'none';
export type ConsumerReason = 'blocking-production-anomaly' | 'urgent-label';

export type ReserveConsumer = {
  readonly key: string;
  readonly effortMilli: number;
  readonly source: EffortSource;
  /** When it was added to the sprint. */
  readonly addedAtMs: number;
  readonly reason: ConsumerReason;
};

export type CapacityWarningCode =
  'ESTIMATE_MISSING' | 'ESTIMATE_FROM_LOGGED_TIME' | 'ANOMALY_CLASS_UNKNOWN' | 'RANK_MISSING' | 'OVERFLOW_NOT_COVERED';
export type CapacityWarning = {
  readonly code: CapacityWarningCode;
  readonly key: string | null;
  readonly message: string;
};

export type SprintCapacity = {
  readonly sprint: SprintFacts;
  /** Whether the sprint has started; when not, it is a forecast measured now. */
  readonly started: boolean;
  readonly startMs: number;
  /** The end side of the measure: completion of a closed sprint, now otherwise. */
  readonly measuredAtMs: number;
  readonly committedMilli: number;
  readonly reserveMilli: number;
  readonly reserveSource: 'per-sprint' | 'default-rate';
  readonly consumedMilli: number;
  readonly leftMilli: number;
  /** Closed sprints only: the reserve returned to the sprint's stories. */
  readonly givenBackMilli: number | null;
  readonly overflowMilli: number;
  /** In order of arrival. */
  readonly consumers: readonly ReserveConsumer[];
  /** Least important first. */
  readonly moveOutCandidates: readonly string[];
  readonly uncoveredOverflowMilli: number;
  /** Issues that were in the sprint during it and are no longer at its end. */
  readonly removed: readonly string[];
  readonly validationEffortMilli: number;
  readonly totalEffortMilli: number;
  readonly validationCapMilli: number;
  readonly overCapMilli: number;
  readonly predictability: { readonly doneMilli: number; readonly plannedMilli: number; readonly ratio: number | null };
  readonly productivity: {
    readonly doneMilli: number;
    readonly loggedMs: number;
    readonly unitsPerHour: number | null;
  };
  readonly warnings: readonly CapacityWarning[];
};

type Effort = { readonly milli: number; readonly source: EffortSource };

/**
 * The issue's effort: its estimate, else its logged time in the board's unit, else 0 (D8).
 * @example effortOf({ estimateMilli: null, loggedMs: 9 * 3_600_000 }, { unit: 'points', hoursPerPoint: 6 })
 * // { milli: 1500, source: 'logged' }
 */
export const effortOf = (
  item: Pick<SprintItem, 'estimateMilli' | 'loggedMs'>,
  rules: Pick<ReserveRules, 'unit' | 'hoursPerPoint'>,
): Effort => {
  if (item.estimateMilli !== null) return { milli: item.estimateMilli, source: 'estimate' };
  if (item.loggedMs !== null && item.loggedMs > 0)
    return { milli: milliFromLoggedMs(item.loggedMs, rules.unit, rules.hoursPerPoint), source: 'logged' };
  return { milli: 0, source: 'none' };
};

/**
 * Why the issue would consume the reserve when added during the sprint, or null (D8).
 * @example bandwidthReason({ ...anomaly, severity: 'blocking', anomalyClass: 'validation', labels: [] }, rules)
 * // null: the cap's business
 */
export const bandwidthReason = (item: SprintItem, rules: Pick<ReserveRules, 'urgentLabels'>): ConsumerReason | null => {
  if (item.kind === 'anomaly' && item.severity === 'blocking' && item.anomalyClass === 'production')
    return 'blocking-production-anomaly';
  if (item.labels.some((label) => rules.urgentLabels.has(foldName(label)))) return 'urgent-label';
  return null;
};

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/**
 * Computes a sprint's reserve, cap, predictability and productivity.
 * @example computeSprintCapacity(sprint2, items, rules, { nowMs, reserveMilli: null })
 * // committed 20 pts → reserve 3 pts; a 5-pt blocking production anomaly added during the sprint:
 * // { consumedMilli: 3000, leftMilli: 0, overflowMilli: 2000, givenBackMilli: 0, moveOutCandidates: ['DEMAT-208'], … }
 */
export const computeSprintCapacity = (
  sprint: SprintFacts,
  items: readonly SprintItem[],
  rules: ReserveRules,
  options: { readonly nowMs: number; readonly reserveMilli: number | null },
): SprintCapacity => {
  const { nowMs } = options;
  const started =
    sprint.startAtMs !== null && sprint.state !== 'future' && (sprint.state === 'closed' || nowMs >= sprint.startAtMs);
  const startMs = started ? sprint.startAtMs : nowMs;
  const endMs = !started ? nowMs : sprint.state === 'closed' ? (sprint.completeAtMs ?? sprint.endAtMs ?? nowMs) : nowMs;
  const measuredAtMs = Math.max(startMs, endMs);

  const inSprint = (ids: readonly number[]): boolean => ids.includes(sprint.id);
  const memberAt = (item: SprintItem, atMs: number): boolean => inSprint(valueAt(item.sprints, atMs) ?? []);
  const warnings: CapacityWarning[] = [];
  const warned = new Set<string>();
  const warn = (code: CapacityWarningCode, key: string | null, message: string): void => {
    if (warned.has(`${code} ${key ?? ''}`)) return;
    warned.add(`${code} ${key ?? ''}`);
    warnings.push({ code, key, message });
  };
  const efforts = new Map<SprintItem, Effort>();
  const effort = (item: SprintItem): number => {
    let found = efforts.get(item);
    if (found === undefined) {
      found = effortOf(item, rules);
      efforts.set(item, found);
      if (found.source === 'none') warn('ESTIMATE_MISSING', item.key, 'no estimate and no time logged: counted as 0');
      if (found.source === 'logged') {
        const rate = rules.unit === 'points' ? `${rules.hoursPerPoint} h a point` : 'hours';
        warn('ESTIMATE_FROM_LOGGED_TIME', item.key, `no estimate: its logged time counts instead (${rate})`);
      }
    }
    return found.milli;
  };
  const statusAtEnd = (item: SprintItem): StatusValue | null => valueAt(item.statuses, measuredAtMs);
  const isDone = (item: SprintItem): boolean => statusAtEnd(item)?.category === 'done';
  const isNotStarted = (item: SprintItem): boolean => {
    const status = statusAtEnd(item);
    return status !== null && (status.category === 'new' || rules.notStartedStatuses.has(foldName(status.status)));
  };

  const atStart = items.filter((item) => memberAt(item, startMs));
  const atEnd = items.filter((item) => memberAt(item, measuredAtMs));
  const startSet = new Set(atStart);
  const endSet = new Set(atEnd);
  const removed = items
    .filter((item) => !endSet.has(item) && holdsWithin(item.sprints, inSprint, startMs, measuredAtMs))
    .map((item) => item.key);

  const committedMilli = sum(atStart.map(effort));
  const reserveMilli = options.reserveMilli ?? Math.round(rules.defaultRate * committedMilli);

  const consumers: ReserveConsumer[] = [];
  for (const item of atEnd) {
    if (startSet.has(item)) continue;
    const reason = bandwidthReason(item, rules);
    const addedAtMs = firstEntryWithin(item.sprints, inSprint, startMs, measuredAtMs);
    if (reason === null || addedAtMs === null) continue;
    consumers.push({
      key: item.key,
      effortMilli: effort(item),
      source: efforts.get(item)?.source ?? 'none',
      addedAtMs,
      reason,
    });
  }
  consumers.sort((a, b) => a.addedAtMs - b.addedAtMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const consumerKeys = new Set(consumers.map((c) => c.key));
  const demandMilli = sum(consumers.map((c) => c.effortMilli));
  const consumedMilli = Math.min(reserveMilli, demandMilli);
  const overflowMilli = Math.max(0, demandMilli - reserveMilli);
  const leftMilli = reserveMilli - consumedMilli;

  const notStartedStories = atEnd.filter(
    (item) => !consumerKeys.has(item.key) && rules.storyTypes.has(foldName(item.issueType)) && isNotStarted(item),
  );
  const choice = chooseMoveOutCandidates(
    notStartedStories.map((item) => ({ key: item.key, rank: item.rank, effortMilli: effort(item) })),
    overflowMilli,
  );
  for (const item of notStartedStories)
    if (choice.keys.includes(item.key) && item.rank === null)
      warn('RANK_MISSING', item.key, 'the story has no rank: it is taken as the least important');
  if (choice.uncoveredMilli > 0)
    warn(
      'OVERFLOW_NOT_COVERED',
      null,
      'the stories not started do not cover the overflow: all of them are candidates, ' +
        'and the rest of the overflow remains',
    );

  for (const item of atEnd) {
    if (item.kind === 'anomaly' && item.anomalyClass === null)
      warn(
        'ANOMALY_CLASS_UNKNOWN',
        item.key,
        'anomaly of unknown class (D6): neither in the reserve nor in the validation cap',
      );
  }
  const validationEffortMilli = sum(
    atEnd.filter((item) => item.kind === 'anomaly' && item.anomalyClass === 'validation').map(effort),
  );
  const totalEffortMilli = sum(atEnd.map(effort));
  const validationCapMilli = Math.round(rules.validationCapRate * totalEffortMilli);

  const planned = atEnd.filter((item) => !consumerKeys.has(item.key));
  const plannedMilli = sum(planned.map(effort));
  const donePlannedMilli = sum(planned.filter(isDone).map(effort));
  const doneMilli = sum(atEnd.filter(isDone).map(effort));
  const loggedMs = sum(atEnd.map((item) => item.loggedMs ?? 0));

  return {
    sprint,
    started,
    startMs,
    measuredAtMs,
    committedMilli,
    reserveMilli,
    reserveSource: options.reserveMilli === null ? 'default-rate' : 'per-sprint',
    consumedMilli,
    leftMilli,
    givenBackMilli: started && sprint.state === 'closed' ? leftMilli : null,
    overflowMilli,
    consumers,
    moveOutCandidates: choice.keys,
    uncoveredOverflowMilli: choice.uncoveredMilli,
    removed,
    validationEffortMilli,
    totalEffortMilli,
    validationCapMilli,
    overCapMilli: Math.max(0, validationEffortMilli - validationCapMilli),
    predictability: {
      doneMilli: donePlannedMilli,
      plannedMilli,
      ratio: started && plannedMilli > 0 ? donePlannedMilli / plannedMilli : null,
    },
    // units per hour = (doneMilli / 1000) / (loggedMs / 3 600 000)
    productivity: {
      doneMilli,
      loggedMs,
      unitsPerHour: started && loggedMs > 0 ? (doneMilli * 3_600) / loggedMs : null,
    },
    warnings,
  };
};
