// The gateway over a scripted transport: the requests it builds, the pages and chunks it follows, and the AppError
// each refusal becomes (the contract suite, test/jira-gateway.contract.ts, runs it over the local Jira and ExportJira).
import type { JiraReply, JiraTransport } from '../app/ports';
import { jiraGateway } from './jira-gateway';

type Call = { as: string; method: string; path: string; body: unknown };

const scripted = (answer: (call: Call) => JiraReply) => {
  const calls: Call[] = [];
  const transport: JiraTransport = {
    async request(as, method, path, body) {
      const call = { as, method, path, body };
      calls.push(call);
      return answer(call);
    },
  };
  return { calls, gateway: jiraGateway(transport) };
};

const lengthOf = (value: unknown): number => (Array.isArray(value) ? value.length : -1);
const bodyOf = (call: Call | undefined): Record<string, unknown> =>
  typeof call?.body === 'object' && call.body !== null ? Object.fromEntries(Object.entries(call.body)) : {};

describe('jiraGateway over a transport', () => {
  it('changelogs: 1000 issues a call, each chunk’s pages followed, histories joined per issue', async () => {
    const ids = Array.from({ length: 1500 }, (_, i) => String(10_000 + i));
    const { calls, gateway } = scripted((call) => {
      const body = bodyOf(call);
      const asked = Array.isArray(body.issueIdsOrKeys) ? body.issueIdsOrKeys.map(String) : [];
      const first = body.nextPageToken === undefined;
      return {
        status: 200,
        body: {
          issueChangeLogs: [{ issueId: asked[0], changeHistories: [{ id: first ? 'a' : 'b' }] }],
          ...(first ? { nextPageToken: 'more' } : {}),
        },
      };
    });
    const logs = await gateway.changelogs(
      'app',
      ids,
      Array.from({ length: 12 }, (_, i) => `f${i}`),
    );
    expect(calls.map((c) => [lengthOf(bodyOf(c).issueIdsOrKeys), bodyOf(c).nextPageToken])).toEqual([
      [1000, undefined],
      [1000, 'more'],
      [500, undefined],
      [500, 'more'],
    ]);
    expect(calls.every((c) => lengthOf(bodyOf(c).fieldIds) === 10)).toBe(true);
    expect(logs).toEqual([
      { issueId: '10000', changeHistories: [{ id: 'a' }, { id: 'b' }] },
      { issueId: '11000', changeHistories: [{ id: 'a' }, { id: 'b' }] },
    ]);
  });

  it('searchIssues: pages of 100 until isLast, or until maxIssues; reconciled ids sent as numbers', async () => {
    const { calls, gateway } = scripted((call) => {
      const start = Number(bodyOf(call).nextPageToken ?? 0);
      const issues = Array.from({ length: 100 }, (_, i) => ({ id: String(start + i), key: `K-${start + i}` }));
      return { status: 200, body: { issues, isLast: start >= 200, nextPageToken: String(start + 100) } };
    });
    expect(await gateway.searchIssues('user', { jql: 'x', fields: ['id'], reconcileIssueIds: ['7'] })).toHaveLength(
      300,
    );
    expect(calls.map((c) => c.as)).toEqual(['user', 'user', 'user']);
    expect(bodyOf(calls[1])).toEqual({
      jql: 'x',
      fields: ['id'],
      maxResults: 100,
      nextPageToken: '100',
      reconcileIssues: [7],
    });
    calls.length = 0;
    expect(await gateway.searchIssues('app', { jql: 'x', fields: ['id'], maxIssues: 150 })).toHaveLength(200);
    await expect(
      gateway.searchPage('app', {
        jql: 'x',
        fields: [],
        maxResults: 1,
        reconcileIssueIds: Array.from({ length: 51 }, String),
      }),
    ).rejects.toThrow(RangeError);
  });

  it.each<[number, unknown, string, string]>([
    [404, {}, 'NOT_FOUND', 'POST /rest/api/3/search/jql: not found or not visible'],
    [401, {}, 'FORBIDDEN', "POST /rest/api/3/search/jql : Jira a refusé l'appel de Contract SLA (401)"],
    [400, { errorMessages: ['bad JQL'] }, 'INTERNAL', 'POST /rest/api/3/search/jql: Jira answered 400: bad JQL'],
    [200, { issues: [{ key: 'K-1' }] }, 'INTERNAL', 'POST /rest/api/3/search/jql: unexpected response from Jira'],
  ])('a search answered %s is the AppError it means', async (status, body, code, message) => {
    const { gateway } = scripted(() => ({ status, body }));
    const error: unknown = await gateway.searchPage('app', { jql: 'x', fields: [], maxResults: 1 }).catch((e) => e);
    expect(error).toMatchObject({ name: 'AppError', code });
    expect(error instanceof Error ? error.message : '').toContain(message);
  });

  it('writeAppFieldValues: ids as numbers, generateChangelog in the query, the status of a refused write', async () => {
    const { calls, gateway } = scripted(() => ({ status: 204, body: undefined }));
    expect(
      await gateway.writeAppFieldValues([{ customField: 'customfield_1', issueIds: ['10001'], value: 'met' }], {
        generateChangelog: false,
      }),
    ).toEqual({ written: true });
    expect(calls).toEqual([
      {
        as: 'app',
        method: 'POST',
        path: '/rest/api/3/app/field/value?generateChangelog=false',
        body: { updates: [{ customField: 'customfield_1', issueIds: [10001], value: 'met' }] },
      },
    ]);
    const refused = scripted(() => ({ status: 403, body: {} }));
    expect(await refused.gateway.writeAppFieldValues([], { generateChangelog: true })).toEqual({
      written: false,
      status: 403,
    });
  });

  it('board: null on 404, the refusal of a 401 named with the board’s id; myself: no name rather than an error', async () => {
    expect(await scripted(() => ({ status: 404, body: {} })).gateway.board(3)).toBeNull();
    await expect(scripted(() => ({ status: 401, body: {} })).gateway.board(3)).rejects.toThrow(
      /^GET \/rest\/agile\/1\.0\/board\/3 : Jira a refusé/,
    );
    expect(await scripted(() => ({ status: 500, body: {} })).gateway.myselfDisplayName()).toBeNull();
  });
});
