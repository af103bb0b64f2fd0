// The SLA badge's resolver (issue 10, item 1), through the app's real handler on the seeded local Jira (anchor:
// Friday 2026-04-24 12:00 Paris). The stored state is written as helper "state" writes it: the contract's
// SlaPropertyValue under slaStateKey(issueId), through the app's store port.
import { anSlaState } from '../support/sla-state-builders';
import type { KeyValueStore } from '../../src/app/ports';
import { slaStateKey, type Reply, type SlaBadgeView, type SlaPropertyValue } from '../../src/contract';
import { aForgeSite, TEST_ANCHOR_MS, userNamed, type ForgeSite } from '../support/forge-site';

const H = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();

const idOf = async (site: ForgeSite, key: string): Promise<string> => {
  const answer = await site.jira.handle({ method: 'GET', path: `/rest/api/3/issue/${key}`, caller: { kind: 'app' } });
  return String((answer.body as { id: string }).id);
};

const storeOf = (site: ForgeSite): KeyValueStore => {
  void site;
  return jest.requireActual<{ forgeStore: KeyValueStore }>('../../src/store/kvs-store').forgeStore;
};

/** A stored state with a running resolution clock due `dueMs`, computed at the anchor with settings v`version`. */
const storedState = (overrides: Partial<Record<keyof SlaPropertyValue, unknown>> = {}): SlaPropertyValue => {
  const value = {
    ...anSlaState({ computedAt: iso(TEST_ANCHOR_MS), nextCheckAt: '2026-04-24T16:30:00.000+02:00' }),
    ...overrides,
  };
  return value as SlaPropertyValue;
};

const openBadge = async (site: ForgeSite, key: string, id: string | null, user: string) => {
  const { result, jiraCalls } = await site.host.invokeCounted(
    'sla/getBadge',
    {},
    {
      moduleKey: 'sla-badge',
      extension: { type: 'jira:issueContext', issue: id === null ? { key } : { key, id } },
    },
    userNamed(site, user),
  );
  return { reply: result as Reply<SlaBadgeView>, jiraCalls };
};

describe('sla/getBadge (issue 10)', () => {
  let site: ForgeSite;
  beforeEach(() => {
    site = aForgeSite();
  });

  it('fresh stored state: the time left computed now from the stored due instant, with 0 Jira calls', async () => {
    const id = await idOf(site, 'DEMAT-30');
    await storeOf(site).set(slaStateKey(id), storedState());
    const { reply, jiraCalls } = await openBadge(site, 'DEMAT-30', id, 'Julie');
    expect(jiraCalls).toHaveLength(0);
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.data.source).toBe('stored');
    expect(reply.data.state).toBe('running');
    // Friday 12:00 → 18:00 on the standard calendar: 6 business hours, not the stored figure's age.
    expect(reply.data.clock?.remainingMs).toBe(6 * H);
    expect(reply.data.clock?.dayLengthMs).toBe(10 * H);
  });

  it('a clock that crossed its due instant since reads breached, still with 0 Jira calls', async () => {
    const id = await idOf(site, 'DEMAT-30');
    await storeOf(site).set(
      slaStateKey(id),
      storedState({ resolutionDueAt: '2026-04-24T10:00:00.000+02:00', nextCheckAt: null }),
    );
    const { reply, jiraCalls } = await openBadge(site, 'DEMAT-30', id, 'Julie');
    expect(jiraCalls).toHaveLength(0);
    expect(reply.ok && [reply.data.state, reply.data.clock?.remainingMs]).toEqual(['breached', -2 * H]);
  });

  it('a paused clock keeps its stored time left and says what it waits on', async () => {
    const id = await idOf(site, 'DEMAT-30');
    await storeOf(site).set(
      slaStateKey(id),
      storedState({
        state: 'paused',
        resolutionState: 'paused',
        resolutionRemainingMs: 5 * H,
        resolutionPausedBy: 'En attente Administration',
      }),
    );
    const { reply, jiraCalls } = await openBadge(site, 'DEMAT-30', id, 'Julie');
    expect(jiraCalls).toHaveLength(0);
    expect(reply.ok && [reply.data.state, reply.data.clock?.remainingMs, reply.data.clock?.pausedBy]).toEqual([
      'paused',
      5 * H,
      'En attente Administration',
    ]);
  });

  it.each([
    ['another settings version', { settingsVersion: 7 }],
    ['computed more than 24 h ago', { computedAt: iso(TEST_ANCHOR_MS - 25 * H) }],
    ['its next check long past', { nextCheckAt: iso(TEST_ANCHOR_MS - H) }],
    ['an unknown calendar', { resolutionCalendar: 'gone' }],
  ])('stale stored state (%s): one live computation, read as the user', async (_why, overrides) => {
    const id = await idOf(site, 'DEMAT-30');
    await storeOf(site).set(slaStateKey(id), storedState(overrides));
    const { reply, jiraCalls } = await openBadge(site, 'DEMAT-30', id, 'Julie');
    expect(jiraCalls.length).toBeGreaterThan(0);
    expect(jiraCalls.some((c) => c.path.startsWith('/rest/api/3/search/jql'))).toBe(true);
    // DEMAT-30 waits on the Administration: the live computation finds both clocks paused.
    expect(reply.ok && [reply.data.source, reply.data.state]).toEqual(['live', 'paused']);
  });

  it('no stored state: the live computation, with the pausing status as the reason', async () => {
    const id = await idOf(site, 'DEMAT-30');
    const { reply } = await openBadge(site, 'DEMAT-30', id, 'Julie');
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.data.source).toBe('live');
    expect(reply.data.clock?.state).toBe('paused');
    expect(reply.data.clock?.pausedBy).toMatch(/Administration/);
  });

  it('a stopped breach (DEMAT-5) is the quiet state "stopped"', async () => {
    const { reply } = await openBadge(site, 'DEMAT-5', await idOf(site, 'DEMAT-5'), 'Paul');
    expect(reply.ok && [reply.data.state, reply.data.clock]).toEqual(['stopped', null]);
  });

  it('the fallback reads as the user: NOT_FOUND for someone who cannot see the issue', async () => {
    const { reply } = await openBadge(site, 'DEMAT-5', await idOf(site, 'DEMAT-5'), 'Marc');
    expect(reply.ok ? null : reply.error.code).toBe('NOT_FOUND');
  });

  it('refuses a context without an issue', async () => {
    const { result } = await site.host.invokeCounted(
      'sla/getBadge',
      {},
      { moduleKey: 'sla-badge', extension: { type: 'jira:issueContext' } },
      userNamed(site, 'Julie'),
    );
    expect((result as Reply<SlaBadgeView>).ok ? null : (result as { error: { code: string } }).error.code).toBe(
      'BAD_REQUEST',
    );
  });
});
