import fc from 'fast-check';
import { foldedSet } from '../text';
import { chooseMoveOutCandidates, type MoveOutStory } from './move-out-candidates';
import {
  computeSprintCapacity,
  type ReserveRules,
  type SprintFacts,
  type SprintItem,
  type StatusValue,
} from './sprint-capacity';
import type { Change } from '../value-over-time';

// Sprints generated around a fixed start; issues join and leave the sprint at whole minutes, so that joins at the
// very instant of the start and of the end come up often. Efforts are whole thousandths (the domain's unit).
const MINUTE = 60_000;
const START_MS = Date.UTC(2026, 2, 2, 8, 0);
const END_MS = START_MS + 20 * 1440 * MINUTE;
const SPRINT: SprintFacts = {
  id: 7,
  name: 'Sprint 7',
  state: 'closed',
  startAtMs: START_MS,
  endAtMs: END_MS,
  completeAtMs: END_MS,
};

const RULES: ReserveRules = {
  unit: 'points',
  hoursPerPoint: 6,
  defaultRate: 0.15,
  validationCapRate: 0.1,
  urgentLabels: foldedSet(['faille-securite']),
  storyTypes: foldedSet(['Story']),
  notStartedStatuses: foldedSet([]),
};

type Role = 'story' | 'blocking-production' | 'blocking-validation' | 'urgent' | 'major-production' | 'unknown-class';
type Spec = {
  readonly role: Role;
  readonly estimateMilli: number | null;
  readonly loggedMinutes: number | null;
  /** Minutes from the sprint's start; joins from 3 days before to 2 days after the end. */
  readonly joinMinute: number;
  readonly stayMinutes: number | null;
  readonly category: StatusValue['category'];
  readonly rank: string | null;
};

const specArb: fc.Arbitrary<Spec> = fc.record({
  role: fc.constantFrom<Role>(
    'story',
    'story',
    'story',
    'blocking-production',
    'blocking-validation',
    'urgent',
    'major-production',
    'unknown-class',
  ),
  estimateMilli: fc.option(
    fc.oneof(fc.constantFrom(0, 500, 1000, 2000, 3000, 5000, 8000), fc.integer({ min: 0, max: 13_000 })),
    { nil: null, freq: 5 },
  ),
  loggedMinutes: fc.option(fc.integer({ min: 0, max: 40 * 60 }), { nil: null }),
  joinMinute: fc.oneof(
    fc.constantFrom(0, -1, 1, 20 * 1440, 20 * 1440 + 1),
    fc.integer({ min: -3 * 1440, max: 22 * 1440 }),
  ),
  stayMinutes: fc.option(fc.integer({ min: 1, max: 25 * 1440 }), { nil: null }),
  category: fc.constantFrom<StatusValue['category']>('new', 'new', 'indeterminate', 'done', null),
  rank: fc.option(fc.constantFrom('0|a:', '0|b:', '0|c:', '0|d:'), { nil: null, freq: 6 }),
});

const itemOf = (spec: Spec, index: number): SprintItem => {
  const joinMs = START_MS + spec.joinMinute * MINUTE;
  const sprints: Change<readonly number[]>[] = [
    { atMs: joinMs - 1440 * MINUTE, to: [] },
    { atMs: joinMs, to: [7] },
  ];
  if (spec.stayMinutes !== null) sprints.push({ atMs: joinMs + spec.stayMinutes * MINUTE, to: [] });
  const anomaly = spec.role !== 'story' && spec.role !== 'urgent';
  return {
    key: `DEMAT-${index + 1}`,
    issueType: spec.role === 'story' ? 'Story' : 'Anomalie',
    kind: anomaly ? 'anomaly' : null,
    severity: spec.role === 'major-production' ? 'major' : anomaly ? 'blocking' : null,
    anomalyClass:
      spec.role === 'blocking-validation'
        ? 'validation'
        : spec.role === 'unknown-class' || !anomaly
          ? null
          : 'production',
    labels: spec.role === 'urgent' ? ['faille-securite'] : [],
    rank: spec.rank,
    estimateMilli: spec.estimateMilli,
    loggedMs: spec.loggedMinutes === null ? null : spec.loggedMinutes * MINUTE,
    sprints: { initial: null, changes: sprints },
    statuses: {
      initial: null,
      changes: [{ atMs: joinMs - 1440 * MINUTE, to: { status: 'Statut', category: spec.category } }],
    },
  };
};

const sprintArb = fc.record({
  specs: fc.array(specArb, { maxLength: 14 }),
  reserveMilli: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null, freq: 3 }),
});
const compute = (specs: readonly Spec[], reserveMilli: number | null) =>
  computeSprintCapacity(SPRINT, specs.map(itemOf), RULES, { nowMs: END_MS + 1440 * MINUTE, reserveMilli });

