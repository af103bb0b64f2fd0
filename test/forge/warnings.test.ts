// Warnings before a breach (issue 10, item 4) on the local Jira, through the app's gateway and the test site's KVS,
// with the clock seam: sent exactly once across a replay, again for a reopened clock, never for a paused one, and no
// burst after warnings are switched back on. The local notify and watchers routes are checked against the OpenAPI.
import { anSlaState } from '../support/sla-state-builders';
import type { SlaPropertyValue } from '../../src/contract';
import { DEFAULT_WARNINGS } from '../../src/app/settings/parse-settings';
import { WARNING_CLAIM_TTL_MS, readWarnings, warnBeforeBreach, type WarnIssue } from '../../src/app/warn-before-breach';
import type { ManualClock } from '../../workbench/host/clocks';
import { aForgeSite, userNamed, type ForgeSite } from '../support/forge-site';
import { expectValidJira, validateJiraResponse } from '../support/openapi';
import { siteDeps } from '../support/site-deps';

const HOUR = 3_600_000;

type SeedIssue = { id: string; key: string; assigneeId: string | null; reporterId: string };
const assignedIssue = (site: ForgeSite): SeedIssue => {
  const state = site.jira.toJSON() as { issues: SeedIssue[] };
  const issue = state.issues.find((i) => i.assigneeId !== null && i.assigneeId !== i.reporterId);
  if (!issue) throw new Error('the demo has no assigned issue');
  return issue;
};

/** A contractSla value with a running resolution clock at `elapsedH` of a 10 h target. */
const valueAt = (elapsedH: number, over: Partial<Record<'state' | 'cycle', string>> = {}): SlaPropertyValue => {
  const target = 10 * HOUR;
  const elapsed = elapsedH * HOUR;
  return anSlaState({
    settingsVersion: 1,
    resolutionState: over.state === 'paused' ? 'paused' : 'running',
    resolutionBreached: elapsed >= target ? 'true' : 'false',
    resolutionEverBreached: elapsed >= target ? 'true' : 'false',
    resolutionRemainingMs: target - elapsed,
    resolutionElapsedMs: elapsed,
    resolutionTargetMs: target,
    resolutionCalendar: 'titulaire',
    resolutionPausedBy: over.state === 'paused' ? 'En attente Administration' : null,
    resolutionCycle: over.cycle ?? '2026-04-20T09:00:00.000+02:00',
  });
};

const setUp = (): {
  site: ForgeSite;
  deps: ReturnType<typeof siteDeps>;
  issue: WarnIssue;
  seed: SeedIssue;
} => {
  const site = aForgeSite();
  const deps = siteDeps(site);
  const seed = assignedIssue(site);
  const issue = {
    id: seed.id,
    key: seed.key,
    assigneeId: seed.assigneeId,
    self: `https://demat-ads.atlassian.net/rest/api/3/issue/${seed.id}`,
  };
  return { site, deps, issue, seed };
};

