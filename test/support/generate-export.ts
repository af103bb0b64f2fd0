// Jira "exports" in the format of examples/sample-export.json: a /rest/api/3/search/jql page (issues expanded with
// their changelog, `names`, `isLast`) plus bulkfetch-style `changelogs`, agile `sprints` and project `versions`.
// Instants are Europe/Paris, written as Jira Cloud writes them (`2026-03-02T09:15:00.000+0100`, no colon in the
// offset). `generateExport` is deterministic for a seed (mulberry32, never Math.random) and fast enough for benches.
// The beans (`formatJiraDateTime`, `statusBean`, …) are the local Jira's (workbench/local-jira/jira-beans.ts): they
// also made the hand-written sample, so both share one format.
import {
  FIELD_NAMES,
  JIRA_SITE,
  STATUS_NAMES,
  USERS,
  anAgileSprint,
  aVersion,
  formatJiraDateTime,
  issueTypeBean,
  issueVersion,
  optionBean,
  parisWallTimeToEpochMs,
  sprintFieldValue,
  statusBean,
  type AgileSprint,
  type EnvironmentValue,
  type IssueTypeName,
  type JiraChangeHistory,
  type JiraChangeItem,
  type JiraExport,
  type JiraIssue,
  type JiraIssueChangeLog,
  type JiraIssueFields,
  type JiraVersion,
  type ServiceLevelValue,
  type SeverityValue,
  type StatusName,
  type UserRole,
} from '../../workbench/local-jira/jira-beans';

// The beans the tests read along with the generator.
export {
  formatJiraDateTime,
  parisWallTimeToEpochMs,
  statusBean,
  type JiraChangeHistory,
  type JiraExport,
  type JiraIssue,
  type ServiceLevelValue,
  type SeverityValue,
  type StatusName,
};

// Jest runs modules in a vm context, where each lookup of a global (Math, String, Number) goes through an interceptor
// and made generation 4× slower than under plain node: hot paths use these module-scoped aliases instead.
const { floor, imul } = Math;
const { isInteger } = Number;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

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
