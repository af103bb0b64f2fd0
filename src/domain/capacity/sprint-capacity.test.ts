import { foldedSet } from '../text';
import { milliFromUnits, unitsFromMilli } from './effort';
import {
  computeSprintCapacity,
  type ReserveRules,
  type SprintCapacity,
  type SprintFacts,
  type SprintItem,
  type StatusValue,
} from './sprint-capacity';
import type { Change } from '../value-over-time';
import type { AnomalyClass } from '../anomaly/classify-anomaly';
import type { Severity } from '../sla/vocabulary';
import { h, ms } from '../../../test/support/builders';

// Reference sprint (Europe/Paris): sprint 102 starts Mon 2 Mar 2026 09:00, planned end Fri 27 Mar 18:00, completed
// at 18:45. Points board, 6 h a point, reserve 15 %, cap 10 %.
//   before 27/02 ──┬── start 02/03 09:00 ── during 16/03 ── later 20/03 ── end 27/03 18:45 ──┬── after 30/03
// Committed stories (20 pts): DEMAT-1 8 pts done, DEMAT-2 5 pts done, DEMAT-3 3 pts not started, DEMAT-4 2 pts not
// started (the least important), DEMAT-5 2 pts in progress. Ranks, most important first: 1, 2, 5, 3, 4.
const WHEN = {
  before: '2026-02-27T10:00',
  start: '2026-03-02T09:00',
  during: '2026-03-16T10:00',
  later: '2026-03-20T10:00',
  after: '2026-03-30T10:00',
} as const;
type When = keyof typeof WHEN | `2026-${string}`;
const instant = (when: When): number => ms(when in WHEN ? WHEN[when as keyof typeof WHEN] : when);

const SPRINT: SprintFacts = {
  id: 102,
  name: 'DEMAT Sprint 2',
  state: 'closed',
  startAtMs: ms('2026-03-02T09:00'),
  endAtMs: ms('2026-03-27T18:00'),
  completeAtMs: ms('2026-03-27T18:45'),
};

const RULES: ReserveRules = {
  unit: 'points',
  hoursPerPoint: 6,
  defaultRate: 0.15,
  validationCapRate: 0.1,
  urgentLabels: foldedSet(['faille-securite', 'defaillance-infra']),
  storyTypes: foldedSet(['Story']),
  notStartedStatuses: foldedSet(['À faire']),
};

type ItemSpec = {
  readonly key: string;
  readonly type?: 'Story' | 'Anomalie';
  readonly severity?: Severity;
  readonly anomalyClass?: AnomalyClass | null;
  readonly labels?: readonly string[];
  readonly rank?: string | null;
  readonly pts?: number | null;
  readonly loggedHours?: number | null;
  /** Entered the sprint (default: before the start). */
  readonly in?: When;
  readonly out?: When;
  /** Status at the end: todo (À qualifier, category new), doing, done (at `doneAt`, default later), todo-by-name. */
  readonly status?: 'todo' | 'doing' | 'done' | 'todo-by-name';
  readonly doneAt?: When;
};

const TODO: StatusValue = { status: 'À qualifier', category: 'new' };
const DOING: StatusValue = { status: 'En cours', category: 'indeterminate' };
const DONE: StatusValue = { status: 'Validée', category: 'done' };

const anItem = (spec: ItemSpec): SprintItem => {
  const createdMs = ms('2026-02-01T10:00');
  const sprints: Change<readonly number[]>[] = [
    { atMs: createdMs, to: [] },
    { atMs: instant(spec.in ?? 'before'), to: [102] },
  ];
  if (spec.out !== undefined) sprints.push({ atMs: instant(spec.out), to: [] });
  const statuses: Change<StatusValue>[] = [{ atMs: createdMs, to: TODO }];
  if (spec.status === 'doing' || spec.status === 'done') statuses.push({ atMs: ms('2026-03-05T10:00'), to: DOING });
  if (spec.status === 'done') statuses.push({ atMs: instant(spec.doneAt ?? 'later'), to: DONE });
  // A status the board has not categorised, listed as not started in the settings.
  if (spec.status === 'todo-by-name')
    statuses.push({ atMs: ms('2026-03-05T10:00'), to: { status: 'À faire', category: null } });
  const isAnomaly = spec.type === 'Anomalie';
  return {
    key: spec.key,
    issueType: spec.type ?? 'Story',
    kind: isAnomaly ? 'anomaly' : null,
    severity: isAnomaly ? (spec.severity ?? 'blocking') : null,
    anomalyClass: isAnomaly ? (spec.anomalyClass === undefined ? 'production' : spec.anomalyClass) : null,
    labels: spec.labels ?? [],
    rank: spec.rank === undefined ? `0|i9${spec.key.replace(/\D/g, '').padStart(4, '0')}:` : spec.rank,
    estimateMilli: spec.pts === undefined || spec.pts === null ? null : milliFromUnits(spec.pts),
    loggedMs: spec.loggedHours === undefined || spec.loggedHours === null ? null : h(spec.loggedHours),
    sprints: { initial: null, changes: sprints },
    statuses: { initial: null, changes: statuses },
  };
};

