// End to end: the bundled sprint export through the CLI, against figures worked out by hand (D8, D9). The export is
// taken on Friday 24 April 2026 at 12:00 (Paris); story points, 6 h of logged time a point, reserve 15 %, cap 10 %.
//
// Sprint 1 (2-27 Feb, closed 18:30), reserve unused. At the start: stories 201 (8 pts, done), 202 (5, done), 203 (3,
//   not started, carried over to sprint 2 at the completion), 205 (3, taken out on 16 Feb) and the validation anomaly
//   204 (1 pt, done): 20 pts committed → reserve 3; nothing arrives, so 3 are given back. At the end 201, 202, 203,
//   204: total 17, validation 1 ≤ cap 1.7; predictability 14 ÷ 17 (205 left the sprint: neither planned nor done);
//   productivity 14 pts ÷ 56 h (28 + 22 + 6) = 0.25 pt/h.
// Sprint 2 (2-27 Mar, closed 18:45), overflow. At the start: 203 (3, never started), 206 (5, done), 207 (3, taken out
//   on 4 Mar), 208 (2, not started, the least important), 209 (2, in progress), 210 (5, done): 20 pts → reserve 3.
//   Added during the sprint: 211, blocking anomaly of class production (4.2 released 15 Jan, found 17 Mar: after the
//   2-month VSR), 5 pts, on 17 Mar 10:30; 212, major anomaly labelled faille-securite, created in the sprint on
//   19 Mar 14:00, no estimate, 12 h logged = 2 pts; 213, blocking anomaly of class validation (4.3 released 10 Mar),
//   4 pts: not in the reserve, in the cap. Consumers 5 + 2 = 7: consumed 3, overflow 4, nothing left or given back.
//   Candidates: 208 (2) then 203 (3) cover 4; neither can be dropped. Total 28 (3+5+2+2+5 + 5+2 + 4), validation 4
//   > cap 2.8: 1.2 pts over the cap. Predictability 14 (206, 210, 213) ÷ 21 (28 − the consumers' 7); productivity
//   21 pts (with 211 and 212) ÷ 105 h = 0.2 pt/h.
// Sprint 3 (30 Mar-24 Apr, active). At the start: 203 (3), 208 (2), 209 (2, done 2 Apr), 214 (8, in progress), 215 (5,
//   done), 216 (3), 217 (1, minor production anomaly, done): 24 pts → reserve 3.6. Added: 218, blocking production
//   anomaly, 2 pts (consumed 2, left 1.6, nothing given back before the end); 219, blocking production anomaly with
//   no affected version: class unknown, a warning, not in the reserve. Predictability so far 8 ÷ 25, productivity
//   10 pts ÷ 70 h. DEMAT-209's 6 h count in sprints 2 and 3: time logged is the issue's total.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';
import type { ReserveReport, SprintReserveView } from '../../src/contract';

const SAMPLE = join(__dirname, '../../examples/sample-sprint-export.json');
const AT = '2026-04-24T12:00:00+02:00';

const reportOf = async (...extra: string[]): Promise<ReserveReport> => {
  const run = await runCli(['reserve', '--input', SAMPLE, '--at', AT, ...extra]);
  expect([run.code, run.stderr]).toEqual([0, '']);
  return run.json() as ReserveReport;
};
const sprintOf = (report: ReserveReport, id: number): SprintReserveView => {
  const sprint = report.sprints.find((s) => s.sprintId === id);
  if (sprint === undefined) throw new Error(`sprint ${id} missing`);
  return sprint;
};

const tempFile = (name: string, content: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'reserve-')), name);
  writeFileSync(file, content);
  return file;
};

