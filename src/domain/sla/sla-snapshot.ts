// An issue's stored SLA state (issue 10), computed from its clocks as of `now`: what the `contractSla` issue
// property indexes for JQL and what the badge reads from app storage. Pure: instants are epoch ms; the app formats
// them (src/app/recompute-issues.ts). `nextCheckAt` tells the scheduled trigger when the stored state (or a warning)
// changes without an edit: a warning threshold or the due instant of a running clock, in business time.
import { addBusinessMsEpoch, type BusinessCalendar } from '../calendar/business-calendar';
import type { ClockSegment, ClockState, SlaClock } from './sla-clock';
import type { ClockId } from './targets';

/** What the snapshot reads of a clock: the domain's own clock (sla-clock.ts), in epoch ms. */
export type SnapshotClockInput = Pick<
  SlaClock,
  | 'id'
  | 'calendar'
  | 'targetMs'
  | 'dueAtMs'
  | 'elapsedMs'
  | 'pausedMs'
  | 'remainingMs'
  | 'state'
  | 'breached'
  | 'startedAtMs'
> & { readonly segments: readonly Pick<ClockSegment, 'state' | 'status'>[] };

/** What the previous stored state says of a clock: the latch needs it. */
export type PreviousClockSnapshot = { readonly cycle: string | null; readonly everBreached: boolean };

export type ClockSnapshot = {
  readonly state: ClockState | 'none';
  readonly breached: boolean;
  readonly everBreached: boolean;
  readonly dueAtMs: number | null;
  readonly remainingMs: number | null;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly targetMs: number | null;
  readonly calendar: string | null;
  readonly pausedBy: string | null;
  readonly cycle: string | null;
};

export type SlaOverallState = 'breached' | 'met' | 'paused' | 'running' | 'none';

export type SlaSnapshot = {
  readonly state: SlaOverallState;
  readonly urgentClock: ClockId | null;
  readonly dueAtMs: number | null;
  readonly nextCheckAtMs: number | null;
  readonly clocks: Readonly<Record<ClockId, ClockSnapshot>>;
};

export type SnapshotSettings = {
  readonly calendars: Readonly<Record<string, BusinessCalendar>>;
  /** Warning thresholds, % of the target; empty when warnings are off. */
  readonly thresholds: readonly number[];
};

export const CLOCK_IDS: readonly ClockId[] = ['workaround', 'resolution'];

const NO_CLOCK: ClockSnapshot = {
  state: 'none',
  breached: false,
  everBreached: false,
  dueAtMs: null,
  remainingMs: null,
  elapsedMs: 0,
  pausedMs: 0,
  targetMs: null,
  calendar: null,
  pausedBy: null,
  cycle: null,
};

/**
 * The clock's cycle: a reopened clock starts a new one. The engine keeps a reopened resolution clock's stopped runs
 * as `stopped` segments between running ones (sla-clock.ts, countClock), and the workaround clock ends at its first
 * stop for good; so the cycle is the start and the number of stopped runs the clock came back from.
 */
export const clockCycle = (clock: SnapshotClockInput): string => {
  let reopened = 0;
  clock.segments.forEach((s, i) => {
    if (s.state === 'stopped' && clock.segments[i - 1]?.state !== 'stopped') reopened += 1;
  });
  return `${clock.startedAtMs}:${reopened}`;
};

/**
 * The business ms still to count before something changes for a running clock with a target: each threshold not
 * reached yet (`> 0`), and the breach: one ms past the target (`breached` is strictly past it, sla-clock.ts), so the
 * check falls on the first working instant after the due instant, not in the night that may follow it.
 */
export const pendingChecksMs = (clock: SnapshotClockInput, thresholds: readonly number[]): readonly number[] => {
  if (clock.state !== 'running' || clock.targetMs === null) return [];
  const targetMs = clock.targetMs;
  const toThresholds = thresholds
    .map((p) => Math.ceil((p * targetMs) / 100) - clock.elapsedMs)
    .filter((need) => need > 0);
  const toBreach = targetMs - clock.elapsedMs + 1;
  return toBreach > 0 ? [...toThresholds, toBreach] : toThresholds;
};

const nextCheckOf = (clock: SnapshotClockInput, settings: SnapshotSettings, nowMs: number): number | null => {
  const cal = settings.calendars[clock.calendar];
  const pending = pendingChecksMs(clock, settings.thresholds);
  if (cal === undefined || pending.length === 0) return null;
  return addBusinessMsEpoch(cal, nowMs, Math.min(...pending));
};

const clockSnapshot = (clock: SnapshotClockInput, previous: PreviousClockSnapshot | undefined): ClockSnapshot => {
  const cycle = clockCycle(clock);
  const last = clock.segments[clock.segments.length - 1];
  return {
    state: clock.state,
    breached: clock.breached,
    // The latch holds within a cycle: a requalification that lifts the breach does not lift "ever breached".
    everBreached: clock.breached || (previous !== undefined && previous.cycle === cycle && previous.everBreached),
    dueAtMs: clock.dueAtMs,
    remainingMs: clock.remainingMs,
    elapsedMs: clock.elapsedMs,
    pausedMs: clock.pausedMs,
    targetMs: clock.targetMs,
    calendar: clock.calendar,
    pausedBy: clock.state === 'paused' && last !== undefined && last.state === 'paused' ? last.status : null,
    cycle,
  };
};

/** Same rule as "Statut SLA" (live-export.ts, slaStatusOf). */
const overallState = (clocks: readonly SnapshotClockInput[]): SlaOverallState => {
  if (clocks.length === 0) return 'none';
  if (clocks.some((c) => c.breached)) return 'breached';
  const counting = clocks.filter((c) => c.state !== 'stopped');
  if (counting.length === 0) return 'met';
  return counting.every((c) => c.state === 'paused') ? 'paused' : 'running';
};

/** Running before paused, then the earliest due (a breached clock's due instant is past: it comes first). */
const urgencyOf = (c: SnapshotClockInput): [number, number] => [
  c.state === 'running' ? 0 : 1,
  c.dueAtMs ?? Number.POSITIVE_INFINITY,
];

export const slaSnapshot = (
  clocks: readonly SnapshotClockInput[],
  settings: SnapshotSettings,
  nowMs: number,
  previous: Partial<Readonly<Record<ClockId, PreviousClockSnapshot>>> = {},
): SlaSnapshot => {
  const counting = clocks.filter((c) => c.state !== 'stopped');
  let urgent: SnapshotClockInput | null = null;
  for (const c of counting) {
    if (urgent === null) urgent = c;
    else {
      const [a1, a2] = urgencyOf(c);
      const [b1, b2] = urgencyOf(urgent);
      if (a1 < b1 || (a1 === b1 && a2 < b2)) urgent = c;
    }
  }
  const dues = counting.flatMap((c) => (c.dueAtMs === null ? [] : [c.dueAtMs]));
  const checks = clocks.flatMap((c) => {
    const at = nextCheckOf(c, settings, nowMs);
    return at === null ? [] : [at];
  });
  const byId = (id: ClockId): ClockSnapshot => {
    const clock = clocks.find((c) => c.id === id);
    return clock === undefined ? NO_CLOCK : clockSnapshot(clock, previous[id]);
  };
  return {
    state: overallState(clocks),
    urgentClock: urgent?.id ?? null,
    dueAtMs: dues.length === 0 ? null : Math.min(...dues),
    nextCheckAtMs: checks.length === 0 ? null : Math.min(...checks),
    clocks: { workaround: byId('workaround'), resolution: byId('resolution') },
  };
};
