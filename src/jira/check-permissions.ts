// GET /rest/api/3/mypermissions ("Get my permissions"), as the invoking user: which of these permissions they hold,
// globally or in a project or on an issue. A 404 (no such project or issue for them) holds none.
import { z } from 'zod';
import type { JiraTransport, PermissionScope } from '../app/ports';
import { expectOk, parseOrFail } from './jira-reply';

const WHAT = 'GET /rest/api/3/mypermissions';
const permissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

export const checkPermissions = async (
  jira: JiraTransport,
  permissions: readonly string[],
  scope: PermissionScope = {},
): Promise<ReadonlySet<string>> => {
  const query = new URLSearchParams({ permissions: permissions.join(',') });
  if (scope.projectKey) query.set('projectKey', scope.projectKey);
  if (scope.issueKey) query.set('issueKey', scope.issueKey);
  const reply = await jira.request('user', 'GET', `/rest/api/3/mypermissions?${query.toString()}`);
  if (reply.status === 404) return new Set();
  expectOk(WHAT, reply.status, reply.body);
  const held = parseOrFail(WHAT, permissionsSchema, reply.body).permissions;
  return new Set(permissions.filter((p) => held[p]?.havePermission === true));
};
