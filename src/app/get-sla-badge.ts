// Use case behind the SLA badge (issue 10, item 1): the issue's most urgent clock still counting, as of now.
//
// Cost: the badge makes one resolver call per render, and this use case makes no Jira call when the stored state is
// fresh. The stored state is the SlaPropertyValue (src/contract/sla-property.ts) the recompute mirrors in app storage
// under slaStateKey(issueId) each time it recomputes the issue. It is FRESH when:
//   - it parses (format v1) and was computed with the settings version in force (a settings change recomputes every
//     issue: until that reaches this one, its stored figures follow the old rules);
//   - it was computed at most FRESH_FOR_MS (24 h) ago, and not in the future: every edit of the issue recomputes it,
//     and the scheduled trigger recomputes it at its `nextCheckAt`, so an older state means events were missed;
//   - its `nextCheckAt` is not more than CHECK_GRACE_MS (15 min, three ticks of the 5-minute trigger) in the past:
//     past that, the trigger should have recomputed it and did not;
//   - the calendar of the clock shown is one the settings define.
// The time left (or how late) is then computed NOW from the stored due instant in business time on the clock's
// calendar (src/domain/calendar), without Jira: a running clock's due instant does not move while nothing is edited.
// A paused clock's time left does not change while it stays paused. Otherwise ONE live computation (the issue panel's
// path, src/app/get-issue-sla.ts), read as the user: NOT_FOUND when the user cannot see the issue. The live result is
// not written back (the recompute owns the stored state; the next edit or tick refreshes it).
//
// Identity: the issue comes only from the Forge context. On the fresh path the caller's right to see the issue is the
// context itself: Jira renders the jira:issueContext module only in the view of an issue the user is browsing, and a
// resolver's context "is guaranteed to be secure, unalterable, and valid to be used for authorization" (Forge "App
// context security" page), unlike view.getContext in the browser. The context must name a signed-in user.
import { z } from 'zod';
import type { ClockId } from '../domain/sla/targets';
import { businessMsBetweenEpoch, type BusinessCalendar } from '../domain/calendar/business-calendar';
import { CONTRACT_ZONE } from '../domain/contract-zone';
import { slaStateKey, type ClockView, type SlaBadgeClock, type SlaBadgeState, type SlaBadgeView } from '../contract';
import { AppError } from './app-error';
import { formatInstant } from './format-instant';
import { getIssueSla } from './get-issue-sla';
import type { Deps } from './ports';
import type { Settings } from './settings/parse-settings';
import { effectiveSettings } from './settings/settings-repository';

/** How old a stored state may be and still be shown without Jira. */
export const FRESH_FOR_MS = 24 * 3_600_000;
/** How far past its `nextCheckAt` a stored state may be (the trigger runs every 5 minutes). */
export const CHECK_GRACE_MS = 15 * 60_000;

const CLOCK_IDS: readonly ClockId[] = ['workaround', 'resolution'];
const isoInstant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 instant');
const flag = z.enum(['true', 'false']);
// The parts every stored value has; each clock's flat keys are read by clockOf (the loose object keeps them).
const storedSchema = z.looseObject({
  v: z.literal(1),
  computedAt: isoInstant,
  settingsVersion: z.number().int(),
  state: z.enum(['running', 'paused', 'breached', 'met', 'none']),
  urgentClock: z.enum(['workaround', 'resolution']).nullable(),
  nextCheckAt: isoInstant.nullable(),
});
type Stored = z.infer<typeof storedSchema>;

/** One clock of the stored state, in the badge's terms, or null when the issue has no such clock. */
type StoredClock = {
  readonly id: ClockId;
  readonly state: 'running' | 'paused' | 'stopped';
  readonly breached: boolean;
  readonly dueAt: string | null;
  readonly remainingMs: number | null;
  readonly elapsedMs: number;
  readonly targetMs: number | null;
  readonly calendar: string | null;
  readonly pausedBy: string | null;
};

