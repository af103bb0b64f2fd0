// The six-month compliance trend as chart series: IND_INC01/02/03 and the anomaly resolution totals
// (ANO_RESOLUTION_<SEVERITY>, not their environment × class cells), picked by code from the server's trend points.
// Presentation only: the rates are the server's; a null rate (nothing stopped that month) is a gap, never 0.
import type { MonthlyFigureView, TrendPointView } from '../../../src/contract';

const INCIDENT_CODES = ['IND_INC01', 'IND_INC02', 'IND_INC03'] as const;
const ANOMALY_RESOLUTION = /^ANO_RESOLUTION_[A-Z]+$/;
const SEVERITY_ORDER = ['ANO_RESOLUTION_BLOCKING', 'ANO_RESOLUTION_MAJOR', 'ANO_RESOLUTION_MINOR'];

export type TrendPoint = {
  readonly month: string;
  /** null: no clock stopped that month (or the month lacks the figure). */
  readonly rate: number | null;
  readonly numerator: number;
  readonly denominator: number;
};

export type TrendSeries = {
  readonly code: string;
  readonly threshold: number | null;
  readonly points: readonly TrendPoint[];
};

const isTrendCode = (code: string): boolean =>
  (INCIDENT_CODES as readonly string[]).includes(code) || ANOMALY_RESOLUTION.test(code);

const rank = (code: string): number => {
  const incident = (INCIDENT_CODES as readonly string[]).indexOf(code);
  if (incident >= 0) return incident;
  const severity = SEVERITY_ORDER.indexOf(code);
  return severity >= 0 ? INCIDENT_CODES.length + severity : INCIDENT_CODES.length + SEVERITY_ORDER.length;
};

/**
 * The series of the trend, incidents first then anomalies by severity; each has a point per month (oldest first)
 * and the threshold of the same code in the month's figures.
 * @example trendSeries([{ month: '2026-10', figures: [{ code: 'IND_INC01', rate: 0.95, numerator: 19, denominator: 20 }] }], [])
 * // [{ code: 'IND_INC01', threshold: null, points: [{ month: '2026-10', rate: 0.95, numerator: 19, denominator: 20 }] }]
 */
export const trendSeries = (
  trend: readonly TrendPointView[],
  figures: readonly MonthlyFigureView[],
): readonly TrendSeries[] => {
  const codes = [...new Set(trend.flatMap((point) => point.figures.map((f) => f.code)))].filter(isTrendCode);
  codes.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return codes.map((code) => ({
    code,
    threshold: figures.find((f) => f.code === code)?.threshold ?? null,
    points: trend.map((point) => {
      const figure = point.figures.find((f) => f.code === code);
      return figure === undefined
        ? { month: point.month, rate: null, numerator: 0, denominator: 0 }
        : { month: point.month, rate: figure.rate, numerator: figure.numerator, denominator: figure.denominator };
    }),
  }));
};

/**
 * The runs of consecutive months with a rate, as point indices: each run is one stretch of line.
 * @example runsOf([{ rate: 0.9 }, { rate: 1 }, { rate: null }, { rate: 0.8 }]) // [[0, 1], [3]]
 */
export const runsOf = (points: readonly { readonly rate: number | null }[]): readonly (readonly number[])[] => {
  const runs: number[][] = [];
  let current: number[] = [];
  points.forEach((point, i) => {
    if (point.rate === null) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else current.push(i);
  });
  if (current.length > 0) runs.push(current);
  return runs;
};

/**
 * The lowest value of the chart's rate axis: 10 % steps below the lowest rate or threshold, with some room, or 25 %
 * steps when that leaves more than half the axis (the gridlines' steps); 0 at the least. The axis shows its ticks,
 * so a scale that does not start at 0 is visible.
 * @example axisFloor([0.875, 1], [0.9]) // 0.8
 * @example axisFloor([0.45, 1], []) // 0.25
 */
export const axisFloor = (rates: readonly number[], thresholds: readonly number[]): number => {
  const values = [...rates, ...thresholds];
  if (values.length === 0) return 0;
  // In thousandths first, so 0.95 − 0.05 is 900, not 899.99….
  const lowMilli = Math.max(0, Math.round((Math.min(...values) - 0.05) * 1000));
  const tenths = Math.floor(lowMilli / 100);
  return tenths >= 5 ? tenths / 10 : Math.floor(lowMilli / 250) / 4;
};
