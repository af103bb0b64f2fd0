// Reads of the local Jira: every success response is checked against Atlassian's OpenAPI descriptions
// (../shared/jira-openapi), then against Jira's semantics (JQL, paging, permissions, errors, snapshots).
import { APP_FIELD_KEYS } from '../../src/contract';
import { validateJira, validateJiraResponse } from '../../test/support/openapi';
import { APP_ID, ENVIRONMENT_ID } from './catalog';
import { createLocalJira } from './local-jira';
import { ANCHOR_MS, APP, as, bodyOf, fixture, type IssueJson } from './test-helpers';

type SearchPage = { issues: IssueJson[]; nextPageToken?: string; isLast: boolean; names?: Record<string, string> };
type BulkPage = {
  issueChangeLogs: {
    issueId: string;
    changeHistories: { id: string; created: string; items: { fieldId: string }[] }[];
  }[];
  nextPageToken?: string;
};

const keysOf = (page: SearchPage): string[] => page.issues.map((i) => i.key);
const numbers = (...n: number[]): string[] => n.map((x) => `DEMAT-${x}`);

describe('local Jira: responses match the OpenAPI descriptions', () => {
  const f = fixture();

  it.each<[string, 'get' | 'post', string, string, unknown]>([
    ['fields', 'get', '/rest/api/3/field', '/rest/api/3/field', undefined],
    [
      'search, default fields',
      'get',
      '/rest/api/3/search/jql?jql=project%20%3D%20DEMAT',
      '/rest/api/3/search/jql',
      undefined,
    ],
    [
      'search, all fields, names and changelog',
      'get',
      '/rest/api/3/search/jql?jql=project=DEMAT&fields=*all&expand=names,schema,changelog&maxResults=100',
      '/rest/api/3/search/jql',
      undefined,
    ],
    [
      'search (POST), a page',
      'post',
      '/rest/api/3/search/jql',
      '/rest/api/3/search/jql',
      { jql: 'project = DEMAT ORDER BY key', fields: ['summary', 'status', 'customfield_10100'], maxResults: 5 },
    ],
    [
      'issue',
      'get',
      '/rest/api/3/issue/DEMAT-5?expand=names,schema,changelog,transitions',
      '/rest/api/3/issue/{issueIdOrKey}',
      undefined,
    ],
    [
      'issue changelog',
      'get',
      '/rest/api/3/issue/DEMAT-19/changelog?startAt=2&maxResults=5',
      '/rest/api/3/issue/{issueIdOrKey}/changelog',
      undefined,
    ],
    [
      'transitions',
      'get',
      '/rest/api/3/issue/DEMAT-26/transitions',
      '/rest/api/3/issue/{issueIdOrKey}/transitions',
      undefined,
    ],
    [
      'bulk changelogs',
      'post',
      '/rest/api/3/changelog/bulkfetch',
      '/rest/api/3/changelog/bulkfetch',
      { issueIdsOrKeys: ['DEMAT-5', '10019'], maxResults: 5 },
    ],
    [
      'my permissions',
      'get',
      '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,ADMINISTER,ADMINISTER_PROJECTS,EDIT_ISSUES,TRANSITION_ISSUES&projectKey=DEMAT',
      '/rest/api/3/mypermissions',
      undefined,
    ],
    [
      'user groups',
      'get',
      '/rest/api/3/user/groups?accountId=5b10ac8d82e05b22cc7d4e01',
      '/rest/api/3/user/groups',
      undefined,
    ],
    ['myself with groups', 'get', '/rest/api/3/myself?expand=groups', '/rest/api/3/myself', undefined],
    ['group picker', 'get', '/rest/api/3/groups/picker?query=demat', '/rest/api/3/groups/picker', undefined],
    [
      'project versions',
      'get',
      '/rest/api/3/project/DEMAT/versions',
      '/rest/api/3/project/{projectIdOrKey}/versions',
      undefined,
    ],
  ])('%s', async (_name, method, path, specPath, body) => {
    const caller = path.startsWith('/rest/api/3/myself') ? as('claire.martin') : APP;
    const response = await f.jira.handle({ method: method === 'get' ? 'GET' : 'POST', path, body, caller });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(validateJiraResponse('platform', method, specPath, 200, response.body)).toEqual([]);
  });

  it.each<[string, string]>([
    ['boards', '/rest/agile/1.0/board?projectKeyOrId=DEMAT&type=scrum'],
    ['a board', '/rest/agile/1.0/board/1'],
    ['board configuration', '/rest/agile/1.0/board/1/configuration'],
  ])('agile: %s', async (_name, path) => {
    const response = await f.get(path);
    expect(response.status).toBe(200);
    expect(
      validateJiraResponse(
        'software',
        'get',
        path.replace(/\?.*$/, '').replace(/\/board\/\d+/, '/board/{boardId}'),
        200,
        response.body,
      ),
    ).toEqual([]);
  });

  // The agile spec gives these responses an example, no schema: their beans are checked one by one.
  it('agile: board sprints, a sprint and its issues', async () => {
    const sprints = bodyOf<{ values: unknown[]; isLast: boolean; total: number }>(
      await f.get('/rest/agile/1.0/board/1/sprint'),
    );
    expect(sprints).toMatchObject({ startAt: 0, maxResults: 50, total: 3, isLast: true });
    for (const s of sprints.values) expect(validateJira('software', 'SprintBean', s)).toEqual([]);
    expect(validateJira('software', 'SprintBean', (await f.get('/rest/agile/1.0/sprint/3')).body)).toEqual([]);
    const page = bodyOf<{ issues: { fields: Record<string, unknown> }[]; total: number }>(
      await f.get('/rest/agile/1.0/sprint/3/issue'),
    );
    expect(page.total).toBe(11);
    for (const issue of page.issues) expect(validateJira('software', 'IssueBean', issue)).toEqual([]);
    expect(page.issues[0]?.fields).toMatchObject({
      sprint: { id: 3, state: 'active' },
      closedSprints: [],
      flagged: false,
      customfield_10016: 5,
    });
  });

  it('errors have Jira’s shape', async () => {
    for (const response of [
      await f.get('/rest/api/3/nowhere'),
      await f.get('/rest/api/3/issue/DEMAT-999'),
      await f.get('/rest/api/3/search/jql?jql=foo%20%3D%20bar'),
      await f.post('/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: [] }),
    ]) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(validateJira('platform', 'ErrorCollection', response.body)).toEqual([]);
      expect(bodyOf<{ errorMessages: string[] }>(response).errorMessages.length).toBeGreaterThan(0);
    }
  });
});

