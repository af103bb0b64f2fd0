// The app's settings (the CLI's --config file, the admin page's document) → checked Settings with the defaults of
// decisions.md. Every part is optional; what is given replaces the default (lists) or overrides it key by key
// (calendars, targets). Unknown keys are refused, so a misspelt setting is named rather than silently ignored.
import { z } from 'zod';
import { BUILTIN_CALENDARS } from '../../domain/calendar/builtin-calendars';
import type { BusinessCalendar } from '../../domain/calendar/business-calendar';
import { parseDuration } from '../../domain/duration';
import { failWith, ok, type Issue, type Result } from '../../domain/result';
import type { SprintCadence } from '../../domain/sla/next-sprint';
import type { StatusRules } from '../../domain/sla/sla-clock';
import { DEFAULT_TARGETS, type TargetSpec, type TargetTable } from '../../domain/sla/targets';
import { ISSUE_KINDS, type IssueKind } from '../../domain/sla/vocabulary';
import { foldName, foldedSet } from '../../domain/text';
import { buildCalendar, calendarSchema } from './parse-calendar';
import { recordOf } from './record-of';
import { zodIssues } from './zod-issues';

export type FieldRefs = {
  readonly severity: string;
  readonly environment: string;
  readonly serviceLevel: string;
  readonly incidentStart: string;
};

export type StatusLists = {
  readonly pause: readonly string[];
  readonly workaroundDone: readonly string[];
  readonly resolved: Readonly<Record<IssueKind, readonly string[]>>;
  readonly deployed: readonly string[];
  readonly closed: readonly string[];
};

export type Settings = {
  /** The Jira projects the contract covers (keys): the scheduled trigger and a settings change search only these. */
  readonly projects: readonly string[];
  readonly fields: FieldRefs;
  readonly issueTypes: Readonly<Record<IssueKind, readonly string[]>>;
  readonly statusLists: StatusLists;
  readonly statuses: StatusRules;
  readonly calendars: Readonly<Record<string, BusinessCalendar>>;
  readonly targets: TargetTable;
  readonly vsrMonths: number;
  readonly sprintCadence: SprintCadence | null;
  /** The Jira group of the Administration: it qualifies severity and validates workarounds and fixes (D5). */
  readonly administrationGroup: string;
  /** The Jira group of the Product Owners (besides project administrators): they set sprint reserves (D8). */
  readonly productOwnerGroup: string | null;
  /** The sprint bandwidth reserve and the validation cap (D8). */
  readonly reserve: ReserveSettings;
  /** The monthly indicators (D9). */
  readonly indicators: IndicatorSettings;
  /** Jira-native features: the `contractSla` issue property (JQL) and the severity UI modification (issue 10). */
  readonly native: NativeSettings;
  /** Warnings before a breach, through Jira's issue notification (issue 10). */
  readonly warnings: WarningSettings;
};

/** The `native` section. Off switches leave nothing behind (the property is deleted, the UI modification removed). */
export type NativeSettings = {
  /** Write the `contractSla` issue property (indexed for JQL, read by the JQL functions). */
  readonly issueProperty: boolean;
  /** Make the severity read-only, on the issue view and create screens, for users outside the Administration (D5). */
  readonly severityReadOnly: boolean;
};

export const DEFAULT_NATIVE: NativeSettings = { issueProperty: true, severityReadOnly: true };

/** The `warnings` section: one notification per threshold and clock cycle; a paused clock never warns. */
export type WarningSettings = {
  readonly enabled: boolean;
  /** Percentages of the target, ascending and distinct; 100 is the breach itself. */
  readonly thresholds: readonly number[];
  readonly notifyAssignee: boolean;
  readonly notifyWatchers: boolean;
  /** A Jira group notified too (the Scrum master's), or null. */
  readonly group: string | null;
};

export const DEFAULT_WARNINGS: WarningSettings = {
  enabled: true,
  thresholds: [75, 100],
  notifyAssignee: true,
  notifyWatchers: true,
  group: null,
};

/** The `indicators` section (D9). */
export type IndicatorSettings = {
  /** Statuses whose first entry starts an issue's cycle time ("début du travail"). */
  readonly inProgressStatuses: readonly string[];
};

export const DEFAULT_INDICATORS: IndicatorSettings = { inProgressStatuses: ['En cours', 'In Progress'] };

