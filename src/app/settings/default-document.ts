// The defaults of decisions.md as a settings document (what examples/config.json spells out), for the settings
// page's placeholders, and the preview of each calendar's next closed days.
import { DateTime } from 'luxon';
import type { HolidayView, SettingsDocument } from '../../contract';
import { WEEKDAYS, type BusinessCalendar, type WorkingRange } from '../../domain/calendar/business-calendar';
import { publicHolidays } from '../../domain/calendar/french-holidays';
import type { TargetSpec } from '../../domain/sla/targets';
import type { Settings } from './parse-settings';

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const range = (r: WorkingRange): string => `${hhmm(r.startMinute)}-${hhmm(r.endMinute)}`;
const label = (t: TargetSpec | null): string | null => (t === null ? null : t.label);
/** A deep copy of a JSON-shaped value, as a document holds it (what it is, the document's reader checks). */
const jsonCopy = (value: object): unknown => JSON.parse(JSON.stringify(value));
const hours = (ms: number): string =>
  ms % 3_600_000 === 0 ? `${ms / 3_600_000}h` : `${Math.floor(ms / 3_600_000)}h${(ms % 3_600_000) / 60_000}m`;

export const calendarDocument = (cal: BusinessCalendar): SettingsDocument => ({
  zone: cal.zone,
  week: Object.fromEntries(WEEKDAYS.filter((d) => cal.week[d].length > 0).map((d) => [d, cal.week[d].map(range)])),
  holidays: cal.holidays,
  holidaysWorked: cal.holidaysWorked,
  whitMondayWorked: cal.whitMondayWorked,
  closedDates: [...cal.closedDates],
  dayLength: hours(cal.dayLengthMs),
});

export const settingsDocument = (s: Settings): SettingsDocument => ({
  projects: [...s.projects],
  fields: { ...s.fields },
  issueTypes: Object.fromEntries(Object.entries(s.issueTypes).map(([k, v]) => [k, [...v]])),
  statuses: {
    pause: [...s.statusLists.pause],
    workaroundDone: [...s.statusLists.workaroundDone],
    resolvedByKind: Object.fromEntries(Object.entries(s.statusLists.resolved).map(([k, v]) => [k, [...v]])),
    deployed: [...s.statusLists.deployed],
    closed: [...s.statusLists.closed],
  },
  pauseIncidents: s.statuses.pauseIncidents,
  calendars: Object.fromEntries(Object.entries(s.calendars).map(([name, cal]) => [name, calendarDocument(cal)])),
  targets: {
    anomaly: Object.fromEntries(
      Object.entries(s.targets.anomaly).map(([sev, t]) => [
        sev,
        { workaround: label(t.workaround), resolution: label(t.resolution) },
      ]),
    ),
    incident: Object.fromEntries(
      Object.entries(s.targets.incident).map(([level, row]) => [
        level,
        Object.fromEntries(Object.entries(row).map(([sev, t]) => [sev, label(t)])),
      ]),
    ),
    'doc-anomaly': Object.fromEntries(Object.entries(s.targets['doc-anomaly']).map(([sev, t]) => [sev, label(t)])),
    'service-request': Object.fromEntries(Object.entries(s.targets['service-request']).map(([u, t]) => [u, label(t)])),
  },
  vsrMonths: s.vsrMonths,
  sprintCadence: s.sprintCadence,
  administrationGroup: s.administrationGroup,
  productOwnerGroup: s.productOwnerGroup,
  reserve: jsonCopy(s.reserve),
  indicators: jsonCopy(s.indicators),
  native: jsonCopy(s.native),
  warnings: jsonCopy(s.warnings),
});

/** A calendar's next closed days from `fromDate` (public holidays it does not work, and extra closed dates). */
export const nextClosedDays = (cal: BusinessCalendar, fromDate: string, count = 8): readonly HolidayView[] => {
  const year = DateTime.fromISO(fromDate, { zone: cal.zone }).year;
  const holidays = [year, year + 1].flatMap((y) => publicHolidays(cal.holidays, y, cal.whitMondayWorked));
  const days: HolidayView[] = [
    ...holidays.map((h) => ({ date: h.date, name: cal.holidaysWorked ? `${h.name} (travaillé / worked)` : h.name })),
    ...cal.closedDates.map((date) => ({ date, name: 'Fermeture / closed' })),
  ];
  return days
    .filter((d) => d.date >= fromDate)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, count);
};
