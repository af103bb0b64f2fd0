// The app's fields: PUT /rest/api/3/app/field/{field}/value and POST /rest/api/3/app/field/value (only the app that
// provides a custom field writes it; all or nothing; one history and one event per changed issue).
import { z } from 'zod';
import { parseJiraInstant } from '../../../src/jira/jira-instant';
import { fieldByIdOrKey, type FieldDef } from '../catalog';
import { badBody, boolParam, jiraError, noContent } from '../http';
import { formatJiraDateTime } from '../jira-beans';
import type { ChangeItem, StoredIssue } from '../local-jira-state';
import { textChangeItem } from '../seed-demo';
import type { JiraResponse } from '../types';
import type { Actor, LocalJiraSite, RouteContext } from './site';

const hasValue = (update: { value?: unknown }): boolean => update.value !== undefined;
const VALUE_REQUIRED = { message: 'value is required (null clears the field)', path: ['value'] };

const appFieldValueSchema = z.strictObject({
  updates: z
    .array(
      z
        .strictObject({ issueIds: z.array(z.number().int().min(1)).min(1), value: z.unknown().optional() })
        .refine(hasValue, VALUE_REQUIRED),
    )
    .min(1),
});

const appFieldValuesSchema = z.strictObject({
  updates: z
    .array(
      z
        .strictObject({
          customField: z.string().min(1),
          issueIds: z.array(z.number().int().min(1)).min(1),
          value: z.unknown().optional(),
        })
        .refine(hasValue, VALUE_REQUIRED),
    )
    .min(1),
});

/** A value for one of the app's fields, in its stored form, or what is wrong with it. */
function appValue(
  field: FieldDef,
  value: unknown,
): { readonly ok: true; readonly value: string | null } | { readonly ok: false; readonly message: string } {
  if (value === null) return { ok: true, value: null };
  if (field.kind === 'datetime') {
    const ms = parseJiraInstant(value);
    if (ms === null)
      return { ok: false, message: `expected a date-time with an offset for ${field.id} (${field.name}), or null` };
    // Milliseconds are ignored, as Jira's documentation says.
    return { ok: true, value: formatJiraDateTime(Math.floor(ms / 1000) * 1000) };
  }
  if (typeof value !== 'string')
    return { ok: false, message: `expected a string for ${field.id} (${field.name}), or null` };
  return { ok: true, value: value === '' ? null : value };
}

function appFieldOwner(
  actor: Actor,
  ref: string,
): { readonly ok: true; readonly field: FieldDef } | { readonly ok: false; readonly response: JiraResponse } {
  const field = fieldByIdOrKey(ref);
  if (field === undefined || !field.custom)
    return { ok: false, response: jiraError(404, [`The custom field ${ref} was not found.`]) };
  if (actor.kind !== 'app') {
    return {
      ok: false,
      response: jiraError(403, [
        'Only the app that provides the custom field can update its value; call this as the app (asApp()).',
      ]),
    };
  }
  if (field.appModuleKey === undefined)
    return {
      ok: false,
      response: jiraError(403, [`The custom field ${field.id} (${field.name}) is not provided by this app.`]),
    };
  return { ok: true, field };
}

export function putAppFieldValue(site: LocalJiraSite, { actor, params, query, body }: RouteContext): JiraResponse {
  const owner = appFieldOwner(actor, params['fieldIdOrKey'] ?? '');
  if (!owner.ok) return owner.response;
  const generateChangelog = boolParam(query, 'generateChangelog', true);
  if (!generateChangelog.ok) return generateChangelog.response;
  const parsed = appFieldValueSchema.safeParse(body ?? {});
  if (!parsed.success) return badBody(parsed.error);
  return writeAppValues(
    site,
    parsed.data.updates.map((u) => ({ field: owner.field, issueIds: u.issueIds, value: u.value })),
    generateChangelog.value,
    actor,
  );
}

export function postAppFieldValues(site: LocalJiraSite, { actor, query, body }: RouteContext): JiraResponse {
  const generateChangelog = boolParam(query, 'generateChangelog', true);
  if (!generateChangelog.ok) return generateChangelog.response;
  const parsed = appFieldValuesSchema.safeParse(body ?? {});
  if (!parsed.success) return badBody(parsed.error);
  const writes: { field: FieldDef; issueIds: readonly number[]; value: unknown }[] = [];
  for (const update of parsed.data.updates) {
    const owner = appFieldOwner(actor, update.customField);
    if (!owner.ok) return owner.response;
    writes.push({ field: owner.field, issueIds: update.issueIds, value: update.value });
  }
  return writeAppValues(site, writes, generateChangelog.value, actor);
}

/** Checks every write first (all or nothing), then stores; one history and one event per changed issue. */
function writeAppValues(
  site: LocalJiraSite,
  writes: readonly { field: FieldDef; issueIds: readonly number[]; value: unknown }[],
  generateChangelog: boolean,
  actor: Actor,
): JiraResponse {
  const checked: { field: FieldDef; issues: StoredIssue[]; value: string | null }[] = [];
  for (const [u, write] of writes.entries()) {
    const value = appValue(write.field, write.value);
    if (!value.ok) return jiraError(400, [`updates[${u}].value: ${value.message}`]);
    const issues: StoredIssue[] = [];
    for (const [n, id] of write.issueIds.entries()) {
      const issue = site.state.issues.find((i) => i.id === String(id));
      if (issue === undefined)
        return jiraError(400, [`updates[${u}].issueIds[${n}]: issue ${id} does not exist (issue ids, not keys).`]);
      issues.push(issue);
    }
    checked.push({ field: write.field, issues, value: value.value });
  }
  const changes = new Map<StoredIssue, ChangeItem[]>();
  for (const { field, issues, value } of checked) {
    for (const issue of issues) {
      const from = issue.appValues[field.id] ?? null;
      if (from === value) continue;
      issue.appValues[field.id] = value;
      site.written(issue);
      changes.set(issue, [...(changes.get(issue) ?? []), textChangeItem(field.name, field.id, from, value)]);
    }
  }
  if (generateChangelog) {
    for (const [issue, items] of changes) {
      site.addHistory(issue, site.changeTime(issue), actor, items);
      site.emitIssue('avi:jira:updated:issue', issue, actor, items);
    }
  }
  return noContent();
}
