// Use case: a Jira export, the settings and a month → the contract committee's monthly indicators (D9) as the wire
// report. The clocks are those of the `clocks` report (streamClocksReport), computed at the month's measure instant
// (its end, or `at` while it is not over), so every breach listed here is a clock `contract-sla clocks --at <that
// instant>` prints. Issues stream through one at a time: each view is reduced to what the indicators read and
// dropped, so memory holds keys and the month's durations, not 20,000 views. The sprint figures reuse the reserve
// (reserveReportOf) when the export has a board; the month's window and every rule are in src/domain/indicators/.
import type {
  BurnDownView,
  IssueSlaView,
  MonthlyBreachView,
  MonthlyDurationItemView,
  MonthlyFigureView,
  MonthlyReport,
  Notice,
  ReserveUnit,
} from '../contract';
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
import { fail, ok, type Result } from '../domain/result';
import type { Severity } from '../domain/sla/vocabulary';
import { foldName, foldedSet } from '../domain/text';
import { isBroken, parseJiraExport, type ChangeItem, type JiraExport } from '../jira/jira-export';
import { mapSprintExport, type SprintExport } from './map-sprint-export';
import { streamClocksReport } from './compute-clocks-report';
import { reserveReportOf } from './compute-reserve-report';
import { formatInstant } from './format-instant';
import type { Settings } from './settings/parse-settings';

/** Where the sprint figures come from: the export's board, or why there are none. */
export type SprintSource =
  | { readonly kind: 'board'; readonly sprintExport: SprintExport }
  | { readonly kind: 'none'; readonly reason: string; readonly warning: Notice | null };

const SEVERITIES: ReadonlySet<string> = new Set<Severity>([
  'blocking',
  'major',
  'minor',
  'critical',
  'high',
  'medium',
  'low',
]);

const msOf = (iso: string): number => Date.parse(iso);
const msOrNull = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

/**
 * What the indicators read of an issue's view: its qualification, its clocks (instants back to epoch ms) and its
 * first entry into an "in progress" status, found in the resolution clock's segments (they tile its start to its
 * stop, status by status). Null for an issue outside the contract's kinds or that could not be computed.
 */
