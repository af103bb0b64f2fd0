// Use case: a Jira export, the settings and a month → the contract committee's monthly indicators (D9) as the wire
// report. Each issue's clocks are the domain's (computeIssueClocks, as the `clocks` report computes them), taken at the
// month's measure instant (its end, or `at` while it is not over), so every breach listed here is a clock
// `contract-sla clocks --at <that instant>` prints; the indicators read them in epoch ms, with no wire round trip.
// The issues are walked once for the indicators (an ExportSource: the CLI can stream them): each is read, folded into
// the tally and dropped, so memory holds keys and the month's durations, not 20,000 issues' clocks. The sprint
// figures reuse the reserve (sprintCapacitiesOf, sprintReserveView) when the export has a board, from a second walk that maps only the
// issues of the month's sprints (sprintSourceOfExport); the month's window and every rule are in src/domain/indicators/.
import type {
  BurnDownView,
  MonthlyBreachView,
  MonthlyDurationItemView,
  MonthlyFigureView,
  MonthlyReport,
  Notice,
  ReserveUnit,
} from '../contract';
import { classifyAnomaly } from '../domain/anomaly/classify-anomaly';
import { burnDown, sprintEndMs, type BurnDown } from '../domain/indicators/burn-down';
import { firstEntryInto, type DurationItem } from '../domain/indicators/durations';
import type { Breach, Figure } from '../domain/indicators/figure';
import { measuredAtMs as measureInstant, monthWindow, type MonthWindow } from '../domain/indicators/month-window';
import {
  monthlyFigures,
  tallyMonth,
  type IndicatorClock,
  type IndicatorIssue,
} from '../domain/indicators/monthly-indicators';
import { noSprintFigures, sprintFigures, sprintKeys } from '../domain/indicators/sprint-figures';
import { unitsFromMilli } from '../domain/capacity/effort';
import type { SprintFacts } from '../domain/capacity/sprint-capacity';
import { isRecord } from '../domain/is-record';
import { fail, ok, type Result } from '../domain/result';
import { computeIssueClocks, type ClockSettings, type SlaClock } from '../domain/sla/sla-clock';
import { foldName, foldedSet } from '../domain/text';
import {
  isBroken,
  parseJiraExport,
  type BrokenIssue,
  type ChangeItem,
  type ExportSource,
  type JiraIssueRecord,
} from '../jira/jira-export';
import { mapIssue, resolveFields } from './map-issue';
import { mapSprintSource, type SprintExport } from './map-sprint-export';
import { sprintWindows, streamClocksReport } from './compute-clocks-report';
import { sprintCapacitiesOf, sprintReserveView } from './compute-reserve-report';
import { formatInstant } from './format-instant';
import type { Settings } from './settings/parse-settings';

/** Where the sprint figures come from: the export's board, or why there are none. */
export type SprintSource =
  | { readonly kind: 'board'; readonly sprintExport: SprintExport }
  | { readonly kind: 'none'; readonly reason: string; readonly warning: Notice | null };

/** What the indicators read of a domain clock: the clock itself, instants in epoch ms, no wire round trip. */
const indicatorClockOf = (clock: SlaClock): IndicatorClock => ({
  id: clock.id,
  targetLabel: clock.target?.label ?? null,
  targetMs: clock.targetMs,
  elapsedMs: clock.elapsedMs,
  breached: clock.breached,
  state: clock.state,
  startedAtMs: clock.startedAtMs,
  stoppedAtMs: clock.stoppedAtMs,
  dueAtMs: clock.dueAtMs,
});

/** Reads one issue record into what the indicators read; null for an issue outside the contract's kinds. */
export type IndicatorReader = (record: JiraIssueRecord) => IndicatorIssue | null;