describe('contract-sla reserve on the sample sprint export', () => {
  type Row = Pick<
    SprintReserveView,
    | 'capacity'
    | 'reserve'
    | 'consumed'
    | 'left'
    | 'givenBack'
    | 'overflow'
    | 'consumers'
    | 'moveOutCandidates'
    | 'removed'
    | 'validationEffort'
    | 'validationCap'
    | 'overCap'
  >;
  it.each<[string, number, Row]>([
    [
      'sprint 1, reserve unused and given back',
      101,
      {
        capacity: 20,
        reserve: 3,
        consumed: 0,
        left: 3,
        givenBack: 3,
        overflow: 0,
        consumers: [],
        moveOutCandidates: [],
        removed: ['DEMAT-205'],
        validationEffort: 1,
        validationCap: 1.7,
        overCap: 0,
      },
    ],
    [
      'sprint 2, overflow: the least important stories not started cover it',
      102,
      {
        capacity: 20,
        reserve: 3,
        consumed: 3,
        left: 0,
        givenBack: 0,
        overflow: 4,
        consumers: ['DEMAT-211', 'DEMAT-212'],
        moveOutCandidates: ['DEMAT-208', 'DEMAT-203'],
        removed: ['DEMAT-207'],
        validationEffort: 4,
        validationCap: 2.8,
        overCap: 1.2,
      },
    ],
    [
      'sprint 3, active: nothing given back yet',
      103,
      {
        capacity: 24,
        reserve: 3.6,
        consumed: 2,
        left: 1.6,
        givenBack: null,
        overflow: 0,
        consumers: ['DEMAT-218'],
        moveOutCandidates: [],
        removed: [],
        validationEffort: 0,
        validationCap: 2.7,
        overCap: 0,
      },
    ],
  ])('%s', async (_name, id, expected) => {
    expect(sprintOf(await reportOf(), id)).toMatchObject(expected);
  });

  it.each<[number, SprintReserveView['predictability'], SprintReserveView['productivity']]>([
    [101, { done: 14, planned: 17, ratio: 14 / 17 }, { done: 14, loggedHours: 56, ratio: 0.25 }],
    [102, { done: 14, planned: 21, ratio: 14 / 21 }, { done: 21, loggedHours: 105, ratio: 0.2 }],
    [103, { done: 8, planned: 25, ratio: 0.32 }, { done: 10, loggedHours: 70, ratio: 10 / 70 }],
  ])(
    'sprint %s: predictability without the reserve, productivity in points per hour (D9)',
    async (id, predictability, productivity) => {
      const sprint = sprintOf(await reportOf(), id);
      expect([sprint.predictability, sprint.productivity]).toEqual([predictability, productivity]);
    },
  );

  it('says what consumed the reserve, how much and when it arrived', async () => {
    expect(sprintOf(await reportOf(), 102).consumerDetails).toEqual([
      {
        key: 'DEMAT-211',
        effort: 5,
        effortSource: 'estimate',
        addedAt: '2026-03-17T10:30:00.000+01:00',
        reason: 'blocking-production-anomaly',
      },
      {
        key: 'DEMAT-212',
        effort: 2,
        effortSource: 'logged',
        addedAt: '2026-03-19T14:00:00.000+01:00',
        reason: 'urgent-label',
      },
    ]);
  });

  it('prints the report’s frame: unit, instants with their offset, the sprints in order, the warnings', async () => {
    const report = await reportOf();
    expect([report.at, report.unit, report.sprints.map((s) => [s.sprintId, s.state, s.startAt, s.measuredAt])]).toEqual(
      [
        '2026-04-24T12:00:00.000+02:00',
        'points',
        [
          [101, 'closed', '2026-02-02T09:00:00.000+01:00', '2026-02-27T18:30:00.000+01:00'],
          [102, 'closed', '2026-03-02T09:00:00.000+01:00', '2026-03-27T18:45:00.000+01:00'],
          [103, 'active', '2026-03-30T09:00:00.000+02:00', '2026-04-24T12:00:00.000+02:00'],
        ],
      ],
    );
    expect(report.sprints.map((s) => s.warnings.map((w) => `${w.code} ${w.keys?.join(' ') ?? ''}`))).toEqual([
      [],
      ['ESTIMATE_FROM_LOGGED_TIME DEMAT-212'],
      ['ANOMALY_CLASS_UNKNOWN DEMAT-219'],
    ]);
  });

  it('takes the PO’s reserve of a sprint from --config (reserve.perSprint)', async () => {
    const config = tempFile('config.json', JSON.stringify({ reserve: { perSprint: { '103': 4 } } }));
    const sprint = sprintOf(await reportOf('--config', config), 103);
    expect([sprint.reserve, sprint.reserveSource, sprint.consumed, sprint.left]).toEqual([4, 'per-sprint', 2, 2]);
  });

  it('measures an active sprint as of --at (8 April: 219 not yet there, 215 not yet done)', async () => {
    const run = await runCli(['reserve', '--input', SAMPLE, '--at', '2026-04-08T12:00:00+02:00']);
    const sprint = sprintOf(run.json() as ReserveReport, 103);
    expect([sprint.consumers, sprint.left, sprint.predictability]).toEqual([
      ['DEMAT-218'],
      1.6,
      { done: 3, planned: 24, ratio: 3 / 24 },
    ]);
  });

  it('measures an active sprint now when --at is not given', async () => {
    const run = await runCli(['reserve', '--input', SAMPLE], Date.parse('2026-04-01T10:00:00Z'));
    const report = run.json() as ReserveReport;
    expect([report.at, sprintOf(report, 103).consumers]).toEqual(['2026-04-01T12:00:00.000+02:00', []]);
  });
});

describe('contract-sla reserve errors: exit 2, one line on stderr', () => {
  it.each<[string, () => string[], RegExp]>([
    ['no --input', () => ['reserve'], /^contract-sla: missing option --input\n$/],
    [
      'a missing file',
      () => ['reserve', '--input', '/nonexistent/sprints.json'],
      /^contract-sla: \/nonexistent\/sprints\.json: no such file\n$/,
    ],
    [
      'an export without a board',
      () => ['reserve', '--input', tempFile('export.json', JSON.stringify({ issues: [] }))],
      /^contract-sla: .*export\.json: board: the export has no board configuration: add "board": the response of GET \/rest\/agile\/1\.0\/board\/\{boardId\}\/configuration\n$/,
    ],
    [
      'a reserve rate above 1',
      () => [
        'reserve',
        '--input',
        SAMPLE,
        '--config',
        tempFile('config.json', JSON.stringify({ reserve: { defaultRate: 15 } })),
      ],
      /^contract-sla: .*config\.json: reserve\.defaultRate: expected a rate between 0 and 1 \(0\.15 = 15 %\)\n$/,
    ],
    [
      'a misspelt reserve setting',
      () => [
        'reserve',
        '--input',
        SAMPLE,
        '--config',
        tempFile('config.json', JSON.stringify({ reserve: { perSprints: {} } })),
      ],
      /^contract-sla: .*config\.json: reserve: unknown setting "perSprints" \(check its spelling\)\n$/,
    ],
    [
      'an unknown option',
      () => ['reserve', '--input', SAMPLE, '--sprint', '102'],
      /^contract-sla: unknown option --sprint \(expected --input, --config, --at\)\n$/,
    ],
  ])('%s', async (_name, args, message) => {
    const run = await runCli(args());
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', expect.stringMatching(message)]);
  });

  it('is listed in the help', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toContain(
      'contract-sla reserve --input <sprint-export.json> [--config <config.json>] [--at <ISO>]',
    );
  });
});
