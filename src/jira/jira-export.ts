// The Jira JSON the app reads (a /rest/api/3/search/jql page, bulkfetch changelogs, board sprints, project versions),
// parsed at the edge into plain records. Each issue is parsed on its own, so one broken issue gets its errors and
// the others are still computed. Only what the app reads is checked; other keys pass through untouched.
import { z } from 'zod';
import { isRecord } from '../domain/is-record';
import { failWith, ok, type Issue, type Result } from '../domain/result';
import { parseJiraInstant } from './jira-instant';

const DIGIT_0 = 0x30;

/** The digits of `text` from `at` to `at + count` as a number, or -1 when one of them is not a digit. */
const digitsAt = (text: string, at: number, count: number): number => {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
};

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * parseJiraInstant for the form Jira writes ("2026-03-02T09:15:00.000+0100", 28 characters) by integer arithmetic,
 * with every field in its plain range; any other text goes to parseJiraInstant itself. A history's timestamp is read
 * for each of millions of change items: Date.parse with regexes costs several times this.
 */
export const jiraInstant = (text: unknown): number | null => {
  if (typeof text !== 'string' || text.length !== 28) return parseJiraInstant(text);
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  const milli = digitsAt(text, 20, 3);
  const offsetHours = digitsAt(text, 24, 2);
  const offsetMinutes = digitsAt(text, 26, 2);
  const sign = text.charCodeAt(23);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (
    text.charCodeAt(4) !== 0x2d || // -
    text.charCodeAt(7) !== 0x2d ||
    text.charCodeAt(10) !== 0x54 || // T
    text.charCodeAt(13) !== 0x3a || // :
    text.charCodeAt(16) !== 0x3a ||
    text.charCodeAt(19) !== 0x2e || // .
    (sign !== 0x2b && sign !== 0x2d) || // + or -
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0)) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    milli < 0 ||
    offsetHours < 0 ||
    offsetHours > 23 ||
    offsetMinutes < 0 ||
    offsetMinutes > 59
  )
    return parseJiraInstant(text);
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
  return Date.UTC(year, month - 1, day, hour, minute, second, milli) - (sign === 0x2b ? offsetMs : -offsetMs);
};

/** A changelog item as Jira sends it; only these keys are read. */
export type ChangeItem = {
  readonly field: string;
  readonly fieldId?: string;
  readonly from?: string | null;
  readonly fromString?: string | null;
  readonly to?: string | null;
  readonly toString?: string | null;
};

const isOptionalText = (value: unknown): boolean => value === undefined || value === null || typeof value === 'string';

const VALUE_KEYS = ['from', 'fromString', 'to', 'toString'] as const;

// Histories and items are checked in place, not copied: an export holds hundreds of thousands of them, and a
// copying parser spends most of its time in the garbage collector (measured with the 20,000-issue benchmark).
const changeItemProblem = (item: unknown): string | null => {
  if (!isRecord(item)) return 'expected an object';
  if (typeof item.field !== 'string') return 'field: expected string';
  if (item.fieldId !== undefined && typeof item.fieldId !== 'string') return 'fieldId: expected string';
  // Own keys only: an item without "toString" (a cleared value, as the OpenAPI description allows) would otherwise
  // be read as Object.prototype.toString.
  for (const key of VALUE_KEYS)
    if (Object.hasOwn(item, key) && !isOptionalText(item[key])) return `${key}: expected string or null`;
  return null;
};

/** The item itself when it has all four value keys, else a copy with the missing ones set to null (rare: cleared values). */
const withValueKeys = (item: ChangeItem): ChangeItem =>
  VALUE_KEYS.every((key) => Object.hasOwn(item, key))
    ? item
    : {
        ...item,
        ...Object.fromEntries(VALUE_KEYS.filter((key) => !Object.hasOwn(item, key)).map((key) => [key, null])),
      };

