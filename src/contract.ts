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
