// Jira "exports" in the format of examples/sample-export.json: a /rest/api/3/search/jql page (issues expanded with
// their changelog, `names`, `isLast`) plus bulkfetch-style `changelogs`, agile `sprints` and project `versions`.
// Instants are Europe/Paris, written as Jira Cloud writes them (`2026-03-02T09:15:00.000+0100`, no colon in the
// offset). `generateExport` is deterministic for a seed (mulberry32, never Math.random) and fast enough for benches.
// The builders (`buildExport`, `formatJiraDateTime`, …) also made the hand-written sample, so both share one format.

// Jest runs modules in a vm context, where each lookup of a global (Math, String, Number) goes through an interceptor
// and made generation 4× slower than under plain node: hot paths use these module-scoped aliases instead.
const { floor, imul } = Math;
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
    timeZone: 'Europe/Paris',
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

/** One change of an issue: a status transition, a severity change (Gravité), or both at the same instant. */
export type IssueEvent = {
  readonly atMs: number;
  readonly by: UserRole;
  readonly toStatus?: StatusName;
  readonly toSeverity?: SeverityValue;
};

export type IssueSpec = {
  /** The issue is DEMAT-<number>, id 10000 + number. */
  readonly number: number;
  readonly type: IssueTypeName;
  readonly summary: string;
  readonly createdMs: number;
  /** Severity at creation; events may change it. */
  readonly severity: SeverityValue | null;
  readonly environment: EnvironmentValue | null;
  readonly serviceLevel: ServiceLevelValue | null;
  readonly incidentStartMs: number | null;
  readonly affectedVersions: readonly JiraVersion[];
  readonly sprints: readonly AgileSprint[];
  readonly storyPoints: number | null;
  /** Strictly increasing instants, all after `createdMs`. */
  readonly events: readonly IssueEvent[];
  /** Histories go to the top-level `changelogs` (bulkfetch shape) instead of `issue.changelog`. */
  readonly changelogAtTopLevel: boolean;
};

const SEVERITY_FIELD = 'customfield_10100';

/** The `items` of a status-only history, shared per (from, to) pair: 81 arrays at most, indexed by status index. */
const statusItemsByPair: (readonly JiraChangeItem[] | undefined)[] = [];
const STATUS_INDEX: ReadonlyMap<StatusName, number> = new Map(STATUS_NAMES.map((name, index) => [name, index]));

function statusItems(from: StatusName, to: StatusName): readonly JiraChangeItem[] {
  const key = (STATUS_INDEX.get(from) ?? 0) * STATUS_NAMES.length + (STATUS_INDEX.get(to) ?? 0);
  let items = statusItemsByPair[key];
  if (items === undefined) {
    items = Object.freeze([Object.freeze(statusItem(from, to))]);
    statusItemsByPair[key] = items;
  }
  return items;
}

function statusItem(from: StatusName, to: StatusName): JiraChangeItem {
  const fromBean = statusBean(from);
  const toBean = statusBean(to);
  return {
    field: 'status',
    fieldtype: 'jira',
    fieldId: 'status',
    from: fromBean.id,
    fromString: fromBean.name,
    to: toBean.id,
    toString: toBean.name,
  };
}

/** Assembles issues from specs; history ids are consecutive from `firstHistoryId`, in spec then event order. */
export function buildExport(
  specs: Iterable<IssueSpec>,
  extras: {
    readonly sprints: readonly AgileSprint[];
    readonly versions: readonly JiraVersion[];
    readonly firstHistoryId: number;
  },
): JiraExport {
  const issues: JiraIssue[] = [];
  const changelogs: JiraIssueChangeLog[] = [];
  let nextHistoryId = extras.firstHistoryId;
  // Consuming an iterable lets generateExport drop each spec once built, so its events die young (cheap GC).
  for (const spec of specs) {
    const { issue, histories } = buildIssue(spec, nextHistoryId);
    nextHistoryId += histories.length;
    issues.push(issue);
    if (spec.changelogAtTopLevel) changelogs.push({ issueId: issue.id, changeHistories: histories });
  }
  const names: Record<string, string> = { ...FIELD_NAMES };
  return { issues, names, isLast: true, changelogs, sprints: extras.sprints, versions: extras.versions };
}

