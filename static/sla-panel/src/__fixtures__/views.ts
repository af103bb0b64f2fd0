// Canned panel views for component tests, shaped as the resolver returns them (src/contract/).
import type { ClockView, IssueSlaPanelView, IssueSlaView } from '../../../../src/contract';

const HOUR_MS = 3_600_000;

export const aClock = (overrides: Partial<ClockView> = {}): ClockView => ({
  id: 'resolution',
  calendar: 'standard',
  target: { label: '1d', sprint: null },
  targetMs: 10 * HOUR_MS,
  dueAt: '2026-03-12T14:00:00.000+01:00',
  elapsedMs: 2 * HOUR_MS,
  pausedMs: 0,
  remainingMs: 8 * HOUR_MS,
  state: 'running',
  breached: false,
  startedAt: '2026-03-11T14:00:00.000+01:00',
  stoppedAt: null,
  segments: [
    {
      from: '2026-03-11T14:00:00.000+01:00',
      to: '2026-03-11T16:00:00.000+01:00',
      state: 'running',
      status: 'À faire',
      businessMs: 2 * HOUR_MS,
    },
  ],
  requalifications: [],
  ...overrides,
});

export const anIssue = (overrides: Partial<IssueSlaView> = {}): IssueSlaView => ({
  key: 'DEM-42',
  kind: 'anomaly',
  severity: 'blocking',
  environment: 'production',
  anomalyClass: 'production',
  anomalyClassReason: {
    code: 'AFTER_VSR',
    version: '2.3.0',
    releaseDate: '2026-01-05',
    vsrEndsAt: '2026-03-05T00:00:00.000+01:00',
  },
  serviceLevel: null,
  warnings: [],
  errors: [],
  clocks: [
    aClock({
      id: 'workaround',
      target: { label: '4h', sprint: null },
      targetMs: 4 * HOUR_MS,
      remainingMs: 2 * HOUR_MS,
    }),
    aClock(),
  ],
  ...overrides,
});

export const aPanelView = (overrides: Partial<IssueSlaPanelView> = {}): IssueSlaPanelView => ({
  issue: anIssue(),
  slaStatus: 'running',
  nextDueAt: '2026-03-11T18:00:00.000+01:00',
  computedAt: '2026-03-11T16:00:00.000+01:00',
  settingsVersion: 3,
  ...overrides,
});

/** A blocking anomaly whose workaround (4 h) is 2 h over, still running: 6 h elapsed. */
export const breachedWorkaround = aClock({
  id: 'workaround',
  target: { label: '4h', sprint: null },
  targetMs: 4 * HOUR_MS,
  elapsedMs: 6 * HOUR_MS,
  remainingMs: -2 * HOUR_MS,
  breached: true,
  dueAt: '2026-03-11T18:00:00.000+01:00',
  segments: [
    {
      from: '2026-03-11T14:00:00.000+01:00',
      to: '2026-03-11T18:00:00.000+01:00',
      state: 'running',
      status: 'À faire',
      businessMs: 4 * HOUR_MS,
    },
    {
      from: '2026-03-12T08:00:00.000+01:00',
      to: '2026-03-12T10:00:00.000+01:00',
      state: 'running',
      status: 'En cours',
      businessMs: 2 * HOUR_MS,
    },
  ],
  requalifications: [{ at: '2026-03-11T15:00:00.000+01:00', field: 'severity', from: 'major', to: 'blocking' }],
});

/** A resolution clock paused while the issue waits on the Administration: 3 h 20 min elapsed, 1 h 30 min paused. */
export const pausedResolution = aClock({
  id: 'resolution',
  state: 'paused',
  elapsedMs: 12_000_000,
  pausedMs: 5_400_000,
  remainingMs: 24_000_000,
  dueAt: '2026-03-13T11:10:00.000+01:00',
  segments: [
    {
      from: '2026-03-11T14:00:00.000+01:00',
      to: '2026-03-11T17:20:00.000+01:00',
      state: 'running',
      status: 'En cours',
      businessMs: 12_000_000,
    },
    {
      from: '2026-03-11T17:20:00.000+01:00',
      to: '2026-03-12T09:50:00.000+01:00',
      state: 'paused',
      status: 'En attente Administration',
      businessMs: 5_400_000,
    },
  ],
});
