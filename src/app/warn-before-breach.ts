// Warnings before a breach (issue 10, item 4). Called at each recompute of an issue with its new contractSla value:
// for each running clock, the thresholds of settings.warnings (% of the target; 100 = the breach) that its elapsed
// time has crossed are sent once per clock cycle through Jira's issue notification, to the assignee, the watchers and
// the configured group. What was sent is stored in app storage (one key per issue, `sla-warnings:<issueId>`), so a
// replayed or duplicated event, or the same tick run twice, sends nothing more.
//
// Decisions (documented in the README, "Warnings before a breach"):
// - Order: claim, send, record. The entry is written `claimed` (with the instant) BEFORE the notify call, then
//   `sent` or `failed` after it. A crash after the claim leaves a `claimed` entry: once it is older than
//   WARNING_CLAIM_TTL_MS another run takes it over and sends it (never lost for ever); a run that finds a fresh claim
//   leaves it (the same tick run twice, or an event and a tick together, do not both send). A Jira refusal is
//   recorded `failed` and tried again at the next recompute, at most WARNING_MAX_ATTEMPTS sends in all (a refusal
//   that lasts, such as mail switched off on the site, stops there, visible in the panel). The one window that can
//   send twice is a crash between Jira's 204 and the record's write (one KVS write): at-least-once is chosen over
//   losing a warning.
// - Several thresholds crossed at once (the app first sees a clock long past 75 %, or it was down): only the highest
//   is sent; the lower ones are stored `superseded`. A threshold lower than one already handled in the cycle (a
//   threshold added to the settings later) is superseded too: warnings only go up within a cycle.
// - A paused (or stopped) clock never warns: nothing is sent or stored while it is not running; at the resume the
//   thresholds crossed are sent (a pause does not move the elapsed time, so none is crossed during it).
// - A reopened clock has a new `cycle`: its thresholds are new entries and warn again.
// - Warnings off: nothing is sent; every threshold crossed while off is stored `suppressed`, and pending entries
//   (`claimed`, `failed`) become `suppressed`, so switching warnings on again sends no burst of stale warnings (a
//   settings save recomputes every contract issue, so the switch-off reaches them all). What was sent stays listed.
import { CONTRACT_ZONE } from '../domain/contract-zone';
import { isRecord } from '../domain/is-record';
import type { ClockId } from '../domain/sla/targets';
import type { SlaPropertyValue, SlaWarningRecord, SlaWarningStatus } from '../contract';
import { formatInstant } from './format-instant';
import type { Deps, KeyValueStore } from './ports';
import type { WarningSettings } from './settings/parse-settings';
import { effectiveSettings } from './settings/settings-repository';
import { warningText } from './warning-text';

/** The app-storage key of an issue's warnings (letters, digits and `:` only: a valid Forge KVS key). */
export const warningsKey = (issueId: string): string => `sla-warnings:${issueId}`;
/** A claim older than this is abandoned (its run crashed or timed out: a Forge invocation lasts at most 900 s). */
export const WARNING_CLAIM_TTL_MS = 15 * 60_000;
/** Sends of one warning at most (the first and the retries after a Jira refusal). */
export const WARNING_MAX_ATTEMPTS = 3;
/** Entries kept per issue (the oldest dropped first): ~250 bytes each, far under the 240 KiB of a KVS value. */
export const MAX_WARNING_ENTRIES = 100;

const CLOCKS: readonly ClockId[] = ['workaround', 'resolution'];
const STATUSES: readonly SlaWarningStatus[] = ['sent', 'failed', 'claimed', 'superseded', 'suppressed', 'no-recipient'];
/** Statuses after which the threshold is done for the cycle. */
const DONE: ReadonlySet<SlaWarningStatus> = new Set(['sent', 'superseded', 'suppressed', 'no-recipient']);

export type WarnIssue = {
  readonly id: string;
  readonly key: string;
  /** The issue's `self` URL as Jira answers it: the link's site URL is its origin. */
  readonly self?: string | null;
  /** The assignee's account id, null when unassigned (then the assignee is not asked: Jira would answer 400). */
  readonly assigneeId?: string | null;
};

