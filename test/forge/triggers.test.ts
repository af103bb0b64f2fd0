// Product events, the scheduled trigger and the queue consumer, through the app's handlers against the local Jira.
import { recomputeIssues } from '../../src/app/recompute-issues';
import type { QueueJob } from '../../src/app/ports';
import { fullRecomputePage, scheduleDueSoon } from '../../src/app/schedule-recompute';
import { saveSettings } from '../../src/app/settings/settings-repository';
import { aForgeSite, TEST_ANCHOR_MS, userNamed, type ForgeSite } from '../support/forge-site';
import { siteDeps, type RecordedRequest, type SiteDeps } from '../support/site-deps';

const SLA_STATUS = 'customfield_10105';
const SLA_DUE = 'customfield_10106';
const SEVERITY = 'customfield_10100';

const fieldsOf = async (site: ForgeSite, key: string, fields: string) =>
  (
    (
      await site.jira.handle({
        method: 'GET',
        path: `/rest/api/3/issue/${key}?fields=${fields}`,
        caller: { kind: 'app' },
      })
    ).body as { fields: Record<string, unknown> }
  ).fields;

const historyCount = async (site: ForgeSite, key: string): Promise<number> =>
  (
    (
      await site.jira.handle({
        method: 'GET',
        path: `/rest/api/3/issue/${key}/changelog?maxResults=100`,
        caller: { kind: 'app' },
      })
    ).body as { total: number }
  ).total;

const appFieldWrites = (site: ForgeSite): number =>
  site.host.calls().filter((c) => c.kind === 'jira' && c.path.startsWith('/rest/api/3/app/field')).length;

describe('issue events', () => {
  let site: ForgeSite;
  beforeEach(() => {
    site = aForgeSite();
  });

  it('recomputes an issue when a user moves it, and writes its fields without adding history', async () => {
    const before = await historyCount(site, 'DEMAT-30');
    const reply = await site.jira.handle({
      method: 'POST',
      path: '/rest/api/3/issue/DEMAT-30/transitions',
      body: { transition: { id: '31' } },
      caller: { kind: 'user', accountId: userNamed(site, 'Paul') },
    });
    expect(reply.status).toBe(204);
    await site.host.settle();
    expect(site.host.backgroundErrors).toEqual([]);
    const fields = await fieldsOf(site, 'DEMAT-30', `${SLA_STATUS},${SLA_DUE}`);
    // The site's clock stands at the demo's anchor (Fri 24/04 12:00): the answer resumes the major anomaly's clock
    // at that instant (it was paused), with its workaround (1 day) still to run: running, not yet breached.
    expect(fields[SLA_STATUS]).toBe('running');
    expect(await historyCount(site, 'DEMAT-30')).toBe(before + 1); // the transition only: app writes leave no history
  });

  it('D5: puts back a severity that someone outside the Administration changed, and says so in the history', async () => {
    const paul = userNamed(site, 'Paul');
    await site.jira.handle({
      method: 'PUT',
      path: '/rest/api/3/issue/DEMAT-27',
      body: { fields: { [SEVERITY]: 'Mineure' } },
      caller: { kind: 'user', accountId: paul },
    });
    await site.host.settle();
    expect((await fieldsOf(site, 'DEMAT-27', SEVERITY))[SEVERITY]).toBe('Majeure');
    const log = (
      await site.jira.handle({
        method: 'GET',
        path: '/rest/api/3/issue/DEMAT-27/changelog?startAt=0&maxResults=100',
        caller: { kind: 'app' },
      })
    ).body as { values: { items: { fieldId?: string; fromString?: string; toString?: string }[] }[] };
    const severityChanges = log.values
      .flatMap((h) => h.items)
      .filter((i) => i.fieldId === SEVERITY)
      .map((i) => `${i.fromString} → ${i.toString}`);
    expect(severityChanges.slice(-2)).toEqual(['Majeure → Mineure', 'Mineure → Majeure']);
  });

  it('D5: a developer cannot set a severity after creation either: it is put back to empty', async () => {
    await site.jira.handle({
      method: 'PUT',
      path: '/rest/api/3/issue/DEMAT-33',
      body: { fields: { [SEVERITY]: 'Mineure' } },
      caller: { kind: 'user', accountId: userNamed(site, 'Paul') },
    });
    await site.host.settle();
    expect((await fieldsOf(site, 'DEMAT-33', SEVERITY))[SEVERITY] ?? null).toBeNull();
  });

  it('D5: lets the Administration requalify', async () => {
    await site.jira.handle({
      method: 'PUT',
      path: '/rest/api/3/issue/DEMAT-27',
      body: { fields: { [SEVERITY]: 'Bloquante' } },
      caller: { kind: 'user', accountId: userNamed(site, 'Claire') },
    });
    await site.host.settle();
    expect((await fieldsOf(site, 'DEMAT-27', SEVERITY))[SEVERITY]).toBe('Bloquante');
  });

  it('ignores a malformed event without failing, logging one line without the payload', async () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(
        site.app.onIssueEvent({ eventType: 'avi:jira:updated:issue', issue: { id: '../../etc' } }),
      ).resolves.toBeUndefined();
      await expect(site.app.onRecompute({ body: { issueIds: ['1 OR 1=1'] } })).resolves.toBeUndefined();
      expect(log.mock.calls.map((c) => c.join(' '))).toEqual([
        'issue event ignored: not an issue event',
        'recompute event ignored: malformed body',
      ]);
    } finally {
      log.mockRestore();
    }
  });
});

