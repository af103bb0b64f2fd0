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

export type RequalificationView = {
  readonly at: string;
  readonly field: 'severity' | 'serviceLevel';
  readonly from: string | null;
  readonly to: string | null;
};

export type ClockView = {
  readonly id: 'workaround' | 'resolution';
  readonly calendar: string;
  /** The rule the target comes from: a duration ("4h", "1d") or "next-sprint" with the sprint it is due in. */
  readonly target: {
    readonly label: string;
    readonly sprint: { readonly name: string; readonly dueAt: string } | null;
  } | null;
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
  'settings/save': {
    req: { document: SettingsDocument; expectedVersion: number };
    res: { version: number; updatedAt: string };
  };
  'validators/getOptions': { req: { query?: string }; res: ValidatorOptionsView };
  /** Called by the validator screens when Jira saves their configuration (not on load). */
  'validators/buildConfig': { req: BuildValidatorConfigRequest; res: ValidatorConfig };
};

export type BuildValidatorConfigRequest =
  | { readonly kind: 'severity-required'; readonly severityFieldId: string }
  | {
      readonly kind: 'affected-version-required';
      readonly environmentFieldId: string;
      readonly anomalyIssueTypes: readonly string[];
    }
  | {
      readonly kind: 'administration-only';
      readonly group: string;
      readonly transitionIds?: readonly string[];
      readonly guardSeverity?: boolean;
      readonly severityFieldId?: string | null;
    };

export type ApiKey = keyof Api;
export type AllApi = Api & CapacityApi & IndicatorsApi;
export type AllApiKey = keyof AllApi;

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

export type SeverityRequiredConfig = {
  readonly kind: 'severity-required';
  readonly severityFieldId: string;
  readonly expression: string;
};
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

export type StoredReserveView = {
  readonly value: number;
  /** The account id of who set it, and their display name as Jira gave it then (older entries may lack it). */
  readonly setBy: string;
  readonly setByName?: string;
  readonly setAt: string;
};

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

// ---------------------------------------------------------------------------------------------------------------
// The contract committee's monthly indicators (D9, rules.md §6): what `contract-sla report` prints as JSON. The CSV
// (`--format csv`) flattens it: one row per figure (code, label, unit, value, numerator, denominator, threshold,
// status, note) and one row per breach of a figure (code, key, clock, target, elapsed, overrun, due, stopped).
// Rates and ratios are plain numbers (0.95 = 95 %), durations integer ms, effort in the board's unit.

export type MonthlyFigureSection =
  'incidents' | 'open-incidents' | 'anomalies' | 'doc-anomalies' | 'service-requests' | 'quality' | 'flow' | 'sprints';
/** `rate`: a share in [0, 1]; `count`: issues; `ratio`: a quotient; `ms`: a duration; `units-per-hour`: board units per hour logged. */
export type MonthlyFigureUnit = 'rate' | 'count' | 'ratio' | 'ms' | 'units-per-hour';
/** `met`/`missed`: against the threshold; `measured`: a value without threshold; `no-data`: nothing to measure (value null). */
export type MonthlyFigureStatus = 'met' | 'missed' | 'measured' | 'no-data';

/** A clock stopped in the month after its target. */
export type MonthlyBreachView = {
  readonly key: string;
  readonly clock: 'workaround' | 'resolution';
  /** The rule: "4h", "1d", "next-sprint". */
  readonly target: string | null;
  readonly targetMs: number;
  readonly elapsedMs: number;
  /** elapsedMs − targetMs (> 0). */
  readonly overrunMs: number;
  readonly dueAt: string | null;
  readonly stoppedAt: string;
};

/** Compliance and counts: clocks met and breached (stopped in the month), and those still running (apart, D9). */
export type MonthlyClockKeysView = {
  readonly met: readonly string[];
  readonly breached: readonly string[];
  readonly running: readonly string[];
};
/** Ratios and durations: the issues behind the numerator, behind the denominator, and those listed apart. */
export type MonthlyRatioKeysView = {
  readonly numerator: readonly string[];
  readonly denominator: readonly string[];
  readonly apart: readonly string[];
};

export type MonthlyFigureDimensionsView = {
  readonly kind?: 'anomaly' | 'incident' | 'doc-anomaly' | 'service-request';
  readonly clock?: 'workaround' | 'resolution';
  readonly severity?: string;
  readonly serviceLevel?: 'gold' | 'silver' | 'bronze';
  readonly environment?: 'validation' | 'production' | 'unknown';
  readonly anomalyClass?: 'validation' | 'production' | 'unknown';
  readonly statistic?: 'median' | 'mean' | 'max';
  readonly basis?: 'calendar' | 'business';
  readonly sprintId?: number;
};

type MonthlyFigureBase = {
  /** Stable identifier: IND_INC01, IND_SUP02, ANO_RESOLUTION_BLOCKING, ESCAPED_DEFECT_RATE, LEAD_TIME_MEDIAN, … */
  readonly code: string;
  /** French, the contract's own words where it has them. */
  readonly label: string;
  readonly section: MonthlyFigureSection;
  readonly unit: MonthlyFigureUnit;
  /** null when there is nothing to measure (a rate whose denominator is 0): never 0 % or 100 % by default. */
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** The contract's threshold (IND_INC01-03: 0.95, 0.90, 0.85), else null. */
  readonly threshold: number | null;
  /** Whether the value reaches the threshold; null without threshold or without value. */
  readonly met: boolean | null;
  readonly status: MonthlyFigureStatus;
  /** Why the value is null, or how to read it (French). */
  readonly note: string | null;
  readonly dimensions: MonthlyFigureDimensionsView;
  /** Compliance figures: each clock breached, by key. Empty for the others. */
  readonly breaches: readonly MonthlyBreachView[];
};

