// Issue 10: the local Jira's side of app JQL functions (jql-functions.ts): the payload it sends, the precomputation
// it stores and reuses (so a fragment that embeds the current time visibly goes stale, as on a site), errors.
import type { JqlFunctionModule, JqlFunctionPayload } from './jql-functions';
import { ANCHOR_MS, bodyOf, fixture, type Fixture } from './test-helpers';

const HOUR = 3_600_000;
const MODULES: JqlFunctionModule[] = [{ key: 'late-jql', name: 'late', operators: ['in', 'not in'], types: ['issue'] }];

async function keys(f: Fixture, jql: string): Promise<string[]> {
  const response = await f.post('/rest/api/3/search/jql', { jql, fields: ['key'] });
  if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  return bodyOf<{ issues: { key: string }[] }>(response).issues.map((i) => i.key);
}

async function withDueDates(): Promise<Fixture> {
  const f = fixture(); // now = ANCHOR + 1 min
  for (const [key, dueMs] of [
    ['DEMAT-1', ANCHOR_MS - HOUR],
    ['DEMAT-2', ANCHOR_MS + HOUR],
  ] as const) {
    const put = await f.put(`/rest/api/3/issue/${key}/properties/contractSla`, {
      resolutionState: 'running',
      resolutionDueAt: new Date(dueMs).toISOString(),
    });
    expect(put.status).toBe(201);
  }
  return f;
}

describe('app JQL functions in the local Jira (issue 10)', () => {
  it('sends the documented payload and replaces the clause with the returned fragment', async () => {
    const f = await withDueDates();
    const payloads: { moduleKey: string; payload: JqlFunctionPayload }[] = [];
    f.jira.setJqlFunctions(MODULES, async (moduleKey, payload) => {
      payloads.push({ moduleKey, payload });
      return { jql: 'issue.property[contractSla].resolutionDueAt < now()' };
    });
    expect(await keys(f, 'project = DEMAT AND issue in late("x", y)')).toEqual(['DEMAT-1']);
    expect(payloads).toEqual([
      {
        moduleKey: 'late-jql',
        payload: {
          precomputationId: expect.any(String),
          clause: { field: 'issue', type: ['issue'], operator: 'in', functionName: 'late', arguments: ['x', 'y'] },
        },
      },
    ]);
  });

  it('stores the fragment: a fragment that embedded "now" goes stale when the clock moves, one with now() does not', async () => {
    const f = await withDueDates();
    let calls = 0;
    f.jira.setJqlFunctions(
      [...MODULES, { key: 'late-now-jql', name: 'lateNow', operators: ['in'], types: ['issue'] }],
      async (moduleKey) => {
        calls++;
        // The wrong way: the current time written into the fragment (2026-04-22 10:01, Paris).
        if (moduleKey === 'late-jql')
          return { jql: 'issue.property[contractSla].resolutionDueAt < "2026-04-22 10:01"' };
        return { jql: 'issue.property[contractSla].resolutionDueAt < now()' };
      },
    );
    expect(await keys(f, 'project = DEMAT AND issue in late()')).toEqual(['DEMAT-1']);
    expect(await keys(f, 'project = DEMAT AND issue in lateNow()')).toEqual(['DEMAT-1']);
    f.advance(2 * HOUR); // DEMAT-2 is now late
    expect(await keys(f, 'project = DEMAT AND issue in late()')).toEqual(['DEMAT-1']); // stale
    expect(await keys(f, 'project = DEMAT AND issue in lateNow()')).toEqual(['DEMAT-2', 'DEMAT-1']);
    expect(calls).toBe(2);
    expect(f.jira.jqlPrecomputations().map((p) => [p.functionName, p.computations])).toEqual([
      ['late', 1],
      ['lateNow', 1],
    ]);
  });

  it('computes again a precomputation unused for 7 days', async () => {
    const f = await withDueDates();
    let calls = 0;
    f.jira.setJqlFunctions(MODULES, async () => {
      calls++;
      return { jql: 'issue.property[contractSla].resolutionState = running' };
    });
    await keys(f, 'issue in late()');
    f.advance(6 * 24 * HOUR);
    await keys(f, 'issue in late()');
    expect(calls).toBe(1);
    f.advance(7 * 24 * HOUR + 1);
    await keys(f, 'issue in late()');
    expect(calls).toBe(2);
  });

  it('shows the error answer to the user (400) and refuses a fragment that is not JQL', async () => {
    const f = await withDueDates();
    f.jira.setJqlFunctions(MODULES, async (_key, payload) =>
      payload.clause.arguments[0] === 'bad' ? { error: 'Argument invalide. / Bad argument.' } : { jql: 'project =' },
    );
    const bad = await f.post('/rest/api/3/search/jql', { jql: 'issue in late(bad)' });
    expect([bad.status, bodyOf<{ errorMessages: string[] }>(bad).errorMessages]).toEqual([
      400,
      ['Argument invalide. / Bad argument.'],
    ]);
    const broken = await f.post('/rest/api/3/search/jql', { jql: 'issue in late(ok)' });
    expect(broken.status).toBe(400);
    expect(bodyOf<{ errorMessages: string[] }>(broken).errorMessages[0]).toMatch(/is not valid JQL/);
  });

  it('without the app, the function is unknown to JQL', async () => {
    const f = await withDueDates();
    const response = await f.post('/rest/api/3/search/jql', { jql: 'issue in late()' });
    expect(response.status).toBe(400);
    expect(bodyOf<{ errorMessages: string[] }>(response).errorMessages).toEqual([
      "Unable to find JQL function 'late()' for the field 'key'.",
    ]);
    expect(await keys(f, 'issue = DEMAT-2')).toEqual(['DEMAT-2']);
  });
});
