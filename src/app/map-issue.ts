// A Jira issue record → the domain's facts: kind, severity and service-level histories, status history, environment,
// affected versions. Custom fields are found by id or by name (the export's `names`, or the changelog's field
// names), never by a hard-coded id; values may be strings or option objects ({"value": "Bloquante"}).
import type { AffectedVersion } from '../domain/anomaly/classify-anomaly';
import type { Warning } from '../domain/result';
import type { ClockFacts, ValueHistory } from '../domain/sla/sla-clock';
import {
  readEnvironment,
  readServiceLevel,
  readSeverity,
  severityNames,
  type Environment,
  type IssueKind,
  type ServiceLevel,
  type Severity,
} from '../domain/sla/vocabulary';
import { foldName } from '../domain/text';
import { isRecord } from '../domain/is-record';
import { resolveField, type FieldRef } from './resolve-field';
import type { FieldRefs, Settings } from './settings/parse-settings';
import { kindOfIssueType } from './settings/parse-settings';
import type { ChangeItem, JiraIssueRecord, JiraVersion } from '../jira/jira-export';
import { parseJiraInstant } from '../jira/jira-instant';

export type { FieldRef } from './resolve-field';
export type ResolvedFields = { readonly [K in keyof FieldRefs]: FieldRef | null };

/**
 * Finds each configured field: a reference that is a field id (a key of `names`, or `customfield_…`) is taken as
 * it is; otherwise it is a name, looked up in `names` ignoring case and accents.
 */
export const resolveFields = (refs: FieldRefs, names: Readonly<Record<string, string>>): ResolvedFields => {
  // Not found, the reference is kept as id and name: it still matches changelog items, and `fields` by itself.
  const resolve = (ref: string): FieldRef | null => {
    const { id, name } = resolveField(ref, names);
    return { id, name };
  };
  return {
    severity: resolve(refs.severity),
    environment: resolve(refs.environment),
    serviceLevel: resolve(refs.serviceLevel),
    incidentStart: resolve(refs.incidentStart),
  };
};

/** The text of a field value: a string, or an option/named object's value or name. */
export const fieldText = (value: unknown): string | null => {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (Array.isArray(value)) return fieldText(value[0]);
  if (isRecord(value)) {
    for (const key of ['value', 'name']) {
      const text = value[key];
      if (typeof text === 'string') return text;
    }
  }
  return null;
};

const itemMatches = (item: ChangeItem, ref: FieldRef): boolean =>
  item.fieldId === ref.id || foldName(item.field) === foldName(ref.name) || item.field === ref.id;

type FieldHistory = {
  readonly initialText: string | null;
  readonly changes: readonly { atMs: number; fromText: string | null; toText: string | null }[];
};

/** A field's value over time from the changelog, falling back to the current value when it never changed. */
const fieldHistory = (
  issue: JiraIssueRecord,
  ref: FieldRef | null,
  matches: (item: ChangeItem) => boolean,
): FieldHistory => {
  const currentText = ref === null ? null : fieldText(issue.fields[ref.id]);
  const changes: { atMs: number; fromText: string | null; toText: string | null }[] = [];
  for (const history of issue.histories) {
    for (const item of history.items)
      if (matches(item))
        changes.push({ atMs: history.atMs, fromText: item.fromString ?? null, toText: item.toString ?? null });
  }
  const first = changes[0];
  return { initialText: first === undefined ? currentText : first.fromText, changes };
};

const valueHistory = <T extends string>(history: FieldHistory, read: (text: string) => T | null): ValueHistory<T> => ({
  initial: history.initialText === null ? null : read(history.initialText),
  changes: history.changes.map((c) => ({
    atMs: c.atMs,
    from: c.fromText === null ? null : read(c.fromText),
    to: c.toText === null ? null : read(c.toText),
    fromText: c.fromText,
    toText: c.toText,
  })),
});

export type MappedIssue = {
  readonly key: string;
  readonly kind: IssueKind | null;
  readonly facts: ClockFacts | null;
  readonly environment: Environment | null;
  readonly affectedVersions: readonly AffectedVersion[];
  readonly warnings: readonly Warning[];
};

const statusName = (fields: Readonly<Record<string, unknown>>): string | null => fieldText(fields.status);

