// formatInstant (a cached offset table) against luxon's toISO, the reference it replaces: byte-identical strings.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { formatInstant } from './format-instant';

const ZONES = [
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/St_Johns',
];
const FROM_MS = Date.UTC(1900, 0, 1);
const TO_MS = Date.UTC(2100, 11, 31, 23, 59, 59, 999);
const luxonIso = (ms: number, zone: string): string | null => DateTime.fromMillis(ms, { zone }).toISO();

/** The instants around each offset change of a zone in a year: a millisecond, a second and a minute either side. */
const transitionsOf = (zone: string, year: number): number[] => {
  const found: number[] = [];
  const step = 6 * 3_600_000;
  for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += step) {
    if (DateTime.fromMillis(ms, { zone }).offset === DateTime.fromMillis(ms + step, { zone }).offset) continue;
    let lo = ms;
    let hi = ms + step;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (DateTime.fromMillis(mid, { zone }).offset === DateTime.fromMillis(ms, { zone }).offset) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
};

describe('formatInstant', () => {
  it('gives luxon toISO strings for any instant of 1900..2100 in several zones', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM_MS, max: TO_MS }), fc.constantFrom(...ZONES), (ms, zone) => {
        expect(formatInstant(ms, zone)).toBe(luxonIso(ms, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it.each(ZONES)(
    'gives luxon toISO strings around the DST changes of %s (1900, 1911, 1940..1946, 1976, 2026, 2099)',
    (zone) => {
      for (const year of [1900, 1911, 1940, 1941, 1942, 1943, 1944, 1945, 1946, 1976, 2026, 2099])
        for (const at of transitionsOf(zone, year))
          for (const delta of [-60_000, -1000, -1, 0, 1, 1000, 60_000])
            expect([at + delta, formatInstant(at + delta, zone)]).toEqual([at + delta, luxonIso(at + delta, zone)]);
    },
  );

  it('writes a universal zone +00:00 where luxon writes Z (as the reports always have)', () => {
    expect([formatInstant(0, 'UTC'), luxonIso(0, 'UTC')]).toEqual([
      '1970-01-01T00:00:00.000+00:00',
      '1970-01-01T00:00:00.000Z',
    ]);
  });

  it('gives the same string when asked again (the recent-instants cache)', () => {
    const ms = Date.parse('2026-03-29T01:00:00Z');
    expect([formatInstant(ms, 'Europe/Paris'), formatInstant(ms, 'Europe/Paris')]).toEqual([
      '2026-03-29T03:00:00.000+02:00',
      '2026-03-29T03:00:00.000+02:00',
    ]);
  });
});
