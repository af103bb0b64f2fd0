// The Jira beans of the DEMAT'ADS site, as Jira Cloud sends them: statuses, issue types, options, users, sprints and
// versions (their JSON types and builders), and instants in Europe/Paris written as Jira Cloud writes them
// (`2026-03-02T09:15:00.000+0100`, no colon in the offset). The local Jira serves them; test/support/generate-export.ts
// builds its exports (and so examples/sample-export.json) from them, so both share one format.
import { CONTRACT_ZONE } from '../../src/domain/contract-zone';

// Jest runs modules in a vm context, where each lookup of a global (Math, String, Number) goes through an interceptor
// and made generation 4× slower than under plain node: hot paths use these module-scoped aliases instead.
const { floor } = Math;
const { fromCharCode } = String;
const { isInteger } = Number;

export const JIRA_SITE = 'https://demat-ads.atlassian.net';
export const PROJECT_ID = 10000;
export const BOARD_ID = 1;

export const STATUS_NAMES = [
  'À qualifier',
  'En cours',
  'En attente Administration',
  'En validation Administration',
  'Contournement validé',
  'Validée',
  'Résolue',
  'En production',
  'Fermée',
] as const;
export type StatusName = (typeof STATUS_NAMES)[number];

export type IssueTypeName = 'Anomalie' | 'Incident' | 'Anomalie documentaire' | 'Demande de service' | 'Story';
export type SeverityValue = 'Bloquante' | 'Majeure' | 'Mineure' | 'Critique' | 'Élevée' | 'Moyenne' | 'Basse';
export type EnvironmentValue = 'Validation' | 'Production';
export type ServiceLevelValue = 'OR' | 'ARGENT' | 'BRONZE';
export type UserRole = 'titulaire' | 'titulaire2' | 'administration';

// ---- JSON shapes (what Jira sends; checked against the OpenAPI descriptions in test/jira-fixtures.test.ts) ----

export type JiraUser = {
  readonly self: string;
  readonly accountId: string;
  readonly accountType: 'atlassian';
  readonly active: boolean;
  readonly displayName: string;
  readonly timeZone: string;
};
export type JiraStatusCategory = {
  readonly self: string;
  readonly id: number;
  readonly key: 'new' | 'indeterminate' | 'done';
  readonly colorName: string;
  readonly name: string;
};
export type JiraStatus = {
  readonly self: string;
  readonly id: string;
  readonly name: StatusName;
  readonly statusCategory: JiraStatusCategory;
};
export type JiraIssueType = {
  readonly self: string;
  readonly id: string;
  readonly name: IssueTypeName;
  readonly subtask: false;
  readonly hierarchyLevel: number;
};
export type JiraOption = { readonly self: string; readonly id: string; readonly value: string };
/** A version as an issue's `versions` field holds it (no `projectId`, unlike GET /project/{key}/versions). */
export type JiraIssueVersion = {
  readonly self: string;
  readonly id: string;
  readonly name: string;
  readonly archived: boolean;
  readonly released: boolean;
  /** `yyyy-MM-dd` */
  readonly releaseDate: string;
};
export type JiraVersion = JiraIssueVersion & { readonly projectId: number };
/** A sprint bean of GET /rest/agile/1.0/board/{boardId}/sprint; dates are UTC (`…Z`) as Jira Cloud writes them. */
export type AgileSprint = {
  readonly id: number;
  readonly self: string;
  readonly state: 'closed' | 'active' | 'future';
  readonly name: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly completeDate?: string;
  readonly originBoardId: number;
  readonly goal: string;
};
/** A sprint as the issue field `customfield_10020` holds it (`boardId`, no `self`). */
export type JiraSprintFieldValue = {
  readonly id: number;
  readonly name: string;
  readonly state: AgileSprint['state'];
  readonly boardId: number;
  readonly goal: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly completeDate?: string;
};
export type JiraChangeItem = {
  readonly field: string;
  readonly fieldtype: 'jira' | 'custom';
  readonly fieldId: string;
  readonly from: string;
  readonly fromString: string;
  readonly to: string;
  readonly toString: string;
};
export type JiraChangeHistory = {
  readonly id: string;
  readonly author: JiraUser;
  readonly created: string;
  readonly items: readonly JiraChangeItem[];
};
export type JiraIssueFields = {
  readonly summary: string;
  readonly issuetype: JiraIssueType;
  readonly status: JiraStatus;
  readonly created: string;
  readonly updated: string;
  readonly versions: readonly JiraIssueVersion[];
  /** Gravité */
  readonly customfield_10100: JiraOption | null;
  /** Environnement de détection */
  readonly customfield_10101: JiraOption | null;
  /** Niveau de service */
  readonly customfield_10102: JiraOption | null;
  /** Début d'incident */
  readonly customfield_10103: string | null;
  /** Sprint */
  readonly customfield_10020: readonly JiraSprintFieldValue[] | null;
  /** Story point estimate */
  readonly customfield_10016: number | null;
};
export type JiraIssue = {
  readonly id: string;
  readonly key: string;
  readonly self: string;
  readonly fields: JiraIssueFields;
  readonly changelog?: {
    readonly startAt: number;
    readonly maxResults: number;
    readonly total: number;
    readonly histories: readonly JiraChangeHistory[];
  };
};
export type JiraIssueChangeLog = { readonly issueId: string; readonly changeHistories: readonly JiraChangeHistory[] };
export type JiraExport = {
  readonly issues: readonly JiraIssue[];
  readonly names: Readonly<Record<string, string>>;
  readonly isLast: true;
  readonly changelogs?: readonly JiraIssueChangeLog[];
  readonly sprints?: readonly AgileSprint[];
  readonly versions?: readonly JiraVersion[];
};

