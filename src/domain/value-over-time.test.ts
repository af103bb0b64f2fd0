import fc from 'fast-check';
import { firstEntryWithin, holdsWithin, valueAt, type ValueOverTime } from './value-over-time';

// In sprint 7 from 10 to 20 (exclusive), again from 30; created at 0.
const sprints: ValueOverTime<readonly number[] | null> = {
  initial: null,
  changes: [
    { atMs: 0, to: [] },
    { atMs: 10, to: [7] },
    { atMs: 20, to: [8] },
    { atMs: 30, to: [7, 8] },
  ],
};
const in7 = (ids: readonly number[]): boolean => ids.includes(7);

describe('value over time', () => {
  it.each<[string, number, readonly number[] | null]>([
    ['before creation: no value', -1, null],
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

  // The reference: the last change at or before the instant (a filter, not a scan that stops), else the initial value.
  const reference = <T>(value: ValueOverTime<T>, atMs: number): T => {
    const applied = value.changes.filter((change) => change.atMs <= atMs);
    const last = applied[applied.length - 1];
    return last === undefined ? value.initial : last.to;
  };

  it('valueAt is the last change at or before the instant, else the initial value (property)', () => {
    const history = fc
      .record({
        initial: fc.option(fc.integer({ min: 0, max: 9 })),
        changes: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 100 }), to: fc.option(fc.integer()) }), {
          maxLength: 12,
        }),
      })
      .map((h) => ({ initial: h.initial, changes: [...h.changes].sort((a, b) => a.atMs - b.atMs) }));
    fc.assert(
      fc.property(history, fc.integer({ min: -5, max: 105 }), (h, atMs) => {
        expect(valueAt(h, atMs)).toBe(reference(h, atMs));
      }),
    );
  });

  it('a severity history with Jira texts reads the same way (ValueHistory is a value over time)', () => {
    const severity = {
      initial: 'major',
      changes: [{ atMs: 5, from: 'major', to: null, fromText: 'Majeure', toText: 'Inconnue' }],
    };
    expect([valueAt(severity, 4), valueAt(severity, 5)]).toEqual(['major', null]);
  });
});
