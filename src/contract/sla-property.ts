// Wire type of the app's stored SLA state of an issue (issue 10): the `contractSla` issue property, indexed by the
// manifest's jira:entityProperty module for JQL (`issue.property[contractSla].resolutionRemainingMs < 3600000`) and
// read by the JQL functions; the same value is mirrored in the app's storage for the SLA badge (no Jira call).
// Flat keys, one group per clock, because an indexed value is a path into the property. Entity properties index
// number, string, text, user and date values (Forge "Jira entity property" page): flags are the strings "true" and
// "false", dates ISO 8601 strings with an offset, durations integer milliseconds as of `computedAt`.
import type { ClockState } from '../domain/sla/sla-clock';
import type { ClockId } from '../domain/sla/targets';
import type { SlaStatus } from './issue-panel';

export const SLA_PROPERTY_KEY = 'contractSla';
/** The app-storage key of an issue's mirrored SLA state (the badge reads it). */
export const slaStateKey = (issueId: string): string => `sla-state:${issueId}`;

export type SlaFlag = 'true' | 'false';
/** A clock's state, or `none` when the issue has no such clock. */
export type SlaClockState = ClockState | 'none';

/** Per clock (`workaround…`, `resolution…`): what is indexed, then what the badge needs. */
export type SlaClockProperty = {
  readonly state: SlaClockState;
  readonly breached: SlaFlag;
  /** Breached at some point of this clock cycle, even if a requalification lifted it since. */
  readonly everBreached: SlaFlag;
  readonly dueAt: string | null;
  readonly remainingMs: number | null;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly targetMs: number | null;
  /** The calendar the clock counts in (the badge computes the time left from `dueAt` with it). */
  readonly calendar: string | null;
  /** While paused: the status that pauses it ("En attente Administration"). */
  readonly pausedBy: string | null;
  /** Identifies the clock cycle: a reopened clock starts a new one (warnings are sent once per cycle). */
  readonly cycle: string | null;
};

export type SlaPropertyValue = {
  /** Format version of this value. */
  readonly v: 1;
  readonly computedAt: string;
  readonly settingsVersion: number;
  /** Same vocabulary as the "Statut SLA" field, `none` for a contract issue without a clock. */
  readonly state: SlaStatus | 'none';
  /** The most urgent running clock (the badge's), or null. */
  readonly urgentClock: ClockId | null;
  /** The next due instant of a clock still counting (the "Échéance SLA" field's value). */
  readonly dueAt: string | null;
  /** When the scheduled trigger must recompute the issue even without an edit (a threshold, the due instant). */
  readonly nextCheckAt: string | null;
} & { readonly [K in `${ClockId}${Capitalize<keyof SlaClockProperty & string>}`]: PropertyOf<K> };

type FieldOf<K> = K extends `${ClockId}${infer F}` ? Uncapitalize<F> : never;
type PropertyOf<K> = FieldOf<K> extends keyof SlaClockProperty ? SlaClockProperty[FieldOf<K>] : never;

/** The indexed paths (what the manifest's jira:entityProperty declares; at most 30 values per app). */
export const SLA_PROPERTY_INDEX = [
  { path: 'state', type: 'string' },
  { path: 'dueAt', type: 'date' },
  { path: 'nextCheckAt', type: 'date' },
  { path: 'computedAt', type: 'date' },
  ...(['workaround', 'resolution'] as const).flatMap((c) => [
    { path: `${c}State`, type: 'string' },
    { path: `${c}Breached`, type: 'string' },
    { path: `${c}EverBreached`, type: 'string' },
    { path: `${c}DueAt`, type: 'date' },
    { path: `${c}RemainingMs`, type: 'number' },
    { path: `${c}ElapsedMs`, type: 'number' },
    { path: `${c}PausedMs`, type: 'number' },
  ]),
] as const;
