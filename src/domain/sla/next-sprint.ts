// "Sprint suivant obligatoire" (D7): due at the end of the first sprint that starts after the clock's start, at the
// end of that sprint's last working day. Sprints come from the board; without them, from a cadence of N business
// days (20 in the contract) counted on the `standard` calendar from a first start date.
import { endOfLastWorkingDayEpoch, workingDaysFrom, type BusinessCalendar } from '../calendar/business-calendar';

export type SprintWindow = { readonly name: string; readonly startMs: number; readonly endMs: number };
export type SprintCadence = { readonly firstStart: string; readonly businessDays: number };

/**
 * The cadence's sprints, from its first start until the first sprint that starts after `untilMs`.
 * @example cadenceSprints(standard, { firstStart: '2026-01-05', businessDays: 20 }, at('2026-02-10'))[1].name
 * // 'Sprint 2'
 */
export const cadenceSprints = (
  cal: BusinessCalendar,
  cadence: SprintCadence,
  untilMs: number,
): readonly SprintWindow[] => {
  const sprints: SprintWindow[] = [];
  let fromDate = cadence.firstStart;
  // Bounded by untilMs: each turn adds a sprint that ends later than the one before.
  for (;;) {
    const days = workingDaysFrom(cal, fromDate, cadence.businessDays + 1);
    const first = days[0];
    const last = days[cadence.businessDays - 1];
    const following = days[cadence.businessDays];
    if (!first || !last || !following) return sprints;
    sprints.push({ name: `Sprint ${sprints.length + 1}`, startMs: first.startMs, endMs: last.endMs });
    if (first.startMs > untilMs) return sprints;
    fromDate = following.date;
  }
};

export type NextSprintDue = { readonly sprint: SprintWindow; readonly dueAtMs: number };

/** The sprint a "next sprint" clock started at `startMs` is due in, and the due instant; null when none is known. */
export const nextSprintDue = (
  cal: BusinessCalendar,
  sprints: readonly SprintWindow[],
  startMs: number,
): NextSprintDue | null => {
  let next: SprintWindow | null = null;
  for (const sprint of sprints)
    if (sprint.startMs > startMs && (next === null || sprint.startMs < next.startMs)) next = sprint;
  if (next === null) return null;
  const dueAtMs = endOfLastWorkingDayEpoch(cal, next.endMs);
  return dueAtMs === null ? null : { sprint: next, dueAtMs };
};
