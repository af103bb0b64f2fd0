// End to end: the bundled sample export through the CLI, checked against the figures worked out by hand in
// examples/README.md (export taken on Friday 24 April 2026 at 12:00, Paris).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';
import type { ClocksReport } from '../../src/contract';

const SAMPLE = join(__dirname, '../../examples/sample-export.json');
const AT = '2026-04-24T12:00:00+02:00';
const H = 3_600_000;

const report = async (): Promise<ClocksReport> => {
  const run = await runCli(['clocks', '--input', SAMPLE, '--at', AT]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.json() as ClocksReport;
};

describe('contract-sla clocks on the sample export', () => {
  // [issue, clock, elapsed h, paused h, breached, due at, state]
  it.each<[string, 'workaround' | 'resolution', number, number, boolean, string, string]>([
    ['DEMAT-101', 'workaround', 11, 3, true, '2026-03-11T14:00:00.000+01:00', 'stopped'],
    ['DEMAT-101', 'resolution', 50, 8, true, '2026-03-12T10:00:00.000+01:00', 'stopped'],
    ['DEMAT-102', 'workaround', 2, 0.5, false, '2026-02-10T14:00:00.000+01:00', 'stopped'],
    ['DEMAT-102', 'resolution', 6.75, 1.25, false, '2026-02-11T10:45:00.000+01:00', 'stopped'],
    ['DEMAT-103', 'resolution', 29, 23, false, '2026-03-09T17:00:00.000+01:00', 'stopped'],
    ['DEMAT-104', 'resolution', 36, 10, true, '2026-03-11T10:00:00.000+01:00', 'stopped'],
    ['DEMAT-106', 'workaround', 3.5, 1.5, false, '2026-03-24T14:30:00.000+01:00', 'stopped'],
    ['DEMAT-106', 'resolution', 24.5, 4.5, true, '2026-03-25T10:30:00.000+01:00', 'stopped'],
    ['DEMAT-107', 'resolution', 29, 10, false, '2026-04-09T10:00:00.000+02:00', 'stopped'],
    ['DEMAT-108', 'resolution', 38, 8, true, '2026-03-26T18:00:00.000+01:00', 'stopped'],
    ['DEMAT-109', 'resolution', 6, 67, false, '2026-04-28T16:00:00.000+02:00', 'paused'],
    ['DEMAT-111', 'resolution', 9, 0, true, '2026-04-07T14:00:00.000+02:00', 'stopped'],
    ['DEMAT-112', 'resolution', 66, 0, false, '2026-04-27T10:00:00.000+02:00', 'stopped'],
    ['DEMAT-113', 'resolution', 15, 6, false, '2026-04-16T15:00:00.000+02:00', 'stopped'],
    ['DEMAT-114', 'resolution', 15, 9, false, '2026-04-21T10:00:00.000+02:00', 'stopped'],
  ])('%s %s: %s h elapsed, %s h paused', async (key, id, elapsedHours, pausedHours, breached, dueAt, state) => {
    const clock = (await report()).issues.find((i) => i.key === key)?.clocks.find((c) => c.id === id);
    expect(
      clock && {
        elapsedMs: clock.elapsedMs,
        pausedMs: clock.pausedMs,
        breached: clock.breached,
        dueAt: clock.dueAt,
        state: clock.state,
      },
    ).toEqual({
      elapsedMs: elapsedHours * H,
      pausedMs: pausedHours * H,
      breached,
      dueAt,
      state,
    });
  });

  it('D7 DEMAT-105 (minor, created in sprint 1) is due at the end of sprint 2', async () => {
    const clock = (await report()).issues.find((i) => i.key === 'DEMAT-105')?.clocks[0];
    expect(clock?.target).toEqual({
      label: 'next-sprint',
      sprint: { name: 'DEMAT Sprint 2', dueAt: '2026-03-27T18:00:00.000+01:00' },
    });
    expect(clock?.breached).toBe(false);
  });

  it('D2 DEMAT-110 runs on the gold calendar from the incident start: 1 h 40 m', async () => {
    const issue = (await report()).issues.find((i) => i.key === 'DEMAT-110');
    expect(issue?.clocks.map((c) => [c.id, c.calendar, c.startedAt, c.elapsedMs, c.breached])).toEqual([
      ['resolution', 'gold', '2026-03-28T19:10:00.000+01:00', 100 * 60_000, false],
    ]);
  });

  it('D6 classes: 107 validation (within VSR), 108 production (after VSR), 109 unknown with a warning', async () => {
    const issues = (await report()).issues;
    const classOf = (key: string) => issues.find((i) => i.key === key);
    expect([classOf('DEMAT-107')?.anomalyClass, classOf('DEMAT-107')?.anomalyClassReason?.code]).toEqual([
      'validation',
      'WITHIN_VSR',
    ]);
    expect([classOf('DEMAT-108')?.anomalyClass, classOf('DEMAT-108')?.anomalyClassReason?.code]).toEqual([
      'production',
      'AFTER_VSR',
    ]);
    expect(classOf('DEMAT-109')?.anomalyClass).toBeNull();
    expect(classOf('DEMAT-109')?.warnings.map((w) => w.code)).toContain('ANOMALY_CLASS_UNKNOWN');
  });

  it('D5 DEMAT-106 shows its requalification to blocking', async () => {
    const issue = (await report()).issues.find((i) => i.key === 'DEMAT-106');
    expect(issue?.severity).toBe('blocking');
    expect(issue?.clocks[0]?.requalifications).toEqual([
      { at: '2026-03-24T11:00:00.000+01:00', field: 'severity', from: 'major', to: 'blocking' },
    ]);
  });

  it('leaves a story without clocks and says why', async () => {
    const story = (await report()).issues.find((i) => i.key === 'DEMAT-115');
    expect([story?.kind, story?.clocks, story?.warnings.map((w) => w.code)]).toEqual([
      null,
      [],
      ['NOT_A_CONTRACT_ISSUE_TYPE'],
    ]);
  });

  it('takes `at` as now when it is not given', async () => {
    const run = await runCli(['clocks', '--input', SAMPLE], Date.parse('2026-05-01T10:00:00Z'));
    expect((run.json() as ClocksReport).at).toBe('2026-05-01T12:00:00.000+02:00');
  });
});

describe('contract-sla clocks on bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'contract-sla-'));
  const file = (name: string, content: string): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it.each<[string, () => string[], RegExp]>([
    ['a missing file', () => ['clocks', '--input', join(dir, 'missing.json')], /missing\.json: no such file$/],
    [
      'malformed JSON',
      () => ['clocks', '--input', file('broken.json', '{"issues": [')],
      /broken\.json: not valid JSON/,
    ],
    [
      'JSON that is not an export',
      () => ['clocks', '--input', file('array.json', '[1, 2]')],
      /array\.json: not a Jira export/,
    ],
    ['an unknown option', () => ['clocks', '--input', SAMPLE, '--when', 'now'], /unknown option --when/],
    ['a missing option', () => ['clocks'], /missing option --input/],
    [
      'an invalid --at',
      () => ['clocks', '--input', SAMPLE, '--at', 'yesterday'],
      /--at: "yesterday" is not an ISO 8601 instant/,
    ],
    [
      'a config with a misspelt key',
      () => ['clocks', '--input', SAMPLE, '--config', file('typo.json', '{"statuses": {"paused": ["X"]}}')],
      /typo\.json: statuses: unknown setting "paused"/,
    ],
    [
      'a config with a bad target',
      () => [
        'clocks',
        '--input',
        SAMPLE,
        '--config',
        file('target.json', '{"targets": {"anomaly": {"blocking": {"workaround": "soon"}}}}'),
      ],
      /target\.json: targets\.anomaly\.blocking\.workaround: "soon" is not a target/,
    ],
    [
      'a config giving one status two roles',
      () => ['clocks', '--input', SAMPLE, '--config', file('roles.json', '{"statuses": {"pause": ["Fermée"]}}')],
      /status "Fermée" is already listed in statuses\.pause/,
    ],
    ['an unknown command', () => ['clock'], /unknown command "clock"/],
  ])('%s: exit 2, one line naming the problem', async (_name, args, message) => {
    const run = await runCli(args());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('computes the rest of an export when some issues are broken', async () => {
    const issue = (key: string, fields: Record<string, unknown>, histories: unknown[] = []) => ({
      id: key.replace(/\D/g, ''),
      key,
      fields,
      changelog: { startAt: 0, maxResults: 100, total: histories.length, histories },
    });
    const status = (created: string, from: string, to: string) => ({
      id: created,
      created,
      items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', fromString: from, toString: to }],
    });
    const good = issue('X-1', {
      issuetype: { name: 'Anomalie' },
      status: { name: 'En cours' },
      created: '2026-03-02T09:00:00.000+0100',
    });
    const noCreated = issue('X-2', { issuetype: { name: 'Anomalie' }, status: { name: 'En cours' } });
    const outOfOrder = issue(
      'X-3',
      { issuetype: { name: 'Anomalie' }, status: { name: 'Fermée' }, created: '2026-03-02T09:00:00.000+0100' },
      [
        status('2026-03-02T10:00:00.000+0100', 'À qualifier', 'En cours'),
        status('2026-03-04T10:00:00.000+0100', 'Validée', 'Fermée'),
        status('2026-03-03T10:00:00.000+0100', 'En cours', 'Validée'),
      ],
    );
    const badDate = issue('X-4', {
      issuetype: { name: 'Anomalie' },
      status: { name: 'En cours' },
      created: '2 mars 2026',
    });
    const path = file('mixed.json', JSON.stringify({ issues: [good, noCreated, outOfOrder, badDate, 'not an issue'] }));
    const run = await runCli(['clocks', '--input', path, '--at', '2026-03-02T12:00:00+01:00']);
    expect(run.code).toBe(0);
    const issues = (run.json() as ClocksReport).issues;
    expect(issues.map((i) => [i.key, i.errors.map((e) => `${e.code} at ${e.path}`), i.clocks.length])).toEqual([
      ['X-1', [], 2],
      ['X-2', ['ISSUE_HAS_NO_CREATED at issues[1].fields.created'], 0],
      ['X-3', ['HISTORY_OUT_OF_ORDER at issues[2].changelog.histories[2]'], 0],
      ['X-4', ['INSTANT_INVALID at issues[3].fields.created'], 0],
      ['issues[4]', ['ISSUE_INVALID at issues[4]'], 0],
    ]);
  });
});
