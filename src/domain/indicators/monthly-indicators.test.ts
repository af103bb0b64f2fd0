// Hand-made months through the real clocks (D1-D7) and the indicators (D9). Paris wall times.
//
//   October 2026: Thu 1 … Sat 31; clocks go back on Sun 25 (+02:00 → +01:00). September: Fri 25, Mon 28 - Wed 30.
//   standard / silver / bronze: Mon-Fri [08:00, 18:00); gold: Mon-Sat [06:00, 20:00), holidays worked.
//   Targets (D3): incident blocking gold 2h / silver 4h / bronze 8h, major silver 8h, gold 4h; anomaly blocking 4h / 1d
//   (10 h), major 1d / 3d (30 h); doc critical 2d (20 h); service request high 4h.
//
// INC-1  gold blocking, Thu 1 Oct 10:00 → Résolue 11:30: 1 h 30 ≤ 2 h, met.
// INC-2  gold blocking, Mon 5 Oct 09:00 → Résolue 12:00: 3 h > 2 h, breached by 1 h (due 11:00).
// INC-3  silver blocking, Fri 25 Sep 16:00 → Résolue Tue 6 Oct 10:00: 2 + 30 + 20 + 10 + 2 = 64 h > 4 h. Open across
//        two months: running in September, breached in October, open in both (IND_SUP01).
// INC-4  silver, major at creation Thu 8 Oct 09:00, requalified blocking at 10:00, Résolue 14:00: 5 h, within the major
//        8 h but over the blocking 4 h; D5: the blocking target from the start, so IND_INC02 breached.
// INC-5  silver major, Tue 20 Oct 09:00 → Résolue 14:00 (5 h ≤ 8 h), requalified blocking on 3 Nov: October is
//        measured at its end, as major.
// INC-6  bronze blocking, Fri 30 Oct 10:00, still in progress: running.
// INC-7  gold major, Sat 31 Oct 21:00 → Résolue Sun 1 Nov 00:00 exactly: the stop belongs to November.
// ANO-1  blocking, production, class production, Mon 12 Oct 09:00; workaround 6 h > 4 h (due 13:00); resolution stops
//        at "En production" Wed 14 Oct 18:30: 6 + 0.5 + 1.5 + 10 + 2 + 7 = 27 h > 10 h (due Tue 13 Oct 10:00).
// ANO-2  major, validation, Tue 13 Oct 09:00; workaround 5 h ≤ 10 h; resolution "Validée" Thu 15 Oct 16:00:
//        20 h ≤ 30 h.
// ANO-3  major, production, class unknown (no released version), Wed 28 Oct 09:00, in progress: running.
// ANO-4  no severity, validation, created Mon 19 Oct, Validée Tue 20 Oct: no target (D3), left out with a notice.
// ANO-5  major, production, class production, created Mon 28 Sep 09:00, Validée Fri 2 Oct 10:00: 41 h > 30 h.
// DOC-1  critical, Tue 6 Oct 09:00 → Résolue Wed 7 Oct 11:00: 12 h ≤ 20 h.
// SR-1   high urgency, Wed 7 Oct 09:00 → Résolue 15:00: 6 h > 4 h.
import type { Figure } from './figure';
import { figureOf, indicatorsOf, type MonthIssueSpec } from '../../../test/support/indicator-builders';
import { h, ms } from '../../../test/support/builders';

