// Durations as people write them in the contract and in settings: "4h", "90m", "2d", "1d4h", or ISO 8601 ("PT4H",
// "P2D"). A day is the calendar's day length (D1: "1 jour" on `standard` is 10 business hours), never 24 h.
import { fail, ok, type Result } from './result';

const UNIT_MS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1_000 };
const SHORT = /^(?:(\d+(?:\.\d+)?)d)?\s*(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m(?:in)?)?\s*(?:(\d+(?:\.\d+)?)s)?$/i;
const ISO = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * Parses a duration into integer milliseconds.
 * @example parseDurationMs('4h', 36_000_000) // { ok: true, value: 14_400_000 }
 * @example parseDurationMs('2d', 36_000_000) // { ok: true, value: 72_000_000 }: two 10 h days
 */
export const parseDurationMs = (text: string, dayLengthMs: number): Result<number> => {
  const trimmed = text.trim();
  const match = SHORT.exec(trimmed) ?? ISO.exec(trimmed);
  if (!trimmed || !match || match.slice(1).every((part) => part === undefined) || trimmed.toUpperCase() === 'PT') {
    return fail('DURATION_INVALID', [], `"${text}" is not a duration: write 4h, 90m, 2d (days of the calendar's day length), 1d4h or ISO 8601 such as PT4H`);
  }
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as [number, number, number, number];
  const ms = days * dayLengthMs + hours * (UNIT_MS.h as number) + minutes * (UNIT_MS.m as number) + seconds * (UNIT_MS.s as number);
  if (!Number.isSafeInteger(ms)) {
    return fail('DURATION_INVALID', [], `"${text}" is not a whole number of milliseconds`);
  }
  return ok(ms);
};
