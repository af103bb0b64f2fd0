import fc from 'fast-check';
import { businessMsBetweenEpoch } from '../calendar/business-calendar';
import { computeIssueClocks, type ClockFacts } from './sla-clock';
import { clockSettings, defaultSettings } from '../../../test/support/clock-builders';
import { h, ms, MINUTE } from '../../../test/support/builders';
import { clockCycle, pendingChecksMs, slaSnapshot, type SnapshotClockInput } from './sla-snapshot';

const settings = clockSettings(defaultSettings());
const standard = settings.calendars.standard;
if (!standard) throw new Error('standard calendar missing');
const snapshotSettings = { calendars: settings.calendars, thresholds: [75, 100] };

const facts = (
  statusChanges: ClockFacts['statusChanges'],
  severity: 'blocking' | 'major' = 'blocking',
): ClockFacts => ({
  kind: 'anomaly',
  createdAtMs: ms('2026-03-02T09:00'),
  incidentStartAtMs: null,
  initialStatus: 'À qualifier',
  statusChanges,
  severity: { initial: severity, changes: [] },
  serviceLevel: { initial: null, changes: [] },
  environment: 'validation',
});
const clocksAt = (f: ClockFacts, atMs: number) => computeIssueClocks(f, settings, atMs).clocks;

describe('slaSnapshot (issue 10: the stored SLA state)', () => {
  it('gives per clock state, due instant, durations and the most urgent running clock', () => {
    const now = ms('2026-03-02T10:00');
    const snap = slaSnapshot(clocksAt(facts([]), now), snapshotSettings, now);
    const resolution = clocksAt(facts([]), now).find((c) => c.id === 'resolution');
    expect(snap.state).toBe('running');
    expect(snap.urgentClock).toBe('workaround');
    expect(snap.clocks.workaround).toMatchObject({
      state: 'running',
      breached: false,
      elapsedMs: h(1),
      calendar: 'standard',
    });
    expect(snap.clocks.workaround.dueAtMs).toBe(ms('2026-03-02T13:00'));
    expect(snap.clocks.resolution.dueAtMs).toBe(resolution?.dueAtMs);
    expect(snap.dueAtMs).toBe(ms('2026-03-02T13:00'));
  });

  it('nextCheckAt is the 75 % threshold first, then the due instant, in business time', () => {
    const first = ms('2026-03-02T10:00');
    expect(slaSnapshot(clocksAt(facts([]), first), snapshotSettings, first).nextCheckAtMs).toBe(ms('2026-03-02T12:00'));
    const later = ms('2026-03-02T12:30');
    // The 100 % threshold falls on the due instant; the breach itself is the first ms past the target.
    expect(slaSnapshot(clocksAt(facts([]), later), snapshotSettings, later).nextCheckAtMs).toBe(ms('2026-03-02T13:00'));
    // Warnings off: only the breach matters (breached is strictly past the target).
    const off = slaSnapshot(clocksAt(facts([]), first), { ...snapshotSettings, thresholds: [] }, first);
    expect(off.nextCheckAtMs).toBe(ms('2026-03-02T13:00') + 1);
  });

  it('a paused clock names its pausing status and plans no check', () => {
    const f = facts([{ atMs: ms('2026-03-02T10:00'), to: 'En attente Administration' }], 'major');
    const now = ms('2026-03-02T11:00');
    const snap = slaSnapshot(clocksAt(f, now), snapshotSettings, now);
    expect(snap.state).toBe('paused');
    expect(snap.clocks.resolution.pausedBy).toBe('En attente Administration');
    expect(snap.nextCheckAtMs).toBeNull();
  });

  it('a missing clock is `none`; no clock at all is state `none`', () => {
    const snap = slaSnapshot([], snapshotSettings, 0);
    expect(snap).toMatchObject({ state: 'none', urgentClock: null, dueAtMs: null, nextCheckAtMs: null });
    expect(snap.clocks.workaround.state).toBe('none');
  });

  it('everBreached latches within a cycle and resets when the clock is reopened', () => {
    const base: SnapshotClockInput = {
      id: 'resolution',
      calendar: 'standard',
      targetMs: h(8),
      dueAtMs: 0,
      elapsedMs: h(2),
      pausedMs: 0,
      remainingMs: h(6),
      state: 'running',
      breached: false,
      startedAtMs: 1000,
      segments: [{ state: 'running', status: 'En cours' }],
    };
    const cycle = clockCycle(base);
    const latched = slaSnapshot([base], snapshotSettings, 0, { resolution: { cycle, everBreached: true } });
    expect(latched.clocks.resolution.everBreached).toBe(true);
    expect(latched.clocks.resolution.breached).toBe(false);
    const reopened: SnapshotClockInput = {
      ...base,
      segments: [...base.segments, { state: 'stopped', status: 'Validée' }, { state: 'running', status: 'En cours' }],
    };
    expect(clockCycle(reopened)).not.toBe(cycle);
    const fresh = slaSnapshot([reopened], snapshotSettings, 0, { resolution: { cycle, everBreached: true } });
    expect(fresh.clocks.resolution.everBreached).toBe(false);
  });

  it('a resolution clock reopened by the engine gets a new cycle', () => {
    const f = facts([
      { atMs: ms('2026-03-02T10:00'), to: 'Validée' },
      { atMs: ms('2026-03-02T11:00'), to: 'En cours' },
    ]);
    const before = clocksAt(f, ms('2026-03-02T10:30')).find((c) => c.id === 'resolution');
    const after = clocksAt(f, ms('2026-03-02T11:30')).find((c) => c.id === 'resolution');
    if (!before || !after) throw new Error('no resolution clock');
    expect(before.state).toBe('stopped');
    expect(clockCycle(after)).not.toBe(clockCycle(before));
  });
});

