// Issue entity properties (issue 10): GET /rest/api/3/issue/{issueIdOrKey}/properties and GET/PUT/DELETE
// …/properties/{propertyKey}, stored in StoredIssue.properties. Limits from the platform's OpenAPI description
// ("Set issue property": "The key of the issue property. The maximum length is 255 characters."; "The value of the
// request body must be a valid, non-empty JSON blob. The maximum length is 32768 characters.") and the "Entity
// properties" guide ("key has a maximum length of 255 characters. value must be a valid JSON Object and have a
// maximum size of 32 KB"). A property write is not an issue edit: no changelog, no `updated`, no issue event; it
// does reach the search index with the same lag as a field write (LocalJiraSite.written).
import { ISSUE_NOT_FOUND, jiraError, json, noContent } from '../http';
import type { StoredIssue } from '../local-jira-state';
import type { JiraResponse } from '../types';
import { issueSelf, type LocalJiraSite, type RouteContext } from './site';

export const PROPERTY_KEY_MAX = 255;
export const PROPERTY_VALUE_MAX = 32_768;

const propertySelf = (issue: StoredIssue, key: string): string =>
  `${issueSelf(issue)}/properties/${encodeURIComponent(key)}`;

const propertyNotFound = (key: string, issue: StoredIssue): JiraResponse =>
  jiraError(404, [`The property with key '${key}' does not exist for the issue ${issue.key}.`]);

export function listIssueProperties(site: LocalJiraSite, { actor, params }: RouteContext): JiraResponse {
  const issue = site.findIssue(actor, params['issueIdOrKey'] ?? '');
  if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
  const keys = Object.keys(issue.properties ?? {}).map((key) => ({ key, self: propertySelf(issue, key) }));
  return json(200, { keys });
}

export function getIssueProperty(site: LocalJiraSite, { actor, params }: RouteContext): JiraResponse {
  const issue = site.findIssue(actor, params['issueIdOrKey'] ?? '');
  if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
  const key = params['propertyKey'] ?? '';
  const properties = issue.properties ?? {};
  if (!Object.hasOwn(properties, key)) return propertyNotFound(key, issue);
  return json(200, { key, value: structuredClone(properties[key]) });
}

export function putIssueProperty(site: LocalJiraSite, { actor, params, body }: RouteContext): JiraResponse {
  const issue = site.findIssue(actor, params['issueIdOrKey'] ?? '');
  if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
  const key = params['propertyKey'] ?? '';
  if (key.length === 0 || key.length > PROPERTY_KEY_MAX)
    return jiraError(400, [`The property key must be between 1 and ${PROPERTY_KEY_MAX} characters long.`]);
  if (body === undefined || body === null)
    return jiraError(400, ['The property value must be a valid, non-empty JSON value.']);
  const text = JSON.stringify(body);
  if (Buffer.byteLength(text, 'utf8') > PROPERTY_VALUE_MAX)
    return jiraError(400, [`The property value exceeds the maximum length of ${PROPERTY_VALUE_MAX} characters.`]);
  const properties = issue.properties ?? {};
  const created = !Object.hasOwn(properties, key);
  issue.properties = { ...properties, [key]: JSON.parse(text) as unknown };
  site.written(issue);
  // The OpenAPI's 200 and 201 have an empty schema: Jira answers with an empty body.
  return json(created ? 201 : 200, {});
}

export function deleteIssueProperty(site: LocalJiraSite, { actor, params }: RouteContext): JiraResponse {
  const issue = site.findIssue(actor, params['issueIdOrKey'] ?? '');
  if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
  const key = params['propertyKey'] ?? '';
  const properties = issue.properties ?? {};
  if (!Object.hasOwn(properties, key)) return propertyNotFound(key, issue);
  const rest = { ...properties };
  delete rest[key];
  issue.properties = rest;
  if (Object.keys(rest).length === 0) delete issue.properties;
  site.written(issue);
  return noContent();
}
