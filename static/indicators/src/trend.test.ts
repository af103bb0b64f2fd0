import type { TrendPointView } from '../../../src/contract';
import { axisFloor, runsOf, trendSeries } from './trend';
import { aReport } from './__fixtures__/indicators';

const point = (month: string, figures: TrendPointView['figures']): TrendPointView => ({ month, figures });
const f = (code: string, rate: number | null, numerator = 0, denominator = 0) => ({
  code,
  rate,
  numerator,
  denominator,
});

describe('trendSeries', () => {
  const trend = [
    point('2026-09', [
      f('ANO_RESOLUTION_MAJOR', 0.5, 1, 2),
      f('IND_INC02', 1, 4, 4),
      f('ANO_RESOLUTION_MAJOR_ENV_VALIDATION_CLASS_VALIDATION', 1, 1, 1),
      f('DOC_RESOLUTION_MAJOR', 1, 1, 1),
    ]),
    point('2026-10', [f('IND_INC01', 0.95, 19, 20), f('IND_INC02', null), f('ANO_RESOLUTION_BLOCKING', 2 / 3, 2, 3)]),
  ];

  it('picks IND_INC01-03 and the anomaly resolution totals, incidents first, by severity', () => {
    expect(trendSeries(trend, []).map((s) => s.code)).toEqual([
      'IND_INC01',
      'IND_INC02',
      'ANO_RESOLUTION_BLOCKING',
      'ANO_RESOLUTION_MAJOR',
    ]);
  });

  it('keeps a null rate and a missing figure as gaps, never 0', () => {
    const series = trendSeries(trend, []);
    expect(series.find((s) => s.code === 'IND_INC01')?.points.map((p) => p.rate)).toEqual([null, 0.95]);
    expect(series.find((s) => s.code === 'IND_INC02')?.points.map((p) => p.rate)).toEqual([1, null]);
  });

  it('takes each threshold from the month’s figure of the same code', () => {
    const series = trendSeries(trend, aReport().figures);
    expect(series.map((s) => [s.code, s.threshold])).toEqual([
      ['IND_INC01', 0.95],
      ['IND_INC02', 0.9],
      ['ANO_RESOLUTION_BLOCKING', null],
      ['ANO_RESOLUTION_MAJOR', null],
    ]);
  });
});

describe('runsOf', () => {
  it.each([
    ['no point', [], []],
    ['all present', [0.9, 1, 0.8], [[0, 1, 2]]],
    ['a gap in the middle', [0.9, null, 0.8], [[0], [2]]],
    ['gaps at both ends', [null, 1, 1, null], [[1, 2]]],
    ['nothing but gaps', [null, null], []],
  ])('%s', (_name, rates, runs) => {
    expect(runsOf(rates.map((rate) => ({ rate })))).toEqual(runs);
  });
});

describe('axisFloor', () => {
  it.each([
    ['no value starts at 0', [], [], 0],
    ['rates near the thresholds', [0.875, 1], [0.9, 0.85], 0.8],
    ['a low rate goes down to 0', [0, 1], [0.95], 0],
    ['exactly 95 % leaves room below', [0.95, 1], [0.95], 0.9],
    ['half the axis keeps 10 % steps', [0.55], [], 0.5],
    ['more than half the axis goes by 25 %', [0.45, 1], [0.85], 0.25],
    ['a low rate by 25 % steps', [0.3], [], 0.25],
  ])('%s', (_name, rates, thresholds, floor) => {
    expect(axisFloor(rates, thresholds)).toBe(floor);
  });
});
