// Instants on the wire: ISO 8601 with the zone's offset ("2026-03-02T13:00:00.000+01:00"). Built from a cached
// offset table rather than a luxon DateTime per instant, since a report writes hundreds of thousands of them.
// Within a minute of an offset change the table (probed to the minute) may be off by the seconds of an old local
// mean time change (Paris, 1911-03-11 at 00:00 PMT, 23:50:39 UTC): there, luxon itself writes the instant.
// A universal zone ("UTC") is written +00:00 where luxon writes Z: kept as the reports have always written it.
import { DateTime } from 'luxon';
import { offsetMinutesAt } from '../domain/calendar/zone-offsets';

const MINUTE_MS = 60_000;

const DAY_MS = 86_400_000;

const pad = (n: number): string => String(Math.floor(Math.abs(n))).padStart(2, '0');

/**
 * Per zone and UTC day (epoch ms / DAY_MS): the day's offset and its written suffix, when the zone keeps one offset
 * from a minute before the day to a minute after it (null when it changes then). Like the offset table, this
 * relies on no zone changing its offset twice within a week.
 */
type DayOffset = { readonly offset: number; readonly suffix: string } | null;
const daysByZone = new Map<string, Map<number, DayOffset>>();

const dayOffset = (zone: string, day: number): DayOffset => {
  let days = daysByZone.get(zone);
  if (!days) {
    days = new Map();
    daysByZone.set(zone, days);
  }
  let known = days.get(day);
  if (known === undefined) {
    const offset = offsetMinutesAt(zone, day * DAY_MS);
    const stable =
      offsetMinutesAt(zone, day * DAY_MS - MINUTE_MS) === offset &&
      offsetMinutesAt(zone, (day + 1) * DAY_MS + MINUTE_MS) === offset;
    known = stable
      ? { offset, suffix: `${offset < 0 ? '-' : '+'}${pad(offset / 60)}:${pad(Math.abs(offset) % 60)}` }
      : null;
    days.set(day, known);
  }
  return known;
};

const YEAR_10000_MS = 253_402_300_800_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/**
 * `new Date(local).toISOString().slice(0, 23)` for 1970-01-01 <= local < 10000-01-01, by integer arithmetic
 * (days to civil date: H. Hinnant's algorithm, proleptic Gregorian as Date).
 */
const localIsoText = (local: number): string => {
  const days = Math.floor(local / DAY_MS);
  let rest = local - days * DAY_MS;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const date = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${year}-${TWO_DIGITS[month] ?? ''}-${TWO_DIGITS[date] ?? ''}T${TWO_DIGITS[hour] ?? ''}:${TWO_DIGITS[minute] ?? ''}:${TWO_DIGITS[second] ?? ''}.${THREE_DIGITS[milli] ?? ''}`;
};

/**
 * @example formatInstant(Date.parse('2026-03-02T12:00:00Z'), 'Europe/Paris') // '2026-03-02T13:00:00.000+01:00'
 */
export const formatInstant = (ms: number, zone: string): string => {
  const day = dayOffset(zone, Math.floor(ms / DAY_MS));
  if (day !== null) {
    const local = ms + day.offset * 60_000;
    // Written by arithmetic, cheaper than remembering it.
    if (Number.isInteger(local) && local >= 0 && local < YEAR_10000_MS) return `${localIsoText(local)}${day.suffix}`;
  }
  // Rare instants (before 1970, fractional ms, or a day with an offset change) take the general path.
  if (day !== null) return `${new Date(ms + day.offset * 60_000).toISOString().slice(0, 23)}${day.suffix}`;
  const offset = offsetMinutesAt(zone, ms);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
  let text = `${local}${offset < 0 ? '-' : '+'}${pad(offset / 60)}:${pad(Math.abs(offset) % 60)}`;
  if (offsetMinutesAt(zone, ms - MINUTE_MS) !== offset || offsetMinutesAt(zone, ms + MINUTE_MS) !== offset)
    text = DateTime.fromMillis(ms, { zone }).toISO() ?? text;
  return text;
};
