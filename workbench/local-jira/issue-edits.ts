// Field edits of PUT /issue, POST /issue and transition screens, applied to a copy of an issue: each value is
// checked against its field (type, custom-field validation expression, read-only), and every change becomes a
// changelog item as Jira writes it. Nothing is stored here; the caller commits the copy when all is well.
import { isRecord } from '../../src/domain/is-record';
import { parseJiraInstant } from '../../src/jira/jira-instant';
import { FIELDS, SPRINT_FIELD_ID, STORY_POINTS_FIELD_ID, type FieldDef } from './catalog';
import { formatJiraDateTime } from './jira-beans';
import { evaluateJiraExpression, expressionVerdict } from './jira-expression';
import { changeItem, type ChangeItem, type LocalJiraState, type StoredIssue } from './local-jira-state';
import { demoUserById, expressionIssue, sprintsOf } from './render';
import { textChangeItem } from './seed-demo';

export type FieldEdit = { readonly op: 'set' | 'add' | 'remove'; readonly value: unknown };
export type EditOutcome =
  | { readonly ok: true; readonly items: readonly ChangeItem[] }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

export const cannotBeSet = (fieldId: string): string =>
  `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;

/** `fields` (set) and `update` ({field: [{set|add|remove: value}]}) of a request body, as one list of edits per field. */
export function editsOf(
  fields: Readonly<Record<string, unknown>> | undefined,
  update: Readonly<Record<string, readonly unknown[]>> | undefined,
): { edits: Map<string, FieldEdit[]>; errors: Record<string, string> } {
  const edits = new Map<string, FieldEdit[]>();
  const errors: Record<string, string> = {};
  for (const [id, value] of Object.entries(fields ?? {})) edits.set(id, [{ op: 'set', value }]);
  for (const [id, operations] of Object.entries(update ?? {})) {
    if (edits.has(id)) {
      errors[id] = `Field '${id}' cannot be in both 'fields' and 'update'.`;
      continue;
    }
    const list: FieldEdit[] = [];
    for (const operation of operations) {
      const entries = isRecord(operation) ? Object.entries(operation) : [];
      const [entry] = entries;
      if (entries.length !== 1 || entry === undefined || !['set', 'add', 'remove'].includes(entry[0])) {
        errors[id] = `Field '${id}': each operation must be one of {"set": …}, {"add": …}, {"remove": …}.`;
        break;
      }
      list.push({ op: entry[0] as FieldEdit['op'], value: entry[1] });
    }
    edits.set(id, list);
  }
  return { edits, errors };
}

type Apply = (candidate: StoredIssue, edit: FieldEdit, state: LocalJiraState, items: ChangeItem[]) => string | null;

const textValue = (value: unknown): string | null | undefined => {
  if (value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return undefined;
};

function applyAppText(field: FieldDef): Apply {
  return (candidate, edit, state, items) => {
    if (edit.op !== 'set') return `Field '${field.id}' supports only the 'set' operation.`;
    const value = textValue(edit.value);
    if (value === undefined) return `Field '${field.id}' (${field.name}) expects a string or null.`;
    if (field.validation !== undefined) {
      const outcome = evaluateJiraExpression(field.validation.expression, {
        value,
        issue: expressionIssue(candidate, state),
      });
      const verdict = expressionVerdict(outcome, field.validation.errorMessage);
      if (!verdict.pass)
        return verdict.problem === null ? verdict.message : `${verdict.message} (${verdict.problem.message})`;
    }
    const from = candidate.appValues[field.id] ?? null;
    if (from !== value) {
      candidate.appValues[field.id] = value;
      items.push(textChangeItem(field.name, field.id, from, value));
    }
    return null;
  };
}

function applyAppDatetime(field: FieldDef): Apply {
  return (candidate, edit, _state, items) => {
    if (edit.op !== 'set') return `Field '${field.id}' supports only the 'set' operation.`;
    let value: string | null;
    if (edit.value === null || edit.value === '') value = null;
    else {
      const ms = parseJiraInstant(edit.value);
      if (ms === null)
        return `Field '${field.id}' (${field.name}) expects a date-time with an offset (2026-03-02T09:15:00.000+0100) or null.`;
      value = formatJiraDateTime(ms);
    }
    const from = candidate.appValues[field.id] ?? null;
    if (from !== value) {
      candidate.appValues[field.id] = value;
      items.push(textChangeItem(field.name, field.id, from, value));
    }
    return null;
  };
}

const applySummary: Apply = (candidate, edit, _state, items) => {
  if (edit.op !== 'set') return "Field 'summary' supports only the 'set' operation.";
  if (typeof edit.value !== 'string' || edit.value.trim() === '') return 'You must specify a summary of the issue.';
  if (edit.value.length > 255) return 'Summary must be less than 255 characters.';
  if (edit.value !== candidate.summary) {
    items.push(changeItem('summary', 'jira', 'summary', { text: candidate.summary }, { text: edit.value }));
    candidate.summary = edit.value;
  }
  return null;
};

const applyAssignee: Apply = (candidate, edit, _state, items) => {
  if (edit.op !== 'set') return "Field 'assignee' supports only the 'set' operation.";
  let accountId: string | null = null;
  if (edit.value !== null) {
    const id = isRecord(edit.value) ? edit.value['accountId'] : undefined;
    if (typeof id !== 'string') return 'Field \'assignee\' expects {"accountId": …} or null.';
    if (demoUserById(id) === undefined) return `User '${id}' does not exist.`;
    accountId = id;
  }
  if (accountId !== candidate.assigneeId) {
    const name = (id: string | null) => (id === null ? undefined : demoUserById(id)?.displayName);
    const side = (id: string | null) => (id === null ? null : { id, text: name(id) ?? id });
    items.push(changeItem('assignee', 'jira', 'assignee', side(candidate.assigneeId), side(accountId)));
    candidate.assigneeId = accountId;
  }
  return null;
};

function applyVersions(which: 'versionIds' | 'fixVersionIds', fieldId: string, itemName: string): Apply {
  return (candidate, edit, state, items) => {
    const resolve = (ref: unknown): string | { error: string } => {
      const id = isRecord(ref) ? ref['id'] : undefined;
      const name = isRecord(ref) ? ref['name'] : undefined;
      const version = state.versions.find(
        (v) => (typeof id === 'string' && v.id === id) || (typeof name === 'string' && v.name === name),
      );
      if (version !== undefined) return version.id;
      if (typeof id === 'string') return { error: `Version id '${id}' is not valid` };
      if (typeof name === 'string') return { error: `Version name '${name}' is not valid` };
      return { error: `Field '${fieldId}' expects versions as {"id": …} or {"name": …}.` };
    };
    const current = candidate[which];
    let next: string[];
    if (edit.op === 'set') {
      if (!Array.isArray(edit.value)) return `Field '${fieldId}' expects a list of versions.`;
      const ids = edit.value.map(resolve);
      const bad = ids.find((x): x is { error: string } => typeof x !== 'string');
      if (bad !== undefined) return bad.error;
      next = [...new Set(ids as string[])];
    } else {
      const id = resolve(edit.value);
      if (typeof id !== 'string') return id.error;
      next =
        edit.op === 'add' ? (current.includes(id) ? [...current] : [...current, id]) : current.filter((v) => v !== id);
    }
    const nameOf = (id: string) => state.versions.find((v) => v.id === id)?.name ?? id;
    for (const id of current)
      if (!next.includes(id)) items.push(changeItem(itemName, 'jira', fieldId, { id, text: nameOf(id) }, null));
    for (const id of next)
      if (!current.includes(id)) items.push(changeItem(itemName, 'jira', fieldId, null, { id, text: nameOf(id) }));
    candidate[which] = next;
    return null;
  };
}

const applyStoryPoints: Apply = (candidate, edit, _state, items) => {
  if (edit.op !== 'set') return `Field '${STORY_POINTS_FIELD_ID}' supports only the 'set' operation.`;
  if (edit.value !== null && (typeof edit.value !== 'number' || !Number.isFinite(edit.value) || edit.value < 0)) {
    return `Field '${STORY_POINTS_FIELD_ID}' (Story point estimate) expects a number of at least 0, or null.`;
  }
  const value = edit.value as number | null;
  if (value !== candidate.storyPoints) {
    items.push(
      textChangeItem(
        'Story point estimate',
        STORY_POINTS_FIELD_ID,
        candidate.storyPoints === null ? null : String(candidate.storyPoints),
        value === null ? null : String(value),
      ),
    );
    candidate.storyPoints = value;
  }
  return null;
};

/** Setting the sprint moves the issue to that sprint; the closed sprints it went through stay on it, as in Jira. */
const applySprint: Apply = (candidate, edit, state, items) => {
  if (edit.op !== 'set') return `Field '${SPRINT_FIELD_ID}' supports only the 'set' operation.`;
  if (edit.value !== null && (typeof edit.value !== 'number' || !Number.isInteger(edit.value)))
    return `Field '${SPRINT_FIELD_ID}' (Sprint) expects a sprint id or null.`;
  const sprintId = edit.value as number | null;
  const sprint = sprintId === null ? undefined : state.sprints.find((s) => s.id === sprintId);
  if (sprintId !== null && sprint === undefined) return `Sprint with id ${sprintId} does not exist.`;
  if (sprint?.state === 'closed') return `Issue can be assigned only to an active or future sprint.`;
  const closed = sprintsOf(candidate.sprintIds, state.sprints)
    .filter((s) => s.state === 'closed')
    .map((s) => s.id);
  const next = sprintId === null ? closed : [...closed.filter((id) => id !== sprintId), sprintId];
  const describe = (ids: readonly number[]) => sprintsOf(ids, state.sprints);
  if (next.join(',') !== candidate.sprintIds.join(',')) {
    const from = describe(candidate.sprintIds);
    const to = describe(next);
    const side = (sprints: readonly { id: number; name: string }[]) =>
      sprints.length === 0
        ? null
        : { id: sprints.map((x) => x.id).join(', '), text: sprints.map((x) => x.name).join(', ') };
    items.push(changeItem('Sprint', 'custom', SPRINT_FIELD_ID, side(from), side(to)));
    candidate.sprintIds = next;
  }
  return null;
};

const EDITORS: ReadonlyMap<string, Apply> = new Map<string, Apply>([
  ['summary', applySummary],
  ['assignee', applyAssignee],
  ['versions', applyVersions('versionIds', 'versions', 'Version')],
  ['fixVersions', applyVersions('fixVersionIds', 'fixVersions', 'Fix Version')],
  [STORY_POINTS_FIELD_ID, applyStoryPoints],
  [SPRINT_FIELD_ID, applySprint],
  ...FIELDS.filter((f) => f.appModuleKey !== undefined && f.readOnly !== true).map((f): [string, Apply] => [
    f.id,
    f.kind === 'datetime' ? applyAppDatetime(f) : applyAppText(f),
  ]),
]);

/**
 * Applies edits to `candidate` (a copy), in the order given. Read-only fields (the app's computed ones, status,
 * created…) and unknown fields are refused, as Jira refuses fields that are not on the edit screen.
 */
export function applyEdits(
  candidate: StoredIssue,
  edits: ReadonlyMap<string, readonly FieldEdit[]>,
  state: LocalJiraState,
): EditOutcome {
  const errors: Record<string, string> = {};
  const items: ChangeItem[] = [];
  for (const [fieldId, list] of edits) {
    const apply = EDITORS.get(fieldId);
    if (apply === undefined) {
      errors[fieldId] = cannotBeSet(fieldId);
      continue;
    }
    for (const edit of list) {
      const problem = apply(candidate, edit, state, items);
      if (problem !== null) {
        errors[fieldId] = problem;
        break;
      }
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, items };
}
