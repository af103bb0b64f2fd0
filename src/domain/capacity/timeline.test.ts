import { firstEntryWithin, holdsWithin, valueAt, type Timeline } from './timeline';

// In sprint 7 from 10 to 20 (exclusive), again from 30; created at 0.
const sprints: Timeline<readonly number[]> = [
  { atMs: 0, value: [] },
  { atMs: 10, value: [7] },
  { atMs: 20, value: [8] },
  { atMs: 30, value: [7, 8] },
];
const in7 = (ids: readonly number[]): boolean => ids.includes(7);

describe('timeline', () => {
  it.each<[string, number, readonly number[] | undefined]>([
    ['before creation: no value', -1, undefined],
    ['at creation', 0, []],
    ['a change counts at its own instant', 10, [7]],
    ['between changes: the earlier one holds', 19, [7]],
    ['after the last change', 99, [7, 8]],
  ])('valueAt: %s', (_name, atMs, expected) => {
    expect(valueAt(sprints, atMs)).toEqual(expected);
  });

  it.each<[string, number, number, number | null]>([
    ['an entry inside (from, to]', 0, 15, 10],
    ['an entry at `from` is not after it', 10, 40, 30],
    ['the first entry after `from`, not a later one', 5, 40, 10],
    ['an entry at `to` counts', 20, 30, 30],
    ['no entry in the window', 11, 29, null],
  ])('firstEntryWithin: %s', (_name, fromMs, toMs, expected) => {
    expect(firstEntryWithin(sprints, in7, fromMs, toMs)).toBe(expected);
  });

  it.each<[string, number, number, boolean]>([
    ['holding at `from`', 15, 16, true],
    ['becoming true inside', 25, 35, true],
    ['false all along', 20, 29, false],
    ['true only before `from`', 21, 25, false],
  ])('holdsWithin: %s', (_name, fromMs, toMs, expected) => {
    expect(holdsWithin(sprints, in7, fromMs, toMs)).toBe(expected);
  });
});
