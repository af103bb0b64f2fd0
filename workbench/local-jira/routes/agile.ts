// Agile boards and sprints: GET /rest/agile/1.0/board, /board/{id}, /board/{id}/sprint, /board/{id}/configuration,
// /sprint/{id} and /sprint/{id}/issue.
import {
  JIRA_SITE,
  PROJECT_ID,
  PROJECT_KEY,
  PROJECT_NAME,
  STATUS_NAMES,
  statusBean,
  type StatusName,
} from '../catalog';
import { intParam, jiraError, json, listParam } from '../http';
import { BOARD_ID, type AgileSprint } from '../jira-beans';
import type { StoredIssue } from '../local-jira-state';
import { selectFieldIds, sprintsOf, type Json } from '../render';
import { compileSearch } from '../search-issues';
import type { JiraResponse } from '../types';
import { issueJson } from './issues';
import { isDemat, type Actor, type LocalJiraSite, type RouteContext } from './site';

const boardSelf = (): string => `${JIRA_SITE}/rest/agile/1.0/board/${BOARD_ID}`;

function boardBean(): Record<string, Json> {
  return {
    id: BOARD_ID,
    self: boardSelf(),
    name: 'Tableau DEMAT',
    type: 'scrum',
    location: {
      projectId: PROJECT_ID,
      displayName: `${PROJECT_NAME} (${PROJECT_KEY})`,
      projectName: PROJECT_NAME,
      projectKey: PROJECT_KEY,
      projectTypeKey: 'software',
      avatarURI: `${JIRA_SITE}/secure/projectavatar?size=small&pid=${PROJECT_ID}`,
      name: `${PROJECT_NAME} (${PROJECT_KEY})`,
    },
  };
}

function page(query: URLSearchParams, values: readonly Json[]): JiraResponse {
  const startAt = intParam(query, 'startAt', 0);
  if (!startAt.ok) return startAt.response;
  const maxResults = intParam(query, 'maxResults', 1);
  if (!maxResults.ok) return maxResults.response;
  const from = startAt.value ?? 0;
  const size = maxResults.value ?? 50;
  const slice = values.slice(from, from + size);
  return json(200, {
    maxResults: size,
    startAt: from,
    total: values.length,
    isLast: from + slice.length >= values.length,
    values: slice,
  });
}

export function boards(site: LocalJiraSite, { actor, query }: RouteContext): JiraResponse {
  const project = query.get('projectKeyOrId');
  const types = listParam(query, 'type');
  const name = query.get('name');
  const visible =
    site.canBrowse(actor) &&
    (project === null || isDemat(project)) &&
    (types === undefined || types.includes('scrum')) &&
    (name === null || 'Tableau DEMAT'.toLowerCase().includes(name.toLowerCase()));
  return page(query, visible ? [boardBean()] : []);
}

function boardOf(site: LocalJiraSite, actor: Actor, ref: string): boolean {
  return ref === String(BOARD_ID) && site.canBrowse(actor);
}

export function board(site: LocalJiraSite, { actor, params }: RouteContext): JiraResponse {
  if (!boardOf(site, actor, params['boardId'] ?? ''))
    return jiraError(404, ['Board does not exist or you do not have permission to see it.']);
  return json(200, boardBean());
}

export function boardSprints(site: LocalJiraSite, { actor, params, query }: RouteContext): JiraResponse {
  if (!boardOf(site, actor, params['boardId'] ?? ''))
    return jiraError(404, ['Board does not exist or you do not have permission to see it.']);
  const states = listParam(query, 'state');
  const wrong = states?.find((s) => !['future', 'active', 'closed'].includes(s));
  if (wrong !== undefined) return jiraError(400, [`state: '${wrong}' is not a sprint state (future, active, closed).`]);
  const sprints = site.state.sprints.filter((s) => states === undefined || states.includes(s.state));
  return page(
    query,
    sprints.map((s) => ({ ...s })),
  );
}