describe('GET /rest/api/3/field', () => {
  it('lists the app’s Forge fields with their extension ARI, and Sprint and story points', async () => {
    const fields = bodyOf<{ id: string; name: string; schema: { type: string; custom?: string; customId?: number } }[]>(
      await fixture().get('/rest/api/3/field'),
    );
    const byId = new Map(fields.map((x) => [x.id, x]));
    Object.values(APP_FIELD_KEYS).forEach((moduleKey, i) => {
      const field = byId.get(`customfield_${10100 + i}`);
      expect(field?.schema.custom).toBe(
        `ari:cloud:ecosystem::extension/${APP_ID}/${ENVIRONMENT_ID}/static/${moduleKey}`,
      );
      expect(field?.schema.customId).toBe(10100 + i);
      expect(field?.schema.type).toBe(['incident-start', 'sla-due'].includes(moduleKey) ? 'datetime' : 'string');
    });
    expect(byId.get('customfield_10020')).toMatchObject({
      name: 'Sprint',
      schema: { custom: 'com.pyxis.greenhopper.jira:gh-sprint' },
    });
    expect(byId.get('customfield_10016')).toMatchObject({ name: 'Story point estimate', schema: { type: 'number' } });
  });
});

describe('search/jql', () => {
  const f = fixture();
  const search = async (jql: string, extra: Record<string, unknown> = {}) =>
    f.post('/rest/api/3/search/jql', { jql, fields: ['summary'], maxResults: 100, ...extra });

  it('returns ids only by default', async () => {
    const page = bodyOf<SearchPage>(await f.get('/rest/api/3/search/jql?jql=key%20%3D%20DEMAT-5'));
    expect(page).toEqual({ issues: [{ id: '10005' }], isLast: true });
  });

  it.each<[string, string, string[]]>([
    ['project', 'project = DEMAT ORDER BY key', Array.from({ length: 35 }, (_, i) => `DEMAT-${i + 1}`)],
    ['one key', 'key = DEMAT-5', numbers(5)],
    ['keys, any case, by id too', 'key in (demat-3, DEMAT-1, 10002) ORDER BY key', numbers(1, 2, 3)],
    [
      'issue types',
      'project = DEMAT AND issuetype in ("Incident", "Demande de service") ORDER BY key',
      numbers(6, 8, 11, 13, 15, 16, 18, 28, 29, 35),
    ],
    [
      'the app’s fields by name',
      '"Gravité" = Bloquante AND "Environnement de détection" = Production ORDER BY key',
      numbers(5, 32, 34),
    ],
    // OR is a JQL keyword: the service level must be quoted, in Jira as here.
    ['the app’s fields by cf[]', 'cf[10102] = "OR" ORDER BY key', numbers(11, 35)],
    ['status by name', 'status = "En attente Administration" ORDER BY key', numbers(28, 30)],
    ['sprint by id, in rank order', 'sprint = 3 ORDER BY rank', numbers(32, 34, 19, 30, 27, 23, 9, 20, 22, 24, 25)],
    [
      'sprint by name and open sprints',
      'sprint = "DEMAT Sprint 1" AND sprint in closedSprints() ORDER BY key',
      numbers(1, 2, 3, 4, 5, 7),
    ],
    [
      'OR, NOT and parentheses',
      'project = DEMAT AND NOT (issuetype = Story OR issuetype = Anomalie) AND cf[10100] = Majeure ORDER BY key',
      numbers(26, 29),
    ],
    ['is EMPTY', 'project = DEMAT AND issuetype = Anomalie AND cf[10100] is EMPTY', numbers(33)],
    ['affected version', 'affectedVersion = "PLATAU 4.2" ORDER BY key', numbers(5, 7, 32)],
    ['created, newest first', 'project = DEMAT AND created >= -1d ORDER BY created DESC', numbers(35, 34)],
    ['story points', 'cf[10016] >= 8 ORDER BY key', numbers(10, 23, 24)],
    ['summary contains', 'summary ~ "PLATAU" ORDER BY key', numbers(7, 13, 17)],
    ['assignee = currentUser() is the caller', 'assignee = currentUser()', []],
  ])('%s: %s', async (_name, jql, keys) => {
    const response = await search(jql);
    expect(response.status).toBe(200);
    const got = keysOf(bodyOf<SearchPage>(response));
    expect(jql.includes('ORDER BY') ? got : [...got].sort()).toEqual(
      jql.includes('ORDER BY') ? keys : [...keys].sort(),
    );
  });

  it.each<[string, string]>([
    ['', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
    ['ORDER BY key', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
    ['colour = red', "Field 'colour' does not exist or you do not have permission to view it."],
    ['status = Ouvert', "The value 'Ouvert' does not exist for the field 'status'."],
    ['project = DEMAT ORDER BY summary', "Not able to sort using field 'summary'."],
    ['status < "En cours"', "The operator '<' is not supported by the 'status' field."],
    ['created > "hier"', "Date value 'hier' for field 'created' is invalid."],
    ['project = ', 'Error in the JQL Query: Expecting a value but got end of query. (line 1, character 11)'],
    ['cf[10102] = OR', "Error in the JQL Query: Expecting a value but got 'OR'."],
  ])('refuses %p', async (jql, message) => {
    const response = await search(jql);
    expect(response.status).toBe(400);
    expect(bodyOf<{ errorMessages: string[] }>(response).errorMessages[0]).toContain(message);
  });

  it('pages with maxResults and nextPageToken, and refuses a token of another query', async () => {
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = bodyOf<SearchPage>(
        await search('project = DEMAT ORDER BY key', { maxResults: 10, ...(token ? { nextPageToken: token } : {}) }),
      );
      keys.push(...keysOf(page));
      expect(page.isLast).toBe(page.nextPageToken === undefined);
      token = page.nextPageToken;
      pages++;
    } while (token !== undefined);
    expect(pages).toBe(4);
    expect(keys).toEqual(Array.from({ length: 35 }, (_, i) => `DEMAT-${i + 1}`));
    const first = bodyOf<SearchPage>(await search('project = DEMAT ORDER BY key', { maxResults: 10 }));
    const other = await search('project = DEMAT ORDER BY created', {
      maxResults: 10,
      nextPageToken: first.nextPageToken,
    });
    expect(other.status).toBe(400);
    expect(bodyOf<{ errorMessages: string[] }>(other).errorMessages).toEqual([
      'The provided next page token is invalid or expired.',
    ]);
  });

  it('expands names and a changelog capped at 100 histories with its total', async () => {
    const page = bodyOf<SearchPage>(
      await f.get('/rest/api/3/search/jql?jql=key=DEMAT-19&fields=summary,customfield_10105&expand=names,changelog'),
    );
    expect(page.names).toEqual({ summary: 'Résumé', customfield_10105: 'Statut SLA' });
    expect(page.issues[0]?.fields).toEqual({
      summary: 'Export PDF du récépissé de dépôt illisible',
      customfield_10105: null,
    });
    expect(page.issues[0]?.changelog?.total).toBe(10);
    // 150 more histories: the embedded changelog keeps the first 100, and says there are 160.
    for (let i = 0; i < 75; i++) {
      await f.put('/rest/api/3/issue/DEMAT-19', { fields: { summary: `Export PDF ${i}` } }, as('claire.martin'));
      await f.put(
        '/rest/api/3/issue/DEMAT-19',
        { fields: { summary: 'Export PDF du récépissé de dépôt illisible' } },
        as('claire.martin'),
      );
    }
    const long = bodyOf<SearchPage>(await f.get('/rest/api/3/search/jql?jql=key=DEMAT-19&expand=changelog'));
    expect(long.issues[0]?.changelog).toMatchObject({ startAt: 0, maxResults: 100, total: 160 });
    expect(long.issues[0]?.changelog?.histories).toHaveLength(100);
  });

  it('rejects a bad POST body, naming the field', async () => {
    const response = await f.post('/rest/api/3/search/jql', { jql: 'project = DEMAT', maxResults: 'ten', colour: 1 });
    expect(response.status).toBe(400);
    expect(bodyOf<{ errorMessages: string[] }>(response).errorMessages.join(' ')).toMatch(/maxResults: .*number/);
  });
});

describe('changelog/bulkfetch', () => {
  const f = fixture();
  // 10 + 8 + 7 histories.
  const ISSUES = ['DEMAT-19', 'DEMAT-7', '10005'];

  it('pages 25 histories by 10 in 3 pages, oldest first, issue by issue', async () => {
    const pages: BulkPage[] = [];
    let token: string | undefined;
    do {
      const response = await f.post('/rest/api/3/changelog/bulkfetch', {
        issueIdsOrKeys: ISSUES,
        maxResults: 10,
        ...(token ? { nextPageToken: token } : {}),
      });
      expect(response.status).toBe(200);
      expect(validateJiraResponse('platform', 'post', '/rest/api/3/changelog/bulkfetch', 200, response.body)).toEqual(
        [],
      );
      const page = bodyOf<BulkPage>(response);
      pages.push(page);
      token = page.nextPageToken;
    } while (token !== undefined);
    expect(pages.map((p) => p.issueChangeLogs.reduce((n, l) => n + l.changeHistories.length, 0))).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.issueChangeLogs.map((l) => `${l.issueId}×${l.changeHistories.length}`))).toEqual([
      ['10019×10'],
      ['10007×8', '10005×2'],
      ['10005×5'],
    ]);
    const all = pages.flatMap((p) => p.issueChangeLogs);
    for (const id of ['10019', '10007', '10005']) {
      const created = all
        .filter((l) => l.issueId === id)
        .flatMap((l) => l.changeHistories.map((h) => Date.parse(h.created.replace(/(\d\d)(\d\d)$/, '$1:$2'))));
      expect(created).toEqual([...created].sort((a, b) => a - b));
    }
  });

  it('filters histories and items by field id', async () => {
    const page = bodyOf<BulkPage>(
      await f.post('/rest/api/3/changelog/bulkfetch', {
        issueIdsOrKeys: ['DEMAT-32', 'DEMAT-5'],
        fieldIds: ['customfield_10100'],
      }),
    );
    expect(page.issueChangeLogs).toHaveLength(1);
    expect(page.issueChangeLogs[0]?.issueId).toBe('10032');
    expect(page.issueChangeLogs[0]?.changeHistories.flatMap((h) => h.items.map((i) => i.fieldId))).toEqual([
      'customfield_10100',
    ]);
    expect(page.nextPageToken).toBeUndefined();
  });

  it.each<[string, unknown, RegExp]>([
    ['no issues', { issueIdsOrKeys: [] }, /issueIdsOrKeys: /],
    [
      'too many field ids',
      { issueIdsOrKeys: ['DEMAT-1'], fieldIds: Array.from({ length: 11 }, (_, i) => `f${i}`) },
      /fieldIds: /,
    ],
    ['maxResults out of range', { issueIdsOrKeys: ['DEMAT-1'], maxResults: 0 }, /maxResults: /],
    ['a forged token', { issueIdsOrKeys: ['DEMAT-1'], nextPageToken: 'abc' }, /next page token is invalid/],
  ])('refuses %s', async (_name, body, message) => {
    const response = await f.post('/rest/api/3/changelog/bulkfetch', body);
    expect(response.status).toBe(400);
    expect(bodyOf<{ errorMessages: string[] }>(response).errorMessages.join(' ')).toMatch(message);
  });
});

