// Canned sprint boards for component tests, shaped as `capacity/getBoard` and `capacity/setReserve` return them
// (src/contract/). The figures keep the server's invariants: consumed + left = reserve; consumed + overflow = the
// consumers' effort; overflow > 0 ⇒ left = 0; overCap = max(0, validation effort − cap); cap = 10 % of total effort.
//
// Board "DEM Scrum" (story points), 15 % default reserve:
//   Sprint 10  closed  reserve 6 (default), 3 consumed, 3 given back
//   Sprint 11  closed  reserve 4,5 (default), 7,5 consumed → 3 over; validation 5 against a cap of 3,75 → 1,25 over
//   Sprint 12  active  reserve 8 (set by the PO), 11 consumed → 3 over, covered by DEM-140 then DEM-138
//   Sprint 13  future  reserve 4,5 (default), a forecast
import type { ReserveReport, SprintBoardView, SprintReserveView } from '../../../../src/contract';

/** The account of the bridge mock's context (the viewer), and another Product Owner's. */
export const VIEWER = '5b10ac8d82e05b22cc7d4e01';
export const SOPHIE = '5b10ac8d82e05b22cc7d4e02';

export const aSprint = (overrides: Partial<SprintReserveView> = {}): SprintReserveView => ({
  sprintId: 12,
  name: 'Sprint 12',
  state: 'active',
  startAt: '2026-03-02T09:00:00.000+01:00',
  endAt: '2026-03-13T18:00:00.000+01:00',
  completeAt: null,
  started: true,
  measuredAt: '2026-03-11T14:00:00.000+01:00',
  capacity: 40,
  reserve: 8,
  reserveSource: 'per-sprint',
  consumed: 8,
  left: 0,
  givenBack: null,
  overflow: 3,
  consumers: ['DEM-130', 'DEM-131'],
  consumerDetails: [
    {
      key: 'DEM-130',
      effort: 5,
      effortSource: 'estimate',
      addedAt: '2026-03-04T10:15:00.000+01:00',
      reason: 'blocking-production-anomaly',
    },
    {
      key: 'DEM-131',
      effort: 6,
      effortSource: 'logged',
      addedAt: '2026-03-09T16:40:00.000+01:00',
      reason: 'urgent-label',
    },
  ],
  moveOutCandidates: ['DEM-140', 'DEM-138'],
  uncoveredOverflow: 0,
  removed: [],
  validationEffort: 2,
  totalEffort: 51,
  validationCap: 5.1,
  overCap: 0,
  predictability: { done: 20, planned: 40, ratio: 0.5 },
  productivity: { done: 20, loggedHours: 80, ratio: 0.25 },
  warnings: [
    {
      code: 'ESTIMATE_FROM_LOGGED_TIME',
      message: 'no estimate: its logged time counts instead (8 h a point)',
      keys: ['DEM-131'],
    },
  ],
  ...overrides,
});

/** Closed with an unused reserve: 3 of 6 pts consumed, 3 given back to the sprint's capacity. */
export const closedGivenBack = aSprint({
  sprintId: 10,
  name: 'Sprint 10',
  state: 'closed',
  startAt: '2026-02-02T09:00:00.000+01:00',
  endAt: '2026-02-13T18:00:00.000+01:00',
  completeAt: '2026-02-13T17:30:00.000+01:00',
  measuredAt: '2026-02-13T17:30:00.000+01:00',
  capacity: 40,
  reserve: 6,
  reserveSource: 'default-rate',
  consumed: 3,
  left: 3,
  givenBack: 3,
  overflow: 0,
  consumers: ['DEM-101'],
  consumerDetails: [
    {
      key: 'DEM-101',
      effort: 3,
      effortSource: 'estimate',
      addedAt: '2026-02-05T11:00:00.000+01:00',
      reason: 'blocking-production-anomaly',
    },
  ],
  moveOutCandidates: [],
  validationEffort: 3,
  totalEffort: 43,
  validationCap: 4.3,
  overCap: 0,
  predictability: { done: 35, planned: 40, ratio: 0.875 },
  productivity: { done: 35, loggedHours: 140, ratio: 0.25 },
  warnings: [],
});

