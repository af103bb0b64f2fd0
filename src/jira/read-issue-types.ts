// GET /rest/api/3/issuetype ("Get all issue types for user"): the site's issue types.
import { z } from 'zod';
import type { IssueType, JiraTransport } from '../app/ports';
import { expectOk, parseOrFail } from './jira-reply';

const WHAT = 'GET /rest/api/3/issuetype';
const issueTypeListSchema = z.array(
  z.looseObject({ id: z.union([z.string(), z.number()]).optional(), name: z.string() }),
);

export const readIssueTypes = async (jira: JiraTransport): Promise<IssueType[]> => {
  const reply = await jira.request('app', 'GET', '/rest/api/3/issuetype');
  expectOk(WHAT, reply.status, reply.body);
  return parseOrFail(WHAT, issueTypeListSchema, reply.body).map((t) => ({
    id: t.id === undefined ? null : String(t.id),
    name: t.name,
  }));
};
