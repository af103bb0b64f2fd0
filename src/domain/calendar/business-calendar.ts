// Business time on a calendar (D1): working windows are half-open [start, end) in the calendar's own zone, so they
// tile, sums are exact to the millisecond, and a DST day simply has a longer or shorter window.
// Each year is compiled once into sorted windows (epoch ms) with prefix sums; a query is two binary searches.
import { DateTime } from 'luxon';
import { itemAt } from '../item-at';
import { publicHolidays, type HolidaySet } from './french-holidays';
import { instantOfWallMs, offsetMinutesAt } from './zone-offsets';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Minutes after local midnight, `[startMinute, endMinute)`, with `endMinute` up to 1440 (24:00). */
export type WorkingRange = { readonly startMinute: number; readonly endMinute: number };

export type BusinessCalendar = {
  readonly name: string;
  readonly zone: string;
  readonly week: Readonly<Record<Weekday, readonly WorkingRange[]>>;
  readonly holidays: HolidaySet;
  /** Public holidays are worked like ordinary days (the `gold` level, "jours fériés inclus"). */
  readonly holidaysWorked: boolean;
  /** Whit Monday is worked (journée de solidarité) even when other holidays are not. */
  readonly whitMondayWorked: boolean;
  /** Extra closed local dates, `yyyy-MM-dd`. */
  readonly closedDates: readonly string[];
  /** How much business time "1 day" of a target is on this calendar (D1: 10 h on `standard`). */
  readonly dayLengthMs: number;
};

/**
 * Years the engine computes; outside them an instant is refused (a guard against nonsense dates, not a business
 * rule).
 */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2199;

type YearTable = {
  readonly year: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Window bounds, sorted, non-overlapping. */
  readonly windowStartsMs: Float64Array;
  readonly windowEndsMs: Float64Array;
  /** Business ms in the year's windows before window i. */
  readonly cumulativeBeforeMs: Float64Array;
  readonly totalMs: number;
  /** Windows of day-of-year d (0-based) are indexes [dayFirstWindow[d], dayFirstWindow[d + 1]). */
  readonly dayFirstWindow: Int32Array;
};

type Timeline = { readonly years: Map<number, YearTable>; readonly yearStartsMs: Map<number, number> };

const timelines = new WeakMap<BusinessCalendar, Timeline>();

const timelineOf = (cal: BusinessCalendar): Timeline => {
  let timeline = timelines.get(cal);
  if (!timeline) {
    timeline = { years: new Map(), yearStartsMs: new Map() };
    timelines.set(cal, timeline);
  }
  return timeline;
};

/** The instant of a local wall time: minute may be 1440 (24:00, the next midnight). DST: see instantOfWallMs. */
const localMs = (zone: string, year: number, month: number, day: number, minute: number): number =>
  instantOfWallMs(zone, Date.UTC(year, month - 1, day, 0, minute));

const yearStartMs = (cal: BusinessCalendar, timeline: Timeline, year: number): number => {
  let start = timeline.yearStartsMs.get(year);
  if (start === undefined) {
    start = localMs(cal.zone, year, 1, 1, 0);
    timeline.yearStartsMs.set(year, start);
  }
  return start;
};

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** The local dates of a year on which the calendar does not work, whatever the weekday. */
const closedDatesOf = (cal: BusinessCalendar, year: number): ReadonlySet<string> => {
  const closed = new Set(cal.closedDates.filter((d) => d.startsWith(`${year}-`)));
  if (!cal.holidaysWorked) for (const h of publicHolidays(cal.holidays, year, cal.whitMondayWorked)) closed.add(h.date);
  return closed;
};

const buildYear = (cal: BusinessCalendar, timeline: Timeline, year: number): YearTable => {
  const closed = closedDatesOf(cal, year);
  const starts: number[] = [];
  const ends: number[] = [];
  const dayCount = Math.round((Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000);
  const dayFirstWindow = new Int32Array(dayCount + 1);
  for (let d = 0; d < dayCount; d++) {
    dayFirstWindow[d] = starts.length;
    // The local date's y/m/d and weekday, from plain date arithmetic (no zone involved in a calendar date).
    const date = new Date(Date.UTC(year, 0, 1 + d));
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    if (closed.has(`${year}-${pad2(month)}-${pad2(day)}`)) continue;
    const weekday = itemAt(WEEKDAYS, (date.getUTCDay() + 6) % 7);
    for (const range of cal.week[weekday]) {
      const startMs = localMs(cal.zone, year, month, day, range.startMinute);
      const endMs = localMs(cal.zone, year, month, day, range.endMinute);
      // A window that falls entirely in a DST gap collapses; skip it rather than count a negative span.
      const previousEnd = ends.length > 0 ? itemAt(ends, ends.length - 1) : -Infinity;
      const clippedStart = Math.max(startMs, previousEnd);
      if (endMs > clippedStart) {
        starts.push(clippedStart);
        ends.push(endMs);
      }
    }
  }
  dayFirstWindow[dayCount] = starts.length;
  const cumulativeBeforeMs = new Float64Array(starts.length);
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    cumulativeBeforeMs[i] = total;
    total += itemAt(ends, i) - itemAt(starts, i);
  }
  return {
    year,
    startMs: yearStartMs(cal, timeline, year),
    endMs: yearStartMs(cal, timeline, year + 1),
    windowStartsMs: Float64Array.from(starts),
    windowEndsMs: Float64Array.from(ends),
    cumulativeBeforeMs,
    totalMs: total,
    dayFirstWindow,
  };
};

