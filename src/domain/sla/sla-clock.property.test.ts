import fc from 'fast-check';
import { businessMsBetweenEpoch } from '../calendar/business-calendar';
import { publicHolidays } from '../calendar/french-holidays';
import { computeIssueClocks, type ClockFacts } from './sla-clock';
import { clockSettings, defaultSettings } from '../../../test/support/clock-builders';
import { MINUTE, workingAtOracle } from '../../../test/support/builders';
import { foldName } from '../text';

const settings = clockSettings(defaultSettings());
const standard = settings.calendars.standard;
if (!standard) throw new Error('standard calendar missing');
const holidays = new Set([2025, 2026].flatMap((y) => publicHolidays('FR', y, false).map((d) => d.date)));

const RUNNING = ['À qualifier', 'En cours', 'Résolue'];
const PAUSE = ['En attente Administration', 'En validation Administration'];
const STOP = ['Contournement validé', 'Validée', 'En production', 'Fermée'];
const statusArb = fc.constantFrom(...RUNNING, ...PAUSE, ...STOP);
const BASE = Date.UTC(2026, 2, 20) / MINUTE; // around the spring DST change and Easter Monday (2026-04-06)

const factsArb: fc.Arbitrary<{ facts: ClockFacts; atMs: number }> = fc
  .record({
    createdMinute: fc.integer({ min: BASE, max: BASE + 10 * 1440 }),
    gaps: fc.array(fc.integer({ min: 1, max: 2 * 1440 }), { maxLength: 8 }),
    statuses: fc.array(statusArb, { minLength: 8, maxLength: 8 }),
    severity: fc.constantFrom('blocking' as const, 'major' as const),
    environment: fc.constantFrom('validation' as const, 'production' as const),
    atGap: fc.integer({ min: 0, max: 3 * 1440 }),
  })
  .map(({ createdMinute, gaps, statuses, severity, environment, atGap }) => {
    let minute = createdMinute;
    const statusChanges = gaps.map((gap, i) => {
      minute += gap;
      return { atMs: minute * MINUTE, to: statuses[i] as string };
    });
    return {
      facts: {
        kind: 'anomaly',
        createdAtMs: createdMinute * MINUTE,
        incidentStartAtMs: null,
        initialStatus: 'À qualifier',
        statusChanges,
        severity: { initial: severity, changes: [] },
        serviceLevel: { initial: null, changes: [] },
        environment,
      },
      atMs: (minute + atGap) * MINUTE,
    };
  });

/** The simple version: walk the minutes, look up the status at each one, and count it by its role (D4). */
const minuteByMinute = (facts: ClockFacts, atMs: number, clock: 'workaround' | 'resolution') => {
  const productionBlocking = facts.environment === 'production' && facts.severity.initial === 'blocking';
  const stops = new Set(
    (productionBlocking ? ['En production', 'Fermée'] : ['Validée', 'En production', 'Fermée']).map(foldName),
  );
  if (clock === 'workaround') stops.add(foldName('Contournement validé'));
  let elapsedMs = 0;
  let pausedMs = 0;
  let stoppedForGood = false;
  for (let t = facts.createdAtMs; t < atMs; t += MINUTE) {
    let status = facts.initialStatus;
    for (const c of facts.statusChanges) if (c.atMs <= t) status = c.to;
    const folded = foldName(status);
    if (stops.has(folded)) {
      if (clock === 'workaround') stoppedForGood = true;
      continue;
    }
    if (stoppedForGood || !workingAtOracle(standard, holidays, t)) continue;
    if (PAUSE.map(foldName).includes(folded)) pausedMs += MINUTE;
    else elapsedMs += MINUTE;
  }
  return { elapsedMs, pausedMs };
};

describe('clock properties (D4)', () => {
  it('agrees with a minute-by-minute count of running and paused time', () => {
    fc.assert(
      fc.property(factsArb, ({ facts, atMs }) => {
        const result = computeIssueClocks(facts, settings, atMs);
        for (const clock of result.clocks) {
          expect({ id: clock.id, elapsedMs: clock.elapsedMs, pausedMs: clock.pausedMs }).toEqual({
            id: clock.id,
            ...minuteByMinute(facts, atMs, clock.id),
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never counts more than the business time between start and `at`', () => {
    fc.assert(
      fc.property(factsArb, ({ facts, atMs }) => {
        for (const clock of computeIssueClocks(facts, settings, atMs).clocks) {
          expect(clock.elapsedMs + clock.pausedMs).toBeLessThanOrEqual(
            businessMsBetweenEpoch(standard, facts.createdAtMs, atMs),
          );
          expect(clock.segments.reduce((sum, s) => sum + s.businessMs, 0)).toBe(clock.elapsedMs + clock.pausedMs);
        }
      }),
    );
  });

  it('pauses never increase elapsed time', () => {
    fc.assert(
      fc.property(factsArb, fc.nat(), ({ facts, atMs }, pick) => {
        const running = facts.statusChanges.map((c, i) => [c, i] as const).filter(([c]) => RUNNING.includes(c.to));
        fc.pre(running.length > 0);
        const [, index] = running[pick % running.length] as readonly [unknown, number];
        const paused: ClockFacts = {
          ...facts,
          statusChanges: facts.statusChanges.map((c, i) =>
            i === index ? { ...c, to: 'En attente Administration' } : c,
          ),
        };
        const before = computeIssueClocks(facts, settings, atMs).clocks;
        const after = computeIssueClocks(paused, settings, atMs).clocks;
        after.forEach((clock, i) => expect(clock.elapsedMs).toBeLessThanOrEqual(before[i]?.elapsedMs ?? Infinity));
      }),
    );
  });

  it('places the due instant exactly `remaining` business ms after `at` while the clock is not breached', () => {
    fc.assert(
      fc.property(factsArb, ({ facts, atMs }) => {
        for (const clock of computeIssueClocks(facts, settings, atMs).clocks) {
          if (
            clock.state === 'stopped' ||
            clock.remainingMs === null ||
            clock.remainingMs <= 0 ||
            clock.dueAtMs === null
          )
            continue;
          expect(businessMsBetweenEpoch(standard, atMs, clock.dueAtMs)).toBe(clock.remainingMs);
        }
      }),
    );
  });

  it("places a breached clock's due instant where the running time reached the target", () => {
    fc.assert(
      fc.property(factsArb, ({ facts, atMs }) => {
        for (const clock of computeIssueClocks(facts, settings, atMs).clocks) {
          if (!clock.breached || clock.dueAtMs === null || clock.targetMs === null) continue;
          const truncated = computeIssueClocks(facts, settings, clock.dueAtMs).clocks.find((c) => c.id === clock.id);
          expect(truncated?.elapsedMs).toBe(clock.targetMs);
        }
      }),
    );
  });
});