function buildIssue(spec: IssueSpec, firstHistoryId: number): { issue: JiraIssue; histories: JiraChangeHistory[] } {
  const id = String(10000 + spec.number);
  let status: StatusName = 'À qualifier';
  let severity = spec.severity;
  let lastMs = spec.createdMs;
  const histories: JiraChangeHistory[] = new Array<JiraChangeHistory>(spec.events.length);
  for (let e = 0; e < spec.events.length; e++) {
    const event = spec.events[e] as IssueEvent;
    if (!(event.atMs > lastMs)) {
      throw new RangeError(`buildExport: DEMAT-${spec.number} event ${e} is not after the previous instant`);
    }
    lastMs = event.atMs;
    let items: readonly JiraChangeItem[];
    if (event.toSeverity === undefined) {
      if (event.toStatus === undefined)
        throw new RangeError(`buildExport: DEMAT-${spec.number} event ${e} changes nothing`);
      items = statusItems(status, event.toStatus);
      status = event.toStatus;
    } else {
      if (severity === null)
        throw new RangeError(`buildExport: DEMAT-${spec.number} changes a severity it does not have`);
      const from = optionBean(SEVERITY_FIELD, severity);
      const to = optionBean(SEVERITY_FIELD, event.toSeverity);
      const severityItem: JiraChangeItem = {
        field: 'Gravité',
        fieldtype: 'custom',
        fieldId: SEVERITY_FIELD,
        from: from.id,
        fromString: from.value,
        to: to.id,
        toString: to.value,
      };
      items = event.toStatus === undefined ? [severityItem] : [statusItem(status, event.toStatus), severityItem];
      severity = event.toSeverity;
      if (event.toStatus !== undefined) status = event.toStatus;
    }
    histories[e] = {
      id: `${firstHistoryId + e}`,
      author: USERS[event.by],
      created: formatJiraDateTime(event.atMs),
      items,
    };
  }
  const fields: JiraIssueFields = {
    summary: spec.summary,
    issuetype: issueTypeBean(spec.type),
    status: statusBean(status),
    created: formatJiraDateTime(spec.createdMs),
    updated: formatJiraDateTime(lastMs),
    versions: spec.affectedVersions.map(issueVersion),
    customfield_10100: severity === null ? null : optionBean(SEVERITY_FIELD, severity),
    customfield_10101: spec.environment === null ? null : optionBean('customfield_10101', spec.environment),
    customfield_10102: spec.serviceLevel === null ? null : optionBean('customfield_10102', spec.serviceLevel),
    customfield_10103: spec.incidentStartMs === null ? null : formatJiraDateTime(spec.incidentStartMs),
    customfield_10020: spec.sprints.length === 0 ? null : spec.sprints.map(sprintFieldValue),
    customfield_10016: spec.storyPoints,
  };
  const head = { id, key: `DEMAT-${spec.number}`, self: `${JIRA_SITE}/rest/api/3/issue/${id}`, fields };
  const issue: JiraIssue = spec.changelogAtTopLevel
    ? head
    : { ...head, changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories } };
  return { issue, histories };
}

// ---- Generator ----

export type GenerateExportOptions = {
  readonly issues: number;
  readonly transitionsPerIssue: number;
  readonly seed: number;
};

/** mulberry32: tiny, fast, and good enough to mix test data; the same seed always gives the same stream. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = readonly (readonly [T, number])[];
/** A weighted table with running totals, built once, so a draw is one random number and a short scan. */
type Picker<T> = { readonly values: readonly T[]; readonly upTo: readonly number[]; readonly total: number };

function picker<T>(table: Weighted<T>): Picker<T> {
  let total = 0;
  const upTo = table.map(([, weight]) => (total += weight));
  return { values: table.map(([value]) => value), upTo, total };
}

function pick<T>(random: () => number, { values, upTo, total }: Picker<T>): T {
  const r = random() * total;
  let i = 0;
  while (i < upTo.length - 1 && r >= (upTo[i] as number)) i++;
  return values[i] as T;
}

type Family = 'anomaly-production' | 'anomaly-validation' | 'ticket' | 'story';

