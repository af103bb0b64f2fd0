// End to end: `contract-sla report` on the bundled exports, against the figures worked out by hand in
// examples/sample-month.md. March 2026 (Paris) is [Sun 1 Mar 00:00 +01:00, Wed 1 Apr 00:00 +02:00); the export is
// taken on Fri 24 Apr 12:00, so March is measured at its end. Clocks stopped in March (D9: attribution by stop):
//   DEMAT-101 blocking, production, class validation: workaround 11 h > 4 h, resolution 50 h > 10 h (both breached)
//   DEMAT-103 major, validation: workaround 8 h ≤ 10 h, resolution 29 h ≤ 30 h (met)
//   DEMAT-104 major, validation, reopened: workaround 6 h (met); resolution stops again on 12 Mar: 36 h > 30 h (once)
//   DEMAT-105 minor, validation: resolution at the end of the next sprint (met)
//   DEMAT-106 requalified blocking (D5), production, class validation: workaround 3 h 30 (met), resolution 24 h 30 > 10 h
//   DEMAT-108 major, production, class production: workaround 7 h (met), resolution 38 h > 30 h (breached)
//   DEMAT-110 OR blocking incident: 1 h 40 ≤ 2 h → IND_INC01 = 1/1, threshold 95 % met; open in March → IND_SUP01 = 1
// Anomalies created in March: 101, 103, 104, 106 (class validation), 108 (class production): escaped defects 1/4.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';
import type { MonthlyFigureView, MonthlyReport } from '../../src/contract';

const SAMPLE = join(__dirname, '../../examples/sample-export.json');
const SPRINTS = join(__dirname, '../../examples/sample-sprint-export.json');
const AT = '2026-04-24T12:00:00+02:00';
const H = 3_600_000;

const reportOf = async (...args: string[]): Promise<MonthlyReport> => {
  const run = await runCli(['report', ...args]);
  expect([run.code, run.stderr]).toEqual([0, '']);
  return run.json() as MonthlyReport;
};
const march = (): Promise<MonthlyReport> => reportOf('--input', SAMPLE, '--month', '2026-03', '--at', AT);
const figure = (report: MonthlyReport, code: string): MonthlyFigureView => {
  const found = report.figures.find((f) => f.code === code);
  if (found === undefined) throw new Error(`no ${code}`);
  return found;
};
const tempFile = (name: string, content: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'report-')), name);
  writeFileSync(file, content);
  return file;
};

