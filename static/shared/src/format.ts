// Display formats. Durations on the wire are integer business milliseconds; instants are ISO 8601 strings with an
// offset, shown in the contract's zone (Europe/Paris) whatever the browser's zone, so everyone reads the same time.
import { intlLocaleOf, type Lang } from './i18n/translate';

// The back end's constant (a plain value, bundled into the surface): the UI and the server read the same zone.
export { CONTRACT_ZONE } from '../../../src/domain/contract-zone';
import { CONTRACT_ZONE } from '../../../src/domain/contract-zone';

const MINUTE_MS = 60_000;

/**
 * A business duration, truncated to the minute; under a minute (but not zero) reads "< 1 min".
 * @example formatBusinessDuration(12_000_000, 'fr') // '3 h 20 min'
 * @example formatBusinessDuration(12_000_000, 'en') // '3 h 20 m'
 * @example formatBusinessDuration(-7_200_000, 'fr') // '-2 h'
 */
export const formatBusinessDuration = (ms: number, lang: Lang): string => {
  const minuteUnit = lang === 'fr' ? 'min' : 'm';
  const abs = Math.abs(ms);
  if (abs > 0 && abs < MINUTE_MS) return `< 1 ${minuteUnit}`;
  const totalMinutes = Math.floor(abs / MINUTE_MS);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const sign = ms < 0 && totalMinutes > 0 ? '-' : '';
  if (hours === 0) return `${sign}${minutes} ${minuteUnit}`;
  return minutes === 0 ? `${sign}${hours} h` : `${sign}${hours} h ${minutes} ${minuteUnit}`;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatter = (lang: Lang, zone: string, withTime: boolean): Intl.DateTimeFormat => {
  const cacheKey = `${lang}|${zone}|${withTime}`;
  let format = formatters.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocaleOf(lang), {
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: zone,
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(cacheKey, format);
  }
  return format;
};

const partsOf = (format: Intl.DateTimeFormat, epochMs: number): Record<string, string> =>
  Object.fromEntries(format.formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]));

// Assembled from parts rather than Intl's own pattern ("mer. 11 mars 2026 à 14:00"), so both languages share one
// compact shape: weekday day month year, hour:minute.
const dayText = (p: Record<string, string>): string => `${p.weekday} ${p.day} ${p.month} ${p.year}`;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An ISO instant as display text, in the contract's zone and the viewer's language; text that is not an instant is
 * returned as it is. (The back end's formatInstant, src/app/format-instant.ts, goes the other way: ms → ISO text.)
 * @example displayInstant('2026-03-11T14:00:00.000+01:00', 'fr') // 'mer. 11 mars 2026, 14:00'
 * @example displayInstant('2026-03-11T13:00:00Z', 'en') // 'Wed 11 March 2026, 14:00'
 */
export const displayInstant = (iso: string, lang: Lang, zone: string = CONTRACT_ZONE): string => {
  const epochMs = Date.parse(iso);
  if (Number.isNaN(epochMs)) return iso;
  const p = partsOf(formatter(lang, zone, true), epochMs);
  return `${dayText(p)}, ${p.hour}:${p.minute}`;
};

/**
 * A calendar date ("yyyy-MM-dd", as in holidays and release dates), or the day of an instant in the contract's zone.
 * @example formatDay('2026-05-01', 'fr') // 'ven. 1 mai 2026'
 * @example formatDay('2026-04-06T23:30:00.000+02:00', 'fr') // 'lun. 6 avril 2026'
 */
export const formatDay = (text: string, lang: Lang, zone: string = CONTRACT_ZONE): string => {
  if (ISO_DATE.test(text)) {
    // A date has no zone: read it at noon UTC and print it in UTC, so no offset can move it to another day.
    const epochMs = Date.parse(`${text}T12:00:00Z`);
    return Number.isNaN(epochMs) ? text : dayText(partsOf(formatter(lang, 'UTC', false), epochMs));
  }
  const epochMs = Date.parse(text);
  return Number.isNaN(epochMs) ? text : dayText(partsOf(formatter(lang, zone, false), epochMs));
};

/**
 * A percentage for people, rounded down so 99.9 % never reads "100 %" before the target is reached.
 * @example formatPercent(0.756, 'fr') // '75 %'
 */
export const formatPercent = (ratio: number, lang: Lang): string =>
  `${Math.floor(ratio * 100)}${lang === 'fr' ? '\u00a0%' : '%'}`;

const numberFormatters = new Map<string, Intl.NumberFormat>();

/**
 * A number in the viewer's language, with at most `maxFractionDigits` decimals (amounts on the wire are exact to the
 * thousandth, so 3 shows them as they are).
 * @example formatNumber(1.5, 'fr') // '1,5'
 * @example formatNumber(1234.5, 'en') // '1,234.5'
 */
export const formatNumber = (value: number, lang: Lang, maxFractionDigits = 3): string => {
  const cacheKey = `${lang}|${maxFractionDigits}`;
  let format = numberFormatters.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(intlLocaleOf(lang), { maximumFractionDigits: maxFractionDigits });
    numberFormatters.set(cacheKey, format);
  }
  // -0 (a rounded tiny negative) reads "0", not "-0".
  return format.format(value === 0 ? 0 : value);
};