const field = (stored: Stored, name: string): unknown => Reflect.get(stored, name);
/** `undefined`: the stored value lacks or misspells this clock's keys (then it is not used). */
const clockOf = (stored: Stored, id: ClockId): StoredClock | null | undefined => {
  const result = z
    .object({
      state: z.enum(['running', 'paused', 'stopped', 'none']),
      breached: flag,
      dueAt: isoInstant.nullable(),
      remainingMs: z.number().finite().nullable(),
      elapsedMs: z.number().finite(),
      targetMs: z.number().finite().nullable(),
      calendar: z.string().nullable(),
      pausedBy: z.string().nullable(),
    })
    .safeParse({
      state: field(stored, `${id}State`),
      breached: field(stored, `${id}Breached`),
      dueAt: field(stored, `${id}DueAt`),
      remainingMs: field(stored, `${id}RemainingMs`),
      elapsedMs: field(stored, `${id}ElapsedMs`),
      targetMs: field(stored, `${id}TargetMs`),
      calendar: field(stored, `${id}Calendar`),
      pausedBy: field(stored, `${id}PausedBy`),
    });
  if (!result.success) return undefined;
  const parsed = result.data;
  if (parsed.state === 'none') return null;
  return { id, ...parsed, state: parsed.state, breached: parsed.breached === 'true' };
};

const calendarNamed = (settings: Settings, name: string | null): BusinessCalendar | null =>
  name === null
    ? null
    : (settings.calendars[name] ?? Object.values(settings.calendars).find((c) => c.name === name) ?? null);

/**
 * The clock the badge shows among those still counting: a running clock before a paused one, then the least time
 * left (the most late first); `preferred` (the recompute's own choice) when it is counting.
 */
export const mostUrgent = <
  C extends { readonly id: ClockId; readonly state: string; readonly remainingMs: number | null },
>(
  clocks: readonly C[],
  preferred: ClockId | null = null,
): C | null => {
  const counting = clocks.filter((c) => c.state !== 'stopped');
  const chosen = counting.find((c) => c.id === preferred);
  if (chosen) return chosen;
  const rank = (c: C): number => (c.state === 'running' ? 0 : 1);
  return (
    [...counting].sort(
      (a, b) =>
        rank(a) - rank(b) || (a.remainingMs ?? Number.POSITIVE_INFINITY) - (b.remainingMs ?? Number.POSITIVE_INFINITY),
    )[0] ?? null
  );
};

/** The badge's state from its clock and, when nothing counts, from whether a stopped clock was late. */
export const badgeStateOf = (
  clock: { readonly state: string; readonly breached: boolean; readonly remainingMs: number | null } | null,
  clocks: readonly { readonly breached: boolean }[],
): SlaBadgeState => {
  if (clock === null) {
    if (clocks.length === 0) return 'none';
    return clocks.some((c) => c.breached) ? 'stopped' : 'met';
  }
  if (clock.breached || (clock.remainingMs !== null && clock.remainingMs < 0)) return 'breached';
  return clock.state === 'paused' ? 'paused' : 'running';
};

/** Time left now of a running clock due at `dueMs`, in business ms on its calendar (negative once late). */
export const remainingNow = (cal: BusinessCalendar, dueMs: number, nowMs: number): number =>
  dueMs >= nowMs ? businessMsBetweenEpoch(cal, nowMs, dueMs) : -businessMsBetweenEpoch(cal, dueMs, nowMs);

/** Why a stored state cannot be shown as it is (null: it is fresh). */
export const stalenessOf = (stored: Stored, version: number, nowMs: number): string | null => {
  const computedMs = Date.parse(stored.computedAt);
  if (stored.settingsVersion !== version) return `computed with settings v${stored.settingsVersion}, not v${version}`;
  if (computedMs > nowMs) return 'computed in the future';
  if (nowMs - computedMs > FRESH_FOR_MS) return 'computed more than 24 h ago';
  if (stored.nextCheckAt !== null && nowMs > Date.parse(stored.nextCheckAt) + CHECK_GRACE_MS)
    return 'its next check is more than 15 min past';
  return null;
};

