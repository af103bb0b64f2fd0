// UTC offsets of a time zone as a list of transitions per UTC year, probed once with luxon and then looked up with
// plain arithmetic: luxon costs microseconds per call, and a calendar year needs hundreds of wall-time conversions.
// Wall times are written as "wall ms": the epoch ms the wall time would have in UTC (Date.UTC(y, m - 1, d, h, min)).
import { DateTime } from 'luxon';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Probe spacing: no zone of the tz database changes its offset twice within a week. */
const PROBE_MS = 7 * DAY_MS;

type Transition = { readonly atMs: number; readonly offsetMinutes: number };
type YearOffsets = { readonly startOffsetMinutes: number; readonly transitions: readonly Transition[] };

const zones = new Map<string, Map<number, YearOffsets>>();

const luxonOffset = (zone: string, ms: number): number => DateTime.fromMillis(ms, { zone }).offset;

const probeYear = (zone: string, utcYear: number): YearOffsets => {
  const startMs = Date.UTC(utcYear, 0, 1);
  const endMs = Date.UTC(utcYear + 1, 0, 1);
  const startOffsetMinutes = luxonOffset(zone, startMs);
  const transitions: Transition[] = [];
  let previousMs = startMs;
  let previousOffset = startOffsetMinutes;
  for (let probeMs = startMs + PROBE_MS; previousMs < endMs; probeMs += PROBE_MS) {
    const atMs = Math.min(probeMs, endMs);
    const offset = luxonOffset(zone, atMs);
    if (offset !== previousOffset) {
      // Transitions fall on whole minutes: search the first minute with the new offset (about 14 steps).
      let lo = previousMs;
      let hi = atMs;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / (2 * MINUTE_MS)) * MINUTE_MS;
        if (luxonOffset(zone, mid) === offset) hi = mid;
        else lo = mid;
      }
      transitions.push({ atMs: hi, offsetMinutes: offset });
    }
    previousMs = atMs;
    previousOffset = offset;
  }
  return { startOffsetMinutes, transitions };
};

const yearOffsets = (zone: string, utcYear: number): YearOffsets => {
  let years = zones.get(zone);
  if (!years) {
    years = new Map();
    zones.set(zone, years);
  }
  let offsets = years.get(utcYear);
  if (!offsets) {
    offsets = probeYear(zone, utcYear);
    years.set(utcYear, offsets);
  }
  return offsets;
};

/** The zone's UTC offset, in minutes, at an instant. */
export const offsetMinutesAt = (zone: string, ms: number): number => {
  const { startOffsetMinutes, transitions } = yearOffsets(zone, new Date(ms).getUTCFullYear());
  let offset = startOffsetMinutes;
  for (const t of transitions) {
    if (t.atMs > ms) break;
    offset = t.offsetMinutes;
  }
  return offset;
};

/** The first offset transition in (fromMs, toMs], if any. */
const transitionWithin = (zone: string, fromMs: number, toMs: number): Transition | undefined => {
  for (let year = new Date(fromMs).getUTCFullYear(); year <= new Date(toMs).getUTCFullYear(); year++) {
    const found = yearOffsets(zone, year).transitions.find((t) => t.atMs > fromMs && t.atMs <= toMs);
    if (found) return found;
  }
  return undefined;
};

/**
 * The instant of a wall time in the zone. A wall time repeated when clocks go back is its first occurrence; one
 * skipped when clocks go forward (02:15 in a 02:00 → 03:00 gap) is reached when the gap ends (03:00).
 * @example instantOfWall('Europe/Paris', Date.UTC(2026, 2, 29, 2, 15)) // 2026-03-29T03:00+02:00
 */
export const instantOfWallMs = (zone: string, wallMs: number): number => {
  // Offsets in effect around the wall time: a day either side covers every zone's offset (at most ±14 h).
  const before = offsetMinutesAt(zone, wallMs - DAY_MS);
  const after = offsetMinutesAt(zone, wallMs + DAY_MS);
  const candidates = before === after ? [before] : [before, after];
  let earliest = Infinity;
  for (const offset of candidates) {
    const ms = wallMs - offset * MINUTE_MS;
    if (offsetMinutesAt(zone, ms) === offset && ms < earliest) earliest = ms;
  }
  if (earliest !== Infinity) return earliest;
  // In a gap: the wall time is first passed at the transition itself.
  const gap = transitionWithin(zone, wallMs - DAY_MS, wallMs + DAY_MS);
  if (!gap) throw new RangeError(`instantOfWallMs: no offset fits ${new Date(wallMs).toISOString()} in ${zone}`);
  return gap.atMs;
};
