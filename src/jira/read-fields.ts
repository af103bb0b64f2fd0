// GET /rest/api/3/field ("Get fields"): the site's fields, with each one's schema.custom (a Forge field's extension
// ARI) and key.
import { z } from 'zod';
import type { FieldInfo, JiraTransport } from '../app/ports';
import { expectOk, parseOrFail } from './jira-reply';

const WHAT = 'GET /rest/api/3/field';

const fieldListSchema = z.array(
  z.looseObject({
    id: z.string(),
    name: z.string(),
    key: z.string().optional(),
    schema: z.looseObject({ custom: z.string().optional(), type: z.string().optional() }).optional(),
  }),
);

export const readFields = async (jira: JiraTransport): Promise<FieldInfo[]> => {
  const reply = await jira.request('app', 'GET', '/rest/api/3/field');
  expectOk(WHAT, reply.status, reply.body);
  return parseOrFail(WHAT, fieldListSchema, reply.body).map((f) => ({
    id: f.id,
    name: f.name,
    custom: f.schema?.custom ?? null,
    ...(f.key === undefined ? {} : { key: f.key }),
  }));
};
