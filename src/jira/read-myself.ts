// GET /rest/api/3/myself, as the invoking user: the name Jira shows that user. Only a name to display: any other
// answer is "no name", never an error.
import { z } from 'zod';
import type { JiraTransport } from '../app/ports';

const myselfSchema = z.looseObject({ displayName: z.string().optional() });

export const readMyselfDisplayName = async (jira: JiraTransport): Promise<string | null> => {
  const reply = await jira.request('user', 'GET', '/rest/api/3/myself');
  const parsed = reply.status === 200 ? myselfSchema.safeParse(reply.body) : null;
  return parsed?.success ? (parsed.data.displayName ?? null) : null;
};
