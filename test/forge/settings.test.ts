// The settings resolvers through the app's real handler: Jira admin rights, validation that names the field,
// versions and conflicts, and nothing lost or half-written on a refusal.
import type { Reply, SettingsCheck, SettingsView } from '../../src/contract';
import { aForgeSite, userNamed, type ForgeSite } from '../support/forge-site';

const ADMIN_PAGE = { moduleKey: 'settings-page', extension: { type: 'jira:adminPage' } };

const call = async <T>(site: ForgeSite, key: string, payload: unknown, user: string) =>
  (await site.host.invoke(key, payload, ADMIN_PAGE, userNamed(site, user))) as Reply<T>;

describe('settings resolvers', () => {
  let site: ForgeSite;
  beforeEach(() => {
    site = aForgeSite();
  });
  // A save queues the recomputation: let it finish inside the test that started it.
  afterEach(() => site.host.settle());

  it('shows a Jira administrator the defaults, the next closed days, and lets them edit', async () => {
    const reply = await call<SettingsView>(site, 'settings/get', {}, 'Claire');
    if (!reply.ok) throw new Error(reply.error.message);
    expect([reply.data.version, reply.data.canEdit, reply.data.document]).toEqual([0, true, {}]);
    expect((reply.data.defaults.targets as { anomaly: { blocking: unknown } }).anomaly.blocking).toEqual({
      workaround: '4h',
      resolution: '1d',
    });
    expect(reply.data.holidays.standard?.length).toBeGreaterThan(0);
  });

  it('shows a developer the settings read-only and refuses their save, writing nothing', async () => {
    const view = await call<SettingsView>(site, 'settings/get', {}, 'Paul');
    expect(view.ok && view.data.canEdit).toBe(false);
    const save = await call(site, 'settings/save', { document: { vsrMonths: 3 }, expectedVersion: 0 }, 'Paul');
    expect(save.ok ? null : save.error.code).toBe('FORBIDDEN');
    expect(site.kvs.keys().filter((k) => k.startsWith('settings'))).toEqual([]);
  });

  it('refuses a broken document, naming each field, and keeps the stored settings', async () => {
    const first = await call<{ version: number }>(
      site,
      'settings/save',
      { document: { vsrMonths: 3 }, expectedVersion: 0 },
      'Claire',
    );
    expect(first.ok && first.data.version).toBe(1);
    const broken = await call(
      site,
      'settings/save',
      { document: { vsrMonths: 'deux', calendars: { night: { week: { mon: ['22:00-06:00'] } } } }, expectedVersion: 1 },
      'Claire',
    );
    expect(broken.ok ? [] : [broken.error.code, broken.error.problems?.map((p) => p.path)]).toEqual([
      'INVALID_SETTINGS',
      ['vsrMonths'],
    ]);
    const nested = await call(
      site,
      'settings/save',
      { document: { calendars: { night: { week: { mon: ['22:00-06:00'] } } } }, expectedVersion: 1 },
      'Claire',
    );
    expect(nested.ok ? [] : nested.error.problems).toEqual([
      { path: 'calendars.night.week.mon[0]', message: '"22:00-06:00" must start before it ends, within 00:00-24:00' },
    ]);
    const view = await call<SettingsView>(site, 'settings/get', {}, 'Claire');
    expect(view.ok && [view.data.version, view.data.document]).toEqual([1, { vsrMonths: 3 }]);
  });

  it('refuses a save made on a stale version (CONFLICT), and keeps every version', async () => {
    await call(site, 'settings/save', { document: { vsrMonths: 3 }, expectedVersion: 0 }, 'Claire');
    const stale = await call(site, 'settings/save', { document: { vsrMonths: 4 }, expectedVersion: 0 }, 'Claire');
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    await call(site, 'settings/save', { document: { vsrMonths: 5 }, expectedVersion: 1 }, 'Claire');
    expect(
      site.kvs
        .keys()
        .filter((k) => k.startsWith('settings'))
        .sort(),
    ).toEqual(['settings', 'settings:v1', 'settings:v2']);
  });

  it('recomputes every contract issue after a save, with the version it used', async () => {
    await call(site, 'settings/save', { document: { vsrMonths: 2 }, expectedVersion: 0 }, 'Claire');
    await site.host.settle();
    const issue = await site.jira.handle({
      method: 'GET',
      path: '/rest/api/3/issue/DEMAT-5?fields=customfield_10105,customfield_10104',
      caller: { kind: 'app' },
    });
    expect((issue.body as { fields: Record<string, unknown> }).fields).toEqual({
      customfield_10105: 'breached',
      customfield_10104: 'production',
    }); // D6: PLATAU 4.2 was released 20 weeks earlier
    expect(site.host.backgroundErrors).toEqual([]);
    const last = site.kvs.handle('/api/v1/get', { key: 'recompute:last' }).body as {
      value: { settingsVersion: number };
    };
    expect(last.value.settingsVersion).toBe(1);
  });

  it('queues the recomputation instead of searching in the resolver, and the queue recomputes every contract issue (issue 8)', async () => {
    const { result, jiraCalls } = await site.host.invokeCounted(
      'settings/save',
      { document: { vsrMonths: 2 }, expectedVersion: 0 },
      ADMIN_PAGE,
      userNamed(site, 'Claire'),
    );
    expect((result as Reply<{ version: number }>).ok).toBe(true);
    // The permission check only: no search (a large project would need many pages within the resolver's 25 s).
    expect(jiraCalls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /rest/api/3/mypermissions']);
    await site.host.settle();
    expect(site.host.backgroundErrors).toEqual([]);
    const search = await site.jira.handle({
      method: 'POST',
      path: '/rest/api/3/search/jql',
      body: { jql: 'project = DEMAT ORDER BY key', fields: ['issuetype', 'customfield_10105'], maxResults: 100 },
      caller: { kind: 'app' },
    });
    const issues = (
      search.body as { issues: { key: string; fields: { issuetype: { name: string }; customfield_10105: unknown } }[] }
    ).issues;
    const contract = issues.filter((i) => i.fields.issuetype.name !== 'Story');
    expect(contract.length).toBeGreaterThan(20);
    expect(contract.filter((i) => i.fields.customfield_10105 === null).map((i) => i.key)).toEqual([]);
    expect(
      issues
        .filter((i) => i.fields.issuetype.name === 'Story' && i.fields.customfield_10105 !== null)
        .map((i) => i.key),
    ).toEqual([]);
  });

  it("checks a document as it is typed: problems with their paths, and the calendars' closed days", async () => {
    const reply = await call<SettingsCheck>(
      site,
      'settings/check',
      {
        document: {
          targets: { anomaly: { blocking: { workaround: 'bientôt' } } },
          calendars: { alsace: { week: { mon: ['08:00-18:00'] }, holidays: 'FR-alsace-moselle' } },
        },
      },
      'Claire',
    );
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.data.problems).toEqual([
      { path: 'targets.anomaly.blocking.workaround', message: expect.stringMatching(/"bientôt" is not a target/) },
    ]);
  });

  it.each<[string, unknown]>([
    ['a document that is not an object', { document: ['vsrMonths'], expectedVersion: 0 }],
    ['a missing version', { document: {} }],
    ['a negative version', { document: {}, expectedVersion: -1 }],
    ['an oversized document', { document: { padding: 'x'.repeat(300_000) }, expectedVersion: 0 }],
  ])('refuses %s as a bad request', async (_name, payload) => {
    const reply = await call(site, 'settings/save', payload, 'Claire');
    expect(reply.ok ? null : reply.error.code).toBe('BAD_REQUEST');
    expect(site.kvs.keys().filter((k) => k.startsWith('settings'))).toEqual([]);
  });
});

describe('unreadable stored settings', () => {
  it('runs on the defaults, lets an administrator save, and keeps the unreadable value aside', async () => {
    const site = aForgeSite();
    site.kvs.handle('/api/v1/set', { key: 'settings', value: 'not a settings document' });
    const view = await call<SettingsView>(site, 'settings/get', {}, 'Claire');
    expect(view.ok && [view.data.version, view.data.document]).toEqual([0, {}]);
    const saved = await call<{ version: number }>(
      site,
      'settings/save',
      { document: { vsrMonths: 3 }, expectedVersion: 0 },
      'Claire',
    );
    expect(saved.ok && saved.data.version).toBe(1);
    const kept = site.kvs.keys().filter((k) => k.startsWith('settings:unreadable:'));
    expect(kept).toHaveLength(1);
    expect((site.kvs.handle('/api/v1/get', { key: kept[0] }).body as { value: unknown }).value).toBe(
      'not a settings document',
    );
    await site.host.settle();
  });
});