export type WarnOutcome = {
  /** What was sent by this run. */
  readonly sent: readonly SlaWarningRecord[];
  /** What Jira refused in this run. */
  readonly failed: readonly SlaWarningRecord[];
  /** The issue's entries after the run. */
  readonly entries: readonly SlaWarningRecord[];
};

const isStatus = (value: unknown): value is SlaWarningStatus => STATUSES.some((s) => s === value);

/** One stored entry, or null when it is not one (a value from a later format is left out, not trusted). */
const parseEntry = (value: unknown): SlaWarningRecord | null => {
  if (!isRecord(value)) return null;
  const { clock, cycle, threshold, status, at, claimedAt, attempts, to, jiraStatus } = value;
  if (clock !== 'workaround' && clock !== 'resolution') return null;
  if (typeof cycle !== 'string' || typeof threshold !== 'number' || !isStatus(status) || typeof at !== 'string')
    return null;
  if (!isRecord(to) || typeof to.assignee !== 'boolean' || typeof to.watchers !== 'boolean') return null;
  return {
    clock,
    cycle,
    threshold,
    status,
    at,
    claimedAt: typeof claimedAt === 'string' ? claimedAt : null,
    attempts: typeof attempts === 'number' ? attempts : 0,
    to: { assignee: to.assignee, watchers: to.watchers, group: typeof to.group === 'string' ? to.group : null },
    jiraStatus: typeof jiraStatus === 'number' ? jiraStatus : null,
  };
};

/** The warnings stored for an issue, oldest first (none when nothing was stored). */
export const readWarnings = async (store: KeyValueStore, issueId: string): Promise<SlaWarningRecord[]> => {
  const stored = await store.get(warningsKey(issueId));
  if (!isRecord(stored) || !Array.isArray(stored.entries)) return [];
  return stored.entries.flatMap((e: unknown) => {
    const entry = parseEntry(e);
    return entry === null ? [] : [entry];
  });
};

const writeWarnings = (store: KeyValueStore, issueId: string, entries: readonly SlaWarningRecord[]): Promise<void> =>
  store.set(warningsKey(issueId), { v: 1, entries: entries.slice(-MAX_WARNING_ENTRIES) });

/** The thresholds of a running clock its elapsed time has crossed (100 also when the value says breached). */
const crossedThresholds = (value: SlaPropertyValue, clock: ClockId, thresholds: readonly number[]): number[] => {
  const target = value[`${clock}TargetMs`];
  if (target === null || !(target > 0)) return [];
  const elapsed = value[`${clock}ElapsedMs`];
  const breached = value[`${clock}Breached`] === 'true';
  return thresholds.filter((t) => elapsed >= (t / 100) * target || (t >= 100 && breached));
};

const siteUrlOf = (self: string | null | undefined): string | null => {
  if (typeof self !== 'string') return null;
  try {
    return new URL(self).origin;
  } catch {
    return null;
  }
};

/**
 * Sends the warnings due for this value of the issue's SLA state, once per threshold and clock cycle (see the
 * decisions above). `settings`: the warnings section in force, when the caller already read it (else read here).
 */
