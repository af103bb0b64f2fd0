// The monthly report use case on Jira exports: the bundled samples (examples/sample-month.md tells their March), a
// hand-made month written as Jira writes it (checked against the OpenAPI descriptions), generated exports split in
// two, and the sprint side reused from the reserve.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clocksReportOf } from './compute-clocks-report';
import { computeMonthlyReport, monthlyReportOf, sprintSourceOf, type SprintSource } from './compute-monthly-report';
import { computeReserveReport } from './compute-reserve-report';
import type { MonthlyFigureView, MonthlyReport } from '../contract';
import { monthWindow } from '../domain/indicators/month-window';
import { parseJiraExport, type JiraExport as ParsedExport } from '../jira/jira-export';
import { mapSprintExport } from './map-sprint-export';
import { defaultSettings } from '../../test/support/clock-builders';
import { ms } from '../../test/support/builders';
import { exportSchemaErrors } from '../../test/support/jira-export-check';
import {
  buildExport,
  generateExport,
  parisWallTimeToEpochMs,
  type IssueEvent,
  type IssueSpec,
  type JiraExport,
  type SeverityValue,
  type ServiceLevelValue,
  type StatusName,
} from '../../test/support/generate-export';

type Json = Record<string, unknown>;
const readExample = (name: string): Json =>
  JSON.parse(readFileSync(join(__dirname, '../../examples', name), 'utf8')) as Json;
const AT = ms('2026-04-24T12:00');

const reportOf = (value: unknown, month: string, atMs = AT, settingsJson: unknown = {}): MonthlyReport => {
  const result = computeMonthlyReport(value, defaultSettings(settingsJson), month, atMs);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};
const figure = (report: MonthlyReport, code: string): MonthlyFigureView => {
  const found = report.figures.find((f) => f.code === code);
  if (found === undefined) throw new Error(`no ${code}`);
  return found;
};
const parsed = (value: unknown): ParsedExport => {
  const result = parseJiraExport(value);
  if (!result.ok) throw new Error('not an export');
  return result.value;
};
const windowOf = (month: string) => {
  const w = monthWindow(month);
  if (!w.ok) throw new Error(month);
  return w.value;
};

// A hand-made October 2026, written as Jira writes it (silver = ARGENT, bronze = BRONZE, gold = OR):
// DEMAT-1  ARGENT Bloquante, Fri 25 Sep 16:00 → Résolue Tue 6 Oct 10:00 (64 h > 4 h): open in September and October.
// DEMAT-2  ARGENT Majeure on Thu 8 Oct 09:00, requalified Bloquante by the Administration at 10:00, Résolue 14:00:
//          5 h > 4 h (D5), in IND_INC02 only.
// DEMAT-3  OR Mineure, Mon 12 Oct 09:00 → Résolue 12:00, reopened Tue 13 Oct 09:00 → Résolue 10:00: 4 h ≤ 28 h, once.
// DEMAT-4  BRONZE Majeure, Mon 28 Sep 09:00 → Résolue 11:00, reopened Mon 5 Oct 09:00 → Résolue 10:00: counted in
//          September (2 h) and again in October where its clock stops again (3 h ≤ 20 h; D4: elapsed never resets).
const at = (local: string): number => {
  const [date, time] = local.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return parisWallTimeToEpochMs(y, mo, d, hh, mm);
};
type Move = readonly [local: string, to: StatusName | { severity: SeverityValue }];
const incident = (
  number: number,
  level: ServiceLevelValue,
  severity: SeverityValue,
  created: string,
  moves: readonly Move[],
): IssueSpec => ({
  number,
  type: 'Incident',
  summary: 'Indisponibilité du portail de dépôt en ligne',
  createdMs: at(created),
  severity,
  environment: null,
  serviceLevel: level,
  incidentStartMs: null,
  affectedVersions: [],
  sprints: [],
  storyPoints: null,
  events: moves.map(([local, to]): IssueEvent =>
    typeof to === 'string'
      ? { atMs: at(local), by: 'titulaire', toStatus: to }
      : { atMs: at(local), by: 'administration', toSeverity: to.severity },
  ),
  changelogAtTopLevel: number === 3,
});
const HAND_MADE: JiraExport = buildExport(
  [
    incident(1, 'ARGENT', 'Bloquante', '2026-09-25T16:00', [
      ['2026-09-25T16:10', 'En cours'],
      ['2026-10-06T10:00', 'Résolue'],
      ['2026-10-07T09:00', 'Fermée'],
    ]),
    incident(2, 'ARGENT', 'Majeure', '2026-10-08T09:00', [
      ['2026-10-08T09:05', 'En cours'],
      ['2026-10-08T10:00', { severity: 'Bloquante' }],
      ['2026-10-08T14:00', 'Résolue'],
    ]),
    incident(3, 'OR', 'Mineure', '2026-10-12T09:00', [
      ['2026-10-12T09:05', 'En cours'],
      ['2026-10-12T12:00', 'Résolue'],
      ['2026-10-13T09:00', 'En cours'],
      ['2026-10-13T10:00', 'Résolue'],
    ]),
    incident(4, 'BRONZE', 'Majeure', '2026-09-28T09:00', [
      ['2026-09-28T09:05', 'En cours'],
      ['2026-09-28T11:00', 'Résolue'],
      ['2026-10-05T09:00', 'En cours'],
      ['2026-10-05T10:00', 'Résolue'],
    ]),
  ],
  { sprints: [], versions: [], firstHistoryId: 500001 },
);