export const indicatorIssueOf = (view: IssueSlaView, inProgress: ReadonlySet<string>): IndicatorIssue | null => {
  if (view.kind === null || view.errors.length > 0) return null;
  const clocks: IndicatorClock[] = view.clocks.map((c) => ({
    id: c.id,
    targetLabel: c.target?.label ?? null,
    targetMs: c.targetMs,
    elapsedMs: c.elapsedMs,
    breached: c.breached,
    state: c.state,
    startedAtMs: msOf(c.startedAt),
    stoppedAtMs: msOrNull(c.stoppedAt),
    dueAtMs: msOrNull(c.dueAt),
  }));
  // Only the matching segment's instant is parsed: every segment's would add ~90 ms on a 20,000-issue export.
  const firstInProgress = firstEntryInto(view.clocks.find((c) => c.id === 'resolution')?.segments ?? [], inProgress);
  return {
    key: view.key,
    kind: view.kind,
    severity: view.severity !== null && SEVERITIES.has(view.severity) ? (view.severity as Severity) : null,
    serviceLevel: view.serviceLevel,
    environment: view.environment,
    anomalyClass: view.anomalyClass,
    clocks,
    firstInProgressAtMs: firstInProgress === null ? null : msOf(firstInProgress.from),
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
    const reserve = reserveReportOf({ ...sprintExport, sprints: ending }, settings, measuredAtMs);
    const byId = new Map(ending.map((s) => [s.id, s]));
    for (const view of reserve.sprints) {
      const sprint = byId.get(view.sprintId);
      if (sprint === undefined) continue;
      const measured = msOf(view.measuredAt);
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
 * The report of an already parsed export for a month, measured at `measuredAtMs` (measuredAtMs of month-window.ts).
 * @example monthlyReportOf(parsed, { kind: 'none', reason: '…', warning: null }, settings, october, october.endMs).figures[0].code // 'IND_INC01'
 */
export const monthlyReportOf = (
  jiraExport: JiraExport,
  sprints: SprintSource,
  settings: Settings,
  window: MonthWindow,
  measuredAtMs: number,
): MonthlyReport => {
  const standard = settings.calendars.standard;
  if (standard === undefined) throw new RangeError('monthlyReportOf: the settings have no standard calendar');
  const zone = window.zone;
  const clocks = streamClocksReport(jiraExport, settings, measuredAtMs);
  const inProgress = foldedSet(settings.indicators.inProgressStatuses);
  const notComputed: string[] = [];
  const issues = function* (): Generator<IndicatorIssue> {
    for (const view of clocks.issues) {
      if (view.errors.length > 0) notComputed.push(view.key);
      const issue = indicatorIssueOf(view, inProgress);
      if (issue !== null) yield issue;
    }
  };
  const indicators = monthlyFigures(tallyMonth(issues(), window, measuredAtMs, standard));
  const sprintFigures = sprintPart(sprints, settings, window, measuredAtMs);

  const warnings: Notice[] = clocks.warnings.map((w) => ({ code: w.code, message: w.message, keys: [] }));
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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const NO_BOARD = "pas de tableau agile dans l'export (clé board) : prédictibilité et productivité non calculées";

/** The Sprint field as mapSprintExport finds it: by id, by `customfield_…`, or by name in the export's names. */
const sprintFieldOf = (
  ref: string,
  names: Readonly<Record<string, string>>,
): { readonly id: string; readonly name: string } => {
  if (names[ref] !== undefined) return { id: ref, name: names[ref] as string };
  if (/^customfield_\d+$/.test(ref)) return { id: ref, name: ref };
  const id = Object.keys(names).find((key) => foldName(names[key] as string) === foldName(ref));
  return { id: id ?? ref, name: ref };
};

/**
 * The raw issues the month's sprints can involve: those whose Sprint field names one of those sprints now or in a
 * change, plus one issue per current status (mapSprintExport learns status categories from current statuses), plus
 * those that could not be read (their problems are reported). Mapping only these gives the same sprint figures as
 * mapping every issue (an item outside the month's sprints counts in none of them), at a fraction of the cost.
 */
const issuesForSprints = (
  exportJson: Record<string, unknown>,
  parsed: JiraExport,
  settings: Settings,
  window: MonthWindow,
): { issues: unknown[]; ids: ReadonlySet<string> } | null => {
  const raw = exportJson.issues;
  if (!Array.isArray(raw) || raw.length !== parsed.issues.length) return null;
  const relevant = parsed.sprints.filter(
    (s) =>
      (s.startMs ?? Infinity) < window.endMs &&
      Math.max(s.endMs ?? Infinity, s.completeMs ?? -Infinity) >= window.startMs,
  );
  const ids = new Set(relevant.map((s) => String(s.id)));
  const names = new Set(relevant.map((s) => foldName(s.name)));
  const field = sprintFieldOf(settings.reserve.sprintField, parsed.names);
  const mentions = (idsText: string | null | undefined, namesText: string | null | undefined): boolean =>
    (idsText ?? '').split(',').some((id) => ids.has(id.trim())) ||
    (namesText ?? '').split(',').some((name) => names.has(foldName(name)));
  const seenStatuses = new Set<string>();
  const issues: unknown[] = [];
  const keptIds = new Set<string>();
  parsed.issues.forEach((issue, i) => {
    let keep = isBroken(issue);
    if (!isBroken(issue)) {
      const current = issue.fields[field.id];
      keep = Array.isArray(current) && current.some((v: unknown) => isRecord(v) && ids.has(String(v.id)));
      const isSprintItem = (item: ChangeItem): boolean =>
        item.fieldId === field.id || item.field === field.id || foldName(item.field) === foldName(field.name);
      keep ||= issue.histories.some((h) =>
        h.items.some(
          (item) => isSprintItem(item) && (mentions(item.from, item.fromString) || mentions(item.to, item.toString)),
        ),
      );
      const status = issue.fields.status;
      const statusKey = isRecord(status) ? `${String(status.id)}|${String(status.name)}` : '';
      if (!seenStatuses.has(statusKey)) {
        seenStatuses.add(statusKey);
        keep = true;
      }
      if (keep) keptIds.add(issue.id);
    }
    if (keep) issues.push(raw[i]);
  });
  return { issues, ids: keptIds };
};

/**
 * The sprint side of an export: its board when it has one (`board`, as `contract-sla reserve` reads it), mapped for
 * the issues of the month's sprints only.
 */
export const sprintSourceOf = (
  exportJson: unknown,
  parsed: JiraExport,
  settings: Settings,
  window: MonthWindow,
): SprintSource => {
  if (!isRecord(exportJson) || exportJson.board === undefined) return { kind: 'none', reason: NO_BOARD, warning: null };
  const subset = issuesForSprints(exportJson, parsed, settings, window);
  const changelogs =
    Array.isArray(exportJson.changelogs) && subset !== null
      ? exportJson.changelogs.filter((c: unknown) => isRecord(c) && subset.ids.has(String(c.issueId)))
      : exportJson.changelogs;
  const mapped = mapSprintExport(
    subset === null ? exportJson : { ...exportJson, issues: subset.issues, changelogs },
    settings,
  );
  if (mapped.ok) return { kind: 'board', sprintExport: mapped.value };
  const message = mapped.issues.map((i) => i.message).join('; ');
  return {
    kind: 'none',
    reason: 'configuration du tableau agile illisible : prédictibilité et productivité non calculées',
    warning: { code: 'BOARD_UNREADABLE', message: `the sprint figures are left out: ${message}`, keys: [] },
  };
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
  const window = monthWindow(month);
  if (!window.ok) return window;
  const measuredAtMs = measureInstant(window.value, atMs);
  if (measuredAtMs === null)
    return fail(
      'BAD_REQUEST',
      ['month'],
      `the month ${month} has not begun at ${formatInstant(atMs, window.value.zone)}: nothing to measure yet`,
    );
  const parsed = parseJiraExport(exportJson);
  if (!parsed.ok) return parsed;
  return ok(
    monthlyReportOf(
      parsed.value,
      sprintSourceOf(exportJson, parsed.value, settings, window.value),
      settings,
      window.value,
      measuredAtMs,
    ),
  );
};
