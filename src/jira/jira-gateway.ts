// The JiraGateway (src/app/ports/jira-gateway.ts) over a transport: each operation in its own file, named by what it
// does. On Forge the transport is src/jira/forge-jira.ts (@forge/api with retries); tests give the workbench's local
// Jira, the benchmark bench/export-jira.ts.
import type { JiraGateway, JiraTransport } from '../app/ports';
import { checkPermissions } from './check-permissions';
import { readBoard, readBoardConfiguration, readBoardSprints, readScrumBoardOf } from './read-boards';
import { readChangelogs } from './read-changelogs';
import { readFields } from './read-fields';
import { findGroups, readGroupsOf } from './read-groups';
import { readIssueTypes } from './read-issue-types';
import { readMyselfDisplayName } from './read-myself';
import { notifyIssue } from './notify-issue';
import { searchIssues, searchPage } from './search-issues';
import {
  createUiModification,
  deleteUiModification,
  listUiModifications,
  readProjectId,
  updateUiModification,
} from './ui-modifications';
import { writeFieldValues } from './write-field-values';
import { deleteIssueProperty, setIssueProperty } from './write-issue-property';

export const jiraGateway = (jira: JiraTransport): JiraGateway => ({
  searchIssues: (as, query) => searchIssues(jira, as, query),
  searchPage: (as, query) => searchPage(jira, as, query),
  changelogs: (as, issueIds, fieldIds) => readChangelogs(jira, as, issueIds, fieldIds),
  fields: () => readFields(jira),
  issueTypes: () => readIssueTypes(jira),
  scrumBoardOf: (projectKey) => readScrumBoardOf(jira, projectKey),
  board: (boardId) => readBoard(jira, boardId),
  boardConfiguration: (boardId) => readBoardConfiguration(jira, boardId),
  boardSprints: (boardId, states) => readBoardSprints(jira, boardId, states),
  permissions: (permissions, scope) => checkPermissions(jira, permissions, scope),
  groupsOf: (accountId) => readGroupsOf(jira, accountId),
  findGroups: (query) => findGroups(jira, query),
  myselfDisplayName: () => readMyselfDisplayName(jira),
  writeAppFieldValues: (updates, options) => writeFieldValues(jira, updates, options),
  // Issue 10 (D5): the severity UI modification.
  uiModifications: () => listUiModifications(jira),
  createUiModification: (input) => createUiModification(jira, input),
  updateUiModification: (id, input) => updateUiModification(jira, id, input),
  deleteUiModification: (id) => deleteUiModification(jira, id),
  projectId: (projectKey) => readProjectId(jira, projectKey),
  setIssueProperty: (issueId, key, value) => setIssueProperty(jira, issueId, key, value),
  deleteIssueProperty: (issueId, key) => deleteIssueProperty(jira, issueId, key),
  notifyIssue: (issueIdOrKey, notification) => notifyIssue(jira, issueIdOrKey, notification),
});