/** The history itself, checked (not copied), or what is wrong with it. */
const checkChangeHistory = (history: unknown): CheckedHistory | string => {
  if (!isRecord(history)) return 'expected an object';
  if (typeof history.created !== 'string') return 'created: expected string';
  if (history.id !== undefined && typeof history.id !== 'string') return 'id: expected string';
  if (!Array.isArray(history.items)) return 'items: expected array';
  for (let i = 0; i < history.items.length; i++) {
    const problem = changeItemProblem(history.items[i]);
    if (problem !== null) return `items.${i}: ${problem}`;
  }
  // Every key read later was checked above.
  const checked = history as CheckedHistory;
  // Copies only the rare history with a cleared value, so that large exports still allocate nothing here.
  return checked.items.every((item) => withValueKeys(item) === item)
    ? checked
    : { ...checked, items: checked.items.map(withValueKeys) };
};

type CheckedHistory = { readonly id?: string; readonly created: string; readonly items: readonly ChangeItem[] };
type CheckedIssue = {
  readonly id: string;
  readonly key: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly changelog?: { readonly histories?: readonly unknown[]; readonly total?: number };
};

/** The issue itself, checked (not copied), or what is wrong with it. */
const checkIssue = (issue: unknown): CheckedIssue | string => {
  if (!isRecord(issue)) return 'expected an object';
  if (typeof issue.id !== 'string') return 'id: expected string';
  if (typeof issue.key !== 'string') return 'key: expected string';
  if (!isRecord(issue.fields)) return 'fields: expected object';
  if (issue.changelog !== undefined) {
    if (!isRecord(issue.changelog)) return 'changelog: expected object';
    if (issue.changelog.histories !== undefined && !Array.isArray(issue.changelog.histories))
      return 'changelog.histories: expected array';
    if (issue.changelog.total !== undefined && typeof issue.changelog.total !== 'number')
      return 'changelog.total: expected number';
  }
  return issue as CheckedIssue;
};

const exportSchema = z.looseObject({
  issues: z.array(z.unknown()),
  names: z.record(z.string(), z.string()).optional(),
  changelogs: z.array(z.looseObject({ issueId: z.string(), changeHistories: z.array(z.unknown()) })).optional(),
  sprints: z.array(z.unknown()).optional(),
  versions: z.array(z.unknown()).optional(),
});

const sprintSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  state: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  completeDate: z.string().optional(),
});
const versionSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string(),
  releaseDate: z.string().optional(),
  released: z.boolean().optional(),
});

export type JiraHistory = { readonly id: string | null; readonly atMs: number; readonly items: readonly ChangeItem[] };
export type JiraSprint = {
  readonly id: number;
  readonly name: string;
  readonly state: string | null;
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly completeMs: number | null;
};
export type JiraVersion = {
  readonly id: string | null;
  readonly name: string;
  readonly releaseDate: string | null;
  readonly released: boolean | null;
};

/** One status change of the changelog: when, and its item (from/to ids and names). */
export type StatusChange = { readonly atMs: number; readonly item: ChangeItem };

const isStatusItem = (item: ChangeItem): boolean => item.fieldId === 'status' || item.field === 'status';

/** An issue as read from Jira: its raw fields and its histories in chronological order. */
export type JiraIssueRecord = {
  readonly id: string;
  readonly key: string;
  /** `fields.created`, parsed once here (an issue without a readable one is a BrokenIssue). */
  readonly createdAtMs: number;
  /** The status changes of the histories, oldest first, found once here. */
  readonly statusChanges: readonly StatusChange[];
  readonly fields: Readonly<Record<string, unknown>>;
  readonly histories: readonly JiraHistory[];
  /** The issue's embedded changelog said it has more histories than it carried (expand=changelog stops at 100). */
  readonly historiesTruncated: boolean;
};

/** An issue that could not be read: its key (or position) and what is wrong. */
export type BrokenIssue = { readonly key: string; readonly id: string | null; readonly errors: readonly Issue[] };

export type JiraExport = {
  readonly names: Readonly<Record<string, string>>;
  readonly issues: readonly (JiraIssueRecord | BrokenIssue)[];
  readonly sprints: readonly JiraSprint[];
  readonly versions: readonly JiraVersion[];
  /** Problems with sprints or versions: reported, and the faulty entries left out. */
  readonly notes: readonly Issue[];
};

