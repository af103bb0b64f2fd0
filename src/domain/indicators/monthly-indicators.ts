// The committee's monthly indicators (D9, rules.md §6), from every issue's clocks taken at the month's measure instant
// (its end, or `at` while it is not over; month-window.ts). Issues are folded one at a time into a tally that keeps
// only keys and the durations of the month's issues, so a 20,000-issue export never sits in memory as views; two
// tallies merge, and a month split into two exports sums to the whole month.
//
// How the contract is read (D9, A16, A20; decisions.md is cited where it decides):
// - Attribution: a clock counts in the month it STOPPED (`stoppedAt` in [start, end)); compliance = met ÷ (met +
//   breached) over those clocks; clocks still running (or paused) at the measure instant are listed apart, never in
//   the rate. A reopened issue whose clock stops again in a later month counts again there, with its whole elapsed
//   time (D4: elapsed never resets); a month already over is unaffected (it is measured at its end).
// - Qualification: the severity and service level in force at the measure instant, applied from the clock's start
//   (D5: the Administration's current qualification prevails), so a reclassified incident counts once, under its
//   new qualification.
// - IND_INC01/02/03: resolution clocks of incidents qualified blocking, per service level gold/silver/bronze, against
//   95/90/85 %; the other incident qualifications are listed the same way without threshold (rules.md §6.2, GTR).
// - IND_SUP01/02/03: incidents open at some instant of the month, by severity: their resolution clock started before
//   the measure instant and was not stopped before the month began (stopped after its first instant, or not at all).
//   An incident counts once a month however often it is reopened; its keys are split into resolved within target,
//   resolved late, and still open.
// - Anomalies: compliance of each clock (workaround, resolution) by severity, and by detection environment × class
//   (D6); documentation anomalies by severity, service requests by urgency.
// - Escaped defect rate (A20): anomalies of class production ÷ anomalies of class validation, created in the month;
//   anomalies of unknown class are listed apart.
// - Lead time: clock start (creation; for incidents, the incident start when given, D4) → stop of the resolution
//   clock, for issues whose resolution clock stopped in the month. Cycle time: first entry into an "in progress"
//   status → the same stop; issues never in progress are listed apart. Work item age: clock start → the measure
//   instant, for issues whose resolution clock is still running then. Calendar and standard-calendar business time.
// - Only the contract's issues (those with clocks) are measured: other issue types have no "done" the contract defines.
import type { AnomalyClass } from '../anomaly/classify-anomaly';
import { businessMsBetweenEpoch, type BusinessCalendar } from '../calendar/business-calendar';
import type { ClockState } from '../sla/sla-clock';
import type { ClockId } from '../sla/targets';
import {
  qualificationOf,
  type AnomalySeverity,
  type Environment,
  type IssueKind,
  type ServiceLevel,
  type Severity,
} from '../sla/vocabulary';
import {
  ANOMALY_CELLS,
  ANOMALY_CLOCKS,
  DOC_SEVERITIES,
  EMPTY_NOTES,
  ESCAPED_DEFECT_RATE,
  IND_INC,
  IND_SUP,
  SERVICE_LEVELS,
  URGENCIES,
  ANOMALY_SEVERITIES,
  anomalyCode,
  anomalyLabel,
  docCode,
  docLabel,
  durationCode,
  durationEmptyNote,
  durationLabel,
  incidentCode,
  incidentLabel,
  requestCode,
  requestLabel,
  type ClassCell,
  type DurationMeasure,
  type EnvironmentCell,
} from './catalogue';
import { durationStats, type DurationItem } from './durations';
import {
  compareKeys,
  complianceFigure,
  countFigure,
  ratioFigure,
  sortedKeys,
  type Breach,
  type Figure,
} from './figure';
import type { MonthWindow } from './month-window';

/** A clock as the indicators read it (instants in epoch ms). */
export type IndicatorClock = {
  readonly id: ClockId;
  readonly targetLabel: string | null;
  readonly targetMs: number | null;
  readonly elapsedMs: number;
  readonly breached: boolean;
  readonly state: ClockState;
  readonly startedAtMs: number;
  readonly stoppedAtMs: number | null;
  readonly dueAtMs: number | null;
};

/** An issue of the contract with its clocks computed at the month's measure instant. */
export type IndicatorIssue = {
  readonly key: string;
  readonly kind: IssueKind;
  readonly severity: Severity | null;
  readonly serviceLevel: ServiceLevel | null;
  readonly environment: Environment | null;
  readonly anomalyClass: AnomalyClass | null;
  readonly clocks: readonly IndicatorClock[];
  /** First entry into an "in progress" status up to the resolution clock's stop; null when never. */
  readonly firstInProgressAtMs: number | null;
};

