// GET /rest/api/3/user/groups (a user's groups, asked as the app: group rules are checked server side) and
// GET /rest/api/3/groups/picker (groups matching a query, for the validators' configuration).
import { z } from 'zod';
import type { JiraTransport } from '../app/ports';
import { expectOk, parseOrFail } from './jira-reply';

const groupsSchema = z.array(z.looseObject({ name: z.string() }));
const groupPickerSchema = z.looseObject({ groups: z.array(z.looseObject({ name: z.string() })).default([]) });

/** The names of the user's groups; none when Jira does not know the user (404). */
export const readGroupsOf = async (jira: JiraTransport, accountId: string): Promise<string[]> => {
  const reply = await jira.request('app', 'GET', `/rest/api/3/user/groups?accountId=${encodeURIComponent(accountId)}`);
  if (reply.status === 404) return [];
  expectOk('GET /rest/api/3/user/groups', reply.status, reply.body);
  return parseOrFail('GET /rest/api/3/user/groups', groupsSchema, reply.body).map((g) => g.name);
};

export const findGroups = async (jira: JiraTransport, query: string): Promise<string[]> => {
  const reply = await jira.request(
    'app',
    'GET',
    `/rest/api/3/groups/picker?query=${encodeURIComponent(query)}&maxResults=50`,
  );
  expectOk('GET /rest/api/3/groups/picker', reply.status, reply.body);
  return parseOrFail('GET /rest/api/3/groups/picker', groupPickerSchema, reply.body).groups.map((g) => g.name);
};