/** The `reserve` section (D8). Amounts are in the board's estimation unit (story points or hours). */
export type ReserveSettings = {
  /** Share of the sprint's committed capacity kept as reserve when the sprint has no reserve of its own. */
  readonly defaultRate: number;
  /** The PO's reserve per sprint id, in the board's unit; replaces the default rate for that sprint. */
  readonly perSprint: Readonly<Record<string, number>>;
  /** Labels that make an issue added during the sprint consume the reserve (urgent security flaw, infrastructure failure). */
  readonly urgentLabels: readonly string[];
  /** On points boards, the hours of logged time worth one point (for issues without an estimate). */
  readonly hoursPerPoint: number;
  /** Share of the sprint's effort the Administration pays for validation anomalies; the contractor pays above it. */
  readonly validationCapRate: number;
  /** Issue types that are stories: the candidates to move out of an overflowing sprint. */
  readonly storyTypes: readonly string[];
  /** Statuses that count as not started, besides Jira's "To Do" category. */
  readonly notStartedStatuses: readonly string[];
  /** The Sprint field, by id or by name (its history tells when issues joined or left a sprint). */
  readonly sprintField: string;
};

export const DEFAULT_RESERVE: ReserveSettings = {
  defaultRate: 0.15,
  perSprint: {},
  urgentLabels: ['faille-securite', 'defaillance-infra'],
  hoursPerPoint: 6,
  validationCapRate: 0.1,
  storyTypes: ['Story', 'User story', 'Récit', 'Story technique', 'Technical story'],
  notStartedStatuses: ['À faire', 'À qualifier', 'To Do', 'Backlog', 'Open', 'Ouvert'],
  sprintField: 'Sprint',
};

export const DEFAULT_ADMINISTRATION_GROUP = 'administration-demat';

/** The contract's Jira project (DEMAT'ADS maintenance). */
export const DEFAULT_PROJECTS: readonly string[] = ['DEMAT'];
/** A Jira project key: a capital letter, then capitals, digits or _ (Jira's default key pattern), as JQL names it. */
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,49}$/;

export const DEFAULT_FIELDS: FieldRefs = {
  severity: 'Gravité',
  environment: 'Environnement de détection',
  serviceLevel: 'Niveau de service',
  incidentStart: "Début d'incident",
};

export const DEFAULT_ISSUE_TYPES: Readonly<Record<IssueKind, readonly string[]>> = {
  anomaly: ['Anomalie', 'Anomaly', 'Bug'],
  incident: ['Incident', "Incident d'infrastructure", 'Infrastructure incident'],
  'doc-anomaly': ['Anomalie documentaire', 'Documentation anomaly'],
  'service-request': ['Demande de service', "Demande d'assistance", 'Service request'],
};

// D4: anomalies stop on "Validée" (the Administration's acceptance), never on a developer's "Résolue";
// incidents, documentation anomalies and service requests stop on "Résolue" or "Validée".
const RESOLVED_BY_TITULAIRE = ['Résolue', 'Validée', 'Resolved', 'Validated'];
export const DEFAULT_STATUS_LISTS: StatusLists = {
  pause: [
    'En attente Administration',
    'En validation Administration',
    'Waiting for Administration',
    'Administration validation',
  ],
  workaroundDone: ['Contournement validé', 'Workaround validated'],
  resolved: {
    anomaly: ['Validée', 'Validated'],
    incident: RESOLVED_BY_TITULAIRE,
    'doc-anomaly': RESOLVED_BY_TITULAIRE,
    'service-request': RESOLVED_BY_TITULAIRE,
  },
  deployed: ['En production', 'In production'],
  closed: ['Fermée', 'Closed'],
};

/** A yyyy-MM-dd that exists on the calendar (2026-02-30 does not). */
const isRealDate = (text: string): boolean => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const names = z.array(z.string().trim().min(1, 'expected a non-empty name'));
const targetText = z.union([z.string(), z.null()]);
const severityTargets = <K extends string>(keys: readonly K[]) =>
  z.strictObject(recordOf(keys, () => targetText.optional()));

const projectKeys = z
  .array(z.string().regex(PROJECT_KEY, 'expected a Jira project key in capitals, such as DEMAT (not its name)'))
  .min(1, 'expected at least one project key: the contract covers the issues of these projects')
  .max(50, 'expected at most 50 project keys')
  .superRefine((keys, ctx) => {
    const seen = new Set<string>();
    keys.forEach((key, i) => {
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `project ${key} is listed twice` });
      seen.add(key);
    });
  });

