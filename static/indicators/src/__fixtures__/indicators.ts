// Canned replies of the indicators gadget, shaped as `indicators/getMonth`, `indicators/refresh` and
// `indicators/export` return them (src/contract/). The report keeps the server's invariants (src/domain/indicators/
// figure.ts): a compliance rate is met ÷ (met + breached) over the clocks stopped in the month, running clocks apart;
// a rate with no denominator is null with a note and the status `no-data`; a threshold is met only when the rate
// exists (19 × 100 ≥ 95 × 20: 95 % meets 95 %). Labels and notes are the server's (src/domain/indicators/catalogue.ts).
//
// Project DEMAT, October 2026 (over, measured at its end), snapshot taken on 2 November 2026 at 03:15, settings v4:
//   IND_INC01  OR      19 / 20 = 95 %     ≥ 95 %  met     (DEMAT-1142 late: 2 h 30 for 2 h)
//   IND_INC02  ARGENT   7 / 8  = 87,5 %   ≥ 90 %  missed  (DEMAT-1187 late: 5 h 30 for 4 h)
//   IND_INC03  BRONZE   0 / 0             ≥ 85 %  no data (DEMAT-1230 still running, outside the rate)
//   IND_SUP01  29 blocking incidents open in the month (26 in time, 2 late, 1 still open)
//   ANO_RESOLUTION_BLOCKING 2 / 3, MAJOR 9 / 11, MINOR 14 / 14; escaped defects 2 / 9; sprint 102 14 / 21 pts.
import type {
  GadgetConfiguration,
  IndicatorsView,
  MonthlyBreachView,
  MonthlyFigureDimensionsView,
  MonthlyFigureSection,
  MonthlyFigureView,
  MonthlyReport,
  TrendPointView,
} from '../../../../src/contract';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** DEMAT-<from> … DEMAT-<from + count − 1>. */
export const demat = (from: number, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `DEMAT-${from + i}`);

const breach = (
  key: string,
  target: string,
  targetMs: number,
  elapsedMs: number,
  dueAt: string,
  stoppedAt: string,
  clock: 'workaround' | 'resolution' = 'resolution',
): MonthlyBreachView => ({
  key,
  clock,
  target,
  targetMs,
  elapsedMs,
  overrunMs: elapsedMs - targetMs,
  dueAt,
  stoppedAt,
});

type ComplianceArgs = {
  readonly code: string;
  readonly label: string;
  readonly section: MonthlyFigureSection;
  readonly dimensions: MonthlyFigureDimensionsView;
  readonly thresholdPercent?: number;
  readonly met?: readonly string[];
  readonly breaches?: readonly MonthlyBreachView[];
  readonly running?: readonly string[];
  readonly emptyNote: string;
};

/** A compliance figure as complianceFigure (src/domain/indicators/figure.ts) makes it. */
export const compliance = (args: ComplianceArgs): MonthlyFigureView => {
  const met = args.met ?? [];
  const breaches = args.breaches ?? [];
  const running = args.running ?? [];
  const numerator = met.length;
  const denominator = numerator + breaches.length;
  const value = denominator === 0 ? null : numerator / denominator;
  const reached =
    value === null || args.thresholdPercent === undefined
      ? null
      : numerator * 100 >= args.thresholdPercent * denominator;
  return {
    type: 'compliance',
    code: args.code,
    label: args.label,
    section: args.section,
    unit: 'rate',
    value,
    numerator,
    denominator,
    threshold: args.thresholdPercent === undefined ? null : args.thresholdPercent / 100,
    met: reached,
    status: value === null ? 'no-data' : reached === null ? 'measured' : reached ? 'met' : 'missed',
    note:
      value === null
        ? `${args.emptyNote}${running.length > 0 ? ` (${running.length} en cours, hors taux)` : ''}`
        : null,
    dimensions: args.dimensions,
    keys: { met, breached: breaches.map((b) => b.key), running },
    breaches,
  };
};

