// One figure of the monthly report (D9): a value with the numerator, the denominator and the issue keys it comes
// from, so that anyone can recompute it. Invariants: a rate exists only when its denominator is > 0 (a month with
// nothing to measure gives null and a note, never 0 % or 100 %); a threshold is met or missed only when the rate
// exists; rates stay within [0, 1]; for compliance, numerator = met clocks and denominator = met + breached clocks.
import type { ClockId } from '../sla/targets';
import type { Environment, IssueKind, ServiceLevel, Severity } from '../sla/vocabulary';
import type { AnomalyClass } from '../anomaly/classify-anomaly';

export type FigureSection =
  'incidents' | 'open-incidents' | 'anomalies' | 'doc-anomalies' | 'service-requests' | 'quality' | 'flow' | 'sprints';
export type FigureUnit = 'rate' | 'count' | 'ratio' | 'ms' | 'units-per-hour';
/** `met`/`missed`: against a threshold; `measured`: a value without threshold; `no-data`: nothing to measure. */
export type FigureStatus = 'met' | 'missed' | 'measured' | 'no-data';

/** A clock stopped in the month after its target. */
export type Breach = {
  readonly key: string;
  readonly clock: ClockId;
  readonly targetLabel: string | null;
  readonly targetMs: number;
  readonly elapsedMs: number;
  /** elapsed − target, > 0. */
  readonly overrunMs: number;
  readonly dueAtMs: number | null;
  readonly stoppedAtMs: number;
};

/** Compliance and counts of clocks: met, breached (stopped in the month), running (listed apart). */
export type ClockKeys = {
  readonly met: readonly string[];
  readonly breached: readonly string[];
  readonly running: readonly string[];
};
/** Ratios and durations: the issues behind the numerator, behind the denominator, and those listed apart. */
export type RatioKeys = {
  readonly numerator: readonly string[];
  readonly denominator: readonly string[];
  readonly apart: readonly string[];
};

export type FigureDimensions = {
  readonly kind?: IssueKind;
  readonly clock?: ClockId;
  readonly severity?: Severity;
  readonly serviceLevel?: ServiceLevel;
  readonly environment?: Environment | 'unknown';
  readonly anomalyClass?: AnomalyClass | 'unknown';
  readonly statistic?: 'median' | 'mean' | 'max';
  readonly basis?: 'calendar' | 'business';
  readonly sprintId?: number;
};

type FigureBase = {
  readonly code: string;
  /** French, as the committee reads it. */
  readonly label: string;
  readonly section: FigureSection;
  readonly unit: FigureUnit;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** A share (0.95 = 95 %), for the figures the contract gives one. */
  readonly threshold: number | null;
  readonly met: boolean | null;
  readonly status: FigureStatus;
  /** Why the value is null, or how to read it (French). */
  readonly note: string | null;
  readonly dimensions: FigureDimensions;
  readonly breaches: readonly Breach[];
};

export type Figure =
  | (FigureBase & { readonly type: 'compliance' | 'count'; readonly keys: ClockKeys })
  | (FigureBase & { readonly type: 'ratio' | 'duration'; readonly keys: RatioKeys });

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Issue keys in natural order (DEMAT-9 before DEMAT-10), without duplicates: figures do not depend on export order.
 * @example sortedKeys(['DEMAT-10', 'DEMAT-9', 'DEMAT-10']) // ['DEMAT-9', 'DEMAT-10']
 */
export const sortedKeys = (keys: Iterable<string>): readonly string[] => [...new Set(keys)].sort(collator.compare);

export const compareKeys = (a: string, b: string): number => collator.compare(a, b);

/**
 * Whether `numerator ÷ denominator` reaches a threshold in percent, in integers (no floating-point edge at 95 %).
 * @example reachesPercent(19, 20, 95) // true
 */
export const reachesPercent = (numerator: number, denominator: number, thresholdPercent: number): boolean =>
  numerator * 100 >= thresholdPercent * denominator;