// ---- Catalog: the ids a DEMAT'ADS site would have. Frozen and shared between issues: treat exports as read-only. ----

export const FIELD_NAMES: Readonly<Record<keyof JiraIssueFields, string>> = Object.freeze({
  summary: 'Résumé',
  issuetype: 'Type de ticket',
  status: 'État',
  created: 'Création',
  updated: 'Mise à jour',
  versions: 'Versions affectées',
  customfield_10100: 'Gravité',
  customfield_10101: 'Environnement de détection',
  customfield_10102: 'Niveau de service',
  customfield_10103: "Début d'incident",
  customfield_10020: 'Sprint',
  customfield_10016: 'Story point estimate',
});

const CATEGORIES = {
  new: { id: 2, colorName: 'blue-gray', name: 'À faire' },
  indeterminate: { id: 4, colorName: 'yellow', name: 'En cours' },
  done: { id: 3, colorName: 'green', name: 'Terminé' },
} as const;

const STATUS_CATEGORY: Readonly<Record<StatusName, keyof typeof CATEGORIES>> = {
  'À qualifier': 'new',
  'En cours': 'indeterminate',
  'En attente Administration': 'indeterminate',
  'En validation Administration': 'indeterminate',
  'Contournement validé': 'indeterminate',
  Validée: 'done',
  Résolue: 'done',
  'En production': 'done',
  Fermée: 'done',
};

const STATUSES: ReadonlyMap<StatusName, JiraStatus> = new Map(
  STATUS_NAMES.map((name, index) => {
    const id = String(10000 + index);
    const key = STATUS_CATEGORY[name];
    const category = CATEGORIES[key];
    const statusCategory = Object.freeze({
      self: `${JIRA_SITE}/rest/api/3/statuscategory/${category.id}`,
      id: category.id,
      key,
      colorName: category.colorName,
      name: category.name,
    });
    return [name, Object.freeze({ self: `${JIRA_SITE}/rest/api/3/status/${id}`, id, name, statusCategory })];
  }),
);

const ISSUE_TYPE_IDS: Readonly<Record<IssueTypeName, string>> = {
  Story: '10001',
  Anomalie: '10004',
  Incident: '10005',
  'Anomalie documentaire': '10006',
  'Demande de service': '10007',
};

const OPTION_IDS: Readonly<Record<string, string>> = {
  'customfield_10100/Bloquante': '10200',
  'customfield_10100/Majeure': '10201',
  'customfield_10100/Mineure': '10202',
  'customfield_10100/Critique': '10203',
  'customfield_10100/Élevée': '10204',
  'customfield_10100/Moyenne': '10205',
  'customfield_10100/Basse': '10206',
  'customfield_10101/Validation': '10210',
  'customfield_10101/Production': '10211',
  'customfield_10102/OR': '10220',
  'customfield_10102/ARGENT': '10221',
  'customfield_10102/BRONZE': '10222',
};

const aUser = (accountId: string, displayName: string): JiraUser =>
  Object.freeze({
    self: `${JIRA_SITE}/rest/api/3/user?accountId=${accountId}`,
    accountId,
    accountType: 'atlassian',
    active: true,
    displayName,
    timeZone: CONTRACT_ZONE,
  });

