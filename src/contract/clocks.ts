// Wire types of the clocks (`contract-sla clocks`, the issue panel): each issue's qualification and SLA clocks, as
// plain JSON. Instants are ISO 8601 strings with an offset (`…At`), durations integer milliseconds (`…Ms`).
import type { AnomalyClass, ClassReason } from '../domain/anomaly/classify-anomaly';
import type { ClockState, Requalification } from '../domain/sla/sla-clock';
import type { ClockId } from '../domain/sla/targets';
import type { Environment, IssueKind, ServiceLevel, Severity } from '../domain/sla/vocabulary';
import type { Notice, WireError } from './notice';

export type ClockSegmentView = {
  readonly from: string;
  readonly to: string;
  readonly state: ClockState;
  readonly status: string;
  readonly businessMs: number;
};

export type RequalificationView = {
  readonly at: string;
  readonly field: Requalification['field'];
  readonly from: string | null;
  readonly to: string | null;
};

export type ClockView = {
  readonly id: ClockId;
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
  readonly state: ClockState;
  readonly breached: boolean;
  readonly startedAt: string;
  readonly stoppedAt: string | null;
  readonly segments: readonly ClockSegmentView[];
  readonly requalifications: readonly RequalificationView[];
};

export type AnomalyClassReasonView = {
  readonly code: ClassReason['code'];
  readonly version?: string;
  readonly releaseDate?: string;
  readonly vsrEndsAt?: string;
};

export type IssueSlaView = {
  readonly key: string;
  readonly kind: IssueKind | null;
  readonly severity: Severity | null;
  readonly environment: Environment | null;
  readonly anomalyClass: AnomalyClass | null;
  readonly anomalyClassReason: AnomalyClassReasonView | null;
  readonly serviceLevel: ServiceLevel | null;
  readonly warnings: readonly Notice[];
  readonly errors: readonly WireError[];
  readonly clocks: readonly ClockView[];
};

export type ClocksReport = {
  readonly at: string;
  /** Problems with the export itself (a sprint or version left out, a field not found). */
  readonly warnings: readonly Notice[];
  readonly issues: readonly IssueSlaView[];
};
