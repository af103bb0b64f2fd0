// Wire types of the contract committee's monthly indicators (D9, rules.md §6): what `contract-sla report` prints as
// JSON, and the indicators dashboard gadget (jira:dashboardGadget, resolvers `indicators/*`). The CSV
// (`--format csv`) flattens the report: one row per figure (code, label, unit, value, numerator, denominator,
// threshold, status, note) and one row per breach of a figure (code, key, clock, target, elapsed, overrun, due,
// stopped). Rates and ratios are plain numbers (0.95 = 95 %), durations integer ms, effort in the board's unit.
import type { SprintState } from '../domain/capacity/sprint-capacity';
import type {
  ClockKeys,
  FigureDimensions,
  FigureSection,
  FigureStatus,
  FigureUnit,
  RatioKeys,
} from '../domain/indicators/figure';
import type { ClockId } from '../domain/sla/targets';
import type { IssueKind } from '../domain/sla/vocabulary';
import type { Notice } from './notice';
import type { ReserveUnit } from './reserve';

export type MonthlyFigureSection = FigureSection;
/** `rate`: a share in [0, 1]; `count`: issues; `ratio`: a quotient; `ms`: a duration; `units-per-hour`: board units per hour logged. */
export type MonthlyFigureUnit = FigureUnit;
/** `met`/`missed`: against the threshold; `measured`: a value without threshold; `no-data`: nothing to measure (value null). */
export type MonthlyFigureStatus = FigureStatus;

/** A clock stopped in the month after its target. */
export type MonthlyBreachView = {
  readonly key: string;
  readonly clock: ClockId;
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
export type MonthlyClockKeysView = ClockKeys;
/** Ratios and durations: the issues behind the numerator, behind the denominator, and those listed apart. */
export type MonthlyRatioKeysView = RatioKeys;
/** The figure's dimensions: plain JSON already, the domain's own type. */
export type MonthlyFigureDimensionsView = FigureDimensions;

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
  readonly kind: IssueKind;
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
  readonly state: SprintState;
  readonly startAt: string | null;
  readonly endAt: string | null;
  readonly completeAt: string | null;
  readonly unit: ReserveUnit;
  readonly committed: number;
  readonly days: readonly BurnDownDayView[];
};

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
  /** Problems with the export, and issues left out of some figures: every one lists its keys (possibly none). */
  readonly warnings: readonly Notice[];
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

// The indicators dashboard gadget: a month's snapshot computed in the background (queue), cached in the key-value
// store, with a 6-month compliance trend. Configured with a project and a month.

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
