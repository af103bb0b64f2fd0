// The app reads Jira into the same export shape the CLI reads from a file (search/jql issues, bulkfetch changelogs,
// board sprints, field names), then runs the same pipeline: the panel, the triggers and `contract-sla clocks`
// cannot disagree.
import { z } from 'zod';
import { isRecord } from '../domain/is-record';
import { resolveField } from './resolve-field';
import { APP_FIELD_KEYS, type ClocksReport, type IssueSlaView, type SlaStatus } from '../contract';
import { parseJiraExport } from '../jira/jira-export';
import { AppError } from './app-error';
import { clocksResultsOf, type IssueResult } from './compute-clocks-report';
import { fieldCatalogue, projectSprints, type FieldCatalogue } from './jira-catalogues';
import type { BoardConfiguration, Deps, JiraAs, SearchIssue, SprintBean } from './ports';
import type { Settings } from './settings/parse-settings';

export type SlaFieldIds = {
  readonly anomalyClass: string | null;
  readonly slaStatus: string | null;
  readonly slaDue: string | null;
};

/**
 * The settings with their field references pointed at the app's own fields, unless the stored document names
 * other fields explicitly (a site that already had a "Gravité" field, say).
 */
export const withAppFields = (
  settings: Settings,
  document: Readonly<Record<string, unknown>>,
  catalogue: FieldCatalogue,
): Settings => {
  const explicit = isRecord(document.fields) ? document.fields : {};
  const pick = (role: keyof Settings['fields'], moduleKey: string): string => {
    const appField = catalogue.appFields[moduleKey];
    return explicit[role] === undefined && appField !== undefined ? appField : settings.fields[role];
  };
  return {
    ...settings,
    fields: {
      severity: pick('severity', APP_FIELD_KEYS.severity),
      environment: pick('environment', APP_FIELD_KEYS.environment),
      serviceLevel: pick('serviceLevel', APP_FIELD_KEYS.serviceLevel),
      incidentStart: pick('incidentStart', APP_FIELD_KEYS.incidentStart),
    },
  };
};

export const slaFieldIds = (catalogue: FieldCatalogue): SlaFieldIds => ({
  anomalyClass: catalogue.appFields[APP_FIELD_KEYS.anomalyClass] ?? null,
  slaStatus: catalogue.appFields[APP_FIELD_KEYS.slaStatus] ?? null,
  slaDue: catalogue.appFields[APP_FIELD_KEYS.slaDue] ?? null,
});

/** A field reference of the settings as a field id of this site (names are looked up in the catalogue). */
export const fieldIdOf = (catalogue: FieldCatalogue, ref: string): string | null => {
  const field = resolveField(ref, catalogue.names);
  return field.found ? field.id : null;
};

/** The fields an SLA computation needs from each issue. */
export const fieldsToRead = (settings: Settings, catalogue: FieldCatalogue): string[] => {
  const ids = Object.values(settings.fields).map((ref) => fieldIdOf(catalogue, ref));
  const sla = Object.values(slaFieldIds(catalogue));
  return [
    ...new Set(
      ['issuetype', 'status', 'created', 'versions', 'project', ...ids, ...sla].filter((x): x is string => x !== null),
    ),
  ];
};

/**
 * The fields the sprint reserve needs (src/app/map-sprint-export.ts) on top of the clocks' ones: labels (urgent
 * items, D8), time logged and time tracking (the estimate's fallback), the board's estimation and rank fields (from
 * the board's configuration, JiraGateway.boardConfiguration) and the Sprint field. A field the site does not have is ignored
 * by the search.
 */
export const sprintFieldsToRead = (
  settings: Settings,
  catalogue: FieldCatalogue,
  boardConfiguration: BoardConfiguration,
): string[] => {
  const estimation = boardConfiguration.estimationFieldId;
  const rankId = boardConfiguration.rankCustomFieldId;
  const rank = rankId !== null ? `customfield_${rankId}` : fieldIdOf(catalogue, 'Rank');
  const sprint =
    fieldIdOf(catalogue, settings.reserve.sprintField) ??
    (/^customfield_\d+$/.test(settings.reserve.sprintField) ? settings.reserve.sprintField : null);
  const extra = [
    'labels',
    'timespent',
    'timetracking',
    'timeoriginalestimate',
    'timeestimate',
    estimation,
    rank,
    sprint,
  ];
  return [...new Set([...fieldsToRead(settings, catalogue), ...extra].filter((x): x is string => x !== null))];
};

