// Invariants of the monthly indicators over random months: issues with consistent clocks (a stop is between the start
// and the measure instant, breached means elapsed > target) around October 2026, split between two exports, and
// compared with direct filters written separately (the "simpler version").
import fc from 'fast-check';
import type { AnomalyClass } from '../anomaly/classify-anomaly';
import { BUILTIN_CALENDARS } from '../calendar/builtin-calendars';
import type { ClockId } from '../sla/targets';
import type { Environment, IssueKind, ServiceLevel, Severity } from '../sla/vocabulary';
import { ANOMALY_CELLS, ANOMALY_CLOCKS, anomalyCode, incidentCode, IND_SUP } from './catalogue';
import type { Figure } from './figure';
import { monthWindow } from './month-window';
import {
  mergeTallies,
  monthlyFigures,
  tallyMonth,
  type IndicatorClock,
  type IndicatorIssue,
} from './monthly-indicators';

const window = (() => {
  const w = monthWindow('2026-10');
  if (!w.ok) throw new Error('2026-10');
  return w.value;
})();
const standard = BUILTIN_CALENDARS.standard;
const MINUTE = 60_000;
const H = 3_600_000;

// Instants from 40 days before the month to its end, at whole minutes, with the month's bounds themselves often.
const instant = fc.oneof(
  fc.constantFrom(window.startMs, window.startMs - MINUTE, window.startMs + MINUTE, window.endMs - MINUTE),
  fc.integer({ min: (window.startMs - 40 * 24 * H) / MINUTE, max: window.endMs / MINUTE - 1 }).map((m) => m * MINUTE),
);

const SEVERITIES: Readonly<Record<IssueKind, readonly Severity[]>> = {
  anomaly: ['blocking', 'major', 'minor'],
  incident: ['blocking', 'major', 'minor'],
  'doc-anomaly': ['critical', 'major', 'minor'],
  'service-request': ['high', 'medium', 'low'],
};

type ClockSpec = {
  start: number;
  stopAfterMinutes: number | null;
  paused: boolean;
  targetHours: number | null;
  elapsedHours: number;
};
const clockSpec = fc.record({
  start: instant,
  stopAfterMinutes: fc.option(fc.integer({ min: 0, max: 60 * 24 * 45 }), { nil: null, freq: 3 }),
  paused: fc.boolean(),
  targetHours: fc.option(fc.constantFrom(2, 4, 8, 10, 30), { nil: null, freq: 8 }),
  elapsedHours: fc.integer({ min: 0, max: 60 }),
});

type IssueSpec = {
  kind: IssueKind;
  severityIndex: number | null;
  level: ServiceLevel;
  environment: Environment | null;
  anomalyClass: AnomalyClass | null;
  resolution: ClockSpec;
  workaroundStopMinutes: number | null;
  firstInProgressMinutes: number | null;
};
const issueSpec: fc.Arbitrary<IssueSpec> = fc.record({
  kind: fc.constantFrom<IssueKind>('anomaly', 'anomaly', 'incident', 'incident', 'doc-anomaly', 'service-request'),
  severityIndex: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null, freq: 10 }),
  level: fc.constantFrom<ServiceLevel>('gold', 'silver', 'bronze'),
  environment: fc.constantFrom<Environment | null>('validation', 'production', null),
  anomalyClass: fc.constantFrom<AnomalyClass | null>('validation', 'production', null),
  resolution: clockSpec,
  workaroundStopMinutes: fc.option(fc.integer({ min: 0, max: 60 * 24 * 10 }), { nil: null }),
  firstInProgressMinutes: fc.option(fc.integer({ min: 0, max: 60 * 24 * 20 }), { nil: null, freq: 4 }),
});

/** A clock as the engine would give it at `measuredAtMs`: stopped only at an instant it has reached. */
const clockOf = (id: ClockId, spec: ClockSpec, stopMinutes: number | null, measuredAtMs: number): IndicatorClock => {
  const stop = stopMinutes === null ? null : spec.start + stopMinutes * MINUTE;
  const stoppedAtMs = stop !== null && stop < measuredAtMs ? stop : null;
  const targetMs = spec.targetHours === null ? null : spec.targetHours * H;
  const elapsedMs = spec.elapsedHours * H;
  return {
    id,
    targetLabel: spec.targetHours === null ? null : `${spec.targetHours}h`,
    targetMs,
    elapsedMs,
    breached: targetMs !== null && elapsedMs > targetMs,
    state: stoppedAtMs !== null ? 'stopped' : spec.paused ? 'paused' : 'running',
    startedAtMs: spec.start,
    stoppedAtMs,
    dueAtMs: targetMs === null ? null : spec.start + targetMs,
  };
};

