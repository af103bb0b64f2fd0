import {
  addBusinessMs,
  businessMsBetween,
  endOfLastWorkingDayEpoch,
  isWorkingInstant,
  workingDaysFrom,
} from './business-calendar';
import { BUILTIN_CALENDARS } from './builtin-calendars';
import { aCalendar, at, h, m, ms } from '../../../test/support/builders';

const { standard, gold } = BUILTIN_CALENDARS;

// Reference calendar `standard` (D1): Europe/Paris, Mon–Fri [08:00,18:00), French public holidays closed.
//   March 2026: Mo 2  Tu 3  We 4  Th 5  Fr 6 | Sa 7 Su 8 | Mo 9 …   DST starts Su 29 (02:00 → 03:00)
//   April 2026: Mo 6 = Easter Monday (holiday)   May 2026: Fr 1, Fr 8, Th 14 (Ascension), Mo 25 (Whit Monday)
//   Oct 2026: Su 25 DST ends (03:00 → 02:00)    Nov 2026: Su 1, We 11 holidays   Dec 2026: Fr 25 holiday
describe('businessMsBetween on standard (D1)', () => {
  it.each([
    ['during → during, same day', '2026-03-02T10:00', '2026-03-02T12:30', h(2.5)],
    ['before opening → during', '2026-03-02T07:00', '2026-03-02T10:00', h(2)],
    ['during → after closing', '2026-03-02T17:00', '2026-03-02T19:00', h(1)],
    ['after closing → next-day during', '2026-03-02T18:00', '2026-03-03T10:00', h(2)],
    ['Fri during → Mon during, skips weekend', '2026-03-06T17:00', '2026-03-09T09:00', h(2)],
    ['weekend → weekend', '2026-03-07T09:00', '2026-03-08T17:00', 0],
    ['whole week', '2026-03-02T00:00', '2026-03-09T00:00', h(50)],
    ['window end is exclusive: closing → later', '2026-03-02T18:00', '2026-03-02T18:30', 0],
    ['from === to', '2026-03-02T10:00', '2026-03-02T10:00', 0],
    ['during → during, skips Easter Monday (holiday)', '2026-04-03T17:00', '2026-04-07T09:00', h(2)],
    ['holiday → holiday (1 May)', '2026-05-01T09:00', '2026-05-01T17:00', 0],
    ['week with Ascension Thursday', '2026-05-11T00:00', '2026-05-18T00:00', h(40)],
    ['across spring DST (Sat → Mon)', '2026-03-28T12:00', '2026-03-30T09:00', h(1)],
    ['across autumn DST (Fri during → Mon during)', '2026-10-23T17:00', '2026-10-26T09:00', h(2)],
    ['across the new year, 1 Jan closed', '2026-12-31T17:00', '2027-01-04T09:00', h(2)],
    ['six months', '2026-01-01T00:00', '2026-07-01T00:00', h(10 * 123)],
    [
      'across two year boundaries (2026: 252 working days)',
      '2025-12-31T17:00',
      '2027-01-04T09:00',
      h(1 + 1 + 10 * 252),
    ],
  ])('%s', (_name, from, to, expected) => {
    expect(businessMsBetween(standard, at(from), at(to))).toBe(expected);
  });

  it('refuses from after to', () => {
    expect(() => businessMsBetween(standard, at('2026-03-03T10:00'), at('2026-03-02T10:00'))).toThrow(RangeError);
  });
});

describe('businessMsBetween on gold (D1: Mon–Sat 06:00–20:00, holidays worked)', () => {
  it.each([
    ['Sat during → Mon during, Sunday closed', '2026-03-07T19:00', '2026-03-09T07:00', h(2)],
    ['Easter Monday is worked', '2026-04-06T06:00', '2026-04-06T20:00', h(14)],
    ['whole week', '2026-03-02T00:00', '2026-03-09T00:00', h(84)],
  ])('%s', (_name, from, to, expected) => {
    expect(businessMsBetween(gold, at(from), at(to))).toBe(expected);
  });
});

describe('calendar options', () => {
  it.each([
    [
      'Alsace-Moselle closes Good Friday',
      { holidays: 'FR-alsace-moselle' as const },
      '2026-04-03T00:00',
      '2026-04-04T00:00',
      0,
    ],
    [
      'Alsace-Moselle closes 26 December (a Saturday in 2026: closed anyway, so use 2025, a Friday)',
      { holidays: 'FR-alsace-moselle' as const },
      '2025-12-26T00:00',
      '2025-12-27T00:00',
      0,
    ],
    ['national set works Good Friday', { holidays: 'FR' as const }, '2026-04-03T00:00', '2026-04-04T00:00', h(10)],
    [
      'Whit Monday worked',
      { holidays: 'FR' as const, whitMondayWorked: true },
      '2026-05-25T00:00',
      '2026-05-26T00:00',
      h(10),
    ],
    ['Whit Monday closed by default', { holidays: 'FR' as const }, '2026-05-25T00:00', '2026-05-26T00:00', 0],
    [
      'extra closed date',
      { holidays: 'FR' as const, closedDates: ['2026-12-24'] },
      '2026-12-24T00:00',
      '2026-12-25T00:00',
      0,
    ],
  ])('%s', (_name, options, from, to, expected) => {
    const cal = aCalendar({
      week: {
        mon: ['08:00-18:00'],
        tue: ['08:00-18:00'],
        wed: ['08:00-18:00'],
        thu: ['08:00-18:00'],
        fri: ['08:00-18:00'],
      },
      ...options,
    });
    expect(businessMsBetween(cal, at(from), at(to))).toBe(expected);
  });

  it('counts several ranges a day (lunch break)', () => {
    const cal = aCalendar({ week: { mon: ['09:00-12:00', '14:00-18:00'] } });
    expect(businessMsBetween(cal, at('2026-03-02T11:00'), at('2026-03-02T15:00'))).toBe(h(2));
  });
});

