import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addBusinessMsEpoch, businessMsBetweenEpoch, type BusinessCalendar } from './business-calendar';
import { publicHolidays } from './french-holidays';
import { aCalendar, MINUTE, workingAtOracle } from '../../../test/support/builders';

const DAY_MS = 86_400_000;
const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'] as const;
// Range boundaries avoid the hours that DST repeats or skips in these zones ((01:00, 03:00) local): there the
// engine's reading (first occurrence, gap end) is a choice pinned by table rows, not something a wall-clock
// oracle can state. Everything else, DST days included, is compared minute by minute.
const boundaryMinutes = fc.constantFrom(0, 60, ...Array.from({ length: 85 }, (_, i) => 180 + i * 15));
const rangeArb = fc
  .tuple(boundaryMinutes, boundaryMinutes)
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const dayArb = fc
  .array(rangeArb, { maxLength: 2 })
  .map((ranges) =>
    [...ranges]
      .sort((a, b) => a[0] - b[0])
      .filter((r, i, all) => i === 0 || r[0] >= (all[i - 1] as readonly [number, number])[1]),
  )
  .map((ranges) => ranges.map(([s, e]) => `${hhmm(s)}-${hhmm(e)}`));

const calendarArb: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    week: fc.record({ mon: dayArb, tue: dayArb, wed: dayArb, thu: dayArb, fri: dayArb, sat: dayArb, sun: dayArb }),
    holidays: fc.constantFrom('FR' as const, 'FR-alsace-moselle' as const, 'none' as const),
    holidaysWorked: fc.boolean(),
    whitMondayWorked: fc.boolean(),
  })
  .filter((spec) => Object.values(spec.week).some((ranges) => ranges.length > 0))
  .map((spec) => aCalendar(spec));

// Epoch ms on whole minutes (the oracle counts minutes), 2024–2026: DST changes and holidays included.
const instant = fc
  .integer({ min: Date.UTC(2024, 0, 1) / MINUTE, max: Date.UTC(2026, 11, 31) / MINUTE })
  .map((minute) => minute * MINUTE);
const sorted = (...xs: number[]): number[] => [...xs].sort((a, b) => a - b);

describe('businessMsBetween properties', () => {
  it('is additive over any split point', () => {
    fc.assert(
      fc.property(calendarArb, instant, instant, instant, (cal, x, y, z) => {
        const [a, b, c] = sorted(x, y, z) as [number, number, number];
        expect(businessMsBetweenEpoch(cal, a, c)).toBe(
          businessMsBetweenEpoch(cal, a, b) + businessMsBetweenEpoch(cal, b, c),
        );
      }),
    );
  });

  it('lies between zero and the wall time', () => {
    fc.assert(
      fc.property(calendarArb, instant, instant, (cal, x, y) => {
        const [a, b] = sorted(x, y) as [number, number];
        const business = businessMsBetweenEpoch(cal, a, b);
        expect(business).toBeGreaterThanOrEqual(0);
        expect(business).toBeLessThanOrEqual(b - a);
      }),
    );
  });

  it('never decreases when the end moves later', () => {
    fc.assert(
      fc.property(calendarArb, instant, instant, fc.integer({ min: 0, max: 40 * DAY_MS }), (cal, x, y, extraMs) => {
        const [a, b] = sorted(x, y) as [number, number];
        expect(businessMsBetweenEpoch(cal, a, b + extraMs)).toBeGreaterThanOrEqual(businessMsBetweenEpoch(cal, a, b));
      }),
    );
  });

  it('agrees with a minute-by-minute count on ranges up to 14 days', () => {
    fc.assert(
      fc.property(calendarArb, instant, fc.integer({ min: 0, max: 14 * 24 * 60 }), (cal, a, minutes) => {
        const b = a + minutes * MINUTE;
        const years = [
          DateTime.fromMillis(a, { zone: cal.zone }).year,
          DateTime.fromMillis(b, { zone: cal.zone }).year,
        ];
        const holidayDates = new Set(
          years.flatMap((y) => publicHolidays(cal.holidays, y, cal.whitMondayWorked).map((hd) => hd.date)),
        );
        let workingMinutes = 0;
        for (let t = a; t < b; t += MINUTE) if (workingAtOracle(cal, holidayDates, t)) workingMinutes += 1;
        expect(businessMsBetweenEpoch(cal, a, b)).toBe(workingMinutes * MINUTE);
      }),
      { numRuns: 40 },
    );
  });
});

describe('addBusinessMs properties', () => {
  const durationMs = fc.integer({ min: 0, max: 400 * 3_600_000 });

  it('round-trips with businessMsBetween', () => {
    fc.assert(
      fc.property(calendarArb, instant, durationMs, (cal, a, d) => {
        expect(businessMsBetweenEpoch(cal, a, addBusinessMsEpoch(cal, a, d))).toBe(d);
      }),
    );
  });

  it('returns the earliest instant that reaches the duration (D1)', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instant,
        durationMs.filter((d) => d > 0),
        (cal, a, d) => {
          const due = addBusinessMsEpoch(cal, a, d);
          expect(businessMsBetweenEpoch(cal, a, due - 1)).toBeLessThan(d);
        },
      ),
    );
  });

  it('never moves earlier when the duration grows', () => {
    fc.assert(
      fc.property(calendarArb, instant, durationMs, durationMs, (cal, a, d1, d2) => {
        const [small, large] = sorted(d1, d2) as [number, number];
        expect(addBusinessMsEpoch(cal, a, large)).toBeGreaterThanOrEqual(addBusinessMsEpoch(cal, a, small));
      }),
    );
  });
});
