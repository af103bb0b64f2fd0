// The OAuth 2.0 scopes that allow each operation the local Jira serves, so the workbench refuses what a real site
// refuses. Committed here (npm start does not read ../shared); operation-scopes.test.ts checks every row against
// Atlassian's OpenAPI descriptions, so the table cannot drift from them.
//
// How a row reads (Atlassian, "Jira scopes for OAuth 2.0 (3LO) and Forge apps" and "Jira Software scopes for OAuth
// 2.0 (3LO) and Forge apps"): an operation lists alternatives, each a group of scopes with a state (Current: the
// classic scopes; Beta: the granular ones). An app may call it when its scopes include every scope of one
// alternative; Jira's own refusal says so ("The resource can be accessed by having one of these groups of scopes").
// A group with no scope is met by any app (the app field value routes: "The new write:app-data:jira OAuth scope is
// 100% optional now", "Issue custom field values (apps)" reference page).
import { matchRoute, parsePath } from './http';
import type { JiraRequest } from './types';

export type ScopeAlternative = {
  /** `Current`/`Beta`: the `state` of the platform spec's `x-atlassian-oauth2-scopes`; `Spec`: the software spec's
   * `security` (it has no states); `Documented`: from the reference page, where the spec's copy is out of date. */
  readonly state: 'Current' | 'Beta' | 'Spec' | 'Documented';
  readonly scopes: readonly string[];
};

export type OperationScopes = {
  readonly method: JiraRequest['method'];
  /** The path as the OpenAPI description spells it (and the local Jira's router). */
  readonly pattern: string;
  readonly spec: 'platform' | 'software';
  readonly alternatives: readonly ScopeAlternative[];
  /** Why a row departs from the spec file (only `Documented` rows have one). */
  readonly note?: string;
};

const platform = (
  method: JiraRequest['method'],
  pattern: string,
  alternatives: readonly ScopeAlternative[],
): OperationScopes => ({ method, pattern, spec: 'platform', alternatives });
const software = (method: JiraRequest['method'], pattern: string, scopes: readonly string[]): OperationScopes => ({
  method,
  pattern,
  spec: 'software',
  alternatives: [{ state: 'Spec', scopes }],
});