describe('24×7 calendars across DST', () => {
  const allWeek = ['00:00-24:00'];
  const cal = aCalendar({
    zone: 'Europe/Berlin',
    week: { mon: allWeek, tue: allWeek, wed: allWeek, thu: allWeek, fri: allWeek, sat: allWeek, sun: allWeek },
  });
  it.each([
    ['spring-forward day is 23 h', '2025-03-30T00:00', '2025-03-31T00:00', h(23)],
    ['fall-back day is 25 h', '2025-10-26T00:00', '2025-10-27T00:00', h(25)],
    ['an ordinary day is 24 h', '2025-03-31T00:00', '2025-04-01T00:00', h(24)],
  ])('%s', (_name, from, to, expected) => {
    expect(businessMsBetween(cal, at(from, 'Europe/Berlin'), at(to, 'Europe/Berlin'))).toBe(expected);
  });
});

describe('addBusinessMs on standard (D1: the earliest instant reaching the duration)', () => {
  it.each([
    ['during → same day', '2026-03-02T10:00', h(4), '2026-03-02T14:00:00.000+01:00'],
    ['reaching closing time exactly is due at closing time', '2026-03-02T14:00', h(4), '2026-03-02T18:00:00.000+01:00'],
    [
      'one minute past closing carries to the next opening',
      '2026-03-02T14:00',
      h(4) + m(1),
      '2026-03-03T08:01:00.000+01:00',
    ],
    ['Friday afternoon → Monday', '2026-03-06T16:00', h(4), '2026-03-09T10:00:00.000+01:00'],
    ['created at night starts at the next opening', '2026-03-02T22:00', h(1), '2026-03-03T09:00:00.000+01:00'],
    ['1 day (10 h) from Friday 09:00, over Easter Monday', '2026-04-03T09:00', h(10), '2026-04-07T09:00:00.000+02:00'],
    ['zero keeps the instant, even outside hours', '2026-03-07T12:00', 0, '2026-03-07T12:00:00.000+01:00'],
    ['across spring DST keeps wall times', '2026-03-27T16:00', h(4), '2026-03-30T10:00:00.000+02:00'],
    ['across the year end', '2026-12-31T16:00', h(4), '2027-01-04T10:00:00.000+01:00'],
  ])('%s', (_name, from, duration, expected) => {
    expect(addBusinessMs(standard, at(from), duration).toISO()).toBe(expected);
  });

  it('refuses a negative duration', () => {
    expect(() => addBusinessMs(standard, at('2026-03-02T10:00'), -1)).toThrow(RangeError);
  });
});

describe('working days and sprint ends (D7)', () => {
  it('says whether an instant is working, windows half-open', () => {
    expect(
      [ms('2026-03-02T08:00'), ms('2026-03-02T17:59'), ms('2026-03-02T18:00'), ms('2026-03-07T10:00')].map((t) =>
        isWorkingInstant(standard, t),
      ),
    ).toEqual([true, true, false, false]);
  });

  it.each([
    ['sprint ending Friday afternoon is due Friday 18:00', '2026-02-27T17:00', '2026-02-27T18:00:00.000+01:00'],
    ['sprint ending at Saturday midnight is due Friday 18:00', '2026-02-28T00:00', '2026-02-27T18:00:00.000+01:00'],
    ['sprint ending on Easter Monday is due the Friday before', '2026-04-06T12:00', '2026-04-03T18:00:00.000+02:00'],
  ])('%s', (_name, end, expected) => {
    expect(endOfLastWorkingDayEpoch(standard, ms(end))).toBe(Date.parse(expected));
  });

  it('lists working days, skipping weekends and holidays', () => {
    expect(workingDaysFrom(standard, '2026-04-02', 4).map((d) => d.date)).toEqual([
      '2026-04-02',
      '2026-04-03',
      '2026-04-07',
      '2026-04-08',
    ]);
  });
});

describe('working ranges that a DST change cuts', () => {
  it.each([
    [
      'New York spring gap: 02:15 is reached at 03:00, so 2 h that Sunday',
      'America/New_York',
      '02:15-05:00',
      '2026-03-08T00:00',
      '2026-03-09T00:00',
      h(2),
    ],
    [
      'New York autumn: 01:30 repeats, its first occurrence counts (01:30 EDT → 05:00 EST = 4 h 30 m)',
      'America/New_York',
      '01:30-05:00',
      '2026-11-01T00:00',
      '2026-11-02T00:00',
      h(4.5),
    ],
    [
      'Lord Howe 30-minute spring gap: 02:15 is reached at 02:30',
      'Australia/Lord_Howe',
      '02:15-05:00',
      '2026-10-04T00:00',
      '2026-10-05T00:00',
      h(2.5),
    ],
  ])('%s', (_name, zone, range, from, to, expected) => {
    const cal = aCalendar({ zone, week: { sun: [range] } });
    expect(businessMsBetween(cal, at(from, zone), at(to, zone))).toBe(expected);
  });
});
