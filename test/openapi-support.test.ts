// The OpenAPI harness itself: it must be able to fail, say where, and accept the smallest values Jira can send.
import {
  expectValidJira,
  expectValidJiraResponse,
  hasJiraResponseSchema,
  isJiraDateTime,
  jiraResponseExample,
  validateJira,
  validateJiraResponse,
  type HttpMethod,
  type JiraSpec,
} from './support/openapi';

const SITE = 'https://demat-ads.atlassian.net';
const user = { accountId: '712020:c5d1b3e9', accountType: 'atlassian', active: true, displayName: 'Claire Martin' };
const statusItem = {
  field: 'status',
  fieldtype: 'jira',
  fieldId: 'status',
  from: '10000',
  fromString: 'À qualifier',
  to: '10001',
  toString: 'En cours',
};
const history = { id: '20001', author: user, created: '2026-03-02T09:15:00.000+0100', items: [statusItem] };
const version = {
  self: `${SITE}/rest/api/3/version/10302`,
  id: '10302',
  name: 'PLATAU 4.3',
  released: true,
  releaseDate: '2026-03-10',
};
const issue = {
  id: '10101',
  key: 'DEMAT-101',
  self: `${SITE}/rest/api/3/issue/10101`,
  fields: { summary: 'Erreur 500' },
};

describe('validateJira rejects with readable errors', () => {
  it('names the path and the offending value of a wrong type', () => {
    expect(validateJira('platform', 'IssueBean', { ...issue, id: 10101 })).toEqual(['/id: must be string, got 10101']);
  });

  it('names deep paths inside a search page', () => {
    const page = {
      issues: [{ ...issue, changelog: { histories: [{ ...history, created: '2026-03-02 09:15' }] } }],
      isLast: 'yes',
    };
    expect(validateJira('platform', 'SearchAndReconcileResults', page)).toEqual([
      '/isLast: must be boolean, got "yes"',
      '/issues/0/changelog/histories/0/created: must match format "date-time", got "2026-03-02 09:15"',
    ]);
  });

  it('names an unexpected property', () => {
    expect(validateJira('platform', 'Changelog', { ...history, issueKey: 'DEMAT-101' })).toEqual([
      "(root): must NOT have additional properties 'issueKey'",
    ]);
  });

  it('rejects a wrong type in the software spec too', () => {
    expect(validateJira('software', 'SprintBean', { id: '101', state: 'active' })).toEqual([
      '/id: must be integer, got "101"',
    ]);
  });

  it('throws from expectValidJira with every error listed', () => {
    expect(() =>
      expectValidJira('platform', 'Version', { ...version, released: 'true', releaseDate: '10/03/2026' }),
    ).toThrow(
      /not a valid platform Version:\n {2}\/releaseDate: must match format "date", got "10\/03\/2026"\n {2}\/released: must be boolean/,
    );
  });

  it('throws on an unknown schema name, so a typo cannot pass', () => {
    expect(() => validateJira('platform', 'ChangeHistory', {})).toThrow(RangeError);
  });
});

describe('Jira date-times', () => {
  // The platform spec's own examples write offsets without a colon (+0000), as Jira Cloud does; the agile spec's
  // examples use +10:00. Both must pass; what luxon's fromISO would reject or misread must not.
  it.each([
    ['Jira, winter, no colon', '2026-03-02T09:15:00.000+0100', true],
    ['Jira, summer, no colon', '2026-03-30T06:50:00.000+0200', true],
    ['RFC 3339 offset', '2026-03-02T09:15:00.000+01:00', true],
    ['UTC', '2026-03-02T08:15:00.000Z', true],
    ['no fraction', '2026-03-02T09:15:00+0100', true],
    ['no offset: host-zone dependent', '2026-03-02T09:15:00.000', false],
    ['space separator', '2026-03-02 09:15:00.000+0100', false],
    ['hour-only offset', '2026-03-02T09:15:00.000+01', false],
    ['no such day', '2026-02-29T09:15:00.000+0100', false],
    ['hour 24', '2026-03-02T24:00:00.000+0100', false],
  ])('%s: %s → %s', (_name, text, expected) => {
    expect(isJiraDateTime(text)).toBe(expected);
    expect(validateJira('platform', 'Changelog', { created: text })).toHaveLength(expected ? 0 : 1);
  });
});

describe('validateJira accepts a minimal value of each schema used', () => {
  it.each<[JiraSpec, string, unknown]>([
    ['platform', 'SearchAndReconcileResults', { issues: [issue], names: { summary: 'Résumé' }, isLast: true }],
    ['platform', 'IssueBean', issue],
    ['platform', 'Changelog', history],
    ['platform', 'ChangeDetails', statusItem],
    ['platform', 'PageOfChangelogs', { startAt: 0, maxResults: 1, total: 1, histories: [history] }],
    ['platform', 'BulkChangelogResponseBean', { issueChangeLogs: [{ issueId: '10104', changeHistories: [history] }] }],
    ['platform', 'IssueChangeLog', { issueId: '10104', changeHistories: [] }],
    ['platform', 'Version', version],
    [
      'platform',
      'FieldDetails',
      { id: 'customfield_10100', name: 'Gravité', custom: true, schema: { type: 'option' } },
    ],
    ['platform', 'UserDetails', user],
    ['platform', 'StatusDetails', { self: `${SITE}/rest/api/3/status/10001`, id: '10001', name: 'En cours' }],
    ['platform', 'IssueTypeDetails', { self: `${SITE}/rest/api/3/issuetype/10004`, id: '10004', name: 'Anomalie' }],
    [
      'software',
      'SprintBean',
      { id: 103, self: `${SITE}/rest/agile/1.0/sprint/103`, state: 'active', name: 'DEMAT Sprint 3' },
    ],
  ])('%s %s', (spec, schemaName, value) => {
    expect(validateJira(spec, schemaName, value)).toEqual([]);
  });
});