const openCount = (
  code: string,
  label: string,
  severity: NonNullable<MonthlyFigureDimensionsView['severity']>,
  keys: { met: readonly string[]; breached: readonly string[]; running: readonly string[] },
): MonthlyFigureView => {
  const value = keys.met.length + keys.breached.length + keys.running.length;
  return {
    type: 'count',
    code,
    label,
    section: 'open-incidents',
    unit: 'count',
    value,
    numerator: value,
    denominator: null,
    threshold: null,
    met: null,
    status: 'measured',
    note: null,
    dimensions: { kind: 'incident', severity },
    keys,
    breaches: [],
  };
};

type RatioArgs = {
  readonly type: 'ratio' | 'duration';
  readonly code: string;
  readonly label: string;
  readonly section: MonthlyFigureSection;
  readonly unit: MonthlyFigureView['unit'];
  readonly dimensions: MonthlyFigureDimensionsView;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly keys: {
    readonly numerator: readonly string[];
    readonly denominator: readonly string[];
    readonly apart: readonly string[];
  };
  readonly note?: string | null;
};

const ratio = (args: RatioArgs): MonthlyFigureView => ({
  type: args.type,
  code: args.code,
  label: args.label,
  section: args.section,
  unit: args.unit,
  value: args.value,
  numerator: args.numerator,
  denominator: args.denominator,
  threshold: null,
  met: null,
  status: args.value === null ? 'no-data' : 'measured',
  note: args.note ?? null,
  dimensions: args.dimensions,
  keys: args.keys,
  breaches: [],
});

const INCIDENT = 'aucun incident résolu dans le mois';
const ANOMALY = 'aucune anomalie résolue dans le mois';

// IND_INC01: 19 gold incidents in time, DEMAT-1142 late. IND_INC02: 7 silver in time, DEMAT-1187 late.
const gold = demat(1101, 19)
  .filter((k) => k !== 'DEMAT-1112')
  .concat('DEMAT-1120');
const silver = demat(1160, 7);
const lateGold = breach(
  'DEMAT-1142',
  '2h',
  2 * HOUR,
  2 * HOUR + 30 * MIN,
  '2026-10-14T11:20:00.000+02:00',
  '2026-10-14T11:50:00.000+02:00',
);
const lateSilver = breach(
  'DEMAT-1187',
  '4h',
  4 * HOUR,
  5 * HOUR + 30 * MIN,
  '2026-10-21T15:00:00.000+02:00',
  '2026-10-21T16:30:00.000+02:00',
);

const anomalyBlockingLate = breach(
  'DEMAT-1204',
  '1d',
  10 * HOUR,
  16 * HOUR,
  '2026-10-08T10:00:00.000+02:00',
  '2026-10-09T09:00:00.000+02:00',
);
const anomalyMajorLate = [
  breach('DEMAT-1211', '3d', 30 * HOUR, 38 * HOUR, '2026-10-16T18:00:00.000+02:00', '2026-10-19T16:00:00.000+02:00'),
  breach('DEMAT-1219', '3d', 30 * HOUR, 31 * HOUR, '2026-10-27T12:00:00.000+01:00', '2026-10-27T13:00:00.000+01:00'),
];