describe('users, groups and permissions', () => {
  const f = fixture();
  const permissions = async (login: string, scope = '') => {
    const response = await f.get(
      `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,ADMINISTER,ADMINISTER_PROJECTS,EDIT_ISSUES,TRANSITION_ISSUES${scope}`,
      as(login),
    );
    const body = bodyOf<{ permissions: Record<string, { havePermission: boolean }> }>(response);
    return response.status === 200
      ? Object.fromEntries(Object.entries(body.permissions).map(([k, v]) => [k, v.havePermission]))
      : response.status;
  };

  it.each<[string, Record<string, boolean>]>([
    [
      'claire.martin',
      {
        BROWSE_PROJECTS: true,
        ADMINISTER: true,
        ADMINISTER_PROJECTS: true,
        EDIT_ISSUES: true,
        TRANSITION_ISSUES: true,
      },
    ],
    [
      'sophie.bernard',
      {
        BROWSE_PROJECTS: true,
        ADMINISTER: false,
        ADMINISTER_PROJECTS: true,
        EDIT_ISSUES: true,
        TRANSITION_ISSUES: true,
      },
    ],
    [
      'paul.leroy',
      {
        BROWSE_PROJECTS: true,
        ADMINISTER: false,
        ADMINISTER_PROJECTS: false,
        EDIT_ISSUES: true,
        TRANSITION_ISSUES: true,
      },
    ],
    [
      'julie.moreau',
      {
        BROWSE_PROJECTS: true,
        ADMINISTER: false,
        ADMINISTER_PROJECTS: false,
        EDIT_ISSUES: true,
        TRANSITION_ISSUES: true,
      },
    ],
    [
      'marc.petit',
      {
        BROWSE_PROJECTS: false,
        ADMINISTER: false,
        ADMINISTER_PROJECTS: false,
        EDIT_ISSUES: false,
        TRANSITION_ISSUES: false,
      },
    ],
  ])('%s has the permissions of the design note', async (login, expected) => {
    expect(await permissions(login)).toEqual(expected);
    if (login !== 'marc.petit') {
      expect(await permissions(login, '&projectKey=DEMAT')).toEqual(expected);
      expect(await permissions(login, '&issueKey=DEMAT-5')).toEqual(expected);
    }
  });

  it('answers 404 for a project or an issue the user cannot see, and 400 without permissions', async () => {
    expect(await permissions('marc.petit', '&projectKey=DEMAT')).toBe(404);
    expect(await permissions('marc.petit', '&issueKey=DEMAT-5')).toBe(404);
    expect(await permissions('claire.martin', '&projectKey=NOPE')).toBe(404);
    expect((await f.get('/rest/api/3/mypermissions', as('paul.leroy'))).status).toBe(400);
    expect((await f.get('/rest/api/3/mypermissions?permissions=FLY', as('paul.leroy'))).status).toBe(400);
  });

  it('gives groups by account, the caller with its groups, and the group picker', async () => {
    const groups = bodyOf<{ name: string }[]>(
      await f.get('/rest/api/3/user/groups?accountId=5b10ac8d82e05b22cc7d4e02'),
    ).map((g) => g.name);
    expect(groups).toContain('administration-demat');
    expect(groups).not.toContain('titulaire-dev');
    expect((await f.get('/rest/api/3/user/groups?accountId=nobody')).status).toBe(404);
    const me = bodyOf<{ accountId: string; groups: { items: { name: string }[] } }>(
      await f.get('/rest/api/3/myself?expand=groups', as('paul.leroy')),
    );
    expect(me.accountId).toBe('5b10ac8d82e05b22cc7d4e03');
    expect(me.groups.items.map((g) => g.name)).toContain('titulaire-dev');
    const app = await f.get('/rest/api/3/myself');
    expect(bodyOf(app)).toMatchObject({ accountType: 'app', displayName: 'Contract SLA' });
    expect(validateJiraResponse('platform', 'get', '/rest/api/3/myself', 200, app.body)).toEqual([]);
    const picker = bodyOf<{ total: number; groups: { name: string; html: string }[] }>(
      await f.get('/rest/api/3/groups/picker?query=ADMIN'),
    );
    expect(picker.groups.map((g) => g.name)).toEqual(['administration-demat', 'jira-admins-demat-ads']);
    expect(picker.groups[0]?.html).toBe('<b>admin</b>istration-demat');
  });

  it('hides the project from a user who may not browse it', async () => {
    const marc = as('marc.petit');
    expect(bodyOf<SearchPage>(await f.post('/rest/api/3/search/jql', { jql: 'project = DEMAT' }, marc)).issues).toEqual(
      [],
    );
    expect((await f.get('/rest/api/3/issue/DEMAT-5', marc)).status).toBe(404);
    expect((await f.get('/rest/api/3/issue/DEMAT-5/transitions', marc)).status).toBe(404);
    expect((await f.post('/rest/api/3/issue/DEMAT-34/transitions', { transition: { id: '11' } }, marc)).status).toBe(
      404,
    );
    expect((await f.put('/rest/api/3/issue/DEMAT-5', { fields: { summary: 'x' } }, marc)).status).toBe(404);
    expect(
      bodyOf<BulkPage>(await f.post('/rest/api/3/changelog/bulkfetch', { issueIdsOrKeys: ['DEMAT-5'] }, marc))
        .issueChangeLogs,
    ).toEqual([]);
    expect((await f.get('/rest/api/3/project/DEMAT/versions', marc)).status).toBe(404);
    expect(bodyOf<{ values: unknown[] }>(await f.get('/rest/agile/1.0/board', marc)).values).toEqual([]);
    expect((await f.get('/rest/agile/1.0/sprint/3/issue', marc)).status).toBe(404);
    // Everyone else sees it all.
    expect(
      bodyOf<SearchPage>(
        await f.post('/rest/api/3/search/jql', { jql: 'project = DEMAT', maxResults: 100 }, as('julie.moreau')),
      ).issues,
    ).toHaveLength(35);
  });
});

