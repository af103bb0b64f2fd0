// The stored SLA state of an issue (src/contract/sla-property.ts) for tests of what reads it (the badge, the
// warnings): a running resolution clock, 4 h spent of a 10 h target, due on Friday 24 April 2026 at 18:00 (Paris);
// no workaround clock. Tests override what they are about.
import type { SlaPropertyValue } from '../../src/contract';

const H = 3_600_000;

export const anSlaState = (overrides: Partial<SlaPropertyValue> = {}): SlaPropertyValue => ({
  v: 1,
  computedAt: '2026-04-24T12:00:00.000+02:00',
  settingsVersion: 0,
  state: 'running',
  urgentClock: 'resolution',
  dueAt: '2026-04-24T18:00:00.000+02:00',
  nextCheckAt: null,
  workaroundState: 'none',
  workaroundBreached: 'false',
  workaroundEverBreached: 'false',
  workaroundDueAt: null,
  workaroundRemainingMs: null,
  workaroundElapsedMs: 0,
  workaroundPausedMs: 0,
  workaroundTargetMs: null,
  workaroundCalendar: null,
  workaroundPausedBy: null,
  workaroundCycle: null,
  resolutionState: 'running',
  resolutionBreached: 'false',
  resolutionEverBreached: 'false',
  resolutionDueAt: '2026-04-24T18:00:00.000+02:00',
  resolutionRemainingMs: 6 * H,
  resolutionElapsedMs: 4 * H,
  resolutionPausedMs: 0,
  resolutionTargetMs: 10 * H,
  resolutionCalendar: 'standard',
  resolutionPausedBy: null,
  resolutionCycle: 'c1',
  ...overrides,
});
