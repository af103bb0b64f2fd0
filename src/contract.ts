// Wire types: the JSON the CLI prints and the resolvers return. Plain JSON only (no DateTime, no classes): instants
// are ISO 8601 strings with an offset (`…At`), durations integer milliseconds (`…Ms`). static/ imports these types
// with `import type`.

export type WireNotice = { readonly code: string; readonly message: string };
export type WireError = { readonly code: string; readonly path: string; readonly message: string };

export type ClockStateView = 'running' | 'paused' | 'stopped';

export type ClockSegmentView = {
  readonly from: string;
  readonly to: string;
  readonly state: ClockStateView;
  readonly status: string;
  readonly businessMs: number;
};

export type RequalificationView = { readonly at: string; readonly field: 'severity' | 'serviceLevel'; readonly from: string | null; readonly to: string | null };

export type ClockView = {
  readonly id: 'workaround' | 'resolution';
  readonly calendar: string;
  /** The rule the target comes from: a duration ("4h", "1d") or "next-sprint" with the sprint it is due in. */
  readonly target: { readonly label: string; readonly sprint: { readonly name: string; readonly dueAt: string } | null } | null;
  readonly targetMs: number | null;
  readonly dueAt: string | null;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly remainingMs: number | null;
  readonly state: ClockStateView;
  readonly breached: boolean;
  readonly startedAt: string;
  readonly stoppedAt: string | null;
  readonly segments: readonly ClockSegmentView[];
  readonly requalifications: readonly RequalificationView[];
};

export type AnomalyClassReasonView = {
  readonly code: 'NO_ENVIRONMENT' | 'DETECTED_IN_VALIDATION' | 'NO_RELEASED_VERSION' | 'WITHIN_VSR' | 'AFTER_VSR';
  readonly version?: string;
  readonly releaseDate?: string;
  readonly vsrEndsAt?: string;
};

export type IssueSlaView = {
  readonly key: string;
  readonly kind: 'anomaly' | 'incident' | 'doc-anomaly' | 'service-request' | null;
  readonly severity: string | null;
  readonly environment: 'validation' | 'production' | null;
  readonly anomalyClass: 'validation' | 'production' | null;
  readonly anomalyClassReason: AnomalyClassReasonView | null;
  readonly serviceLevel: 'gold' | 'silver' | 'bronze' | null;
  readonly warnings: readonly WireNotice[];
  readonly errors: readonly WireError[];
  readonly clocks: readonly ClockView[];
};

export type ClocksReport = {
  readonly at: string;
  /** Problems with the export itself (a sprint or version left out, a field not found). */
  readonly warnings: readonly WireNotice[];
  readonly issues: readonly IssueSlaView[];
};

// ---------------------------------------------------------------------------------------------------------------
// Resolvers (the Forge app). Keys are `area/verb`; each UI load makes one `invoke` and gets a view model.

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

/** The settings document as stored and edited: every key optional, the format of the CLI's --config file. */
export type SettingsDocument = { readonly [key: string]: unknown };

export type HolidayView = { readonly date: string; readonly name: string };

export type SettingsView = {
  /** The stored document (an empty object until an administrator saves settings). */
  readonly document: SettingsDocument;
  /** The defaults of decisions.md, spelt out (the example configuration). */
  readonly defaults: SettingsDocument;
  readonly version: number;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
  /** The next public holidays of each calendar (closed days first), from today. */
  readonly holidays: { readonly [calendar: string]: readonly HolidayView[] };
  readonly canEdit: boolean;
};

export type SettingsProblem = { readonly path: string; readonly message: string };

export type SettingsCheck = {
  readonly problems: readonly SettingsProblem[];
  readonly holidays: { readonly [calendar: string]: readonly HolidayView[] };
};

export type ValidatorOptionsView = {
  readonly groups: readonly string[];
  readonly fields: readonly { readonly id: string; readonly name: string }[];
  /** The app's own fields, found at run time (module key → field id). */
  readonly appFields: { readonly [moduleKey: string]: string };
};

