// Stored issues and users → the JSON Jira sends (IssueBean fields, UserDetails, changelogs), and → the values a
// Jira expression sees (`issue`, `user`). Instants are written as Jira Cloud writes them, in Europe/Paris.
import { CONTRACT_ZONE } from '../../src/domain/contract-zone';
import {
  APP_ACCOUNT_ID,
  APP_DISPLAY_NAME,
  DEMO_USERS,
  FIELDS,
  GROUPS,
  JIRA_SITE,
  PROJECT_ID,
  PROJECT_KEY,
  PROJECT_NAME,
  RANK_FIELD_ID,
  SPRINT_FIELD_ID,
  STORY_POINTS_FIELD_ID,
  statusBean,
  type DemoUser,
  type FieldDef,
} from './catalog';
import {
  formatJiraDateTime,
  issueTypeBean,
  issueVersion,
  sprintFieldValue,
  type AgileSprint,
  type JiraVersion,
} from './jira-beans';
import type { ExpressionObject, ExpressionValue } from './jira-expression';
import type { LocalJiraState, StoredHistory, StoredIssue } from './local-jira-state';

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

export const ISSUE_EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

const avatarUrls = (kind: 'user' | 'project', id: string): JsonObject => {
  const base =
    kind === 'user' ? `${JIRA_SITE}/secure/useravatar?ownerId=${id}` : `${JIRA_SITE}/secure/projectavatar?pid=${id}`;
  return {
    '48x48': `${base}&size=large`,
    '24x24': `${base}&size=small`,
    '16x16': `${base}&size=xsmall`,
    '32x32': `${base}&size=medium`,
  };
};

export const userSelf = (accountId: string): string => `${JIRA_SITE}/rest/api/3/user?accountId=${accountId}`;

export const demoUserById = (accountId: string): DemoUser | undefined =>
  DEMO_USERS.find((u) => u.accountId === accountId);

/** A user as issue fields and changelogs carry it (UserDetails); the app's own user for the app's writes. */
export function userDetails(accountId: string): JsonObject {
  if (accountId === APP_ACCOUNT_ID) {
    return {
      self: userSelf(accountId),
      accountId,
      accountType: 'app',
      active: true,
      displayName: APP_DISPLAY_NAME,
      avatarUrls: avatarUrls('user', accountId),
      timeZone: CONTRACT_ZONE,
    };
  }
  const user = demoUserById(accountId);
  return {
    self: userSelf(accountId),
    accountId,
    accountType: 'atlassian',
    active: user !== undefined,
    displayName: user?.displayName ?? 'Former user',
    ...(user === undefined ? {} : { emailAddress: user.emailAddress }),
    avatarUrls: avatarUrls('user', accountId),
    timeZone: CONTRACT_ZONE,
  };
}

export const groupName = (name: string): JsonObject => {
  const group = GROUPS.find((g) => g.name === name);
  const groupId = group?.groupId ?? null;
  return { name, groupId, self: `${JIRA_SITE}/rest/api/3/group?groupId=${groupId ?? name}` };
};

export const projectBean = (): JsonObject => ({
  self: `${JIRA_SITE}/rest/api/3/project/${PROJECT_ID}`,
  id: String(PROJECT_ID),
  key: PROJECT_KEY,
  name: PROJECT_NAME,
  projectTypeKey: 'software',
  simplified: false,
  avatarUrls: avatarUrls('project', String(PROJECT_ID)),
});

const RESOLUTION_DONE: JsonObject = {
  self: `${JIRA_SITE}/rest/api/3/resolution/10000`,
  id: '10000',
  name: 'Terminé',
  description: 'Le travail sur ce ticket est terminé.',
};

const asJson = (value: unknown): Json => value as Json; // beans of generate-export are plain JSON objects

export function versionsOf(ids: readonly string[], versions: readonly JiraVersion[]): JiraVersion[] {
  return ids.map((id) => versions.find((v) => v.id === id)).filter((v): v is JiraVersion => v !== undefined);
}

export function sprintsOf(ids: readonly number[], sprints: readonly AgileSprint[]): AgileSprint[] {
  return ids.map((id) => sprints.find((s) => s.id === id)).filter((s): s is AgileSprint => s !== undefined);
}

