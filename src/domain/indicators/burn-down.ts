// A sprint's burn-down (rules.md §6.3, A20): for each working day of the sprint on the `standard` calendar, the
// remaining estimate of the issues in the sprint at that day's end (the last working window's end), against the
// ideal line from the committed capacity down to 0 at the end of its last working day. "Remaining" is the effort
// (estimate, else logged time: effortOf, as the reserve counts it) of the issues in the sprint whose status is not in
// the done category; the count of those issues is given too, since the contract's text compares points with tasks.
// Estimates are the current ones (histories of estimates are not replayed, as for the reserve). A day that has not
// ended at the measure instant has no remaining value yet.
import { DateTime } from 'luxon';
import { workingDaysFrom, type BusinessCalendar } from '../calendar/business-calendar';
import { effortOf, type ReserveRules, type SprintFacts, type SprintItem } from '../capacity/sprint-capacity';
import { valueAt } from '../value-over-time';

const DAY_MS = 86_400_000;

export type BurnDownDay = {
  /** Local date, yyyy-MM-dd. */
  readonly date: string;
  /** The end of the day's last working window: when the remaining effort is read. */
  readonly atMs: number;
  /** Thousandths of the board's unit; null for a day not over at the measure instant. */
  readonly remainingMilli: number | null;
  readonly remainingIssues: number | null;
  readonly idealMilli: number;
};

export type BurnDown = {
  readonly sprint: SprintFacts;
  /** The effort in the sprint at its start (the ideal line's starting point). */
  readonly committedMilli: number;
  readonly days: readonly BurnDownDay[];
};

/** The instant a sprint's days run to: its completion when closed, else its planned end. */
export const sprintEndMs = (sprint: SprintFacts): number | null =>
  sprint.state === 'closed' ? (sprint.completeAtMs ?? sprint.endAtMs) : sprint.endAtMs;

/**
 * The burn-down of a sprint that has a start and an end, measured at `measuredAtMs`; null otherwise.
 * @example burnDown(sprint2, items, { unit: 'points', hoursPerPoint: 6 }, standard, at('2026-03-31T12:00'))
 * // { committedMilli: 20000, days: [{ date: '2026-03-02', remainingMilli: 20000, idealMilli: 19000, … }, … 20 days] }
 */
export const burnDown = (
  sprint: SprintFacts,
  items: readonly SprintItem[],
  rules: Pick<ReserveRules, 'unit' | 'hoursPerPoint'>,
  calendar: BusinessCalendar,
  measuredAtMs: number,
): BurnDown | null => {
  const startMs = sprint.startAtMs;
  const endMs = sprintEndMs(sprint);
  if (startMs === null || endMs === null || endMs <= startMs) return null;
  const inSprint = (item: SprintItem, atMs: number): boolean => (valueAt(item.sprints, atMs) ?? []).includes(sprint.id);
  const members = items.filter((item) => item.sprints.changes.some((change) => change.to?.includes(sprint.id)));
  const effort = new Map(members.map((item) => [item, effortOf(item, rules).milli]));
  const committedMilli = members
    .filter((item) => inSprint(item, startMs))
    .reduce((total, item) => total + (effort.get(item) ?? 0), 0);

  const firstDate = DateTime.fromMillis(startMs, { zone: calendar.zone }).toISODate();
  if (firstDate === null) throw new RangeError('burnDown: the sprint start is not a valid instant');
  // As many working days as calendar days is always enough; the list is cut at the sprint's end.
  const count = Math.ceil((endMs - startMs) / DAY_MS) + 2;
  const workingDays = workingDaysFrom(calendar, firstDate, count).filter(
    (day) => day.endMs > startMs && day.startMs < endMs,
  );
  const n = workingDays.length;
  return {
    sprint,
    committedMilli,
    days: workingDays.map((day, i) => {
      const over = day.endMs <= measuredAtMs;
      let remainingMilli = 0;
      let remainingIssues = 0;
      if (over) {
        for (const item of members) {
          if (!inSprint(item, day.endMs) || valueAt(item.statuses, day.endMs)?.category === 'done') continue;
          remainingMilli += effort.get(item) ?? 0;
          remainingIssues += 1;
        }
      }
      return {
        date: day.date,
        atMs: day.endMs,
        remainingMilli: over ? remainingMilli : null,
        remainingIssues: over ? remainingIssues : null,
        idealMilli: Math.round((committedMilli * (n - i - 1)) / n),
      };
    }),
  };
};