export type Api = {
  'sla/getIssueSla': { req: Record<string, never>; res: IssueSlaPanelView };
  'settings/get': { req: Record<string, never>; res: SettingsView };
  'settings/check': { req: { document: SettingsDocument }; res: SettingsCheck };
  'settings/save': { req: { document: SettingsDocument; expectedVersion: number }; res: { version: number; updatedAt: string } };
  'validators/getOptions': { req: { query?: string }; res: ValidatorOptionsView };
  /** Called by the validator screens when Jira saves their configuration (not on load). */
  'validators/buildConfig': { req: BuildValidatorConfigRequest; res: ValidatorConfig };
};

export type BuildValidatorConfigRequest =
  | { readonly kind: 'severity-required'; readonly severityFieldId: string }
  | { readonly kind: 'affected-version-required'; readonly environmentFieldId: string; readonly anomalyIssueTypes: readonly string[] }
  | { readonly kind: 'administration-only'; readonly group: string; readonly transitionIds?: readonly string[]; readonly guardSeverity?: boolean; readonly severityFieldId?: string | null };

export type ApiKey = keyof Api;
export type AllApi = Api & CapacityApi;
export type AllApiKey = keyof AllApi;

export type ErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'INVALID_SETTINGS' | 'INTERNAL';

export type Reply<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly error: { readonly code: ErrorCode; readonly message: string; readonly problems?: readonly SettingsProblem[] } };

// ---------------------------------------------------------------------------------------------------------------
// Workflow validators: what the configuration screens save (JSON, at most 32 KB) and the validators read.

/** The Forge module keys of the app's custom fields; their ids are looked up at run time (GET /rest/api/3/field). */
export const APP_FIELD_KEYS = {
  severity: 'severity',
  environment: 'detection-environment',
  serviceLevel: 'service-level',
  incidentStart: 'incident-start',
  anomalyClass: 'anomaly-class',
  slaStatus: 'sla-status',
  slaDue: 'sla-due',
} as const;

export type SeverityRequiredConfig = { readonly kind: 'severity-required'; readonly severityFieldId: string; readonly expression: string };
export type AffectedVersionConfig = {
  readonly kind: 'affected-version-required';
  readonly environmentFieldId: string;
  readonly anomalyIssueTypes: readonly string[];
  readonly expression: string;
};
export type AdministrationOnlyConfig = {
  readonly kind: 'administration-only';
  readonly group: string;
  /** Transition ids this validator guards; empty = every transition it is attached to. */
  readonly transitionIds: readonly string[];
  /** Also refuse a change of an already set severity by someone outside the group (D5). */
  readonly guardSeverity: boolean;
  readonly severityFieldId: string | null;
};
export type ValidatorConfig = SeverityRequiredConfig | AffectedVersionConfig | AdministrationOnlyConfig;

// ---------------------------------------------------------------------------------------------------------------
// Sprint bandwidth reserve (D8) and the sprint's predictability and productivity (D9): what `contract-sla reserve`
// prints. Amounts are in the board's estimation unit (`unit`: story points, or hours on a board estimating time),
// exact to the thousandth; time logged is in hours.

export type ReserveUnit = 'points' | 'hours';

export type ReserveConsumerView = {
  readonly key: string;
  /** What it takes from the reserve, in the board's unit: its estimate, else its logged time converted. */
  readonly effort: number;
  readonly effortSource: 'estimate' | 'logged' | 'none';
  /** When it was added to the sprint. */
  readonly addedAt: string;
  readonly reason: 'blocking-production-anomaly' | 'urgent-label';
};

export type SprintNoticeView = { readonly code: string; readonly key: string | null; readonly message: string };

