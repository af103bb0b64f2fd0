// A sprint export → the facts the reserve needs (D8, D9): the board's sprints and, for each issue that was ever in one
// of them, its type, qualification, anomaly class (D6), labels, rank, estimate on the board's estimation field, time
// logged, and the histories of its Sprint field and of its status. The export is what `clocks` reads (a
// /rest/api/3/search/jql page with changelogs, `sprints` as agile sprint beans, `versions`), plus `board`: the
// response of GET /rest/agile/1.0/board/{boardId}/configuration, whose `estimation.field` names the estimation field
// and whose `ranking.rankCustomFieldId` names the rank field. Estimates on Jira's time-tracking fields
// (timeoriginalestimate, timeestimate: seconds) make an hours board; any other field is story points.
import { z } from 'zod';
import { isRecord } from '../domain/is-record';
import { resolveField } from './resolve-field';
import { classifyAnomaly } from '../domain/anomaly/classify-anomaly';
import { milliFromLoggedMs, milliFromUnits, type EstimationUnit } from '../domain/capacity/effort';
import type { SprintFacts, SprintItem, SprintState, StatusCategory } from '../domain/capacity/sprint-capacity';
import type { Change } from '../domain/value-over-time';
import { failWith, ok, type IssueCode, type Result } from '../domain/result';
import { foldName, foldedSet } from '../domain/text';
import type { Severity } from '../domain/sla/vocabulary';
import type { Settings } from './settings/parse-settings';
import {
  isBroken,
  parseJiraExport,
  type ChangeItem,
  type ExportSource,
  type JiraIssueRecord,
  type JiraSprint,
  type JiraVersion,
} from '../jira/jira-export';
import { fieldText, mapIssue, resolveFields, type FieldRef } from './map-issue';

/** Jira's time-tracking fields, in seconds: a board estimating on one of them counts hours. */
const TIME_FIELDS: ReadonlySet<string> = new Set([
  'timeoriginalestimate',
  'timeestimate',
  'aggregatetimeoriginalestimate',
  'aggregatetimeestimate',
]);
const TIME_TRACKING_KEYS: Readonly<Record<string, string>> = {
  timeoriginalestimate: 'originalEstimateSeconds',
  timeestimate: 'remainingEstimateSeconds',
};

export type SprintExport = {
  readonly unit: EstimationUnit;
  readonly estimationField: FieldRef;
  readonly sprints: readonly SprintFacts[];
  /** Issues that were in at least one sprint of the export at some time; sub-tasks left out. */
  readonly items: readonly SprintItem[];
  /** Problems with the export that leave figures computed but possibly incomplete (a broken issue, a sprint left out). */
  readonly notes: readonly ExportNote[];
};

export type ExportNote = {
  readonly code: IssueCode | 'CHANGELOG_TRUNCATED' | 'SPRINT_CHANGE_UNREADABLE' | 'FIELD_NOT_FOUND';
  readonly path: readonly (string | number)[];
  readonly message: string;
};

const boardSchema = z.looseObject({
  estimation: z
    .looseObject({
      type: z.string(),
      field: z.looseObject({ fieldId: z.string().min(1), displayName: z.string().optional() }).optional(),
    })
    .optional(),
  ranking: z.looseObject({ rankCustomFieldId: z.number().int().optional() }).optional(),
});

const SPRINT_STATES: readonly SprintState[] = ['closed', 'active', 'future'];
const sprintStateOf = (state: string): SprintState | null => SPRINT_STATES.find((known) => known === state) ?? null;

/** A field given by id or by name, found in the export's `names` (ignoring case and accents): the one rule. */
const fieldRefOf = (ref: string, names: Readonly<Record<string, string>>): FieldRef => {
  const { id, name } = resolveField(ref, names);
  return { id, name };
};

const itemMatches = (item: ChangeItem, ref: FieldRef): boolean =>
  item.fieldId === ref.id || item.field === ref.id || foldName(item.field) === foldName(ref.name);

const nonNegative = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;

/** The sprint ids of a Sprint field value: an array of sprint objects (or of ids). */
const sprintIdsOfValue = (value: unknown): number[] =>
  (Array.isArray(value) ? value : []).flatMap((entry: unknown) => {
    const id = isRecord(entry) ? entry.id : entry;
    const n = typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : null;
    return n === null ? [] : [n];
  });

/**
 * The sprint ids of one side of a Sprint change: Jira writes the ids comma-separated in `from`/`to` ("101, 102") and
 * the names in `fromString`/`toString`; without ids, the names are looked up among the export's sprints.
 */