const issueOf = (spec: IssueSpec, index: number, measuredAtMs: number): IndicatorIssue => {
  const severity = spec.severityIndex === null ? null : (SEVERITIES[spec.kind][spec.severityIndex] as Severity);
  const resolution = clockOf('resolution', spec.resolution, spec.resolution.stopAfterMinutes, measuredAtMs);
  const hasWorkaround = spec.kind === 'anomaly' && severity !== 'minor';
  const workaroundStop =
    spec.workaroundStopMinutes === null
      ? spec.resolution.stopAfterMinutes
      : Math.min(spec.workaroundStopMinutes, spec.resolution.stopAfterMinutes ?? Infinity);
  const workaround = hasWorkaround ? [clockOf('workaround', spec.resolution, workaroundStop, measuredAtMs)] : [];
  const firstInProgress =
    spec.firstInProgressMinutes === null ? null : spec.resolution.start + spec.firstInProgressMinutes * MINUTE;
  return {
    key: `DEMAT-${index + 1}`,
    kind: spec.kind,
    severity,
    serviceLevel: spec.kind === 'incident' ? spec.level : null,
    environment: spec.kind === 'anomaly' ? spec.environment : null,
    anomalyClass:
      spec.kind === 'anomaly'
        ? spec.environment === 'validation'
          ? 'validation'
          : spec.environment === null
            ? null
            : spec.anomalyClass
        : null,
    clocks: [...workaround, resolution],
    firstInProgressAtMs: firstInProgress !== null && firstInProgress <= measuredAtMs ? firstInProgress : null,
  };
};

const measuredAt = fc.oneof(
  fc.constant(window.endMs),
  fc.integer({ min: window.startMs / MINUTE + 1, max: window.endMs / MINUTE }).map((m) => m * MINUTE),
);
const month = fc
  .tuple(fc.array(issueSpec, { maxLength: 60 }), measuredAt)
  .map(([specs, atMs]) => ({ atMs, issues: specs.map((s, i) => issueOf(s, i, atMs)) }));

const figuresOf = (issues: readonly IndicatorIssue[], atMs: number): readonly Figure[] =>
  monthlyFigures(tallyMonth(issues, window, atMs, standard)).figures;
const byCode = (figures: readonly Figure[]): Map<string, Figure> => new Map(figures.map((f) => [f.code, f]));

