// Jira Software REST API: a project's scrum board (GET /rest/agile/1.0/board?projectKeyOrId=&type=scrum), a board by
// id, its configuration (estimation and rank fields) and its sprints in some states ("Get all sprints", pages of 50).
import { z } from 'zod';
import type { Board, BoardConfiguration, BoardDetails, JiraTransport, SprintBean, SprintState } from '../app/ports';
import { expectOk, parseOrFail } from './jira-reply';

const boardListSchema = z.looseObject({
  values: z
    .array(z.looseObject({ id: z.number(), name: z.string().default(''), type: z.string().optional() }))
    .default([]),
});
const boardSchema = z.looseObject({
  id: z.number(),
  name: z.string().default(''),
  location: z.looseObject({ projectKey: z.string().optional() }).optional(),
});
const configurationSchema = z.record(z.string(), z.unknown());
const boardFieldsSchema = z.looseObject({
  estimation: z.looseObject({ field: z.looseObject({ fieldId: z.string().min(1) }).optional() }).optional(),
  ranking: z.looseObject({ rankCustomFieldId: z.number().int().optional() }).optional(),
});
const sprintPageSchema = z.looseObject({
  values: z
    .array(z.looseObject({ id: z.number(), state: z.string().optional(), startDate: z.string().optional() }))
    .default([]),
  isLast: z.boolean().optional(),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
});

export const readScrumBoardOf = async (jira: JiraTransport, projectKey: string): Promise<Board | null> => {
  const reply = await jira.request(
    'app',
    'GET',
    `/rest/agile/1.0/board?projectKeyOrId=${encodeURIComponent(projectKey)}&type=scrum`,
  );
  if (reply.status === 404) return null;
  expectOk('GET /rest/agile/1.0/board', reply.status, reply.body);
  const board = parseOrFail('GET /rest/agile/1.0/board', boardListSchema, reply.body).values[0];
  return board ? { id: board.id, name: board.name } : null;
};

/** The board, or null when Jira has none by that id (only a 404: a 401/403 is Jira refusing the app, said as such). */
export const readBoard = async (jira: JiraTransport, boardId: number): Promise<BoardDetails | null> => {
  const reply = await jira.request('app', 'GET', `/rest/agile/1.0/board/${boardId}`);
  if (reply.status === 404) return null;
  expectOk(`GET /rest/agile/1.0/board/${boardId}`, reply.status, reply.body);
  const board = reply.status === 200 ? boardSchema.safeParse(reply.body) : null;
  if (!board?.success) return null;
  return { id: board.data.id, name: board.data.name, projectKey: board.data.location?.projectKey ?? null };
};

export const readBoardConfiguration = async (jira: JiraTransport, boardId: number): Promise<BoardConfiguration> => {
  const what = `GET /rest/agile/1.0/board/${boardId}/configuration`;
  const reply = await jira.request('app', 'GET', `/rest/agile/1.0/board/${boardId}/configuration`);
  expectOk(what, reply.status, reply.body);
  const document = parseOrFail(what, configurationSchema, reply.body);
  const fields = boardFieldsSchema.safeParse(document);
  return {
    estimationFieldId: fields.success ? (fields.data.estimation?.field?.fieldId ?? null) : null,
    rankCustomFieldId: fields.success ? (fields.data.ranking?.rankCustomFieldId ?? null) : null,
    document,
  };
};

/** The sprints of a board in these states, as agile sprint beans, following the pages. */
export const readBoardSprints = async (
  jira: JiraTransport,
  boardId: number,
  states: readonly SprintState[],
): Promise<SprintBean[]> => {
  const sprints: SprintBean[] = [];
  for (let startAt = 0; ;) {
    const reply = await jira.request(
      'app',
      'GET',
      `/rest/agile/1.0/board/${boardId}/sprint?startAt=${startAt}&maxResults=50&state=${states.join(',')}`,
    );
    expectOk('GET /rest/agile/1.0/board/{id}/sprint', reply.status, reply.body);
    const page = parseOrFail('GET /rest/agile/1.0/board/{id}/sprint', sprintPageSchema, reply.body);
    sprints.push(...page.values);
    if (page.isLast !== false || page.values.length === 0) return sprints;
    startAt += page.values.length;
  }
};