/** Closed, over its reserve and over the validation cap: 1,25 pts are the contractor's charge. */
export const closedOverCap = aSprint({
  sprintId: 11,
  name: 'Sprint 11',
  state: 'closed',
  startAt: '2026-02-16T09:00:00.000+01:00',
  endAt: '2026-02-27T18:00:00.000+01:00',
  completeAt: '2026-02-27T18:00:00.000+01:00',
  measuredAt: '2026-02-27T18:00:00.000+01:00',
  capacity: 30,
  reserve: 4.5,
  reserveSource: 'default-rate',
  consumed: 4.5,
  left: 0,
  givenBack: 0,
  overflow: 3,
  consumers: ['DEM-110', 'DEM-111'],
  consumerDetails: [
    {
      key: 'DEM-110',
      effort: 5,
      effortSource: 'estimate',
      addedAt: '2026-02-17T09:30:00.000+01:00',
      reason: 'blocking-production-anomaly',
    },
    {
      key: 'DEM-111',
      effort: 2.5,
      effortSource: 'logged',
      addedAt: '2026-02-24T15:00:00.000+01:00',
      reason: 'blocking-production-anomaly',
    },
  ],
  moveOutCandidates: ['DEM-120', 'DEM-118'],
  validationEffort: 5,
  totalEffort: 37.5,
  validationCap: 3.75,
  overCap: 1.25,
  predictability: { done: 24, planned: 30, ratio: 0.8 },
  productivity: { done: 24, loggedHours: 96, ratio: 0.25 },
  warnings: [],
});

/** Active, the Product Owner's reserve of 8 pts overflowed by 3 pts (the default fixture). */
export const activeOverflow = aSprint();

/** Not started: a forecast, no consumers, no indicators. */
export const futureSprint = aSprint({
  sprintId: 13,
  name: 'Sprint 13',
  state: 'future',
  startAt: '2026-03-16T09:00:00.000+01:00',
  endAt: '2026-03-27T18:00:00.000+01:00',
  started: false,
  capacity: 30,
  reserve: 4.5,
  reserveSource: 'default-rate',
  consumed: 0,
  left: 4.5,
  overflow: 0,
  consumers: [],
  consumerDetails: [],
  moveOutCandidates: [],
  validationEffort: 0,
  totalEffort: 30,
  validationCap: 3,
  predictability: { done: 0, planned: 30, ratio: null },
  productivity: { done: 0, loggedHours: 0, ratio: null },
  warnings: [],
});

export const aReport = (overrides: Partial<ReserveReport> = {}): ReserveReport => ({
  at: '2026-03-11T14:00:00.000+01:00',
  unit: 'points',
  estimationField: { id: 'customfield_10016', name: 'Story Points' },
  rules: { defaultRate: 0.15, validationCapRate: 0.1, hoursPerPoint: 8 },
  warnings: [],
  sprints: [closedGivenBack, closedOverCap, activeOverflow, futureSprint],
  ...overrides,
});

/** What the Product Owner sees on the project page: the active sprint first, reserves editable. */
export const aBoardView = (overrides: Partial<SprintBoardView> = {}): SprintBoardView => ({
  projectKey: 'DEM',
  board: { id: 7, name: 'DEM Scrum' },
  report: aReport(),
  focusSprintId: 12,
  // Set by another Product Owner (the server names who by account id).
  reserves: { '12': { value: 8, setBy: SOPHIE, setAt: '2026-03-02T08:30:00.000+01:00' } },
  canSetReserve: true,
  ...overrides,
});

/** What a developer sees: the same board, read only. */
export const aDeveloperView = (): SprintBoardView => aBoardView({ canSetReserve: false });

/**
 * The board `capacity/setReserve` answers after Sprint 12's reserve is set to `reserve` (the overflow absorbed), or
 * cleared (null: back to 15 % of 40 = 6 pts).
 */
export const boardAfterSave = (reserve: number | null): SprintBoardView => {
  const value = reserve ?? 6;
  const consumed = Math.min(value, 11);
  const overflow = Math.max(0, 11 - value);
  const sprint = aSprint({
    reserve: value,
    reserveSource: reserve === null ? 'default-rate' : 'per-sprint',
    consumed,
    left: value - consumed,
    overflow,
    moveOutCandidates: overflow > 0 ? ['DEM-140', 'DEM-138'] : [],
  });
  return aBoardView({
    report: aReport({ sprints: [closedGivenBack, closedOverCap, sprint, futureSprint] }),
    reserves:
      reserve === null ? {} : { '12': { value: reserve, setBy: VIEWER, setAt: '2026-03-11T14:05:00.000+01:00' } },
  });
};
