// The four calendars that ship (D1): `gold` works Monday–Saturday 06:00–20:00 including public holidays (14 h days);
// `silver`, `bronze` and `standard` work Monday–Friday 08:00–18:00 except French public holidays (10 h days).
import { CONTRACT_ZONE } from '../contract-zone';
import type { BusinessCalendar, WorkingRange } from './business-calendar';

const HOUR_MS = 3_600_000;
const range = (startHour: number, endHour: number): readonly WorkingRange[] => [
  { startMinute: startHour * 60, endMinute: endHour * 60 },
];
const closed: readonly WorkingRange[] = [];

const weekdays8to18 = {
  mon: range(8, 18),
  tue: range(8, 18),
  wed: range(8, 18),
  thu: range(8, 18),
  fri: range(8, 18),
  sat: closed,
  sun: closed,
};

const officeCalendar = (name: string): BusinessCalendar => ({
  name,
  zone: CONTRACT_ZONE,
  week: weekdays8to18,
  holidays: 'FR',
  holidaysWorked: false,
  whitMondayWorked: false,
  closedDates: [],
  dayLengthMs: 10 * HOUR_MS,
});

export const BUILTIN_CALENDARS: Readonly<Record<'gold' | 'silver' | 'bronze' | 'standard', BusinessCalendar>> = {
  gold: {
    name: 'gold',
    zone: CONTRACT_ZONE,
    week: {
      mon: range(6, 20),
      tue: range(6, 20),
      wed: range(6, 20),
      thu: range(6, 20),
      fri: range(6, 20),
      sat: range(6, 20),
      sun: closed,
    },
    holidays: 'FR',
    holidaysWorked: true,
    whitMondayWorked: false,
    closedDates: [],
    dayLengthMs: 14 * HOUR_MS,
  },
  silver: officeCalendar('silver'),
  bronze: officeCalendar('bronze'),
  standard: officeCalendar('standard'),
};