describe('computeMonthlyReport on a hand-made month', () => {
  it('is an export Jira could have sent', () => {
    expect(exportSchemaErrors(HAND_MADE)).toEqual([]);
  });

  it.each<[string, string, string, Partial<MonthlyFigureView>]>([
    [
      'September: the incident across two months is running',
      '2026-09',
      'IND_INC02',
      { value: null, keys: { met: [], breached: [], running: ['DEMAT-1'] } },
    ],
    [
      'September: open incidents',
      '2026-09',
      'IND_SUP01',
      { value: 1, keys: { met: [], breached: [], running: ['DEMAT-1'] } },
    ],
    [
      'September: the first resolution of the incident reopened later',
      '2026-09',
      'INC_RESOLUTION_MAJOR_BRONZE',
      { value: 1, keys: { met: ['DEMAT-4'], breached: [], running: [] } },
    ],
    [
      'October: IND_INC02 has the incident across two months and the reclassified one',
      '2026-10',
      'IND_INC02',
      {
        value: 0,
        numerator: 0,
        denominator: 2,
        status: 'missed',
        keys: { met: [], breached: ['DEMAT-1', 'DEMAT-2'], running: [] },
      },
    ],
    [
      'October: the reclassified incident is no longer major',
      '2026-10',
      'INC_RESOLUTION_MAJOR_SILVER',
      { value: null, denominator: 0 },
    ],
    [
      'October: both blocking incidents were open',
      '2026-10',
      'IND_SUP01',
      { value: 2, keys: { met: [], breached: ['DEMAT-1', 'DEMAT-2'], running: [] } },
    ],
    [
      'October: the incident reopened and resolved twice in the month counts once',
      '2026-10',
      'IND_SUP03',
      { value: 1, keys: { met: ['DEMAT-3'], breached: [], running: [] } },
    ],
    [
      'October: an incident reopened after a September resolution counts again where it stops again',
      '2026-10',
      'INC_RESOLUTION_MAJOR_BRONZE',
      { value: 1, keys: { met: ['DEMAT-4'], breached: [], running: [] } },
    ],
    ['November: nothing is open any more', '2026-11', 'IND_SUP01', { value: 0 }],
  ])('%s', (_name, month, code, expected) => {
    expect(figure(reportOf(HAND_MADE, month, ms('2026-12-15T12:00')), code)).toMatchObject(expected);
  });

  it('lists each breach with its target, elapsed time, overrun, due and stop instants', () => {
    expect(figure(reportOf(HAND_MADE, '2026-10', ms('2026-12-15T12:00')), 'IND_INC02').breaches).toEqual([
      {
        key: 'DEMAT-1',
        clock: 'resolution',
        target: '4h',
        targetMs: 4 * 3_600_000,
        elapsedMs: 64 * 3_600_000,
        overrunMs: 60 * 3_600_000,
        dueAt: '2026-09-28T10:00:00.000+02:00',
        stoppedAt: '2026-10-06T10:00:00.000+02:00',
      },
      {
        key: 'DEMAT-2',
        clock: 'resolution',
        target: '4h',
        targetMs: 4 * 3_600_000,
        elapsedMs: 5 * 3_600_000,
        overrunMs: 3_600_000,
        dueAt: '2026-10-08T13:00:00.000+02:00',
        stoppedAt: '2026-10-08T14:00:00.000+02:00',
      },
    ]);
  });
});

