import { computeIssueClocks, type SlaClock } from './sla-clock';
import { anIssue, clockSettings, defaultSettings, sprint } from '../../../test/support/clock-builders';
import { h, ms } from '../../../test/support/builders';

// Reference week, calendar `standard` (08:00–18:00 Mon–Fri, Europe/Paris):
//   Mo 2026-03-02  Tu 03  We 04  Th 05  Fr 06 | Sa 07 Su 08 | Mo 09
// Sprints (D7): S1 [Mon 02-02, Fri 02-27 18:00)  S2 [Mon 03-02, Fri 03-27 18:00)  S3 [Mon 03-30, Fri 04-24 18:00)
const SPRINTS = [
  sprint('S1', '2026-02-02T09:00', '2026-02-27T18:00'),
  sprint('S2', '2026-03-02T09:00', '2026-03-27T18:00'),
  sprint('S3', '2026-03-30T09:00', '2026-04-24T18:00'),
];
const settings = clockSettings(defaultSettings(), SPRINTS);

type Expected = Partial<
  Pick<SlaClock, 'elapsedMs' | 'pausedMs' | 'remainingMs' | 'targetMs' | 'state' | 'breached'>
> & {
  dueAt?: string | null;
  stoppedAt?: string | null;
};

const clockOf = (
  issue: Parameters<typeof anIssue>[0],
  atLocal: string,
  id: 'workaround' | 'resolution',
  custom = settings,
): SlaClock | undefined => computeIssueClocks(anIssue(issue), custom, ms(atLocal)).clocks.find((c) => c.id === id);

const check = (clock: SlaClock | undefined, expected: Expected): void => {
  expect(clock).toBeDefined();
  const { dueAt, stoppedAt, ...figures } = expected;
  expect(clock).toMatchObject(figures);
  if (dueAt !== undefined) expect(clock?.dueAtMs).toBe(dueAt === null ? null : ms(dueAt));
  if (stoppedAt !== undefined) expect(clock?.stoppedAtMs).toBe(stoppedAt === null ? null : ms(stoppedAt));
};

