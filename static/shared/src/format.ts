// Display formats. Durations on the wire are integer business milliseconds; instants are ISO 8601 strings with an
// offset, shown in the contract's zone (Europe/Paris) whatever the browser's zone, so everyone reads the same time.
import { intlLocaleOf, type Lang } from './i18n/translate';

export const CONTRACT_ZONE = 'Europe/Paris';

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
 * An instant in the contract's zone; text that is not an instant is returned as it is.
 * @example formatInstant('2026-03-11T14:00:00.000+01:00', 'fr') // 'mer. 11 mars 2026, 14:00'
 * @example formatInstant('2026-03-11T13:00:00Z', 'en') // 'Wed 11 March 2026, 14:00'
 */
export const formatInstant = (iso: string, lang: Lang, zone: string = CONTRACT_ZONE): string => {
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
export const formatPercent = (ratio: number, lang: Lang): string => `${Math.floor(ratio * 100)}${lang === 'fr' ? '\u00a0%' : '%'}`;

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
