// Issue 10: the app's JQL functions as Jira runs them: the local Jira's search finds `issue in slaX(...)`, calls the
// app's real handler (src/index.ts jqlFunction) through the Forge host, stores the fragment as a precomputation and
// evaluates it over the indexed contractSla property.
import type { ManualClock } from '../../workbench/host/clocks';
import { aForgeSite, TEST_ANCHOR_MS, type ForgeSite } from '../support/forge-site';

const HOUR = 3_600_000;
const iso = (offsetMs: number): string => new Date(TEST_ANCHOR_MS + offsetMs).toISOString();

type Clock = { state: string; breached?: boolean; ever?: boolean; due?: number | null };
const property = (clocks: { workaround?: Clock; resolution?: Clock }) => {
  const value: Record<string, unknown> = { v: 1, computedAt: iso(0), state: 'running' };
  for (const c of ['workaround', 'resolution'] as const) {
    const clock = clocks[c] ?? { state: 'none', due: null };
    value[`${c}State`] = clock.state;
    value[`${c}Breached`] = clock.breached === true ? 'true' : 'false';
    value[`${c}EverBreached`] = clock.ever === true || clock.breached === true ? 'true' : 'false';
    value[`${c}DueAt`] = clock.due === undefined || clock.due === null ? null : iso(clock.due);
  }
  return value;
};

/** Five issues, one situation each (times from the site's now). */
const SEED: Record<string, Parameters<typeof property>[0]> = {
  // A: resolution running, due in 2 h; workaround met.
  'DEMAT-1': { resolution: { state: 'running', due: 2 * HOUR }, workaround: { state: 'stopped', due: -HOUR } },
  // B: resolution running, due in 30 min.
  'DEMAT-2': { resolution: { state: 'running', due: HOUR / 2 } },
  // C: resolution breached two days ago; workaround running, due in 3 h.
  'DEMAT-3': {
    resolution: { state: 'running', breached: true, due: -48 * HOUR },
    workaround: { state: 'running', due: 3 * HOUR },
  },
  // D: resolution paused; the workaround was breached during the cycle, then met.
  'DEMAT-4': { resolution: { state: 'paused', due: 24 * HOUR }, workaround: { state: 'stopped', ever: true } },
  // E: workaround due an hour ago, its property not yet rewritten by the trigger (breached still "false").
  'DEMAT-5': { workaround: { state: 'running', due: -HOUR } },
};

async function seeded(): Promise<ForgeSite> {
  const site = aForgeSite();
  for (const [key, clocks] of Object.entries(SEED)) {
    const put = await site.jira.handle({
      method: 'PUT',
      path: `/rest/api/3/issue/${key}/properties/contractSla`,
      body: property(clocks),
      caller: { kind: 'app' },
    });
    expect(put.status).toBe(201);
  }
  return site;
}

const WITHIN = 'key in (DEMAT-1, DEMAT-2, DEMAT-3, DEMAT-4, DEMAT-5, DEMAT-6)';
async function search(site: ForgeSite, clause: string): Promise<{ status: number; keys: string[]; message: string }> {
  const response = await site.jira.handle({
    method: 'POST',
    path: '/rest/api/3/search/jql',
    body: { jql: `${WITHIN} AND ${clause} ORDER BY key ASC`, fields: ['key'] },
    caller: { kind: 'app' },
  });
  const body = response.body as { issues?: { key: string }[]; errorMessages?: string[] };
  return {
    status: response.status,
    keys: (body.issues ?? []).map((i) => i.key),
    message: (body.errorMessages ?? []).join(' '),
  };
}
const keys = async (site: ForgeSite, clause: string): Promise<string[]> => {
  const result = await search(site, clause);
  if (result.status !== 200) throw new Error(`${clause}: ${result.message}`);
  return result.keys;
};

