// The contract's clocks, recomputed from the status history alone (D4): never accumulated, so the same history
// always gives the same figures. Elapsed is business time in running statuses between the start and the stop (or
// `at`); paused is business time in pause statuses; a reopened clock counts again, elapsed never resets. The target
// follows the issue's qualification as of `at`, measured from the original start (D5).
// Instants are epoch ms here (`…AtMs`): the engine runs over tens of thousands of issues, and a luxon DateTime costs
// microseconds to build; DateTimes appear at the edges.
import { addBusinessMsEpoch, businessMsBetweenEpoch, type BusinessCalendar } from '../calendar/business-calendar';
import { durationMs } from '../duration';
import type { Warning } from '../result';
import { foldName } from '../text';
import { valueAt, type Change, type ValueOverTime } from '../value-over-time';
import { nextSprintDue, type SprintWindow } from './next-sprint';
import { targetOf, type ClockId, type TargetSpec, type TargetTable } from './targets';
import type { Environment, IssueKind, ServiceLevel, Severity } from './vocabulary';

/**
 * A field of the issue over time (value-over-time.ts): its value at creation, then each change in order, with the
 * texts Jira showed (kept for a value that could not be read, which is null).
 */
export type ValueHistory<T> = ValueOverTime<
  T | null,
  Change<T | null> & { readonly from: T | null; readonly fromText: string | null; readonly toText: string | null }
>;

/** What the clocks need to know about an issue, already read from Jira and checked (chronological changes). */
export type ClockFacts = {
  readonly kind: IssueKind;
  readonly createdAtMs: number;
  /** Incidents only: the incident start, possibly before creation (L1290-1293). */
  readonly incidentStartAtMs: number | null;
  readonly initialStatus: string;
  readonly statusChanges: readonly { readonly atMs: number; readonly to: string }[];
  readonly severity: ValueHistory<Severity>;
  readonly serviceLevel: ValueHistory<ServiceLevel>;
  readonly environment: Environment | null;
};

/** Status names by role; names are folded (see foldName). */
export type StatusRules = {
  readonly pause: ReadonlySet<string>;
  readonly workaroundDone: ReadonlySet<string>;
  /** Stops the resolution clock of every kind but production blocking anomalies; per kind (D4). */
  readonly resolved: Readonly<Record<IssueKind, ReadonlySet<string>>>;
  readonly deployed: ReadonlySet<string>;
  readonly closed: ReadonlySet<string>;
  /** Incidents pause in pause statuses only when this is set (D4: the contract gives them no pause rule). */
  readonly pauseIncidents: boolean;
};

export type ClockSettings = {
  readonly statuses: StatusRules;
  readonly targets: TargetTable;
  /** Calendars by name; `standard`, `gold`, `silver` and `bronze` are always there (D2). */
  readonly calendars: Readonly<Record<string, BusinessCalendar>>;
  /** The board's sprints, or sprints from the cadence (D7). */
  readonly sprints: readonly SprintWindow[];
};

export type ClockState = 'running' | 'paused' | 'stopped';

export type ClockSegment = {
  readonly fromMs: number;
  readonly toMs: number;
  readonly state: ClockState;
  readonly status: string;
  /** Business time this segment counted: as elapsed when running, as paused when paused, none when stopped. */
  readonly businessMs: number;
};

export type Requalification = {
  readonly atMs: number;
  readonly field: 'severity' | 'serviceLevel';
  readonly from: string | null;
  readonly to: string | null;
};

export type ClockTarget = {
  readonly label: string;
  /** For "next sprint" targets: the sprint the clock is due in. */
  readonly sprint: { readonly name: string; readonly startMs: number; readonly endMs: number } | null;
};

export type SlaClock = {
  readonly id: ClockId;
  readonly calendar: string;
  readonly target: ClockTarget | null;
  readonly targetMs: number | null;
  readonly dueAtMs: number | null;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  /** Target minus elapsed: negative once breached. */
  readonly remainingMs: number | null;
  readonly state: ClockState;
  readonly breached: boolean;
  readonly startedAtMs: number;
  readonly stoppedAtMs: number | null;
  readonly segments: readonly ClockSegment[];
  readonly requalifications: readonly Requalification[];
};

export type IssueClocks = {
  readonly severity: Severity | null;
  readonly serviceLevel: ServiceLevel | null;
  readonly clocks: readonly SlaClock[];
  readonly warnings: readonly Warning[];
};

const DEFAULT_INCIDENT_LEVEL: ServiceLevel = 'silver';

type Period = { readonly fromMs: number; readonly toMs: number; readonly status: string };

/** The status periods that tile [startMs, atMs]; statuses set before the start only set the first status. */
const statusPeriods = (facts: ClockFacts, startMs: number, atMs: number): readonly Period[] => {
  const periods: Period[] = [];
  let status = facts.initialStatus;
  let fromMs = startMs;
  for (const change of facts.statusChanges) {
    if (change.atMs > atMs) break;
    if (change.atMs > fromMs) {
      periods.push({ fromMs, toMs: change.atMs, status });
      fromMs = change.atMs;
    }
    status = change.to;
  }
  if (atMs > fromMs) periods.push({ fromMs, toMs: atMs, status });
  // A change exactly at `atMs` holds from `atMs` (half-open): an empty last period carries the status in effect, so
  // the clock's state is the new status's, not the one it just left (issue 8: an event handled at its own instant).
  else if (periods.length === 0 || periods[periods.length - 1]?.status !== status)
    periods.push({ fromMs, toMs: fromMs, status });
  return periods;
};