export const USERS: Readonly<Record<UserRole, JiraUser>> = {
  titulaire: aUser('712020:3f9c2a1e-7b4d-4e0a-9c51-2d8e6f1a0b01', 'Julien Dubois (Titulaire)'),
  titulaire2: aUser('712020:8a4e6c2d-1f3b-4a7e-b9d0-5c2e7f3a1b02', 'Sophie Bernard (Titulaire)'),
  administration: aUser('712020:c5d1b3e9-6a2f-4c8d-a7e1-9b4f2d6c3a03', 'Claire Martin (Administration)'),
};

export function statusBean(name: StatusName): JiraStatus {
  const status = STATUSES.get(name);
  if (status === undefined) throw new RangeError(`statusBean: unknown status ${name}`);
  return status;
}

const ISSUE_TYPES = new Map<IssueTypeName, JiraIssueType>(
  (Object.keys(ISSUE_TYPE_IDS) as IssueTypeName[]).map((name) => {
    const id = ISSUE_TYPE_IDS[name];
    const bean: JiraIssueType = {
      self: `${JIRA_SITE}/rest/api/3/issuetype/${id}`,
      id,
      name,
      subtask: false,
      hierarchyLevel: 0,
    };
    return [name, Object.freeze(bean)];
  }),
);

export function issueTypeBean(name: IssueTypeName): JiraIssueType {
  const bean = ISSUE_TYPES.get(name);
  if (bean === undefined) throw new RangeError(`issueTypeBean: unknown issue type ${name}`);
  return bean;
}

const OPTIONS = new Map<string, JiraOption>(
  Object.entries(OPTION_IDS).map(([key, id]) => {
    const value = key.slice(key.indexOf('/') + 1);
    return [key, Object.freeze({ self: `${JIRA_SITE}/rest/api/3/customFieldOption/${id}`, id, value })];
  }),
);

export function optionBean(
  fieldId: 'customfield_10100' | 'customfield_10101' | 'customfield_10102',
  value: string,
): JiraOption {
  const option = OPTIONS.get(`${fieldId}/${value}`);
  if (option === undefined) throw new RangeError(`optionBean: ${fieldId} has no option ${value}`);
  return option;
}

// ---- Time: Europe/Paris without a time-zone library, because formatting 300 000 instants must take milliseconds ----

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const MEAN_YEAR_MS = 31_556_952_000; // mean Gregorian year
const EU_RULE_FROM_MS = Date.UTC(1996, 0, 1);
const YEAR_10000_MS = Date.UTC(10000, 0, 1);

/**
 * EU rule since 1996: summer time from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
 * Indexed by year - 1970; the year is estimated from the mean year length, which can be one off only around
 * 1 January, in winter time, where either year's table gives the same answer.
 */
const summerTimeByYear: (readonly [number, number] | undefined)[] = [];

function lastSundayAt1Utc(year: number, monthIndex: number): number {
  const lastDayMs = Date.UTC(year, monthIndex + 1, 0, 1);
  const weekday = new Date(lastDayMs).getUTCDay(); // 0 = Sunday
  return lastDayMs - weekday * DAY_MS;
}

function parisOffsetMinutes(epochMs: number): 60 | 120 {
  const year = 1970 + floor(epochMs / MEAN_YEAR_MS);
  let summer = summerTimeByYear[year - 1970];
  if (summer === undefined) {
    summer = [lastSundayAt1Utc(year, 2), lastSundayAt1Utc(year, 9)];
    summerTimeByYear[year - 1970] = summer;
  }
  return epochMs >= summer[0] && epochMs < summer[1] ? 120 : 60;
}

/** y * 10000 + m * 100 + d by local day number (days since 1970-01-01 in Paris wall time). */
const dateByLocalDay = new Map<number, number>();

/**
 * An instant as Jira Cloud writes it, in Europe/Paris with a colon-less offset, for years 1996 (EU rule) to 9999.
 * Built with one String.fromCharCode call (a flat string, no concatenation chain) from a per-day date cache, because
 * string building and its garbage are most of the cost of a 300 000-history export.
 * @example formatJiraDateTime(Date.UTC(2026, 2, 2, 8, 15)) // '2026-03-02T09:15:00.000+0100'
 */
