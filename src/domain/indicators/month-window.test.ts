import { ms } from '../../../test/support/builders';
import { measuredAtMs, monthWindow } from './month-window';

const H = 3_600_000;

describe('monthWindow', () => {
  // Europe/Paris: summer time from Sun 29 Mar 2026 02:00 to Sun 25 Oct 2026 03:00.
  it.each<[string, string, string, string, number]>([
    ['an ordinary month, summer time', '2026-06', '2026-06-01T00:00', '2026-07-01T00:00', 30 * 24],
    ['October: clocks go back, 745 hours', '2026-10', '2026-10-01T00:00', '2026-11-01T00:00', 31 * 24 + 1],
    ['March: clocks go forward, 743 hours', '2026-03', '2026-03-01T00:00', '2026-04-01T00:00', 31 * 24 - 1],
    ['February of a leap year', '2028-02', '2028-02-01T00:00', '2028-03-01T00:00', 29 * 24],
    ['December runs to the next year', '2026-12', '2026-12-01T00:00', '2027-01-01T00:00', 31 * 24],
  ])('%s', (_name, month, start, end, hours) => {
    const window = monthWindow(month);
    expect(
      window.ok && [window.value.startMs, window.value.endMs, (window.value.endMs - window.value.startMs) / H],
    ).toEqual([ms(start), ms(end), hours]);
  });

  it.each([['2026-13'], ['2026-1'], ['26-10'], ['2026-10-01'], [''], ['1969-12']])('refuses "%s"', (month) => {
    expect(monthWindow(month).ok).toBe(false);
  });
});

describe('measuredAtMs', () => {
  const october = monthWindow('2026-10');
  if (!october.ok) throw new Error('2026-10');
  it.each<[string, string, number | null]>([
    ['after the month: its end', '2026-12-01T12:00', ms('2026-11-01T00:00')],
    ['exactly at its end', '2026-11-01T00:00', ms('2026-11-01T00:00')],
    ['during the month: that instant', '2026-10-15T12:00', ms('2026-10-15T12:00')],
    ['at its first instant: nothing to measure yet', '2026-10-01T00:00', null],
    ['before it', '2026-09-30T12:00', null],
  ])('%s', (_name, at, expected) => {
    expect(measuredAtMs(october.value, ms(at))).toBe(expected);
  });
});