describe('computeMonthlyReport on the sample exports', () => {
  it('frames the month: Paris boundaries, measured at its end once over, the rules it read', () => {
    const {
      month,
      zone,
      from,
      to,
      at: measuredAt,
      complete,
      rules,
      warnings,
    } = reportOf(readExample('sample-export.json'), '2026-03');
    expect({ month, zone, from, to, at: measuredAt, complete, rules, warnings }).toEqual({
      month: '2026-03',
      zone: 'Europe/Paris',
      from: '2026-03-01T00:00:00.000+01:00',
      to: '2026-04-01T00:00:00.000+02:00',
      at: '2026-04-01T00:00:00.000+02:00',
      complete: true,
      rules: {
        attribution: 'clock-stop',
        inProgressStatuses: ['En cours', 'In Progress'],
        businessCalendar: 'standard',
        unit: null,
      },
      warnings: [],
    });
  });

  it('measures a month not over at `at`', () => {
    const report = reportOf(readExample('sample-export.json'), '2026-04');
    expect([report.at, report.complete, figure(report, 'WORK_ITEM_AGE_MAX').keys]).toEqual([
      '2026-04-24T12:00:00.000+02:00',
      false,
      { numerator: [], denominator: ['DEMAT-109'], apart: [] },
    ]);
  });

  it('lists as breaches exactly the clocks `contract-sla clocks` shows breached and stopped in the month', () => {
    const sample = readExample('sample-export.json');
    const report = reportOf(sample, '2026-03');
    const clocks = clocksReportOf(parsed(sample), defaultSettings(), ms('2026-04-01T00:00'));
    const expected = clocks.issues.flatMap((i) =>
      i.clocks
        .filter((c) => c.breached && c.stoppedAt !== null && c.stoppedAt.startsWith('2026-03'))
        .map((c) => `${i.key} ${c.id} ${c.elapsedMs} ${c.dueAt}`),
    );
    const listed = new Set(
      report.figures
        .filter((f) => f.section !== 'anomalies' || !f.code.includes('_ENV_'))
        .flatMap((f) => f.breaches.map((b) => `${b.key} ${b.clock} ${b.elapsedMs} ${b.dueAt}`)),
    );
    expect([...listed].sort()).toEqual(expected.sort());
  });

  it('reuses the reserve for the sprints ending in the month: the figures `contract-sla reserve` prints', () => {
    const sample = readExample('sample-sprint-export.json');
    const reserve = computeReserveReport(sample, defaultSettings(), ms('2026-04-01T00:00'));
    const sprint2 = reserve.ok ? reserve.value.sprints.find((s) => s.sprintId === 102) : undefined;
    const report = reportOf(sample, '2026-03');
    expect(figure(report, 'PREDICTABILITY_SPRINT_102')).toMatchObject({
      value: sprint2?.predictability.ratio,
      numerator: sprint2?.predictability.done,
      denominator: sprint2?.predictability.planned,
      keys: { apart: sprint2?.consumers },
    });
    expect(figure(report, 'PRODUCTIVITY_SPRINT_102')).toMatchObject({
      value: sprint2?.productivity.ratio,
      numerator: 21,
      denominator: 105,
    });
    expect(report.figures.filter((f) => f.section === 'sprints').map((f) => f.code)).toEqual([
      'PREDICTABILITY_SPRINT_102',
      'PRODUCTIVITY_SPRINT_102',
    ]);
  });

  it('draws the burn-down of each sprint overlapping the month, from its committed capacity', () => {
    const report = reportOf(readExample('sample-sprint-export.json'), '2026-03');
    expect(
      report.burnDowns.map((b) => [
        b.sprintId,
        b.state,
        b.committed,
        b.days.length,
        b.days[0]?.ideal,
        b.days[b.days.length - 1]?.ideal,
      ]),
    ).toEqual([
      [102, 'closed', 20, 20, 19, 0],
      [103, 'active', 24, 19, 22.737, 0],
    ]);
    // Sprint 2 ends with DEMAT-203 (3), DEMAT-208 (2) and DEMAT-209 (2) not done; sprint 3 is measured at 1 April 00:00.
    expect(report.burnDowns[0]?.days[19]).toEqual({
      date: '2026-03-27',
      at: '2026-03-27T18:00:00.000+01:00',
      remaining: 7,
      remainingIssues: 3,
      ideal: 0,
    });
    expect(report.burnDowns[1]?.days.map((d) => d.remaining).slice(0, 3)).toEqual([24, 24, null]);
  });

  it('takes a sprint completed after the measure instant as still active then', () => {
    const report = reportOf(readExample('sample-sprint-export.json'), '2026-03', ms('2026-03-20T12:00'));
    expect(figure(report, 'PREDICTABILITY_SPRINT_102').note).toBe(
      'sprint actif : mesuré à l’instant du rapport, avant sa fin',
    );
  });

  it('says why there are no sprint figures: no board, no sprint ending in the month, an unreadable board', () => {
    const sprints = readExample('sample-sprint-export.json');
    expect([
      figure(reportOf(readExample('sample-export.json'), '2026-03'), 'PREDICTABILITY').note,
      figure(reportOf(sprints, '2026-01'), 'PRODUCTIVITY').note,
      figure(reportOf({ ...sprints, board: { estimation: { type: 'issueCount' } } }, '2026-03'), 'PREDICTABILITY').note,
    ]).toEqual([
      "pas de tableau agile dans l'export (clé board) : prédictibilité et productivité non calculées",
      'aucun sprint ne se termine dans le mois',
      'configuration du tableau agile illisible : prédictibilité et productivité non calculées',
    ]);
    expect(
      reportOf({ ...sprints, board: { estimation: { type: 'issueCount' } } }, '2026-03').warnings.map((w) => w.code),
    ).toEqual(['BOARD_UNREADABLE']);
  });

  it('starts cycle times at the statuses the settings name (indicators.inProgressStatuses)', () => {
    const sample = readExample('sample-export.json');
    const cycle = (settings: unknown) =>
      reportOf(sample, '2026-04', AT, settings).durations.cycleTime.find((d) => d.key === 'DEMAT-114')?.from;
    expect([cycle({}), cycle({ indicators: { inProgressStatuses: ['En attente Administration'] } })]).toEqual([
      '2026-04-16T11:30:00.000+02:00',
      '2026-04-17T10:00:00.000+02:00',
    ]);
  });

  it('leaves out an issue it cannot read, and says which', () => {
    const sample = readExample('sample-export.json');
    const issues = [
      ...(sample.issues as Json[]),
      { id: '99999', key: 'DEMAT-999', fields: { issuetype: { name: 'Incident' } } },
    ];
    const report = reportOf({ ...sample, issues }, '2026-03');
    expect(report.warnings.map((w) => [w.code, w.keys])).toEqual([['ISSUE_NOT_COMPUTED', ['DEMAT-999']]]);
  });

  it.each<[string, unknown, string, number, RegExp]>([
    ['not an export', { foo: 1 }, '2026-03', AT, /not a Jira export/],
    ['not a month', readExample('sample-export.json'), '2026-3', AT, /"2026-3" is not a month/],
    [
      'a month that has not begun',
      readExample('sample-export.json'),
      '2026-05',
      AT,
      /the month 2026-05 has not begun at 2026-04-24T12:00:00.000\+02:00/,
    ],
  ])('fails on %s', (_name, value, month, atMs, message) => {
    const result = computeMonthlyReport(value, defaultSettings(), month, atMs);
    expect(result.ok ? 'ok' : result.issues.map((i) => i.message).join('; ')).toMatch(message);
  });
});

