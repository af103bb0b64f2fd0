// Use case: a sprint export and the settings → each sprint's bandwidth reserve, validation cap, predictability and
// productivity (D8, D9), as the wire report. A sprint's reserve is the one the Product Owner set (the app's store,
// then the settings' `reserve.perSprint`), else `reserve.defaultRate` of its committed capacity. Sprints are listed
// by start (not started last). Only an export that is not an export, or has no usable board configuration, fails.
import { CONTRACT_ZONE } from '../domain/contract-zone';
import type { Notice, ReserveReport, SprintReserveView } from '../contract';
import { milliFromUnits, unitsFromMilli } from '../domain/capacity/effort';
import { computeSprintCapacity, type ReserveRules, type SprintCapacity } from '../domain/capacity/sprint-capacity';
import { formatPath, ok, type Result } from '../domain/result';
import { foldedSet } from '../domain/text';
import type { ExportSource } from '../jira/jira-export';
import { mapSprintExport, mapSprintSource, type SprintExport } from './map-sprint-export';
import { formatInstant } from './format-instant';
import type { Settings } from './settings/parse-settings';

/** Reserves set per sprint (sprint id → amount in the board's unit), as the app stores them. */
export type SprintReserves = Readonly<Record<string, number>>;

const iso = (ms: number): string => formatInstant(ms, CONTRACT_ZONE);
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));
/** Hours to the thousandth (3.6 s), from integer ms. */
const hoursOf = (ms: number): number => Math.round(ms / 3_600) / 1000;

export const sprintReserveView = (c: SprintCapacity): SprintReserveView => ({
  sprintId: c.sprint.id,
  name: c.sprint.name,
  state: c.sprint.state,
  startAt: isoOrNull(c.sprint.startAtMs),
  endAt: isoOrNull(c.sprint.endAtMs),
  completeAt: isoOrNull(c.sprint.completeAtMs),
  started: c.started,
  measuredAt: iso(c.measuredAtMs),
  capacity: unitsFromMilli(c.committedMilli),
  reserve: unitsFromMilli(c.reserveMilli),
  reserveSource: c.reserveSource,
  consumed: unitsFromMilli(c.consumedMilli),
  left: unitsFromMilli(c.leftMilli),
  givenBack: c.givenBackMilli === null ? null : unitsFromMilli(c.givenBackMilli),
  overflow: unitsFromMilli(c.overflowMilli),
  consumers: c.consumers.map((x) => x.key),
  consumerDetails: c.consumers.map((x) => ({
    key: x.key,
    effort: unitsFromMilli(x.effortMilli),
    effortSource: x.source,
    addedAt: iso(x.addedAtMs),
    reason: x.reason,
  })),
  moveOutCandidates: c.moveOutCandidates,
  uncoveredOverflow: unitsFromMilli(c.uncoveredOverflowMilli),
  removed: c.removed,
  validationEffort: unitsFromMilli(c.validationEffortMilli),
  totalEffort: unitsFromMilli(c.totalEffortMilli),
  validationCap: unitsFromMilli(c.validationCapMilli),
  overCap: unitsFromMilli(c.overCapMilli),
  predictability: {
    done: unitsFromMilli(c.predictability.doneMilli),
    planned: unitsFromMilli(c.predictability.plannedMilli),
    ratio: c.predictability.ratio,
  },
  productivity: {
    done: unitsFromMilli(c.productivity.doneMilli),
    loggedHours: hoursOf(c.productivity.loggedMs),
    ratio: c.productivity.unitsPerHour,
  },
  warnings: c.warnings.map((w) => ({ code: w.code, message: w.message, ...(w.key === null ? {} : { keys: [w.key] }) })),
});

/** The report of an already mapped export. */
export const reserveReportOf = (
  sprintExport: SprintExport,
  settings: Settings,
  nowMs: number,
  storedReserves: SprintReserves = {},
): ReserveReport => {
  const r = settings.reserve;
  const warnings: Notice[] = sprintExport.notes.map((n) => ({
    code: n.code,
    message: `${formatPath(n.path)}: ${n.message}`,
  }));
  const known = new Set(sprintExport.sprints.map((s) => String(s.id)));
  for (const id of Object.keys(r.perSprint)) {
    if (!known.has(id))
      warnings.push({ code: 'SPRINT_NOT_FOUND', message: `reserve.perSprint: sprint ${id} is not in the export` });
  }
  return {
    at: iso(nowMs),
    unit: sprintExport.unit,
    estimationField: { id: sprintExport.estimationField.id, name: sprintExport.estimationField.name },
    rules: { defaultRate: r.defaultRate, validationCapRate: r.validationCapRate, hoursPerPoint: r.hoursPerPoint },
    warnings,
    sprints: sprintCapacitiesOf(sprintExport, settings, nowMs, storedReserves).map(sprintReserveView),
  };
};

/** Each sprint's capacity (domain values, instants in ms), by start (not started last): what the views show. */
export const sprintCapacitiesOf = (
  sprintExport: SprintExport,
  settings: Settings,
  nowMs: number,
  storedReserves: SprintReserves = {},
): SprintCapacity[] => {
  const r = settings.reserve;
  const rules: ReserveRules = {
    unit: sprintExport.unit,
    hoursPerPoint: r.hoursPerPoint,
    defaultRate: r.defaultRate,
    validationCapRate: r.validationCapRate,
    urgentLabels: foldedSet(r.urgentLabels),
    storyTypes: foldedSet(r.storyTypes),
    notStartedStatuses: foldedSet(r.notStartedStatuses),
  };
  const sprints = [...sprintExport.sprints].sort(
    (a, b) => (a.startAtMs ?? Infinity) - (b.startAtMs ?? Infinity) || a.id - b.id,
  );
  return sprints.map((sprint) => {
    const own = storedReserves[String(sprint.id)] ?? r.perSprint[String(sprint.id)];
    return computeSprintCapacity(sprint, sprintExport.items, rules, {
      nowMs,
      reserveMilli: own === undefined ? null : milliFromUnits(own),
    });
  });
};

/** Maps a sprint export (already JSON-decoded) and computes its report. */
export const computeReserveReport = (
  exportJson: unknown,
  settings: Settings,
  nowMs: number,
  storedReserves: SprintReserves = {},
): Result<ReserveReport> => {
  const mapped = mapSprintExport(exportJson, settings);
  return mapped.ok ? ok(reserveReportOf(mapped.value, settings, nowMs, storedReserves)) : mapped;
};

/** The report of an export whose issues are read one at a time (the CLI streams its file), with its `board`. */
export const computeReserveReportOfSource = (
  source: ExportSource,
  board: unknown,
  settings: Settings,
  nowMs: number,
  storedReserves: SprintReserves = {},
): Result<ReserveReport> => {
  const mapped = mapSprintSource(source, board, settings);
  return mapped.ok ? ok(reserveReportOf(mapped.value, settings, nowMs, storedReserves)) : mapped;
};