type Cell = { readonly met: string[]; readonly breaches: Breach[]; readonly running: string[] };
type OpenKeys = { readonly met: string[]; readonly breached: string[]; readonly running: string[] };

export type MonthlyNoticeCode = 'CLOCK_WITHOUT_TARGET' | 'INCIDENT_WITHOUT_SEVERITY';
export type MonthlyNotice = {
  readonly code: MonthlyNoticeCode;
  readonly message: string;
  readonly keys: readonly string[];
};

/** What a month's issues add up to; build with tallyMonth, combine with mergeTallies. */
export type MonthlyTally = {
  readonly window: MonthWindow;
  readonly measuredAtMs: number;
  /** Compliance cells by figure code. */
  readonly cells: ReadonlyMap<string, Cell>;
  readonly open: Readonly<Record<AnomalySeverity, OpenKeys>>;
  readonly escaped: {
    readonly production: readonly string[];
    readonly validation: readonly string[];
    readonly unknown: readonly string[];
  };
  readonly leadTime: readonly DurationItem[];
  readonly cycleTime: readonly DurationItem[];
  readonly neverInProgress: readonly string[];
  readonly workItemAge: readonly DurationItem[];
  readonly withoutTarget: readonly string[];
  readonly incidentsWithoutSeverity: readonly string[];
};

const envCell = (environment: Environment | null): EnvironmentCell => environment ?? 'unknown';
const classCell = (anomalyClass: AnomalyClass | null): ClassCell => anomalyClass ?? 'unknown';

/** The compliance cells a clock belongs to (figure codes); empty when its qualification places it nowhere. */
const cellCodes = (issue: IndicatorIssue, clock: IndicatorClock): readonly string[] => {
  const qualification = qualificationOf(issue.kind, issue.severity);
  if (qualification === null) return [];
  switch (qualification.kind) {
    case 'incident':
      return clock.id === 'resolution' ? [incidentCode(qualification.severity, issue.serviceLevel ?? 'silver')] : [];
    case 'anomaly': {
      const s = qualification.severity;
      return [
        anomalyCode(clock.id, s),
        anomalyCode(clock.id, s, [envCell(issue.environment), classCell(issue.anomalyClass)]),
      ];
    }
    case 'doc-anomaly':
      return clock.id === 'resolution' ? [docCode(qualification.severity)] : [];
    case 'service-request':
      return clock.id === 'resolution' ? [requestCode(qualification.severity)] : [];
  }
};

const emptyOpen = (): Record<AnomalySeverity, OpenKeys> => ({
  blocking: { met: [], breached: [], running: [] },
  major: { met: [], breached: [], running: [] },
  minor: { met: [], breached: [], running: [] },
});

/**
 * Folds the issues into the month's tally; each issue is read once and not kept.
 * @example tallyMonth([incidentResolvedLate], october, october.endMs, standard).cells.get('IND_INC01')
 * // { met: [], breaches: [{ key: 'DEMAT-1', … }], running: [] }
 */