const yearTable = (cal: BusinessCalendar, year: number): YearTable => {
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`business calendar: year ${year} is outside ${FIRST_YEAR}..${LAST_YEAR}`);
  }
  const timeline = timelineOf(cal);
  let table = timeline.years.get(year);
  if (!table) {
    table = buildYear(cal, timeline, year);
    timeline.years.set(year, table);
  }
  return table;
};

/** The table of the local year that contains the instant. */
const tableAt = (cal: BusinessCalendar, ms: number): YearTable => {
  // The UTC year is at most one off the local year (zones are within ±14 h of UTC).
  const guess = new Date(ms).getUTCFullYear();
  const timeline = timelineOf(cal);
  if (ms < yearStartMs(cal, timeline, guess)) return yearTable(cal, guess - 1);
  if (ms >= yearStartMs(cal, timeline, guess + 1)) return yearTable(cal, guess + 1);
  return yearTable(cal, guess);
};

// The year tables below are read at indices the searches keep in range. Each read is narrowed with `?? NaN`: inline,
// so these hot paths stay as fast as unchecked reads (a checking function such as itemAt cost 15-40 % here), and an
// index out of range would still give NaN, as the unchecked read's undefined did.
/** Index of the last window that starts at or before ms, or -1. */
const lastWindowStartingBy = (table: YearTable, ms: number): number => {
  const starts = table.windowStartsMs;
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? NaN) <= ms) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
};

/** Business ms from the start of the table's year up to ms (ms inside the year). */
const cumulativeAt = (table: YearTable, ms: number): number => {
  const i = lastWindowStartingBy(table, ms);
  if (i < 0) return 0;
  const start = table.windowStartsMs[i] ?? NaN;
  const end = table.windowEndsMs[i] ?? NaN;
  return (table.cumulativeBeforeMs[i] ?? NaN) + Math.min(ms, end) - start;
};

const assertInstant = (name: string, ms: number): void => {
  if (!Number.isFinite(ms)) throw new RangeError(`business calendar: ${name} is not a finite instant`);
};

/**
 * Business ms in `[fromMs, toMs)` on the calendar. Requires fromMs <= toMs.
 * @example
 * businessMsBetweenEpoch(standard, Date.parse('2026-03-02T08:00+01:00'), Date.parse('2026-03-02T18:00+01:00'))
 * // 36_000_000
 */
export const businessMsBetweenEpoch = (cal: BusinessCalendar, fromMs: number, toMs: number): number => {
  assertInstant('from', fromMs);
  assertInstant('to', toMs);
  if (toMs < fromMs) throw new RangeError('businessMsBetween: from must not be after to');
  const first = tableAt(cal, fromMs);
  if (toMs < first.endMs) return cumulativeAt(first, toMs) - cumulativeAt(first, fromMs);
  let total = first.totalMs - cumulativeAt(first, fromMs);
  let year = first.year + 1;
  let table = yearTable(cal, year);
  while (toMs >= table.endMs) {
    total += table.totalMs;
    year += 1;
    table = yearTable(cal, year);
  }
  return total + cumulativeAt(table, toMs);
};

/**
 * The earliest instant at which `ms` of business time have passed since `fromMs` (D1: a target reached exactly at
 * closing time is due at closing time, not at the next opening). `ms = 0` gives `fromMs` itself.
 */
export const addBusinessMsEpoch = (cal: BusinessCalendar, fromMs: number, ms: number): number => {
  assertInstant('from', fromMs);
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError('addBusinessMs: ms must be a finite number >= 0');
  if (ms === 0) return fromMs;
  let table = tableAt(cal, fromMs);
  let target = cumulativeAt(table, fromMs) + ms;
  // Each turn moves one year ahead; a calendar that never works would loop until LAST_YEAR, where yearTable throws.
  while (target > table.totalMs) {
    target -= table.totalMs;
    table = yearTable(cal, table.year + 1);
  }
  // First window whose end reaches the target.
  const cumulative = table.cumulativeBeforeMs;
  let lo = 0;
  let hi = cumulative.length - 1;
  let found = hi;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const endCumulative =
      (cumulative[mid] ?? NaN) + (table.windowEndsMs[mid] ?? NaN) - (table.windowStartsMs[mid] ?? NaN);
    if (endCumulative >= target) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return (table.windowStartsMs[found] ?? NaN) + target - (cumulative[found] ?? NaN);
};