/** Every operation of the local Jira's router, with its alternatives (copied from the descriptions; see the test). */
export const OPERATION_SCOPES: readonly OperationScopes[] = [
  // Platform: `x-atlassian-oauth2-scopes` of jira-platform.v3.json (copy of 2025-12).
  platform('GET', '/rest/api/3/field', [
    { state: 'Current', scopes: ['read:jira-work'] },
    {
      state: 'Beta',
      scopes: [
        'read:field:jira',
        'read:avatar:jira',
        'read:project-category:jira',
        'read:project:jira',
        'read:field-configuration:jira',
      ],
    },
  ]),
  platform('GET', '/rest/api/3/issuetype', [
    { state: 'Current', scopes: ['read:jira-work'] },
    {
      state: 'Beta',
      scopes: ['read:issue-type:jira', 'read:avatar:jira', 'read:project-category:jira', 'read:project:jira'],
    },
  ]),
  platform('GET', '/rest/api/3/search/jql', [
    { state: 'Current', scopes: ['read:jira-work'] },
    {
      state: 'Beta',
      scopes: [
        'read:issue-details:jira',
        'read:audit-log:jira',
        'read:avatar:jira',
        'read:field-configuration:jira',
        'read:issue-meta:jira',
      ],
    },
  ]),
  platform('POST', '/rest/api/3/search/jql', [
    { state: 'Current', scopes: ['read:jira-work'] },
    {
      state: 'Beta',
      scopes: [
        'read:issue-details:jira',
        'read:field.default-value:jira',
        'read:field.option:jira',
        'read:field:jira',
        'read:group:jira',
      ],
    },
  ]),
  platform('POST', '/rest/api/3/changelog/bulkfetch', [
    { state: 'Current', scopes: ['read:jira-work'] },
    { state: 'Beta', scopes: ['read:issue-meta:jira', 'read:avatar:jira', 'read:issue.changelog:jira'] },
  ]),
  platform('POST', '/rest/api/3/issue', [
    { state: 'Current', scopes: ['write:jira-work'] },
    {
      state: 'Beta',
      scopes: [
        'write:issue:jira',
        'write:comment:jira',
        'write:comment.property:jira',
        'write:attachment:jira',
        'read:issue:jira',
      ],
    },
  ]),
  platform('GET', '/rest/api/3/issue/{issueIdOrKey}', [
    { state: 'Current', scopes: ['read:jira-work'] },
    {
      state: 'Beta',
      scopes: [
        'read:issue-meta:jira',
        'read:issue-security-level:jira',
        'read:issue.vote:jira',
        'read:issue.changelog:jira',
        'read:avatar:jira',
        'read:issue:jira',
        'read:status:jira',
        'read:user:jira',
        'read:field-configuration:jira',
      ],
    },
  ]),
  platform('PUT', '/rest/api/3/issue/{issueIdOrKey}', [
    { state: 'Current', scopes: ['write:jira-work'] },
    { state: 'Beta', scopes: ['write:issue:jira'] },
  ]),
  platform('GET', '/rest/api/3/issue/{issueIdOrKey}/changelog', [
    { state: 'Current', scopes: ['read:jira-work'] },
    { state: 'Beta', scopes: ['read:issue-meta:jira', 'read:avatar:jira', 'read:issue.changelog:jira'] },
  ]),
  platform('GET', '/rest/api/3/issue/{issueIdOrKey}/transitions', [
    { state: 'Current', scopes: ['read:jira-work'] },
    { state: 'Beta', scopes: ['read:issue.transition:jira', 'read:status:jira', 'read:field-configuration:jira'] },
  ]),
  platform('POST', '/rest/api/3/issue/{issueIdOrKey}/transitions', [
    { state: 'Current', scopes: ['write:jira-work'] },
    { state: 'Beta', scopes: ['write:issue:jira', 'write:issue.property:jira'] },
  ]),
  platform('POST', '/rest/api/3/issue/{issueIdOrKey}/notify', [
    { state: 'Current', scopes: ['write:jira-work'] },
    { state: 'Beta', scopes: ['send:notification:jira'] },
  ]),
  platform('GET', '/rest/api/3/issue/{issueIdOrKey}/watchers', [
    { state: 'Current', scopes: ['read:jira-work'] },
    { state: 'Beta', scopes: ['read:issue.watcher:jira', 'read:user:jira', 'read:avatar:jira'] },
  ]),
  platform('GET', '/rest/api/3/mypermissions', [
    { state: 'Current', scopes: ['read:jira-work'] },
    { state: 'Beta', scopes: ['read:permission:jira'] },
  ]),
  platform('GET', '/rest/api/3/user/groups', [
    { state: 'Current', scopes: ['read:jira-user'] },
    { state: 'Beta', scopes: ['read:group:jira'] },
  ]),
  platform('GET', '/rest/api/3/myself', [
    { state: 'Current', scopes: ['read:jira-user'] },
    { state: 'Beta', scopes: ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira'] },
  ]),
  platform('GET', '/rest/api/3/groups/picker', [
    { state: 'Current', scopes: ['read:jira-user'] },
    { state: 'Beta', scopes: ['read:group:jira'] },
  ]),
  platform('PUT', '/rest/api/3/app/field/{fieldIdOrKey}/value', [
    { state: 'Current', scopes: [] },
    { state: 'Beta', scopes: ['write:app-data:jira'] },
  ]),
  platform('POST', '/rest/api/3/app/field/value', [
    { state: 'Current', scopes: [] },
    { state: 'Beta', scopes: ['write:app-data:jira'] },
  ]),
  platform('GET', '/rest/api/3/project/{projectIdOrKey}/versions', [
    { state: 'Current', scopes: ['read:jira-work'] },
    { state: 'Beta', scopes: ['read:project-version:jira'] },
  ]),
  // Issue 10 (D5): UI modifications (the app registers the read-only severity).
  platform('GET', '/rest/api/3/uiModifications', [
    { state: 'Current', scopes: ['read:jira-work'] },
    { state: 'Beta', scopes: ['read:jira-work', 'read:app-data:jira'] },
  ]),
  platform('POST', '/rest/api/3/uiModifications', [
    { state: 'Current', scopes: ['read:jira-work'] },
    { state: 'Beta', scopes: ['read:jira-work', 'write:app-data:jira'] },
  ]),
  platform('PUT', '/rest/api/3/uiModifications/{uiModificationId}', [
    { state: 'Current', scopes: ['read:jira-work'] },
    { state: 'Beta', scopes: ['read:jira-work', 'write:app-data:jira'] },
  ]),
  platform('DELETE', '/rest/api/3/uiModifications/{uiModificationId}', [
    { state: 'Current', scopes: [] },
    { state: 'Beta', scopes: ['write:app-data:jira'] },
  ]),
  // Jira Software: the `security` (OAuth2) of each operation of jira-software.v3.json, one group that must be met in
  // full. Jira Software has no classic scopes, so there is no Current alternative.
  {
    method: 'GET',
    pattern: '/rest/agile/1.0/board',
    spec: 'software',
    alternatives: [{ state: 'Documented', scopes: ['read:board-scope:jira-software', 'read:project:jira'] }],
    // The spec (a 2022 copy) gives an empty group; the reference page "Jira Software Cloud REST API, Board: Get all
    // boards" lists these two since its notice "The required OAuth 2.0 scopes will be updated on February 15, 2024".
    note: 'Get all boards: the scopes of the reference page (updated 2024-02-15); the 2022 spec copy lists none',
  },
  software('GET', '/rest/agile/1.0/board/{boardId}', ['read:board-scope:jira-software', 'read:issue-details:jira']),
  software('GET', '/rest/agile/1.0/board/{boardId}/sprint', ['read:sprint:jira-software']),
  software('GET', '/rest/agile/1.0/board/{boardId}/configuration', [
    'read:board-scope.admin:jira-software',
    'read:project:jira',
  ]),
  software('GET', '/rest/agile/1.0/sprint/{sprintId}', ['read:sprint:jira-software']),
  software('GET', '/rest/agile/1.0/sprint/{sprintId}/issue', [
    'read:sprint:jira-software',
    'read:issue-details:jira',
    'read:jql:jira',
  ]),
  // Issue properties (issue 10).
  platform('GET', '/rest/api/3/issue/{issueIdOrKey}/properties', [
    { state: 'Current', scopes: ['read:jira-work'] },
    { state: 'Beta', scopes: ['read:issue.property:jira'] },
  ]),
  platform('GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', [
    { state: 'Current', scopes: ['read:jira-work'] },
    { state: 'Beta', scopes: ['read:issue.property:jira'] },
  ]),
  platform('PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', [
    { state: 'Current', scopes: ['write:jira-work'] },
    { state: 'Beta', scopes: ['write:issue.property:jira'] },
  ]),
  platform('DELETE', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', [
    { state: 'Current', scopes: ['write:jira-work'] },
    { state: 'Beta', scopes: ['delete:issue.property:jira'] },
  ]),
];

