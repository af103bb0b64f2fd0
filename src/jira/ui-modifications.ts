// The "UI modifications (apps)" REST group (issue 10, D5): GET/POST /rest/api/3/uiModifications, PUT/DELETE
// /rest/api/3/uiModifications/{uiModificationId}, as the app (a Forge app reads and changes only its own), and
// GET /rest/api/3/project/{projectIdOrKey} for the project id a context names.
import { z } from 'zod';
import type { JiraTransport, UiModification, UiModificationInput } from '../app/ports';
import { expectOk, parseOrFail } from './jira-reply';

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
const projectSchema = z.looseObject({ id: z.union([z.string(), z.number()]) });

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

/** A project's id by key; null when Jira does not know it (404). */
export const readProjectId = async (jira: JiraTransport, projectKey: string): Promise<string | null> => {
  const reply = await jira.request('app', 'GET', `/rest/api/3/project/${encodeURIComponent(projectKey)}`);
  if (reply.status === 404) return null;
  expectOk('GET /rest/api/3/project/{key}', reply.status, reply.body);
  return String(parseOrFail('GET /rest/api/3/project/{key}', projectSchema, reply.body).id);
};