describe('JQL functions on the local Jira (issue 10)', () => {
  it.each<[string, string[]]>([
    ['issue in slaBreached()', ['DEMAT-3', 'DEMAT-5']],
    ['issue in slaBreached(resolution)', ['DEMAT-3']],
    ['issue in slaBreached("contournement")', ['DEMAT-5']],
    ['issue in slaEverBreached()', ['DEMAT-3', 'DEMAT-4', 'DEMAT-5']],
    ['issue in slaEverBreached(correction)', ['DEMAT-3']],
    ['issue in slaRunning()', ['DEMAT-1', 'DEMAT-2', 'DEMAT-3', 'DEMAT-5']],
    ['issue in slaRunning(workaround)', ['DEMAT-3', 'DEMAT-5']],
    ['issue in slaPaused()', ['DEMAT-4']],
    ['issue in slaPaused(workaround)', []],
    ['issue in slaDueWithin("1h")', ['DEMAT-2']],
    ['issue in slaDueWithin("4h")', ['DEMAT-1', 'DEMAT-2', 'DEMAT-3']],
    ['issue in slaDueWithin("4h", resolution)', ['DEMAT-1', 'DEMAT-2']],
    ['issue in slaOverdueBy("1d")', ['DEMAT-3']],
    ['issue in slaOverdueBy("30m", workaround)', ['DEMAT-5']],
    ['issue in slaOverdueBy("3d")', []],
    ['issue in slaOverdueBy("1d 23h")', ['DEMAT-3']],
    ['issue in slaOverdueBy("2d 1h")', []],
    ['issue not in slaBreached()', ['DEMAT-1', 'DEMAT-2', 'DEMAT-4', 'DEMAT-6']],
    ['key not in slaRunning(resolution)', ['DEMAT-4', 'DEMAT-5', 'DEMAT-6']],
  ])('%s', async (clause, expected) => {
    const site = await seeded();
    expect(await keys(site, clause)).toEqual(expected);
  });

  it('reuses the stored precomputation, and it stays right when the clock moves (no "now" inside the fragment)', async () => {
    const site = await seeded();
    const clock = site.clock as ManualClock;
    expect(await keys(site, 'issue in slaBreached(resolution)')).toEqual(['DEMAT-3']);
    clock.advance(3 * HOUR); // A (due +2 h) and B (due +30 min) cross their due instants; no property is rewritten
    expect(await keys(site, 'issue in slaBreached(resolution)')).toEqual(['DEMAT-1', 'DEMAT-2', 'DEMAT-3']);
    expect(await keys(site, 'issue in slaDueWithin("1h", resolution)')).toEqual([]);
    const pre = site.jira.jqlPrecomputations().filter((p) => p.functionName === 'slaBreached');
    expect(pre).toEqual([expect.objectContaining({ operator: 'in', arguments: ['resolution'], computations: 1 })]);
    expect(pre[0]?.usedMs).toBe(TEST_ANCHOR_MS + 3 * HOUR);
  });

  it('a clock crossing its due instant is found by slaBreached() before the trigger rewrites its property', async () => {
    const site = await seeded();
    expect(await keys(site, 'issue in slaBreached()')).not.toContain('DEMAT-2');
    (site.clock as ManualClock).advance(HOUR / 2 + 1);
    expect(await keys(site, 'issue in slaBreached()')).toContain('DEMAT-2');
  });

  it('keeps one precomputation per function, operator and arguments', async () => {
    const site = await seeded();
    await keys(site, 'issue in slaRunning()');
    await keys(site, 'issue in slaRunning()');
    await keys(site, 'issue not in slaRunning()');
    await keys(site, 'issue in slaRunning(workaround)');
    const running = site.jira.jqlPrecomputations().filter((p) => p.functionName === 'slaRunning');
    expect(running.map((p) => [p.operator, p.arguments, p.computations])).toEqual([
      ['in', [], 1],
      ['not in', [], 1],
      ['in', ['workaround'], 1],
    ]);
  });

  it.each<[string, RegExp]>([
    [
      'issue in slaDueWithin("4x")',
      /Durée invalide « 4x » \(argument duration de slaDueWithin\).*\/ Invalid duration "4x"/,
    ],
    ['issue in slaOverdueBy()', /slaOverdueBy attend 1 à 2 argument\(s\).* \/ slaOverdueBy takes 1 to 2 argument/],
    [
      'issue in slaBreached(lunar)',
      /Horloge inconnue « lunar » \(argument clock de slaBreached\).*Unknown clock "lunar"/,
    ],
    ['issue in slaRunning(workaround, extra)', /slaRunning attend 0 à 1 argument/],
    ['issue = slaBreached()', /operator '=' is not supported by the function 'slaBreached'/],
    ['status in slaBreached()', /not supported for the field 'status'/],
  ])('answers %s with an error naming the argument', async (clause, message) => {
    const site = await seeded();
    const result = await search(site, clause);
    expect(result.status).toBe(400);
    expect(result.message).toMatch(message);
  });
});