const INC_1: MonthIssueSpec = {
  key: 'INC-1',
  kind: 'incident',
  environment: null,
  serviceLevel: 'gold',
  created: '2026-10-01T10:00',
  history: [
    ['2026-10-01T10:05', 'En cours'],
    ['2026-10-01T11:30', 'Résolue'],
  ],
};
const INC_2: MonthIssueSpec = {
  key: 'INC-2',
  kind: 'incident',
  environment: null,
  serviceLevel: 'gold',
  created: '2026-10-05T09:00',
  history: [
    ['2026-10-05T09:10', 'En cours'],
    ['2026-10-05T12:00', 'Résolue'],
  ],
};
const INC_3: MonthIssueSpec = {
  key: 'INC-3',
  kind: 'incident',
  environment: null,
  serviceLevel: 'silver',
  created: '2026-09-25T16:00',
  history: [
    ['2026-09-25T16:10', 'En cours'],
    ['2026-10-06T10:00', 'Résolue'],
  ],
};
const INC_4: MonthIssueSpec = {
  key: 'INC-4',
  kind: 'incident',
  environment: null,
  serviceLevel: 'silver',
  severity: 'major',
  severityChanges: [['2026-10-08T10:00', 'blocking']],
  created: '2026-10-08T09:00',
  history: [
    ['2026-10-08T09:05', 'En cours'],
    ['2026-10-08T14:00', 'Résolue'],
  ],
};
const INC_5: MonthIssueSpec = {
  key: 'INC-5',
  kind: 'incident',
  environment: null,
  serviceLevel: 'silver',
  severity: 'major',
  severityChanges: [['2026-11-03T10:00', 'blocking']],
  created: '2026-10-20T09:00',
  history: [
    ['2026-10-20T09:05', 'En cours'],
    ['2026-10-20T14:00', 'Résolue'],
  ],
};
const INC_6: MonthIssueSpec = {
  key: 'INC-6',
  kind: 'incident',
  environment: null,
  serviceLevel: 'bronze',
  created: '2026-10-30T10:00',
  history: [['2026-10-30T10:10', 'En cours']],
};
const INC_7: MonthIssueSpec = {
  key: 'INC-7',
  kind: 'incident',
  environment: null,
  serviceLevel: 'gold',
  severity: 'major',
  created: '2026-10-31T21:00',
  history: [
    ['2026-10-31T21:05', 'En cours'],
    ['2026-11-01T00:00', 'Résolue'],
  ],
};
const ANO_1: MonthIssueSpec = {
  key: 'ANO-1',
  environment: 'production',
  anomalyClass: 'production',
  severity: 'blocking',
  created: '2026-10-12T09:00',
  history: [
    ['2026-10-12T09:30', 'En cours'],
    ['2026-10-12T15:00', 'En validation Administration'],
    ['2026-10-12T16:00', 'Contournement validé'],
    ['2026-10-12T16:30', 'En cours'],
    ['2026-10-14T10:00', 'En validation Administration'],
    ['2026-10-14T11:00', 'Validée'],
    ['2026-10-14T18:30', 'En production'],
  ],
};
const ANO_2: MonthIssueSpec = {
  key: 'ANO-2',
  environment: 'validation',
  severity: 'major',
  created: '2026-10-13T09:00',
  history: [
    ['2026-10-13T09:15', 'En cours'],
    ['2026-10-13T14:00', 'En validation Administration'],
    ['2026-10-13T15:00', 'Contournement validé'],
    ['2026-10-13T15:30', 'En cours'],
    ['2026-10-15T10:00', 'En validation Administration'],
    ['2026-10-15T16:00', 'Validée'],
  ],
};
const ANO_3: MonthIssueSpec = {
  key: 'ANO-3',
  environment: 'production',
  anomalyClass: null,
  severity: 'major',
  created: '2026-10-28T09:00',
  history: [['2026-10-28T09:05', 'En cours']],
};
const ANO_4: MonthIssueSpec = {
  key: 'ANO-4',
  environment: 'validation',
  severity: null,
  created: '2026-10-19T09:00',
  history: [
    ['2026-10-19T09:05', 'En cours'],
    ['2026-10-20T10:00', 'Validée'],
  ],
};
const ANO_5: MonthIssueSpec = {
  key: 'ANO-5',
  environment: 'production',
  anomalyClass: 'production',
  severity: 'major',
  created: '2026-09-28T09:00',
  history: [
    ['2026-09-28T09:10', 'En cours'],
    ['2026-10-02T10:00', 'Validée'],
  ],
};
const DOC_1: MonthIssueSpec = {
  key: 'DOC-1',
  kind: 'doc-anomaly',
  environment: null,
  severity: 'critical',
  created: '2026-10-06T09:00',
  history: [
    ['2026-10-06T09:10', 'En cours'],
    ['2026-10-07T11:00', 'Résolue'],
  ],
};
const SR_1: MonthIssueSpec = {
  key: 'SR-1',
  kind: 'service-request',
  environment: null,
  severity: 'high',
  created: '2026-10-07T09:00',
  history: [
    ['2026-10-07T09:10', 'En cours'],
    ['2026-10-07T15:00', 'Résolue'],
  ],
};

