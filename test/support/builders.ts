// Test builders: instants written as local wall times in a named zone, durations in readable units.
import { DateTime } from 'luxon';
import type { BusinessCalendar, Weekday, WorkingRange } from '../../src/domain/calendar/business-calendar';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const h = (hours: number): number => Math.round(hours * HOUR);
export const m = (minutes: number): number => minutes * MINUTE;

/** A local wall time in the zone (default Europe/Paris), e.g. at('2026-03-02T09:00'). */
export const at = (local: string, zone = 'Europe/Paris'): DateTime => DateTime.fromISO(local, { zone });
export const ms = (local: string, zone = 'Europe/Paris'): number => at(local, zone).toMillis();

const parseRange = (text: string): WorkingRange => {
  const [start, end] = text.split('-') as [string, string];
  const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  return { startMinute: minutes(start), endMinute: minutes(end) };
};

/** A calendar from a compact description; every weekday not given is closed. */
export const aCalendar = (spec: {
  zone?: string;
  week?: Partial<Record<Weekday, readonly string[]>>;
  holidays?: BusinessCalendar['holidays'];
  holidaysWorked?: boolean;
  whitMondayWorked?: boolean;
  closedDates?: readonly string[];
  dayLengthHours?: number;
  name?: string;
}): BusinessCalendar => {
  const day = (d: Weekday): readonly WorkingRange[] => (spec.week?.[d] ?? []).map(parseRange);
  return {
    name: spec.name ?? 'test',
    zone: spec.zone ?? 'Europe/Paris',
    week: {
      mon: day('mon'),
      tue: day('tue'),
      wed: day('wed'),
      thu: day('thu'),
      fri: day('fri'),
      sat: day('sat'),
      sun: day('sun'),
    },
    holidays: spec.holidays ?? 'none',
    holidaysWorked: spec.holidaysWorked ?? false,
    whitMondayWorked: spec.whitMondayWorked ?? false,
    closedDates: spec.closedDates ?? [],
    dayLengthMs: h(spec.dayLengthHours ?? 10),
  };
};

const WEEKDAY_NAMES: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * The minute-by-minute oracle: is the calendar working at this instant? Written independently of the engine: it asks
 * luxon for the local wall time and checks the week, the holiday dates and the closed dates directly.
 */
export const workingAtOracle = (
  cal: BusinessCalendar,
  holidayDates: ReadonlySet<string>,
  instantMs: number,
): boolean => {
  const local = DateTime.fromMillis(instantMs, { zone: cal.zone });
  const date = local.toISODate() as string;
  if (cal.closedDates.includes(date)) return false;
  if (!cal.holidaysWorked && holidayDates.has(date)) return false;
  const minute = local.hour * 60 + local.minute;
  const ranges = cal.week[WEEKDAY_NAMES[local.weekday - 1] as Weekday];
  return ranges.some((r) => minute >= r.startMinute && minute < r.endMinute);
};