/** The figures of the month, in the report's order (a selection of the environment × class cells). */
export const octoberFigures = (): MonthlyFigureView[] => [
  compliance({
    code: 'IND_INC01',
    label: "Taux d'incidents déclarés critiques sur Niveau de Service OR résolus dans les délais (2H)",
    section: 'incidents',
    dimensions: { kind: 'incident', clock: 'resolution', severity: 'blocking', serviceLevel: 'gold' },
    thresholdPercent: 95,
    met: gold,
    breaches: [lateGold],
    emptyNote: INCIDENT,
  }),
  compliance({
    code: 'IND_INC02',
    label: "Taux d'incidents déclarés critiques sur Niveau de Service ARGENT résolus dans les délais (4H)",
    section: 'incidents',
    dimensions: { kind: 'incident', clock: 'resolution', severity: 'blocking', serviceLevel: 'silver' },
    thresholdPercent: 90,
    met: silver,
    breaches: [lateSilver],
    emptyNote: INCIDENT,
  }),
  compliance({
    code: 'IND_INC03',
    label: "Taux d'incidents déclarés critiques sur Niveau de Service Contrat Bronze résolus dans les délais (8H)",
    section: 'incidents',
    dimensions: { kind: 'incident', clock: 'resolution', severity: 'blocking', serviceLevel: 'bronze' },
    thresholdPercent: 85,
    running: ['DEMAT-1230'],
    emptyNote: INCIDENT,
  }),
  compliance({
    code: 'INC_RESOLUTION_MAJOR_GOLD',
    label: 'Incidents majeurs sur Niveau de Service OR résolus dans les délais (GTR)',
    section: 'incidents',
    dimensions: { kind: 'incident', clock: 'resolution', severity: 'major', serviceLevel: 'gold' },
    met: ['DEMAT-1131', 'DEMAT-1133', 'DEMAT-1150'],
    emptyNote: INCIDENT,
  }),
  compliance({
    code: 'INC_RESOLUTION_MINOR_GOLD',
    label: 'Incidents mineurs sur Niveau de Service OR résolus dans les délais (GTR)',
    section: 'incidents',
    dimensions: { kind: 'incident', clock: 'resolution', severity: 'minor', serviceLevel: 'gold' },
    emptyNote: INCIDENT,
  }),
  openCount('IND_SUP01', "Nombre d'Incidents Critiques ouverts", 'blocking', {
    met: [...gold, ...silver].sort(),
    breached: ['DEMAT-1142', 'DEMAT-1187'],
    running: ['DEMAT-1230'],
  }),
  openCount('IND_SUP02', "Nombre d'Incidents Majeurs ouverts", 'major', {
    met: ['DEMAT-1131', 'DEMAT-1133', 'DEMAT-1150'],
    breached: [],
    running: ['DEMAT-1241'],
  }),
  openCount('IND_SUP03', "Nombre d'Incidents Mineurs ouverts", 'minor', { met: [], breached: [], running: [] }),
  compliance({
    code: 'ANO_WORKAROUND_BLOCKING',
    label: 'Anomalies bloquantes : délai de contournement respecté',
    section: 'anomalies',
    dimensions: { kind: 'anomaly', clock: 'workaround', severity: 'blocking' },
    met: ['DEMAT-1201', 'DEMAT-1202', 'DEMAT-1204'],
    breaches: [
      breach(
        'DEMAT-1206',
        '4h',
        4 * HOUR,
        6 * HOUR,
        '2026-10-12T13:00:00.000+02:00',
        '2026-10-12T15:00:00.000+02:00',
        'workaround',
      ),
    ],
    emptyNote: 'aucune anomalie contournée dans le mois',
  }),
  compliance({
    code: 'ANO_RESOLUTION_BLOCKING',
    label: 'Anomalies bloquantes : délai de résolution respecté',
    section: 'anomalies',
    dimensions: { kind: 'anomaly', clock: 'resolution', severity: 'blocking' },
    met: ['DEMAT-1201', 'DEMAT-1202'],
    breaches: [anomalyBlockingLate],
    emptyNote: ANOMALY,
  }),
  compliance({
    code: 'ANO_RESOLUTION_BLOCKING_ENV_VALIDATION_CLASS_VALIDATION',
    label: 'Anomalies bloquantes : délai de résolution respecté (détectées en validation, classe validation)',
    section: 'anomalies',
    dimensions: {
      kind: 'anomaly',
      clock: 'resolution',
      severity: 'blocking',
      environment: 'validation',
      anomalyClass: 'validation',
    },
    met: ['DEMAT-1201'],
    emptyNote: ANOMALY,
  }),
  compliance({
    code: 'ANO_RESOLUTION_BLOCKING_ENV_PRODUCTION_CLASS_PRODUCTION',
    label: 'Anomalies bloquantes : délai de résolution respecté (détectées en production, classe production)',
    section: 'anomalies',
    dimensions: {
      kind: 'anomaly',
      clock: 'resolution',
      severity: 'blocking',
      environment: 'production',
      anomalyClass: 'production',
    },
    met: ['DEMAT-1202'],
    breaches: [anomalyBlockingLate],
    emptyNote: ANOMALY,
  }),
  compliance({
    code: 'ANO_RESOLUTION_MAJOR',
    label: 'Anomalies majeures : délai de résolution respecté',
    section: 'anomalies',
    dimensions: { kind: 'anomaly', clock: 'resolution', severity: 'major' },
    met: demat(1208, 9)
      .filter((k) => k !== 'DEMAT-1211')
      .concat('DEMAT-1220'),
    breaches: anomalyMajorLate,
    running: ['DEMAT-1225', 'DEMAT-1226'],
    emptyNote: ANOMALY,
  }),
  compliance({
    code: 'ANO_RESOLUTION_MINOR',
    label: 'Anomalies mineures : délai de résolution respecté',
    section: 'anomalies',
    dimensions: { kind: 'anomaly', clock: 'resolution', severity: 'minor' },
    met: demat(1250, 14),
    emptyNote: ANOMALY,
  }),
  compliance({
    code: 'DOC_RESOLUTION_CRITICAL',
    label: 'Anomalies documentaires critiques corrigées dans les délais',
    section: 'doc-anomalies',
    dimensions: { kind: 'doc-anomaly', clock: 'resolution', severity: 'critical' },
    emptyNote: 'aucune anomalie documentaire résolue dans le mois',
  }),
  compliance({
    code: 'DOC_RESOLUTION_MAJOR',
    label: 'Anomalies documentaires majeures corrigées dans les délais',
    section: 'doc-anomalies',
    dimensions: { kind: 'doc-anomaly', clock: 'resolution', severity: 'major' },
    met: ['DEMAT-1270', 'DEMAT-1271'],
    emptyNote: 'aucune anomalie documentaire résolue dans le mois',
  }),
  compliance({
    code: 'SR_RESOLUTION_HIGH',
    label: "Demandes de service d'urgence élevée traitées dans les délais",
    section: 'service-requests',
    dimensions: { kind: 'service-request', clock: 'resolution', severity: 'high' },
    met: demat(1280, 4),
    breaches: [
      breach(
        'DEMAT-1284',
        '4h',
        4 * HOUR,
        4 * HOUR + 45 * MIN,
        '2026-10-22T12:00:00.000+02:00',
        '2026-10-22T12:45:00.000+02:00',
      ),
    ],
    emptyNote: 'aucune demande de service résolue dans le mois',
  }),
  ratio({
    type: 'ratio',
    code: 'ESCAPED_DEFECT_RATE',
    label:
      'Taux de défauts échappés (anomalies de classe production ÷ anomalies de classe validation créées dans le mois)',
    section: 'quality',
    unit: 'ratio',
    dimensions: { kind: 'anomaly' },
    value: 2 / 9,
    numerator: 2,
    denominator: 9,
    keys: { numerator: ['DEMAT-1202', 'DEMAT-1204'], denominator: demat(1208, 9), apart: [] },
  }),
  ratio({
    type: 'duration',
    code: 'LEAD_TIME_MEDIAN',
    label: 'Lead time médian (création → livraison, tickets livrés dans le mois), temps calendaire',
    section: 'flow',
    unit: 'ms',
    dimensions: { statistic: 'median', basis: 'calendar' },
    value: 3 * 24 * HOUR + 4 * HOUR,
    numerator: null,
    denominator: 7,
    keys: { numerator: [], denominator: demat(1201, 7), apart: [] },
  }),
  ratio({
    type: 'duration',
    code: 'LEAD_TIME_MEAN',
    label: 'Lead time moyen (création → livraison, tickets livrés dans le mois), temps calendaire',
    section: 'flow',
    unit: 'ms',
    dimensions: { statistic: 'mean', basis: 'calendar' },
    value: 5 * 24 * HOUR + 7 * HOUR,
    numerator: 7 * (5 * 24 * HOUR + 7 * HOUR),
    denominator: 7,
    keys: { numerator: demat(1201, 7), denominator: demat(1201, 7), apart: [] },
  }),
  ratio({
    type: 'duration',
    code: 'LEAD_TIME_BUSINESS_MEDIAN',
    label: 'Lead time médian (création → livraison, tickets livrés dans le mois), temps ouvré, calendrier standard',
    section: 'flow',
    unit: 'ms',
    dimensions: { statistic: 'median', basis: 'business' },
    value: 12 * HOUR + 30 * MIN,
    numerator: null,
    denominator: 7,
    keys: { numerator: [], denominator: demat(1201, 7), apart: [] },
  }),
  ratio({
    type: 'duration',
    code: 'WORK_ITEM_AGE_MAX',
    label: 'Âge maximal des tickets ouverts (création → fin du mois), temps calendaire',
    section: 'flow',
    unit: 'ms',
    dimensions: { statistic: 'max', basis: 'calendar' },
    value: null,
    numerator: null,
    denominator: 0,
    keys: { numerator: [], denominator: [], apart: [] },
    note: 'aucun ticket ouvert en fin de mois',
  }),
  ratio({
    type: 'ratio',
    code: 'PREDICTABILITY_SPRINT_102',
    label: 'Prédictibilité – DEMAT Sprint 102 (réalisé ÷ planifié hors bande passante, en points)',
    section: 'sprints',
    unit: 'ratio',
    dimensions: { sprintId: 102 },
    value: 14 / 21,
    numerator: 14,
    denominator: 21,
    keys: { numerator: demat(1301, 5), denominator: demat(1301, 8), apart: ['DEMAT-1204'] },
  }),
  ratio({
    type: 'ratio',
    code: 'PRODUCTIVITY_SPRINT_102',
    label: 'Productivité – DEMAT Sprint 102 (réalisé ÷ temps passé, points par heure)',
    section: 'sprints',
    unit: 'units-per-hour',
    dimensions: { sprintId: 102 },
    value: 0.25,
    numerator: 14,
    denominator: 56,
    keys: { numerator: demat(1301, 5), denominator: demat(1301, 8), apart: [] },
  }),
];