/**
 * The reader of an export's issues at the measure instant: each record is mapped (mapIssue), its clocks computed
 * by the domain (computeIssueClocks, with the settings and sprints `contract-sla clocks` uses) and, for an anomaly,
 * its class (D6, classifyAnomaly): the clocks `contract-sla clocks --at <that instant>` prints, read in epoch ms.
 * Its first entry into an "in progress" status is found in the resolution clock's segments (they tile its start to
 * its stop, status by status).
 *
 * The sprints (D7) are listed up to the first one starting after the measure instant: the indicators leave out an
 * issue whose clocks start at or after it, and the "next sprint" of a clock started before it is among those.
 * @example indicatorReader(parsed, settings, october.endMs)(record)?.clocks[0]?.id // 'workaround'
 */
export const indicatorReader = (
  source: Omit<ExportSource, 'issues'>,
  settings: Settings,
  measuredAtMs: number,
): IndicatorReader => {
  const fields = resolveFields(settings.fields, source.names);
  const clockSettings: ClockSettings = {
    statuses: settings.statuses,
    targets: settings.targets,
    calendars: settings.calendars,
    sprints: sprintWindows(settings, source.sprints, measuredAtMs),
  };
  const inProgress = foldedSet(settings.indicators.inProgressStatuses);
  return (record) => {
    const mapped = mapIssue(record, settings, fields, source.versions);
    if (mapped.kind === null || mapped.facts === null) return null;
    const computed = computeIssueClocks(mapped.facts, clockSettings, measuredAtMs);
    const anomalyClass =
      mapped.kind === 'anomaly'
        ? classifyAnomaly(
            {
              environment: mapped.environment,
              createdAtMs: mapped.facts.createdAtMs,
              affectedVersions: mapped.affectedVersions,
            },
            settings.vsrMonths,
          ).anomalyClass
        : null;
    const resolution = computed.clocks.find((c) => c.id === 'resolution');
    return {
      key: mapped.key,
      kind: mapped.kind,
      severity: computed.severity,
      serviceLevel: computed.serviceLevel,
      environment: mapped.environment,
      anomalyClass,
      clocks: computed.clocks.map(indicatorClockOf),
      firstInProgressAtMs: firstEntryInto(resolution?.segments ?? [], inProgress)?.fromMs ?? null,
    };
  };
};

/** The sprints as they stood at the measure instant: one completed later was still active, one started later was future. */
const sprintAsOf = (sprint: SprintFacts, atMs: number): SprintFacts => {
  if (sprint.startAtMs === null || sprint.startAtMs > atMs)
    return sprint.state === 'future' ? sprint : { ...sprint, state: 'future', completeAtMs: null };
  if (sprint.state === 'closed' && (sprint.completeAtMs ?? sprint.endAtMs ?? atMs) > atMs)
    return { ...sprint, state: 'active', completeAtMs: null };
  return sprint;
};

type SprintPart = {
  readonly figures: readonly Figure[];
  readonly burnDowns: readonly BurnDownView[];
  readonly unit: ReserveUnit | null;
};

const burnDownView = (b: BurnDown, unit: ReserveUnit, zone: string): BurnDownView => {
  const iso = (ms: number | null): string | null => (ms === null ? null : formatInstant(ms, zone));
  return {
    sprintId: b.sprint.id,
    name: b.sprint.name,
    state: b.sprint.state,
    startAt: iso(b.sprint.startAtMs),
    endAt: iso(b.sprint.endAtMs),
    completeAt: iso(b.sprint.completeAtMs),
    unit,
    committed: unitsFromMilli(b.committedMilli),
    days: b.days.map((d) => ({
      date: d.date,
      at: formatInstant(d.atMs, zone),
      remaining: d.remainingMilli === null ? null : unitsFromMilli(d.remainingMilli),
      remainingIssues: d.remainingIssues,
      ideal: unitsFromMilli(d.idealMilli),
    })),
  };
};