const fromStored = (stored: Stored, settings: Settings, issueKey: string, nowMs: number, version: number) => {
  const read = CLOCK_IDS.map((id) => clockOf(stored, id));
  if (read.includes(undefined)) return null;
  const clocks = read.filter((c): c is StoredClock => c !== null && c !== undefined);
  const urgent = mostUrgent(clocks, stored.urgentClock);
  let clock: SlaBadgeClock | null = null;
  if (urgent !== null) {
    const cal = calendarNamed(settings, urgent.calendar);
    if (cal === null) return null;
    const dueMs = urgent.dueAt === null ? Number.NaN : Date.parse(urgent.dueAt);
    const remainingMs =
      urgent.state === 'running' && Number.isFinite(dueMs) ? remainingNow(cal, dueMs, nowMs) : urgent.remainingMs;
    const elapsedMs =
      urgent.targetMs !== null && remainingMs !== null ? urgent.targetMs - remainingMs : urgent.elapsedMs;
    clock = {
      id: urgent.id,
      state: urgent.state,
      breached: urgent.breached || (remainingMs !== null && remainingMs < 0),
      remainingMs,
      elapsedMs,
      targetMs: urgent.targetMs,
      dueAt: urgent.dueAt,
      dayLengthMs: cal.dayLengthMs,
      pausedBy: urgent.state === 'paused' ? urgent.pausedBy : null,
    };
  }
  const view: SlaBadgeView = {
    issueKey,
    state: badgeStateOf(clock, clocks),
    clock,
    computedAt: formatInstant(nowMs, CONTRACT_ZONE),
    source: 'stored',
    settingsVersion: version,
  };
  return view;
};

/** The status of a paused clock's last segment: what it waits on. */
const pausedByOf = (clock: ClockView): string | null =>
  clock.state === 'paused' ? (clock.segments.at(-1)?.status ?? null) : null;

const ISSUE_ID = /^\d{1,18}$/;

/** `issueKey` and `issueId` from the Forge context only (the resolver reads them there). */
export const getSlaBadge = async (
  deps: Deps,
  issueKey: string,
  issueId: string | null,
  nowMs: number,
): Promise<SlaBadgeView> => {
  if (issueId !== null && !ISSUE_ID.test(issueId))
    throw new AppError('BAD_REQUEST', `"${issueId.slice(0, 30)}" is not an issue id`);
  const { settings, version } = await effectiveSettings(deps.store);
  if (issueId !== null) {
    const parsed = storedSchema.safeParse(await deps.store.get(slaStateKey(issueId)));
    if (parsed.success && stalenessOf(parsed.data, version, nowMs) === null) {
      const view = fromStored(parsed.data, settings, issueKey, nowMs, version);
      if (view !== null) return view;
    }
  }
  const panel = await getIssueSla(deps, issueKey, nowMs, issueId);
  const clocks = panel.issue.clocks;
  const urgent = mostUrgent(clocks);
  const clock: SlaBadgeClock | null =
    urgent === null
      ? null
      : {
          id: urgent.id,
          state: urgent.state,
          breached: urgent.breached,
          remainingMs: urgent.remainingMs,
          elapsedMs: urgent.elapsedMs,
          targetMs: urgent.targetMs,
          dueAt: urgent.dueAt,
          dayLengthMs: calendarNamed(settings, urgent.calendar)?.dayLengthMs ?? 36_000_000,
          pausedBy: pausedByOf(urgent),
        };
  return {
    issueKey: panel.issue.key,
    state: badgeStateOf(clock, clocks),
    clock,
    computedAt: panel.computedAt,
    source: 'live',
    settingsVersion: panel.settingsVersion,
  };
};