// Workflow of the DEMAT project. Pauses: En attente / En validation Administration. Reopenings: back to En cours
// from a done status (a walk that reaches Fermée and still has transitions to make is reopened).
const WALK_TABLES: Readonly<Record<Family, Readonly<Partial<Record<StatusName, Weighted<StatusName>>>>>> = {
  'anomaly-production': {
    'À qualifier': [['En cours', 1]],
    'En cours': [
      ['En validation Administration', 6],
      ['En attente Administration', 4],
    ],
    'En attente Administration': [['En cours', 1]],
    'En validation Administration': [
      ['Contournement validé', 4],
      ['Validée', 4.5],
      ['En cours', 1.5],
    ],
    'Contournement validé': [['En cours', 1]],
    Validée: [
      ['En production', 8],
      ['En cours', 2],
    ],
    'En production': [
      ['Fermée', 9],
      ['En cours', 1],
    ],
    Fermée: [['En cours', 1]],
  },
  'anomaly-validation': {
    'À qualifier': [['En cours', 1]],
    'En cours': [
      ['En validation Administration', 6],
      ['En attente Administration', 4],
    ],
    'En attente Administration': [['En cours', 1]],
    'En validation Administration': [
      ['Contournement validé', 3],
      ['Validée', 5],
      ['En cours', 2],
    ],
    'Contournement validé': [['En cours', 1]],
    Validée: [
      ['Fermée', 8],
      ['En cours', 2],
    ],
    Fermée: [['En cours', 1]],
  },
  ticket: {
    'À qualifier': [['En cours', 1]],
    'En cours': [
      ['Résolue', 5],
      ['En attente Administration', 3],
      ['En validation Administration', 2],
    ],
    'En attente Administration': [['En cours', 1]],
    'En validation Administration': [
      ['Résolue', 7],
      ['En cours', 3],
    ],
    Résolue: [
      ['Fermée', 8],
      ['En cours', 2],
    ],
    Fermée: [['En cours', 1]],
  },
  story: {
    'À qualifier': [['En cours', 1]],
    'En cours': [
      ['En validation Administration', 8],
      ['En attente Administration', 2],
    ],
    'En attente Administration': [['En cours', 1]],
    'En validation Administration': [
      ['Validée', 7],
      ['En cours', 3],
    ],
    Validée: [
      ['Fermée', 8],
      ['En cours', 2],
    ],
    Fermée: [['En cours', 1]],
  },
};

const WALKS = Object.fromEntries(
  Object.entries(WALK_TABLES).map(([family, table]) => [
    family,
    Object.fromEntries(Object.entries(table).map(([from, next]) => [from, picker(next)])),
  ]),
) as Readonly<Record<Family, Readonly<Partial<Record<StatusName, Picker<StatusName>>>>>>;
const REOPEN: Picker<StatusName> = picker([['En cours', 1]]);

/** Transitions made by the Administration (acceptance, closing, reopening); the contractor makes the others. */
function isAdministrationMove(from: StatusName, to: StatusName): boolean {
  if (to === 'Contournement validé' || to === 'Validée' || to === 'Fermée') return true;
  return (
    to === 'En cours' && (from === 'Validée' || from === 'Résolue' || from === 'En production' || from === 'Fermée')
  );
}

const SUMMARIES: Readonly<Record<IssueTypeName, readonly string[]>> = {
  Anomalie: [
    "Erreur 500 à l'enregistrement d'une déclaration préalable",
    'Pièces jointes du dossier non transmises à PLATAU',
    "Calcul erroné du délai d'instruction après demande de pièces",
    "Recherche de dossier par numéro d'autorisation sans résultat",
    'Courrier de notification généré sans le nom du pétitionnaire',
  ],
  Incident: [
    'Indisponibilité du portail de dépôt en ligne',
    'Temps de réponse dégradés sur le service d’instruction',
    'Échec des échanges avec PLATAU (file de messages bloquée)',
    'Certificat TLS expiré sur le frontal de recette',
  ],
  'Anomalie documentaire': [
    "Manuel d'exploitation : procédure de reprise incomplète",
    'Guide utilisateur : captures obsolètes après la 4.3',
    "Dossier d'architecture : flux PLATAU non décrit",
  ],
  'Demande de service': [
    'Création de comptes instructeurs pour une nouvelle commune',
    'Extraction des dossiers déposés au trimestre',
    'Purge des dossiers de test en pré-production',
  ],
  Story: [
    "Affichage de l'historique des pièces complémentaires",
    'Export CSV des dossiers en cours par commune',
    "Relance automatique du pétitionnaire avant l'échéance",
  ],
};

const GENERATED_FIRST_SPRINT_START = { year: 2025, month: 1, day: 6 }; // a Monday
const GENERATED_SPRINTS = 53; // 4-week sprints up to January 2027
const GENERATED_EXPORT_AT_MS = parisWallTimeToEpochMs(2026, 12, 31, 12);
const CREATED_DAYS = 664; // 2025-01-06 .. 2026-10-31, so 50 days of history still end in 2026
const MAX_ISSUE_SPAN_MS = 50 * DAY_MS;