export const warnBeforeBreach = async (
  deps: Deps,
  issue: WarnIssue,
  value: SlaPropertyValue,
  nowMs: number,
  settings?: WarningSettings,
): Promise<WarnOutcome> => {
  const warnings = settings ?? (await effectiveSettings(deps.store)).settings.warnings;
  const atText = (): string => formatInstant(nowMs, CONTRACT_ZONE);
  const original = await readWarnings(deps.store, issue.id);
  let entries = [...original];
  let dirty = false;
  const sent: SlaWarningRecord[] = [];
  const failed: SlaWarningRecord[] = [];
  const put = (entry: SlaWarningRecord): void => {
    const index = entries.findIndex(
      (e) => e.clock === entry.clock && e.cycle === entry.cycle && e.threshold === entry.threshold,
    );
    entries = index < 0 ? [...entries, entry] : entries.map((e, i) => (i === index ? entry : e));
    dirty = true;
  };
  const to = {
    assignee: warnings.notifyAssignee && issue.assigneeId !== null,
    watchers: warnings.notifyWatchers,
    group: warnings.group,
  };
  const fresh = (clock: ClockId, cycle: string, threshold: number, status: SlaWarningStatus): SlaWarningRecord => ({
    clock,
    cycle,
    threshold,
    status,
    at: atText(),
    claimedAt: null,
    attempts: 0,
    to,
    jiraStatus: null,
  });

  for (const clock of CLOCKS) {
    const cycle = value[`${clock}Cycle`];
    // A paused or stopped clock never warns (issue 10), and a clock without a cycle cannot be told apart.
    if (value[`${clock}State`] !== 'running' || cycle === null) continue;
    const crossed = crossedThresholds(value, clock, warnings.thresholds);
    if (crossed.length === 0) continue;
    const ofCycle = (): SlaWarningRecord[] => entries.filter((e) => e.clock === clock && e.cycle === cycle);
    const entryOf = (t: number): SlaWarningRecord | undefined => ofCycle().find((e) => e.threshold === t);

    if (!warnings.enabled) {
      // Off: what is crossed now is never sent later; what was pending is cancelled.
      for (const t of crossed) {
        const entry = entryOf(t);
        if (entry === undefined) put(fresh(clock, cycle, t, 'suppressed'));
        else if (!DONE.has(entry.status)) put({ ...entry, status: 'suppressed', at: atText() });
      }
      continue;
    }

    const top = Math.max(...crossed);
    for (const t of crossed) if (t < top && entryOf(t) === undefined) put(fresh(clock, cycle, t, 'superseded'));
    const existing = entryOf(top);
    if (existing !== undefined && DONE.has(existing.status)) continue;
    if (existing?.status === 'claimed' && existing.claimedAt !== null) {
      const claimedMs = Date.parse(existing.claimedAt);
      if (Number.isFinite(claimedMs) && nowMs - claimedMs < WARNING_CLAIM_TTL_MS) continue; // another run sends it
    }
    if (existing !== undefined && existing.attempts >= WARNING_MAX_ATTEMPTS) continue; // given up, shown in the panel
    const handledAbove = ofCycle().some(
      (e) => e.threshold > top && (e.status === 'sent' || e.status === 'claimed' || e.status === 'failed'),
    );
    if (handledAbove) {
      put({ ...(existing ?? fresh(clock, cycle, top, 'superseded')), status: 'superseded', at: atText() });
      continue;
    }
    if (!to.assignee && !to.watchers && to.group === null) {
      put(fresh(clock, cycle, top, 'no-recipient'));
      continue;
    }

    // Claim (stored before the send), send, record.
    const claimed: SlaWarningRecord = {
      ...(existing ?? fresh(clock, cycle, top, 'claimed')),
      status: 'claimed',
      claimedAt: atText(),
      attempts: (existing?.attempts ?? 0) + 1,
      to,
      at: atText(),
    };
    put(claimed);
    await writeWarnings(deps.store, issue.id, entries);
    dirty = false;
    const text = warningText({
      issueKey: issue.key,
      siteUrl: siteUrlOf(issue.self),
      clock,
      threshold: top,
      remainingMs: value[`${clock}RemainingMs`],
      dueAt: value[`${clock}DueAt`],
    });
    const outcome = await deps.jira.notifyIssue(issue.id, {
      ...text,
      to: { assignee: to.assignee, watchers: to.watchers, groups: to.group === null ? [] : [to.group] },
    });
    const recorded: SlaWarningRecord = outcome.sent
      ? { ...claimed, status: 'sent', at: atText(), jiraStatus: null }
      : { ...claimed, status: 'failed', at: atText(), jiraStatus: outcome.status };
    put(recorded);
    await writeWarnings(deps.store, issue.id, entries);
    dirty = false;
    (outcome.sent ? sent : failed).push(recorded);
  }
  if (dirty) await writeWarnings(deps.store, issue.id, entries);
  return { sent, failed, entries };
};