/** Whether the calendar is working at this instant (windows are half-open: closing time is not working). */
export const isWorkingInstant = (cal: BusinessCalendar, ms: number): boolean => {
  const table = tableAt(cal, ms);
  const i = lastWindowStartingBy(table, ms);
  return i >= 0 && ms < (table.windowEndsMs[i] ?? NaN);
};

/**
 * The local year and day of the year (1-based) of an instant, from the offset table; luxon (as before) within a
 * minute of an offset change, where the table (probed to the minute) could miss an old local mean time's seconds.
 */
const localYearAndOrdinal = (zone: string, ms: number): { year: number; ordinal: number } => {
  const offset = offsetMinutesAt(zone, ms);
  if (
    Number.isInteger(ms) &&
    Number.isInteger(offset) &&
    offsetMinutesAt(zone, ms - MINUTE_MS) === offset &&
    offsetMinutesAt(zone, ms + MINUTE_MS) === offset
  ) {
    const local = new Date(ms + offset * MINUTE_MS);
    const year = local.getUTCFullYear();
    const yearStart = new Date(0);
    yearStart.setUTCFullYear(year, 0, 1);
    const ordinal = Math.floor((local.getTime() - yearStart.getTime()) / DAY_MS) + 1;
    return { year, ordinal };
  }
  const local = DateTime.fromMillis(ms, { zone });
  return { year: local.year, ordinal: local.ordinal };
};

/**
 * The end of the last working window on the local day of `ms` or before it (D7: a sprint is due at the end of its
 * last working day). An instant at exactly local midnight belongs to the day before (a sprint "ending" at 00:00).
 * Returns null when the calendar has no working window in the year before.
 */
export const endOfLastWorkingDayEpoch = (cal: BusinessCalendar, ms: number): number | null => {
  const { year, ordinal } = localYearAndOrdinal(cal.zone, ms - 1);
  let table = yearTable(cal, year);
  let day = ordinal - 1;
  for (let steps = 0; steps < 400; steps++) {
    if (day < 0) {
      table = yearTable(cal, table.year - 1);
      day = table.dayFirstWindow.length - 2;
    }
    const first = table.dayFirstWindow[day] ?? NaN;
    const after = table.dayFirstWindow[day + 1] ?? NaN;
    if (after > first) return table.windowEndsMs[after - 1] ?? NaN;
    day -= 1;
  }
  return null;
};

/** The working days (local `yyyy-MM-dd`) from `fromDate` on, as many as asked: used for a sprint cadence (D7). */
export const workingDaysFrom = (
  cal: BusinessCalendar,
  fromDate: string,
  count: number,
): readonly { date: string; startMs: number; endMs: number }[] => {
  const start = DateTime.fromISO(fromDate, { zone: cal.zone });
  let table = yearTable(cal, start.year);
  let day = start.ordinal - 1;
  const days: { date: string; startMs: number; endMs: number }[] = [];
  // Bounded: a calendar with working hours has at least one working day a year, else yearTable throws past LAST_YEAR.
  while (days.length < count) {
    if (day >= table.dayFirstWindow.length - 1) {
      table = yearTable(cal, table.year + 1);
      day = 0;
    }
    const first = table.dayFirstWindow[day] ?? NaN;
    const after = table.dayFirstWindow[day + 1] ?? NaN;
    if (after > first) {
      const date = new Date(Date.UTC(table.year, 0, 1 + day));
      days.push({
        date: `${table.year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`,
        startMs: table.windowStartsMs[first] ?? NaN,
        endMs: table.windowEndsMs[after - 1] ?? NaN,
      });
    }
    day += 1;
  }
  return days;
};

/**
 * Business ms between two instants.
 * @example businessMsBetween(standard, at('2026-03-06T17:00'), at('2026-03-09T09:00')) // 2 h: Fri 17–18, Mon 08–09
 */
export const businessMsBetween = (cal: BusinessCalendar, from: DateTime, to: DateTime): number =>
  businessMsBetweenEpoch(cal, from.toMillis(), to.toMillis());

/**
 * The earliest instant reaching `ms` of business time after `from`, in the calendar's zone.
 * @example addBusinessMs(standard, at('2026-03-06T16:00'), 4 * HOUR) // Mon 2026-03-09T10:00+01:00
 */
export const addBusinessMs = (cal: BusinessCalendar, from: DateTime, ms: number): DateTime =>
  DateTime.fromMillis(addBusinessMsEpoch(cal, from.toMillis(), ms), { zone: cal.zone });

/** Whether the calendar has any working range in its week (a calendar without one can never reach a target). */
export const hasWorkingHours = (cal: Pick<BusinessCalendar, 'week'>): boolean =>
  WEEKDAYS.some((d) => cal.week[d].some((r) => r.endMinute > r.startMinute));
