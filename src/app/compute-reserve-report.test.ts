// The reserve use case on the bundled sample (examples/sample-sprint-export.json; its story is told in
// test/cli/reserve-command.test.ts): where each sprint's reserve comes from, the report's shape, hours boards.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeReserveReport, type SprintReserves } from './compute-reserve-report';
import type { ReserveReport } from '../contract';
import { defaultSettings } from '../../test/support/clock-builders';
import { ms } from '../../test/support/builders';

type Json = Record<string, unknown>;
type Sample = { board: Json; issues: { key: string; fields: Json }[] } & Json;
const sample = (): Sample =>
  JSON.parse(readFileSync(join(__dirname, '../../examples/sample-sprint-export.json'), 'utf8')) as Sample;
const NOW = ms('2026-04-24T12:00');

const report = (settingsJson: unknown = {}, stored: SprintReserves = {}, value: unknown = sample()): ReserveReport => {
  const result = computeReserveReport(value, defaultSettings(settingsJson), NOW, stored);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};
const reserves = (r: ReserveReport) => r.sprints.map((s) => [s.sprintId, s.reserve, s.reserveSource, s.left]);

describe('computeReserveReport', () => {
  it('states the unit, the field and the rules it used', () => {
    const { at, unit, estimationField, rules, warnings } = report();
    expect({ at, unit, estimationField, rules, warnings }).toEqual({
      at: '2026-04-24T12:00:00.000+02:00',
      unit: 'points',
      estimationField: { id: 'customfield_10016', name: 'Story point estimate' },
      rules: { defaultRate: 0.15, validationCapRate: 0.1, hoursPerPoint: 6 },
      warnings: [],
    });
  });

  it.each<[string, unknown, SprintReserves, readonly (readonly [number, number, string, number])[]]>([
    [
      'default: 15 % of each committed capacity',
      {},
      {},
      [
        [101, 3, 'default-rate', 3],
        [102, 3, 'default-rate', 0],
        [103, 3.6, 'default-rate', 1.6],
      ],
    ],
    [
      'another default rate',
      { reserve: { defaultRate: 0.2 } },
      {},
      [
        [101, 4, 'default-rate', 4],
        [102, 4, 'default-rate', 0],
        [103, 4.8, 'default-rate', 2.8],
      ],
    ],
    [
      'a reserve set per sprint in the settings',
      { reserve: { perSprint: { '103': 4 } } },
      {},
      [
        [101, 3, 'default-rate', 3],
        [102, 3, 'default-rate', 0],
        [103, 4, 'per-sprint', 2],
      ],
    ],
    [
      'the app’s stored reserve prevails over the settings',
      { reserve: { perSprint: { '103': 4 } } },
      { '103': 5, '102': 8 },
      [
        [101, 3, 'default-rate', 3],
        [102, 8, 'per-sprint', 1],
        [103, 5, 'per-sprint', 3],
      ],
    ],
  ])('reserves: %s', (_name, settingsJson, stored, expected) => {
    expect(reserves(report(settingsJson, stored))).toEqual(expected);
  });

  it('warns about a per-sprint reserve for a sprint the export does not have', () => {
    expect(report({ reserve: { perSprint: { '999': 2 } } }).warnings).toEqual([
      { code: 'SPRINT_NOT_FOUND', message: 'reserve.perSprint: sprint 999 is not in the export' },
    ]);
  });

  it('converts logged time at the configured hours per point', () => {
    const sprint2 = report({ reserve: { hoursPerPoint: 4 } }).sprints[1];
    // DEMAT-212 has no estimate and 12 h logged: 3 points at 4 h a point.
    expect(sprint2?.consumerDetails.map((c) => [c.key, c.effort, c.effortSource])).toEqual([
      ['DEMAT-211', 5, 'estimate'],
      ['DEMAT-212', 3, 'logged'],
    ]);
  });

  it('follows the urgent labels of the settings', () => {
    const sprint2 = report({ reserve: { urgentLabels: ['defaillance-infra'] } }).sprints[1];
    expect([sprint2?.consumers, sprint2?.overflow]).toEqual([['DEMAT-211'], 2]);
  });

  it('lists sprints by start, those not started last', () => {
    const value = sample();
    const sprints = value.sprints as Json[];
    value.sprints = [
      {
        id: 104,
        self: 'https://demat-ads.atlassian.net/rest/agile/1.0/sprint/104',
        state: 'future',
        name: 'DEMAT Sprint 4',
        originBoardId: 1,
        goal: '',
      },
      ...sprints.reverse(),
    ];
    const r = report({}, {}, value);
    expect(r.sprints.map((s) => [s.sprintId, s.started, s.capacity, s.predictability.ratio])).toEqual([
      [101, true, 20, 14 / 17],
      [102, true, 20, 14 / 21],
      [103, true, 24, 8 / 25],
      [104, false, 0, null],
    ]);
  });

  it('reports an hours board in hours, logged time converted one to one', () => {
    const value = sample();
    value.board.estimation = {
      type: 'field',
      field: { fieldId: 'timeoriginalestimate', displayName: 'Original Estimate' },
    };
    // Points become hours of estimate: 6 h a point, so the sprint's shape stays the same.
    for (const issue of value.issues) {
      const points = issue.fields.customfield_10016;
      issue.fields.timeoriginalestimate = typeof points === 'number' ? points * 6 * 3600 : null;
    }
    const r = report({}, {}, value);
    const sprint2 = r.sprints[1];
    expect([
      r.unit,
      sprint2?.capacity,
      sprint2?.reserve,
      sprint2?.consumerDetails.map((c) => [c.key, c.effort, c.effortSource]),
      sprint2?.overflow,
    ]).toEqual([
      'hours',
      120,
      18,
      [
        ['DEMAT-211', 30, 'estimate'],
        ['DEMAT-212', 12, 'logged'],
      ],
      24,
    ]);
    expect(sprint2?.productivity).toEqual({ done: 126, loggedHours: 105, ratio: 1.2 });
  });

  it('fails only when the export cannot be read', () => {
    const result = computeReserveReport({ issues: [] }, defaultSettings(), NOW);
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('no board configuration'),
    ]);
  });
});