const COMMITTED: readonly ItemSpec[] = [
  { key: 'DEMAT-1', pts: 8, status: 'done', rank: '0|i00010:', loggedHours: 30 },
  { key: 'DEMAT-2', pts: 5, status: 'done', rank: '0|i00020:', loggedHours: 20 },
  { key: 'DEMAT-3', pts: 3, status: 'todo', rank: '0|i00040:' },
  { key: 'DEMAT-4', pts: 2, status: 'todo', rank: '0|i00050:' },
  { key: 'DEMAT-5', pts: 2, status: 'doing', rank: '0|i00030:', loggedHours: 10 },
];
const without = (...keys: string[]): ItemSpec[] => COMMITTED.filter((s) => !keys.includes(s.key));
const blockingProd = (key: string, pts: number | null, extra: Partial<ItemSpec> = {}): ItemSpec => ({
  key,
  type: 'Anomalie',
  pts,
  in: 'during',
  status: 'done',
  ...extra,
});

type Options = { readonly reserve?: number; readonly state?: 'active' | 'future'; readonly now?: When };

/** The figures of a result in points, for one assertion path. */
const figures = (c: SprintCapacity) => ({
  committed: unitsFromMilli(c.committedMilli),
  reserve: unitsFromMilli(c.reserveMilli),
  consumed: unitsFromMilli(c.consumedMilli),
  left: unitsFromMilli(c.leftMilli),
  givenBack: c.givenBackMilli === null ? null : unitsFromMilli(c.givenBackMilli),
  overflow: unitsFromMilli(c.overflowMilli),
  consumers: c.consumers.map((x) => `${x.key} ${unitsFromMilli(x.effortMilli)} ${x.source}`),
  candidates: c.moveOutCandidates,
  uncovered: unitsFromMilli(c.uncoveredOverflowMilli),
  removed: c.removed,
  validation: unitsFromMilli(c.validationEffortMilli),
  total: unitsFromMilli(c.totalEffortMilli),
  cap: unitsFromMilli(c.validationCapMilli),
  overCap: unitsFromMilli(c.overCapMilli),
  predictability: [unitsFromMilli(c.predictability.doneMilli), unitsFromMilli(c.predictability.plannedMilli)],
  productivity: [unitsFromMilli(c.productivity.doneMilli), c.productivity.loggedMs / 3_600_000],
  warnings: c.warnings.map((w) => `${w.code}${w.key === null ? '' : ` ${w.key}`}`),
});
type Figures = ReturnType<typeof figures>;

const run = (specs: readonly ItemSpec[], options: Options = {}): SprintCapacity => {
  const sprint: SprintFacts =
    options.state === undefined
      ? SPRINT
      : {
          ...SPRINT,
          state: options.state,
          completeAtMs: null,
          startAtMs: options.state === 'future' ? null : SPRINT.startAtMs,
        };
  return computeSprintCapacity(sprint, specs.map(anItem), RULES, {
    nowMs: instant(options.now ?? 'after'),
    reserveMilli: options.reserve === undefined ? null : milliFromUnits(options.reserve),
  });
};