function generatedSprints(): AgileSprint[] {
  const sprints: AgileSprint[] = [];
  const { year, month, day } = GENERATED_FIRST_SPRINT_START;
  for (let k = 0; k < GENERATED_SPRINTS; k++) {
    // Monday 09:00 to the Friday of the fourth week 18:00 (20 business days); Date.UTC normalises day overflow.
    const startMs = parisWallTimeToEpochMs(year, month, day + 28 * k, 9);
    const endMs = parisWallTimeToEpochMs(year, month, day + 28 * k + 25, 18);
    const state = endMs <= GENERATED_EXPORT_AT_MS ? 'closed' : startMs <= GENERATED_EXPORT_AT_MS ? 'active' : 'future';
    sprints.push(
      anAgileSprint({
        id: 100 + k + 1,
        name: `DEMAT Sprint ${k + 1}`,
        goal: `Objectifs du sprint ${k + 1}`,
        startMs,
        endMs,
        completeMs: state === 'closed' ? endMs + 30 * MINUTE_MS : null,
        state,
      }),
    );
  }
  return sprints;
}

function generatedVersions(): JiraVersion[] {
  const versions: JiraVersion[] = [];
  // One release every two months from November 2024; the last one is still to come at export time.
  for (let k = 0; k < 14; k++) {
    const releaseMs = Date.UTC(2024, 10 + 2 * k, 14);
    versions.push(
      aVersion({
        id: String(10300 + k),
        name: `PLATAU 4.${k}`,
        releaseDate: new Date(releaseMs).toISOString().slice(0, 10),
        released: releaseMs < GENERATED_EXPORT_AT_MS,
      }),
    );
  }
  return versions;
}

const KINDS: Picker<IssueTypeName> = picker<IssueTypeName>([
  ['Anomalie', 45],
  ['Incident', 20],
  ['Anomalie documentaire', 10],
  ['Demande de service', 15],
  ['Story', 10],
]);
const ANOMALY_SEVERITIES: Picker<SeverityValue> = picker<SeverityValue>([
  ['Bloquante', 2],
  ['Majeure', 4.5],
  ['Mineure', 3.5],
]);
const DOC_SEVERITIES: Picker<SeverityValue> = picker<SeverityValue>([
  ['Critique', 2],
  ['Majeure', 4],
  ['Mineure', 4],
]);
const URGENCIES: Picker<SeverityValue> = picker<SeverityValue>([
  ['Élevée', 1],
  ['Moyenne', 2],
  ['Basse', 1],
]);
const SERVICE_LEVELS: Picker<ServiceLevelValue> = picker<ServiceLevelValue>([
  ['OR', 3],
  ['ARGENT', 4],
  ['BRONZE', 3],
]);
const STORY_POINTS: Picker<number> = picker<number>([
  [1, 2],
  [2, 3],
  [3, 3],
  [5, 2],
  [8, 1],
  [13, 0.5],
]);

/**
 * A seeded export of `issues` issues, each with exactly `transitionsPerIssue` status changes (plus, for about one
 * major anomaly or incident in twelve, a requalification to Bloquante by the Administration), spread over 2025–2026.
 * Every tenth issue keeps its histories in the top-level `changelogs`. Sub-objects (statuses, options, users,
 * sprints, versions) are shared and frozen where constant: treat the result as read-only.
 * @example generateExport({ issues: 2, transitionsPerIssue: 3, seed: 1 }).issues.length // 2
 */
