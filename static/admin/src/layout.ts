// What the admin page shows, as data: the kinds and their severity scales (src/domain/sla/vocabulary.ts), the
// calendar keys (the calendar-file format), and every field path, so that a problem with no field of its own is
// listed at the top instead of being lost.
import type { SettingsDocument } from '../../../src/contract';
import { getAt, isObject } from './document';

export const KINDS = ['anomaly', 'incident', 'doc-anomaly', 'service-request'] as const;
export type Kind = (typeof KINDS)[number];

export const ANOMALY_SEVERITIES = ['blocking', 'major', 'minor'] as const;
export const DOC_SEVERITIES = ['critical', 'major', 'minor'] as const;
export const URGENCIES = ['high', 'medium', 'low'] as const;
export const SERVICE_LEVELS = ['gold', 'silver', 'bronze'] as const;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const HOLIDAY_SETS = ['FR', 'FR-alsace-moselle', 'none'] as const;

export const FIELD_ROLES = ['severity', 'environment', 'serviceLevel', 'incidentStart'] as const;
export const STATUS_ROLES = ['pause', 'workaroundDone', 'deployed', 'closed'] as const;
export const CALENDAR_KEYS = [
  'zone',
  'week',
  'holidays',
  'holidaysWorked',
  'whitMondayWorked',
  'closedDates',
  'dayLength',
] as const;

export type Severity =
  (typeof ANOMALY_SEVERITIES)[number] | (typeof DOC_SEVERITIES)[number] | (typeof URGENCIES)[number];

/** One row of the targets table: an anomaly row has both clocks, every other kind only the resolution clock. */
export type TargetRow = {
  readonly kind: Kind;
  readonly level: (typeof SERVICE_LEVELS)[number] | null;
  readonly severity: Severity;
  readonly workaround: readonly string[] | null;
  readonly resolution: readonly string[];
};

export const TARGET_ROWS: readonly TargetRow[] = [
  ...ANOMALY_SEVERITIES.map((s) => ({
    kind: 'anomaly' as const,
    level: null,
    severity: s,
    workaround: ['targets', 'anomaly', s, 'workaround'],
    resolution: ['targets', 'anomaly', s, 'resolution'],
  })),
  ...SERVICE_LEVELS.flatMap((level) =>
    ANOMALY_SEVERITIES.map((s) => ({
      kind: 'incident' as const,
      level,
      severity: s,
      workaround: null,
      resolution: ['targets', 'incident', level, s],
    })),
  ),
  ...DOC_SEVERITIES.map((s) => ({
    kind: 'doc-anomaly' as const,
    level: null,
    severity: s,
    workaround: null,
    resolution: ['targets', 'doc-anomaly', s],
  })),
  ...URGENCIES.map((s) => ({
    kind: 'service-request' as const,
    level: null,
    severity: s,
    workaround: null,
    resolution: ['targets', 'service-request', s],
  })),
];

/** Every field path of the page for these calendars (dot-joined, as the server writes problem paths). */
export const fieldPaths = (calendarNames: readonly string[]): readonly string[] => [
  'administrationGroup',
  'productOwnerGroup',
  'vsrMonths',
  'pauseIncidents',
  ...FIELD_ROLES.map((role) => `fields.${role}`),
  'projects',
  ...KINDS.map((kind) => `issueTypes.${kind}`),
  ...STATUS_ROLES.map((role) => `statuses.${role}`),
  'statuses.resolved',
  ...KINDS.map((kind) => `statuses.resolvedByKind.${kind}`),
  ...TARGET_ROWS.flatMap((row) =>
    [row.workaround, row.resolution].filter((p): p is readonly string[] => p !== null).map((p) => p.join('.')),
  ),
  ...calendarNames.flatMap((name) => [
    `calendars.${name}`,
    ...CALENDAR_KEYS.map((key) => `calendars.${name}.${key}`),
    ...WEEKDAYS.map((day) => `calendars.${name}.week.${day}`),
  ]),
  'sprintCadence',
  'sprintCadence.firstStart',
  'sprintCadence.businessDays',
  'native.issueProperty',
  'native.severityReadOnly',
  'warnings.enabled',
  'warnings.thresholds',
  'warnings.notifyAssignee',
  'warnings.notifyWatchers',
  'warnings.group',
];

/** Calendar names: the default ones, then those the document adds, in a stable order. */
export const calendarNamesOf = (document: SettingsDocument, defaults: SettingsDocument): readonly string[] => {
  const names = (value: unknown) => (isObject(value) ? Object.keys(value) : []);
  return [...new Set([...names(getAt(defaults, ['calendars'])), ...names(getAt(document, ['calendars']))])];
};