describe('monthly indicators: properties', () => {
  it('a compliance rate is met ÷ (met + breached), within [0, 1], null exactly when nothing stopped', () => {
    fc.assert(
      fc.property(month, ({ issues, atMs }) => {
        for (const f of figuresOf(issues, atMs)) {
          if (f.type !== 'compliance') continue;
          expect([f.keys.met.length + f.keys.breached.length, f.keys.met.length, f.breaches.length]).toEqual([
            f.denominator,
            f.numerator,
            f.keys.breached.length,
          ]);
          if (f.denominator === 0) expect([f.value, f.met, f.status]).toEqual([null, null, 'no-data']);
          else
            expect(
              f.value !== null &&
                f.value >= 0 &&
                f.value <= 1 &&
                f.value === (f.numerator as number) / (f.denominator as number),
            ).toBe(true);
          if (f.met !== null) expect(f.status).toBe(f.met ? 'met' : 'missed');
          for (const b of f.breaches) expect(b.overrunMs).toBeGreaterThan(0);
        }
      }),
    );
  });

  const splitAndMerge = 'splitting the month’s issues into two exports and merging gives the whole month';
  it(`${splitAndMerge}, and numerators and denominators add up`, () => {
    fc.assert(
      fc.property(month, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), ({ issues, atMs }, side) => {
        const a = issues.filter((_, i) => side[i]);
        const b = issues.filter((_, i) => !side[i]);
        const whole = figuresOf(issues, atMs);
        expect(
          monthlyFigures(mergeTallies(tallyMonth(a, window, atMs, standard), tallyMonth(b, window, atMs, standard)))
            .figures,
        ).toEqual(whole);
        const [partA, partB] = [byCode(figuresOf(a, atMs)), byCode(figuresOf(b, atMs))];
        for (const f of whole) {
          if (f.type !== 'compliance' && f.type !== 'count' && f.code !== 'ESCAPED_DEFECT_RATE') continue;
          const [x, y] = [partA.get(f.code) as Figure, partB.get(f.code) as Figure];
          expect([
            f.code,
            (x.numerator ?? 0) + (y.numerator ?? 0),
            (x.denominator ?? 0) + (y.denominator ?? 0),
          ]).toEqual([f.code, f.numerator ?? 0, f.denominator ?? 0]);
        }
      }),
    );
  });

  it('each anomaly total is the sum of its environment × class cells', () => {
    fc.assert(
      fc.property(month, ({ issues, atMs }) => {
        const figures = byCode(figuresOf(issues, atMs));
        for (const [clock, severity] of ANOMALY_CLOCKS) {
          const total = figures.get(anomalyCode(clock, severity)) as Figure;
          const cells = ANOMALY_CELLS.map((pair) => figures.get(anomalyCode(clock, severity, pair)) as Figure);
          const sum = (pick: (f: Figure) => number): number => cells.reduce((s, f) => s + pick(f), 0);
          const running = (f: Figure): number => (f.type === 'compliance' ? f.keys.running.length : 0);
          expect([sum((f) => f.numerator ?? 0), sum((f) => f.denominator ?? 0), sum(running)]).toEqual([
            total.numerator,
            total.denominator,
            running(total),
          ]);
        }
      }),
    );
  });

  it('agrees with direct filters: IND_INC by service level and IND_SUP by severity', () => {
    fc.assert(
      fc.property(month, ({ issues, atMs }) => {
        const figures = byCode(figuresOf(issues, atMs));
        const exists = (i: IndicatorIssue): boolean => (i.clocks[0]?.startedAtMs ?? Infinity) < atMs;
        const resolutionOf = (i: IndicatorIssue): IndicatorClock =>
          i.clocks.find((c) => c.id === 'resolution') as IndicatorClock;
        for (const level of ['gold', 'silver', 'bronze'] as const) {
          const stopped = issues
            .filter((i) => exists(i) && i.kind === 'incident' && i.severity === 'blocking' && i.serviceLevel === level)
            .map(resolutionOf)
            .filter((c) => c.targetMs !== null && c.stoppedAtMs !== null && c.stoppedAtMs >= window.startMs);
          const figure = figures.get(incidentCode('blocking', level)) as Figure;
          expect([figure.numerator, figure.denominator]).toEqual([
            stopped.filter((c) => !c.breached).length,
            stopped.length,
          ]);
        }
        for (const severity of ['blocking', 'major', 'minor'] as const) {
          const open = issues.filter((i) => {
            const c = resolutionOf(i);
            return (
              exists(i) &&
              i.kind === 'incident' &&
              i.severity === severity &&
              (c.stoppedAtMs === null || (c.stoppedAtMs > window.startMs && c.stoppedAtMs > c.startedAtMs))
            );
          });
          expect((figures.get(IND_SUP[severity].code) as Figure).value).toBe(open.length);
        }
      }),
    );
  });

  it('durations: every statistic lies between the shortest and the longest duration measured', () => {
    fc.assert(
      fc.property(month, ({ issues, atMs }) => {
        const indicators = monthlyFigures(tallyMonth(issues, window, atMs, standard));
        for (const f of indicators.figures) {
          if (f.type !== 'duration' || f.value === null) continue;
          const measure = f.code.startsWith('LEAD')
            ? 'leadTime'
            : f.code.startsWith('CYCLE')
              ? 'cycleTime'
              : 'workItemAge';
          const values = indicators.durations[measure].map((d) =>
            f.dimensions.basis === 'business' ? d.businessMs : d.ms,
          );
          expect([f.denominator, f.value >= Math.min(...values), f.value <= Math.max(...values)]).toEqual([
            values.length,
            true,
            true,
          ]);
        }
      }),
    );
  });
});