describe('validateJiraResponse', () => {
  it.each<[JiraSpec, HttpMethod, string, unknown]>([
    ['platform', 'get', '/rest/api/3/search/jql', { issues: [], isLast: true }],
    ['platform', 'post', '/rest/api/3/search/jql', { issues: [issue], isLast: true }],
    ['platform', 'post', '/rest/api/3/changelog/bulkfetch', { issueChangeLogs: [] }],
    [
      'platform',
      'get',
      '/rest/api/3/issue/{issueIdOrKey}/changelog',
      { startAt: 0, maxResults: 100, total: 1, isLast: true, values: [history] },
    ],
    ['platform', 'get', '/rest/api/3/field', [{ id: 'customfield_10020', name: 'Sprint', custom: true }]],
    ['platform', 'get', '/rest/api/3/project/{projectIdOrKey}/versions', [version]],
    ['platform', 'get', '/rest/api/3/version/{id}', version],
  ])('%s %s %s 200 accepts a minimal body', (spec, method, apiPath, body) => {
    expect(validateJiraResponse(spec, method, apiPath, 200, body)).toEqual([]);
  });

  it('rejects a wrong body with the path (inline array schema of GET /field)', () => {
    expect(
      validateJiraResponse('platform', 'get', '/rest/api/3/field', 200, [{ id: 'summary', custom: 'no' }]),
    ).toEqual(['/0/custom: must be boolean, got "no"']);
    expect(() => expectValidJiraResponse('platform', 'get', '/rest/api/3/field', 200, {})).toThrow(
      /\(root\): must be array/,
    );
  });

  it('accepts the spec’s own example of the search/jql response', () => {
    expect(
      validateJiraResponse(
        'platform',
        'get',
        '/rest/api/3/search/jql',
        200,
        jiraResponseExample('platform', 'get', '/rest/api/3/search/jql', 200),
      ),
    ).toEqual([]);
  });

  it('refuses operations the spec describes with an example only (the agile sprint list)', () => {
    expect(hasJiraResponseSchema('software', 'get', '/rest/agile/1.0/board/{boardId}/sprint', 200)).toBe(false);
    expect(() => validateJiraResponse('software', 'get', '/rest/agile/1.0/board/{boardId}/sprint', 200, {})).toThrow(
      /only an example/,
    );
    expect(() => validateJiraResponse('platform', 'get', '/rest/api/3/no/such/path', 200, {})).toThrow(RangeError);
  });

  it('validates inline response schemas of the software spec', () => {
    expect(hasJiraResponseSchema('software', 'get', '/rest/agile/1.0/board/{boardId}', 200)).toBe(true);
    expect(validateJiraResponse('software', 'get', '/rest/agile/1.0/board/{boardId}', 200, { id: 'one' })).toEqual([
      '/id: must be integer, got "one"',
    ]);
  });
});

describe('SprintBean stands in for the agile sprint responses', () => {
  it('accepts every sprint of the spec’s example for GET /rest/agile/1.0/board/{boardId}/sprint', () => {
    const example = jiraResponseExample('software', 'get', '/rest/agile/1.0/board/{boardId}/sprint', 200) as {
      values: unknown[];
    };
    expect(example.values.length).toBeGreaterThan(0);
    for (const sprint of example.values) expect(validateJira('software', 'SprintBean', sprint)).toEqual([]);
  });
});

describe('OpenAPI 3.0 keywords', () => {
  it('honours nullable', () => {
    expect(validateJira('platform', 'GroupDetails', { name: 'administration', groupId: null })).toEqual([]);
    expect(validateJira('platform', 'GroupDetails', { name: 'administration', groupId: 5 })).toEqual([
      '/groupId: must be string, got 5',
    ]);
  });

  it('selects the oneOf branch by discriminator, where plain oneOf would reject overlapping branches', () => {
    expect(validateJira('platform', 'CustomContextVariable', { type: 'json' })).toEqual([]);
    expect(validateJira('platform', 'CustomContextVariable', { type: 'user' })).toContain(
      "(root): must have required property 'accountId'",
    );
    expect(validateJira('platform', 'CustomContextVariable', { type: 'board' })).toContain(
      '/type: must be equal to one of the allowed values ["issue","json","user"], got "board"',
    );
  });

  it('does not require writeOnly properties in what Jira sends', () => {
    expect(validateJira('platform', 'CreateIssueSecuritySchemeDetails', {})).toEqual([]);
  });
});
