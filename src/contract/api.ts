// The resolvers' API (the Forge app): one map from every resolver key (`area/verb`) to its request and response.
// Each Custom UI load makes one `invoke` and gets a view model, wrapped in a `Reply`.
import type { IssueSlaPanelView } from './issue-panel';
import type { IndicatorsView } from './indicators';
import type { SprintBoardView } from './reserve';
import type { SlaBadgeView } from './sla-badge';
import type { SettingsCheck, SettingsDocument, SettingsProblem, SettingsView } from './settings';
import type { BuildValidatorConfigRequest, ValidatorConfig, ValidatorOptionsView } from './validators';
import type { SeverityAccessView } from './ui-modifications';

export type Api = {
  'sla/getIssueSla': { req: Record<string, never>; res: IssueSlaPanelView };
  /** The SLA badge of the issue view (issue 10): no Jira call when the stored state is fresh. */
  'sla/getBadge': { req: Record<string, never>; res: SlaBadgeView };
  'settings/get': { req: Record<string, never>; res: SettingsView };
  'settings/check': { req: { document: SettingsDocument }; res: SettingsCheck };
  'settings/save': {
    req: { document: SettingsDocument; expectedVersion: number };
    res: { version: number; updatedAt: string };
  };
  'validators/getOptions': { req: { query?: string }; res: ValidatorOptionsView };
  /** Called by the validator screens when Jira saves their configuration (not on load). */
  'validators/buildConfig': { req: BuildValidatorConfigRequest; res: ValidatorConfig };
  'capacity/getBoard': { req: { sprintId?: number }; res: SprintBoardView };
  /** Sets (or with null, clears) the reserve of an active or future sprint, in the board's unit. */
  'capacity/setReserve': { req: { sprintId: number; reserve: number | null }; res: SprintBoardView };
  /** The cached snapshot, or a background computation started (state `computing`, poll again). */
  'indicators/getMonth': { req: Record<string, never>; res: IndicatorsView };
  /** Starts a new computation of the month, even if a snapshot exists. */
  'indicators/refresh': { req: Record<string, never>; res: IndicatorsView };
  /** The snapshot as a file: CSV (one row per figure, one per breach) or JSON (the CLI's `report` output). */
  'indicators/export': {
    req: { format: 'csv' | 'json' };
    res: { readonly filename: string; readonly contentType: string; readonly content: string };
  };
  /** Issue 10 (D5): whether the invoking user may edit the severity (the UI modification's client code asks). */
  'uiModifications/severityAccess': { req: Record<string, never>; res: SeverityAccessView };
};

export type ApiKey = keyof Api;

/** JIRA_BUSY: Jira kept answering 429 (or a transient 5xx) after the app's bounded retries (src/jira/forge-jira.ts). */
export type ErrorCode =
  'BAD_REQUEST' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID_SETTINGS' | 'INTERNAL' | 'JIRA_BUSY';

export type Reply<T> =
  | { readonly ok: true; readonly data: T }
  | {
      readonly ok: false;
      readonly error: {
        readonly code: ErrorCode;
        readonly message: string;
        readonly problems?: readonly SettingsProblem[];
      };
    };
