// Product events, the scheduled trigger and the queue consumer, through the app's handlers against the local Jira.
import { aForgeSite, userNamed, type ForgeSite } from '../support/forge-site';

const SLA_STATUS = 'customfield_10105';
const SLA_DUE = 'customfield_10106';
const SEVERITY = 'customfield_10100';

const fieldsOf = async (site: ForgeSite, key: string, fields: string) =>
  ((await site.jira.handle({ method: 'GET', path: `/rest/api/3/issue/${key}?fields=${fields}`, caller: { kind: 'app' } })).body as { fields: Record<string, unknown> }).fields;

const historyCount = async (site: ForgeSite, key: string): Promise<number> =>
  ((await site.jira.handle({ method: 'GET', path: `/rest/api/3/issue/${key}/changelog?maxResults=100`, caller: { kind: 'app' } })).body as { total: number }).total;

const appFieldWrites = (site: ForgeSite): number => site.host.calls().filter((c) => c.kind === 'jira' && c.path.startsWith('/rest/api/3/app/field')).length;

describe('issue events', () => {
  let site: ForgeSite;
  beforeEach(() => {
    site = aForgeSite();
  });

  it('recomputes an issue when a user moves it, and writes its fields without adding history', async () => {
    const before = await historyCount(site, 'DEMAT-30');
    const reply = await site.jira.handle({ method: 'POST', path: '/rest/api/3/issue/DEMAT-30/transitions', body: { transition: { id: '31' } }, caller: { kind: 'user', accountId: userNamed(site, 'Paul') } });
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
    await site.jira.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMAT-27', body: { fields: { [SEVERITY]: 'Mineure' } }, caller: { kind: 'user', accountId: paul } });
    await site.host.settle();
    expect((await fieldsOf(site, 'DEMAT-27', SEVERITY))[SEVERITY]).toBe('Majeure');
    const log = (await site.jira.handle({ method: 'GET', path: '/rest/api/3/issue/DEMAT-27/changelog?startAt=0&maxResults=100', caller: { kind: 'app' } })).body as { values: { items: { fieldId?: string; fromString?: string; toString?: string }[] }[] };
    const severityChanges = log.values.flatMap((h) => h.items).filter((i) => i.fieldId === SEVERITY).map((i) => `${i.fromString} → ${i.toString}`);
    expect(severityChanges.slice(-2)).toEqual(['Majeure → Mineure', 'Mineure → Majeure']);
  });

  it('D5: a developer cannot set a severity after creation either: it is put back to empty', async () => {
    await site.jira.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMAT-33', body: { fields: { [SEVERITY]: 'Mineure' } }, caller: { kind: 'user', accountId: userNamed(site, 'Paul') } });
    await site.host.settle();
    expect((await fieldsOf(site, 'DEMAT-33', SEVERITY))[SEVERITY] ?? null).toBeNull();
  });

  it('D5: lets the Administration requalify', async () => {
    await site.jira.handle({ method: 'PUT', path: '/rest/api/3/issue/DEMAT-27', body: { fields: { [SEVERITY]: 'Bloquante' } }, caller: { kind: 'user', accountId: userNamed(site, 'Claire') } });
    await site.host.settle();
    expect((await fieldsOf(site, 'DEMAT-27', SEVERITY))[SEVERITY]).toBe('Bloquante');
  });

  it('ignores a malformed event without failing, logging one line without the payload', async () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(site.app.onIssueEvent({ eventType: 'avi:jira:updated:issue', issue: { id: '../../etc' } })).resolves.toBeUndefined();
      await expect(site.app.onRecompute({ body: { issueIds: ['1 OR 1=1'] } })).resolves.toBeUndefined();
      expect(log.mock.calls.map((c) => c.join(' '))).toEqual(['issue event ignored: not an issue event', 'recompute event ignored: malformed body']);
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
    const search = await site.jira.handle({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = DEMAT ORDER BY key', fields: ['issuetype', SLA_STATUS], maxResults: 100 }, caller: { kind: 'app' } });
    const issues = (search.body as { issues: { key: string; fields: { issuetype: { name: string }; [k: string]: unknown } }[] }).issues;
    const contract = issues.filter((i) => i.fields.issuetype.name !== 'Story');
    expect(contract.filter((i) => i.fields[SLA_STATUS] === null || i.fields[SLA_STATUS] === undefined).map((i) => i.key)).toEqual([]);
    expect(issues.find((i) => i.key === 'DEMAT-5')?.fields[SLA_STATUS]).toBe('breached');
    expect(issues.find((i) => i.key === 'DEMAT-3')?.fields[SLA_STATUS]).toBe('met');
    const writes = appFieldWrites(site);
    await site.host.tick();
    await site.host.settle();
    // Clocks still running and due are picked again, but a recomputation that changes nothing writes nothing.
    expect(appFieldWrites(site) - writes).toBeLessThanOrEqual(1);
  });
});
