import type { SprintFacts, SprintItem, StatusValue } from '../capacity/sprint-capacity';
import { noSprintFigures, sprintFigures, sprintKeys, type SprintMeasure } from './sprint-figures';
import { ms } from '../../../test/support/builders';

// Sprint 102 ends Fri 27 Mar 2026 18:45: S-1 (done), S-2 (in progress), R-1 (a reserve consumer, done), O-1 (taken
// out on 10 Mar). The figures' numbers are the reserve's; the keys say which issues are behind them.
const SPRINT: SprintFacts = {
  id: 102,
  name: 'DEMAT Sprint 2',
  state: 'closed',
  startAtMs: ms('2026-03-02T09:00'),
  endAtMs: ms('2026-03-27T18:00'),
  completeAtMs: ms('2026-03-27T18:45'),
};
const item = (key: string, done: boolean, out?: string): SprintItem => {
  const status = (category: StatusValue['category']): StatusValue => ({
    status: category === 'done' ? 'Validée' : 'En cours',
    category,
  });
  return {
    key,
    issueType: 'Story',
    kind: null,
    severity: null,
    anomalyClass: null,
    labels: [],
    rank: null,
    estimateMilli: 1000,
    loggedMs: null,
    sprints: {
      initial: null,
      changes: [{ atMs: ms('2026-02-20T10:00'), to: [102] }, ...(out === undefined ? [] : [{ atMs: ms(out), to: [] }])],
    },
    statuses: {
      initial: null,
      changes: [
        { atMs: ms('2026-02-20T10:00'), to: status('indeterminate') },
        ...(done ? [{ atMs: ms('2026-03-20T10:00'), to: status('done') }] : []),
      ],
    },
  };
};
const ITEMS = [item('S-1', true), item('S-2', false), item('R-1', true), item('O-1', true, '2026-03-10T10:00')];

describe('sprint figures', () => {
  it('finds the issues in the sprint at its end, and those done then', () => {
    expect(sprintKeys(SPRINT, ITEMS, ms('2026-03-27T18:45'))).toEqual({
      atEnd: ['S-1', 'S-2', 'R-1'],
      done: ['S-1', 'R-1'],
    });
  });

  it('gives predictability without the reserve’s consumers, productivity over every issue', () => {
    const measure: SprintMeasure = {
      sprint: SPRINT,
      unit: 'points',
      measuredAtMs: ms('2026-03-27T18:45'),
      predictability: { done: 1, planned: 2, ratio: 0.5 },
      productivity: { done: 2, loggedHours: 8, ratio: 0.25 },
      consumers: ['R-1'],
    };
    const [predictability, productivity] = sprintFigures(measure, sprintKeys(SPRINT, ITEMS, measure.measuredAtMs));
    expect(predictability).toMatchObject({
      code: 'PREDICTABILITY_SPRINT_102',
      unit: 'ratio',
      value: 0.5,
      numerator: 1,
      denominator: 2,
      status: 'measured',
      note: null,
      keys: { numerator: ['S-1'], denominator: ['S-1', 'S-2'], apart: ['R-1'] },
    });
    expect(productivity).toMatchObject({
      code: 'PRODUCTIVITY_SPRINT_102',
      unit: 'units-per-hour',
      value: 0.25,
      numerator: 2,
      denominator: 8,
      keys: { numerator: ['R-1', 'S-1'], denominator: ['R-1', 'S-1', 'S-2'], apart: [] },
    });
    expect(predictability.label).toBe(
      'Prédictibilité – DEMAT Sprint 2 (réalisé ÷ planifié hors bande passante, en points)',
    );
  });

  it('says when an active sprint is measured before its end, and why a ratio is missing', () => {
    const measure: SprintMeasure = {
      sprint: { ...SPRINT, state: 'active', completeAtMs: null },
      unit: 'hours',
      measuredAtMs: ms('2026-03-20T12:00'),
      predictability: { done: 0, planned: 0, ratio: null },
      productivity: { done: 0, loggedHours: 3, ratio: 0 },
      consumers: [],
    };
    const [predictability, productivity] = sprintFigures(
      measure,
      sprintKeys(measure.sprint, ITEMS, measure.measuredAtMs),
    );
    expect([predictability.value, predictability.note, productivity.value, productivity.note]).toEqual([
      null,
      'rien de planifié dans le sprint',
      0,
      'sprint actif : mesuré à l’instant du rapport, avant sa fin',
    ]);
  });

  it('gives null figures with the reason when no sprint can be measured', () => {
    expect(
      noSprintFigures('aucun sprint ne se termine dans le mois').map((f) => [f.code, f.value, f.status, f.note]),
    ).toEqual([
      ['PREDICTABILITY', null, 'no-data', 'aucun sprint ne se termine dans le mois'],
      ['PRODUCTIVITY', null, 'no-data', 'aucun sprint ne se termine dans le mois'],
    ]);
  });
});