describe('anomaly clocks (D3, D4)', () => {
  it.each<[string, Parameters<typeof anIssue>[0], string, 'workaround' | 'resolution', Expected]>([
    [
      'D3 blocking: workaround breached after 4 h, due at 13:00',
      { created: '2026-03-02T09:00', history: [['2026-03-02T09:30', 'En cours']] },
      '2026-03-02T15:00',
      'workaround',
      {
        targetMs: h(4),
        elapsedMs: h(6),
        remainingMs: -h(2),
        breached: true,
        state: 'running',
        dueAt: '2026-03-02T13:00',
      },
    ],
    [
      'D3 blocking: resolution (1 day = 10 h) due next morning',
      { created: '2026-03-02T09:00', history: [['2026-03-02T09:30', 'En cours']] },
      '2026-03-02T15:00',
      'resolution',
      { targetMs: h(10), elapsedMs: h(6), remainingMs: h(4), breached: false, dueAt: '2026-03-03T09:00' },
    ],
    [
      'D4 pause in "En attente Administration" is not elapsed',
      {
        severity: 'major',
        created: '2026-03-02T09:00',
        history: [
          ['2026-03-02T11:00', 'En attente Administration'],
          ['2026-03-03T10:00', 'En cours'],
        ],
      },
      '2026-03-03T12:00',
      'resolution',
      { elapsedMs: h(4), pausedMs: h(9), state: 'running', targetMs: h(30) },
    ],
    [
      'D4 paused clock state while waiting',
      { severity: 'major', created: '2026-03-02T09:00', history: [['2026-03-02T11:00', 'En attente Administration']] },
      '2026-03-02T12:00',
      'workaround',
      { elapsedMs: h(2), pausedMs: h(1), state: 'paused', dueAt: '2026-03-03T10:00' },
    ],
    [
      'D4 a change exactly at now holds from now (half-open): answered at 12:00 and read at 12:00, it runs',
      {
        severity: 'major',
        created: '2026-03-02T09:00',
        history: [
          ['2026-03-02T11:00', 'En attente Administration'],
          ['2026-03-02T12:00', 'En cours'],
        ],
      },
      '2026-03-02T12:00',
      'resolution',
      { elapsedMs: h(2), pausedMs: h(1), state: 'running' },
    ],
    [
      'D4 a stop exactly at now stops the clock at now',
      { severity: 'major', created: '2026-03-02T09:00', history: [['2026-03-02T12:00', 'Contournement validé']] },
      '2026-03-02T12:00',
      'workaround',
      { elapsedMs: h(3), state: 'stopped', stoppedAt: '2026-03-02T12:00' },
    ],
    [
      'D4 workaround submitted for validation pauses, acceptance stops it',
      {
        created: '2026-03-02T09:00',
        history: [
          ['2026-03-02T12:00', 'En validation Administration'],
          ['2026-03-02T14:00', 'Contournement validé'],
        ],
      },
      '2026-03-02T16:00',
      'workaround',
      {
        elapsedMs: h(3),
        pausedMs: h(2),
        state: 'stopped',
        stoppedAt: '2026-03-02T14:00',
        breached: false,
        dueAt: '2026-03-02T15:00',
      },
    ],
    [
      'D4 the resolution clock runs on after the workaround is accepted',
      {
        created: '2026-03-02T09:00',
        history: [
          ['2026-03-02T12:00', 'En validation Administration'],
          ['2026-03-02T14:00', 'Contournement validé'],
        ],
      },
      '2026-03-02T16:00',
      'resolution',
      { elapsedMs: h(5), pausedMs: h(2), state: 'running' },
    ],
    [
      'D4 rejection resumes the clock (validation → En cours)',
      {
        severity: 'major',
        created: '2026-03-02T09:00',
        history: [
          ['2026-03-02T10:00', 'En validation Administration'],
          ['2026-03-02T12:00', 'En cours'],
        ],
      },
      '2026-03-02T13:00',
      'resolution',
      { elapsedMs: h(2), pausedMs: h(2), state: 'running' },
    ],
    [
      'D4 reopened: elapsed never resets, the clock stops again at the last acceptance',
      {
        severity: 'major',
        created: '2026-03-02T09:00',
        history: [
          ['2026-03-03T10:00', 'Validée'],
          ['2026-03-04T09:00', 'En cours'],
          ['2026-03-04T11:00', 'Validée'],
        ],
      },
      '2026-03-05T12:00',
      'resolution',
      { elapsedMs: h(9 + 2 + 2), state: 'stopped', stoppedAt: '2026-03-04T11:00', breached: false },
    ],
    [
      'D4 a developer\'s "Résolue" does not stop an anomaly',
      { severity: 'major', created: '2026-03-02T09:00', history: [['2026-03-02T10:00', 'Résolue']] },
      '2026-03-02T12:00',
      'resolution',
      { elapsedMs: h(3), state: 'running' },
    ],
    [
      'D4 production blocking anomaly: "Validée" does not stop it, "En production" does',
      {
        environment: 'production',
        created: '2026-03-02T09:00',
        history: [
          ['2026-03-02T12:00', 'Validée'],
          ['2026-03-02T15:00', 'En production'],
        ],
      },
      '2026-03-02T17:00',
      'resolution',
      { elapsedMs: h(6), state: 'stopped', stoppedAt: '2026-03-02T15:00' },
    ],
    [
      'D4 validation blocking anomaly stops on "Validée"',
      {
        environment: 'validation',
        created: '2026-03-02T09:00',
        history: [
          ['2026-03-02T12:00', 'Validée'],
          ['2026-03-02T15:00', 'En production'],
        ],
      },
      '2026-03-02T17:00',
      'resolution',
      { elapsedMs: h(3), state: 'stopped', stoppedAt: '2026-03-02T12:00' },
    ],
    [
      'D4 the workaround clock stops on any status that stops the resolution clock',
      { severity: 'major', created: '2026-03-02T09:00', history: [['2026-03-02T12:00', 'Validée']] },
      '2026-03-02T17:00',
      'workaround',
      { elapsedMs: h(3), state: 'stopped', stoppedAt: '2026-03-02T12:00' },
    ],
    [
      'D4 created on Saturday: nothing elapses before Monday 08:00',
      { created: '2026-03-07T10:00' },
      '2026-03-09T09:00',
      'workaround',
      { elapsedMs: h(1), dueAt: '2026-03-09T12:00' },
    ],
    [
      'D1 reaching the target at closing time exactly is met and due then',
      { created: '2026-03-02T14:00' },
      '2026-03-02T20:00',
      'workaround',
      { elapsedMs: h(4), remainingMs: 0, breached: false, dueAt: '2026-03-02T18:00' },
    ],
    [
      'D5 requalified major → blocking at 12:00: the blocking target, from the original start',
      { severity: 'major', severityChanges: [['2026-03-02T12:00', 'blocking']], created: '2026-03-02T09:00' },
      '2026-03-02T14:00',
      'workaround',
      { targetMs: h(4), elapsedMs: h(5), breached: true, dueAt: '2026-03-02T13:00' },
    ],
    [
      'D5 requalified blocking → major: the longer target applies',
      { severity: 'blocking', severityChanges: [['2026-03-02T12:00', 'major']], created: '2026-03-02T09:00' },
      '2026-03-02T14:00',
      'workaround',
      { targetMs: h(10), elapsedMs: h(5), breached: false },
    ],
    [
      'D5 a requalification after `at` is not applied yet',
      { severity: 'major', severityChanges: [['2026-03-02T16:00', 'blocking']], created: '2026-03-02T09:00' },
      '2026-03-02T14:00',
      'workaround',
      { targetMs: h(10) },
    ],
    [
      'D7 minor created during S1 is due at the end of S2',
      { severity: 'minor', created: '2026-02-10T10:00' },
      '2026-03-10T10:00',
      'resolution',
      { dueAt: '2026-03-27T18:00', breached: false },
    ],
    [
      'D7 minor created between sprints is due at the end of the sprint that starts next',
      { severity: 'minor', created: '2026-02-28T10:00' },
      '2026-03-10T10:00',
      'resolution',
      { dueAt: '2026-03-27T18:00' },
    ],
    [
      'D7 minor created during S2 misses the end of S3',
      { severity: 'minor', created: '2026-03-03T10:00' },
      '2026-04-27T10:00',
      'resolution',
      { breached: true, dueAt: '2026-04-24T18:00' },
    ],
  ])('%s', (_name, issue, atLocal, id, expected) => {
    check(clockOf(issue, atLocal, id), expected);
  });

  it('D3 a minor anomaly has no workaround clock (S.O.)', () => {
    const result = computeIssueClocks(
      anIssue({ severity: 'minor', created: '2026-03-02T09:00' }),
      settings,
      ms('2026-03-02T12:00'),
    );
    expect(result.clocks.map((c) => c.id)).toEqual(['resolution']);
  });

  it('D3 an anomaly without severity has clocks without targets, and says so', () => {
    const result = computeIssueClocks(
      anIssue({ severity: null, created: '2026-03-02T09:00' }),
      settings,
      ms('2026-03-02T12:00'),
    );
    expect(result.clocks.map((c) => [c.id, c.targetMs, c.dueAtMs, c.remainingMs, c.breached, c.elapsedMs])).toEqual([
      ['workaround', null, null, null, false, h(3)],
      ['resolution', null, null, null, false, h(3)],
    ]);
    expect(result.warnings.map((w) => w.code)).toEqual(['SEVERITY_MISSING']);
  });

  it('D7 without sprints or cadence, a next-sprint clock has no target and a warning', () => {
    const result = computeIssueClocks(
      anIssue({ severity: 'minor', created: '2026-03-02T09:00' }),
      clockSettings(),
      ms('2026-03-02T12:00'),
    );
    expect(result.clocks[0]?.targetMs).toBeNull();
    expect(result.warnings.map((w) => w.code)).toContain('NO_NEXT_SPRINT');
  });

  it('D4 explains every minute: segments tile the clock from start to stop', () => {
    const clock = clockOf(
      {
        severity: 'major',
        created: '2026-03-02T09:00',
        history: [
          ['2026-03-02T11:00', 'En attente Administration'],
          ['2026-03-03T10:00', 'En cours'],
          ['2026-03-03T15:00', 'Validée'],
          ['2026-03-04T09:00', 'En cours'],
          ['2026-03-04T10:00', 'Validée'],
        ],
      },
      '2026-03-05T12:00',
      'resolution',
    );
    expect(clock?.segments.map((s) => [s.status, s.state, s.businessMs / 3_600_000])).toEqual([
      ['À qualifier', 'running', 2],
      ['En attente Administration', 'paused', 9],
      ['En cours', 'running', 5],
      ['Validée', 'stopped', 0],
      ['En cours', 'running', 1],
    ]);
    expect(clock?.segments.every((s, i, all) => i === 0 || all[i - 1]?.toMs === s.fromMs)).toBe(true);
    expect(clock?.elapsedMs).toBe(h(8));
  });

  it('D5 every requalification stays visible in the explanation', () => {
    const clock = clockOf(
      {
        severity: 'minor',
        severityChanges: [
          ['2026-03-02T10:00', 'major'],
          ['2026-03-02T11:00', 'blocking'],
        ],
        created: '2026-03-02T09:00',
      },
      '2026-03-02T12:00',
      'resolution',
    );
    expect(clock?.requalifications).toEqual([
      { atMs: ms('2026-03-02T10:00'), field: 'severity', from: 'minor', to: 'major' },
      { atMs: ms('2026-03-02T11:00'), field: 'severity', from: 'major', to: 'blocking' },
    ]);
  });
});