/** Predictability and productivity of the sprints ending in the month, and the burn-down of those overlapping it. */
const sprintPart = (
  source: SprintSource,
  settings: Settings,
  window: MonthWindow,
  measuredAtMs: number,
): SprintPart => {
  if (source.kind === 'none') return { figures: noSprintFigures(source.reason), burnDowns: [], unit: null };
  const { sprintExport } = source;
  const sprints = sprintExport.sprints.map((s) => sprintAsOf(s, measuredAtMs));
  const inMonth = (ms: number | null): boolean => ms !== null && ms >= window.startMs && ms < window.endMs;
  const ending = sprints.filter((s) => s.state !== 'future' && inMonth(sprintEndMs(s)));
  const figures: Figure[] = [];
  if (ending.length === 0) figures.push(...noSprintFigures('aucun sprint ne se termine dans le mois'));
  else {
    // The reserve's own computation, measured at the same instant: the figures `contract-sla reserve --at` prints.
    const capacities = sprintCapacitiesOf({ ...sprintExport, sprints: ending }, settings, measuredAtMs);
    const byId = new Map(ending.map((s) => [s.id, s]));
    for (const capacity of capacities) {
      const view = sprintReserveView(capacity);
      const sprint = byId.get(view.sprintId);
      if (sprint === undefined) continue;
      const measured = capacity.measuredAtMs;
      figures.push(
        ...sprintFigures(
          {
            sprint,
            unit: sprintExport.unit,
            measuredAtMs: measured,
            predictability: view.predictability,
            productivity: view.productivity,
            consumers: view.consumers,
          },
          sprintKeys(sprint, sprintExport.items, measured),
        ),
      );
    }
  }
  const standard = settings.calendars.standard;
  const overlapping = sprints.filter(
    (s) =>
      s.state !== 'future' &&
      s.startAtMs !== null &&
      s.startAtMs < window.endMs &&
      (sprintEndMs(s) ?? Infinity) > window.startMs,
  );
  const rules = { unit: sprintExport.unit, hoursPerPoint: settings.reserve.hoursPerPoint };
  const burnDowns =
    standard === undefined
      ? []
      : overlapping.flatMap((s) => burnDown(s, sprintExport.items, rules, standard, measuredAtMs) ?? []);
  return {
    figures,
    burnDowns: burnDowns.map((b) => burnDownView(b, sprintExport.unit, window.zone)),
    unit: sprintExport.unit,
  };
};

const breachView = (b: Breach, zone: string): MonthlyBreachView => ({
  key: b.key,
  clock: b.clock,
  target: b.targetLabel,
  targetMs: b.targetMs,
  elapsedMs: b.elapsedMs,
  overrunMs: b.overrunMs,
  dueAt: b.dueAtMs === null ? null : formatInstant(b.dueAtMs, zone),
  stoppedAt: formatInstant(b.stoppedAtMs, zone),
});

const figureView = (f: Figure, zone: string): MonthlyFigureView => {
  const breaches = f.breaches.map((b) => breachView(b, zone));
  return f.type === 'compliance' || f.type === 'count' ? { ...f, breaches } : { ...f, breaches };
};

const durationView = (d: DurationItem, zone: string): MonthlyDurationItemView => ({
  key: d.key,
  kind: d.kind,
  from: formatInstant(d.fromMs, zone),
  to: formatInstant(d.toMs, zone),
  ms: d.ms,
  businessMs: d.businessMs,
});

/**
 * The report of an export for a month, measured at `measuredAtMs` (measuredAtMs of month-window.ts). Its issues are
 * walked once, in order: a parsed JiraExport or issues streamed from a file. The sprint side comes apart, already
 * mapped (sprintSourceOfExport: a walk of its own over the same issues).
 * @example monthlyReportOf(parsed, { kind: 'none', reason: '…', warning: null }, settings, october, october.endMs).figures[0].code // 'IND_INC01'
 */