describe('the scheduled trigger and the queue', () => {
  it('computes every contract issue not yet computed, then writes nothing more while nothing changed', async () => {
    const site = aForgeSite();
    await site.host.tick();
    await site.host.settle();
    expect(site.host.backgroundErrors).toEqual([]);
    const search = await site.jira.handle({
      method: 'POST',
      path: '/rest/api/3/search/jql',
      body: { jql: 'project = DEMAT ORDER BY key', fields: ['issuetype', SLA_STATUS], maxResults: 100 },
      caller: { kind: 'app' },
    });
    const issues = (
      search.body as { issues: { key: string; fields: { issuetype: { name: string }; [k: string]: unknown } }[] }
    ).issues;
    const contract = issues.filter((i) => i.fields.issuetype.name !== 'Story');
    expect(
      contract.filter((i) => i.fields[SLA_STATUS] === null || i.fields[SLA_STATUS] === undefined).map((i) => i.key),
    ).toEqual([]);
    expect(issues.find((i) => i.key === 'DEMAT-5')?.fields[SLA_STATUS]).toBe('breached');
    expect(issues.find((i) => i.key === 'DEMAT-3')?.fields[SLA_STATUS]).toBe('met');
    const writes = appFieldWrites(site);
    await site.host.tick();
    await site.host.settle();
    // Clocks still running and due are picked again, but a recomputation that changes nothing writes nothing.
    expect(appFieldWrites(site) - writes).toBeLessThanOrEqual(1);
  });
});