export type ScopeVerdict =
  | { readonly allowed: true; readonly operation: OperationScopes; readonly by: ScopeAlternative }
  | {
      readonly allowed: false;
      readonly operation: OperationScopes;
      readonly missing: readonly string[];
      readonly message: string;
    }
  | { readonly allowed: false; readonly operation: null; readonly missing: readonly []; readonly message: string };

/** The row of a request (`/rest/agile/1.0/board/1?x=y` → `GET /rest/agile/1.0/board/{boardId}`), if the table has one. */
export function operationOf(
  method: string,
  rawPath: string,
  table: readonly OperationScopes[] = OPERATION_SCOPES,
): OperationScopes | undefined {
  const { path } = parsePath(rawPath);
  return table.find((row) => row.method === method && matchRoute(row.pattern, path) !== null);
}

/**
 * Whether an app holding `granted` may make this call. Refused: an operation no alternative allows (the message
 * names it and the scopes missing from its nearest alternative) and, loudly, a route the table does not know.
 * @example checkScopes('GET', '/rest/agile/1.0/board/1', ['read:board-scope:jira-software'])
 * // → { allowed: false, missing: ['read:issue-details:jira'], message: 'GET /rest/agile/1.0/board/{boardId} needs … ' }
 */
export function checkScopes(
  method: string,
  rawPath: string,
  granted: readonly string[],
  table: readonly OperationScopes[] = OPERATION_SCOPES,
): ScopeVerdict {
  const operation = operationOf(method, rawPath, table);
  if (operation === undefined) {
    const { path } = parsePath(rawPath);
    return {
      allowed: false,
      operation: null,
      missing: [],
      message: `${method} ${path} is not in the workbench's scope table (workbench/local-jira/operation-scopes.ts): add the operation with the scopes Atlassian documents for it before the app calls it`,
    };
  }
  const held = new Set(granted);
  const gaps = operation.alternatives.map((alternative) => ({
    alternative,
    missing: alternative.scopes.filter((s) => !held.has(s)),
  }));
  const met = gaps.find((g) => g.missing.length === 0);
  if (met !== undefined) return { allowed: true, operation, by: met.alternative };
  // The nearest alternative (fewest missing scopes; the first, Current, on a tie) is the one worth naming.
  const nearest = gaps.reduce((best, g) => (g.missing.length < best.missing.length ? g : best));
  const groups = operation.alternatives.map((a) => `[${a.scopes.join(', ')}] (${a.state})`).join(' or ');
  return {
    allowed: false,
    operation,
    missing: nearest.missing,
    message: `${operation.method} ${operation.pattern} needs ${nearest.missing.join(', ')} (the manifest's permissions.scopes meet none of: ${groups})`,
  };
}