describe('computeSprintCapacity: the reserve (D8)', () => {
  it.each<[string, readonly ItemSpec[], Options, Partial<Figures>]>([
    [
      'unused: nothing arrives, the 15 % of 20 pts go back to the stories',
      COMMITTED,
      {},
      {
        committed: 20,
        reserve: 3,
        consumed: 0,
        left: 3,
        givenBack: 3,
        overflow: 0,
        consumers: [],
        candidates: [],
        warnings: [],
      },
    ],
    [
      'exact fit: a 3-pt blocking production anomaly added during the sprint uses it all',
      [...COMMITTED, blockingProd('DEMAT-20', 3)],
      {},
      {
        reserve: 3,
        consumed: 3,
        left: 0,
        givenBack: 0,
        overflow: 0,
        consumers: ['DEMAT-20 3 estimate'],
        candidates: [],
      },
    ],
    [
      'overflow 2 is covered exactly by the least important story (2 pts)',
      [...COMMITTED, blockingProd('DEMAT-20', 5)],
      {},
      { consumed: 3, left: 0, givenBack: 0, overflow: 2, candidates: ['DEMAT-4'], uncovered: 0 },
    ],
    [
      'overflow 4 needs two stories, least important first',
      [...COMMITTED, blockingProd('DEMAT-20', 7)],
      {},
      { overflow: 4, candidates: ['DEMAT-4', 'DEMAT-3'] },
    ],
    [
      'overflow with ties in rank: the greater key goes first (DEMAT-10 before DEMAT-9)',
      [
        ...without('DEMAT-3', 'DEMAT-4'),
        { key: 'DEMAT-9', pts: 3, status: 'todo', rank: '0|i00050:' },
        { key: 'DEMAT-10', pts: 2, status: 'todo', rank: '0|i00050:' },
        blockingProd('DEMAT-20', 5),
      ],
      {},
      { overflow: 2, candidates: ['DEMAT-10'] },
    ],
    [
      'overflow with ties in rank, both needed: the greater key first',
      [
        ...without('DEMAT-3', 'DEMAT-4'),
        { key: 'DEMAT-9', pts: 3, status: 'todo', rank: '0|i00050:' },
        { key: 'DEMAT-10', pts: 2, status: 'todo', rank: '0|i00050:' },
        blockingProd('DEMAT-20', 7),
      ],
      {},
      { overflow: 4, candidates: ['DEMAT-10', 'DEMAT-9'] },
    ],
    [
      'a story without a rank is the least important',
      [...without('DEMAT-3'), { key: 'DEMAT-3', pts: 3, status: 'todo', rank: null }, blockingProd('DEMAT-20', 5)],
      {},
      { overflow: 2, candidates: ['DEMAT-3'], warnings: ['RANK_MISSING DEMAT-3'] },
    ],
    [
      'minimal: a big story that covers alone drops the small one taken before it',
      [
        ...without('DEMAT-3', 'DEMAT-4'),
        { key: 'DEMAT-3', pts: 1, status: 'todo', rank: '0|i00050:' },
        { key: 'DEMAT-4', pts: 8, status: 'todo', rank: '0|i00040:' },
        blockingProd('DEMAT-20', 7),
      ],
      {},
      { committed: 24, reserve: 3.6, overflow: 3.4, candidates: ['DEMAT-4'] },
    ],
    [
      'overflow beyond the stories not started: all of them, the rest uncovered, a warning',
      [...COMMITTED, blockingProd('DEMAT-20', 13)],
      {},
      { overflow: 10, candidates: ['DEMAT-4', 'DEMAT-3'], uncovered: 5, warnings: ['OVERFLOW_NOT_COVERED'] },
    ],
    [
      'stories in progress or done are never candidates',
      [...COMMITTED.map((s) => ({ ...s, status: 'done' as const })), blockingProd('DEMAT-20', 5)],
      {},
      { overflow: 2, candidates: [], uncovered: 2, warnings: ['OVERFLOW_NOT_COVERED'] },
    ],
    [
      'a status in the not-started list is not started whatever its category',
      [
        ...without('DEMAT-4'),
        { key: 'DEMAT-4', pts: 2, status: 'todo-by-name', rank: '0|i00050:' },
        blockingProd('DEMAT-20', 5),
      ],
      {},
      { candidates: ['DEMAT-4'] },
    ],
    [
      'item removed before the end: in the committed capacity only, listed apart',
      [
        ...without('DEMAT-4'),
        { key: 'DEMAT-4', pts: 2, status: 'todo', rank: '0|i00050:', out: 'during' },
        blockingProd('DEMAT-20', 5),
      ],
      {},
      { committed: 20, reserve: 3, removed: ['DEMAT-4'], candidates: ['DEMAT-3'], total: 23, predictability: [13, 18] },
    ],
    [
      'a consumer removed before the end consumes nothing',
      [...COMMITTED, blockingProd('DEMAT-20', 3, { out: 'later' })],
      {},
      { consumed: 0, left: 3, consumers: [], removed: ['DEMAT-20'] },
    ],
    [
      'an item added after the end is not in the sprint',
      [...COMMITTED, blockingProd('DEMAT-20', 3, { in: 'after' })],
      {},
      { consumed: 0, consumers: [], removed: [] },
    ],
    [
      'missing estimate: the consumer’s logged time counts, 9 h at 6 h a point = 1.5 pts',
      [...COMMITTED, blockingProd('DEMAT-20', null, { loggedHours: 9 })],
      {},
      {
        consumed: 1.5,
        left: 1.5,
        consumers: ['DEMAT-20 1.5 logged'],
        warnings: ['ESTIMATE_FROM_LOGGED_TIME DEMAT-20'],
      },
    ],
    [
      'missing estimate and no time logged: 0 with a warning',
      [...COMMITTED, blockingProd('DEMAT-20', null)],
      {},
      { consumed: 0, left: 3, consumers: ['DEMAT-20 0 none'], warnings: ['ESTIMATE_MISSING DEMAT-20'] },
    ],
    [
      'missing estimate on a committed story: its logged time counts in the capacity',
      [...without('DEMAT-5'), { key: 'DEMAT-5', pts: null, loggedHours: 12, status: 'doing' }],
      {},
      { committed: 20, reserve: 3, warnings: ['ESTIMATE_FROM_LOGGED_TIME DEMAT-5'] },
    ],
    [
      'a blocking anomaly of class validation does not consume the reserve but counts toward the cap',
      [...COMMITTED, blockingProd('DEMAT-21', 4, { anomalyClass: 'validation' })],
      {},
      { consumed: 0, left: 3, givenBack: 3, consumers: [], validation: 4, total: 24, cap: 2.4, overCap: 1.6 },
    ],
    [
      'validation anomalies under the cap: nothing above it',
      [...COMMITTED, blockingProd('DEMAT-21', 2, { anomalyClass: 'validation', severity: 'major' })],
      {},
      { validation: 2, total: 22, cap: 2.2, overCap: 0 },
    ],
    [
      'a blocking production anomaly planned at the start is committed work, not a consumer',
      [...COMMITTED, blockingProd('DEMAT-20', 4, { in: 'before' })],
      {},
      { committed: 24, reserve: 3.6, consumed: 0, consumers: [] },
    ],
    [
      'added at the very instant of the start: committed, not a consumer',
      [...COMMITTED, blockingProd('DEMAT-20', 4, { in: 'start' })],
      {},
      { committed: 24, consumers: [] },
    ],
    [
      'a major anomaly with an urgent label (security flaw) consumes',
      [...COMMITTED, blockingProd('DEMAT-22', 2, { severity: 'major', labels: ['Faille-Securite'] })],
      {},
      { consumed: 2, left: 1, consumers: ['DEMAT-22 2 estimate'] },
    ],
    [
      'a blocking anomaly of unknown class: not a consumer, not in the cap, a warning',
      [...COMMITTED, blockingProd('DEMAT-23', 2, { anomalyClass: null })],
      {},
      { consumed: 0, validation: 0, warnings: ['ANOMALY_CLASS_UNKNOWN DEMAT-23'] },
    ],
    [
      'the PO’s reserve for the sprint replaces the 15 %',
      [...COMMITTED, blockingProd('DEMAT-20', 3)],
      { reserve: 5 },
      { reserve: 5, consumed: 3, left: 2, givenBack: 2 },
    ],
    [
      'active sprint: nothing is given back before the end',
      [...COMMITTED, blockingProd('DEMAT-20', 2, { in: '2026-03-10T10:00', status: 'doing' })],
      { state: 'active', now: 'during' },
      { reserve: 3, consumed: 2, left: 1, givenBack: null },
    ],
    [
      'future sprint: a forecast from what is in it now, nothing consumed',
      [...COMMITTED, blockingProd('DEMAT-20', 3)],
      { state: 'future', now: 'during' },
      { committed: 23, reserve: 3.45, consumed: 0, givenBack: null, consumers: [] },
    ],
  ])('%s', (_name, specs, options, expected) => {
    expect(figures(run(specs, options))).toMatchObject(expected);
  });

  it('lists consumers in order of arrival, with when they arrived and why', () => {
    const result = run([
      ...COMMITTED,
      blockingProd('DEMAT-21', 1, { in: 'later', labels: ['defaillance-infra'], severity: 'minor' }),
      blockingProd('DEMAT-20', 1),
    ]);
    expect(result.consumers).toEqual([
      {
        key: 'DEMAT-20',
        effortMilli: 1000,
        source: 'estimate',
        addedAtMs: instant('during'),
        reason: 'blocking-production-anomaly',
      },
      { key: 'DEMAT-21', effortMilli: 1000, source: 'estimate', addedAtMs: instant('later'), reason: 'urgent-label' },
    ]);
  });
});

