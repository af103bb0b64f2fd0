// The app's scopes as a Jira site applies them (issue 8): the workbench host refuses, with a 401, a call no
// alternative of its operation allows (workbench/local-jira/operation-scopes.ts). The app's main flows are run on
// the local Jira to list every route it calls and the scopes that allow each; a scope dropped from the manifest, or
// a route the table does not know, is refused.
import fs from 'node:fs';
import path from 'node:path';
import type { Reply, SprintBoardView } from '../../src/contract';
import { checkScopes, operationOf } from '../../workbench/local-jira/operation-scopes';
import { findManifest, manifestScopes, scopesOfManifest } from '../../workbench/host/manifest-scopes';
import { aForgeSite, userNamed, type ForgeSite } from '../support/forge-site';

jest.setTimeout(60_000);

const SEVERITY = 'customfield_10100';
const PROJECT_PAGE = {
  moduleKey: 'sprint-reserve-page',
  extension: { type: 'jira:projectPage', project: { key: 'DEMAT' } },
};
const SPRINT_ACTION = {
  moduleKey: 'sprint-reserve-action',
  extension: { type: 'jira:sprintAction', project: { key: 'DEMAT' }, board: { id: 1 }, sprint: { id: 3 } },
};
const GADGET = {
  moduleKey: 'contract-indicators',
  extension: { type: 'jira:dashboardGadget', gadgetConfiguration: { projectKey: 'DEMAT', month: '2026-04' } },
};
const ADMIN_PAGE = { moduleKey: 'settings-page', extension: { type: 'jira:adminPage' } };

