// Builders for the monthly indicators: an issue's history (clock facts, see clock-builders.ts) → its clocks computed
// by the real engine at the month's measure instant → the IndicatorIssue the tally reads. The same mapping as
// indicatorIssueOf (src/app/compute-monthly-report.ts) does from views, written here on the domain's own types.
import type { AnomalyClass } from '../../src/domain/anomaly/classify-anomaly';
import { BUILTIN_CALENDARS } from '../../src/domain/calendar/builtin-calendars';
import { firstEntryInto } from '../../src/domain/indicators/durations';
import { monthWindow, type MonthWindow } from '../../src/domain/indicators/month-window';
import {
  monthlyFigures,
  tallyMonth,
  type IndicatorIssue,
  type MonthlyIndicators,
} from '../../src/domain/indicators/monthly-indicators';
import type { Figure } from '../../src/domain/indicators/figure';
import type { SprintWindow } from '../../src/domain/sla/next-sprint';
import { computeIssueClocks, type ClockFacts } from '../../src/domain/sla/sla-clock';
import { foldedSet } from '../../src/domain/text';
import { anIssue, clockSettings, defaultSettings } from './clock-builders';
import { ms } from './builders';

export const standard = BUILTIN_CALENDARS.standard;
export const IN_PROGRESS = foldedSet(['En cours', 'In Progress']);

export const aMonth = (month: string): MonthWindow => {
  const window = monthWindow(month);
  if (!window.ok) throw new Error(`bad month ${month}`);
  return window.value;
};

/** An issue of a hand-made month: its key, its history, and (anomalies) its class. */
export type MonthIssueSpec = { readonly key: string; readonly anomalyClass?: AnomalyClass | null } & Parameters<
  typeof anIssue
>[0];

/** The class D6 would give when the test does not say: validation for validation, production for production. */
const defaultClass = (facts: ClockFacts): AnomalyClass | null => (facts.kind === 'anomaly' ? facts.environment : null);

export const indicatorIssueOfFacts = (
  key: string,
  facts: ClockFacts,
  atMs: number,
  anomalyClass: AnomalyClass | null,
  sprints: readonly SprintWindow[] = [],
): IndicatorIssue => {
  const computed = computeIssueClocks(facts, clockSettings(defaultSettings(), sprints), atMs);
  const resolution = computed.clocks.find((c) => c.id === 'resolution');
  return {
    key,
    kind: facts.kind,
    severity: computed.severity,
    serviceLevel: computed.serviceLevel,
    environment: facts.environment,
    anomalyClass,
    clocks: computed.clocks.map((c) => ({
      id: c.id,
      targetLabel: c.target?.label ?? null,
      targetMs: c.targetMs,
      elapsedMs: c.elapsedMs,
      breached: c.breached,
      state: c.state,
      startedAtMs: c.startedAtMs,
      stoppedAtMs: c.stoppedAtMs,
      dueAtMs: c.dueAtMs,
    })),
    firstInProgressAtMs: firstEntryInto(resolution?.segments ?? [], IN_PROGRESS)?.fromMs ?? null,
  };
};

export const monthIssues = (
  specs: readonly MonthIssueSpec[],
  atMs: number,
  sprints: readonly SprintWindow[] = [],
): IndicatorIssue[] =>
  specs.map((spec) => {
    const facts = anIssue(spec);
    return indicatorIssueOfFacts(
      spec.key,
      facts,
      atMs,
      spec.anomalyClass === undefined ? defaultClass(facts) : spec.anomalyClass,
      sprints,
    );
  });

/** The month's indicators for hand-made issues, measured at its end or at `atLocal` (Paris wall time). */
export const indicatorsOf = (
  month: string,
  specs: readonly MonthIssueSpec[],
  atLocal?: string,
  sprints: readonly SprintWindow[] = [],
): MonthlyIndicators => {
  const window = aMonth(month);
  const atMs = atLocal === undefined ? window.endMs : Math.min(ms(atLocal), window.endMs);
  return monthlyFigures(tallyMonth(monthIssues(specs, atMs, sprints), window, atMs, standard));
};

export const figureOf = (indicators: MonthlyIndicators, code: string): Figure => {
  const figure = indicators.figures.find((f) => f.code === code);
  if (figure === undefined) throw new Error(`no figure ${code}`);
  return figure;
};