const sprintIdsOfChange = (
  ids: string | null | undefined,
  text: string | null | undefined,
  byName: ReadonlyMap<string, number>,
): number[] | null => {
  if (ids !== null && ids !== undefined && ids.trim() !== '') {
    const parsed = ids.split(',').map((part) => part.trim());
    return parsed.every((part) => /^\d+$/.test(part)) ? parsed.map(Number) : null;
  }
  if (text === null || text === undefined || text.trim() === '') return [];
  const found: number[] = [];
  for (const name of text.split(',')) {
    const id = byName.get(foldName(name));
    if (id === undefined) return null;
    found.push(id);
  }
  return found;
};

const categoryOfBean = (status: unknown): StatusCategory | null => {
  const key = isRecord(status) && isRecord(status.statusCategory) ? status.statusCategory.key : undefined;
  return key === 'new' || key === 'indeterminate' || key === 'done' ? key : null;
};

/**
 * Status categories as the board's issues show them (by status id and by name), for statuses seen only in
 * histories. Issues are added one at a time (`see`); `categoryOf` reads what has been seen so far, so it is asked
 * only once every issue has been seen.
 */
const statusCategories = (settings: Settings) => {
  const byId = new Map<string, StatusCategory>();
  const byName = new Map<string, StatusCategory>();
  const see = (record: JiraIssueRecord): void => {
    const status = record.fields.status;
    const category = categoryOfBean(status);
    if (category === null || !isRecord(status)) return;
    if (typeof status.id === 'string') byId.set(status.id, category);
    if (typeof status.name === 'string') byName.set(foldName(status.name), category);
  };
  // A status no issue is in any more: the settings' stop statuses are done (D4), the not-started ones are to do.
  const done = foldedSet([
    ...Object.values(settings.statusLists.resolved).flat(),
    ...settings.statusLists.deployed,
    ...settings.statusLists.closed,
  ]);
  const notStarted = foldedSet(settings.reserve.notStartedStatuses);
  const categoryOf = (id: string | null | undefined, name: string): StatusCategory | null => {
    const known = (id ? byId.get(id) : undefined) ?? byName.get(foldName(name));
    if (known !== undefined) return known;
    if (done.has(foldName(name))) return 'done';
    return notStarted.has(foldName(name)) ? 'new' : null;
  };
  return { see, categoryOf };
};

type Context = {
  readonly settings: Settings;
  readonly unit: EstimationUnit;
  readonly estimationField: FieldRef;
  readonly rankFieldId: string | null;
  readonly sprintField: FieldRef;
  readonly sprintsByName: ReadonlyMap<string, number>;
  readonly knownSprintIds: ReadonlySet<number>;
  readonly fields: ReturnType<typeof resolveFields>;
  readonly versions: readonly JiraVersion[];
};

const estimateMilliOf = (fields: Readonly<Record<string, unknown>>, context: Context): number | null => {
  const { id } = context.estimationField;
  let raw = nonNegative(fields[id]);
  const timeTrackingKey = TIME_TRACKING_KEYS[id];
  if (raw === null && timeTrackingKey !== undefined && isRecord(fields.timetracking))
    raw = nonNegative(fields.timetracking[timeTrackingKey]);
  if (raw === null) return null;
  return context.unit === 'hours' ? milliFromLoggedMs(raw * 1000, 'hours', 1) : milliFromUnits(raw);
};

const loggedMsOf = (fields: Readonly<Record<string, unknown>>): number | null => {
  const seconds =
    nonNegative(fields.timespent) ??
    (isRecord(fields.timetracking) ? nonNegative(fields.timetracking.timeSpentSeconds) : null);
  return seconds === null ? null : Math.round(seconds * 1000);
};

/** A status step whose category is looked up once every issue has been seen (statusCategories). */
type PendingStatus = { readonly status: string; readonly id: string | null | undefined };
type PendingItem = Omit<SprintItem, 'statuses'> & {
  readonly statuses: { readonly initial: null; readonly changes: readonly Change<PendingStatus>[] };
};