type ComplianceArgs = {
  readonly code: string;
  readonly label: string;
  readonly section: FigureSection;
  readonly dimensions: FigureDimensions;
  readonly thresholdPercent: number | null;
  readonly met: readonly string[];
  readonly breaches: readonly Breach[];
  readonly running: readonly string[];
  /** Said when nothing stopped in the month ("aucun incident résolu dans le mois"). */
  readonly emptyNote: string;
};

/**
 * A compliance rate (D9): met ÷ (met + breached) over the clocks stopped in the month; running clocks apart.
 * @example complianceFigure({ …, thresholdPercent: 95, met: ['A-1'], breaches: [], running: ['A-2'] })
 * // { value: 1, numerator: 1, denominator: 1, threshold: 0.95, met: true, status: 'met',
 * //   keys: { met: ['A-1'], breached: [], running: ['A-2'] }, … }
 */
export const complianceFigure = (args: ComplianceArgs): Figure => {
  const breaches = [...args.breaches].sort((a, b) => compareKeys(a.key, b.key) || a.clock.localeCompare(b.clock));
  const numerator = args.met.length;
  const denominator = numerator + breaches.length;
  const value = denominator === 0 ? null : numerator / denominator;
  const met =
    value === null || args.thresholdPercent === null
      ? null
      : reachesPercent(numerator, denominator, args.thresholdPercent);
  const running = sortedKeys(args.running);
  return {
    type: 'compliance',
    code: args.code,
    label: args.label,
    section: args.section,
    unit: 'rate',
    value,
    numerator,
    denominator,
    threshold: args.thresholdPercent === null ? null : args.thresholdPercent / 100,
    met,
    status: value === null ? 'no-data' : met === null ? 'measured' : met ? 'met' : 'missed',
    note:
      value === null
        ? `${args.emptyNote}${running.length > 0 ? ` (${running.length} en cours, hors taux)` : ''}`
        : null,
    dimensions: args.dimensions,
    keys: { met: sortedKeys(args.met), breached: breaches.map((b) => b.key), running },
    breaches,
  };
};

/** A count whose keys are split into resolved within target, resolved late, and still open (IND_SUP). */
export const countFigure = (args: {
  readonly code: string;
  readonly label: string;
  readonly section: FigureSection;
  readonly dimensions: FigureDimensions;
  readonly keys: ClockKeys;
}): Figure => {
  const keys = {
    met: sortedKeys(args.keys.met),
    breached: sortedKeys(args.keys.breached),
    running: sortedKeys(args.keys.running),
  };
  const value = keys.met.length + keys.breached.length + keys.running.length;
  return {
    type: 'count',
    code: args.code,
    label: args.label,
    section: args.section,
    unit: 'count',
    value,
    numerator: value,
    denominator: null,
    threshold: null,
    met: null,
    status: 'measured',
    note: null,
    dimensions: args.dimensions,
    keys,
    breaches: [],
  };
};

type RatioArgs = {
  readonly type: 'ratio' | 'duration';
  readonly code: string;
  readonly label: string;
  readonly section: FigureSection;
  readonly unit: FigureUnit;
  readonly dimensions: FigureDimensions;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly keys: RatioKeys;
  /** Said when the value is null. */
  readonly emptyNote: string;
  /** Said even when there is a value (an active sprint measured so far). */
  readonly note?: string | null;
};

/** A ratio or a duration statistic, with the keys behind each side. */
export const ratioFigure = (args: RatioArgs): Figure => ({
  type: args.type,
  code: args.code,
  label: args.label,
  section: args.section,
  unit: args.unit,
  value: args.value,
  numerator: args.numerator,
  denominator: args.denominator,
  threshold: null,
  met: null,
  status: args.value === null ? 'no-data' : 'measured',
  note: args.value === null ? args.emptyNote : (args.note ?? null),
  dimensions: args.dimensions,
  keys: {
    numerator: sortedKeys(args.keys.numerator),
    denominator: sortedKeys(args.keys.denominator),
    apart: sortedKeys(args.keys.apart),
  },
  breaches: [],
});