describe('computeSprintCapacity: predictability and productivity (D9)', () => {
  it.each<[string, readonly ItemSpec[], Options, Partial<Figures>, number | null, number | null]>([
    [
      'done ÷ planned, planned without the consumers; productivity counts them',
      [...COMMITTED, blockingProd('DEMAT-20', 3, { loggedHours: 12 })],
      {},
      { predictability: [13, 20], productivity: [16, 72] },
      13 / 20,
      16 / 72,
    ],
    [
      'a story done after the sprint closed is not done in it',
      [...without('DEMAT-1'), { key: 'DEMAT-1', pts: 8, status: 'done', doneAt: 'after', loggedHours: 30 }],
      {},
      { predictability: [5, 20] },
      5 / 20,
      5 / 60,
    ],
    [
      'a blocking validation anomaly added during the sprint is planned work (outside the bandwidth)',
      [...COMMITTED, blockingProd('DEMAT-21', 4, { anomalyClass: 'validation', loggedHours: 8 })],
      {},
      { predictability: [17, 24] },
      17 / 24,
      17 / 68,
    ],
    ['active sprint: so far', COMMITTED, { state: 'active', now: 'during' }, { predictability: [0, 20] }, 0, 0],
    ['future sprint: no ratio', COMMITTED, { state: 'future', now: 'during' }, {}, null, null],
    [
      'no time logged: no productivity',
      COMMITTED.map((s) => ({ ...s, loggedHours: null })),
      {},
      { productivity: [13, 0] },
      13 / 20,
      null,
    ],
  ])('%s', (_name, specs, options, expected, predictability, unitsPerHour) => {
    const result = run(specs, options);
    expect(figures(result)).toMatchObject(expected);
    expect([result.predictability.ratio, result.productivity.unitsPerHour]).toEqual([predictability, unitsPerHour]);
  });
});

