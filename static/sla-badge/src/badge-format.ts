// The badge's short formats, on top of static/shared/src/format.ts: a business duration with business days ("1 j
// 2 h", a day being the calendar's working day, D1) and the due instant as "24/04" and "18:00" in the contract's zone.
import { CONTRACT_ZONE, formatBusinessDuration } from '../../shared/src/format';
import type { Lang } from '../../shared/src/i18n/translate';

const HOUR_MS = 3_600_000;

/**
 * A business duration in business days and hours from one working day up, truncated to the hour; under a day, as
 * formatBusinessDuration ("3 h 20 min"). The sign is dropped: the sentence says "reste" or "en retard de".
 * @example formatBadgeDuration(-46_800_000, 36_000_000, 'fr') // '1 j 3 h'
 * @example formatBadgeDuration(12_000_000, 36_000_000, 'fr') // '3 h 20 min'
 */
export const formatBadgeDuration = (ms: number, dayLengthMs: number, lang: Lang): string => {
  const abs = Math.abs(ms);
  if (dayLengthMs <= 0 || abs < dayLengthMs) return formatBusinessDuration(abs, lang);
  const days = Math.floor(abs / dayLengthMs);
  const hours = Math.floor((abs - days * dayLengthMs) / HOUR_MS);
  const dayUnit = lang === 'fr' ? 'j' : 'd';
  return hours === 0 ? `${days} ${dayUnit}` : `${days} ${dayUnit} ${hours} h`;
};

const formatter = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: CONTRACT_ZONE,
});

/**
 * An ISO instant as day ("24/04") and time ("18:00") in the contract's zone, or null when it is not an instant.
 * @example dueParts('2026-04-24T18:00:00.000+02:00') // { day: '24/04', time: '18:00' }
 */
export const dueParts = (iso: string): { readonly day: string; readonly time: string } | null => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const p = Object.fromEntries(formatter.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  return { day: `${p.day}/${p.month}`, time: `${p.hour}:${p.minute}` };
};