export const settingsSchema = z.strictObject({
  projects: projectKeys.optional(),
  fields: z
    .strictObject({
      severity: z.string().optional(),
      environment: z.string().optional(),
      serviceLevel: z.string().optional(),
      incidentStart: z.string().optional(),
    })
    .optional(),
  issueTypes: z
    .strictObject({
      anomaly: names.optional(),
      incident: names.optional(),
      'doc-anomaly': names.optional(),
      'service-request': names.optional(),
    })
    .optional(),
  statuses: z
    .strictObject({
      pause: names.optional(),
      workaroundDone: names.optional(),
      resolved: names.optional(),
      resolvedByKind: z
        .strictObject({
          anomaly: names.optional(),
          incident: names.optional(),
          'doc-anomaly': names.optional(),
          'service-request': names.optional(),
        })
        .optional(),
      deployed: names.optional(),
      closed: names.optional(),
    })
    .optional(),
  pauseIncidents: z.boolean().optional(),
  calendars: z
    .record(z.string().regex(/^[A-Za-z0-9_-]+$/, 'calendar names use letters, digits, - and _'), calendarSchema)
    .optional(),
  targets: z
    .strictObject({
      anomaly: z
        .strictObject(
          recordOf(['blocking', 'major', 'minor'] as const, () =>
            z.strictObject({ workaround: targetText.optional(), resolution: targetText.optional() }).optional(),
          ),
        )
        .optional(),
      incident: z
        .strictObject({
          gold: severityTargets(['blocking', 'major', 'minor'] as const).optional(),
          silver: severityTargets(['blocking', 'major', 'minor'] as const).optional(),
          bronze: severityTargets(['blocking', 'major', 'minor'] as const).optional(),
        })
        .optional(),
      'doc-anomaly': severityTargets(['critical', 'major', 'minor'] as const).optional(),
      'service-request': severityTargets(['high', 'medium', 'low'] as const).optional(),
    })
    .optional(),
  vsrMonths: z.number().int().min(0).max(24).optional(),
  administrationGroup: z.string().trim().min(1, 'expected a group name').optional(),
  productOwnerGroup: z.union([z.string().trim().min(1, 'expected a group name'), z.null()]).optional(),
  reserve: z
    .strictObject({
      defaultRate: z
        .number()
        .min(0, 'expected a rate between 0 and 1 (0.15 = 15 %)')
        .max(1, 'expected a rate between 0 and 1 (0.15 = 15 %)')
        .optional(),
      perSprint: z
        .record(z.string(), z.number().min(0, "expected an amount >= 0 in the board's unit"))
        .superRefine((reserves, ctx) => {
          for (const id of Object.keys(reserves))
            if (!/^\d+$/.test(id))
              ctx.addIssue({ code: 'custom', path: [id], message: 'keys are sprint ids (digits)' });
        })
        .optional(),
      urgentLabels: names.optional(),
      hoursPerPoint: z.number().positive('expected a number of hours > 0').optional(),
      validationCapRate: z
        .number()
        .min(0, 'expected a rate between 0 and 1 (0.10 = 10 %)')
        .max(1, 'expected a rate between 0 and 1 (0.10 = 10 %)')
        .optional(),
      storyTypes: names.optional(),
      notStartedStatuses: names.optional(),
      sprintField: z.string().trim().min(1, 'expected a field id or name').optional(),
    })
    .optional(),
  indicators: z
    .strictObject({ inProgressStatuses: names.min(1, 'expected at least one status').optional() })
    .optional(),
  native: z
    .strictObject({ issueProperty: z.boolean().optional(), severityReadOnly: z.boolean().optional() })
    .optional(),
  warnings: z
    .strictObject({
      enabled: z.boolean().optional(),
      thresholds: z
        .array(
          z
            .number()
            .int('expected a whole percentage')
            .min(1, 'expected a percentage of the target between 1 and 100')
            .max(100, 'expected a percentage of the target between 1 and 100'),
        )
        .max(5, 'expected at most 5 thresholds')
        .superRefine((list, ctx) => {
          list.forEach((t, i) => {
            if (i > 0 && t <= (list[i - 1] ?? 0))
              ctx.addIssue({ code: 'custom', path: [i], message: 'thresholds go up: each above the one before' });
          });
        })
        .optional(),
      notifyAssignee: z.boolean().optional(),
      notifyWatchers: z.boolean().optional(),
      group: z.union([z.string().trim().min(1, 'expected a group name'), z.null()]).optional(),
    })
    .optional(),
  sprintCadence: z
    .union([
      z.strictObject({
        firstStart: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date yyyy-MM-dd')
          .refine(
            (d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || (isRealDate(d) && d >= '1970-01-01' && d <= '2199-12-31'),
            'expected a real date between 1970 and 2199',
          ),
        businessDays: z.number().int().min(1).max(100).default(20),
      }),
      z.null(),
    ])
    .optional(),
});

export type SettingsJson = z.input<typeof settingsSchema>;

const readTarget = (
  text: string | null | undefined,
  fallback: TargetSpec | null,
  path: readonly (string | number)[],
  issues: Issue[],
): TargetSpec | null => {
  if (text === undefined) return fallback;
  if (text === null) return null;
  if (foldName(text) === 'next-sprint') return { kind: 'next-sprint', label: 'next-sprint' };
  const parsed = parseDuration(text);
  if (!parsed.ok) {
    issues.push({
      code: 'CONFIG_INVALID',
      path,
      message: `"${text}" is not a target: write a duration (4h, 1d, 2d4h), "next-sprint" or null (not applicable)`,
    });
    return fallback;
  }
  return { kind: 'duration', label: text, duration: parsed.value };
};

const mergeTargets = (
  json: NonNullable<z.output<typeof settingsSchema>['targets']> | undefined,
  issues: Issue[],
): TargetTable => {
  const base = DEFAULT_TARGETS;
  const p = ['targets'];
  const anomaly = (s: 'blocking' | 'major' | 'minor') => ({
    workaround: readTarget(
      json?.anomaly?.[s]?.workaround,
      base.anomaly[s].workaround,
      [...p, 'anomaly', s, 'workaround'],
      issues,
    ),
    resolution: readTarget(
      json?.anomaly?.[s]?.resolution,
      base.anomaly[s].resolution,
      [...p, 'anomaly', s, 'resolution'],
      issues,
    ),
  });
  const incident = (l: 'gold' | 'silver' | 'bronze') => ({
    blocking: readTarget(
      json?.incident?.[l]?.blocking,
      base.incident[l].blocking,
      [...p, 'incident', l, 'blocking'],
      issues,
    ),
    major: readTarget(json?.incident?.[l]?.major, base.incident[l].major, [...p, 'incident', l, 'major'], issues),
    minor: readTarget(json?.incident?.[l]?.minor, base.incident[l].minor, [...p, 'incident', l, 'minor'], issues),
  });
  const doc = json?.['doc-anomaly'];
  const sr = json?.['service-request'];
  return {
    anomaly: { blocking: anomaly('blocking'), major: anomaly('major'), minor: anomaly('minor') },
    incident: { gold: incident('gold'), silver: incident('silver'), bronze: incident('bronze') },
    'doc-anomaly': {
      critical: readTarget(doc?.critical, base['doc-anomaly'].critical, [...p, 'doc-anomaly', 'critical'], issues),
      major: readTarget(doc?.major, base['doc-anomaly'].major, [...p, 'doc-anomaly', 'major'], issues),
      minor: readTarget(doc?.minor, base['doc-anomaly'].minor, [...p, 'doc-anomaly', 'minor'], issues),
    },
    'service-request': {
      high: readTarget(sr?.high, base['service-request'].high, [...p, 'service-request', 'high'], issues),
      medium: readTarget(sr?.medium, base['service-request'].medium, [...p, 'service-request', 'medium'], issues),
      low: readTarget(sr?.low, base['service-request'].low, [...p, 'service-request', 'low'], issues),
    },
  };
};

/** A status may have one role only: pausing and stopping at once would make the clocks ambiguous. */
const checkStatusRoles = (lists: StatusLists, issues: Issue[]): void => {
  const roles = new Map<string, string>();
  const claim = (role: string, list: readonly string[]): void => {
    for (const name of list) {
      const folded = foldName(name);
      const other = roles.get(folded);
      if (other !== undefined && other !== role) {
        issues.push({
          code: 'CONFIG_INVALID',
          path: ['statuses', role],
          message: `status "${name}" is already listed in statuses.${other}: a status has one role`,
        });
      }
      roles.set(folded, role);
    }
  };
  claim('pause', lists.pause);
  claim('workaroundDone', lists.workaroundDone);
  // Per-kind resolved lists may share names with each other, not with the other roles.
  const resolvedNames = [...new Set(ISSUE_KINDS.flatMap((k) => lists.resolved[k]))];
  claim('resolved', resolvedNames);
  claim('deployed', lists.deployed);
  claim('closed', lists.closed);
};

/** Parses a settings document (already JSON-decoded); `undefined` or `{}` gives the defaults. */
export const parseSettings = (value: unknown): Result<Settings> => {
  const parsed = settingsSchema.safeParse(value ?? {});
  if (!parsed.success) return failWith(zodIssues(parsed.error, 'CONFIG_INVALID'));
  const json = parsed.data;
  const issues: Issue[] = [];

  const calendars: Record<string, BusinessCalendar> = { ...BUILTIN_CALENDARS };
  for (const [name, calendarJson] of Object.entries(json.calendars ?? {})) {
    const built = buildCalendar(name, calendarJson, ['calendars', name]);
    if (built.ok) calendars[name] = built.value;
    else issues.push(...built.issues);
  }

  const flatResolved = json.statuses?.resolved;
  const byKind = json.statuses?.resolvedByKind;
  const resolved = recordOf(
    ISSUE_KINDS,
    (k): readonly string[] => byKind?.[k] ?? flatResolved ?? DEFAULT_STATUS_LISTS.resolved[k],
  );
  const statusLists: StatusLists = {
    pause: json.statuses?.pause ?? DEFAULT_STATUS_LISTS.pause,
    workaroundDone: json.statuses?.workaroundDone ?? DEFAULT_STATUS_LISTS.workaroundDone,
    resolved,
    deployed: json.statuses?.deployed ?? DEFAULT_STATUS_LISTS.deployed,
    closed: json.statuses?.closed ?? DEFAULT_STATUS_LISTS.closed,
  };
  checkStatusRoles(statusLists, issues);

  const issueTypes = recordOf(ISSUE_KINDS, (k): readonly string[] => json.issueTypes?.[k] ?? DEFAULT_ISSUE_TYPES[k]);
  const typeOwner = new Map<string, IssueKind>();
  for (const kind of ISSUE_KINDS) {
    for (const name of issueTypes[kind]) {
      const owner = typeOwner.get(foldName(name));
      if (owner !== undefined && owner !== kind)
        issues.push({
          code: 'CONFIG_INVALID',
          path: ['issueTypes', kind],
          message: `issue type "${name}" is already listed under issueTypes.${owner}`,
        });
      typeOwner.set(foldName(name), kind);
    }
  }

  const targets = mergeTargets(json.targets, issues);
  if (issues.length > 0) return failWith(issues);
  return ok({
    projects: json.projects ?? DEFAULT_PROJECTS,
    fields: { ...DEFAULT_FIELDS, ...json.fields },
    issueTypes,
    statusLists,
    statuses: {
      pause: foldedSet(statusLists.pause),
      workaroundDone: foldedSet(statusLists.workaroundDone),
      resolved: recordOf(ISSUE_KINDS, (k) => foldedSet(resolved[k])),
      deployed: foldedSet(statusLists.deployed),
      closed: foldedSet(statusLists.closed),
      pauseIncidents: json.pauseIncidents ?? false,
    },
    calendars,
    targets,
    vsrMonths: json.vsrMonths ?? 2,
    sprintCadence: json.sprintCadence ?? null,
    administrationGroup: json.administrationGroup ?? DEFAULT_ADMINISTRATION_GROUP,
    productOwnerGroup: json.productOwnerGroup ?? null,
    reserve: { ...DEFAULT_RESERVE, ...json.reserve },
    indicators: { ...DEFAULT_INDICATORS, ...json.indicators },
    native: { ...DEFAULT_NATIVE, ...json.native },
    warnings: { ...DEFAULT_WARNINGS, ...json.warnings },
  });
};

/** The kind of an issue type name, or null when the type is not one the contract covers. */
export const kindOfIssueType = (settings: Settings, issueTypeName: string): IssueKind | null => {
  const folded = foldName(issueTypeName);
  return ISSUE_KINDS.find((k) => settings.issueTypes[k].some((n) => foldName(n) === folded)) ?? null;
};