/** Every field of an issue, by field id, as GET /issue?fields=*all returns them. */
export function issueFields(issue: StoredIssue, state: LocalJiraState): Record<string, Json> {
  const sprints = sprintsOf(issue.sprintIds, state.sprints);
  const fields: Record<string, Json> = {
    summary: issue.summary,
    issuetype: asJson(issueTypeBean(issue.issueType)),
    project: projectBean(),
    status: asJson(statusBean(issue.status)),
    resolution: issue.resolutionMs === null ? null : RESOLUTION_DONE,
    resolutiondate: issue.resolutionMs === null ? null : formatJiraDateTime(issue.resolutionMs),
    created: formatJiraDateTime(issue.createdMs),
    updated: formatJiraDateTime(issue.updatedMs),
    reporter: userDetails(issue.reporterId),
    assignee: issue.assigneeId === null ? null : userDetails(issue.assigneeId),
    versions: asJson(versionsOf(issue.versionIds, state.versions).map(issueVersion)),
    fixVersions: asJson(versionsOf(issue.fixVersionIds, state.versions).map(issueVersion)),
    [STORY_POINTS_FIELD_ID]: issue.storyPoints,
    [RANK_FIELD_ID]: issue.rank,
    [SPRINT_FIELD_ID]: sprints.length === 0 ? null : asJson(sprints.map(sprintFieldValue)),
  };
  for (const [id, value] of Object.entries(issue.appValues)) fields[id] = value;
  return fields;
}

/** A field selection of `fields=`: `*all`, `*navigable`, ids, `-id` to leave one out; unknown ids are ignored. */
export function selectFieldIds(requested: readonly string[]): string[] {
  const selected = new Set<string>();
  const excluded = new Set<string>();
  for (const raw of requested) {
    const entry = raw.trim();
    if (entry === '*all' || entry === '*navigable') {
      for (const f of FIELDS) if (entry === '*all' || f.navigable) selected.add(f.id);
    } else if (entry.startsWith('-')) {
      excluded.add(entry.slice(1));
    } else if (FIELDS.some((f) => f.id === entry)) {
      selected.add(entry);
    }
  }
  return FIELDS.map((f) => f.id).filter((id) => selected.has(id) && !excluded.has(id));
}

export const pickFields = (all: Readonly<Record<string, Json>>, ids: readonly string[]): Record<string, Json> =>
  Object.fromEntries(ids.map((id) => [id, all[id] ?? null]));

export const namesOf = (ids: readonly string[]): Record<string, string> =>
  Object.fromEntries(ids.map((id) => [id, (FIELDS.find((f) => f.id === id) as FieldDef).name]));

export const schemaOf = (ids: readonly string[]): Record<string, JsonObject> =>
  Object.fromEntries(ids.map((id) => [id, { ...(FIELDS.find((f) => f.id === id) as FieldDef).schema }]));

export function historyJson(history: StoredHistory): JsonObject {
  return {
    id: history.id,
    author: userDetails(history.authorId),
    created: formatJiraDateTime(history.atMs),
    items: history.items as unknown as Json,
  };
}

/** `changelog` of `expand=changelog`: the first 100 histories, oldest first, with the total (as Jira caps it). */
export function changelogPage(issue: StoredIssue): JsonObject {
  const histories = issue.histories.slice(0, 100).map(historyJson);
  return { startAt: 0, maxResults: histories.length, total: issue.histories.length, histories };
}

// ---- Jira-expression values ----

export function expressionUser(accountId: string): ExpressionObject {
  if (accountId === APP_ACCOUNT_ID) return { accountId, displayName: APP_DISPLAY_NAME, groups: [] };
  const user = demoUserById(accountId);
  return { accountId, displayName: user?.displayName ?? null, groups: [...(user?.groups ?? [])] };
}

/** `issue` of a Jira expression: `issue.key`, `issue.issueType.name`, `issue.status.name`, `issue.versions`, `issue.customfield_NNNNN`. */
export function expressionIssue(issue: StoredIssue, state: LocalJiraState): ExpressionObject {
  const status = statusBean(issue.status);
  const type = issueTypeBean(issue.issueType);
  const version = (v: JiraVersion): ExpressionObject => ({
    id: Number(v.id),
    name: v.name,
    releaseDate: v.releaseDate,
    released: v.released,
    archived: v.archived,
  });
  const custom: Record<string, ExpressionValue> = {};
  for (const [id, value] of Object.entries(issue.appValues)) custom[id] = value;
  return {
    id: Number(issue.id),
    key: issue.key,
    summary: issue.summary,
    issueType: { id: Number(type.id), name: type.name },
    status: { id: Number(status.id), name: status.name, category: { key: status.statusCategory.key } },
    project: { id: PROJECT_ID, key: PROJECT_KEY, name: PROJECT_NAME },
    reporter: expressionUser(issue.reporterId),
    assignee: issue.assigneeId === null ? null : expressionUser(issue.assigneeId),
    versions: versionsOf(issue.versionIds, state.versions).map(version),
    fixVersions: versionsOf(issue.fixVersionIds, state.versions).map(version),
    [STORY_POINTS_FIELD_ID]: issue.storyPoints,
    [SPRINT_FIELD_ID]: sprintsOf(issue.sprintIds, state.sprints).map((s) => ({
      id: s.id,
      name: s.name,
      state: s.state,
    })),
    ...custom,
  };
}