const mapItem = (record: JiraIssueRecord, context: Context, notes: ExportNote[]): PendingItem | null => {
  const { fields } = record;
  if (isRecord(fields.issuetype) && fields.issuetype.subtask === true) return null;
  const createdMs = record.createdAtMs;

  const sprintChanges = record.histories.flatMap((history) =>
    history.items
      .filter((item) => itemMatches(item, context.sprintField))
      .map((item) => ({ atMs: history.atMs, item })),
  );
  const first = sprintChanges[0];
  // Before its first change, the field held that change's "from"; an issue whose field never changed was created with it.
  const initial =
    first === undefined
      ? sprintIdsOfValue(fields[context.sprintField.id])
      : sprintIdsOfChange(first.item.from, first.item.fromString, context.sprintsByName);
  const sprints: Change<readonly number[]>[] = [{ atMs: createdMs, to: initial ?? [] }];
  let unreadable = initial === null;
  for (const { atMs, item } of sprintChanges) {
    const to = sprintIdsOfChange(item.to, item.toString, context.sprintsByName);
    if (to === null) unreadable = true;
    else sprints.push({ atMs, to });
  }
  if (unreadable) {
    notes.push({
      code: 'SPRINT_CHANGE_UNREADABLE',
      path: ['issues', `key=${record.key}`, 'changelog'],
      message: `a change of the Sprint field names sprints that are not in the export: ${record.key}'s membership leaves those changes out`,
    });
  }
  if (!sprints.some((step) => step.to.some((id) => context.knownSprintIds.has(id)))) return null;
  if (record.historiesTruncated) {
    notes.push({
      code: 'CHANGELOG_TRUNCATED',
      path: ['issues', `key=${record.key}`, 'changelog'],
      message: `${record.key}'s embedded changelog is truncated (expand=changelog stops at 100 histories): add its bulkfetch changelogs for exact sprint and status histories`,
    });
  }

  const statusChanges = record.statusChanges;
  const current = fields.status;
  const currentName = fieldText(current) ?? 'unknown';
  const firstStatus = statusChanges[0];
  const statusValue = (id: string | null | undefined, name: string): PendingStatus => ({ status: name, id });
  const statuses: Change<PendingStatus>[] = [
    {
      atMs: createdMs,
      to:
        firstStatus === undefined
          ? statusValue(isRecord(current) && typeof current.id === 'string' ? current.id : null, currentName)
          : statusValue(firstStatus.item.from, firstStatus.item.fromString ?? 'unknown'),
    },
    ...statusChanges.map(({ atMs, item }) => ({ atMs, to: statusValue(item.to, item.toString ?? 'unknown') })),
  ];

  const mapped = mapIssue(record, context.settings, context.fields, context.versions);
  let severity: Severity | null = null;
  let anomalyClass: SprintItem['anomalyClass'] = null;
  if (mapped.facts !== null) {
    const { initial: initialSeverity, changes } = mapped.facts.severity;
    severity = changes.length > 0 ? (changes[changes.length - 1]?.to ?? null) : initialSeverity;
    if (mapped.kind === 'anomaly') {
      anomalyClass = classifyAnomaly(
        { environment: mapped.environment, createdAtMs: createdMs, affectedVersions: mapped.affectedVersions },
        context.settings.vsrMonths,
      ).anomalyClass;
    }
  }
  const rank = context.rankFieldId === null ? null : fields[context.rankFieldId];
  return {
    key: record.key,
    issueType: fieldText(fields.issuetype) ?? 'unknown',
    kind: mapped.kind,
    severity,
    anomalyClass,
    labels: Array.isArray(fields.labels)
      ? fields.labels.filter((label): label is string => typeof label === 'string')
      : [],
    rank: typeof rank === 'string' && rank !== '' ? rank : null,
    estimateMilli: estimateMilliOf(fields, context),
    loggedMs: loggedMsOf(fields),
    // No value before the issue's creation.
    sprints: { initial: null, changes: sprints },
    statuses: { initial: null, changes: statuses },
  };
};

const sprintFacts = (sprint: JiraSprint, notes: ExportNote[], index: number): SprintFacts | null => {
  const given = sprint.state ?? 'future';
  const state = sprintStateOf(given);
  if (state === null) {
    notes.push({
      code: 'EXPORT_INVALID',
      path: ['sprints', index, 'state'],
      message: `sprint "${sprint.name}" is left out: state "${given}" is not closed, active or future`,
    });
    return null;
  }
  if (state !== 'future' && sprint.startMs === null) {
    notes.push({
      code: 'EXPORT_INVALID',
      path: ['sprints', index, 'startDate'],
      message: `sprint "${sprint.name}" is ${state} but has no start date: it is measured as not started`,
    });
  }
  return {
    id: sprint.id,
    name: sprint.name,
    state,
    startAtMs: sprint.startMs,
    endAtMs: sprint.endMs,
    completeAtMs: sprint.completeMs,
  };
};