describe('handle', () => {
  it('never throws: unknown routes, unknown callers and broken requests become Jira errors', async () => {
    const f = fixture();
    const cases = [
      [f.jira.handle({ method: 'DELETE', path: '/rest/api/3/issue/DEMAT-1', caller: APP }), 404],
      [
        f.jira.handle({
          method: 'GET',
          path: '/rest/api/3/issue/DEMAT-1',
          caller: { kind: 'user', accountId: 'ghost' },
        }),
        401,
      ],
      [f.jira.handle({ method: 'POST', path: '/rest/api/3/search/jql', body: '{"jql": ', caller: APP }), 400],
      [f.jira.handle({ method: 'GET', path: undefined as unknown as string, caller: APP }), 404],
      [f.jira.handle({ method: 'GET', path: '/rest/api/3/issue/%E0%A4%A', caller: APP }), 404],
      [f.jira.handle(null as unknown as Parameters<typeof f.jira.handle>[0]), 500],
    ] as const;
    for (const [promise, status] of cases) expect((await promise).status).toBe(status);
  });

  it('accepts a JSON text body and a full URL', async () => {
    const f = fixture();
    const response = await f.jira.handle({
      method: 'POST',
      path: 'https://demat-ads.atlassian.net/rest/api/3/search/jql',
      body: '{"jql":"key = DEMAT-1"}',
      caller: APP,
    });
    expect(bodyOf<SearchPage>(response).issues).toEqual([{ id: '10001' }]);
  });

  it('records every request, without its query, until reset', async () => {
    const f = fixture();
    await f.get('/rest/api/3/issue/DEMAT-1?fields=summary', as('paul.leroy'));
    await f.get('/rest/api/3/nowhere');
    expect(f.jira.calls()).toEqual([
      {
        method: 'GET',
        path: '/rest/api/3/issue/DEMAT-1',
        caller: as('paul.leroy'),
        status: 200,
        at: new Date(ANCHOR_MS + 60_000).toISOString(),
      },
      {
        method: 'GET',
        path: '/rest/api/3/nowhere',
        caller: APP,
        status: 404,
        at: new Date(ANCHOR_MS + 60_000).toISOString(),
      },
    ]);
    f.jira.resetCalls();
    expect(f.jira.calls()).toEqual([]);
  });
});

