// The indicators gadget (D9) through the app's handlers: the month is computed in the background by the queue's
// consumer, cached in the key-value store, and exported; only people who can see the project see it.
import type { IndicatorsView, Reply } from '../../src/contract';
import { aForgeSite, userNamed, type ForgeSite } from '../support/forge-site';

const gadget = (configuration: unknown) => ({
  moduleKey: 'contract-indicators',
  extension: { type: 'jira:dashboardGadget', gadgetConfiguration: configuration },
});
const APRIL = { projectKey: 'DEMAT', month: '2026-04' };

const call = async <T>(site: ForgeSite, key: string, payload: unknown, user: string, configuration: unknown = APRIL) =>
  (await site.host.invoke(key, payload, gadget(configuration), userNamed(site, user))) as Reply<T>;

describe('the indicators gadget', () => {
  let site: ForgeSite;
  beforeEach(() => {
    site = aForgeSite();
  });

  it('computes the month in the background, shows progress, then the snapshot with its trend', async () => {
    const first = await call<IndicatorsView>(site, 'indicators/getMonth', {}, 'Sophie');
    expect(first.ok && [first.data.state, first.data.month]).toEqual(['computing', '2026-04']);
    await site.host.settle();
    expect(site.host.backgroundErrors).toEqual([]);
    const ready = await call<IndicatorsView>(site, 'indicators/getMonth', {}, 'Sophie');
    if (!ready.ok) throw new Error(ready.error.message);
    expect(ready.data.state).toBe('ready');
    expect(ready.data.report?.month).toBe('2026-04');
    expect(ready.data.report?.figures.map((f) => f.code)).toEqual(
      expect.arrayContaining(['IND_INC01', 'IND_INC02', 'IND_INC03', 'IND_SUP01']),
    );
    expect(ready.data.trend.map((t) => t.month)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    expect(ready.data.settingsVersion).toBe(0);
  });

  it('reads the project with few Jira calls: one search page per 100 issues, one changelog call per 1000', async () => {
    await call(site, 'indicators/getMonth', {}, 'Sophie');
    const before = site.host.calls().length;
    await site.host.settle();
    const job = site.host
      .calls()
      .slice(before)
      .filter((c) => c.kind === 'jira');
    expect(job.filter((c) => c.path === '/rest/api/3/search/jql')).toHaveLength(1);
    expect(job.filter((c) => c.path === '/rest/api/3/changelog/bulkfetch')).toHaveLength(1);
  });

  it('exports the snapshot as CSV and JSON', async () => {
    await call(site, 'indicators/getMonth', {}, 'Sophie');
    await site.host.settle();
    const csv = await call<{ filename: string; content: string }>(
      site,
      'indicators/export',
      { format: 'csv' },
      'Sophie',
    );
    expect(csv.ok && csv.data.filename).toBe('indicateurs-DEMAT-2026-04.csv');
    expect(csv.ok && csv.data.content.split(/\r?\n/)[0]).toMatch(/^[a-z_]+(,[a-z_]+)+$/i);
    const json = await call<{ content: string }>(site, 'indicators/export', { format: 'json' }, 'Sophie');
    expect(json.ok && (JSON.parse(json.data.content) as { month: string }).month).toBe('2026-04');
  });

  it('asks to be configured when it is not', async () => {
    const reply = await call<IndicatorsView>(site, 'indicators/getMonth', {}, 'Sophie', null);
    expect(reply.ok && reply.data.state).toBe('not-configured');
  });

  it.each<[string, string, unknown, string]>([
    ['someone who cannot see the project', 'Marc', APRIL, 'NOT_FOUND'],
    ['an export before any snapshot', 'Sophie', { projectKey: 'DEMAT', month: '2026-01' }, 'NOT_FOUND'],
  ])('refuses %s', async (_name, user, configuration, code) => {
    const key = code === 'NOT_FOUND' && user === 'Sophie' ? 'indicators/export' : 'indicators/getMonth';
    const reply = await call(site, key, key === 'indicators/export' ? { format: 'csv' } : {}, user, configuration);
    expect(reply.ok ? null : reply.error.code).toBe(code);
  });

  it('treats a malformed configuration as not configured, and a bad export format as a bad request', async () => {
    const odd = await call<IndicatorsView>(site, 'indicators/getMonth', {}, 'Sophie', {
      projectKey: 'DEMAT OR 1=1',
      month: '2026-13',
    });
    expect(odd.ok && odd.data.state).toBe('not-configured');
    const format = await call(site, 'indicators/export', { format: 'xlsx' }, 'Sophie');
    expect(format.ok ? null : format.error.code).toBe('BAD_REQUEST');
  });
});