/** Maps a sprint export (already JSON-decoded); fails when it is not an export or has no usable board configuration. */
export const mapSprintExport = (value: unknown, settings: Settings): Result<SprintExport> => {
  const parsed = parseJiraExport(value);
  if (!parsed.ok) return parsed;
  return mapSprintSource(parsed.value, isRecord(value) ? value.board : undefined, settings);
};

/**
 * Maps an export whose issues are read one at a time and its board configuration (`board` of the file, undefined
 * when it has none): each issue is mapped as it comes to the small item the capacity computation needs.
 */
export const mapSprintSource = (
  jiraExport: ExportSource,
  boardValue: unknown,
  settings: Settings,
): Result<SprintExport> => {
  const board = boardSchema.safeParse(boardValue);
  const boardHelp = 'add "board": the response of GET /rest/agile/1.0/board/{boardId}/configuration';
  if (boardValue === undefined)
    return failWith([
      { code: 'EXPORT_INVALID', path: ['board'], message: `the export has no board configuration: ${boardHelp}` },
    ]);
  if (!board.success)
    return failWith([
      {
        code: 'EXPORT_INVALID',
        path: ['board'],
        message: `the board configuration is malformed: ${board.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      },
    ]);
  const field = board.data.estimation?.field;
  if (board.data.estimation?.type !== 'field' || field === undefined) {
    return failWith([
      {
        code: 'EXPORT_INVALID',
        path: ['board', 'estimation'],
        message: `the board estimates by "${board.data.estimation?.type ?? 'nothing'}", not by a field: the reserve needs story points or time estimates`,
      },
    ]);
  }

  const notes: ExportNote[] = [...jiraExport.notes];
  const names = jiraExport.names;
  const estimationField: FieldRef = {
    id: field.fieldId,
    name: field.displayName ?? names[field.fieldId] ?? field.fieldId,
  };
  const rankId = board.data.ranking?.rankCustomFieldId;
  const rankFieldId =
    rankId !== undefined
      ? `customfield_${rankId}`
      : (Object.entries(names).find(([, name]) => foldName(name) === 'rank')?.[0] ?? null);
  const sprints = jiraExport.sprints.flatMap((sprint, index) => sprintFacts(sprint, notes, index) ?? []);
  const sprintField = fieldRefOf(settings.reserve.sprintField, names);
  // Notes keep the order of the whole-export mapping: broken issues, the Sprint field, then each item's notes.
  const fieldNotes: ExportNote[] = [];
  if (Object.keys(names).length > 0 && names[sprintField.id] === undefined) {
    fieldNotes.push({
      code: 'FIELD_NOT_FOUND',
      path: ['names'],
      message: `the Sprint field "${settings.reserve.sprintField}" (settings reserve.sprintField) is not in the export's names: only its changelog entries are read`,
    });
  }
  const categories = statusCategories(settings);
  const context: Context = {
    settings,
    unit: TIME_FIELDS.has(field.fieldId) ? 'hours' : 'points',
    estimationField,
    rankFieldId,
    sprintField,
    sprintsByName: new Map(jiraExport.sprints.map((s) => [foldName(s.name), s.id])),
    knownSprintIds: new Set(sprints.map((s) => s.id)),
    fields: resolveFields(settings.fields, names),
    versions: jiraExport.versions,
  };
  const brokenNotes: ExportNote[] = [];
  const itemNotes: ExportNote[] = [];
  const pending: PendingItem[] = [];
  for (const issue of jiraExport.issues) {
    if (isBroken(issue)) {
      brokenNotes.push(
        ...issue.errors.map((error) => ({ ...error, message: `${issue.key} is left out: ${error.message}` })),
      );
      continue;
    }
    categories.see(issue);
    const item = mapItem(issue, context, itemNotes);
    if (item !== null) pending.push(item);
  }
  const items: SprintItem[] = pending.map((item) => ({
    ...item,
    statuses: {
      initial: null,
      changes: item.statuses.changes.map(({ atMs, to }) => ({
        atMs,
        to: { status: to.status, category: categories.categoryOf(to.id, to.status) },
      })),
    },
  }));
  return ok({
    unit: context.unit,
    estimationField,
    sprints,
    items,
    notes: [...notes, ...brokenNotes, ...fieldNotes, ...itemNotes],
  });
};
