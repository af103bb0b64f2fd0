// Durations as people write them in the contract and in settings: "4h", "90m", "2d", "1d4h", or ISO 8601 ("PT4H",
// "P2D"). A day is the calendar's day length (D1: "1 jour" on `standard` is 10 business hours), never 24 h, so a
// duration is kept as whole days plus milliseconds until a calendar is known.
import { fail, ok, type Result } from './result';

/** A duration before a calendar is chosen: `days` of the calendar's day length, plus `ms`. */
export type DurationSpec = { readonly days: number; readonly ms: number };

const SHORT =
  /^(?:(\d+(?:\.\d+)?)\s*d)?\s*(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*m(?:in)?)?\s*(?:(\d+(?:\.\d+)?)\s*s)?$/i;
const ISO = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * Parses a duration.
 * @example parseDuration('1d4h') // { ok: true, value: { days: 1, ms: 14_400_000 } }
 * @example parseDuration('PT90M') // { ok: true, value: { days: 0, ms: 5_400_000 } }
 */
export const parseDuration = (text: string): Result<DurationSpec> => {
  const trimmed = text.trim();
  const match = SHORT.exec(trimmed) ?? ISO.exec(trimmed);
  const parts = match ? match.slice(1) : [];
  if (!match || parts.every((part) => part === undefined) || /^PT$/i.test(trimmed)) {
    return fail(
      'DURATION_INVALID',
      [],
      `"${text}" is not a duration: write 4h, 90m, 2d (days of the calendar's day length), 1d4h ` +
        'or ISO 8601 such as PT4H',
    );
  }
  // Both patterns have four groups (days, hours, minutes, seconds); a group left out is 0.
  const [days = 0, hours = 0, minutes = 0, seconds = 0] = parts.map((part) => (part === undefined ? 0 : Number(part)));
  const ms = hours * 3_600_000 + minutes * 60_000 + seconds * 1_000;
  if (!Number.isSafeInteger(Math.round(ms * 1000)) || !Number.isInteger(ms)) {
    return fail('DURATION_INVALID', [], `"${text}" is not a whole number of milliseconds`);
  }
  return ok({ days, ms });
};

/** The duration's milliseconds on a calendar whose day lasts `dayLengthMs`. */
export const durationMs = (spec: DurationSpec, dayLengthMs: number): number =>
  Math.round(spec.days * dayLengthMs) + spec.ms;

/**
 * Parses a duration into integer milliseconds for a given day length.
 * @example parseDurationMs('2d', 36_000_000) // { ok: true, value: 72_000_000 }: two 10 h days
 */
export const parseDurationMs = (text: string, dayLengthMs: number): Result<number> => {
  const parsed = parseDuration(text);
  return parsed.ok ? ok(durationMs(parsed.value, dayLengthMs)) : parsed;
};
