import fc from 'fast-check';
import { complianceFigure, reachesPercent, sortedKeys, type Breach } from './figure';

const breach = (key: string): Breach => ({
  key,
  clock: 'resolution',
  targetLabel: '2h',
  targetMs: 7_200_000,
  elapsedMs: 9_000_000,
  overrunMs: 1_800_000,
  dueAtMs: 0,
  stoppedAtMs: 1,
});
const keys = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

describe('complianceFigure', () => {
  // [name, met, breached, running, threshold %, value, met?, status]
  it.each<[string, number, number, number, number | null, number | null, boolean | null, string]>([
    ['19 of 20 is exactly 95 %: met', 19, 1, 0, 95, 0.95, true, 'met'],
    ['18 of 20 is 90 % against 95 %: missed', 18, 2, 0, 95, 0.9, false, 'missed'],
    ['9 of 10 is exactly 90 %: met', 9, 1, 0, 90, 0.9, true, 'met'],
    ['17 of 20 is exactly 85 %: met', 17, 3, 0, 85, 0.85, true, 'met'],
    ['nothing stopped: no rate, neither met nor missed', 0, 0, 3, 95, null, null, 'no-data'],
    ['everything breached: 0 %', 0, 2, 0, 95, 0, false, 'missed'],
    ['no threshold: measured', 1, 1, 0, null, 0.5, null, 'measured'],
  ])('%s', (_name, met, breached, running, thresholdPercent, value, isMet, status) => {
    const figure = complianceFigure({
      code: 'X',
      label: 'x',
      section: 'incidents',
      dimensions: {},
      thresholdPercent,
      met: keys('M', met),
      breaches: keys('B', breached).map(breach),
      running: keys('R', running),
      emptyNote: 'aucun incident résolu dans le mois',
    });
    expect([figure.value, figure.met, figure.status, figure.numerator, figure.denominator]).toEqual([
      value,
      isMet,
      status,
      met,
      met + breached,
    ]);
  });

  it('says why there is no rate, and how many clocks run apart', () => {
    const figure = complianceFigure({
      code: 'X',
      label: 'x',
      section: 'incidents',
      dimensions: {},
      thresholdPercent: 95,
      met: [],
      breaches: [],
      running: ['R-1', 'R-2'],
      emptyNote: 'aucun incident résolu dans le mois',
    });
    expect(figure.note).toBe('aucun incident résolu dans le mois (2 en cours, hors taux)');
  });
});

describe('reachesPercent', () => {
  it('agrees with exact rational comparison', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 100 }),
        (denominator, n, percent) => {
          const numerator = n % (denominator + 1);
          // numerator / denominator >= percent / 100, cross-multiplied in BigInt as the reference.
          expect(reachesPercent(numerator, denominator, percent)).toBe(
            BigInt(numerator) * 100n >= BigInt(percent) * BigInt(denominator),
          );
        },
      ),
    );
  });
});

describe('sortedKeys', () => {
  it('sorts keys by project then number, without duplicates', () => {
    expect(sortedKeys(['DEMAT-10', 'ABC-2', 'DEMAT-9', 'DEMAT-10'])).toEqual(['ABC-2', 'DEMAT-9', 'DEMAT-10']);
  });
});
