import { getAt, placeProblems, removeAt, setAt, writeAt } from './document';

describe('setAt', () => {
  it('creates the objects on the way and leaves the rest as it was', () => {
    const doc = { vsrMonths: 3 };
    expect(setAt(doc, ['targets', 'anomaly', 'blocking', 'workaround'], '2h')).toEqual({
      vsrMonths: 3,
      targets: { anomaly: { blocking: { workaround: '2h' } } },
    });
    expect(doc).toEqual({ vsrMonths: 3 });
  });

  it('keeps null, which means "not applicable" for a target', () => {
    expect(setAt({}, ['targets', 'anomaly', 'minor', 'workaround'], null)).toEqual({
      targets: { anomaly: { minor: { workaround: null } } },
    });
  });
});

describe('removeAt', () => {
  it('removes the key and the objects it leaves empty', () => {
    const doc = { targets: { anomaly: { blocking: { workaround: '2h' } } }, vsrMonths: 3 };
    expect(removeAt(doc, ['targets', 'anomaly', 'blocking', 'workaround'])).toEqual({ vsrMonths: 3 });
  });

  it('keeps sibling keys', () => {
    const doc = { statuses: { pause: ['A'], closed: ['B'] } };
    expect(removeAt(doc, ['statuses', 'pause'])).toEqual({ statuses: { closed: ['B'] } });
  });

  it('returns the document itself when the key is absent', () => {
    const doc = { vsrMonths: 3 };
    expect(removeAt(doc, ['statuses', 'pause'])).toBe(doc);
  });
});

describe('writeAt', () => {
  it('removes the key when the value is undefined (back to the default)', () => {
    expect(writeAt({ vsrMonths: 3 }, ['vsrMonths'], undefined)).toEqual({});
    expect(getAt(writeAt({}, ['vsrMonths'], 4), ['vsrMonths'])).toBe(4);
  });
});

describe('placeProblems', () => {
  const fields = ['vsrMonths', 'calendars.standard.week', 'calendars.standard.week.mon', 'statuses.pause'];

  it.each([
    ['exact path', 'vsrMonths', 'vsrMonths'],
    ['list item under a weekday', 'calendars.standard.week.mon[0]', 'calendars.standard.week.mon'],
    ['whole week', 'calendars.standard.week', 'calendars.standard.week'],
    ['key under a field', 'statuses.pause.0', 'statuses.pause'],
  ])('places a problem at its most specific field: %s', (_name, path, field) => {
    const placed = placeProblems([{ path, message: 'm' }], fields);
    expect(placed.byField.get(field)).toEqual([{ path, message: 'm' }]);
    expect(placed.unplaced).toEqual([]);
  });

  it.each([
    ['root', ''],
    ['unknown key', 'vsrMonth'],
    ['prefix of a field name only', 'statuses.pauseX'],
  ])('lists a problem under no field at the top: %s', (_name, path) => {
    expect(placeProblems([{ path, message: 'm' }], fields).unplaced).toEqual([{ path, message: 'm' }]);
  });
});
