// Users, groups and permissions: GET /rest/api/3/mypermissions, /user/groups, /myself and /groups/picker.
import { APP_ACCOUNT_ID, APP_DISPLAY_NAME, GROUPS, PERMISSIONS, canBrowseProject } from '../catalog';
import { ISSUE_NOT_FOUND, intParam, jiraError, json, listParam } from '../http';
import { demoUserById, groupName, userDetails, type Json } from '../render';
import type { JiraResponse } from '../types';
import { projectNotFound, isDemat, type LocalJiraSite, type RouteContext } from './site';

export function myPermissions(site: LocalJiraSite, { actor, query }: RouteContext): JiraResponse {
  const keys = listParam(query, 'permissions');
  if (keys === undefined || keys.length === 0)
    return jiraError(400, [
      "The 'permissions' query parameter is required (a comma-separated list of permission keys).",
    ]);
  const unknown = keys.find((k) => !PERMISSIONS.some((p) => p.key === k));
  if (unknown !== undefined) return jiraError(400, [`The permission key '${unknown}' does not exist.`]);
  const projectRef = query.get('projectKey') ?? query.get('projectId');
  if (projectRef !== null && (!isDemat(projectRef) || !site.canBrowse(actor))) return projectNotFound(projectRef);
  const issueRef = query.get('issueKey') ?? query.get('issueId');
  if (issueRef !== null && site.findIssue(actor, issueRef) === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
  const has = (key: string): boolean => {
    if (actor.kind === 'app') return true;
    if (key === 'ADMINISTER') return actor.user.jiraAdministrator;
    if (key === 'ADMINISTER_PROJECTS') return actor.user.projectAdministrator;
    return canBrowseProject(actor.user);
  };
  const permissions: Record<string, Json> = {};
  for (const key of keys) {
    const p = PERMISSIONS.find((x) => x.key === key);
    if (p !== undefined)
      permissions[key] = {
        id: p.id,
        key: p.key,
        name: p.name,
        type: p.type,
        description: p.description,
        havePermission: has(key),
      };
  }
  return json(200, { permissions });
}

export function userGroups({ query }: RouteContext): JiraResponse {
  const accountId = query.get('accountId');
  if (accountId === null || accountId === '') return jiraError(400, ["The 'accountId' query parameter is required."]);
  if (accountId === APP_ACCOUNT_ID) return json(200, []);
  const user = demoUserById(accountId);
  if (user === undefined) return jiraError(404, [`User with accountId '${accountId}' was not found.`]);
  return json(200, user.groups.map(groupName));
}

export function myself({ actor, query }: RouteContext): JiraResponse {
  const expand = listParam(query, 'expand') ?? [];
  const groups = actor.kind === 'app' ? [] : actor.user.groups;
  const bean: Record<string, Json> = {
    ...(userDetails(actor.accountId) as Record<string, Json>),
    locale: 'fr_FR',
    expand: 'groups,applicationRoles',
  };
  if (expand.includes('groups'))
    bean['groups'] = { size: groups.length, items: groups.map(groupName), 'max-results': 200 };
  if (actor.kind === 'app') bean['displayName'] = APP_DISPLAY_NAME;
  return json(200, bean);
}

export function groupsPicker({ query }: RouteContext): JiraResponse {
  const text = (query.get('query') ?? '').trim().toLowerCase();
  const maxResults = intParam(query, 'maxResults', 0);
  if (!maxResults.ok) return maxResults.response;
  const exclude = new Set(query.getAll('exclude'));
  const matching = GROUPS.filter((g) => !exclude.has(g.name) && g.name.toLowerCase().includes(text));
  const shown = matching.slice(0, maxResults.value ?? 20);
  const highlight = (name: string): string => {
    if (text === '') return name;
    const at = name.toLowerCase().indexOf(text);
    return `${name.slice(0, at)}<b>${name.slice(at, at + text.length)}</b>${name.slice(at + text.length)}`;
  };
  return json(200, {
    header: `Showing ${shown.length} of ${matching.length} matching groups`,
    total: matching.length,
    groups: shown.map((g) => ({ name: g.name, html: highlight(g.name), groupId: g.groupId, labels: [] })),
  });
}
