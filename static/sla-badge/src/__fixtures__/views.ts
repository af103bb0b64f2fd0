// Badge views for the component tests, in the resolver's wire shape (SlaBadgeView).
import type { SlaBadgeClock, SlaBadgeView } from '../../../../src/contract';

const H = 3_600_000;

export const aClock = (overrides: Partial<SlaBadgeClock> = {}): SlaBadgeClock => ({
  id: 'resolution',
  state: 'running',
  breached: false,
  remainingMs: 3 * H + 20 * 60_000,
  elapsedMs: 6 * H + 40 * 60_000,
  targetMs: 10 * H,
  dueAt: '2026-04-24T18:00:00.000+02:00',
  dayLengthMs: 10 * H,
  pausedBy: null,
  ...overrides,
});

export const aBadgeView = (overrides: Partial<SlaBadgeView> = {}): SlaBadgeView => ({
  issueKey: 'DEMAT-42',
  state: 'running',
  clock: aClock(),
  computedAt: '2026-04-24T14:00:00.000+02:00',
  source: 'stored',
  settingsVersion: 1,
  ...overrides,
});
