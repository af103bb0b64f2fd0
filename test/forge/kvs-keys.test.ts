// The keys the app writes, on a workbench that refuses what Forge refuses (workbench/host/local-kvs.ts): every key
// written in these flows fits the Forge key rule, and the settings flow that once built a key with `+` now saves.
import type { Reply } from '../../src/contract';
import { KEY_PATTERN } from '../../workbench/host/local-kvs';
import { aForgeSite, userNamed } from '../support/forge-site';

const ADMIN_PAGE = { moduleKey: 'settings-page', extension: { type: 'jira:adminPage' } };

describe('keys the app writes to the key-value store', () => {
  it('keeps unreadable settings aside under a UTC key Forge accepts (the Europe/Paris offset had a +)', async () => {
    const site = aForgeSite();
    site.kvs.handle('/api/v1/set', { key: 'settings', value: 'not a settings document' });
    const saved = (await site.host.invoke(
      'settings/save',
      { document: { vsrMonths: 3 }, expectedVersion: 0 },
      ADMIN_PAGE,
      userNamed(site, 'Claire'),
    )) as Reply<{ version: number }>;
    // With the old key (…T12:00:00+02:00) the store answers INVALID_KEY and the save is an INTERNAL error.
    expect(saved).toMatchObject({ ok: true, data: { version: 1 } });
    const kept = site.kvs.keys().filter((k) => k.startsWith('settings:unreadable:'));
    expect(kept).toEqual([expect.stringMatching(/^settings:unreadable:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)]);
    expect(site.kvs.handle('/api/v1/get', { key: kept[0] }).body).toMatchObject({ value: 'not a settings document' });
  });

  it('writes only keys that match the Forge key rule in the settings, recompute and schedule flows', async () => {
    const site = aForgeSite();
    const saved = (await site.host.invoke(
      'settings/save',
      { document: { vsrMonths: 3 }, expectedVersion: 0 },
      ADMIN_PAGE,
      userNamed(site, 'Claire'),
    )) as Reply<unknown>;
    expect(saved.ok).toBe(true);
    await site.host.tick();
    await site.host.settle();
    const written = site.kvs.keys();
    expect(written.length).toBeGreaterThan(2);
    expect(written.filter((k) => !KEY_PATTERN.test(k) || k.length > 500)).toEqual([]);
    expect(site.host.calls().filter((c) => c.kind === 'kvs' && c.status >= 400 && c.status !== 404)).toEqual([]);
  });
});