describe('warnings before a breach on the local Jira (issue 10)', () => {
  it('sends the 75 % warning once, to the assignee and the watchers, across a replay and the same tick twice', async () => {
    const { site, deps, issue, seed } = setUp();
    const julie = userNamed(site, 'Julie');
    site.jira.setWatching(seed.key, julie, true);
    const now = site.clock.nowMs();
    expect((await warnBeforeBreach(deps, issue, valueAt(7), now, DEFAULT_WARNINGS)).sent).toHaveLength(0);
    const first = await warnBeforeBreach(deps, issue, valueAt(8), now, DEFAULT_WARNINGS);
    expect(first.sent.map((s) => [s.clock, s.threshold])).toEqual([['resolution', 75]]);
    // Replayed event, duplicated event, same tick run twice: nothing more.
    await warnBeforeBreach(deps, issue, valueAt(8), now, DEFAULT_WARNINGS);
    await warnBeforeBreach(deps, issue, valueAt(8.5), now + 60_000, DEFAULT_WARNINGS);
    const sent = site.jira.notifications();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.issueKey).toBe(seed.key);
    expect(sent[0]?.subject).toContain('75 % du délai de correction écoulé');
    expect(sent[0]?.textBody).toContain(`https://demat-ads.atlassian.net/browse/${seed.key}`);
    expect(sent[0]?.recipients).toEqual(
      expect.arrayContaining([seed.assigneeId, seed.reporterId, julie].filter((x) => x !== null)),
    );
    // Then the breach, once.
    await warnBeforeBreach(deps, issue, valueAt(10), now + 2 * HOUR, DEFAULT_WARNINGS);
    await warnBeforeBreach(deps, issue, valueAt(10.5), now + 3 * HOUR, DEFAULT_WARNINGS);
    expect(site.jira.notifications().map((n) => n.subject)).toEqual([
      expect.stringContaining('75 %'),
      expect.stringContaining('délai de correction dépassé'),
    ]);
  });

  it('a clock first seen long past 75 % sends only the highest threshold crossed (the breach), once', async () => {
    const { site, deps, issue } = setUp();
    const out = await warnBeforeBreach(deps, issue, valueAt(12), site.clock.nowMs(), DEFAULT_WARNINGS);
    expect(out.sent.map((s) => s.threshold)).toEqual([100]);
    expect(out.entries.find((e) => e.threshold === 75)?.status).toBe('superseded');
    expect(site.jira.notifications()).toHaveLength(1);
  });

  it('a reopened clock (a new cycle) warns again', async () => {
    const { site, deps, issue } = setUp();
    const now = site.clock.nowMs();
    await warnBeforeBreach(deps, issue, valueAt(8), now, DEFAULT_WARNINGS);
    await warnBeforeBreach(deps, issue, valueAt(8, { cycle: '2026-04-23T10:00:00.000+02:00' }), now, DEFAULT_WARNINGS);
    expect(site.jira.notifications()).toHaveLength(2);
  });

  it('a paused clock never warns, and warns at the resume', async () => {
    const { site, deps, issue } = setUp();
    const now = site.clock.nowMs();
    await warnBeforeBreach(deps, issue, valueAt(9, { state: 'paused' }), now, DEFAULT_WARNINGS);
    expect(site.jira.notifications()).toHaveLength(0);
    expect(await readWarnings(deps.store, issue.id)).toEqual([]);
    await warnBeforeBreach(deps, issue, valueAt(9), now, DEFAULT_WARNINGS);
    expect(site.jira.notifications()).toHaveLength(1);
  });

  it('switched off: nothing is sent, and switching on again sends no stale warning', async () => {
    const { site, deps, issue } = setUp();
    const now = site.clock.nowMs();
    const off = { ...DEFAULT_WARNINGS, enabled: false };
    const out = await warnBeforeBreach(deps, issue, valueAt(8), now, off);
    expect(out.entries.map((e) => e.status)).toEqual(['suppressed']);
    await warnBeforeBreach(deps, issue, valueAt(8.5), now + HOUR, DEFAULT_WARNINGS);
    expect(site.jira.notifications()).toHaveLength(0);
    // A threshold crossed after the switch-on is sent.
    await warnBeforeBreach(deps, issue, valueAt(10), now + 2 * HOUR, DEFAULT_WARNINGS);
    expect(site.jira.notifications().map((n) => n.subject)).toEqual([expect.stringContaining('dépassé')]);
  });

  it('a Jira refusal is recorded and retried at the next recompute; at most WARNING_MAX_ATTEMPTS sends', async () => {
    const { site, issue } = setUp();
    let refuse = true;
    const deps = siteDeps(site, {
      // Refused by the local Jira itself (an issue it does not know: 404), so nothing is recorded as mailed.
      rewrite: (request) =>
        refuse && request.path.endsWith('/notify')
          ? { ...request, path: request.path.replace(/issue\/\d+\/notify/, 'issue/99999/notify') }
          : request,
    });
    const now = site.clock.nowMs();
    const refused = await warnBeforeBreach(deps, issue, valueAt(8), now, DEFAULT_WARNINGS);
    expect(refused.failed.map((f) => f.jiraStatus)).toEqual([404]);
    expect(site.jira.notifications()).toHaveLength(0);
    refuse = false;
    const retried = await warnBeforeBreach(deps, issue, valueAt(8), now + 60_000, DEFAULT_WARNINGS);
    expect(retried.sent.map((s) => s.attempts)).toEqual([2]);
    expect(site.jira.notifications()).toHaveLength(1);
  });

  it('a claim left by a crashed run is taken over once it is older than the claim TTL', async () => {
    const { site, deps, issue } = setUp();
    const now = site.clock.nowMs();
    await deps.store.set(`sla-warnings:${issue.id}`, {
      v: 1,
      entries: [
        {
          clock: 'resolution',
          cycle: valueAt(8).resolutionCycle,
          threshold: 75,
          status: 'claimed',
          at: new Date(now).toISOString(),
          claimedAt: new Date(now).toISOString(),
          attempts: 1,
          to: { assignee: true, watchers: true, group: null },
          jiraStatus: null,
        },
      ],
    });
    await warnBeforeBreach(deps, issue, valueAt(8), now + 60_000, DEFAULT_WARNINGS);
    expect(site.jira.notifications()).toHaveLength(0);
    (site.clock as ManualClock).advance(WARNING_CLAIM_TTL_MS);
    await warnBeforeBreach(deps, issue, valueAt(8), site.clock.nowMs(), DEFAULT_WARNINGS);
    expect(site.jira.notifications()).toHaveLength(1);
  });

  it('notifies the configured group (its members who can browse the issue), not the assignee when switched off', async () => {
    const { site, deps, issue } = setUp();
    const settings = { ...DEFAULT_WARNINGS, notifyAssignee: false, notifyWatchers: false, group: 'titulaire-dev' };
    await warnBeforeBreach(deps, issue, valueAt(8), site.clock.nowMs(), settings);
    const [sent] = site.jira.notifications();
    expect(sent?.recipients).toEqual([userNamed(site, 'Paul'), userNamed(site, 'Julie')].sort());
    expect(sent?.to).toMatchObject({ assignee: false, watchers: false, groups: [{ name: 'titulaire-dev' }] });
  });
});