describe('the scheduled search (issue 8)', () => {
  const SEARCH = '/rest/api/3/search/jql';
  const jqlOf = (requests: readonly RecordedRequest[]): string[] =>
    requests.filter((r) => r.path === SEARCH).map((r) => (r.body as { jql: string }).jql);
  // The queued batches, recomputed as the consumer would, at the demo's anchor.
  const runBatches = async (deps: SiteDeps): Promise<void> => {
    for (const job of deps.queued.splice(0))
      if (!('kind' in job) || job.kind === undefined || job.kind === 'recompute')
        await recomputeIssues(deps, job.issueIds, TEST_ANCHOR_MS);
  };
  // DEMAT-30 read without its creation date: a contract issue whose clocks cannot be computed.
  const withoutCreated = (request: RecordedRequest, reply: { status: number; body: unknown }) => {
    if (request.path !== SEARCH || !(request.body as { fields: string[] }).fields.includes('created')) return reply;
    const body = reply.body as { issues: { key: string; fields: Record<string, unknown> }[] };
    return {
      ...reply,
      body: {
        ...body,
        issues: body.issues.map((i) => (i.key === 'DEMAT-30' ? { ...i, fields: { ...i.fields, created: null } } : i)),
      },
    };
  };

  it('searches only the contract’s projects (settings `projects`)', async () => {
    const site = aForgeSite();
    const deps = siteDeps(site);
    expect((await scheduleDueSoon(deps)).issues).toBeGreaterThan(0);
    expect(jqlOf(deps.requests)).toEqual([expect.stringMatching(/^project in \("DEMAT"\) AND \(/)]);
    await saveSettings(deps.store, { projects: ['PLATAU'] }, 0, userNamed(site, 'Claire'), '2026-04-24T12:00:00+02:00');
    deps.requests.length = 0;
    expect(await scheduleDueSoon(deps)).toEqual({ issues: 0, batches: 0 });
    expect(jqlOf(deps.requests)).toEqual([expect.stringMatching(/^project in \("PLATAU"\) AND /)]);
  });

  it('selects nothing on a second tick: every issue selected once has a "Statut SLA", `none` when no clock could be computed', async () => {
    const site = aForgeSite();
    const deps = siteDeps(site, { answer: withoutCreated });
    const first = await scheduleDueSoon(deps);
    expect(first.issues).toBeGreaterThan(20);
    await runBatches(deps);
    expect((await fieldsOf(site, 'DEMAT-30', SLA_STATUS))[SLA_STATUS]).toBe('none');
    expect(await scheduleDueSoon(deps)).toEqual({ issues: 0, batches: 0 });
  });
});

describe('the full recompute after a settings change (issue 8)', () => {
  const contractIssueIds = async (site: ForgeSite): Promise<string[]> => {
    const search = await site.jira.handle({
      method: 'POST',
      path: '/rest/api/3/search/jql',
      body: { jql: 'project = DEMAT ORDER BY key', fields: ['issuetype'], maxResults: 100 },
      caller: { kind: 'app' },
    });
    return (search.body as { issues: { id: string; fields: { issuetype: { name: string } } }[] }).issues
      .filter((i) => i.fields.issuetype.name !== 'Story')
      .map((i) => i.id);
  };

  it('reads one page per job and chains the next page’s job, each with a bounded number of Jira calls, until every contract issue is queued', async () => {
    const site = aForgeSite();
    const deps = siteDeps(site);
    const version = (
      await saveSettings(deps.store, { vsrMonths: 3 }, 0, userNamed(site, 'Claire'), '2026-04-24T12:00:00+02:00')
    ).version;
    let pending: QueueJob[] = [{ kind: 'full-recompute', reason: 'settings v1', settingsVersion: version }];
    const batched: string[] = [];
    let jobs = 0;
    while (pending.length > 0) {
      const job = pending.shift() as QueueJob;
      if (job.kind !== 'full-recompute') throw new Error(`unexpected job ${job.kind ?? 'recompute'}`);
      jobs += 1;
      const before = deps.requests.length;
      await fullRecomputePage(deps, job, 10);
      expect(deps.requests.length - before).toBeLessThanOrEqual(2); // the issue types (cached after the first), one page
      for (const queued of deps.queued.splice(0)) {
        if (queued.kind === 'full-recompute') pending = [...pending, queued];
        else if (queued.kind !== 'monthly-report') batched.push(...queued.issueIds);
      }
    }
    const expected = await contractIssueIds(site);
    expect(jobs).toBe(Math.ceil(expected.length / 10));
    expect([...batched].sort()).toEqual([...expected].sort());
  });

  it('stops the chain of an older settings version: the newer save has its own', async () => {
    const site = aForgeSite();
    const deps = siteDeps(site);
    await saveSettings(deps.store, { vsrMonths: 3 }, 0, userNamed(site, 'Claire'), '2026-04-24T12:00:00+02:00');
    await saveSettings(deps.store, { vsrMonths: 4 }, 1, userNamed(site, 'Claire'), '2026-04-24T12:01:00+02:00');
    expect(
      await fullRecomputePage(deps, { kind: 'full-recompute', reason: 'settings v1', settingsVersion: 1 }),
    ).toEqual({ issues: 0, batches: 0, next: false });
    expect([deps.requests, deps.queued]).toEqual([[], []]);
  });

  it('parses the job body: a malformed one is logged and ignored', async () => {
    const site = aForgeSite();
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(
        site.app.onRecompute({ body: { kind: 'full-recompute', reason: 'x', settingsVersion: -1 } }),
      ).resolves.toBeUndefined();
      expect(log.mock.calls.map((c) => c.join(' '))).toEqual(['recompute event ignored: malformed body']);
    } finally {
      log.mockRestore();
    }
  });
});
