import fc from 'fast-check';
import { foldedSet } from '../text';
import { durationStats, firstEntryInto } from './durations';

describe('durationStats', () => {
  it.each<
    [
      string,
      number[],
      { count: number; sumMs: number; medianMs: number | null; meanMs: number | null; maxMs: number | null },
    ]
  >([
    ['nothing: no statistics', [], { count: 0, sumMs: 0, medianMs: null, meanMs: null, maxMs: null }],
    ['one value', [7], { count: 1, sumMs: 7, medianMs: 7, meanMs: 7, maxMs: 7 }],
    ['odd count: the middle value, in any order', [9, 1, 5], { count: 3, sumMs: 15, medianMs: 5, meanMs: 5, maxMs: 9 }],
    [
      'even count: the mean of the two middle values, rounded',
      [4, 1, 3, 2],
      { count: 4, sumMs: 10, medianMs: 3, meanMs: 3, maxMs: 4 },
    ],
    ['a mean rounded to the ms', [1, 1, 2], { count: 3, sumMs: 4, medianMs: 1, meanMs: 1, maxMs: 2 }],
  ])('%s', (_name, values, expected) => {
    expect(durationStats(values)).toEqual(expected);
  });

  it('keeps min ≤ median ≤ max and min ≤ mean ≤ max', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 ** 12 }), { minLength: 1, maxLength: 40 }), (values) => {
        const s = durationStats(values);
        const min = Math.min(...values);
        expect([
          (s.medianMs as number) >= min,
          (s.medianMs as number) <= (s.maxMs as number),
          (s.meanMs as number) >= min,
          (s.meanMs as number) <= (s.maxMs as number),
          s.maxMs === Math.max(...values),
        ]).toEqual([true, true, true, true, true]);
      }),
    );
  });
});

describe('firstEntryInto', () => {
  const inProgress = foldedSet(['En cours', 'In Progress']);
  it.each<[string, { fromMs: number; status: string }[], number | null]>([
    [
      'the first period in one of the statuses',
      [
        { fromMs: 0, status: 'À qualifier' },
        { fromMs: 5, status: 'En cours' },
        { fromMs: 9, status: 'En cours' },
      ],
      5,
    ],
    [
      'names compared without case or accents',
      [
        { fromMs: 0, status: 'À qualifier' },
        { fromMs: 3, status: 'IN PROGRESS' },
      ],
      3,
    ],
    [
      'never: null',
      [
        { fromMs: 0, status: 'À qualifier' },
        { fromMs: 3, status: 'Résolue' },
      ],
      null,
    ],
  ])('%s', (_name, periods, expected) => {
    expect(firstEntryInto(periods, inProgress)?.fromMs ?? null).toBe(expected);
  });
});