export function boardConfiguration(site: LocalJiraSite, { actor, params }: RouteContext): JiraResponse {
  if (!boardOf(site, actor, params['boardId'] ?? ''))
    return jiraError(404, ['Board does not exist or you do not have permission to see it.']);
  const column = (name: string, statuses: readonly StatusName[]) => ({
    name,
    statuses: statuses.map((s) => ({ id: statusBean(s).id, self: statusBean(s).self })),
  });
  return json(200, {
    id: BOARD_ID,
    name: 'Tableau DEMAT',
    type: 'scrum',
    self: `${boardSelf()}/configuration`,
    location: { type: 'project', projectKeyOrId: String(PROJECT_ID) },
    filter: { id: '10000', self: `${JIRA_SITE}/rest/api/3/filter/10000` },
    subQuery: { query: '' },
    columnConfig: {
      columns: [
        column('À faire', ['À qualifier']),
        column('En cours', ['En cours', 'En attente Administration', 'Contournement validé']),
        column('Validation', ['En validation Administration']),
        column(
          'Terminé',
          STATUS_NAMES.filter((s) => ['Validée', 'Résolue', 'En production', 'Fermée'].includes(s)),
        ),
      ],
      constraintType: 'issueCount',
    },
    // Where the story points come from (forge-research.md §7): the board's estimation field.
    estimation: { type: 'field', field: { fieldId: 'customfield_10016', displayName: 'Story point estimate' } },
    ranking: { rankCustomFieldId: 10019 },
  });
}

function sprintOf(site: LocalJiraSite, actor: Actor, ref: string): AgileSprint | undefined {
  return site.canBrowse(actor) ? site.state.sprints.find((s) => String(s.id) === ref) : undefined;
}

export function sprint(site: LocalJiraSite, { actor, params }: RouteContext): JiraResponse {
  const sprint = sprintOf(site, actor, params['sprintId'] ?? '');
  if (sprint === undefined) return jiraError(404, ['Sprint does not exist or you do not have permission to see it.']);
  return json(200, { ...sprint });
}

/** Issues of a sprint, in rank order, with the agile fields `sprint`, `closedSprints` and `flagged`. */
export function sprintIssues(site: LocalJiraSite, { actor, params, query }: RouteContext): JiraResponse {
  const sprint = sprintOf(site, actor, params['sprintId'] ?? '');
  if (sprint === undefined) return jiraError(404, ['Sprint does not exist or you do not have permission to see it.']);
  const startAt = intParam(query, 'startAt', 0);
  if (!startAt.ok) return startAt.response;
  const maxResults = intParam(query, 'maxResults', 1);
  if (!maxResults.ok) return maxResults.response;
  const jql = query.get('jql');
  let matches: (issue: StoredIssue) => boolean = () => true;
  if (jql !== null && jql.trim() !== '') {
    const compiled = compileSearch(jql, { state: site.state, nowMs: site.now(), accountId: actor.accountId }, false);
    if (!compiled.ok) return jiraError(400, [compiled.message]);
    matches = compiled.search.matches;
  }
  const requested = listParam(query, 'fields');
  const fieldIds = selectFieldIds(requested ?? ['*navigable']);
  const agile =
    requested === undefined
      ? ['sprint', 'closedSprints', 'flagged']
      : requested.filter((f) => ['sprint', 'closedSprints', 'flagged'].includes(f));
  const expand = listParam(query, 'expand') ?? [];
  const issues = site
    .visibleIssues(actor)
    .filter((i) => i.sprintIds.includes(sprint.id) && matches(i))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  const from = startAt.value ?? 0;
  const size = maxResults.value ?? 50;
  const page = issues.slice(from, from + size).map((issue) => {
    const bean = issueJson(site, issue, fieldIds, expand, true);
    const sprints = sprintsOf(issue.sprintIds, site.state.sprints);
    const fields = { ...(bean['fields'] as Record<string, Json>) };
    if (agile.includes('sprint'))
      fields['sprint'] = (sprints.find((s) => s.state !== 'closed') as Json | undefined) ?? null;
    if (agile.includes('closedSprints'))
      fields['closedSprints'] = sprints.filter((s) => s.state === 'closed') as unknown as Json;
    if (agile.includes('flagged')) fields['flagged'] = false;
    return { ...bean, self: `${JIRA_SITE}/rest/agile/1.0/issue/${issue.id}`, fields };
  });
  return json(200, { expand: 'schema,names', startAt: from, maxResults: size, total: issues.length, issues: page });
}
