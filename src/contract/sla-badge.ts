// Wire type of the SLA badge (resolver `sla/getBadge`, the jira:issueContext module of issue 10): the issue's most
// urgent clock still counting, as of now, or the quiet state of an issue with nothing counting. One resolver call per
// render; the badge reads the stored SLA state (sla-property.ts, mirrored in app storage) and calls Jira only when
// that state is absent or stale.
import type { ClockState } from '../domain/sla/sla-clock';
import type { ClockId } from '../domain/sla/targets';

/**
 * `running`: the urgent clock counts and is within its target (the UI turns it amber from 75 %); `breached`: it
 * counts (or is paused) past its due instant; `paused`: it waits (`pausedBy` says on what); quiet states when nothing
 * counts: `met` (every clock stopped in time), `stopped` (every clock stopped, one of them late), `none` (no clock).
 */
export type SlaBadgeState = 'running' | 'breached' | 'paused' | 'met' | 'stopped' | 'none';

export type SlaBadgeClock = {
  readonly id: ClockId;
  readonly state: ClockState;
  readonly breached: boolean;
  /** Business ms left as of `computedAt`, negative once late; null without a target. */
  readonly remainingMs: number | null;
  readonly elapsedMs: number;
  readonly targetMs: number | null;
  readonly dueAt: string | null;
  /** How long "1 j" is on the clock's calendar (D1: 10 h on `standard`), to read lateness in business days. */
  readonly dayLengthMs: number;
  /** While paused: the status that pauses it ("En attente Administration"). */
  readonly pausedBy: string | null;
};

export type SlaBadgeView = {
  readonly issueKey: string;
  readonly state: SlaBadgeState;
  /** The clock the badge shows: null in the quiet states. */
  readonly clock: SlaBadgeClock | null;
  readonly computedAt: string;
  /** `stored`: read from the app's storage, no Jira call; `live`: the stored state was absent or stale. */
  readonly source: 'stored' | 'live';
  readonly settingsVersion: number;
};
