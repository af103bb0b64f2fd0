// UI modifications (issue 10, D5): the "UI modifications (apps)" REST group, GET/POST /rest/api/3/uiModifications and
// PUT/DELETE /rest/api/3/uiModifications/{uiModificationId}, for the app that registers them (a Forge app sees and
// changes only its own).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { JIRA_SITE } from '../jira-beans';
import { badBody, jiraError, json, noContent } from '../http';
import type { StoredUiModification } from '../local-jira-state';
import type { JiraResponse } from '../types';
import type { LocalJiraSite, RouteContext } from './site';

/** The view types of a context ("UiModificationContextDetails" in the OpenAPI description). */
export const UI_MODIFICATION_VIEW_TYPES = ['GIC', 'IssueView', 'IssueTransition', 'JSMRequestCreate'] as const;

const contextSchema = z.looseObject({
  projectId: z.string().nullable().optional(),
  issueTypeId: z.string().nullable().optional(),
  viewType: z.enum(UI_MODIFICATION_VIEW_TYPES),
});
// Limits from the OpenAPI description: name and description 255 characters, data 50,000, at most 1,000 contexts.
const createSchema = z.strictObject({
  name: z.string().min(1).max(255),
  description: z.string().max(255).optional(),
  data: z.string().max(50_000).optional(),
  contexts: z.array(contextSchema).max(1000).optional(),
});
const updateSchema = createSchema.partial();

const selfOf = (id: string): string => `${JIRA_SITE}/rest/api/3/uiModifications/${id}`;
const FORGE_APPS_ONLY = 'Only Forge apps can access UI modifications.';

const store = (site: LocalJiraSite): StoredUiModification[] => {
  site.state.uiModifications ??= [];
  return site.state.uiModifications;
};

const contextsOf = (contexts: readonly z.infer<typeof contextSchema>[]): StoredUiModification['contexts'] => {
  const wildcards = contexts.filter((c) => (c.projectId ?? null) === null || (c.issueTypeId ?? null) === null);
  if (wildcards.length > 1) throw new RangeError('Each UI modification can have at most one wildcard context.');
  return contexts.map((c) => ({
    id: randomUUID(),
    projectId: c.projectId ?? null,
    issueTypeId: c.issueTypeId ?? null,
    viewType: c.viewType,
  }));
};

/** The stored modification as GET answers it (`expand=contexts,data` adds those). */
const detailsOf = (m: StoredUiModification, expand: readonly string[]): Record<string, unknown> => ({
  id: m.id,
  name: m.name,
  self: selfOf(m.id),
  ...(m.description === undefined ? {} : { description: m.description }),
  ...(expand.includes('data') && m.data !== undefined ? { data: m.data } : {}),
  ...(expand.includes('contexts') ? { contexts: m.contexts.map((c) => ({ ...c, isAvailable: true })) } : {}),
});

export function listUiModifications(site: LocalJiraSite, { actor, query }: RouteContext): JiraResponse {
  if (actor.kind !== 'app') return jiraError(403, [FORGE_APPS_ONLY]);
  const startAt = Math.max(0, Number(query.get('startAt') ?? '0') || 0);
  const maxResults = Math.min(100, Math.max(1, Number(query.get('maxResults') ?? '50') || 50));
  const expand = (query.get('expand') ?? '').split(',').map((e) => e.trim());
  const all = store(site);
  const values = all.slice(startAt, startAt + maxResults).map((m) => detailsOf(m, expand));
  return json(200, { startAt, maxResults, total: all.length, isLast: startAt + values.length >= all.length, values });
}

export function createUiModification(site: LocalJiraSite, { actor, body }: RouteContext): JiraResponse {
  if (actor.kind !== 'app') return jiraError(403, [FORGE_APPS_ONLY]);
  const parsed = createSchema.safeParse(body ?? {});
  if (!parsed.success) return badBody(parsed.error);
  let contexts: StoredUiModification['contexts'];
  try {
    contexts = contextsOf(parsed.data.contexts ?? []);
  } catch (error) {
    return jiraError(400, [error instanceof Error ? error.message : String(error)]);
  }
  const id = randomUUID();
  store(site).push({
    id,
    name: parsed.data.name,
    ...(parsed.data.description === undefined ? {} : { description: parsed.data.description }),
    ...(parsed.data.data === undefined ? {} : { data: parsed.data.data }),
    contexts,
  });
  return json(201, { id, self: selfOf(id) });
}

export function updateUiModification(site: LocalJiraSite, { actor, params, body }: RouteContext): JiraResponse {
  if (actor.kind !== 'app') return jiraError(403, [FORGE_APPS_ONLY]);
  const found = store(site).find((m) => m.id === params['uiModificationId']);
  if (found === undefined) return jiraError(404, ['The UI modification was not found.']);
  const parsed = updateSchema.safeParse(body ?? {});
  if (!parsed.success) return badBody(parsed.error);
  try {
    if (parsed.data.contexts !== undefined) found.contexts = contextsOf(parsed.data.contexts);
  } catch (error) {
    return jiraError(400, [error instanceof Error ? error.message : String(error)]);
  }
  if (parsed.data.name !== undefined) found.name = parsed.data.name;
  if (parsed.data.description !== undefined) found.description = parsed.data.description;
  if (parsed.data.data !== undefined) found.data = parsed.data.data;
  return noContent();
}

export function deleteUiModification(site: LocalJiraSite, { actor, params }: RouteContext): JiraResponse {
  if (actor.kind !== 'app') return jiraError(403, [FORGE_APPS_ONLY]);
  const all = store(site);
  const index = all.findIndex((m) => m.id === params['uiModificationId']);
  if (index < 0) return jiraError(404, ['The UI modification was not found.']);
  all.splice(index, 1);
  return noContent();
}