// The simpler version: membership as the interval [join, join + stay), effort by the rule written out.
const inSprintAt = (spec: Spec, atMs: number): boolean => {
  const joinMs = START_MS + spec.joinMinute * MINUTE;
  return joinMs <= atMs && (spec.stayMinutes === null || atMs < joinMs + spec.stayMinutes * MINUTE);
};
const effortOracle = (spec: Spec): number =>
  spec.estimateMilli ??
  (spec.loggedMinutes !== null && spec.loggedMinutes > 0 ? Math.round((spec.loggedMinutes / 60 / 6) * 1000) : 0);

describe('computeSprintCapacity properties (D8)', () => {
  it('consumed + left = reserve when there is no overflow; consumed + overflow = what the consumers need', () => {
    fc.assert(
      fc.property(sprintArb, ({ specs, reserveMilli }) => {
        const c = compute(specs, reserveMilli);
        const demandMilli = c.consumers.reduce((total, x) => total + x.effortMilli, 0);
        if (c.overflowMilli === 0) expect(c.consumedMilli + c.leftMilli).toBe(c.reserveMilli);
        else expect(c.leftMilli).toBe(0);
        expect(c.consumedMilli + c.overflowMilli).toBe(demandMilli);
        expect(c.givenBackMilli).toBe(c.leftMilli);
      }),
    );
  });

  it('agrees with interval membership: committed capacity, consumers and removed issues', () => {
    fc.assert(
      fc.property(sprintArb, ({ specs, reserveMilli }) => {
        const c = compute(specs, reserveMilli);
        const atStart = specs.filter((s) => inSprintAt(s, START_MS));
        expect(c.committedMilli).toBe(atStart.reduce((total, s) => total + effortOracle(s), 0));
        expect(c.reserveMilli).toBe(reserveMilli ?? Math.round(0.15 * c.committedMilli));
        const bandwidth: readonly Role[] = ['blocking-production', 'urgent'];
        const consumers = specs.flatMap((s, i) =>
          !inSprintAt(s, START_MS) && inSprintAt(s, END_MS) && bandwidth.includes(s.role) ? [`DEMAT-${i + 1}`] : [],
        );
        expect(c.consumers.map((x) => x.key).sort()).toEqual(consumers.sort());
        const removed = specs.flatMap((s, i) => {
          const joinMs = START_MS + s.joinMinute * MINUTE;
          const during = inSprintAt(s, START_MS) || (joinMs > START_MS && joinMs <= END_MS);
          return during && !inSprintAt(s, END_MS) ? [`DEMAT-${i + 1}`] : [];
        });
        expect(c.removed).toEqual(removed);
      }),
    );
  });

  it('the candidates cover the overflow, and removing any one of them no longer does', () => {
    fc.assert(
      fc.property(sprintArb, ({ specs, reserveMilli }) => {
        const c = compute(specs, reserveMilli);
        const effortOf = new Map(specs.map((s, i) => [`DEMAT-${i + 1}`, effortOracle(s)]));
        const consumerKeys = new Set(c.consumers.map((x) => x.key));
        const notStarted = specs.flatMap((s, i) =>
          s.role === 'story' && s.category === 'new' && inSprintAt(s, END_MS) && !consumerKeys.has(`DEMAT-${i + 1}`)
            ? [`DEMAT-${i + 1}`]
            : [],
        );
        for (const key of c.moveOutCandidates) expect(notStarted).toContain(key);
        const covered = c.moveOutCandidates.reduce((total, key) => total + (effortOf.get(key) ?? 0), 0);
        const available = notStarted.reduce((total, key) => total + (effortOf.get(key) ?? 0), 0);
        if (c.overflowMilli === 0) expect(c.moveOutCandidates).toEqual([]);
        else if (available >= c.overflowMilli) {
          expect(covered).toBeGreaterThanOrEqual(c.overflowMilli);
          for (const key of c.moveOutCandidates)
            expect(covered - (effortOf.get(key) ?? 0)).toBeLessThan(c.overflowMilli);
        } else expect(c.uncoveredOverflowMilli).toBe(c.overflowMilli - available);
      }),
    );
  });

  const anomalyArriving = 'a blocking production anomaly arriving during the sprint';
  it(`${anomalyArriving} never lowers the overflow nor raises what is left`, () => {
    const arrival = fc.record({
      estimateMilli: fc.integer({ min: 0, max: 8000 }),
      joinMinute: fc.integer({ min: 1, max: 20 * 1440 }),
    });
    fc.assert(
      fc.property(sprintArb, arrival, ({ specs, reserveMilli }, extra) => {
        const before = compute(specs, reserveMilli);
        const anomaly: Spec = {
          role: 'blocking-production',
          estimateMilli: extra.estimateMilli,
          loggedMinutes: null,
          joinMinute: extra.joinMinute,
          stayMinutes: null,
          category: 'done',
          rank: null,
        };
        const after = compute([...specs, anomaly], reserveMilli);
        expect(after.overflowMilli).toBeGreaterThanOrEqual(before.overflowMilli);
        expect(after.leftMilli).toBeLessThanOrEqual(before.leftMilli);
        expect(after.reserveMilli).toBe(before.reserveMilli);
      }),
    );
  });

  it('keeps its ratios and shares in bounds', () => {
    fc.assert(
      fc.property(sprintArb, ({ specs, reserveMilli }) => {
        const c = compute(specs, reserveMilli);
        expect(c.validationEffortMilli).toBeLessThanOrEqual(c.totalEffortMilli);
        expect(c.overCapMilli).toBe(Math.max(0, c.validationEffortMilli - c.validationCapMilli));
        expect(c.predictability.doneMilli).toBeLessThanOrEqual(c.predictability.plannedMilli);
        expect(c.predictability.plannedMilli + c.consumers.reduce((t, x) => t + x.effortMilli, 0)).toBe(
          c.totalEffortMilli,
        );
        if (c.predictability.ratio !== null) expect(c.predictability.ratio).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('chooseMoveOutCandidates properties (D8)', () => {
  const storyArb: fc.Arbitrary<Omit<MoveOutStory, 'key'>> = fc.record({
    rank: fc.option(fc.constantFrom('0|a:', '0|b:', '0|c:'), { nil: null, freq: 5 }),
    effortMilli: fc.integer({ min: 0, max: 13_000 }),
  });
  const input = fc.record({
    stories: fc.array(storyArb, { maxLength: 12 }),
    overflowMilli: fc.integer({ min: 0, max: 40_000 }),
  });
  const keyed = (stories: readonly Omit<MoveOutStory, 'key'>[]): MoveOutStory[] =>
    stories.map((s, i) => ({ ...s, key: `A-${i + 1}` }));

  it('covers the overflow when the stories can, and removing any one candidate no longer does', () => {
    fc.assert(
      fc.property(input, ({ stories, overflowMilli }) => {
        const all = keyed(stories);
        const effort = new Map(all.map((s) => [s.key, s.effortMilli]));
        const choice = chooseMoveOutCandidates(all, overflowMilli);
        const covered = choice.keys.reduce((total, key) => total + (effort.get(key) ?? 0), 0);
        const available = all.reduce((total, s) => total + s.effortMilli, 0);
        expect(choice.coveredMilli).toBe(overflowMilli === 0 ? 0 : covered);
        expect(new Set(choice.keys).size).toBe(choice.keys.length);
        if (overflowMilli === 0) expect(choice.keys).toEqual([]);
        else if (available >= overflowMilli) {
          expect(covered).toBeGreaterThanOrEqual(overflowMilli);
          for (const key of choice.keys) expect(covered - (effort.get(key) ?? 0)).toBeLessThan(overflowMilli);
        } else {
          expect([...choice.keys].sort()).toEqual(
            all
              .filter((s) => s.effortMilli > 0)
              .map((s) => s.key)
              .sort(),
          );
          expect(choice.uncoveredMilli).toBe(overflowMilli - available);
        }
      }),
    );
  });

  it('lists candidates least important first: no rank, then the greatest rank, ties by the greater key', () => {
    fc.assert(
      fc.property(input, ({ stories, overflowMilli }) => {
        const all = keyed(stories);
        const byKey = new Map(all.map((s) => [s.key, s]));
        const chosen = chooseMoveOutCandidates(all, overflowMilli).keys.map((key) => byKey.get(key) as MoveOutStory);
        const position = (s: MoveOutStory): [number, string, number] => [
          s.rank === null ? 0 : 1,
          s.rank ?? '',
          Number(s.key.slice(2)),
        ];
        for (let i = 1; i < chosen.length; i++) {
          const [aNull, aRank, aNumber] = position(chosen[i - 1] as MoveOutStory);
          const [bNull, bRank, bNumber] = position(chosen[i] as MoveOutStory);
          const inOrder =
            aNull < bNull || (aNull === bNull && (aRank > bRank || (aRank === bRank && aNumber > bNumber)));
          expect(inOrder).toBe(true);
        }
      }),
    );
  });
});
