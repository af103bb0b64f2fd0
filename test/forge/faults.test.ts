// Jira under load (issue 8): the workbench answers a share of the app's calls with 429 (Retry-After) or 500, and its
// search lags behind writes. The app retries in bounds and as the header says, asks Forge to redeliver what it
// could not finish (InvocationError), reconciles the issues it has just seen written, and ends as a run without
// faults: nothing lost, nothing written twice.
import type { ManualClock } from '../../workbench/host/clocks';
import { aForgeSite, userNamed, type ForgeSite } from '../support/forge-site';

const SLA_STATUS = 'customfield_10105';
const SLA_DUE = 'customfield_10106';
const CLASS = 'customfield_10104';

/** The app's read-only fields of every issue of the demo, read past any fault (the test's own calls are not faulted). */
const appFields = async (site: ForgeSite): Promise<Record<string, readonly unknown[]>> => {
  const search = await site.jira.handle({
    method: 'POST',
    path: '/rest/api/3/search/jql',
    body: { jql: 'project = DEMAT ORDER BY key', fields: [SLA_STATUS, SLA_DUE, CLASS], maxResults: 100 },
    caller: { kind: 'app' },
  });
  const issues = (search.body as { issues: { key: string; fields: Record<string, unknown> }[] }).issues;
  // A paused clock's due instant is provisional (now + what is left), so it moves with the instant of computation:
  // it is compared by its presence only. Everything else does not depend on when it was computed.
  return Object.fromEntries(
    issues.map((i) => {
      const status = i.fields[SLA_STATUS] ?? null;
      const due = i.fields[SLA_DUE] ?? null;
      return [i.key, [status, status === 'paused' && due !== null ? 'provisional' : due, i.fields[CLASS] ?? null]];
    }),
  );
};

const successfulFieldWrites = (site: ForgeSite): number =>
  site.host
    .calls()
    .filter((c) => c.kind === 'jira' && c.path.startsWith('/rest/api/3/app/field/value') && c.status < 300).length;

const recomputeAll = async (site: ForgeSite): Promise<void> => {
  for (let run = 0; run < 2; run++) {
    await site.host.tick();
    await site.host.settle();
  }
};

describe('Jira answering 429 and 500', () => {
  it('ends with the same fields as a run without faults: nothing lost, nothing written twice, no early retry', async () => {
    const calm = aForgeSite();
    await recomputeAll(calm);
    const loaded = aForgeSite();
    loaded.host.faults.set({ rate429: 0.25, rate500: 0.1, retryAfterSeconds: 2, seed: 7 });
    await recomputeAll(loaded);
    expect(loaded.host.faults.stats.injected429).toBeGreaterThan(0);
    expect(loaded.host.faults.stats.injected500).toBeGreaterThan(0);
    expect(loaded.host.faults.stats.earlyRetries).toBe(0);
    expect(await appFields(loaded)).toEqual(await appFields(calm));
    expect(successfulFieldWrites(loaded)).toBe(successfulFieldWrites(calm));
    // Every wait the app made on the clock is one Retry-After (2 s) or a back-off step (1 s, 2 s, 4 s).
    const waits = (loaded.clock as ManualClock).waits;
    expect(waits.length).toBeGreaterThan(0);
    // Issue 10: the host's redelivery delays (what the app asked Forge for, after its bounded retries) are the host's.
    const redeliveryWaits = loaded.host.redeliveries.map((r) => r.retryAfterSeconds * 1000);
    const appWaits = [...waits];
    for (const w of redeliveryWaits) appWaits.splice(appWaits.lastIndexOf(w), 1);
    expect(appWaits.filter((w) => ![1000, 2000, 4000].includes(w))).toEqual([]);
    expect(loaded.host.backgroundErrors).toEqual([]);
  });

  it('the panel waits as Retry-After says and answers', async () => {
    const site = aForgeSite();
    site.host.faults.set({ rate429: 0.3, retryAfterSeconds: 3, seed: 3 });
    const reply = (await site.host.invoke(
      'sla/getIssueSla',
      {},
      { extension: { type: 'jira:issuePanel', issue: { key: 'DEMAT-5' } } },
      userNamed(site, 'Paul'),
    )) as { ok: boolean };
    expect(reply).toMatchObject({ ok: true });
    expect(site.host.faults.stats.injected429).toBeGreaterThan(0);
    expect((site.clock as ManualClock).waits).toEqual(
      Array.from({ length: site.host.faults.stats.injected429 }, () => 3000),
    );
    expect(site.host.faults.stats.earlyRetries).toBe(0);
  });

  it('the panel answers JIRA_BUSY when Jira keeps refusing (the UI words it, French first)', async () => {
    const site = aForgeSite();
    site.host.faults.set({ rate429: 1, retryAfterSeconds: 2 });
    const reply = (await site.host.invoke(
      'sla/getIssueSla',
      {},
      { extension: { type: 'jira:issuePanel', issue: { key: 'DEMAT-5' } } },
      userNamed(site, 'Paul'),
    )) as { ok: boolean; error?: { code: string } };
    expect(reply).toMatchObject({ ok: false, error: { code: 'JIRA_BUSY' } });
    expect(site.host.faults.stats.earlyRetries).toBe(0);
  });

  it("a trigger that cannot finish returns an InvocationError with Jira's Retry-After, and Forge delivers it again", async () => {
    const site = aForgeSite();
    site.host.faults.set({ rate429: 1, retryAfterSeconds: 5 });
    const event = {
      eventType: 'avi:jira:updated:issue',
      issue: { id: '10030', key: 'DEMAT-30' },
      atlassianId: userNamed(site, 'Paul'),
    };
    const result = await site.host.runAs(null, () => site.app.onIssueEvent(event));
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      _retry: true,
      retryOptions: { retryAfter: 5, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED' },
    });

    // Through the platform: redelivered after 5 s each time, at most 4 times, then reported.
    await site.jira.handle({
      method: 'POST',
      path: '/rest/api/3/issue/DEMAT-30/transitions',
      body: { transition: { id: '31' } },
      caller: { kind: 'user', accountId: userNamed(site, 'Paul') },
    });
    await site.host.settle();
    expect(site.host.redeliveries.map((r) => [r.what, r.retryCount, r.retryAfterSeconds])).toEqual(
      [1, 2, 3, 4].map((n) => ['issue event', n, 5]),
    );
    expect(site.host.backgroundErrors).toEqual([
      expect.stringMatching(
        /^issue event: still asks for a retry \(FUNCTION_UPSTREAM_RATE_LIMITED\) after 4 redeliveries$/,
      ),
    ]);

    // Once Jira answers again, a redelivery completes the work.
    site.host.faults.set(null);
    await site.host.runAs(null, () => site.app.onIssueEvent(event));
    expect((await appFields(site))['DEMAT-30']?.[0]).toBe('running');
  });

  it('the consumer returns an InvocationError too, and its redelivery recomputes the batch', async () => {
    const site = aForgeSite();
    site.host.faults.set({ rate429: 1, retryAfterSeconds: 2 });
    const result = await site.host.runAs(null, () =>
      site.app.onRecompute({ body: { kind: 'recompute', issueIds: ['10005'], reason: 'test' } }),
    );
    expect(JSON.parse(JSON.stringify(result))).toMatchObject({ _retry: true, retryOptions: { retryAfter: 2 } });
    site.host.faults.set(null);
    await expect(
      site.host.runAs(null, () =>
        site.app.onRecompute({
          body: { kind: 'recompute', issueIds: ['10005'], reason: 'test' },
          retryContext: { retryCount: 1 },
        }),
      ),
    ).resolves.toBeUndefined();
    expect((await appFields(site))['DEMAT-5']?.[0]).toBe('breached');
  });
});