export const monthlyReportOf = (
  source: ExportSource,
  sprints: SprintSource,
  settings: Settings,
  window: MonthWindow,
  measuredAtMs: number,
): MonthlyReport => {
  const standard = settings.calendars.standard;
  if (standard === undefined) throw new RangeError('monthlyReportOf: the settings have no standard calendar');
  const zone = window.zone;
  // The clocks report's own warnings (the export's notes, fields not in its names): they do not read the issues.
  const clockWarnings = streamClocksReport({ ...source, issues: [] }, settings, measuredAtMs).warnings;
  const read = indicatorReader(source, settings, measuredAtMs);
  const notComputed: string[] = [];
  // The one walk of the issues: each is read, folded into the tally and dropped.
  const issues = function* (): Generator<IndicatorIssue> {
    for (const issue of source.issues) {
      if (isBroken(issue)) notComputed.push(issue.key);
      else {
        const indicatorIssue = read(issue);
        if (indicatorIssue !== null) yield indicatorIssue;
      }
    }
  };
  const indicators = monthlyFigures(tallyMonth(issues(), window, measuredAtMs, standard));
  const sprintFigures = sprintPart(sprints, settings, window, measuredAtMs);

  const warnings: Notice[] = clockWarnings.map((w) => ({ code: w.code, message: w.message, keys: [] }));
  if (sprints.kind === 'none' && sprints.warning !== null) warnings.push(sprints.warning);
  if (notComputed.length > 0)
    warnings.push({
      code: 'ISSUE_NOT_COMPUTED',
      message: `${notComputed.length} issue(s) could not be read (see contract-sla clocks): left out of every figure`,
      keys: notComputed,
    });
  warnings.push(...indicators.notices.map((n) => ({ code: n.code, message: n.message, keys: n.keys })));

  return {
    month: window.month,
    zone,
    from: formatInstant(window.startMs, zone),
    to: formatInstant(window.endMs, zone),
    at: formatInstant(measuredAtMs, zone),
    complete: measuredAtMs >= window.endMs,
    rules: {
      attribution: 'clock-stop',
      inProgressStatuses: settings.indicators.inProgressStatuses,
      businessCalendar: standard.name,
      unit: sprintFigures.unit,
    },
    warnings,
    figures: [...indicators.figures, ...sprintFigures.figures].map((f) => figureView(f, zone)),
    durations: {
      leadTime: indicators.durations.leadTime.map((d) => durationView(d, zone)),
      cycleTime: indicators.durations.cycleTime.map((d) => durationView(d, zone)),
      workItemAge: indicators.durations.workItemAge.map((d) => durationView(d, zone)),
    },
    burnDowns: sprintFigures.burnDowns,
  };
};

const NO_BOARD = "pas de tableau agile dans l'export (clé board) : prédictibilité et productivité non calculées";

/** The Sprint field as mapSprintSource finds it: by id, by `customfield_…`, or by name in the export's names. */
const sprintFieldOf = (
  ref: string,
  names: Readonly<Record<string, string>>,
): { readonly id: string; readonly name: string } => {
  const named = names[ref];
  if (named !== undefined) return { id: ref, name: named };
  if (/^customfield_\d+$/.test(ref)) return { id: ref, name: ref };
  const found = Object.entries(names).find(([, name]) => foldName(name) === foldName(ref));
  return { id: found?.[0] ?? ref, name: ref };
};

/**
 * The issues the month's sprints can involve, read as `source.issues` is walked (nothing else kept): those whose
 * Sprint field names one of those sprints now or in a change, plus the first issue of each current status
 * (mapSprintSource learns status categories from current statuses), plus those that could not be read (their
 * problems are noted). Mapping only these gives the same sprint figures as mapping every issue (an item outside the
 * month's sprints counts in none of them), at a fraction of the cost.
 */