export const tallyMonth = (
  issues: Iterable<IndicatorIssue>,
  window: MonthWindow,
  measuredAtMs: number,
  standard: BusinessCalendar,
): MonthlyTally => {
  if (measuredAtMs <= window.startMs || measuredAtMs > window.endMs)
    throw new RangeError('tallyMonth: the measure instant must be within (start, end] of the month');
  const inMonth = (ms: number): boolean => ms >= window.startMs && ms < window.endMs;
  const cells = new Map<string, Cell>();
  const cell = (code: string): Cell => {
    let found = cells.get(code);
    if (found === undefined) {
      found = { met: [], breaches: [], running: [] };
      cells.set(code, found);
    }
    return found;
  };
  const open = emptyOpen();
  const escaped: Record<ClassCell, string[]> = { production: [], validation: [], unknown: [] };
  const leadTime: DurationItem[] = [];
  const cycleTime: DurationItem[] = [];
  const neverInProgress: string[] = [];
  const workItemAge: DurationItem[] = [];
  const withoutTarget = new Set<string>();
  const incidentsWithoutSeverity: string[] = [];
  const item = (issue: IndicatorIssue, fromMs: number, toMs: number): DurationItem => ({
    key: issue.key,
    kind: issue.kind,
    fromMs,
    toMs,
    ms: toMs - fromMs,
    businessMs: businessMsBetweenEpoch(standard, fromMs, toMs),
  });

  for (const issue of issues) {
    const startedAtMs = issue.clocks[0]?.startedAtMs;
    // An issue not started at the measure instant did not exist yet for this month.
    if (startedAtMs === undefined || startedAtMs >= measuredAtMs) continue;
    for (const clock of issue.clocks) {
      const stoppedInMonth = clock.stoppedAtMs !== null && inMonth(clock.stoppedAtMs);
      // Still running within the month: a stop at the measure instant itself (00:00 on the 1st) belongs to the next
      // month.
      const running = clock.state !== 'stopped' || (clock.stoppedAtMs !== null && clock.stoppedAtMs >= measuredAtMs);
      if (!stoppedInMonth && !running) continue;
      const codes = cellCodes(issue, clock);
      if (clock.targetMs === null || codes.length === 0) {
        withoutTarget.add(issue.key);
        continue;
      }
      for (const code of codes) {
        const target = cell(code);
        if (running) target.running.push(issue.key);
        else if (!clock.breached) target.met.push(issue.key);
        // Not running, so stopped in the month: stoppedAtMs is set.
        else if (clock.stoppedAtMs !== null) {
          target.breaches.push({
            key: issue.key,
            clock: clock.id,
            targetLabel: clock.targetLabel,
            targetMs: clock.targetMs,
            elapsedMs: clock.elapsedMs,
            overrunMs: clock.elapsedMs - clock.targetMs,
            dueAtMs: clock.dueAtMs,
            stoppedAtMs: clock.stoppedAtMs,
          });
        }
      }
    }

    const resolution = issue.clocks.find((c) => c.id === 'resolution');
    if (resolution === undefined) continue;
    const stoppedAtMs = resolution.stoppedAtMs;
    const stillOpen = resolution.state !== 'stopped' || (stoppedAtMs !== null && stoppedAtMs >= measuredAtMs);

    if (issue.kind === 'incident') {
      // Open at some instant of the month: not stopped before it began (a stop at its first instant closes it before).
      const openInMonth =
        stillOpen || (stoppedAtMs !== null && stoppedAtMs > window.startMs && stoppedAtMs > resolution.startedAtMs);
      if (openInMonth) {
        const qualification = qualificationOf(issue.kind, issue.severity);
        if (qualification !== null && qualification.kind === 'incident') {
          const keys = open[qualification.severity];
          (stillOpen ? keys.running : resolution.breached ? keys.breached : keys.met).push(issue.key);
        } else incidentsWithoutSeverity.push(issue.key);
      }
    }

    if (issue.kind === 'anomaly' && inMonth(startedAtMs)) escaped[issue.anomalyClass ?? 'unknown'].push(issue.key);

    if (stoppedAtMs !== null && inMonth(stoppedAtMs)) {
      leadTime.push(item(issue, resolution.startedAtMs, stoppedAtMs));
      const first = issue.firstInProgressAtMs;
      if (first !== null && first <= stoppedAtMs) cycleTime.push(item(issue, first, stoppedAtMs));
      else neverInProgress.push(issue.key);
    }
    if (stillOpen) workItemAge.push(item(issue, resolution.startedAtMs, measuredAtMs));
  }
  return {
    window,
    measuredAtMs,
    cells,
    open,
    escaped,
    leadTime,
    cycleTime,
    neverInProgress,
    workItemAge,
    withoutTarget: [...withoutTarget],
    incidentsWithoutSeverity,
  };
};

/** Two tallies of the same month and instant (issues split between two exports) → the tally of all their issues. */
export const mergeTallies = (a: MonthlyTally, b: MonthlyTally): MonthlyTally => {
  if (a.window.startMs !== b.window.startMs || a.measuredAtMs !== b.measuredAtMs)
    throw new RangeError('mergeTallies: tallies of different months or instants');
  const cells = new Map<string, Cell>();
  for (const [code, c] of [...a.cells, ...b.cells]) {
    const found = cells.get(code);
    cells.set(
      code,
      found === undefined
        ? { met: [...c.met], breaches: [...c.breaches], running: [...c.running] }
        : {
            met: [...found.met, ...c.met],
            breaches: [...found.breaches, ...c.breaches],
            running: [...found.running, ...c.running],
          },
    );
  }
  const open = emptyOpen();
  for (const s of ANOMALY_SEVERITIES)
    for (const part of ['met', 'breached', 'running'] as const)
      open[s][part].push(...a.open[s][part], ...b.open[s][part]);
  return {
    window: a.window,
    measuredAtMs: a.measuredAtMs,
    cells,
    open,
    escaped: {
      production: [...a.escaped.production, ...b.escaped.production],
      validation: [...a.escaped.validation, ...b.escaped.validation],
      unknown: [...a.escaped.unknown, ...b.escaped.unknown],
    },
    leadTime: [...a.leadTime, ...b.leadTime],
    cycleTime: [...a.cycleTime, ...b.cycleTime],
    neverInProgress: [...a.neverInProgress, ...b.neverInProgress],
    workItemAge: [...a.workItemAge, ...b.workItemAge],
    withoutTarget: [...a.withoutTarget, ...b.withoutTarget],
    incidentsWithoutSeverity: [...a.incidentsWithoutSeverity, ...b.incidentsWithoutSeverity],
  };
};

