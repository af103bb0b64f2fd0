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