/** `n` gold blocking incidents met (1 h) and `m` breached (3 h), on the working days from Mon 5 Oct. */
const goldIncidents = (met: number, breached: number): MonthIssueSpec[] =>
  Array.from({ length: met + breached }, (_, i) => {
    const day = `2026-10-${String(5 + (i % 5) + 7 * Math.floor(i / 5)).padStart(2, '0')}`;
    return {
      key: `G-${i + 1}`,
      kind: 'incident',
      environment: null,
      serviceLevel: 'gold',
      created: `${day}T09:00`,
      history: [
        [`${day}T09:05`, 'En cours'],
        [`${day}T${i < met ? '10' : '12'}:00`, 'Résolue'],
      ],
    } as MonthIssueSpec;
  });

type Expected = Record<string, Partial<Omit<Figure, 'keys'>> & { keys?: Partial<Record<string, readonly string[]>> }>;

describe('monthly indicators on hand-made months', () => {
  it.each<[string, string, string | undefined, readonly MonthIssueSpec[], Expected]>([
    [
      'an empty month: every rate null with its note, counts 0, no durations',
      '2026-10',
      undefined,
      [],
      {
        IND_INC01: {
          value: null,
          numerator: 0,
          denominator: 0,
          threshold: 0.95,
          met: null,
          status: 'no-data',
          note: 'aucun incident résolu dans le mois',
        },
        IND_SUP01: { value: 0, status: 'measured' },
        ANO_RESOLUTION_BLOCKING: { value: null, note: 'aucune anomalie résolue dans le mois' },
        ESCAPED_DEFECT_RATE: {
          value: null,
          numerator: 0,
          denominator: 0,
          note: 'aucune anomalie de classe validation créée dans le mois',
        },
        LEAD_TIME_MEDIAN: { value: null, denominator: 0, status: 'no-data', note: 'aucun ticket livré dans le mois' },
        WORK_ITEM_AGE_MAX: { value: null, note: 'aucun ticket ouvert en fin de mois' },
      },
    ],
    [
      'a month where nothing is resolved: the running clocks are listed apart, no rate',
      '2026-10',
      undefined,
      [INC_6, ANO_3],
      {
        IND_INC03: {
          value: null,
          denominator: 0,
          met: null,
          note: 'aucun incident résolu dans le mois (1 en cours, hors taux)',
          keys: { met: [], breached: [], running: ['INC-6'] },
        },
        ANO_RESOLUTION_MAJOR: { value: null, keys: { running: ['ANO-3'] } },
        IND_SUP01: { value: 1, keys: { met: [], breached: [], running: ['INC-6'] } },
        WORK_ITEM_AGE_MEDIAN: { denominator: 2, keys: { denominator: ['ANO-3', 'INC-6'] } },
      },
    ],
    [
      'IND_INC01: one met, one breached is 50 % against 95 %: missed, with its breach',
      '2026-10',
      undefined,
      [INC_1, INC_2],
      {
        IND_INC01: {
          value: 0.5,
          numerator: 1,
          denominator: 2,
          threshold: 0.95,
          met: false,
          status: 'missed',
          keys: { met: ['INC-1'], breached: ['INC-2'], running: [] },
          breaches: [
            {
              key: 'INC-2',
              clock: 'resolution',
              targetLabel: '2h',
              targetMs: h(2),
              elapsedMs: h(3),
              overrunMs: h(1),
              dueAtMs: ms('2026-10-05T11:00'),
              stoppedAtMs: ms('2026-10-05T12:00'),
            },
          ],
        },
        IND_INC02: { value: null, denominator: 0 },
      },
    ],
    [
      'IND_INC01: 19 of 20 is exactly 95 %, met',
      '2026-10',
      undefined,
      goldIncidents(19, 1),
      { IND_INC01: { value: 0.95, numerator: 19, denominator: 20, met: true, status: 'met' } },
    ],
    [
      'IND_INC01: 18 of 20 is 90 %, missed',
      '2026-10',
      undefined,
      goldIncidents(18, 2),
      { IND_INC01: { value: 0.9, numerator: 18, denominator: 20, met: false, status: 'missed' } },
    ],
    [
      'an incident open across two months, in September: running, open',
      '2026-09',
      undefined,
      [INC_3],
      {
        IND_INC02: { value: null, denominator: 0, keys: { running: ['INC-3'] } },
        IND_SUP01: { value: 1, keys: { met: [], breached: [], running: ['INC-3'] } },
        WORK_ITEM_AGE_MAX: { value: ms('2026-10-01T00:00') - ms('2026-09-25T16:00'), denominator: 1 },
      },
    ],
    [
      'the same incident in October: breached where it stopped, open there too',
      '2026-10',
      undefined,
      [INC_3],
      {
        IND_INC02: {
          value: 0,
          numerator: 0,
          denominator: 1,
          met: false,
          status: 'missed',
          keys: { met: [], breached: ['INC-3'], running: [] },
        },
        IND_SUP01: { value: 1, keys: { met: [], breached: ['INC-3'], running: [] } },
        LEAD_TIME_BUSINESS_MEDIAN: { value: h(64), denominator: 1 },
      },
    ],
    [
      'the incident is not open in a month after its resolution',
      '2026-11',
      undefined,
      [INC_3, INC_1],
      { IND_SUP01: { value: 0 }, IND_INC02: { denominator: 0 } },
    ],
    [
      'a reclassified incident counts once, under its new severity from its original start (D5)',
      '2026-10',
      undefined,
      [INC_4],
      {
        IND_INC02: {
          value: 0,
          denominator: 1,
          keys: { breached: ['INC-4'] },
          breaches: [
            {
              key: 'INC-4',
              clock: 'resolution',
              targetLabel: '4h',
              targetMs: h(4),
              elapsedMs: h(5),
              overrunMs: h(1),
              dueAtMs: ms('2026-10-08T13:00'),
              stoppedAtMs: ms('2026-10-08T14:00'),
            },
          ],
        },
        INC_RESOLUTION_MAJOR_SILVER: { value: null, denominator: 0 },
        IND_SUP01: { value: 1 },
        IND_SUP02: { value: 0 },
      },
    ],
    [
      'a requalification after the month’s end leaves the month as it ended',
      '2026-10',
      undefined,
      [INC_5],
      {
        INC_RESOLUTION_MAJOR_SILVER: {
          value: 1,
          numerator: 1,
          denominator: 1,
          threshold: null,
          met: null,
          status: 'measured',
          keys: { met: ['INC-5'] },
        },
        IND_INC02: { value: null, denominator: 0 },
        IND_SUP02: { value: 1 },
      },
    ],
    [
      'a stop at 00:00 on the 1st: still running in October (half-open months)',
      '2026-10',
      undefined,
      [INC_7],
      {
        INC_RESOLUTION_MAJOR_GOLD: { value: null, denominator: 0, keys: { running: ['INC-7'] } },
        IND_SUP02: { value: 1, keys: { running: ['INC-7'] } },
      },
    ],
    [
      '… and stopped in November, where it was never open',
      '2026-11',
      undefined,
      [INC_7],
      {
        INC_RESOLUTION_MAJOR_GOLD: { value: 1, denominator: 1, keys: { met: ['INC-7'], running: [] } },
        IND_SUP02: { value: 0 },
      },
    ],
    [
      'a month not over is measured at `at`: a later stop is still running',
      '2026-10',
      '2026-10-05T10:00',
      [INC_1, INC_2],
      {
        IND_INC01: {
          value: 1,
          numerator: 1,
          denominator: 1,
          status: 'met',
          keys: { met: ['INC-1'], breached: [], running: ['INC-2'] },
        },
      },
    ],
    [
      'an issue created after `at` does not exist yet',
      '2026-10',
      '2026-10-04T12:00',
      [INC_1, INC_2],
      { IND_SUP01: { value: 1, keys: { met: ['INC-1'], running: [] } } },
    ],
    [
      'anomalies by severity, environment and class (D6), for each clock',
      '2026-10',
      undefined,
      [ANO_1, ANO_2, ANO_3, ANO_4, ANO_5],
      {
        ANO_WORKAROUND_BLOCKING: {
          value: 0,
          denominator: 1,
          breaches: [
            {
              key: 'ANO-1',
              clock: 'workaround',
              targetLabel: '4h',
              targetMs: h(4),
              elapsedMs: h(6),
              overrunMs: h(2),
              dueAtMs: ms('2026-10-12T13:00'),
              stoppedAtMs: ms('2026-10-12T16:00'),
            },
          ],
        },
        ANO_WORKAROUND_BLOCKING_ENV_PRODUCTION_CLASS_PRODUCTION: {
          value: 0,
          denominator: 1,
          keys: { breached: ['ANO-1'] },
        },
        ANO_WORKAROUND_BLOCKING_ENV_PRODUCTION_CLASS_VALIDATION: { value: null, denominator: 0 },
        ANO_RESOLUTION_BLOCKING: {
          value: 0,
          breaches: [
            {
              key: 'ANO-1',
              clock: 'resolution',
              targetLabel: '1d',
              targetMs: h(10),
              elapsedMs: h(27),
              overrunMs: h(17),
              dueAtMs: ms('2026-10-13T10:00'),
              stoppedAtMs: ms('2026-10-14T18:30'),
            },
          ],
        },
        ANO_WORKAROUND_MAJOR: {
          value: 0.5,
          numerator: 1,
          denominator: 2,
          keys: { met: ['ANO-2'], breached: ['ANO-5'], running: ['ANO-3'] },
        },
        ANO_WORKAROUND_MAJOR_ENV_VALIDATION_CLASS_VALIDATION: {
          value: 1,
          keys: { met: ['ANO-2'], breached: [], running: [] },
        },
        ANO_WORKAROUND_MAJOR_ENV_PRODUCTION_CLASS_UNKNOWN: { value: null, keys: { running: ['ANO-3'] } },
        ANO_RESOLUTION_MAJOR: { value: 0.5, keys: { met: ['ANO-2'], breached: ['ANO-5'], running: ['ANO-3'] } },
        ANO_RESOLUTION_MAJOR_ENV_PRODUCTION_CLASS_PRODUCTION: { value: 0, keys: { breached: ['ANO-5'] } },
        ESCAPED_DEFECT_RATE: {
          value: 0.5,
          numerator: 1,
          denominator: 2,
          keys: { numerator: ['ANO-1'], denominator: ['ANO-2', 'ANO-4'], apart: ['ANO-3'] },
        },
      },
    ],
    [
      'documentation anomalies by severity, service requests by urgency',
      '2026-10',
      undefined,
      [DOC_1, SR_1],
      {
        DOC_RESOLUTION_CRITICAL: { value: 1, numerator: 1, denominator: 1, keys: { met: ['DOC-1'] } },
        DOC_RESOLUTION_MAJOR: { value: null },
        SR_RESOLUTION_HIGH: {
          value: 0,
          breaches: [
            {
              key: 'SR-1',
              clock: 'resolution',
              targetLabel: '4h',
              targetMs: h(4),
              elapsedMs: h(6),
              overrunMs: h(2),
              dueAtMs: ms('2026-10-07T13:00'),
              stoppedAtMs: ms('2026-10-07T15:00'),
            },
          ],
        },
      },
    ],
  ])('%s', (_name, month, at, specs, expected) => {
    const indicators = indicatorsOf(month, specs, at);
    const actual = Object.fromEntries(Object.keys(expected).map((code) => [code, figureOf(indicators, code)]));
    expect(actual).toMatchObject(expected);
  });

  it('names the issues it could not place: a clock without target (D3)', () => {
    expect(indicatorsOf('2026-10', [ANO_2, ANO_4]).notices).toEqual([
      {
        code: 'CLOCK_WITHOUT_TARGET',
        keys: ['ANO-4'],
        message:
          '1 issue(s) with a clock stopped in the month or still running have no severity or no target (D3): ' +
          'left out of the rates',
      },
    ]);
  });

  it('lists the figures in the report’s order, every one of them even when empty', () => {
    const codes = indicatorsOf('2026-10', []).figures.map((f) => f.code);
    expect(codes.slice(0, 12)).toEqual([
      'IND_INC01',
      'IND_INC02',
      'IND_INC03',
      'INC_RESOLUTION_MAJOR_GOLD',
      'INC_RESOLUTION_MAJOR_SILVER',
      'INC_RESOLUTION_MAJOR_BRONZE',
      'INC_RESOLUTION_MINOR_GOLD',
      'INC_RESOLUTION_MINOR_SILVER',
      'INC_RESOLUTION_MINOR_BRONZE',
      'IND_SUP01',
      'IND_SUP02',
      'IND_SUP03',
    ]);
    expect(codes.slice(12, 18)).toEqual([
      'ANO_WORKAROUND_BLOCKING',
      'ANO_WORKAROUND_BLOCKING_ENV_VALIDATION_CLASS_VALIDATION',
      'ANO_WORKAROUND_BLOCKING_ENV_PRODUCTION_CLASS_VALIDATION',
      'ANO_WORKAROUND_BLOCKING_ENV_PRODUCTION_CLASS_PRODUCTION',
      'ANO_WORKAROUND_BLOCKING_ENV_PRODUCTION_CLASS_UNKNOWN',
      'ANO_WORKAROUND_BLOCKING_ENV_UNKNOWN_CLASS_UNKNOWN',
    ]);
    expect(codes.slice(42)).toEqual([
      'DOC_RESOLUTION_CRITICAL',
      'DOC_RESOLUTION_MAJOR',
      'DOC_RESOLUTION_MINOR',
      'SR_RESOLUTION_HIGH',
      'SR_RESOLUTION_MEDIUM',
      'SR_RESOLUTION_LOW',
      'ESCAPED_DEFECT_RATE',
      'LEAD_TIME_MEDIAN',
      'LEAD_TIME_MEAN',
      'LEAD_TIME_BUSINESS_MEDIAN',
      'LEAD_TIME_BUSINESS_MEAN',
      'CYCLE_TIME_MEDIAN',
      'CYCLE_TIME_MEAN',
      'CYCLE_TIME_BUSINESS_MEDIAN',
      'CYCLE_TIME_BUSINESS_MEAN',
      'WORK_ITEM_AGE_MEDIAN',
      'WORK_ITEM_AGE_MAX',
      'WORK_ITEM_AGE_BUSINESS_MEDIAN',
      'WORK_ITEM_AGE_BUSINESS_MAX',
    ]);
  });
});