/**
 * An export whose issues are read one at a time: a parsed JiraExport is one, and the CLI streams its file into one
 * (names, sprints and versions read first, then the issues as they come). Use cases that only walk the issues once
 * take this, so that a 100,000-issue file never sits in memory.
 */
export type ExportSource = Omit<JiraExport, 'issues'> & { readonly issues: Iterable<JiraIssueRecord | BrokenIssue> };

export const isBroken = (issue: JiraIssueRecord | BrokenIssue): issue is BrokenIssue => 'errors' in issue;

const describe = (error: z.ZodError): string =>
  error.issues
    .map(
      (i) =>
        `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.code === 'invalid_type' ? `expected ${i.expected}` : i.message}`,
    )
    .join('; ');

/**
 * Orders histories oldest first. Jira sends them oldest first (bulkfetch, /changelog) or newest first (some expands);
 * either is accepted; an array in neither order means the export was assembled wrongly and is refused.
 */
const chronological = (histories: JiraHistory[], path: readonly (string | number)[]): Result<JiraHistory[]> => {
  let ascending = true;
  let descending = true;
  let firstInversion = -1;
  for (let i = 1; i < histories.length; i++) {
    const previous = (histories[i - 1] as JiraHistory).atMs;
    const current = (histories[i] as JiraHistory).atMs;
    if (current < previous) {
      ascending = false;
      if (firstInversion < 0) firstInversion = i;
    }
    if (current > previous) descending = false;
  }
  if (ascending) return ok(histories);
  if (descending) return ok(histories.reverse());
  return failWith([
    {
      code: 'HISTORY_OUT_OF_ORDER',
      path: [...path, firstInversion],
      message: `history ${firstInversion} is dated before the one listed before it, and the histories are in neither date order: the changelog is out of order`,
    },
  ]);
};

const parseHistories = (
  raw: readonly unknown[],
  path: readonly (string | number)[],
  errors: Issue[],
): JiraHistory[] => {
  const histories: JiraHistory[] = [];
  raw.forEach((value, i) => {
    const history = checkChangeHistory(value);
    if (typeof history === 'string') {
      errors.push({ code: 'ISSUE_INVALID', path: [...path, i], message: `change history is malformed (${history})` });
      return;
    }
    const atMs = jiraInstant(history.created);
    if (atMs === null) {
      errors.push({
        code: 'INSTANT_INVALID',
        path: [...path, i, 'created'],
        message: `"${history.created}" is not a date-time with an offset`,
      });
      return;
    }
    histories.push({ id: history.id ?? null, atMs, items: history.items });
  });
  return histories;
};

/**
 * Reads one issue of an export (its position in `issues` names it in errors), with the histories the export's
 * top-level `changelogs` hold for it: what parseJiraExport does for each issue, for readers that stream the issues.
 */
export const readIssue = (
  value: unknown,
  index: number,
  bulkHistories: ReadonlyMap<string, readonly unknown[]>,
): JiraIssueRecord | BrokenIssue => {
  const checked = checkIssue(value);
  if (typeof checked === 'string') {
    const key = isRecord(value) && typeof value.key === 'string' ? value.key : `issues[${index}]`;
    return {
      key,
      id: null,
      errors: [{ code: 'ISSUE_INVALID', path: ['issues', index], message: `the issue is malformed (${checked})` }],
    };
  }
  const { id, key, fields, changelog } = checked;
  const errors: Issue[] = [];
  const embedded = parseHistories(changelog?.histories ?? [], ['issues', index, 'changelog', 'histories'], errors);
  const fromBulk = parseHistories(
    bulkHistories.get(id) ?? [],
    ['changelogs', `issueId=${id}`, 'changeHistories'],
    errors,
  );
  // The same history may come both ways; keep one of each id.
  const seen = new Set(embedded.map((h) => h.id).filter((x) => x !== null));
  const all = [...embedded, ...fromBulk.filter((h) => h.id === null || !seen.has(h.id))];
  if (embedded.length > 0 && fromBulk.length > 0) all.sort((a, b) => a.atMs - b.atMs);
  const ordered = chronological(all, ['issues', index, 'changelog', 'histories']);
  if (!ordered.ok) errors.push(...ordered.issues);
  // The creation instant is parsed here, once: every later reader takes `createdAtMs`.
  const createdAtMs = fields.created === undefined || fields.created === null ? null : jiraInstant(fields.created);
  if (fields.created === undefined || fields.created === null) {
    errors.push({
      code: 'ISSUE_HAS_NO_CREATED',
      path: ['issues', index, 'fields', 'created'],
      message: 'the issue has no creation date (request the "created" field): its clocks cannot start',
    });
  } else if (createdAtMs === null) {
    errors.push({
      code: 'INSTANT_INVALID',
      path: ['issues', index, 'fields', 'created'],
      message: `"${String(fields.created)}" is not a date-time with an offset`,
    });
  }
  if (errors.length > 0 || createdAtMs === null) return { key, id, errors };
  const historiesTruncated =
    changelog?.total !== undefined && changelog.total > (changelog.histories?.length ?? 0) && !bulkHistories.has(id);
  const histories = ordered.ok ? ordered.value : [];
  const statusChanges = histories.flatMap((history) =>
    history.items.filter(isStatusItem).map((item) => ({ atMs: history.atMs, item })),
  );
  return { id, key, createdAtMs, statusChanges, fields, histories, historiesTruncated };
};