export const aReport = (overrides: Partial<MonthlyReport> = {}): MonthlyReport => ({
  month: '2026-10',
  zone: 'Europe/Paris',
  from: '2026-10-01T00:00:00.000+02:00',
  to: '2026-11-01T00:00:00.000+01:00',
  at: '2026-11-01T00:00:00.000+01:00',
  complete: true,
  rules: {
    attribution: 'clock-stop',
    inProgressStatuses: ['En cours', 'In Progress'],
    businessCalendar: 'standard',
    unit: 'points',
  },
  warnings: [
    {
      code: 'CLOCK_WITHOUT_TARGET',
      message:
        '2 issue(s) with a clock stopped in the month or still running have no severity or no target (D3): left out of the rates',
      keys: ['DEMAT-1203', 'DEMAT-1210'],
    },
    {
      code: 'FIELD_NOT_FOUND',
      message:
        'field "Environnement" (settings fields.environment) is not in the export\'s names: its values are read as empty',
      keys: [],
    },
  ],
  figures: octoberFigures(),
  durations: { leadTime: [], cycleTime: [], workItemAge: [] },
  burnDowns: [],
  ...overrides,
});

const f = (code: string, numerator: number, denominator: number) => ({
  code,
  rate: denominator === 0 ? null : numerator / denominator,
  numerator,
  denominator,
});