export type MonthlyIndicators = {
  readonly figures: readonly Figure[];
  /** Each issue's duration behind the lead time, cycle time and work item age figures, by key. */
  readonly durations: Readonly<Record<DurationMeasure, readonly DurationItem[]>>;
  readonly notices: readonly MonthlyNotice[];
};

const byKey = (items: readonly DurationItem[]): readonly DurationItem[] =>
  [...items].sort((x, y) => compareKeys(x.key, y.key));

const durationFigures = (
  measure: DurationMeasure,
  items: readonly DurationItem[],
  apart: readonly string[],
): Figure[] => {
  const keys = items.map((i) => i.key);
  const statistics = measure === 'workItemAge' ? (['median', 'max'] as const) : (['median', 'mean'] as const);
  return (['calendar', 'business'] as const).flatMap((basis) => {
    const stats = durationStats(items.map((i) => (basis === 'calendar' ? i.ms : i.businessMs)));
    return statistics.map((statistic) =>
      ratioFigure({
        type: 'duration',
        code: durationCode(measure, statistic, basis),
        label: durationLabel(measure, statistic, basis),
        section: 'flow',
        unit: 'ms',
        dimensions: { statistic, basis },
        value: statistic === 'median' ? stats.medianMs : statistic === 'mean' ? stats.meanMs : stats.maxMs,
        // The mean is sum ÷ count; a median or a maximum has no numerator, only the count of issues measured.
        numerator: statistic === 'mean' ? stats.sumMs : null,
        denominator: stats.count,
        keys: { numerator: statistic === 'mean' ? keys : [], denominator: keys, apart },
        emptyNote: durationEmptyNote(measure),
      }),
    );
  });
};

/**
 * The month's figures in the report's order, with the durations behind them and what could not be placed.
 * @example monthlyFigures(tallyMonth([], october, october.endMs, standard)).figures[0]
 * // { code: 'IND_INC01', value: null, status: 'no-data', note: 'aucun incident résolu dans le mois', … }
 */
