// The contract month of the committee's indicators (D9): `[first day 00:00, next month's first day 00:00)` in
// Europe/Paris, half-open like every window of the app, so months tile and a clock stopped at midnight on the 1st
// belongs to the new month. A month's figures are taken at its end, or at `at` while it is not over, so the report
// of a closed month never changes once the month is over (later reopenings and requalifications are left out).
import { CONTRACT_ZONE } from '../contract-zone';
import { DateTime } from 'luxon';
import { FIRST_YEAR, LAST_YEAR } from '../calendar/business-calendar';
import { fail, ok, type Result } from '../result';

export type MonthWindow = {
  /** `yyyy-MM` */
  readonly month: string;
  readonly zone: string;
  readonly startMs: number;
  /** The next month's first instant (excluded). */
  readonly endMs: number;
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The month's window in the zone.
 * @example monthWindow('2026-10')
 * // { ok: true, value: { month: '2026-10', startMs: <2026-10-01T00:00+02:00>, endMs: <2026-11-01T00:00+01:00>, … } }
 * @example monthWindow('2026-13').ok // false
 */
export const monthWindow = (month: string, zone: string = CONTRACT_ZONE): Result<MonthWindow> => {
  const match = MONTH.exec(month);
  if (match === null) return fail('BAD_REQUEST', ['month'], `"${month}" is not a month: write yyyy-MM (2026-10)`);
  const year = Number(match[1]);
  if (year < FIRST_YEAR || year >= LAST_YEAR)
    return fail('BAD_REQUEST', ['month'], `"${month}" is not a month between ${FIRST_YEAR} and ${LAST_YEAR - 1}`);
  const start = DateTime.fromObject({ year, month: Number(match[2]), day: 1 }, { zone });
  return ok({ month, zone, startMs: start.toMillis(), endMs: start.plus({ months: 1 }).toMillis() });
};

/**
 * The instant the month's figures are taken at: its end once it is over, else `atMs`; null while it has not begun.
 * @example measuredAtMs(october, Date.parse('2026-12-01T12:00+01:00')) // october.endMs
 * @example measuredAtMs(october, Date.parse('2026-10-15T12:00+02:00')) // that instant
 */
export const measuredAtMs = (window: MonthWindow, atMs: number): number | null =>
  atMs <= window.startMs ? null : Math.min(atMs, window.endMs);