describe('contract-sla report on the sample export, March 2026', () => {
  // [code, value, numerator, denominator, status, met | counted, breached, running]
  it.each<
    [
      string,
      number | null,
      number | null,
      number | null,
      string,
      readonly string[],
      readonly string[],
      readonly string[],
    ]
  >([
    ['IND_INC01', 1, 1, 1, 'met', ['DEMAT-110'], [], []],
    ['IND_INC02', null, 0, 0, 'no-data', [], [], []],
    ['IND_INC03', null, 0, 0, 'no-data', [], [], []],
    ['IND_SUP01', 1, 1, null, 'measured', ['DEMAT-110'], [], []],
    ['IND_SUP02', 0, 0, null, 'measured', [], [], []],
    ['ANO_WORKAROUND_BLOCKING', 0.5, 1, 2, 'measured', ['DEMAT-106'], ['DEMAT-101'], []],
    [
      'ANO_WORKAROUND_BLOCKING_ENV_PRODUCTION_CLASS_VALIDATION',
      0.5,
      1,
      2,
      'measured',
      ['DEMAT-106'],
      ['DEMAT-101'],
      [],
    ],
    ['ANO_WORKAROUND_MAJOR', 1, 3, 3, 'measured', ['DEMAT-103', 'DEMAT-104', 'DEMAT-108'], [], []],
    ['ANO_WORKAROUND_MAJOR_ENV_VALIDATION_CLASS_VALIDATION', 1, 2, 2, 'measured', ['DEMAT-103', 'DEMAT-104'], [], []],
    ['ANO_WORKAROUND_MAJOR_ENV_PRODUCTION_CLASS_PRODUCTION', 1, 1, 1, 'measured', ['DEMAT-108'], [], []],
    ['ANO_RESOLUTION_BLOCKING', 0, 0, 2, 'measured', [], ['DEMAT-101', 'DEMAT-106'], []],
    ['ANO_RESOLUTION_MAJOR', 1 / 3, 1, 3, 'measured', ['DEMAT-103'], ['DEMAT-104', 'DEMAT-108'], []],
    ['ANO_RESOLUTION_MAJOR_ENV_VALIDATION_CLASS_VALIDATION', 0.5, 1, 2, 'measured', ['DEMAT-103'], ['DEMAT-104'], []],
    ['ANO_RESOLUTION_MAJOR_ENV_PRODUCTION_CLASS_PRODUCTION', 0, 0, 1, 'measured', [], ['DEMAT-108'], []],
    ['ANO_RESOLUTION_MINOR', 1, 1, 1, 'measured', ['DEMAT-105'], [], []],
    ['DOC_RESOLUTION_CRITICAL', null, 0, 0, 'no-data', [], [], []],
    ['SR_RESOLUTION_MEDIUM', null, 0, 0, 'no-data', [], [], []],
  ])('%s', async (code, value, numerator, denominator, status, met, breached, running) => {
    const f = figure(await march(), code);
    expect({
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
      status: f.status,
      keys: f.keys,
    }).toEqual({ value, numerator, denominator, status, keys: { met, breached, running } });
  });

  it('IND_INC01 is 100 % against 95 %: met; the other levels have no rate and say why', async () => {
    const report = await march();
    expect(
      ['IND_INC01', 'IND_INC02', 'IND_INC03'].map((code) => [
        figure(report, code).threshold,
        figure(report, code).met,
        figure(report, code).note,
      ]),
    ).toEqual([
      [0.95, true, null],
      [0.9, null, 'aucun incident résolu dans le mois'],
      [0.85, null, 'aucun incident résolu dans le mois'],
    ]);
  });

  it('lists every breach of the anomalies with its target, overrun and instants', async () => {
    const report = await march();
    const breaches = ['ANO_WORKAROUND_BLOCKING', 'ANO_RESOLUTION_BLOCKING', 'ANO_RESOLUTION_MAJOR'].flatMap((code) =>
      figure(report, code).breaches.map((b) => [
        code,
        b.key,
        b.target,
        b.elapsedMs / H,
        b.overrunMs / H,
        b.dueAt,
        b.stoppedAt,
      ]),
    );
    expect(breaches).toEqual([
      [
        'ANO_WORKAROUND_BLOCKING',
        'DEMAT-101',
        '4h',
        11,
        7,
        '2026-03-11T14:00:00.000+01:00',
        '2026-03-12T14:00:00.000+01:00',
      ],
      [
        'ANO_RESOLUTION_BLOCKING',
        'DEMAT-101',
        '1d',
        50,
        40,
        '2026-03-12T10:00:00.000+01:00',
        '2026-03-18T19:00:00.000+01:00',
      ],
      [
        'ANO_RESOLUTION_BLOCKING',
        'DEMAT-106',
        '1d',
        24.5,
        14.5,
        '2026-03-25T10:30:00.000+01:00',
        '2026-03-26T20:30:00.000+01:00',
      ],
      [
        'ANO_RESOLUTION_MAJOR',
        'DEMAT-104',
        '3d',
        36,
        6,
        '2026-03-11T10:00:00.000+01:00',
        '2026-03-12T10:00:00.000+01:00',
      ],
      [
        'ANO_RESOLUTION_MAJOR',
        'DEMAT-108',
        '3d',
        38,
        8,
        '2026-03-26T18:00:00.000+01:00',
        '2026-03-30T10:00:00.000+02:00',
      ],
    ]);
  });

  it('escaped defect rate: 1 production-class anomaly for 4 validation-class ones created in March', async () => {
    const f = figure(await march(), 'ESCAPED_DEFECT_RATE');
    expect([f.value, f.numerator, f.denominator, f.keys]).toEqual([
      0.25,
      1,
      4,
      { numerator: ['DEMAT-108'], denominator: ['DEMAT-101', 'DEMAT-103', 'DEMAT-104', 'DEMAT-106'], apart: [] },
    ]);
  });

  it('lead time over the 7 issues delivered in March, calendar and business time', async () => {
    const report = await march();
    expect(report.durations.leadTime.map((d) => [d.key, d.ms / H, d.businessMs / H])).toEqual([
      ['DEMAT-101', 177, 58],
      ['DEMAT-103', 170, 52],
      ['DEMAT-104', 193, 61],
      ['DEMAT-105', 696, 210],
      ['DEMAT-106', 59.5, 29],
      ['DEMAT-108', 163, 46],
      ['DEMAT-110', 34 + 40 / 60, 0],
    ]);
    expect(
      ['LEAD_TIME_MEDIAN', 'LEAD_TIME_MEAN', 'LEAD_TIME_BUSINESS_MEDIAN', 'LEAD_TIME_BUSINESS_MEAN'].map((code) => [
        figure(report, code).value,
        figure(report, code).numerator,
        figure(report, code).denominator,
      ]),
    ).toEqual([
      [170 * H, null, 7],
      [Math.round(5_375_400_000 / 7), 5_375_400_000, 7],
      [52 * H, null, 7],
      [Math.round((456 * H) / 7), 456 * H, 7],
    ]);
  });

  it('cycle time from the first "En cours"; no issue left open at the end of March', async () => {
    const report = await march();
    expect([
      figure(report, 'CYCLE_TIME_MEDIAN').value,
      figure(report, 'CYCLE_TIME_BUSINESS_MEDIAN').value,
      figure(report, 'WORK_ITEM_AGE_MEDIAN').value,
      figure(report, 'WORK_ITEM_AGE_MEDIAN').note,
    ]).toEqual([169.5 * H, 51.5 * H, null, 'aucun ticket ouvert en fin de mois']);
  });

  it('frames the month and says there is no board for the sprint figures', async () => {
    const report = await march();
    expect([
      report.from,
      report.to,
      report.at,
      report.complete,
      report.warnings,
      figure(report, 'PREDICTABILITY').note,
    ]).toEqual([
      '2026-03-01T00:00:00.000+01:00',
      '2026-04-01T00:00:00.000+02:00',
      '2026-04-01T00:00:00.000+02:00',
      true,
      [],
      "pas de tableau agile dans l'export (clé board) : prédictibilité et productivité non calculées",
    ]);
  });
});

