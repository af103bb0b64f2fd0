// A calendar written as JSON (CLI files, settings) → a BusinessCalendar, or the list of what is wrong with it.
// Format: {"zone", "week": {"mon": ["08:00-18:00", …], …}, "holidays": "FR" | "FR-alsace-moselle" | "none",
//          "holidaysWorked", "whitMondayWorked", "closedDates": ["yyyy-MM-dd"], "dayLength": "10h"}
import { CONTRACT_ZONE } from '../../domain/contract-zone';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import {
  hasWorkingHours,
  WEEKDAYS,
  type BusinessCalendar,
  type WorkingRange,
} from '../../domain/calendar/business-calendar';
import { parseDuration, durationMs } from '../../domain/duration';
import { failWith, ok, type Issue, type Result } from '../../domain/result';
import { recordOf } from './record-of';
import { zodIssues } from './zod-issues';

const RANGE = /^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const calendarSchema = z.strictObject({
  zone: z.string().default(CONTRACT_ZONE),
  week: z.strictObject(recordOf(WEEKDAYS, () => z.array(z.string()).optional())),
  holidays: z.enum(['FR', 'FR-alsace-moselle', 'none']).default('FR'),
  holidaysWorked: z.boolean().default(false),
  whitMondayWorked: z.boolean().default(false),
  closedDates: z.array(z.string().regex(ISO_DATE, 'expected a date yyyy-MM-dd')).default([]),
  dayLength: z.string().optional(),
});

export type CalendarJson = z.input<typeof calendarSchema>;

const parseRange = (text: string, path: readonly (string | number)[], issues: Issue[]): WorkingRange | null => {
  const match = RANGE.exec(text.trim());
  if (!match) {
    issues.push({
      code: 'CALENDAR_INVALID',
      path,
      message: `"${text}" is not a working range: write HH:MM-HH:MM, e.g. 08:00-18:00`,
    });
    return null;
  }
  const [, sh, sm, eh, em] = match;
  const range = { startMinute: Number(sh) * 60 + Number(sm), endMinute: Number(eh) * 60 + Number(em) };
  if (range.startMinute >= 1440 || range.endMinute > 1440 || range.startMinute >= range.endMinute) {
    issues.push({ code: 'CALENDAR_INVALID', path, message: `"${text}" must start before it ends, within 00:00-24:00` });
    return null;
  }
  return range;
};

/** Checks a parsed calendar document and builds the calendar (named `name`). */
export const buildCalendar = (
  name: string,
  json: z.output<typeof calendarSchema>,
  path: readonly (string | number)[] = [],
): Result<BusinessCalendar> => {
  const issues: Issue[] = [];
  if (!IANAZone.isValidZone(json.zone))
    issues.push({
      code: 'CALENDAR_INVALID',
      path: [...path, 'zone'],
      message: `"${json.zone}" is not a time zone of the tz database (e.g. Europe/Paris)`,
    });
  const week = recordOf(WEEKDAYS, (day): readonly WorkingRange[] => {
    const ranges = (json.week[day] ?? [])
      .map((text, i) => parseRange(text, [...path, 'week', day, i], issues))
      .filter((r): r is WorkingRange => r !== null)
      .sort((a, b) => a.startMinute - b.startMinute);
    ranges.forEach((r, i) => {
      const previous = ranges[i - 1];
      if (previous && r.startMinute < previous.endMinute)
        issues.push({
          code: 'CALENDAR_INVALID',
          path: [...path, 'week', day],
          message: 'working ranges of a day must not overlap',
        });
    });
    return ranges;
  });
  if (issues.length === 0 && !hasWorkingHours({ week })) {
    issues.push({
      code: 'CALENDAR_HAS_NO_WORKING_HOURS',
      path: [...path, 'week'],
      message: 'the calendar has no working range on any day: no deadline could ever be reached',
    });
  }
  const longestDayMs = Math.max(
    0,
    ...WEEKDAYS.map((d) => week[d].reduce((sum, r) => sum + (r.endMinute - r.startMinute) * 60_000, 0)),
  );
  let dayLengthMs = longestDayMs;
  if (json.dayLength !== undefined) {
    const parsed = parseDuration(json.dayLength);
    if (!parsed.ok || parsed.value.days !== 0 || parsed.value.ms <= 0 || parsed.value.ms > 86_400_000) {
      issues.push({
        code: 'CALENDAR_INVALID',
        path: [...path, 'dayLength'],
        message: `"${json.dayLength}" is not a day length: write hours and minutes, e.g. 10h or 7h30m`,
      });
    } else dayLengthMs = durationMs(parsed.value, 0);
  }
  if (issues.length > 0) return failWith(issues);
  return ok({
    name,
    zone: json.zone,
    week,
    holidays: json.holidays,
    holidaysWorked: json.holidaysWorked,
    whitMondayWorked: json.whitMondayWorked,
    closedDates: [...json.closedDates].sort(),
    dayLengthMs,
  });
};

/** Parses a calendar document (already JSON-decoded). */
export const parseCalendar = (
  name: string,
  value: unknown,
  path: readonly (string | number)[] = [],
): Result<BusinessCalendar> => {
  const parsed = calendarSchema.safeParse(value);
  if (!parsed.success) return failWith(zodIssues(parsed.error, 'CALENDAR_INVALID', path));
  return buildCalendar(name, parsed.data, path);
};
