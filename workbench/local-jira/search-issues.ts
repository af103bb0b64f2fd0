// JQL (parsed by jql.ts) → a filter and an order over the stored issues. Fields: project, key/issuekey, id,
// issuetype/type, status, summary (~), sprint (ids, names, openSprints(), closedSprints(), futureSprints()),
// affectedVersion, fixVersion, assignee/reporter (currentUser()), created, updated, resolutiondate, and every custom
// field by name or `cf[NNNNN]` (text, datetime, number), and the indexed values of entity properties
// (`issue.property[contractSla].resolutionRemainingMs`, issue 10). Text matches ignore case, as Jira's do. Like
// Jira's /search/jql, a query without a restriction is refused.
import { DateTime } from 'luxon';
import { CONTRACT_ZONE } from '../../src/domain/contract-zone';
import { SLA_PROPERTY_INDEX, SLA_PROPERTY_KEY } from '../../src/contract/sla-property';
import { isRecord } from '../../src/domain/is-record';
import { parseJiraInstant } from '../../src/jira/jira-instant';
import {
  FIELDS,
  ISSUE_TYPE_NAMES,
  PROJECT_ID,
  PROJECT_KEY,
  PROJECT_NAME,
  STATUS_NAMES,
  statusBean,
  type FieldDef,
} from './catalog';
import { issueTypeBean } from './jira-beans';
import { parseJql, type JqlClause, type JqlOperand, type JqlQuery, type JqlSort } from './jql';
import type { LocalJiraState, StoredIssue } from './local-jira-state';
import { sprintsOf, versionsOf } from './render';

export type CompiledSearch = {
  readonly matches: (issue: StoredIssue) => boolean;
  readonly compare: (a: StoredIssue, b: StoredIssue) => number;
};
export type CompileResult =
  { readonly ok: true; readonly search: CompiledSearch } | { readonly ok: false; readonly message: string };

export type SearchEnvironment = {
  readonly state: LocalJiraState;
  readonly nowMs: number;
  readonly accountId: string | null;
};

class SearchError extends Error {}

/** An indexed value of an entity property: a path into its JSON value and the type Jira indexes it as. */
export type IndexedPropertyValue = { readonly path: string; readonly type: 'number' | 'string' | 'text' | 'date' };
export type IndexedEntityProperty = {
  readonly entityType: 'issue';
  readonly propertyKey: string;
  readonly values: readonly IndexedPropertyValue[];
};

/**
 * What the app's `jira:entityProperty` modules index (manifest.yml; a test checks the manifest declares exactly
 * this). Jira indexes these values and nothing else (Forge "Jira entity property" page: the module "requests that
 * fields of an entity property are indexed by Jira to make the fields available to query in JQL"; "The list of fields
 * in the JSON object to index with the type of each field"). A clause on another path is still valid JQL: the
 * platform OpenAPI's JqlQueryFieldEntityProperty (what the JQL parse operation returns for such a clause) has a
 * `type` that is "Not available if the extraction for the property is not registered on the instance with the Entity
 * property module". So the local Jira accepts it and, as nothing is indexed there, it matches no value: `= x` finds
 * nothing, `IS EMPTY` every issue, and ORDER BY leaves the order to the next key (to confirm on a site).
 */
export const INDEXED_ENTITY_PROPERTIES: readonly IndexedEntityProperty[] = [
  { entityType: 'issue', propertyKey: SLA_PROPERTY_KEY, values: SLA_PROPERTY_INDEX.map(indexedValue) },
];

function indexedValue({ path, type }: { readonly path: string; readonly type: string }): IndexedPropertyValue {
  if (type === 'number' || type === 'string' || type === 'text' || type === 'date') return { path, type };
  throw new Error(`SLA_PROPERTY_INDEX: '${path}' has the type '${type}', which the local Jira does not index`);
}

const PROPERTY_CLAUSE = /^issue\.property\[([^\]]+)\]\.(.+)$/i;

/** The indexed value a clause name `issue.property[KEY].PATH` designates, or undefined when it is not one. */
function indexedValueOf(rawName: string): { key: string; value: IndexedPropertyValue } | null | undefined {
  const match = PROPERTY_CLAUSE.exec(rawName.trim());
  if (match === null) return undefined;
  const [, key, path] = match as unknown as [string, string, string];
  const property = INDEXED_ENTITY_PROPERTIES.find((p) => p.propertyKey === key);
  const value = property?.values.find((v) => v.path === path);
  return value === undefined ? null : { key, value };
}

/** The JSON values at a dotted path (an array on the way or at the end stands for each of its items). */
function valuesAtPath(value: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesAtPath(item, path));
  if (path.length === 0) return value === null || value === undefined ? [] : [value];
  if (!isRecord(value)) return [];
  const [head, ...rest] = path as [string, ...string[]];
  return valuesAtPath(value[head], rest);
}