describe('incident clocks (D2, D3, D4)', () => {
  it.each<[string, Parameters<typeof anIssue>[0], string, Expected, boolean?]>([
    [
      'gold blocking from an incident start before creation: Sat 19:00–20:00 + Mon 06:00–07:00 meets 2 h exactly',
      {
        kind: 'incident',
        serviceLevel: 'gold',
        incidentStart: '2026-03-07T19:00',
        created: '2026-03-07T19:30',
        history: [['2026-03-09T07:00', 'Résolue']],
      },
      '2026-03-09T12:00',
      {
        targetMs: h(2),
        elapsedMs: h(2),
        breached: false,
        state: 'stopped',
        stoppedAt: '2026-03-09T07:00',
        dueAt: '2026-03-09T07:00',
      },
    ],
    [
      'silver major (8 h): Friday 14:00 → Monday 12:00 is breached (4 h + 4 h = 8 h at Monday 12:00, then more)',
      { kind: 'incident', severity: 'major', serviceLevel: 'silver', created: '2026-03-06T14:00' },
      '2026-03-09T13:00',
      { targetMs: h(8), elapsedMs: h(9), breached: true, dueAt: '2026-03-09T12:00' },
    ],
    [
      'bronze minor (10 days of 10 h)',
      { kind: 'incident', severity: 'minor', serviceLevel: 'bronze', created: '2026-03-02T08:00' },
      '2026-03-02T09:00',
      { targetMs: h(100), elapsedMs: h(1) },
    ],
    [
      'D4 incidents do not pause by default',
      {
        kind: 'incident',
        serviceLevel: 'silver',
        created: '2026-03-02T09:00',
        history: [['2026-03-02T10:00', 'En attente Administration']],
      },
      '2026-03-02T12:00',
      { elapsedMs: h(3), pausedMs: 0, state: 'running' },
    ],
    [
      'D4 incidents pause when the setting allows it',
      {
        kind: 'incident',
        serviceLevel: 'silver',
        created: '2026-03-02T09:00',
        history: [['2026-03-02T10:00', 'En attente Administration']],
      },
      '2026-03-02T12:00',
      { elapsedMs: h(1), pausedMs: h(2), state: 'paused' },
      true,
    ],
    [
      'D5 service level raised silver → gold: gold calendar and 2 h target from the start',
      {
        kind: 'incident',
        serviceLevel: 'silver',
        serviceLevelChanges: [['2026-03-02T07:00', 'gold']],
        created: '2026-03-02T06:00',
      },
      '2026-03-02T09:00',
      { targetMs: h(2), elapsedMs: h(3), breached: true, dueAt: '2026-03-02T08:00' },
    ],
  ])('%s', (_name, issue, atLocal, expected, pauseIncidents = false) => {
    const custom = pauseIncidents ? clockSettings(defaultSettings({ pauseIncidents: true }), SPRINTS) : settings;
    check(clockOf(issue, atLocal, 'resolution', custom), expected);
  });

  it('D2 an incident without service level uses silver and warns', () => {
    const result = computeIssueClocks(
      anIssue({ kind: 'incident', created: '2026-03-02T09:00' }),
      settings,
      ms('2026-03-02T10:00'),
    );
    expect(result.clocks.map((c) => [c.id, c.calendar, c.targetMs])).toEqual([['resolution', 'silver', h(4)]]);
    expect(result.warnings.map((w) => w.code)).toEqual(['SERVICE_LEVEL_MISSING']);
  });
});