describe('contract-sla report on other months and exports', () => {
  it('April, not over on 24 April: no blocking incident (no rate), the open incidents, a running anomaly apart', async () => {
    const report = await reportOf('--input', SAMPLE, '--month', '2026-04', '--at', AT);
    expect([report.at, report.complete]).toEqual(['2026-04-24T12:00:00.000+02:00', false]);
    expect(
      ['IND_INC01', 'IND_SUP02', 'IND_SUP03', 'ANO_RESOLUTION_MAJOR'].map((code) => [
        code,
        figure(report, code).value,
        figure(report, code).keys,
      ]),
    ).toEqual([
      ['IND_INC01', null, { met: [], breached: [], running: [] }],
      ['IND_SUP02', 1, { met: [], breached: ['DEMAT-111'], running: [] }],
      ['IND_SUP03', 1, { met: ['DEMAT-112'], breached: [], running: [] }],
      ['ANO_RESOLUTION_MAJOR', 1, { met: ['DEMAT-107'], breached: [], running: ['DEMAT-109'] }],
    ]);
  });

  it('the sprint figures of the sprint export’s March: sprint 2, as `contract-sla reserve` gives them', async () => {
    const report = await reportOf('--input', SPRINTS, '--month', '2026-03', '--at', AT);
    expect(
      report.figures.filter((f) => f.section === 'sprints').map((f) => [f.code, f.value, f.numerator, f.denominator]),
    ).toEqual([
      ['PREDICTABILITY_SPRINT_102', 14 / 21, 14, 21],
      ['PRODUCTIVITY_SPRINT_102', 0.2, 21, 105],
    ]);
    expect(report.burnDowns.map((b) => [b.name, b.committed, b.days.length])).toEqual([
      ['DEMAT Sprint 2', 20, 20],
      ['DEMAT Sprint 3', 24, 19],
    ]);
  });

  it('reads the in-progress statuses from --config', async () => {
    const config = tempFile(
      'config.json',
      JSON.stringify({ indicators: { inProgressStatuses: ['En validation Administration'] } }),
    );
    const report = await reportOf('--input', SAMPLE, '--month', '2026-03', '--at', AT, '--config', config);
    expect([
      report.rules.inProgressStatuses,
      report.durations.cycleTime.find((d) => d.key === 'DEMAT-103')?.from,
    ]).toEqual([['En validation Administration'], '2026-03-04T17:00:00.000+01:00']);
  });

  it('measures at the month’s end by default once it is over (--at defaults to now)', async () => {
    const run = await runCli(['report', '--input', SAMPLE, '--month', '2026-03'], Date.parse('2026-06-01T10:00:00Z'));
    expect((run.json() as MonthlyReport).at).toBe('2026-04-01T00:00:00.000+02:00');
  });

  it('prints the CSV with --format csv: a header, one row per figure and one per breach', async () => {
    const [json, csv] = [
      await march(),
      await runCli(['report', '--input', SAMPLE, '--month', '2026-03', '--at', AT, '--format', 'csv']),
    ];
    const lines = csv.stdout.split('\r\n');
    expect([csv.code, csv.stderr, lines[0], lines[1], lines.length]).toEqual([
      0,
      '',
      'type,month,code,label,section,unit,value,numerator,denominator,threshold,status,note,key,clock,target,target_ms,elapsed_ms,overrun_ms,due_at,stopped_at',
      'figure,2026-03,IND_INC01,"Taux d\'incidents déclarés critiques sur Niveau de Service OR résolus dans les délais (2H)",incidents,rate,1,1,1,0.95,met,,,,,,,,,',
      1 + json.figures.length + json.figures.reduce((n, f) => n + f.breaches.length, 0) + 1,
    ]);
    expect(lines).toContain(
      'breach,2026-03,ANO_RESOLUTION_BLOCKING,,,,,,,,,,DEMAT-101,resolution,1d,36000000,180000000,144000000,2026-03-12T10:00:00.000+01:00,2026-03-18T19:00:00.000+01:00',
    );
  });
});

