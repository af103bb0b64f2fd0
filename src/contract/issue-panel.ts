// Wire types of the issue panel (resolver `sla/getIssueSla`): the issue's clocks and its overall SLA state.
import type { IssueSlaView } from './clocks';

/** The issue's overall SLA state, as written to the read-only field "Statut SLA" (searchable with JQL). */
export type SlaStatus = 'running' | 'paused' | 'breached' | 'met';

export type IssueSlaPanelView = {
  readonly issue: IssueSlaView;
  readonly slaStatus: SlaStatus | null;
  /** The next due instant of a clock still counting, as written to "Échéance SLA". */
  readonly nextDueAt: string | null;
  readonly computedAt: string;
  readonly settingsVersion: number;
} & IssueSlaWarnings;

/**
 * What became of one warning before a breach (issue 10): `sent` (Jira queued it), `failed` (Jira refused it; tried
 * again at the next recompute, at most WARNING_MAX_ATTEMPTS times), `claimed` (being sent), `superseded` (a higher
 * threshold was crossed at the same time: only the highest is sent), `suppressed` (crossed while warnings were off:
 * never sent later), `no-recipient` (every recipient switched off, or the issue unassigned with only the assignee).
 */
export type SlaWarningStatus = 'sent' | 'failed' | 'claimed' | 'superseded' | 'suppressed' | 'no-recipient';

/** One threshold of one clock cycle, as stored per issue and listed by the panel. */
export type SlaWarningRecord = {
  readonly clock: 'workaround' | 'resolution';
  /** The clock cycle it belongs to (the `…Cycle` of the contractSla property). */
  readonly cycle: string;
  /** Percentage of the target; 100 is the breach. */
  readonly threshold: number;
  readonly status: SlaWarningStatus;
  /** When the status was last set (ISO 8601, contract zone). */
  readonly at: string;
  /** When the last send began (claim), or null. */
  readonly claimedAt: string | null;
  readonly attempts: number;
  /** To whom it went (or would have gone). */
  readonly to: { readonly assignee: boolean; readonly watchers: boolean; readonly group: string | null };
  /** Jira's status when it refused, else null. */
  readonly jiraStatus: number | null;
};

/** The panel's list of warnings (optional: absent from answers of versions before issue 10). */
export type IssueSlaWarnings = { readonly warningsSent?: readonly SlaWarningRecord[] };
