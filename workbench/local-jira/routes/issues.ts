// Issues: GET, PUT (edit) and POST (create) /rest/api/3/issue, and the issue bean the other families also send
// (search, sprint issues).
import { z } from 'zod';
import { isRecord } from '../../../src/domain/is-record';
import { FIELDS, ISSUE_TYPE_NAMES, PROJECT_KEY } from '../catalog';
import { ISSUE_NOT_FOUND, badBody, boolParam, jiraError, json, listParam, noContent } from '../http';
import { applyEdits, editsOf } from '../issue-edits';
import { issueTypeBean } from '../jira-beans';
import type { StoredIssue } from '../local-jira-state';
import {
  ISSUE_EXPAND,
  changelogPage,
  demoUserById,
  issueFields,
  namesOf,
  pickFields,
  schemaOf,
  selectFieldIds,
  type Json,
} from '../render';
import { rankAt } from '../seed-demo';
import type { JiraResponse } from '../types';
import { cloneIssue, issueSelf, isDemat, type LocalJiraSite, type RouteContext } from './site';
import { transitionsJson } from './transitions';

const editBodySchema = z.looseObject({
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.array(z.unknown())).optional(),
});

const createBodySchema = z.looseObject({
  fields: z.record(z.string(), z.unknown()),
  update: z.record(z.string(), z.array(z.unknown())).optional(),
});

export function issueJson(
  site: LocalJiraSite,
  issue: StoredIssue,
  fieldIds: readonly string[],
  expand: readonly string[],
  withNames: boolean,
): Record<string, Json> {
  const bean: Record<string, Json> = {
    expand: ISSUE_EXPAND,
    id: issue.id,
    self: issueSelf(issue),
    key: issue.key,
    fields: pickFields(issueFields(issue, site.state), fieldIds),
  };
  if (expand.includes('changelog')) bean['changelog'] = changelogPage(issue);
  if (withNames && expand.includes('names')) bean['names'] = namesOf(fieldIds);
  if (withNames && expand.includes('schema')) bean['schema'] = schemaOf(fieldIds);
  if (expand.includes('transitions')) bean['transitions'] = transitionsJson(issue);
  return bean;
}

export function getIssue(site: LocalJiraSite, { actor, params, query }: RouteContext): JiraResponse {
  const issue = site.findIssue(actor, params['issueIdOrKey'] ?? '');
  if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
  const fieldIds = selectFieldIds(listParam(query, 'fields') ?? ['*all']);
  return json(200, issueJson(site, issue, fieldIds, listParam(query, 'expand') ?? [], true));
}

export function editIssue(site: LocalJiraSite, { actor, params, query, body }: RouteContext): JiraResponse {
  const issue = site.findIssue(actor, params['issueIdOrKey'] ?? '');
  if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
  const returnIssue = boolParam(query, 'returnIssue', false);
  if (!returnIssue.ok) return returnIssue.response;
  const parsed = editBodySchema.safeParse(body ?? {});
  if (!parsed.success) return badBody(parsed.error);
  const { edits, errors } = editsOf(parsed.data.fields, parsed.data.update);
  if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
  const candidate = cloneIssue(issue);
  const outcome = applyEdits(candidate, edits, site.state);
  if (!outcome.ok) return jiraError(400, [], outcome.errors);
  if (outcome.items.length > 0) {
    site.addHistory(candidate, site.changeTime(issue), actor, outcome.items);
    site.replaceIssue(candidate);
    site.emitIssue('avi:jira:updated:issue', candidate, actor, outcome.items);
  }
  if (returnIssue.value) return json(200, issueJson(site, candidate, selectFieldIds(['*all']), [], false));
  return noContent();
}

export function createIssue(site: LocalJiraSite, { actor, body }: RouteContext): JiraResponse {
  const parsed = createBodySchema.safeParse(body ?? {});
  if (!parsed.success) return badBody(parsed.error);
  const { project, issuetype, reporter, ...rest } = parsed.data.fields;
  const errors: Record<string, string> = {};
  const projectRef = isRecord(project) ? (project['key'] ?? project['id']) : undefined;
  if (typeof projectRef !== 'string' || !isDemat(projectRef) || !site.canBrowse(actor))
    errors['project'] = 'Specify a valid project ID or key';
  const typeRef = isRecord(issuetype) ? (issuetype['id'] ?? issuetype['name']) : undefined;
  const issueType = ISSUE_TYPE_NAMES.find((t) => t === typeRef || issueTypeBean(t).id === typeRef);
  if (issueType === undefined) errors['issuetype'] = 'Specify a valid issue type';
  let reporterId = actor.accountId;
  if (reporter !== undefined) {
    const id = isRecord(reporter) ? reporter['accountId'] : undefined;
    if (typeof id !== 'string' || demoUserById(id) === undefined)
      errors['reporter'] = 'Specify a valid reporter (an accountId of a user of the site)';
    else reporterId = id;
  }
  if (!('summary' in rest)) errors['summary'] = 'You must specify a summary of the issue.';
  if (Object.keys(errors).length > 0 || issueType === undefined) return jiraError(400, [], errors);
  const number = site.state.nextIssueNumber;
  const createdMs = Math.floor(site.now());
  const candidate: StoredIssue = {
    id: String(10000 + number),
    key: `${PROJECT_KEY}-${number}`,
    issueType,
    summary: '',
    status: 'À qualifier',
    createdMs,
    updatedMs: createdMs,
    resolutionMs: null,
    reporterId,
    assigneeId: null,
    versionIds: [],
    fixVersionIds: [],
    sprintIds: [],
    storyPoints: null,
    rank: rankAt(1000 + number), // created issues go to the bottom of the backlog
    appValues: Object.fromEntries(FIELDS.filter((f) => f.appModuleKey !== undefined).map((f) => [f.id, null])),
    histories: [],
  };
  const { edits, errors: updateErrors } = editsOf(rest, parsed.data.update);
  if (Object.keys(updateErrors).length > 0) return jiraError(400, [], updateErrors);
  const outcome = applyEdits(candidate, edits, site.state);
  if (!outcome.ok) return jiraError(400, [], outcome.errors);
  site.state.nextIssueNumber++;
  site.state.issues.push(candidate);
  site.written(candidate);
  site.emitIssue('avi:jira:created:issue', candidate, actor);
  return json(201, { id: candidate.id, key: candidate.key, self: issueSelf(candidate) });
}
