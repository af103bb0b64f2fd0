// The scope table against what it copies: the local Jira's router (one row per operation, no more) and Atlassian's
// OpenAPI descriptions (every platform row is its operation's `x-atlassian-oauth2-scopes`, every software row its
// `security`), then the rule that reads it: every scope of one alternative.
import { jiraSpecDocument, type JiraSpec } from '../../test/support/openapi';
import { createLocalJira } from './local-jira';
import { OPERATION_SCOPES, checkScopes, type OperationScopes } from './operation-scopes';

const key = (row: { method: string; pattern: string }): string => `${row.method} ${row.pattern}`;

/** The operation object of a spec, or a failure that names it (a row for an operation the spec does not have). */
const specOperation = (spec: JiraSpec, row: OperationScopes): Record<string, unknown> => {
  const paths = jiraSpecDocument(spec)['paths'] as Record<string, Record<string, Record<string, unknown>>>;
  const operation = paths[row.pattern]?.[row.method.toLowerCase()];
  if (operation === undefined) throw new Error(`no ${key(row)} in the ${spec} spec`);
  return operation;
};

describe('the scope table', () => {
  it('has one row for every operation of the local Jira, and none for an operation it does not serve', () => {
    const anchorMs = Date.parse('2026-04-24T12:00:00+02:00');
    const served = createLocalJira({ seed: { anchorMs }, now: () => anchorMs })
      .routes()
      .map(key);
    const rows = OPERATION_SCOPES.map(key);
    expect(new Set(rows).size).toBe(rows.length);
    expect([...rows].sort()).toEqual([...served].sort());
  });

  it.each(OPERATION_SCOPES.filter((r) => r.spec === 'platform').map((r) => [key(r), r] as const))(
    '%s is its x-atlassian-oauth2-scopes in jira-platform.v3.json',
    (_name, row) => {
      const declared = specOperation('platform', row)['x-atlassian-oauth2-scopes'] as {
        scopes: string[];
        state: string;
      }[];
      expect(row.alternatives).toEqual(declared.map((a) => ({ state: a.state, scopes: a.scopes })));
    },
  );

  it.each(OPERATION_SCOPES.filter((r) => r.spec === 'software').map((r) => [key(r), r] as const))(
    '%s is its security in jira-software.v3.json (or documents why not)',
    (_name, row) => {
      const security = specOperation('software', row)['security'] as { OAuth2?: string[] }[];
      const groups = security.flatMap((s) => (s.OAuth2 === undefined ? [] : [s.OAuth2]));
      expect(groups).toHaveLength(1);
      const [alternative] = row.alternatives;
      expect(row.alternatives).toHaveLength(1);
      if (alternative?.state === 'Documented') {
        // The reference page may ask more than the older copy, never less.
        expect(row.note).toEqual(expect.any(String));
        expect(alternative.scopes).toEqual(expect.arrayContaining(groups[0] ?? []));
      } else {
        expect(alternative).toEqual({ state: 'Spec', scopes: groups[0] });
      }
    },
  );
});

describe('checkScopes', () => {
  const SOFTWARE = ['read:board-scope:jira-software'];
  it.each<[string, string, string, readonly string[], readonly string[] | 'allowed']>([
    ['a classic scope meets the Current alternative', 'GET', '/rest/api/3/field', ['read:jira-work'], 'allowed'],
    [
      'granular scopes meet the Beta alternative in full',
      'GET',
      '/rest/api/3/field',
      [
        'read:field:jira',
        'read:avatar:jira',
        'read:project-category:jira',
        'read:project:jira',
        'read:field-configuration:jira',
      ],
      'allowed',
    ],
    [
      'part of an alternative is not enough (the nearest one is named)',
      'GET',
      '/rest/api/3/field',
      ['read:field:jira'],
      ['read:jira-work'],
    ],
    [
      'a board without read:issue-details:jira (issue 8)',
      'GET',
      '/rest/agile/1.0/board/1',
      SOFTWARE,
      ['read:issue-details:jira'],
    ],
    ['a board with both', 'GET', '/rest/agile/1.0/board/1', [...SOFTWARE, 'read:issue-details:jira'], 'allowed'],
    [
      'the query and the origin do not change the operation',
      'GET',
      'https://site.invalid/rest/agile/1.0/board/1/sprint?startAt=0&maxResults=50',
      ['read:sprint:jira-software'],
      'allowed',
    ],
    [
      'a classic platform scope does not open Jira Software',
      'GET',
      '/rest/agile/1.0/board/1/configuration',
      ['read:jira-work'],
      ['read:board-scope.admin:jira-software', 'read:project:jira'],
    ],
    [
      'an empty alternative is met by any app (app field values)',
      'POST',
      '/rest/api/3/app/field/value?generateChangelog=false',
      [],
      'allowed',
    ],
  ])('%s', (_name, method, path, granted, expected) => {
    const verdict = checkScopes(method, path, granted);
    expect(verdict.allowed ? 'allowed' : verdict.missing).toEqual(expected);
  });

  it('names the operation and the missing scope', () => {
    const verdict = checkScopes('GET', '/rest/agile/1.0/board/1', SOFTWARE);
    expect(verdict.allowed ? null : verdict.message).toMatch(
      /^GET \/rest\/agile\/1\.0\/board\/\{boardId\} needs read:issue-details:jira /,
    );
  });

  it.each([
    ['a path the table does not have', 'GET', '/rest/api/3/project/DEMAT'],
    ['a known path with another method', 'DELETE', '/rest/api/3/issue/DEMAT-5'],
  ])('refuses %s, whatever the scopes, and says where to add it', (_name, method, path) => {
    const verdict = checkScopes(method, path, ['read:jira-work', 'write:jira-work', 'manage:jira-configuration']);
    expect(verdict).toMatchObject({ allowed: false, operation: null });
    expect(verdict.allowed ? '' : verdict.message).toContain('workbench/local-jira/operation-scopes.ts');
  });
});