const union = (...sets: readonly ReadonlySet<string>[]): ReadonlySet<string> => new Set(sets.flatMap((s) => [...s]));

type StopSets = Readonly<Record<ClockId, ReadonlySet<string>>>;
const stopSetCache = new WeakMap<StatusRules, Map<string, StopSets>>();

/** Statuses that stop each clock of this issue (D4); built once per settings and case. */
const stopStatuses = (
  rules: StatusRules,
  kind: IssueKind,
  severity: Severity | null,
  environment: Environment | null,
): StopSets => {
  const productionBlocking = kind === 'anomaly' && environment === 'production' && severity === 'blocking';
  const cacheKey = `${kind}:${productionBlocking}`;
  let byCase = stopSetCache.get(rules);
  if (!byCase) {
    byCase = new Map();
    stopSetCache.set(rules, byCase);
  }
  let sets = byCase.get(cacheKey);
  if (!sets) {
    const resolution = productionBlocking
      ? union(rules.deployed, rules.closed)
      : union(rules.resolved[kind], rules.deployed, rules.closed);
    sets = { resolution, workaround: union(rules.workaroundDone, resolution) };
    byCase.set(cacheKey, sets);
  }
  return sets;
};

type Counted = {
  readonly segments: readonly ClockSegment[];
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly state: ClockState;
  readonly stoppedAtMs: number | null;
};

const countClock = (
  id: ClockId,
  periods: readonly Period[],
  stops: ReadonlySet<string>,
  pauses: ReadonlySet<string>,
  cal: BusinessCalendar,
): Counted => {
  const stateOf = (status: string): ClockState => {
    const folded = foldName(status);
    return stops.has(folded) ? 'stopped' : pauses.has(folded) ? 'paused' : 'running';
  };
  const states = periods.map((p) => stateOf(p.status));
  // The workaround clock ends at its first stop for good; the resolution clock at the start of its last stopped run.
  let end = periods.length;
  if (id === 'workaround') {
    const firstStop = states.indexOf('stopped');
    if (firstStop >= 0) end = firstStop;
  } else {
    while (end > 0 && states[end - 1] === 'stopped') end -= 1;
  }
  const stoppedAtMs = periods[end]?.fromMs ?? null;
  const segments: ClockSegment[] = [];
  let elapsedMs = 0;
  let pausedMs = 0;
  for (let i = 0; i < end; i++) {
    const period = periods[i];
    const state = states[i];
    // Always there (i < end <= periods.length = states.length); read inline, the loop runs for every issue's clocks.
    if (period === undefined || state === undefined || period.toMs <= period.fromMs) continue;
    const businessMs = state === 'stopped' ? 0 : businessMsBetweenEpoch(cal, period.fromMs, period.toMs);
    if (state === 'running') elapsedMs += businessMs;
    else if (state === 'paused') pausedMs += businessMs;
    segments.push({ fromMs: period.fromMs, toMs: period.toMs, state, status: period.status, businessMs });
  }
  const state: ClockState = stoppedAtMs !== null ? 'stopped' : (states[states.length - 1] ?? 'running');
  return { segments, elapsedMs, pausedMs, state, stoppedAtMs };
};

/** The instant the running time reached the target, walking the running segments. */
const crossingMs = (
  cal: BusinessCalendar,
  segments: readonly ClockSegment[],
  startMs: number,
  targetMs: number,
): number => {
  if (targetMs === 0) return startMs;
  let countedMs = 0;
  for (const segment of segments) {
    if (segment.state !== 'running') continue;
    if (countedMs + segment.businessMs >= targetMs)
      return addBusinessMsEpoch(cal, segment.fromMs, targetMs - countedMs);
    countedMs += segment.businessMs;
  }
  throw new RangeError('crossingMs: the segments never reach the target');
};

const requalificationsOf = (facts: ClockFacts, atMs: number): readonly Requalification[] => {
  const list: Requalification[] = [];
  const collect = (field: Requalification['field'], history: ValueHistory<string>): void => {
    for (const c of history.changes)
      if (c.atMs <= atMs) list.push({ atMs: c.atMs, field, from: c.from ?? c.fromText, to: c.to ?? c.toText });
  };
  collect('severity', facts.severity);
  if (facts.kind === 'incident') collect('serviceLevel', facts.serviceLevel);
  return list.sort((a, b) => a.atMs - b.atMs);
};

type ResolvedTarget = { readonly target: ClockTarget; readonly targetMs: number } | null;