/** May to October 2026, oldest first; October is the report's. IND_INC03 has no data in July and October. */
export const aTrend = (): TrendPointView[] => [
  {
    month: '2026-05',
    figures: [
      f('IND_INC01', 20, 20),
      f('IND_INC02', 9, 10),
      f('IND_INC03', 6, 7),
      f('ANO_RESOLUTION_BLOCKING', 3, 4),
      f('ANO_RESOLUTION_MAJOR', 10, 12),
      f('ANO_RESOLUTION_MINOR', 9, 9),
    ],
  },
  {
    month: '2026-06',
    figures: [
      f('IND_INC01', 17, 18),
      f('IND_INC02', 8, 8),
      f('IND_INC03', 4, 5),
      f('ANO_RESOLUTION_BLOCKING', 0, 0),
      f('ANO_RESOLUTION_MAJOR', 7, 8),
      f('ANO_RESOLUTION_MINOR', 11, 12),
    ],
  },
  {
    month: '2026-07',
    figures: [
      f('IND_INC01', 15, 16),
      f('IND_INC02', 6, 7),
      f('IND_INC03', 0, 0),
      f('ANO_RESOLUTION_BLOCKING', 2, 2),
      f('ANO_RESOLUTION_MAJOR', 5, 6),
      f('ANO_RESOLUTION_MINOR', 8, 8),
    ],
  },
  {
    month: '2026-08',
    figures: [
      f('IND_INC01', 12, 12),
      f('IND_INC02', 5, 5),
      f('IND_INC03', 3, 3),
      f('ANO_RESOLUTION_BLOCKING', 1, 2),
      f('ANO_RESOLUTION_MAJOR', 6, 6),
      f('ANO_RESOLUTION_MINOR', 5, 6),
    ],
  },
  {
    month: '2026-09',
    figures: [
      f('IND_INC01', 18, 19),
      f('IND_INC02', 10, 11),
      f('IND_INC03', 5, 6),
      f('ANO_RESOLUTION_BLOCKING', 3, 3),
      f('ANO_RESOLUTION_MAJOR', 8, 10),
      f('ANO_RESOLUTION_MINOR', 12, 12),
    ],
  },
  {
    month: '2026-10',
    figures: [
      f('IND_INC01', 19, 20),
      f('IND_INC02', 7, 8),
      f('IND_INC03', 0, 0),
      f('ANO_RESOLUTION_BLOCKING', 2, 3),
      f('ANO_RESOLUTION_MAJOR', 9, 11),
      f('ANO_RESOLUTION_MINOR', 14, 14),
    ],
  },
];

