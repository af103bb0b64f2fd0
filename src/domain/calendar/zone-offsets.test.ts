import fc from 'fast-check';
import { DateTime } from 'luxon';
import { instantOfWallMs, offsetMinutesAt } from './zone-offsets';

const ZONES = [
  'Europe/Paris',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/Santiago',
  'Pacific/Chatham',
];

describe('offsetMinutesAt', () => {
  it('agrees with luxon at any instant', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (zone, ms) => {
          expect(offsetMinutesAt(zone, ms)).toBe(DateTime.fromMillis(ms, { zone }).offset);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('instantOfWallMs', () => {
  it.each([
    ['an ordinary wall time', 'Europe/Paris', '2026-03-02T09:00', '2026-03-02T08:00:00.000Z'],
    ['in the spring gap: the gap end', 'Europe/Paris', '2026-03-29T02:15', '2026-03-29T01:00:00.000Z'],
    ['repeated in autumn: the first occurrence', 'Europe/Paris', '2026-10-25T02:30', '2026-10-25T00:30:00.000Z'],
    ['Lord Howe 30-minute gap', 'Australia/Lord_Howe', '2026-10-04T02:10', '2026-10-03T15:30:00.000Z'],
    ['Santiago midnight gap', 'America/Santiago', '2026-09-06T00:00', '2026-09-06T04:00:00.000Z'],
  ])('%s', (_name, zone, wall, expected) => {
    const wallMs = Date.parse(`${wall}:00.000Z`);
    expect(new Date(instantOfWallMs(zone, wallMs)).toISOString()).toBe(expected);
  });

  it('gives back the wall time wherever the wall time exists', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }),
        (zone, minute) => {
          const wallMs = minute * 60_000;
          const ms = instantOfWallMs(zone, wallMs);
          const local = DateTime.fromMillis(ms, { zone });
          const shown = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
          // Either the wall time itself, or (in a gap) a later wall time reached at the very transition.
          expect(shown).toBeGreaterThanOrEqual(wallMs);
          if (shown !== wallMs) expect(local.offset).not.toBe(DateTime.fromMillis(ms - 60_000, { zone }).offset);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