/** Everything of an export but its issues, and the top-level changelogs' histories by issue id (for readIssue). */
export type ExportHead = Omit<JiraExport, 'issues'> & {
  readonly bulkHistories: ReadonlyMap<string, readonly unknown[]>;
};

/**
 * Checks an export's top level (an `issues` array) and reads all but the issues: names, sprints, versions, and the
 * top-level changelogs grouped by issue id. Fails only when the top level is not an export at all.
 */
export const parseExportHead = (value: unknown): Result<{ readonly head: ExportHead; readonly issues: unknown[] }> => {
  const top = exportSchema.safeParse(value);
  if (!top.success) {
    return failWith([
      {
        code: 'EXPORT_INVALID',
        path: [],
        message: `not a Jira export: expected a /rest/api/3/search/jql response with "issues" (${describe(top.error)})`,
      },
    ]);
  }
  const bulk = new Map<string, unknown[]>();
  for (const entry of top.data.changelogs ?? [])
    bulk.set(entry.issueId, [...(bulk.get(entry.issueId) ?? []), ...entry.changeHistories]);
  const notes: Issue[] = [];
  const sprints: JiraSprint[] = [];
  (top.data.sprints ?? []).forEach((raw, i) => {
    const sprint = sprintSchema.safeParse(raw);
    if (!sprint.success) {
      notes.push({
        code: 'EXPORT_INVALID',
        path: ['sprints', i],
        message: `sprint left out: ${describe(sprint.error)}`,
      });
      return;
    }
    const instant = (text: string | undefined): number | null => (text === undefined ? null : parseJiraInstant(text));
    sprints.push({
      id: sprint.data.id,
      name: sprint.data.name,
      state: sprint.data.state ?? null,
      startMs: instant(sprint.data.startDate),
      endMs: instant(sprint.data.endDate),
      completeMs: instant(sprint.data.completeDate),
    });
  });
  const versions: JiraVersion[] = [];
  (top.data.versions ?? []).forEach((raw, i) => {
    const version = versionSchema.safeParse(raw);
    if (!version.success)
      notes.push({
        code: 'EXPORT_INVALID',
        path: ['versions', i],
        message: `version left out: ${describe(version.error)}`,
      });
    else
      versions.push({
        id: version.data.id ?? null,
        name: version.data.name,
        releaseDate: version.data.releaseDate ?? null,
        released: version.data.released ?? null,
      });
  });
  return ok({
    head: { names: top.data.names ?? {}, sprints, versions, notes, bulkHistories: bulk },
    issues: top.data.issues,
  });
};

/** Parses an export; fails only when its top level is not an export at all. */
export const parseJiraExport = (value: unknown): Result<JiraExport> => {
  const top = parseExportHead(value);
  if (!top.ok) return top;
  const { bulkHistories, ...head } = top.value.head;
  return ok({ ...head, issues: top.value.issues.map((raw, i) => readIssue(raw, i, bulkHistories)) });
};