const resolveTarget = (
  spec: TargetSpec | null,
  cal: BusinessCalendar,
  settings: ClockSettings,
  startMs: number,
  warnings: Warning[],
): ResolvedTarget => {
  if (spec === null) return null;
  if (spec.kind === 'duration')
    return { target: { label: spec.label, sprint: null }, targetMs: durationMs(spec.duration, cal.dayLengthMs) };
  const sprintCalendar = settings.calendars.standard ?? cal;
  const due = nextSprintDue(sprintCalendar, settings.sprints, startMs);
  if (due === null) {
    warnings.push({
      code: 'NO_NEXT_SPRINT',
      message:
        'No sprint starts after this issue was created, and no sprint cadence is set: ' +
        'the "next sprint" deadline cannot be placed (D7).',
    });
    return null;
  }
  // The next-sprint budget is the business time from the start to the sprint's due instant: without pauses the
  // clock is due exactly then; time paused on the Administration is deducted as for every clock (D4).
  return {
    target: { label: spec.label, sprint: { name: due.sprint.name, startMs: due.sprint.startMs, endMs: due.dueAtMs } },
    targetMs: due.dueAtMs > startMs ? businessMsBetweenEpoch(cal, startMs, due.dueAtMs) : 0,
  };
};

/**
 * Computes an issue's clocks as of `atMs`: the workaround clock (blocking and major anomalies) and the resolution
 * clock, each with its segments and the requalifications that moved its target.
 * @example computeIssueClocks(blockingAnomalyCreatedMonday9h, settings, at('2026-03-02T15:00')).clocks[0]
 * // { id: 'workaround', targetMs: 14_400_000, elapsedMs: 21_600_000, breached: true, dueAtMs: <Mon 13:00>, … }
 */
export const computeIssueClocks = (facts: ClockFacts, settings: ClockSettings, atMs: number): IssueClocks => {
  const warnings: Warning[] = [];
  const severity = valueAt(facts.severity, atMs);
  const recordedLevel = valueAt(facts.serviceLevel, atMs);
  if (severity === null)
    warnings.push({
      code: 'SEVERITY_MISSING',
      message: 'The issue has no severity: its clocks run without a target (D3).',
    });
  let level: ServiceLevel = recordedLevel ?? DEFAULT_INCIDENT_LEVEL;
  if (facts.kind === 'incident' && recordedLevel === null) {
    warnings.push({
      code: 'SERVICE_LEVEL_MISSING',
      message: 'The incident has no service level: the silver calendar and targets apply (D2).',
    });
    level = DEFAULT_INCIDENT_LEVEL;
  }
  const calendarName = facts.kind === 'incident' ? level : 'standard';
  const cal = settings.calendars[calendarName];
  if (!cal) throw new RangeError(`computeIssueClocks: calendar "${calendarName}" is missing from the settings`);
  const startMs =
    facts.kind === 'incident' && facts.incidentStartAtMs !== null ? facts.incidentStartAtMs : facts.createdAtMs;
  if (startMs > atMs)
    warnings.push({
      code: 'CLOCK_NOT_STARTED',
      message: 'The clock starts after the moment computed for: nothing has elapsed yet.',
    });
  const periods = statusPeriods(facts, startMs, atMs);
  const stops = stopStatuses(settings.statuses, facts.kind, severity, facts.environment);
  const pauses =
    facts.kind !== 'incident' || settings.statuses.pauseIncidents ? settings.statuses.pause : new Set<string>();
  const requalifications = requalificationsOf(facts, atMs);

  const clocks: SlaClock[] = [];
  for (const id of ['workaround', 'resolution'] as const) {
    const spec = targetOf(settings.targets, facts.kind, id, severity, level);
    if (spec === undefined) continue;
    const counted = countClock(id, periods, stops[id], pauses, cal);
    const resolved = resolveTarget(spec, cal, settings, startMs, warnings);
    let dueAtMs: number | null = null;
    if (resolved !== null) {
      dueAtMs =
        counted.elapsedMs >= resolved.targetMs
          ? crossingMs(cal, counted.segments, startMs, resolved.targetMs)
          : addBusinessMsEpoch(
              cal,
              counted.stoppedAtMs ?? Math.max(atMs, startMs),
              resolved.targetMs - counted.elapsedMs,
            );
    }
    clocks.push({
      id,
      calendar: cal.name,
      target: resolved?.target ?? null,
      targetMs: resolved?.targetMs ?? null,
      dueAtMs,
      elapsedMs: counted.elapsedMs,
      pausedMs: counted.pausedMs,
      remainingMs: resolved === null ? null : resolved.targetMs - counted.elapsedMs,
      state: counted.state,
      breached: resolved !== null && counted.elapsedMs > resolved.targetMs,
      startedAtMs: startMs,
      stoppedAtMs: counted.stoppedAtMs,
      segments: counted.segments,
      requalifications,
    });
  }
  return {
    severity,
    serviceLevel: facts.kind === 'incident' ? level : recordedLevel,
    clocks,
    warnings: dedupe(warnings),
  };
};

const dedupe = (warnings: readonly Warning[]): readonly Warning[] =>
  warnings.filter((w, i) => warnings.findIndex((o) => o.code === w.code) === i);
