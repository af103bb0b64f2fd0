// Wire types of the sprint bandwidth reserve (D8) and the sprint's predictability and productivity (D9): what
// `contract-sla reserve` prints, and the sprint reserve page (jira:projectPage, and jira:sprintAction for one sprint,
// resolvers `capacity/*`). Amounts are in the board's estimation unit (`unit`: story points, or hours on a board
// estimating time), exact to the thousandth; time logged is in hours.
import type { EstimationUnit } from '../domain/capacity/effort';
import type { ConsumerReason, EffortSource, SprintCapacity, SprintState } from '../domain/capacity/sprint-capacity';
import type { Notice } from './notice';

export type ReserveUnit = EstimationUnit;

export type ReserveConsumerView = {
  readonly key: string;
  /** What it takes from the reserve, in the board's unit: its estimate, else its logged time converted. */
  readonly effort: number;
  readonly effortSource: EffortSource;
  /** When it was added to the sprint. */
  readonly addedAt: string;
  readonly reason: ConsumerReason;
};

export type SprintReserveView = {
  readonly sprintId: number;
  readonly name: string;
  readonly state: SprintState;
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
  readonly reserveSource: SprintCapacity['reserveSource'];
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
  /** The sprint's warnings; one about an issue names it in `keys` (`[key]`). */
  readonly warnings: readonly Notice[];
};

export type ReserveReport = {
  readonly at: string;
  readonly unit: ReserveUnit;
  readonly estimationField: { readonly id: string; readonly name: string };
  /** The rules the figures were computed with. */
  readonly rules: { readonly defaultRate: number; readonly validationCapRate: number; readonly hoursPerPoint: number };
  /** Problems with the export itself (an issue or a sprint left out, a per-sprint reserve for an unknown sprint). */
  readonly warnings: readonly Notice[];
  readonly sprints: readonly SprintReserveView[];
};

// The sprint reserve page: one call per load.

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
