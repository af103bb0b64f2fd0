// French public holidays, from the maintained `date-holidays` data (D1): the 11 national ones, or the Alsace-Moselle
// set (adds Good Friday and 26 December); "Whit Monday worked" (journée de solidarité) takes Whit Monday out.
// Pure: the library computes from its bundled rules, no I/O and no clock.
import Holidays from 'date-holidays';

export type HolidaySet = 'FR' | 'FR-alsace-moselle' | 'none';

/** A public holiday: its local date (`yyyy-MM-dd`) and its French name. */
export type PublicHoliday = { readonly date: string; readonly name: string };

const WHIT_MONDAY_RULE = 'easter 50';
const cache = new Map<string, readonly PublicHoliday[]>();

const libraryFor = (set: Exclude<HolidaySet, 'none'>): Holidays =>
  // Moselle (57) stands for the three Alsace-Moselle départements, which share the same two extra days.
  set === 'FR' ? new Holidays('FR', { types: ['public'] }) : new Holidays('FR', '57', { types: ['public'] });

/**
 * The public holidays of a year, in date order.
 * @example publicHolidays('FR', 2026, false).length // 11
 * @example publicHolidays('FR', 2026, true).some((h) => h.date === '2026-05-25') // false: Whit Monday is worked
 */
export const publicHolidays = (set: HolidaySet, year: number, whitMondayWorked: boolean): readonly PublicHoliday[] => {
  if (set === 'none') return [];
  const cacheKey = `${set}:${year}:${whitMondayWorked}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const holidays = libraryFor(set)
    .getHolidays(year)
    .filter((h) => h.type === 'public' && !(whitMondayWorked && h.rule === WHIT_MONDAY_RULE))
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
  cache.set(cacheKey, holidays);
  return holidays;
};