// The simple version of nextCheckAt: the fewest business ms still to count, then the first minute at which the
// calendar has counted them from now (a search over business time, not addBusinessMs).
const RUNNING = ['À qualifier', 'En cours'];
const PAUSE = ['En attente Administration'];
const STOP = ['Validée', 'Fermée'];
const BASE = Date.UTC(2026, 2, 20) / MINUTE;
const arb = fc.record({
  gaps: fc.array(fc.integer({ min: 1, max: 1440 }), { maxLength: 5 }),
  statuses: fc.array(fc.constantFrom(...RUNNING, ...PAUSE, ...STOP), { minLength: 5, maxLength: 5 }),
  nowGap: fc.integer({ min: 0, max: 2 * 1440 }),
  severity: fc.constantFrom('blocking' as const, 'major' as const),
  thresholds: fc.uniqueArray(fc.integer({ min: 1, max: 150 }), { maxLength: 3 }),
});

describe('slaSnapshot properties (issue 10)', () => {
  it('nextCheckAt is the first instant a threshold or the due instant is reached', () => {
    fc.assert(
      fc.property(arb, ({ gaps, statuses, nowGap, severity, thresholds }) => {
        let minute = BASE;
        const changes = gaps.map((g, i) => {
          minute += g;
          return { atMs: minute * MINUTE, to: statuses[i] ?? 'En cours' };
        });
        const f = { ...facts(changes, severity), createdAtMs: BASE * MINUTE };
        const nowMs = (minute + nowGap) * MINUTE;
        const clocks = clocksAt(f, nowMs);
        const snap = slaSnapshot(clocks, { calendars: settings.calendars, thresholds }, nowMs);
        const needs = clocks.flatMap((c) => {
          if (c.state !== 'running' || c.targetMs === null) return [];
          const t = c.targetMs;
          return [
            ...thresholds.map((p) => Math.ceil((p * t) / 100) - c.elapsedMs).filter((n) => n > 0),
            ...(t - c.elapsedMs + 1 > 0 ? [t - c.elapsedMs + 1] : []),
          ];
        });
        if (needs.length === 0) return snap.nextCheckAtMs === null;
        const need = Math.min(...needs);
        if (snap.nextCheckAtMs === null) return false;
        // Counted exactly `need` by then, and not before (the instant is the first one that has counted it).
        const counted = businessMsBetweenEpoch(standard, nowMs, snap.nextCheckAtMs);
        const before = need > 0 ? businessMsBetweenEpoch(standard, nowMs, snap.nextCheckAtMs - 1) : -1;
        // Recomputing at that instant (no edit in between) shows the clock has reached it.
        const later = clocksAt(f, snap.nextCheckAtMs);
        const reached = later.some((c) => {
          const was = clocks.find((o) => o.id === c.id);
          return was !== undefined && was.state === 'running' && c.elapsedMs - was.elapsedMs === need;
        });
        // The breach planned is the one that happens then: breached at that instant, not one ms before.
        const breachPlanned = clocks.some(
          (c) => c.state === 'running' && c.targetMs !== null && c.targetMs - c.elapsedMs + 1 === need,
        );
        const breachedThen = clocksAt(f, snap.nextCheckAtMs).some(
          (c) => c.breached && !clocks.find((o) => o.id === c.id)?.breached,
        );
        const breachedBefore = clocksAt(f, snap.nextCheckAtMs - 1).some(
          (c) => c.breached && !clocks.find((o) => o.id === c.id)?.breached,
        );
        if (breachPlanned && (!breachedThen || breachedBefore)) return false;
        return counted === need && before < need && reached;
      }),
      { numRuns: 150 },
    );
  });

  it('pendingChecksMs never plans a check for a paused or stopped clock, nor a threshold already reached', () => {
    fc.assert(
      fc.property(
        fc.record({
          state: fc.constantFrom('running' as const, 'paused' as const, 'stopped' as const),
          targetMs: fc.integer({ min: 0, max: h(40) }),
          elapsedMs: fc.integer({ min: 0, max: h(60) }),
          thresholds: fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 4 }),
        }),
        ({ state, targetMs, elapsedMs, thresholds }) => {
          const clock: SnapshotClockInput = {
            id: 'resolution',
            calendar: 'standard',
            targetMs,
            dueAtMs: null,
            elapsedMs,
            pausedMs: 0,
            remainingMs: targetMs - elapsedMs,
            state,
            breached: elapsedMs > targetMs,
            startedAtMs: 0,
            segments: [],
          };
          const pending = pendingChecksMs(clock, thresholds);
          if (state !== 'running') return pending.length === 0;
          return pending.every((n) => n >= 0) && pending.length <= thresholds.length + 1;
        },
      ),
    );
  });
});