describe('contract-sla report errors: exit 2, one line on stderr', () => {
  it.each<[string, () => string[], RegExp]>([
    ['no --month', () => ['report', '--input', SAMPLE], /^contract-sla: missing option --month\n$/],
    ['no --input', () => ['report', '--month', '2026-03'], /^contract-sla: missing option --input\n$/],
    [
      'a month that is not yyyy-MM',
      () => ['report', '--input', SAMPLE, '--month', '03/2026'],
      /^contract-sla: --month: "03\/2026" is not a month: write yyyy-MM \(2026-10\)\n$/,
    ],
    [
      'a month not begun at --at',
      () => ['report', '--input', SAMPLE, '--month', '2026-05', '--at', AT],
      /^contract-sla: --month: the month 2026-05 has not begun at 2026-04-24T12:00:00\.000\+02:00: nothing to measure yet\n$/,
    ],
    [
      'an unknown format',
      () => ['report', '--input', SAMPLE, '--month', '2026-03', '--format', 'xlsx'],
      /^contract-sla: --format: expected json or csv, got "xlsx"\n$/,
    ],
    [
      'a missing file',
      () => ['report', '--input', '/nonexistent/export.json', '--month', '2026-03'],
      /^contract-sla: \/nonexistent\/export\.json: no such file\n$/,
    ],
    [
      'a file that is not an export',
      () => ['report', '--input', tempFile('x.json', '{"foo": 1}'), '--month', '2026-03'],
      /^contract-sla: .*x\.json: not a Jira export: expected a \/rest\/api\/3\/search\/jql response with "issues" .*\n$/,
    ],
    [
      'invalid JSON inside an issue (found while the issues are walked)',
      () => [
        'report',
        '--input',
        tempFile('i.json', '{"issues": [{"id": "1"}, {"id": 2,, "key": "X"}]}'),
        '--month',
        '2026-03',
      ],
      /^contract-sla: .*i\.json: not valid JSON \(issues\[1\], from byte 24: [^\n]*\)\n$/,
    ],
    [
      'a file cut inside its issues',
      () => ['report', '--input', tempFile('cut.json', '{"issues": [{"id": "1"}, {"id'), '--month', '2026-03'],
      /^contract-sla: .*cut\.json: not valid JSON \(unexpected end of file inside "issues", at byte 29\)\n$/,
    ],
    [
      'a month not begun, in a file that is not an export: the month first',
      () => ['report', '--input', tempFile('y.json', '{"foo": 1}'), '--month', '2026-05', '--at', AT],
      /^contract-sla: --month: the month 2026-05 has not begun at .*\n$/,
    ],
    [
      'a misspelt indicators setting',
      () => [
        'report',
        '--input',
        SAMPLE,
        '--month',
        '2026-03',
        '--config',
        tempFile('c.json', JSON.stringify({ indicators: { inProgress: [] } })),
      ],
      /^contract-sla: .*c\.json: indicators: unknown setting "inProgress" \(check its spelling\)\n$/,
    ],
    [
      'an unknown option',
      () => ['report', '--input', SAMPLE, '--month', '2026-03', '--sprint', '102'],
      /^contract-sla: unknown option --sprint \(expected --input, --month, --config, --at, --format\)\n$/,
    ],
  ])('%s', async (_name, args, message) => {
    const run = await runCli(args());
    expect([run.code, run.stdout, run.stderr]).toEqual([2, '', expect.stringMatching(message)]);
  });

  it('is listed in the help', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toContain(
      'contract-sla report --input <export.json> --month <yyyy-MM> [--config <config.json>] [--at <ISO>] [--format json|csv]',
    );
  });
});
