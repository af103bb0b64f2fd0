// Fields and issue types: GET /rest/api/3/field and /rest/api/3/issuetype (the site's catalog, constant).
import { FIELDS, ISSUE_TYPE_NAMES } from '../catalog';
import { json } from '../http';
import { issueTypeBean } from '../jira-beans';
import type { JiraResponse } from '../types';

export function getFields(): JiraResponse {
  return json(
    200,
    FIELDS.map((f) => ({
      id: f.id,
      key: f.key,
      name: f.name,
      custom: f.custom,
      orderable: f.orderable,
      navigable: f.navigable,
      searchable: f.searchable,
      clauseNames: [...f.clauseNames],
      schema: { ...f.schema },
    })),
  );
}

export function issueTypes(): JiraResponse {
  return json(
    200,
    ISSUE_TYPE_NAMES.map((name) => ({ ...issueTypeBean(name) })),
  );
}