describe('computeSprintCapacity on an hours board', () => {
  const HOURS: ReserveRules = { ...RULES, unit: 'hours' };

  it('keeps estimates in hours and counts logged time as hours', () => {
    // `pts` are read as hours here: thousandths of the board's unit either way.
    const items = [
      { key: 'DEMAT-1', pts: 30, status: 'done' as const },
      { key: 'DEMAT-2', pts: 10, status: 'todo' as const },
      blockingProd('DEMAT-20', null, { loggedHours: 2.5 }),
    ].map(anItem);
    const result = computeSprintCapacity(SPRINT, items, HOURS, { nowMs: instant('after'), reserveMilli: null });
    expect(figures(result)).toMatchObject({
      committed: 40,
      reserve: 6,
      consumed: 2.5,
      left: 3.5,
      consumers: ['DEMAT-20 2.5 logged'],
    });
  });

  it('rounds logged time to the thousandth of an hour (3.6 s)', () => {
    const twentyMinutes: SprintItem = { ...anItem(blockingProd('DEMAT-20', null)), loggedMs: 20 * 60_000 };
    const result = computeSprintCapacity(SPRINT, [twentyMinutes], HOURS, {
      nowMs: instant('after'),
      reserveMilli: 1000,
    });
    expect(result.consumedMilli).toBe(333);
  });
});