export const CONFIGURATION: GadgetConfiguration = { projectKey: 'DEMAT', month: 'previous' };

/** The gadget's view of a computed month. */
export const aReadyView = (overrides: Partial<IndicatorsView> = {}): IndicatorsView => ({
  configuration: CONFIGURATION,
  month: '2026-10',
  state: 'ready',
  progress: null,
  snapshotAt: '2026-11-02T03:15:00.000+01:00',
  settingsVersion: 4,
  report: aReport(),
  trend: aTrend(),
  error: null,
  ...overrides,
});

/** A computation under way: the phase, with how far it went (total null when not known yet). */
export const aComputingView = (
  phase: 'search' | 'changelogs' | 'compute' = 'search',
  done = 0,
  total: number | null = null,
): IndicatorsView => ({
  configuration: CONFIGURATION,
  month: '2026-10',
  state: 'computing',
  progress: { phase, done, total },
  snapshotAt: null,
  settingsVersion: 4,
  report: null,
  trend: [],
  error: null,
});

export const aFailedView = (): IndicatorsView => ({
  configuration: CONFIGURATION,
  month: '2026-10',
  state: 'failed',
  progress: null,
  snapshotAt: null,
  settingsVersion: 4,
  report: null,
  trend: [],
  error: 'Jira search failed: 429 Too Many Requests (after 5 retries)',
});

export const aNotConfiguredView = (): IndicatorsView => ({
  configuration: null,
  month: null,
  state: 'not-configured',
  progress: null,
  snapshotAt: null,
  settingsVersion: null,
  report: null,
  trend: [],
  error: null,
});

/** What `indicators/export` returns for each format. */
export const EXPORTS = {
  csv: {
    filename: 'indicateurs-DEMAT-2026-10.csv',
    contentType: 'text/csv; charset=utf-8',
    content:
      "row;code;label;unit;value;numerator;denominator;threshold;status;note\nfigure;IND_INC01;Taux d'incidents…;rate;0.95;19;20;0.95;met;\n",
  },
  json: {
    filename: 'indicateurs-DEMAT-2026-10.json',
    contentType: 'application/json',
    content: '{"month":"2026-10"}\n',
  },
} as const;