describe('toJSON and restore', () => {
  it('round-trips through JSON, changes included, and the restored Jira answers the same', async () => {
    const f = fixture();
    await f.post('/rest/api/3/issue/DEMAT-34/transitions', { transition: { id: '11' } }, as('paul.leroy'));
    await f.put('/rest/api/3/app/field/customfield_10105/value?generateChangelog=false', {
      updates: [{ issueIds: [10034], value: 'running' }],
    });
    f.jira.setWorkflowValidator('41', 'severity-required-validator', {
      kind: 'severity-required',
      severityFieldId: 'customfield_10100',
      expression: 'true',
    });
    const snapshot: unknown = JSON.parse(JSON.stringify(f.jira.toJSON()));
    const restored = createLocalJira({ state: snapshot, now: () => ANCHOR_MS });
    const query = {
      method: 'POST',
      path: '/rest/api/3/search/jql',
      body: { jql: 'project = DEMAT ORDER BY key', fields: ['*all'], expand: 'changelog', maxResults: 100 },
      caller: APP,
    } as const;
    expect((await restored.handle(query)).body).toEqual((await f.jira.handle(query)).body);
    expect(restored.workflowValidators()).toEqual(f.jira.workflowValidators());
    expect(restored.anchorMs()).toBe(ANCHOR_MS);
    expect(JSON.stringify(restored.toJSON())).toBe(JSON.stringify(snapshot));
    // New issues and histories continue the numbering.
    const created = await restored.handle({
      method: 'POST',
      path: '/rest/api/3/issue',
      body: { fields: { project: { key: 'DEMAT' }, issuetype: { name: 'Story' }, summary: 'Nouvelle' } },
      caller: APP,
    });
    expect(bodyOf(created)).toMatchObject({ key: 'DEMAT-36' });
  });

  it('refuses what is not a snapshot, saying where', () => {
    expect(() => createLocalJira({ state: { format: 'something else' }, now: () => ANCHOR_MS })).toThrow(
      /state is not a local Jira snapshot \(format: /,
    );
    const snapshot = JSON.parse(JSON.stringify(fixture().jira.toJSON())) as { issues: { status: string }[] };
    (snapshot.issues[0] as { status: string }).status = 'Ouvert';
    expect(() => createLocalJira({ state: snapshot, now: () => ANCHOR_MS })).toThrow(/issues\.0\.status/);
  });
});

describe('GET /rest/api/3/issuetype', () => {
  it('lists the project issue types in the shape of the OpenAPI description', async () => {
    const { createLocalJira: create } = await import('./local-jira');
    const { validateJiraResponse } = await import('../../test/support/openapi');
    const anchorMs = Date.parse('2026-04-24T12:00:00+02:00');
    const jira = create({ seed: { anchorMs }, now: () => anchorMs });
    const answer = await jira.handle({ method: 'GET', path: '/rest/api/3/issuetype', caller: { kind: 'app' } });
    expect(answer.status).toBe(200);
    expect(validateJiraResponse('platform', 'get', '/rest/api/3/issuetype', 200, answer.body)).toEqual([]);
    expect((answer.body as { name: string }[]).map((t) => t.name)).toEqual([
      'Anomalie',
      'Incident',
      'Anomalie documentaire',
      'Demande de service',
      'Story',
    ]);
  });
});