// Lead time, cycle time and work item age, October 2026 (measured Sun 1 Nov 00:00, +01:00):
// L-1  major validation anomaly, Mon 5 Oct 09:00, En cours 11:00, Validée Wed 7 Oct 09:00: lead 48 h (business 9 + 10 +
//      1 = 20 h), cycle 46 h (7 + 10 + 1 = 18 h).
// L-2  low service request, Tue 6 Oct 10:00 → Résolue 12:00, never "En cours": lead 2 h (2 h), no cycle time (apart).
// L-3  gold minor incident, incident start Sat 3 Oct 07:00, created 08:00, En cours 08:30, Résolue Mon 5 Oct 10:00:
//      lead from the incident start 51 h (standard business: Mon 08-10, 2 h), cycle 49 h 30 (2 h).
// L-4  major doc anomaly, Mon 26 Oct 09:00 (+01:00), still in progress: age 135 h (business 9 + 40 = 49 h).
// L-5  medium service request, Wed 30 Sep 10:00 (+02:00), in progress: age 759 h (business 8 + 22 × 10 = 228 h).
describe('lead time, cycle time and work item age', () => {
  const specs: MonthIssueSpec[] = [
    {
      key: 'L-1',
      environment: 'validation',
      severity: 'major',
      created: '2026-10-05T09:00',
      history: [
        ['2026-10-05T11:00', 'En cours'],
        ['2026-10-07T09:00', 'Validée'],
      ],
    },
    {
      key: 'L-2',
      kind: 'service-request',
      environment: null,
      severity: 'low',
      created: '2026-10-06T10:00',
      history: [['2026-10-06T12:00', 'Résolue']],
    },
    {
      key: 'L-3',
      kind: 'incident',
      environment: null,
      serviceLevel: 'gold',
      severity: 'minor',
      incidentStart: '2026-10-03T07:00',
      created: '2026-10-03T08:00',
      history: [
        ['2026-10-03T08:30', 'En cours'],
        ['2026-10-05T10:00', 'Résolue'],
      ],
    },
    {
      key: 'L-4',
      kind: 'doc-anomaly',
      environment: null,
      severity: 'major',
      created: '2026-10-26T09:00',
      history: [['2026-10-26T09:30', 'En cours']],
    },
    {
      key: 'L-5',
      kind: 'service-request',
      environment: null,
      severity: 'medium',
      created: '2026-09-30T10:00',
      history: [['2026-09-30T10:30', 'En cours']],
    },
  ];
  const indicators = indicatorsOf('2026-10', specs);

  it.each<[string, number | null, number | null, number, readonly string[]]>([
    ['LEAD_TIME_MEDIAN', h(48), null, 3, []],
    ['LEAD_TIME_MEAN', h(101 / 3), h(101), 3, []],
    ['LEAD_TIME_BUSINESS_MEDIAN', h(2), null, 3, []],
    ['LEAD_TIME_BUSINESS_MEAN', h(8), h(24), 3, []],
    ['CYCLE_TIME_MEDIAN', h(47.75), null, 2, ['L-2']],
    ['CYCLE_TIME_MEAN', h(47.75), h(95.5), 2, ['L-2']],
    ['CYCLE_TIME_BUSINESS_MEDIAN', h(10), null, 2, ['L-2']],
    ['WORK_ITEM_AGE_MEDIAN', h(447), null, 2, []],
    ['WORK_ITEM_AGE_MAX', h(759), null, 2, []],
    ['WORK_ITEM_AGE_BUSINESS_MEDIAN', h(138.5), null, 2, []],
    ['WORK_ITEM_AGE_BUSINESS_MAX', h(228), null, 2, []],
  ])('%s', (code, value, numerator, denominator, apart) => {
    const figure = figureOf(indicators, code);
    expect([
      figure.value,
      figure.numerator,
      figure.denominator,
      figure.type === 'duration' && figure.keys.apart,
    ]).toEqual([value, numerator, denominator, apart]);
  });

  it('gives each issue’s duration, so that anyone can recompute the statistics', () => {
    expect(indicators.durations.leadTime.map((d) => [d.key, d.kind, d.fromMs, d.toMs, d.ms, d.businessMs])).toEqual([
      ['L-1', 'anomaly', ms('2026-10-05T09:00'), ms('2026-10-07T09:00'), h(48), h(20)],
      ['L-2', 'service-request', ms('2026-10-06T10:00'), ms('2026-10-06T12:00'), h(2), h(2)],
      ['L-3', 'incident', ms('2026-10-03T07:00'), ms('2026-10-05T10:00'), h(51), h(2)],
    ]);
    expect(indicators.durations.cycleTime.map((d) => [d.key, d.ms, d.businessMs])).toEqual([
      ['L-1', h(46), h(18)],
      ['L-3', h(49.5), h(2)],
    ]);
    expect(indicators.durations.workItemAge.map((d) => [d.key, d.toMs, d.ms, d.businessMs])).toEqual([
      ['L-4', ms('2026-11-01T00:00'), h(135), h(49)],
      ['L-5', ms('2026-11-01T00:00'), h(759), h(228)],
    ]);
  });
});