const issuesForSprints = (
  source: ExportSource,
  settings: Settings,
  window: MonthWindow,
): Iterable<JiraIssueRecord | BrokenIssue> => {
  const relevant = source.sprints.filter(
    (s) =>
      (s.startMs ?? Infinity) < window.endMs &&
      Math.max(s.endMs ?? Infinity, s.completeMs ?? -Infinity) >= window.startMs,
  );
  const ids = new Set(relevant.map((s) => String(s.id)));
  const names = new Set(relevant.map((s) => foldName(s.name)));
  const field = sprintFieldOf(settings.reserve.sprintField, source.names);
  const mentions = (idsText: string | null | undefined, namesText: string | null | undefined): boolean =>
    (idsText ?? '').split(',').some((id) => ids.has(id.trim())) ||
    (namesText ?? '').split(',').some((name) => names.has(foldName(name)));
  const isSprintItem = (item: ChangeItem): boolean =>
    item.fieldId === field.id || item.field === field.id || foldName(item.field) === foldName(field.name);
  /** The Sprint field names one of the month's sprints, now or in a change. */
  const involves = (issue: JiraIssueRecord): boolean => {
    const current = issue.fields[field.id];
    return (
      (Array.isArray(current) && current.some((v: unknown) => isRecord(v) && ids.has(String(v.id)))) ||
      issue.histories.some((h) =>
        h.items.some(
          (item) => isSprintItem(item) && (mentions(item.from, item.fromString) || mentions(item.to, item.toString)),
        ),
      )
    );
  };
  return {
    *[Symbol.iterator]() {
      // The statuses seen so far in this walk.
      const seenStatuses = new Set<string>();
      for (const issue of source.issues) {
        if (isBroken(issue)) {
          yield issue;
          continue;
        }
        const status = issue.fields.status;
        const statusKey = isRecord(status) ? `${String(status.id)}|${String(status.name)}` : '';
        const firstOfStatus = !seenStatuses.has(statusKey);
        seenStatuses.add(statusKey);
        if (firstOfStatus || involves(issue)) yield issue;
      }
    },
  };
};

/**
 * The sprint side of an export: its board when it has one (`board` of the file, as `contract-sla reserve` reads it,
 * undefined when there is none), mapped (mapSprintSource) for the issues of the month's sprints only. The issues are
 * walked once, when this is called: a parsed JiraExport or issues streamed from a file.
 * @example sprintSourceOfExport(parsed, board, settings, october).kind // 'board'
 */
export const sprintSourceOfExport = (
  source: ExportSource,
  board: unknown,
  settings: Settings,
  window: MonthWindow,
): SprintSource => {
  if (board === undefined) return { kind: 'none', reason: NO_BOARD, warning: null };
  const mapped = mapSprintSource({ ...source, issues: issuesForSprints(source, settings, window) }, board, settings);
  if (mapped.ok) return { kind: 'board', sprintExport: mapped.value };
  const message = mapped.issues.map((i) => i.message).join('; ');
  return {
    kind: 'none',
    reason: 'configuration du tableau agile illisible : prédictibilité et productivité non calculées',
    warning: { code: 'BOARD_UNREADABLE', message: `the sprint figures are left out: ${message}`, keys: [] },
  };
};

/** A month and its measure instant (the month's end when it is over at `atMs`, else `atMs`). */
export type MonthToMeasure = { readonly window: MonthWindow; readonly measuredAtMs: number };

/** The month to measure as of `atMs`; fails when the month is not yyyy-MM or has not begun at `atMs` (path `month`). */
export const monthToMeasure = (month: string, atMs: number): Result<MonthToMeasure> => {
  const window = monthWindow(month);
  if (!window.ok) return window;
  const measuredAtMs = measureInstant(window.value, atMs);
  if (measuredAtMs === null)
    return fail(
      'BAD_REQUEST',
      ['month'],
      `the month ${month} has not begun at ${formatInstant(atMs, window.value.zone)}: nothing to measure yet`,
    );
  return ok({ window: window.value, measuredAtMs });
};

/**
 * Parses an export (already JSON-decoded) and computes the month's report as of `atMs` (the month's end when it is
 * over). Fails when the export is not one, the month is not yyyy-MM, or the month has not begun at `atMs`.
 */
export const computeMonthlyReport = (
  exportJson: unknown,
  settings: Settings,
  month: string,
  atMs: number,
): Result<MonthlyReport> => {
  const measured = monthToMeasure(month, atMs);
  if (!measured.ok) return measured;
  const { window, measuredAtMs } = measured.value;
  const parsed = parseJiraExport(exportJson);
  if (!parsed.ok) return parsed;
  const board = isRecord(exportJson) ? exportJson.board : undefined;
  return ok(
    monthlyReportOf(
      parsed.value,
      sprintSourceOfExport(parsed.value, board, settings, window),
      settings,
      window,
      measuredAtMs,
    ),
  );
};
