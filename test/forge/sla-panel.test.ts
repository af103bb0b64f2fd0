// The issue panel's resolver, through the app's real handler, against the seeded local Jira (anchor: Friday
// 2026-04-24 12:00, Paris). Stopped clocks have fixed figures; running ones depend on the real clock.
import type { IssueSlaPanelView, Reply } from '../../src/contract';
import { ManualClock } from '../../workbench/host/clocks';
import { aForgeSite, userNamed, type ForgeSite } from '../support/forge-site';

const H = 3_600_000;

const openPanel = async (
  site: ForgeSite,
  issueKey: string,
  user: string,
  payload: unknown = {},
  extra: Record<string, unknown> = {},
) =>
  (await site.host.invoke(
    'sla/getIssueSla',
    payload,
    { moduleKey: 'sla-panel', extension: { type: 'jira:issuePanel', issue: { key: issueKey } }, ...extra },
    userNamed(site, user),
  )) as Reply<IssueSlaPanelView>;

describe('sla/getIssueSla', () => {
  let site: ForgeSite;
  beforeEach(() => {
    site = aForgeSite();
  });

  it('shows the stopped breach of a blocking production anomaly (DEMAT-5) to a developer', async () => {
    const reply = await openPanel(site, 'DEMAT-5', 'Paul');
    if (!reply.ok) throw new Error(reply.error.message);
    const { issue, slaStatus } = reply.data;
    expect(slaStatus).toBe('breached');
    expect(issue.clocks.map((c) => [c.id, c.targetMs, c.elapsedMs, c.state, c.breached])).toEqual([
      ['workaround', 4 * H, 12 * H, 'stopped', true],
      ['resolution', 10 * H, 33.5 * H, 'stopped', true],
    ]);
    expect(issue.clocks[1]?.segments.length).toBeGreaterThan(3);
  });

  it('shows a clock paused while the issue waits on the Administration (DEMAT-30)', async () => {
    const reply = await openPanel(site, 'DEMAT-30', 'Julie');
    expect(reply.ok && [reply.data.slaStatus, reply.data.issue.clocks.map((c) => c.state)]).toEqual([
      'paused',
      ['paused', 'paused'],
    ]);
  });

  it('needs at most three Jira calls on a first load, and two once the field list is cached', async () => {
    const before = site.host.calls().length;
    await openPanel(site, 'DEMAT-5', 'Paul');
    const cold = site.host
      .calls()
      .slice(before)
      .filter((c) => c.kind === 'jira');
    const middle = site.host.calls().length;
    await openPanel(site, 'DEMAT-30', 'Paul');
    const warm = site.host
      .calls()
      .slice(middle)
      .filter((c) => c.kind === 'jira');
    expect(cold.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /rest/api/3/field',
      'POST /rest/api/3/search/jql',
      'POST /rest/api/3/changelog/bulkfetch',
    ]);
    expect(warm.length).toBe(2);
  });

  it('reads the issue as the user: someone who cannot see it gets nothing', async () => {
    const reply = await openPanel(site, 'DEMAT-5', 'Marc');
    expect(reply).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/DEMAT-5 does not exist or is not visible/) },
    });
  });

  it('says NOT_FOUND for a missing issue', async () => {
    const reply = await openPanel(site, 'DEMAT-999', 'Claire');
    expect(reply.ok ? null : reply.error.code).toBe('NOT_FOUND');
  });

  it.each<[string, unknown, Record<string, unknown>, string]>([
    ['a payload with unexpected keys', { issueKey: 'DEMAT-1', __proto__: { admin: true } }, {}, 'BAD_REQUEST'],
    ['a payload that is not an object', 'DROP TABLE', {}, 'BAD_REQUEST'],
    [
      'an issue key with JQL in it',
      {},
      { extension: { type: 'jira:issuePanel', issue: { key: 'DEMAT-1 OR project = SECRET' } } },
      'BAD_REQUEST',
    ],
    ['a context without an issue', {}, { extension: { type: 'jira:adminPage' } }, 'BAD_REQUEST'],
  ])('refuses %s with a clear error and no stack trace', async (_name, payload, extra, code) => {
    const reply = await openPanel(site, 'DEMAT-5', 'Paul', payload, extra);
    expect(reply.ok ? null : reply.error.code).toBe(code);
    expect(JSON.stringify(reply)).not.toMatch(/\n\s+at /);
  });

  it('reads a history longer than one page in full (bulkfetch, not the truncated expand)', async () => {
    // The site's clock moves 30 s before each transition, from the Monday after the anchor, 08:00 (all in business hours).
    const clock = new ManualClock(Date.parse('2026-04-27T08:00:00+02:00'));
    const long = aForgeSite({ clock });
    const paul = userNamed(long, 'Paul');
    const transition = (id: string) => {
      clock.advance(30_000);
      return long.jira.handle({
        method: 'POST',
        path: '/rest/api/3/issue/DEMAT-27/transitions',
        body: { transition: { id } },
        caller: { kind: 'user', accountId: paul },
      });
    };
    for (let i = 0; i < 60; i++) {
      expect((await transition('21')).status).toBe(204);
      expect((await transition('31')).status).toBe(204);
    }
    const expand = await long.jira.handle({
      method: 'GET',
      path: '/rest/api/3/issue/DEMAT-27?expand=changelog',
      caller: { kind: 'app' },
    });
    const changelog = (expand.body as { changelog: { total: number; histories: unknown[] } }).changelog;
    expect(changelog.total).toBeGreaterThan(changelog.histories.length);
    const reply = await openPanel(long, 'DEMAT-27', 'Paul');
    if (!reply.ok) throw new Error(reply.error.message);
    const resolution = reply.data.issue.clocks.find((c) => c.id === 'resolution');
    const waits = resolution?.segments.filter((s) => s.status === 'En attente Administration') ?? [];
    expect(waits.length).toBe(60);
    expect(waits.filter((s) => !(s.businessMs > 0 && s.state === 'paused'))).toEqual([]);
    expect(waits.reduce((sum, s) => sum + s.businessMs, 0)).toBe(resolution?.pausedMs);
    expect(reply.data.issue.warnings.map((w) => w.code)).not.toContain('CHANGELOG_TRUNCATED');
  });
});