export const monthlyFigures = (tally: MonthlyTally): MonthlyIndicators => {
  const empty: Cell = { met: [], breaches: [], running: [] };
  const at = (code: string): Cell => tally.cells.get(code) ?? empty;
  const figures: Figure[] = [];

  for (const severity of ANOMALY_SEVERITIES) {
    for (const level of SERVICE_LEVELS) {
      const code = incidentCode(severity, level);
      const c = at(code);
      const thresholdPercent = severity === 'blocking' ? IND_INC[level].thresholdPercent : null;
      figures.push(
        complianceFigure({
          code,
          label: incidentLabel(severity, level),
          section: 'incidents',
          dimensions: { kind: 'incident', clock: 'resolution', severity, serviceLevel: level },
          thresholdPercent,
          met: c.met,
          breaches: c.breaches,
          running: c.running,
          emptyNote: EMPTY_NOTES.incident,
        }),
      );
    }
  }
  for (const severity of ANOMALY_SEVERITIES) {
    figures.push(
      countFigure({
        code: IND_SUP[severity].code,
        label: IND_SUP[severity].label,
        section: 'open-incidents',
        dimensions: { kind: 'incident', severity },
        keys: tally.open[severity],
      }),
    );
  }

  const listed = new Set<string>();
  for (const [clock, severity] of ANOMALY_CLOCKS) {
    const emptyNote = clock === 'workaround' ? EMPTY_NOTES.anomalyWorkaround : EMPTY_NOTES.anomalyResolution;
    const total = anomalyCode(clock, severity);
    const c = at(total);
    figures.push(
      complianceFigure({
        code: total,
        label: anomalyLabel(clock, severity),
        section: 'anomalies',
        dimensions: { kind: 'anomaly', clock, severity },
        thresholdPercent: null,
        met: c.met,
        breaches: c.breaches,
        running: c.running,
        emptyNote,
      }),
    );
    // The five pairs D6 allows, then any other pair the data has (none, unless the classification rules change).
    const extra = [...tally.cells.keys()].filter(
      (code) =>
        code.startsWith(`${total}_ENV_`) && !ANOMALY_CELLS.some((pair) => anomalyCode(clock, severity, pair) === code),
    );
    const pairs = [...ANOMALY_CELLS, ...extra.sort().map((code) => pairOfCode(code))];
    for (const pair of pairs) {
      const code = anomalyCode(clock, severity, pair);
      if (listed.has(code)) continue;
      listed.add(code);
      const d = at(code);
      figures.push(
        complianceFigure({
          code,
          label: anomalyLabel(clock, severity, pair),
          section: 'anomalies',
          dimensions: { kind: 'anomaly', clock, severity, environment: pair[0], anomalyClass: pair[1] },
          thresholdPercent: null,
          met: d.met,
          breaches: d.breaches,
          running: d.running,
          emptyNote,
        }),
      );
    }
  }
  for (const severity of DOC_SEVERITIES) {
    const code = docCode(severity);
    const c = at(code);
    figures.push(
      complianceFigure({
        code,
        label: docLabel(severity),
        section: 'doc-anomalies',
        dimensions: { kind: 'doc-anomaly', clock: 'resolution', severity },
        thresholdPercent: null,
        met: c.met,
        breaches: c.breaches,
        running: c.running,
        emptyNote: EMPTY_NOTES.docAnomaly,
      }),
    );
  }
  for (const urgency of URGENCIES) {
    const code = requestCode(urgency);
    const c = at(code);
    figures.push(
      complianceFigure({
        code,
        label: requestLabel(urgency),
        section: 'service-requests',
        dimensions: { kind: 'service-request', clock: 'resolution', severity: urgency },
        thresholdPercent: null,
        met: c.met,
        breaches: c.breaches,
        running: c.running,
        emptyNote: EMPTY_NOTES.serviceRequest,
      }),
    );
  }

  const { production, validation, unknown } = tally.escaped;
  figures.push(
    ratioFigure({
      type: 'ratio',
      code: ESCAPED_DEFECT_RATE.code,
      label: ESCAPED_DEFECT_RATE.label,
      section: 'quality',
      unit: 'ratio',
      dimensions: { kind: 'anomaly' },
      value: validation.length === 0 ? null : production.length / validation.length,
      numerator: production.length,
      denominator: validation.length,
      keys: { numerator: production, denominator: validation, apart: unknown },
      emptyNote: ESCAPED_DEFECT_RATE.emptyNote,
    }),
  );
  figures.push(
    ...durationFigures('leadTime', tally.leadTime, []),
    ...durationFigures('cycleTime', tally.cycleTime, tally.neverInProgress),
    ...durationFigures('workItemAge', tally.workItemAge, []),
  );

  const notices: MonthlyNotice[] = [];
  if (tally.withoutTarget.length > 0) {
    const keys = sortedKeys(tally.withoutTarget);
    notices.push({
      code: 'CLOCK_WITHOUT_TARGET',
      keys,
      message:
        `${keys.length} issue(s) with a clock stopped in the month or still running have no severity or no target ` +
        '(D3): left out of the rates',
    });
  }
  if (tally.incidentsWithoutSeverity.length > 0) {
    const keys = sortedKeys(tally.incidentsWithoutSeverity);
    notices.push({
      code: 'INCIDENT_WITHOUT_SEVERITY',
      keys,
      message: `${keys.length} incident(s) open in the month have no severity: left out of IND_SUP01-03`,
    });
  }
  return {
    figures,
    durations: {
      leadTime: byKey(tally.leadTime),
      cycleTime: byKey(tally.cycleTime),
      workItemAge: byKey(tally.workItemAge),
    },
    notices,
  };
};

const ENV_CELLS: ReadonlyMap<string, EnvironmentCell> = new Map([
  ['VALIDATION', 'validation'],
  ['PRODUCTION', 'production'],
  ['UNKNOWN', 'unknown'],
]);
const CLASS_CELLS: ReadonlyMap<string, ClassCell> = new Map([
  ['VALIDATION', 'validation'],
  ['PRODUCTION', 'production'],
  ['UNKNOWN', 'unknown'],
]);

const pairOfCode = (code: string): readonly [EnvironmentCell, ClassCell] => {
  const match = /_ENV_([A-Z]+)_CLASS_([A-Z]+)$/.exec(code);
  return [ENV_CELLS.get(match?.[1] ?? '') ?? 'unknown', CLASS_CELLS.get(match?.[2] ?? '') ?? 'unknown'];
};
