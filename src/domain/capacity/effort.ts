// Effort in a board's estimation unit (story points or hours), kept as integer thousandths of that unit (`…Milli`:
// milli-points or milli-hours), so that sums, the reserve's min/max and the move-out cover are exact (B9: no
// floating-point points or hours inside the core). Logged time is integer ms; 1 milli-hour is 3 600 ms, and on a
// points board a point is worth `hoursPerPoint` hours of logged time (D8: the fallback for a missing estimate).

export type EstimationUnit = 'points' | 'hours';

const MS_PER_MILLI_HOUR = 3_600;

/**
 * An estimate in the board's unit → thousandths of it, rounded to the nearest.
 * @example milliFromUnits(2.5) // 2500
 */
export const milliFromUnits = (units: number): number => Math.round(units * 1000);

/**
 * Thousandths of the board's unit → the unit, for the wire.
 * @example unitsFromMilli(1500) // 1.5
 */
export const unitsFromMilli = (milli: number): number => milli / 1000;

/**
 * Logged time in thousandths of the board's unit: hours as they are, or points at `hoursPerPoint` hours a point,
 * rounded to the nearest thousandth.
 * @example milliFromLoggedMs(9 * 3_600_000, 'points', 6) // 1500: 9 h at 6 h a point is 1.5 points
 * @example milliFromLoggedMs(20 * 60_000, 'hours', 6) // 333: 20 minutes
 */
export const milliFromLoggedMs = (loggedMs: number, unit: EstimationUnit, hoursPerPoint: number): number => {
  if (!(hoursPerPoint > 0)) throw new RangeError('milliFromLoggedMs: hoursPerPoint must be > 0');
  return Math.round(loggedMs / (unit === 'hours' ? MS_PER_MILLI_HOUR : MS_PER_MILLI_HOUR * hoursPerPoint));
};