/** The changelog fields that matter (bulkfetch accepts at most 10). */
const historyFields = (settings: Settings, catalogue: FieldCatalogue): string[] =>
  ['status', fieldIdOf(catalogue, settings.fields.severity), fieldIdOf(catalogue, settings.fields.serviceLevel)].filter(
    (x): x is string => x !== null,
  );

const projectSchema = z.looseObject({ key: z.string() });
const projectKeyOf = (issue: SearchIssue): string | null => {
  const project = projectSchema.safeParse(issue.fields?.project);
  return project.success ? project.data.key : null;
};

export type LiveReport = {
  readonly report: ClocksReport;
  /** The report's issues with their ids, in the report's order. */
  readonly results: readonly IssueResult[];
  readonly rawIssues: readonly SearchIssue[];
  readonly catalogue: FieldCatalogue;
  readonly settings: Settings;
};

/** Reads issues (by JQL, as app or user) with their full histories and computes their clocks as of `atMs`. */
/** `reconcileIssueIds`: issues just written, which the search must read consistently (at most MAX_RECONCILED_ISSUES). */
export const liveReport = async (
  deps: Deps,
  as: JiraAs,
  jql: string,
  baseSettings: Settings,
  document: Readonly<Record<string, unknown>>,
  atMs: number,
  reconcileIssueIds: readonly string[] = [],
  /** Issue properties the search returns with each issue (the recompute reads `contractSla`: issue 10). */
  properties: readonly string[] = [],
  /** Fields read besides the clocks' (the recompute reads `assignee` for the warnings: issue 10). */
  extraFields: readonly string[] = [],
): Promise<LiveReport> => {
  const catalogue = await fieldCatalogue(deps);
  const settings = withAppFields(baseSettings, document, catalogue);
  const rawIssues = await deps.jira.searchIssues(as, {
    jql,
    fields: [...new Set([...fieldsToRead(settings, catalogue), ...extraFields])],
    reconcileIssueIds,
    ...(properties.length > 0 ? { properties } : {}),
  });
  const ids = rawIssues.map((i) => i.id);
  // Histories are read as the app once the search (as the caller) has shown which issues may be read.
  const changelogs = ids.length > 0 ? await deps.jira.changelogs('app', ids, historyFields(settings, catalogue)) : [];
  const parse = (sprints: readonly SprintBean[]) => {
    const parsed = parseJiraExport({ issues: rawIssues, names: catalogue.names, changelogs, sprints });
    if (!parsed.ok)
      throw new AppError(
        'INTERNAL',
        `Jira's answer is not a search result: ${parsed.issues.map((i) => i.message).join('; ')}`,
      );
    return parsed.value;
  };
  let { report, results } = clocksResultsOf(parse([]), settings, atMs);
  // The board's sprints are read only when a "next sprint" deadline needs them (D7): most loads need no agile call.
  if (
    report.issues.some(
      (i) =>
        i.warnings.some((w) => w.code === 'NO_NEXT_SPRINT') || i.clocks.some((c) => c.target?.label === 'next-sprint'),
    )
  ) {
    const projects = [...new Set(rawIssues.map(projectKeyOf).filter((k): k is string => k !== null))];
    const sprints = (await Promise.all(projects.map((p) => projectSprints(deps, p)))).flat();
    if (sprints.length > 0) ({ report, results } = clocksResultsOf(parse(sprints), settings, atMs));
  }
  return { report, results, rawIssues, catalogue, settings };
};

/**
 * The issue's overall state for "Statut SLA": breached if a clock is breached; met when every clock stopped in
 * time; paused when every clock still counting is paused; running otherwise. Null without clocks.
 */
export const slaStatusOf = (issue: IssueSlaView): SlaStatus | null => {
  if (issue.clocks.length === 0) return null;
  if (issue.clocks.some((c) => c.breached)) return 'breached';
  const counting = issue.clocks.filter((c) => c.state !== 'stopped');
  if (counting.length === 0) return 'met';
  return counting.every((c) => c.state === 'paused') ? 'paused' : 'running';
};
