// Canned admin views for component tests, shaped as the resolvers return them (src/contract/).
import type { SettingsDocument, SettingsView } from '../../../../src/contract';

const day = ['08:00-18:00'];

export const DEFAULTS: SettingsDocument = {
  projects: ['DEMAT'],
  fields: {
    severity: 'Gravité',
    environment: 'Environnement de détection',
    serviceLevel: 'Niveau de service',
    incidentStart: "Début d'incident",
  },
  issueTypes: {
    anomaly: ['Anomalie', 'Anomaly', 'Bug'],
    incident: ['Incident'],
    'doc-anomaly': ['Anomalie documentaire'],
    'service-request': ['Demande de service'],
  },
  statuses: {
    pause: ['En attente Administration', 'En validation Administration'],
    workaroundDone: ['Contournement validé'],
    resolvedByKind: {
      anomaly: ['Validée'],
      incident: ['Résolue', 'Validée'],
      'doc-anomaly': ['Résolue', 'Validée'],
      'service-request': ['Résolue', 'Validée'],
    },
    deployed: ['En production'],
    closed: ['Fermée'],
  },
  pauseIncidents: false,
  calendars: {
    standard: {
      zone: 'Europe/Paris',
      week: { mon: day, tue: day, wed: day, thu: day, fri: day },
      holidays: 'FR',
      holidaysWorked: false,
      whitMondayWorked: false,
      closedDates: [],
      dayLength: '10h',
    },
  },
  targets: {
    anomaly: {
      blocking: { workaround: '4h', resolution: '1d' },
      major: { workaround: '1d', resolution: '3d' },
      minor: { workaround: null, resolution: 'next-sprint' },
    },
    incident: {
      gold: { blocking: '2h', major: '4h', minor: '2d' },
      silver: { blocking: '4h', major: '8h', minor: '5d' },
      bronze: { blocking: '8h', major: '2d', minor: '10d' },
    },
    'doc-anomaly': { critical: '2d', major: '5d', minor: 'next-sprint' },
    'service-request': { high: '4h', medium: '2d', low: '5d' },
  },
  vsrMonths: 2,
  sprintCadence: { firstStart: '2026-01-05', businessDays: 20 },
  administrationGroup: 'administration-demat',
  productOwnerGroup: null,
};

export const aSettingsView = (overrides: Partial<SettingsView> = {}): SettingsView => ({
  document: {},
  defaults: DEFAULTS,
  version: 4,
  updatedAt: '2026-03-02T10:15:00.000+01:00',
  updatedBy: 'Claire Martin',
  holidays: {
    standard: [
      { date: '2026-04-06', name: 'Lundi de Pâques' },
      { date: '2026-05-01', name: 'Fête du Travail' },
    ],
  },
  canEdit: true,
  ...overrides,
});