/**
 * A ratio as a percentage with at most one decimal, rounded to the nearest (an indicator, unlike `formatPercent`
 * which must not reach 100 % early). The rounding goes through thousandths, so 0.29 reads 29 %, not 28,9 %.
 * @example formatShare(0.875, 'fr') // '87,5 %'
 * @example formatShare(0.1, 'en') // '10%'
 */
export const formatShare = (ratio: number, lang: Lang): string =>
  `${formatNumber(Math.round(ratio * 1000) / 10, lang, 1)}${lang === 'fr' ? '\u00a0%' : '%'}`;

const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * A calendar (wall-clock) duration: days and hours from a day up, truncated to the hour; under a day, as
 * `formatBusinessDuration` ("12 h 30 min"). Business durations keep hours ("52 h"), as a business day's length
 * depends on the calendar; this is for calendar time only.
 * @example formatCalendarDuration(273_600_000, 'fr') // '3 j 4 h'
 * @example formatCalendarDuration(273_600_000, 'en') // '3 d 4 h'
 * @example formatCalendarDuration(45_000_000, 'fr') // '12 h 30 min'
 */
export const formatCalendarDuration = (ms: number, lang: Lang): string => {
  const abs = Math.abs(ms);
  if (abs < DAY_MS) return formatBusinessDuration(ms, lang);
  const totalHours = Math.floor(abs / HOUR_MS);
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  const sign = ms < 0 ? '-' : '';
  const dayUnit = lang === 'fr' ? 'j' : 'd';
  return hours === 0 ? `${sign}${days} ${dayUnit}` : `${sign}${days} ${dayUnit} ${hours} h`;
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const monthFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A month ("yyyy-MM") for people: "octobre 2026", or with `short` "oct. 26" (chart axes); other text as it is.
 * @example formatMonth('2026-10', 'fr') // 'octobre 2026'
 * @example formatMonth('2026-10', 'en') // 'October 2026'
 * @example formatMonth('2026-10', 'fr', 'short') // 'oct. 26'
 */
export const formatMonth = (month: string, lang: Lang, style: 'long' | 'short' = 'long'): string => {
  const match = MONTH.exec(month);
  if (match === null) return month;
  const cacheKey = `${lang}|${style}`;
  let format = monthFormatters.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocaleOf(lang), {
      month: style,
      year: style === 'long' ? 'numeric' : '2-digit',
      timeZone: 'UTC',
    });
    monthFormatters.set(cacheKey, format);
  }
  // A month has no zone: its 15th at noon UTC, printed in UTC, is in that month whatever the host zone.
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15, 12)));
};

/**
 * The month ("yyyy-MM") an instant falls in, in the contract's zone.
 * @example monthOf(Date.parse('2026-10-31T23:30:00Z')) // '2026-11' (00:30 in Paris)
 */
export const monthOf = (epochMs: number, zone: string = CONTRACT_ZONE): string => {
  const p = partsOf(new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', timeZone: zone }), epochMs);
  return `${p.year}-${p.month}`;
};