const invoke = async <T>(
  site: ForgeSite,
  key: string,
  payload: unknown,
  context: Record<string, unknown>,
  user: string,
): Promise<T> => {
  const reply = (await site.host.invoke(key, payload, context, userNamed(site, user))) as Reply<T>;
  if (!reply.ok) throw new Error(`${key}: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
};

/** Every flow of the app: the panel, the settings, the validators, the triggers, the reserve page and the gadget. */
const runMainFlows = async (site: ForgeSite): Promise<void> => {
  const jira = (method: 'PUT' | 'POST', p: string, body: unknown, user: string) =>
    site.jira.handle({ method, path: p, body, caller: { kind: 'user', accountId: userNamed(site, user) } });
  await invoke(
    site,
    'sla/getIssueSla',
    {},
    { moduleKey: 'sla-panel', extension: { type: 'jira:issuePanel', issue: { key: 'DEMAT-5' } } },
    'Paul',
  );
  await invoke(site, 'settings/get', {}, ADMIN_PAGE, 'Claire');
  await invoke(site, 'settings/save', { document: { vsrMonths: 3 }, expectedVersion: 0 }, ADMIN_PAGE, 'Claire');
  await invoke(
    site,
    'validators/getOptions',
    { query: 'demat' },
    { moduleKey: 'administration-validator', extension: { type: 'jira:workflowValidator' } },
    'Claire',
  );
  await jira('POST', '/rest/api/3/issue/DEMAT-19/transitions', { transition: { id: '41' } }, 'Paul');
  await jira('POST', '/rest/api/3/issue/DEMAT-19/transitions', { transition: { id: '51' } }, 'Paul'); // the function validator
  await jira('PUT', '/rest/api/3/issue/DEMAT-27', { fields: { [SEVERITY]: 'Mineure' } }, 'Paul'); // D5: put back by the trigger
  await site.host.settle();
  await site.host.tick();
  await invoke(site, 'capacity/getBoard', {}, PROJECT_PAGE, 'Sophie');
  await invoke(site, 'capacity/getBoard', {}, SPRINT_ACTION, 'Paul');
  await invoke(site, 'capacity/setReserve', { sprintId: 3, reserve: 3 }, PROJECT_PAGE, 'Sophie');
  await invoke(site, 'indicators/getMonth', {}, GADGET, 'Sophie');
  await site.host.settle();
};

describe("the app's scopes", () => {
  it('allow every route the app calls, each by the alternative listed here', async () => {
    const site = aForgeSite();
    await runMainFlows(site);
    expect(site.host.backgroundErrors).toEqual([]);
    expect(site.host.scopeRefusals).toEqual([]);
    const routes = new Map<string, { as: Set<string>; scopes: readonly string[] }>();
    for (const call of site.host.calls().filter((c) => c.kind === 'jira')) {
      const verdict = checkScopes(call.method, call.path, site.host.scopes);
      if (!verdict.allowed) throw new Error(verdict.message);
      const key = `${verdict.operation.method} ${verdict.operation.pattern}`;
      const row = routes.get(key) ?? { as: new Set<string>(), scopes: verdict.by.scopes };
      row.as.add(call.as === 'app' ? 'app' : 'user');
      routes.set(key, row);
    }
    const table = Object.fromEntries(
      [...routes]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, row]) => [key, `${[...row.as].sort().join('+')}: ${row.scopes.join(' ') || '(none)'}`]),
    );
    expect(table).toEqual({
      'GET /rest/agile/1.0/board': 'app: read:board-scope:jira-software read:project:jira',
      'GET /rest/agile/1.0/board/{boardId}': 'app: read:board-scope:jira-software read:issue-details:jira',
      'GET /rest/agile/1.0/board/{boardId}/configuration':
        'app: read:board-scope.admin:jira-software read:project:jira',
      'GET /rest/agile/1.0/board/{boardId}/sprint': 'app: read:sprint:jira-software',
      'GET /rest/api/3/field': 'app: read:jira-work',
      'GET /rest/api/3/groups/picker': 'app: read:jira-user',
      'GET /rest/api/3/issuetype': 'app: read:jira-work',
      'GET /rest/api/3/myself': 'user: read:jira-user',
      'GET /rest/api/3/mypermissions': 'user: read:jira-work',
      'GET /rest/api/3/user/groups': 'app: read:jira-user',
      'POST /rest/api/3/app/field/value': 'app: (none)',
      'POST /rest/api/3/changelog/bulkfetch': 'app: read:jira-work',
      'POST /rest/api/3/search/jql': 'app+user: read:jira-work',
      // Issue 10 (D5): the severity UI modification, synced by the settings save's first queue job.
      'GET /rest/api/3/uiModifications': 'app: read:jira-work',
      'POST /rest/api/3/uiModifications': 'app: read:jira-work',
      // Issue 10: the contractSla issue property (write:jira-work, the Current scheme of "Set issue property").
      'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}': 'app: write:jira-work',
      // Issue 10: warnings before a breach ("Send notification for issue"), by write:jira-work, which the property
      // writes need anyway (so the Beta granular send:notification:jira is not asked for).
      'POST /rest/api/3/issue/{issueIdOrKey}/notify': 'app: write:jira-work',
    });
    // The minimum: each scope of the manifest allows one of these routes, except storage:app (the key-value store,
    // not a Jira route) and write:app-data:jira (optional today for the app field routes, announced as mandatory).
    const used = new Set([...routes.values()].flatMap((r) => r.scopes));
    expect([...site.host.scopes].filter((s) => !used.has(s)).sort()).toEqual(['storage:app', 'write:app-data:jira']);
  });

  it("default to the manifest's permissions.scopes", () => {
    expect(aForgeSite().host.scopes).toEqual(manifestScopes());
    expect(manifestScopes()).toContain('read:issue-details:jira');
  });

  it('without read:issue-details:jira: the sprint action is refused, naming that scope, and not as "not found"', async () => {
    const text = fs.readFileSync(findManifest(path.resolve(__dirname)), 'utf8');
    const without = text.replace(/^ {4}- read:issue-details:jira\n/m, '');
    expect(without).not.toBe(text);
    const site = aForgeSite({ scopes: scopesOfManifest(without) });
    const reply = (await site.host.invoke(
      'capacity/getBoard',
      {},
      SPRINT_ACTION,
      userNamed(site, 'Paul'),
    )) as Reply<SprintBoardView>;
    expect(reply.ok ? null : reply.error.code).toBe('FORBIDDEN');
    expect(reply.ok ? '' : reply.error.message).toMatch(
      /^GET \/rest\/agile\/1\.0\/board\/1 : Jira a refusé l'appel de Contract SLA \(401\).* \/ GET \/rest\/agile\/1\.0\/board\/1: Jira refused Contract SLA's call \(401\)/,
    );
    expect(site.host.scopeRefusals.map((r) => [r.as, r.operation, r.missing])).toEqual([
      ['app', 'GET /rest/agile/1.0/board/{boardId}', ['read:issue-details:jira']],
    ]);
    expect(site.host.scopeRefusals[0]?.message).toContain('needs read:issue-details:jira');
    expect(
      site.host
        .calls()
        .filter((c) => c.kind === 'jira' && c.status === 401)
        .map((c) => c.path),
    ).toEqual(['/rest/agile/1.0/board/1']);
  });

  it('answer a refused call as a site does: 401, "scope does not match"', async () => {
    const site = aForgeSite({ scopes: [] });
    const answer = await site.host.runAs(null, () => callJira('/rest/api/3/field'));
    expect([answer.status, answer.headers.get('x-failure-category'), await answer.json()]).toEqual([
      401,
      'FAILURE_CLIENT_SCOPE_CHECK',
      { code: 401, message: 'Unauthorized; scope does not match' },
    ]);
    expect(site.host.scopeRefusals.map((r) => r.missing)).toEqual([['read:jira-work']]);
  });

  it('refuse, loudly, a route the scope table does not know', async () => {
    const site = aForgeSite();
    expect(operationOf('GET', '/rest/api/3/project/DEMAT')).toBeUndefined();
    const answer = await site.host.runAs(null, () => callJira('/rest/api/3/project/DEMAT'));
    expect(answer.status).toBe(401);
    expect(site.host.scopeRefusals.map((r) => [r.operation, r.path])).toEqual([[null, '/rest/api/3/project/DEMAT']]);
    expect(site.host.scopeRefusals[0]?.message).toMatch(
      /^GET \/rest\/api\/3\/project\/DEMAT is not in the workbench's scope table/,
    );
  });
});

/** A call as @forge/api makes it as the app: through the seam the host installed. */
const callJira = (p: string): Promise<Response> => {
  const seam = (
    globalThis as { __forge_fetch__?: (target: unknown, path: string, init?: unknown) => Promise<Response> }
  ).__forge_fetch__;
  if (seam === undefined) throw new Error('the host is not installed');
  return seam({ type: 'fpp', provider: 'app', remote: 'jira' }, p, { method: 'GET' });
};
