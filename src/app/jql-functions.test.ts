// Issue 10: the fragments of the app's JQL functions (pure), and the handler's answers to Jira's payload.
import { buildSlaFragment, jqlFunction, parsePeriod } from './jql-functions';

const P = 'issue.property[contractSla]';

describe('buildSlaFragment (issue 10)', () => {
  it.each<[string, string[], string, string]>([
    ['slaRunning', ['resolution'], 'in', `${P}.resolutionState = running`],
    ['slaPaused', ['Contournement'], 'in', `${P}.workaroundState = paused`],
    ['slaRunning', [], 'in', `(${P}.workaroundState = running OR ${P}.resolutionState = running)`],
    [
      'slaBreached',
      ['correction'],
      'in',
      `(${P}.resolutionBreached = "true" OR (${P}.resolutionState = running AND ${P}.resolutionDueAt < now()))`,
    ],
    [
      'slaDueWithin',
      ['4h', 'workaround'],
      'in',
      `(${P}.workaroundState = running AND ${P}.workaroundDueAt >= now() AND ${P}.workaroundDueAt <= "4h")`,
    ],
    [
      'slaOverdueBy',
      ['1j 2h', 'resolution'],
      'in',
      `(${P}.resolutionState in (running, paused) AND ${P}.resolutionDueAt <= "-26h")`,
    ],
    ['slaPaused', ['resolution'], 'not in', `NOT (${P}.resolutionState = paused)`],
  ])('%s(%j) %s', (name, args, operator, jql) => {
    expect(buildSlaFragment(name, args, operator)).toEqual({ ok: true, jql });
  });

  it('never writes an instant into a fragment: only now() and relative periods', () => {
    for (const name of ['slaBreached', 'slaEverBreached', 'slaRunning', 'slaPaused']) {
      const result = buildSlaFragment(name, [], 'in');
      expect(result.ok && result.jql).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    const due = buildSlaFragment('slaDueWithin', ['4h'], 'in');
    expect(due.ok && due.jql).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it.each<[string, string[], string, RegExp]>([
    [
      'slaDueWithin',
      ['4x'],
      'in',
      /^Durée invalide « 4x » \(argument duration de slaDueWithin\).* \/ Invalid duration "4x"/,
    ],
    ['slaDueWithin', ['0h'], 'in', /Durée invalide « 0h »/],
    [
      'slaBreached',
      ['soon'],
      'in',
      /^Horloge inconnue « soon » \(argument clock de slaBreached\).* \/ Unknown clock "soon"/,
    ],
    ['slaOverdueBy', [], 'in', /slaOverdueBy attend 1 à 2 argument\(s\) : slaOverdueBy\(duration, clock\?\)/],
    ['slaBreached', [], '=', /slaBreached s'emploie avec « in » ou « not in », pas « = »/],
    ['slaNothing', [], 'in', /Fonction JQL inconnue : slaNothing/],
  ])('refuses %s(%j) %s', (name, args, operator, message) => {
    const result = buildSlaFragment(name, args, operator);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('parsePeriod', () => {
  it.each<[string, string | null]>([
    ['4h', '4h'],
    [' 1w  2d ', '9d'],
    ['1w 7d', '2w'],
    ['3j', '3d'],
    ['1h 30m', '90m'],
    ['30M', '30m'],
    ['-1d', null],
    ['4x', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(parsePeriod(text)).toBe(expected);
  });
});

describe('jqlFunction handler (issue 10)', () => {
  it('answers Jira\'s payload ("Custom JQL functions") with { jql }', async () => {
    const payload = {
      precomputationId: 'p-1',
      clause: {
        field: 'issue',
        type: ['issue'],
        operator: 'in',
        functionName: 'slaRunning',
        arguments: ['workaround'],
      },
    };
    expect(await jqlFunction(payload)).toEqual({ jql: `${P}.workaroundState = running` });
  });

  it("answers a bad argument or a payload that is not Jira's with { error }, never a throw", async () => {
    const bad = { clause: { field: 'issue', operator: 'in', functionName: 'slaDueWithin', arguments: ['4x'] } };
    expect(await jqlFunction(bad)).toEqual({ error: expect.stringMatching(/« 4x ».*"4x"/) });
    expect(await jqlFunction({ clause: { operator: 'in' } })).toEqual({
      error: expect.stringMatching(/^Appel de fonction JQL illisible \(clause\.functionName\)/),
    });
    expect(await jqlFunction(null)).toEqual({ error: expect.stringMatching(/illisible/) });
  });
});