export type SprintReserveView = {
  readonly sprintId: number;
  readonly name: string;
  readonly state: 'closed' | 'active' | 'future';
  readonly startAt: string | null;
  readonly endAt: string | null;
  readonly completeAt: string | null;
  /** Whether the sprint has started; a sprint that has not is a forecast from what is in it at `measuredAt`. */
  readonly started: boolean;
  /** The end side of the figures: the completion of a closed sprint, the report's `at` otherwise. */
  readonly measuredAt: string;
  /** Committed capacity: the effort of the issues in the sprint at its start. */
  readonly capacity: number;
  readonly reserve: number;
  /** `per-sprint`: set by the Product Owner; `default-rate`: the settings' share of the committed capacity. */
  readonly reserveSource: 'per-sprint' | 'default-rate';
  readonly consumed: number;
  readonly left: number;
  /** What was left at the end of a closed sprint, returned to its stories; null until the sprint is closed. */
  readonly givenBack: number | null;
  readonly overflow: number;
  /** Keys of the issues that consumed the reserve, in order of arrival. */
  readonly consumers: readonly string[];
  readonly consumerDetails: readonly ReserveConsumerView[];
  /** Stories not started whose estimates cover the overflow, least important (lowest rank) first. */
  readonly moveOutCandidates: readonly string[];
  /** The part of the overflow the stories not started cannot cover. */
  readonly uncoveredOverflow: number;
  /** Issues taken out of the sprint before its end. */
  readonly removed: readonly string[];
  /** Effort on validation-class anomalies in the sprint. */
  readonly validationEffort: number;
  /** Effort of every issue in the sprint at its end. */
  readonly totalEffort: number;
  /** The validation cap: the rate times the total effort. */
  readonly validationCap: number;
  /** Validation effort above the cap: the contractor's charge. */
  readonly overCap: number;
  /** done ÷ planned, planned leaving out the reserve's consumers; ratio null when nothing is planned or not started. */
  readonly predictability: { readonly done: number; readonly planned: number; readonly ratio: number | null };
  /** done ÷ hours logged over every issue of the sprint: points (or hours) per hour. */
  readonly productivity: { readonly done: number; readonly loggedHours: number; readonly ratio: number | null };
  readonly warnings: readonly SprintNoticeView[];
};

export type ReserveReport = {
  readonly at: string;
  readonly unit: ReserveUnit;
  readonly estimationField: { readonly id: string; readonly name: string };
  /** The rules the figures were computed with. */
  readonly rules: { readonly defaultRate: number; readonly validationCapRate: number; readonly hoursPerPoint: number };
  /** Problems with the export itself (an issue or a sprint left out, a per-sprint reserve for an unknown sprint). */
  readonly warnings: readonly WireNotice[];
  readonly sprints: readonly SprintReserveView[];
};

// ---------------------------------------------------------------------------------------------------------------
// The sprint reserve page (jira:projectPage, and jira:sprintAction for one sprint): one call per load.

export type StoredReserveView = { readonly value: number; readonly setBy: string; readonly setAt: string };

export type SprintBoardView = {
  readonly projectKey: string;
  readonly board: { readonly id: number; readonly name: string } | null;
  /** The sprints of the board (closed, active, future), computed as `contract-sla reserve` does. */
  readonly report: ReserveReport | null;
  /** The sprint to show first: the one the sprint action was opened on, else the active one, else the latest. */
  readonly focusSprintId: number | null;
  /** Reserves set by the Product Owner, by sprint id. */
  readonly reserves: { readonly [sprintId: string]: StoredReserveView };
  /** The caller may set reserves (project administrator or member of the Product Owner group). */
  readonly canSetReserve: boolean;
};

export type CapacityApi = {
  'capacity/getBoard': { req: { sprintId?: number }; res: SprintBoardView };
  /** Sets (or with null, clears) the reserve of an active or future sprint, in the board's unit. */
  'capacity/setReserve': { req: { sprintId: number; reserve: number | null }; res: SprintBoardView };
};