describe('the local Jira notify and watchers routes (issue 10, OpenAPI)', () => {
  it('takes a body valid for the Notification schema and answers 204; refuses a bad one with 400', async () => {
    const { site, seed } = setUp();
    const body = { subject: 's', textBody: 't', to: { watchers: true, groups: [{ name: 'titulaire-dev' }] } };
    expectValidJira('platform', 'Notification', body);
    const ok = await site.jira.handle({
      method: 'POST',
      path: `/rest/api/3/issue/${seed.key}/notify`,
      body,
      caller: { kind: 'app' },
    });
    expect(ok.status).toBe(204);
    const bad = { to: { groups: [{ name: 'x', extra: 1 }] } };
    const refused = await site.jira.handle({
      method: 'POST',
      path: `/rest/api/3/issue/${seed.key}/notify`,
      body: bad,
      caller: { kind: 'app' },
    });
    expect(refused.status).toBe(400);
    const unknown = await site.jira.handle({
      method: 'POST',
      path: '/rest/api/3/issue/DEMAT-99999/notify',
      body,
      caller: { kind: 'app' },
    });
    expect(unknown.status).toBe(404);
  });

  it('answers the watchers as the Watchers schema says: reporter and assignee by default, plus those added', async () => {
    const { site, seed } = setUp();
    site.jira.setWatching(seed.key, userNamed(site, 'Julie'), true);
    const reply = await site.jira.handle({
      method: 'GET',
      path: `/rest/api/3/issue/${seed.key}/watchers`,
      caller: { kind: 'app' },
    });
    expect(reply.status).toBe(200);
    expect(
      validateJiraResponse('platform', 'get', '/rest/api/3/issue/{issueIdOrKey}/watchers', 200, reply.body),
    ).toEqual([]);
    const ids = (reply.body as { watchers: { accountId: string }[] }).watchers.map((w) => w.accountId);
    expect(ids).toEqual(expect.arrayContaining([seed.reporterId, userNamed(site, 'Julie')]));
  });
});