/** Maps an issue; an issue type outside the contract maps to kind null (no clocks) with a warning. */
export const mapIssue = (
  issue: JiraIssueRecord,
  settings: Settings,
  fields: ResolvedFields,
  versions: readonly JiraVersion[],
): MappedIssue => {
  const warnings: Warning[] = [];
  const issueType = fieldText(issue.fields.issuetype);
  const kind = issueType === null ? null : kindOfIssueType(settings, issueType);
  const base = { key: issue.key, kind, environment: null, affectedVersions: [] };
  if (kind === null) {
    return {
      ...base,
      facts: null,
      warnings: [
        {
          code: 'NOT_A_CONTRACT_ISSUE_TYPE',
          message: `issue type "${issueType ?? '?'}" is not one of the contract's kinds (settings issueTypes): no clocks`,
        },
      ],
    };
  }
  if (issue.historiesTruncated) {
    warnings.push({
      code: 'CHANGELOG_TRUNCATED',
      message:
        'the embedded changelog is truncated (expand=changelog stops at 100 histories): add the bulkfetch changelogs to the export for exact figures',
    });
  }

  const statusItems = {
    initialText: issue.statusChanges[0]?.item.fromString ?? null,
    changes: issue.statusChanges.map(({ atMs, item }) => ({
      atMs,
      fromText: item.fromString ?? null,
      toText: item.toString ?? null,
    })),
  };
  const currentStatus = statusName(issue.fields) ?? 'unknown';
  let chainBroken = false;
  let previous = statusItems.initialText ?? currentStatus;
  for (const change of statusItems.changes) {
    if (change.fromText !== null && foldName(change.fromText) !== foldName(previous)) chainBroken = true;
    previous = change.toText ?? previous;
  }
  if (chainBroken)
    warnings.push({
      code: 'STATUS_CHAIN_BROKEN',
      message: 'a status change starts from another status than the one before it: the changelog has gaps',
    });

  const severityHistory = fieldHistory(
    issue,
    fields.severity,
    (item) => fields.severity !== null && itemMatches(item, fields.severity),
  );
  const unknownSeverities = [severityHistory.initialText, ...severityHistory.changes.map((c) => c.toText)].filter(
    (t): t is string => t !== null && readSeverity(kind, t) === null,
  );
  if (unknownSeverities.length > 0) {
    warnings.push({
      code: 'SEVERITY_UNKNOWN',
      message: `severity "${unknownSeverities[0]}" is not on the ${kind} scale (${severityNames(kind)}): read as no severity`,
    });
  }
  const levelHistory = fieldHistory(
    issue,
    fields.serviceLevel,
    (item) => fields.serviceLevel !== null && itemMatches(item, fields.serviceLevel),
  );
  const unknownLevel = [levelHistory.initialText, ...levelHistory.changes.map((c) => c.toText)].find(
    (t) => t !== null && readServiceLevel(t) === null,
  );
  if (kind === 'incident' && unknownLevel)
    warnings.push({
      code: 'SERVICE_LEVEL_UNKNOWN',
      message: `service level "${unknownLevel}" is not OR, ARGENT or BRONZE: read as none`,
    });

  const environmentText = fields.environment === null ? null : fieldText(issue.fields[fields.environment.id]);
  const environment = environmentText === null ? null : readEnvironment(environmentText);
  if (kind === 'anomaly' && environmentText === null)
    warnings.push({
      code: 'ENVIRONMENT_MISSING',
      message: 'the anomaly has no detection environment: its class cannot be decided (D6)',
    });
  if (environmentText !== null && environment === null)
    warnings.push({
      code: 'ENVIRONMENT_UNKNOWN',
      message: `detection environment "${environmentText}" is neither validation (ACC, recette, pré-production) nor production`,
    });

  let incidentStartAtMs: number | null = null;
  if (kind === 'incident' && fields.incidentStart !== null) {
    const raw = issue.fields[fields.incidentStart.id];
    if (raw !== undefined && raw !== null) {
      incidentStartAtMs = parseJiraInstant(raw);
      if (incidentStartAtMs === null)
        warnings.push({
          code: 'INCIDENT_START_INVALID',
          message: `incident start "${String(raw)}" is not a date-time: the clock starts at creation`,
        });
    }
  }

  const versionByName = new Map(versions.map((v) => [v.name, v]));
  const versionById = new Map(versions.flatMap((v) => (v.id === null ? [] : [[v.id, v] as const])));
  const affectedVersions: AffectedVersion[] = (
    Array.isArray(issue.fields.versions) ? issue.fields.versions : []
  ).flatMap((v: unknown) => {
    if (!isRecord(v)) return [];
    const record = v;
    const name = typeof record.name === 'string' ? record.name : null;
    if (name === null) return [];
    const own = typeof record.releaseDate === 'string' ? record.releaseDate : null;
    const id = typeof record.id === 'string' ? record.id : null;
    const known = (id !== null ? versionById.get(id) : undefined) ?? versionByName.get(name);
    const released = typeof record.released === 'boolean' ? record.released : (known?.released ?? null);
    return [{ name, releaseDate: own ?? known?.releaseDate ?? null, released }];
  });

  const facts: ClockFacts = {
    kind,
    createdAtMs: issue.createdAtMs,
    incidentStartAtMs,
    initialStatus: statusItems.initialText ?? currentStatus,
    statusChanges: statusItems.changes.map((c) => ({ atMs: c.atMs, to: c.toText ?? 'unknown' })),
    severity: valueHistory<Severity>(severityHistory, (t) => readSeverity(kind, t)),
    serviceLevel: valueHistory<ServiceLevel>(levelHistory, readServiceLevel),
    environment,
  };
  return { key: issue.key, kind, facts, environment, affectedVersions, warnings };
};