export function generateExport(options: GenerateExportOptions): JiraExport {
  const { issues: issueCount, transitionsPerIssue, seed } = options;
  if (!isInteger(issueCount) || issueCount < 0) throw new RangeError('generateExport: issues must be an integer >= 0');
  if (!isInteger(transitionsPerIssue) || transitionsPerIssue < 0) {
    throw new RangeError('generateExport: transitionsPerIssue must be an integer >= 0');
  }
  const random = mulberry32(seed);
  const sprints = generatedSprints();
  const versions = generatedVersions();
  const sprintStartsMs = sprints.map((s) => Date.parse(s.startDate));
  const releasesMs = versions.map((v) => Date.parse(`${v.releaseDate}T00:00:00Z`));
  // Gaps between changes: 5 minutes to 3 days, narrowed so that an issue's history spans at most 50 days.
  const maxGapMs = Math.max(1000, Math.min(3 * DAY_MS, floor(MAX_ISSUE_SPAN_MS / (transitionsPerIssue + 1))));
  const minGapMs = Math.min(5 * MINUTE_MS, maxGapMs);
  const { year, month, day } = GENERATED_FIRST_SPRINT_START;
  function* specs(): Generator<IssueSpec> {
    for (let n = 0; n < issueCount; n++) {
      const type = pick(random, KINDS);
      const isAnomaly = type === 'Anomalie';
      const isIncident = type === 'Incident';

      // Created on a working day between 07:00 and 19:00 Paris time; incidents may also come at night or on weekends.
      let dayIndex = floor(random() * CREATED_DAYS);
      const weekday = dayIndex % 7; // 0 = Monday: day 0 is Monday 2025-01-06, the first sprint's start
      if (!isIncident && weekday >= 5) dayIndex += 7 - weekday;
      const minuteOfDay = isIncident ? floor(random() * 24 * 60) : 7 * 60 + floor(random() * 12 * 60);
      const createdMs = parisWallTimeToEpochMs(year, month, day + dayIndex, 0) + minuteOfDay * MINUTE_MS;

      let severity: SeverityValue | null = null;
      let environment: EnvironmentValue | null = null;
      let serviceLevel: ServiceLevelValue | null = null;
      let incidentStartMs: number | null = null;
      if (isAnomaly) {
        severity = pick(random, ANOMALY_SEVERITIES);
        environment = random() < 0.5 ? 'Production' : 'Validation';
      } else if (isIncident) {
        severity = pick(random, ANOMALY_SEVERITIES);
        serviceLevel = pick(random, SERVICE_LEVELS);
        if (random() < 0.3) incidentStartMs = createdMs - (5 + floor(random() * 235)) * MINUTE_MS;
      } else if (type === 'Anomalie documentaire') {
        severity = pick(random, DOC_SEVERITIES);
      } else if (type === 'Demande de service') {
        severity = pick(random, URGENCIES);
      }

      // Affected version: the latest release before creation (production), or the one under acceptance (validation).
      let affectedVersions: readonly JiraVersion[] = [];
      if (isAnomaly) {
        let released = -1;
        while (released + 1 < releasesMs.length && (releasesMs[released + 1] as number) <= createdMs) released++;
        const index = environment === 'Validation' && random() < 0.7 ? released + 1 : released;
        const version = versions[index];
        if (version !== undefined && random() < 0.88) affectedVersions = [version];
      }

      let issueSprints: readonly AgileSprint[] = [];
      let storyPoints: number | null = null;
      if (isAnomaly || type === 'Story') {
        let s = 0;
        while (s + 1 < sprintStartsMs.length && (sprintStartsMs[s + 1] as number) <= createdMs) s++;
        const first = sprints[s] as AgileSprint;
        const next = sprints[s + 1];
        issueSprints = next !== undefined && random() < 0.3 ? [first, next] : [first];
        storyPoints = type === 'Story' || random() < 0.6 ? pick(random, STORY_POINTS) : null;
      }

      const family: Family = isAnomaly
        ? environment === 'Production'
          ? 'anomaly-production'
          : 'anomaly-validation'
        : type === 'Story'
          ? 'story'
          : 'ticket';
      const walk = WALKS[family];
      const contractor: UserRole = n % 2 === 0 ? 'titulaire' : 'titulaire2';
      const requalifies = (isAnomaly || isIncident) && severity === 'Majeure' && random() < 1 / 12;
      const events: IssueEvent[] = [];
      let status: StatusName = 'À qualifier';
      let atMs = createdMs;
      let hadWorkaround = false;
      for (let t = 0; t < transitionsPerIssue; t++) {
        // Whole seconds; the square makes short gaps common and multi-day waits rare.
        atMs += minGapMs + floor((random() * random() * (maxGapMs - minGapMs)) / 1000) * 1000;
        let next: StatusName = pick(random, walk[status] ?? REOPEN);
        if (next === 'Contournement validé' && (hadWorkaround || severity === 'Mineure')) next = 'Validée';
        if (next === 'Contournement validé') hadWorkaround = true;
        events.push({ atMs, by: isAdministrationMove(status, next) ? 'administration' : contractor, toStatus: next });
        status = next;
        if (t === 0 && requalifies) {
          atMs += 10 * MINUTE_MS + floor(random() * 110) * MINUTE_MS;
          events.push({ atMs, by: 'administration', toSeverity: 'Bloquante' });
        }
      }

      const summaries = SUMMARIES[type];
      yield {
        number: n + 1,
        type,
        summary: summaries[n % summaries.length] as string,
        createdMs,
        severity,
        environment,
        serviceLevel,
        incidentStartMs,
        affectedVersions,
        sprints: issueSprints,
        storyPoints,
        events,
        changelogAtTopLevel: n % 10 === 3,
      };
    }
  }
  return buildExport(specs(), { sprints, versions, firstHistoryId: 100001 });
}
