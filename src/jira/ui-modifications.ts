// The "UI modifications (apps)" REST group (issue 10, D5): GET/POST /rest/api/3/uiModifications, PUT/DELETE
// /rest/api/3/uiModifications/{uiModificationId}, as the app (a Forge app reads and changes only its own), and the
// project id a context names.
import { z } from 'zod';
import type { JiraTransport, UiModification, UiModificationInput } from '../app/ports';
import { expectOk, parseOrFail } from './jira-reply';
import { searchPage } from './search-issues';

const contextSchema = z.looseObject({
  projectId: z.string().nullable().optional(),
  issueTypeId: z.string().nullable().optional(),
  viewType: z.string(),
});
const pageSchema = z.looseObject({
  isLast: z.boolean().optional(),
  total: z.number().int().optional(),
  values: z
    .array(
      z.looseObject({
        id: z.string(),
        name: z.string(),
        data: z.string().optional(),
        contexts: z.array(contextSchema).default([]),
      }),
    )
    .default([]),
});
const createdSchema = z.looseObject({ id: z.string() });
const projectFieldSchema = z.looseObject({ id: z.union([z.string(), z.number()]) });

const PAGE = 50;

/** Every UI modification of the app (pages followed), with its contexts and data. */
export const listUiModifications = async (jira: JiraTransport): Promise<UiModification[]> => {
  const found: UiModification[] = [];
  for (let startAt = 0; startAt < 10_000; startAt += PAGE) {
    const what = 'GET /rest/api/3/uiModifications';
    const reply = await jira.request(
      'app',
      'GET',
      `/rest/api/3/uiModifications?expand=contexts,data&startAt=${startAt}&maxResults=${PAGE}`,
    );
    expectOk(what, reply.status, reply.body);
    const page = parseOrFail(what, pageSchema, reply.body);
    for (const v of page.values) {
      found.push({
        id: v.id,
        name: v.name,
        data: v.data ?? null,
        contexts: v.contexts.map((c) => ({
          projectId: c.projectId ?? null,
          issueTypeId: c.issueTypeId ?? null,
          viewType: c.viewType,
        })),
      });
    }
    if (page.isLast !== false || page.values.length === 0) break;
  }
  return found;
};

export const createUiModification = async (jira: JiraTransport, input: UiModificationInput): Promise<string> => {
  const what = 'POST /rest/api/3/uiModifications';
  const reply = await jira.request('app', 'POST', '/rest/api/3/uiModifications', input);
  expectOk(what, reply.status, reply.body);
  return parseOrFail(what, createdSchema, reply.body).id;
};

export const updateUiModification = async (
  jira: JiraTransport,
  id: string,
  input: UiModificationInput,
): Promise<void> => {
  const reply = await jira.request('app', 'PUT', `/rest/api/3/uiModifications/${encodeURIComponent(id)}`, input);
  expectOk('PUT /rest/api/3/uiModifications/{id}', reply.status, reply.body);
};

/** Removes one; an id Jira no longer knows (404) is already gone. */
export const deleteUiModification = async (jira: JiraTransport, id: string): Promise<void> => {
  const reply = await jira.request('app', 'DELETE', `/rest/api/3/uiModifications/${encodeURIComponent(id)}`);
  if (reply.status === 404) return;
  expectOk('DELETE /rest/api/3/uiModifications/{id}', reply.status, reply.body);
};

/**
 * A project's id by key, read from one of its issues (`fields.project.id` of a one-issue search page, a route the app
 * already uses); null when the project has no issue the app can see yet (the next settings save registers it).
 */
export const readProjectId = async (jira: JiraTransport, projectKey: string): Promise<string | null> => {
  const jql = `project = "${projectKey.replace(/["\\]/g, '')}"`;
  const page = await searchPage(jira, 'app', { jql, fields: ['project'], maxResults: 1 });
  const project = projectFieldSchema.safeParse(page.issues[0]?.fields?.['project']);
  return project.success ? String(project.data.id) : null;
};
