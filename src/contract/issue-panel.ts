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
};