export function formatJiraDateTime(epochMs: number): string {
  if (!isInteger(epochMs) || epochMs < EU_RULE_FROM_MS || epochMs >= YEAR_10000_MS) {
    throw new RangeError('formatJiraDateTime: epochMs must be an integer instant in years 1996 to 9999');
  }
  const offsetMinutes = parisOffsetMinutes(epochMs);
  const wallMs = epochMs + offsetMinutes * MINUTE_MS;
  const localDay = floor(wallMs / DAY_MS);
  let ymd = dateByLocalDay.get(localDay);
  if (ymd === undefined) {
    const date = new Date(localDay * DAY_MS);
    ymd = date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
    dateByLocalDay.set(localDay, ymd);
  }
  const year = floor(ymd / 10000);
  const month = floor(ymd / 100) % 100;
  const day = ymd % 100;
  let rest = wallMs - localDay * DAY_MS;
  const hours = floor(rest / HOUR_MS);
  rest -= hours * HOUR_MS;
  const minutes = floor(rest / MINUTE_MS);
  rest -= minutes * MINUTE_MS;
  const seconds = floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const ZERO = 48;
  return fromCharCode(
    ZERO + floor(year / 1000),
    ZERO + (floor(year / 100) % 10),
    ZERO + (floor(year / 10) % 10),
    ZERO + (year % 10),
    45, // -
    ZERO + floor(month / 10),
    ZERO + (month % 10),
    45,
    ZERO + floor(day / 10),
    ZERO + (day % 10),
    84, // T
    ZERO + floor(hours / 10),
    ZERO + (hours % 10),
    58, // :
    ZERO + floor(minutes / 10),
    ZERO + (minutes % 10),
    58,
    ZERO + floor(seconds / 10),
    ZERO + (seconds % 10),
    46, // .
    ZERO + floor(millis / 100),
    ZERO + (floor(millis / 10) % 10),
    ZERO + (millis % 10),
    43, // +
    ZERO,
    ZERO + offsetMinutes / 60,
    ZERO,
    ZERO, // 0100 or 0200
  );
}

/**
 * The instant of a Paris wall time (month 1-12). The repeated hour of the October fall-back gives the later (winter)
 * instant; wall times inside the March spring-forward gap do not exist and are not supported.
 */
export function parisWallTimeToEpochMs(year: number, month: number, day: number, hour: number, minute = 0): number {
  const asUtcMs = Date.UTC(year, month - 1, day, hour, minute);
  const offsetMinutes = parisOffsetMinutes(asUtcMs - HOUR_MS);
  return asUtcMs - offsetMinutes * MINUTE_MS;
}

// ---- Builders ----

export function anAgileSprint(args: {
  readonly id: number;
  readonly name: string;
  readonly goal: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly completeMs: number | null;
  readonly state: AgileSprint['state'];
}): AgileSprint {
  const base = {
    id: args.id,
    self: `${JIRA_SITE}/rest/agile/1.0/sprint/${args.id}`,
    state: args.state,
    name: args.name,
    startDate: new Date(args.startMs).toISOString(),
    endDate: new Date(args.endMs).toISOString(),
  };
  const tail = { originBoardId: BOARD_ID, goal: args.goal };
  return args.completeMs === null
    ? { ...base, ...tail }
    : { ...base, completeDate: new Date(args.completeMs).toISOString(), ...tail };
}

const sprintFieldValues = new WeakMap<AgileSprint, JiraSprintFieldValue>();

/** The issue-field form of a sprint; cached and frozen per sprint bean. */
export function sprintFieldValue(sprint: AgileSprint): JiraSprintFieldValue {
  const cached = sprintFieldValues.get(sprint);
  if (cached !== undefined) return cached;
  const base = {
    id: sprint.id,
    name: sprint.name,
    state: sprint.state,
    boardId: sprint.originBoardId,
    goal: sprint.goal,
  };
  const dates = { startDate: sprint.startDate, endDate: sprint.endDate };
  const value: JiraSprintFieldValue = Object.freeze(
    sprint.completeDate === undefined
      ? { ...base, ...dates }
      : { ...base, ...dates, completeDate: sprint.completeDate },
  );
  sprintFieldValues.set(sprint, value);
  return value;
}

export function aVersion(args: {
  readonly id: string;
  readonly name: string;
  readonly releaseDate: string;
  readonly released: boolean;
}): JiraVersion {
  return {
    self: `${JIRA_SITE}/rest/api/3/version/${args.id}`,
    id: args.id,
    name: args.name,
    archived: false,
    released: args.released,
    releaseDate: args.releaseDate,
    projectId: PROJECT_ID,
  };
}

const issueVersions = new WeakMap<JiraVersion, JiraIssueVersion>();

/** The issue-field form of a version; cached and frozen per version bean. */
export function issueVersion(version: JiraVersion): JiraIssueVersion {
  const cached = issueVersions.get(version);
  if (cached !== undefined) return cached;
  const value: JiraIssueVersion = Object.freeze({
    self: version.self,
    id: version.id,
    name: version.name,
    archived: version.archived,
    released: version.released,
    releaseDate: version.releaseDate,
  });
  issueVersions.set(version, value);
  return value;
}