describe('a search index that lags behind writes (eventual consistency)', () => {
  const search = (site: ForgeSite, jql: string, reconcileIssues?: number[]) =>
    site.jira.handle({
      method: 'POST',
      path: '/rest/api/3/search/jql',
      body: { jql, fields: ['status'], ...(reconcileIssues ? { reconcileIssues } : {}) },
      caller: { kind: 'app' },
    });
  const keysOf = (answer: { body: unknown }) => (answer.body as { issues: { key: string }[] }).issues.map((i) => i.key);
  const statusOf = async (site: ForgeSite, key: string) =>
    (
      (
        await site.jira.handle({
          method: 'GET',
          path: `/rest/api/3/issue/${key}?fields=${SLA_STATUS}`,
          caller: { kind: 'app' },
        })
      ).body as { fields: Record<string, unknown> }
    ).fields[SLA_STATUS];

  it('the local Jira leaves out an issue written less than a second ago, unless the search reconciles it', async () => {
    const site = aForgeSite();
    site.jira.setSearchLag(1000);
    await site.jira.handle({
      method: 'POST',
      path: '/rest/api/3/issue/DEMAT-30/transitions',
      body: { transition: { id: '31' } },
      caller: { kind: 'user', accountId: userNamed(site, 'Paul') },
    });
    expect(keysOf(await search(site, 'key = DEMAT-30'))).toEqual([]);
    expect(keysOf(await search(site, 'key = DEMAT-30', [10030]))).toEqual(['DEMAT-30']);
    (site.clock as ManualClock).advance(1000);
    expect(keysOf(await search(site, 'key = DEMAT-30'))).toEqual(['DEMAT-30']);
  });

  it('the issue trigger reconciles the issue it was told about: its fields follow the transition at once', async () => {
    const site = aForgeSite();
    site.jira.setSearchLag(1000);
    expect(await statusOf(site, 'DEMAT-30')).toBeNull();
    await site.jira.handle({
      method: 'POST',
      path: '/rest/api/3/issue/DEMAT-30/transitions',
      body: { transition: { id: '31' } },
      caller: { kind: 'user', accountId: userNamed(site, 'Paul') },
    });
    await site.host.settle();
    expect(site.host.backgroundErrors).toEqual([]);
    expect(await statusOf(site, 'DEMAT-30')).toBe('running');
  });

  it('the panel opened right after an edit reads the edited issue (reconciled by the id in its context)', async () => {
    const site = aForgeSite();
    site.jira.setSearchLag(1000);
    const paul = userNamed(site, 'Paul');
    await site.jira.handle({
      method: 'POST',
      path: '/rest/api/3/issue/DEMAT-30/transitions',
      body: { transition: { id: '31' } },
      caller: { kind: 'user', accountId: paul },
    });
    const reply = (await site.host.invoke(
      'sla/getIssueSla',
      {},
      { extension: { type: 'jira:issuePanel', issue: { key: 'DEMAT-30', id: '10030' } } },
      paul,
    )) as { ok: boolean; data?: { slaStatus: string } };
    expect(reply).toMatchObject({ ok: true, data: { slaStatus: 'running' } });
  });
});