/** The indexed values of one issue: those of the declared type (Jira does not index a value of another type). */
function propertyValues(issue: StoredIssue, key: string, value: IndexedPropertyValue): Scalar[] {
  const raw = valuesAtPath(issue.properties?.[key], value.path.split('.'));
  return raw.flatMap((v): Scalar[] => {
    if (value.type === 'number') return typeof v === 'number' && Number.isFinite(v) ? [v] : [];
    if (value.type === 'date') {
      const ms = typeof v === 'string' ? parseJiraInstant(v) : null;
      return ms === null ? [] : [ms];
    }
    return typeof v === 'string' ? [v] : typeof v === 'number' || typeof v === 'boolean' ? [String(v)] : [];
  });
}

function propertyAccess(rawName: string): FieldAccess | undefined {
  const found = indexedValueOf(rawName);
  if (found === undefined) return undefined;
  if (found === null) return { name: rawName.trim(), type: 'text', unindexed: true, values: () => [] };
  const { key, value } = found;
  return {
    name: rawName.trim(),
    type: value.type === 'number' ? 'number' : value.type === 'date' ? 'date' : 'text',
    contains: value.type === 'text',
    values: (issue) => propertyValues(issue, key, value),
  };
}

type Scalar = string | number;
type FieldAccess = {
  readonly name: string;
  readonly type: 'text' | 'date' | 'number';
  readonly values: (issue: StoredIssue) => readonly Scalar[];
  /** Values a clause may name; another value is an error ("does not exist for the field"). */
  readonly known?: readonly string[];
  readonly contains?: boolean;
  /** An entity property path no module indexes: valid, but no issue has a value there. */
  readonly unindexed?: boolean;
};

const fold = (text: string): string => text.toLowerCase();
const numberOfKey = (issue: StoredIssue): number => Number(issue.key.slice(issue.key.indexOf('-') + 1));

function customAccess(field: FieldDef): FieldAccess {
  if (field.kind === 'number')
    return { name: field.name, type: 'number', values: (i) => (i.storyPoints === null ? [] : [i.storyPoints]) };
  if (field.kind === 'sprint') throw new Error('unreachable: sprint is resolved before custom fields');
  if (field.kind === 'datetime') {
    return {
      name: field.name,
      type: 'date',
      values: (i) => {
        const ms = parseJiraInstant(i.appValues[field.id]);
        return ms === null ? [] : [ms];
      },
    };
  }
  if (field.kind === 'rank') return { name: field.name, type: 'text', values: (i) => [i.rank] };
  return {
    name: field.name,
    type: 'text',
    contains: true,
    values: (i) => {
      const v = i.appValues[field.id];
      return v === null || v === undefined ? [] : [v];
    },
  };
}

function fieldAccess(rawName: string, env: SearchEnvironment): FieldAccess {
  const property = propertyAccess(rawName);
  if (property !== undefined) return property;
  const name = fold(rawName.trim());
  const { state } = env;
  switch (name) {
    case 'project':
      return { name: 'project', type: 'text', values: () => [PROJECT_KEY, String(PROJECT_ID), PROJECT_NAME] };
    case 'key':
    case 'issuekey':
    case 'issue':
    case 'id':
      return { name: 'key', type: 'text', values: (i) => [i.key, i.id] };
    case 'issuetype':
    case 'type':
      return {
        name: 'issuetype',
        type: 'text',
        values: (i) => [i.issueType, issueTypeBean(i.issueType).id],
        known: ISSUE_TYPE_NAMES.flatMap((t) => [t, issueTypeBean(t).id]),
      };
    case 'status':
      return {
        name: 'status',
        type: 'text',
        values: (i) => [i.status, statusBean(i.status).id],
        known: STATUS_NAMES.flatMap((s) => [s, statusBean(s).id]),
      };
    case 'summary':
      return { name: 'summary', type: 'text', contains: true, values: (i) => [i.summary] };
    case 'sprint':
    case 'cf[10020]':
      return {
        name: 'sprint',
        type: 'text',
        values: (i) => sprintsOf(i.sprintIds, state.sprints).flatMap((s) => [String(s.id), s.name]),
      };
    case 'affectedversion':
      return {
        name: 'affectedVersion',
        type: 'text',
        values: (i) => versionsOf(i.versionIds, state.versions).flatMap((v) => [v.name, v.id]),
      };
    case 'fixversion':
      return {
        name: 'fixVersion',
        type: 'text',
        values: (i) => versionsOf(i.fixVersionIds, state.versions).flatMap((v) => [v.name, v.id]),
      };
    case 'assignee':
      return { name: 'assignee', type: 'text', values: (i) => (i.assigneeId === null ? [] : [i.assigneeId]) };
    case 'reporter':
      return { name: 'reporter', type: 'text', values: (i) => [i.reporterId] };
    case 'created':
    case 'createddate':
      return { name: 'created', type: 'date', values: (i) => [i.createdMs] };
    case 'updated':
    case 'updateddate':
      return { name: 'updated', type: 'date', values: (i) => [i.updatedMs] };
    case 'resolutiondate':
    case 'resolved':
      return { name: 'resolutiondate', type: 'date', values: (i) => (i.resolutionMs === null ? [] : [i.resolutionMs]) };
  }
  const custom = FIELDS.find((f) => f.custom && f.clauseNames.some((c) => fold(c) === name));
  if (custom !== undefined) return customAccess(custom);
  throw new SearchError(`Field '${rawName}' does not exist or you do not have permission to view it.`);
}