export type MonthlyFigureView =
  | (MonthlyFigureBase & { readonly type: 'compliance' | 'count'; readonly keys: MonthlyClockKeysView })
  | (MonthlyFigureBase & { readonly type: 'ratio' | 'duration'; readonly keys: MonthlyRatioKeysView });

/** One issue's duration behind the lead time, cycle time or work item age. */
export type MonthlyDurationItemView = {
  readonly key: string;
  readonly kind: 'anomaly' | 'incident' | 'doc-anomaly' | 'service-request';
  readonly from: string;
  readonly to: string;
  /** Calendar time. */
  readonly ms: number;
  /** Business time on the standard calendar. */
  readonly businessMs: number;
};

export type BurnDownDayView = {
  readonly date: string;
  /** The end of the day's last working window (standard calendar): when `remaining` is read. */
  readonly at: string;
  /** Effort of the sprint's issues not done, in the board's unit; null for a day not over at the report's `at`. */
  readonly remaining: number | null;
  readonly remainingIssues: number | null;
  /** The ideal line: the committed capacity down to 0 at the end of the last working day. */
  readonly ideal: number;
};

export type BurnDownView = {
  readonly sprintId: number;
  readonly name: string;
  readonly state: 'closed' | 'active' | 'future';
  readonly startAt: string | null;
  readonly endAt: string | null;
  readonly completeAt: string | null;
  readonly unit: ReserveUnit;
  readonly committed: number;
  readonly days: readonly BurnDownDayView[];
};

export type MonthlyNoticeView = { readonly code: string; readonly message: string; readonly keys: readonly string[] };

export type MonthlyReport = {
  /** yyyy-MM */
  readonly month: string;
  readonly zone: string;
  /** The month's first instant and the next month's first instant (excluded), in the zone. */
  readonly from: string;
  readonly to: string;
  /** When the figures are taken: the month's end (`to`) once it is over, else the `at` asked for. */
  readonly at: string;
  /** Whether the month is over at `at`. */
  readonly complete: boolean;
  /** How the figures are read (README, D9). */
  readonly rules: {
    readonly attribution: 'clock-stop';
    readonly inProgressStatuses: readonly string[];
    readonly businessCalendar: string;
    /** The board's estimation unit (sprint figures), null without a board. */
    readonly unit: ReserveUnit | null;
  };
  /** Problems with the export, and issues left out of some figures (with their keys). */
  readonly warnings: readonly MonthlyNoticeView[];
  readonly figures: readonly MonthlyFigureView[];
  /** Each issue's duration behind the flow figures, by key. */
  readonly durations: {
    readonly leadTime: readonly MonthlyDurationItemView[];
    readonly cycleTime: readonly MonthlyDurationItemView[];
    readonly workItemAge: readonly MonthlyDurationItemView[];
  };
  /** Sprints overlapping the month (board exports only). */
  readonly burnDowns: readonly BurnDownView[];
};

// ---------------------------------------------------------------------------------------------------------------
// The indicators dashboard gadget (jira:dashboardGadget): a month's snapshot computed in the background (queue),
// cached in the key-value store, with a 6-month compliance trend. Configured with a project and a month.

export type GadgetConfiguration = { readonly projectKey: string; readonly month: string | 'previous' };

export type TrendPointView = {
  readonly month: string;
  /** The month's compliance figures: code, rate and the counts behind it. */
  readonly figures: readonly {
    readonly code: string;
    readonly rate: number | null;
    readonly numerator: number;
    readonly denominator: number;
  }[];
};

export type IndicatorsView = {
  readonly configuration: GadgetConfiguration | null;
  /** The month shown (yyyy-MM), `previous` resolved. */
  readonly month: string | null;
  readonly state: 'ready' | 'computing' | 'failed' | 'not-configured';
  readonly progress: {
    readonly phase: 'search' | 'changelogs' | 'compute';
    readonly done: number;
    readonly total: number | null;
  } | null;
  readonly snapshotAt: string | null;
  readonly settingsVersion: number | null;
  readonly report: MonthlyReport | null;
  /** The last six months, oldest first. */
  readonly trend: readonly TrendPointView[];
  readonly error: string | null;
};

export type IndicatorsApi = {
  /** The cached snapshot, or a background computation started (state `computing`, poll again). */
  'indicators/getMonth': { req: Record<string, never>; res: IndicatorsView };
  /** Starts a new computation of the month, even if a snapshot exists. */
  'indicators/refresh': { req: Record<string, never>; res: IndicatorsView };
  /** The snapshot as a file: CSV (one row per figure, one per breach) or JSON (the CLI's `report` output). */
  'indicators/export': {
    req: { format: 'csv' | 'json' };
    res: { readonly filename: string; readonly contentType: string; readonly content: string };
  };
};