describe('documentation anomalies and service requests (D3)', () => {
  it.each<[string, Parameters<typeof anIssue>[0], number | null]>([
    ['doc critical: 2 days of 10 h', { kind: 'doc-anomaly', severity: 'critical', created: '2026-03-02T09:00' }, h(20)],
    ['doc major: 5 days', { kind: 'doc-anomaly', severity: 'major', created: '2026-03-02T09:00' }, h(50)],
    ['service request high: 4 h', { kind: 'service-request', severity: 'high', created: '2026-03-02T09:00' }, h(4)],
    [
      'service request medium: 2 days',
      { kind: 'service-request', severity: 'medium', created: '2026-03-02T09:00' },
      h(20),
    ],
    ['service request low: 5 days', { kind: 'service-request', severity: 'low', created: '2026-03-02T09:00' }, h(50)],
  ])('%s', (_name, issue, targetMs) => {
    const result = computeIssueClocks(anIssue(issue), settings, ms('2026-03-02T10:00'));
    expect(result.clocks.map((c) => [c.id, c.calendar, c.targetMs])).toEqual([['resolution', 'standard', targetMs]]);
  });

  it('service requests stop on "Résolue"', () => {
    check(
      clockOf(
        {
          kind: 'service-request',
          severity: 'high',
          created: '2026-03-02T09:00',
          history: [['2026-03-02T11:00', 'Résolue']],
        },
        '2026-03-02T15:00',
        'resolution',
      ),
      {
        elapsedMs: h(2),
        state: 'stopped',
      },
    );
  });
});
