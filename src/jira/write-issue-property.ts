// PUT and DELETE /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey} (Jira Cloud platform REST API, "Set issue
// property", "Delete issue property"): the app's `contractSla` property (issue 10). Both are idempotent: setting the
// same value again, or deleting a property that is gone, changes nothing (a 404 on delete is "nothing to delete").
import type { JiraTransport } from '../app/ports';
import { expectOk } from './jira-reply';

const pathOf = (issueId: string, key: string): string =>
  `/rest/api/3/issue/${encodeURIComponent(issueId)}/properties/${encodeURIComponent(key)}`;

export const setIssueProperty = async (
  jira: JiraTransport,
  issueId: string,
  key: string,
  value: unknown,
): Promise<void> => {
  const reply = await jira.request('app', 'PUT', pathOf(issueId, key), value);
  expectOk('PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', reply.status, reply.body);
};

/** Deletes the property; false when the issue had none (404). */
export const deleteIssueProperty = async (jira: JiraTransport, issueId: string, key: string): Promise<boolean> => {
  const reply = await jira.request('app', 'DELETE', pathOf(issueId, key));
  if (reply.status === 404) return false;
  expectOk('DELETE /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', reply.status, reply.body);
  return true;
};