describe('computeMonthlyReport on generated exports', () => {
  const board = readExample('sample-sprint-export.json').board;
  const generated = { ...generateExport({ issues: 600, transitionsPerIssue: 8, seed: 7 }), board } as JiraExport & {
    board: unknown;
  };
  const settings = defaultSettings();
  const october = windowOf('2026-10');

  it('are exports Jira could have sent, board included', () => {
    expect(exportSchemaErrors(generated)).toEqual([]);
  });

  it('maps only the issues of the month’s sprints, with the same figures as mapping all of them', () => {
    const all = mapSprintExport(generated, settings);
    if (!all.ok) throw new Error('board');
    const full: SprintSource = { kind: 'board', sprintExport: all.value };
    const subset = sprintSourceOf(generated, parsed(generated), settings, october);
    expect(subset.kind === 'board' && subset.sprintExport.items.length).toBeLessThan(all.value.items.length);
    const measured = october.endMs;
    const withSubset = monthlyReportOf(parsed(generated), subset, settings, october, measured);
    expect(monthlyReportOf(parsed(generated), full, settings, october, measured)).toEqual(withSubset);
    expect(withSubset.burnDowns.map((b) => b.name)).toEqual(['DEMAT Sprint 23', 'DEMAT Sprint 24']);
  });

  it('split into two exports, sums to the whole month: numerators and denominators add up', () => {
    const half = (keep: (i: number) => boolean): JiraExport => {
      const issues = generated.issues.filter((_, i) => keep(i));
      const ids = new Set(issues.map((i) => i.id));
      return { ...generated, issues, changelogs: (generated.changelogs ?? []).filter((c) => ids.has(c.issueId)) };
    };
    const [whole, a, b] = [generated, half((i) => i % 3 === 0), half((i) => i % 3 !== 0)].map((e) =>
      reportOf(e, '2026-10', ms('2026-12-01T12:00')),
    );
    const additive = (whole as MonthlyReport).figures.filter(
      (f) => f.type === 'compliance' || f.type === 'count' || f.code === 'ESCAPED_DEFECT_RATE',
    );
    for (const f of additive) {
      const [x, y] = [figure(a as MonthlyReport, f.code), figure(b as MonthlyReport, f.code)];
      expect([f.code, (x.numerator ?? 0) + (y.numerator ?? 0), (x.denominator ?? 0) + (y.denominator ?? 0)]).toEqual([
        f.code,
        f.numerator ?? 0,
        f.denominator ?? 0,
      ]);
    }
    expect(additive.length).toBeGreaterThan(40);
    expect(figure(whole as MonthlyReport, 'IND_SUP02').value).toBeGreaterThan(0);
  });
});