/** A JQL date: now(), yyyy-MM-dd or yyyy/MM/dd with an optional HH:mm (Europe/Paris), or a period (-5d, 4w 2d, -3h). */
function dateOperand(text: string, field: string, nowMs: number): number {
  const absolute = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:\s+(\d{2}):(\d{2}))?$/.exec(text.trim());
  if (absolute !== null) {
    const [, y, mo, d, h, mi] = absolute;
    const date = DateTime.fromObject(
      { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h ?? 0), minute: Number(mi ?? 0) },
      { zone: CONTRACT_ZONE },
    );
    return date.toMillis();
  }
  const parts = text.trim().split(/\s+/);
  const unitMs: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 };
  let offsetMs = 0;
  for (const part of parts) {
    const period = /^([-+]?)(\d+)([wdhm])$/.exec(part);
    if (period === null) {
      throw new SearchError(
        `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
      );
    }
    offsetMs += (period[1] === '-' ? -1 : 1) * Number(period[2]) * (unitMs[period[3] as string] as number);
  }
  return nowMs + offsetMs;
}

/** The values an operand stands for, in the field's type; `null` stands for EMPTY. */
function operandValues(operand: JqlOperand, access: FieldAccess, env: SearchEnvironment): (Scalar | null)[] {
  switch (operand.kind) {
    case 'empty':
      return [null];
    case 'list':
      return operand.items.flatMap((item) => operandValues(item, access, env));
    case 'function': {
      const fn = fold(operand.name);
      if (fn === 'now' && access.type === 'date') return [env.nowMs];
      if (fn === 'currentuser' && (access.name === 'assignee' || access.name === 'reporter'))
        return env.accountId === null ? [] : [env.accountId];
      if (access.name === 'sprint' && (fn === 'opensprints' || fn === 'closedsprints' || fn === 'futuresprints')) {
        const states = fn === 'opensprints' ? ['active', 'future'] : fn === 'closedsprints' ? ['closed'] : ['future'];
        return env.state.sprints.filter((s) => states.includes(s.state)).map((s) => String(s.id));
      }
      throw new SearchError(
        `Unable to find JQL function '${operand.name}(${operand.args.join(', ')})' for the field '${access.name}'.`,
      );
    }
    case 'value': {
      if (access.type === 'date') return [dateOperand(operand.text, access.name, env.nowMs)];
      if (access.type === 'number') {
        const n = Number(operand.text);
        if (!Number.isFinite(n))
          throw new SearchError(`The value '${operand.text}' is not a number for the field '${access.name}'.`);
        return [n];
      }
      if (access.known !== undefined && !access.known.some((k) => fold(k) === fold(operand.text))) {
        throw new SearchError(`The value '${operand.text}' does not exist for the field '${access.name}'.`);
      }
      return [operand.text];
    }
  }
}

const same = (a: Scalar, b: Scalar): boolean =>
  typeof a === 'string' && typeof b === 'string' ? fold(a) === fold(b) : a === b;

function compileClause(clause: JqlClause, env: SearchEnvironment): (issue: StoredIssue) => boolean {
  switch (clause.kind) {
    case 'and': {
      const parts = clause.clauses.map((c) => compileClause(c, env));
      return (issue) => parts.every((p) => p(issue));
    }
    case 'or': {
      const parts = clause.clauses.map((c) => compileClause(c, env));
      return (issue) => parts.some((p) => p(issue));
    }
    case 'not': {
      const inner = compileClause(clause.clause, env);
      return (issue) => !inner(issue);
    }
    case 'term':
      return compileTerm(clause.field, clause.operator, clause.operand, env);
  }
}

function compileTerm(
  field: string,
  operator: string,
  operand: JqlOperand,
  env: SearchEnvironment,
): (issue: StoredIssue) => boolean {
  const access = fieldAccess(field, env);
  if (access.unindexed === true) return () => operator === 'is';
  const unsupported = (): never => {
    throw new SearchError(`The operator '${operator}' is not supported by the '${access.name}' field.`);
  };
  if (operator === 'is' || operator === 'is not') {
    return operator === 'is'
      ? (issue) => access.values(issue).length === 0
      : (issue) => access.values(issue).length > 0;
  }
  if (operator === '~' || operator === '!~') {
    if (access.contains !== true) unsupported();
    const needles = operandValues(operand, access, env).map((v) => fold(String(v)));
    const contains = (issue: StoredIssue) =>
      access.values(issue).some((v) => needles.some((n) => fold(String(v)).includes(n)));
    return operator === '~' ? contains : (issue) => access.values(issue).length > 0 && !contains(issue);
  }
  const wanted = operandValues(operand, access, env);
  const wantsEmpty = wanted.includes(null);
  const scalars = wanted.filter((v): v is Scalar => v !== null);
  const hit = (issue: StoredIssue): boolean => {
    const values = access.values(issue);
    return (wantsEmpty && values.length === 0) || values.some((v) => scalars.some((w) => same(v, w)));
  };
  switch (operator) {
    case '=':
    case 'in':
      return hit;
    case '!=':
    case 'not in':
      // Jira leaves out issues whose field is empty: `cf[10105] != breached` does not return issues without a status.
      return (issue) => access.values(issue).length > 0 && !hit(issue);
    default: {
      if (access.type === 'text') unsupported();
      const bound = scalars[0];
      if (bound === undefined || scalars.length !== 1)
        throw new SearchError(`The operator '${operator}' takes a single value for the field '${access.name}'.`);
      const test = (v: Scalar): boolean => {
        const x = v as number;
        const b = bound as number;
        return operator === '<' ? x < b : operator === '<=' ? x <= b : operator === '>' ? x > b : x >= b;
      };
      return (issue) => access.values(issue).some(test);
    }
  }
}

function compileOrder(orderBy: readonly JqlSort[]): (a: StoredIssue, b: StoredIssue) => number {
  // Without ORDER BY, newest first (keys follow creation order).
  const sorts: readonly JqlSort[] = orderBy.length > 0 ? orderBy : [{ field: 'key', direction: 'desc' }];
  const keys = sorts.map(({ field, direction }) => {
    const sign = direction === 'asc' ? 1 : -1;
    const name = fold(field);
    let key: (i: StoredIssue) => number | string | null;
    const property = propertyAccess(field);
    if (property !== undefined) {
      // An issue without the value sorts after those with one in ascending order (before them descending).
      key = (i) => {
        const values = property.values(i);
        if (values.length === 0) return null;
        return values.reduce((a, b) => (a < b ? a : b));
      };
    } else if (name === 'key' || name === 'issuekey' || name === 'id') key = numberOfKey;
    else if (name === 'created' || name === 'createddate') key = (i) => i.createdMs;
    else if (name === 'updated' || name === 'updateddate') key = (i) => i.updatedMs;
    else if (name === 'rank' || name === 'cf[10019]') key = (i) => i.rank;
    else if (FIELDS.some((f) => f.clauseNames.some((c) => fold(c) === name)))
      throw new SearchError(`Not able to sort using field '${field}'.`);
    else throw new SearchError(`Field '${field}' does not exist or you do not have permission to view it.`);
    return { key, sign };
  });
  return (a, b) => {
    for (const { key, sign } of keys) {
      const x = key(a);
      const y = key(b);
      if (x === null || y === null) {
        if (x === y) continue;
        return x === null ? sign : -sign;
      }
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return numberOfKey(a) - numberOfKey(b);
  };
}

/**
 * Compiles a JQL query for the stored issues.
 * @param bounded refuse a query without a restriction (as /search/jql does); the agile endpoints do not.
 */
export function compileSearch(jql: string, env: SearchEnvironment, bounded: boolean): CompileResult {
  const parsed = parseJql(jql);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  return compileQuery(parsed.query, env, bounded);
}

/** Compiles a parsed query (the search route's, once the app's JQL functions are replaced by their fragments). */
export function compileQuery(query: JqlQuery, env: SearchEnvironment, bounded: boolean): CompileResult {
  const parsed = { query };
  if (bounded && parsed.query.where === null) {
    return {
      ok: false,
      message: 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    };
  }
  try {
    const where = parsed.query.where;
    const matches = where === null ? () => true : compileClause(where, env);
    return { ok: true, search: { matches, compare: compileOrder(parsed.query.orderBy) } };
  } catch (error) {
    if (error instanceof SearchError) return { ok: false, message: error.message };
    throw error;
  }
}
