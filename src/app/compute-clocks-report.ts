// Use case: a Jira export and the settings → every issue's clocks as of `at`, as the wire report. One broken issue
// gets its errors and the others are still computed; only an export that is not an export at all fails.
import { CONTRACT_ZONE } from '../domain/contract-zone';
import { classifyAnomaly } from '../domain/anomaly/classify-anomaly';
import { formatPath, ok, type Result } from '../domain/result';
import { cadenceSprints, type SprintWindow } from '../domain/sla/next-sprint';
import { computeIssueClocks, type ClockSettings, type SlaClock } from '../domain/sla/sla-clock';
import type { AnomalyClassReasonView, ClocksReport, ClockView, IssueSlaView, Notice } from '../contract';
import {
  isBroken,
  parseJiraExport,
  type BrokenIssue,
  type ExportSource,
  type JiraIssueRecord,
  type JiraSprint,
} from '../jira/jira-export';
import { mapIssue, resolveFields } from './map-issue';
import { formatInstant } from './format-instant';
import type { Settings } from './settings/parse-settings';

/** The settings' field roles, in the order their warnings are listed. */
const FIELD_ROLES = ['severity', 'environment', 'serviceLevel', 'incidentStart'] as const;
const YEAR_MS = 366 * 86_400_000;

/**
 * Sprints from the board (D7), then, when a cadence is set, the cadence's sprints that start after the board's last
 * dated one (future sprints in Jira often have no dates yet); without board sprints, the cadence alone.
 */
export const sprintWindows = (
  settings: Settings,
  sprints: readonly JiraSprint[],
  untilMs: number,
): readonly SprintWindow[] => {
  const dated = sprints.flatMap((s) =>
    s.startMs !== null && s.endMs !== null ? [{ name: s.name, startMs: s.startMs, endMs: s.endMs }] : [],
  );
  const standard = settings.calendars.standard;
  if (settings.sprintCadence === null || !standard) return dated;
  const lastEndMs = dated.reduce((max, s) => Math.max(max, s.endMs), -Infinity);
  const cadence = cadenceSprints(standard, settings.sprintCadence, untilMs).filter((s) => s.startMs >= lastEndMs);
  return [...dated, ...cadence];
};

export const clockView = (clock: SlaClock, zone: string): ClockView => {
  const iso = (ms: number): string => formatInstant(ms, zone);
  return {
    id: clock.id,
    calendar: clock.calendar,
    target:
      clock.target === null
        ? null
        : {
            label: clock.target.label,
            sprint:
              clock.target.sprint === null
                ? null
                : { name: clock.target.sprint.name, dueAt: iso(clock.target.sprint.endMs) },
          },
    targetMs: clock.targetMs,
    dueAt: clock.dueAtMs === null ? null : iso(clock.dueAtMs),
    elapsedMs: clock.elapsedMs,
    pausedMs: clock.pausedMs,
    remainingMs: clock.remainingMs,
    state: clock.state,
    breached: clock.breached,
    startedAt: iso(clock.startedAtMs),
    stoppedAt: clock.stoppedAtMs === null ? null : iso(clock.stoppedAtMs),
    segments: clock.segments.map((s) => ({
      from: iso(s.fromMs),
      to: iso(s.toMs),
      state: s.state,
      status: s.status,
      businessMs: s.businessMs,
    })),
    requalifications: clock.requalifications.map((r) => ({ at: iso(r.atMs), field: r.field, from: r.from, to: r.to })),
  };
};

/** A report whose issues are computed one at a time as they are read: the CLI writes each as it comes. */
export type StreamedClocksReport = {
  readonly at: string;
  readonly warnings: readonly Notice[];
  readonly issues: Iterable<IssueSlaView>;
  /** The same views, each with the id of its issue (null for an issue too broken to have one): matched by id, never by position. */
  readonly results: Iterable<IssueResult>;
};

/** One issue's view and the Jira id of its issue. */
export type IssueResult = {
  readonly issueId: string | null;
  readonly view: IssueSlaView;
  /**
   * "Échéance SLA": the due instant of the clock still counting that is due first, chosen by its epoch ms and given
   * as that clock's view shows it (null when no clock still counting has a due instant).
   */
  readonly nextDueAt: string | null;
  /** The domain's clocks (epoch ms), for what is computed from them besides the view (the stored SLA state). */
  readonly clocks: readonly SlaClock[];
};

/**
 * Computes the report from an export, lazily, issue by issue: its issues are walked once per iteration of `issues`
 * (or `results`), never before. The sprint windows (board sprints, then cadence sprints) reach a year past `at` and
 * past the latest creation seen so far: a clock only looks for the first sprint starting after its own start, so a
 * horizon that grows as issues come gives each issue the same sprint as one computed from all creations first.
 */
export const streamClocksReport = (
  jiraExport: ExportSource,
  settings: Settings,
  atMs: number,
): StreamedClocksReport => {
  const fields = resolveFields(settings.fields, jiraExport.names);
  let horizonMs = -Infinity;
  let clockSettings: ClockSettings | null = null;
  const clockSettingsFor = (createdAtMs: number): ClockSettings => {
    const neededMs = Math.max(atMs, createdAtMs) + YEAR_MS;
    if (clockSettings === null || neededMs > horizonMs) {
      // Without a cadence the windows do not depend on the horizon; with one, extend by a year at a time.
      horizonMs = clockSettings === null ? neededMs : neededMs + YEAR_MS;
      clockSettings = {
        statuses: settings.statuses,
        targets: settings.targets,
        calendars: settings.calendars,
        sprints: sprintWindows(settings, jiraExport.sprints, horizonMs),
      };
    }
    return clockSettings;
  };
  const warnings: Notice[] = jiraExport.notes.map((n) => ({
    code: n.code,
    message: `${formatPath(n.path)}: ${n.message}`,
  }));
  const hasNames = Object.keys(jiraExport.names).length > 0;
  for (const role of FIELD_ROLES) {
    const ref = fields[role];
    if (ref !== null && hasNames && jiraExport.names[ref.id] === undefined) {
      warnings.push({
        code: 'FIELD_NOT_FOUND',
        message: `field "${settings.fields[role]}" (settings fields.${role}) is not in the export's names: its values are read as empty`,
      });
    }
  }
  const resultOf = (issue: JiraIssueRecord | BrokenIssue): IssueResult => ({
    issueId: issue.id,
    ...viewOf(issue),
  });
  const viewOf = (issue: JiraIssueRecord | BrokenIssue): Omit<IssueResult, 'issueId'> => {
    if (isBroken(issue)) {
      const view: IssueSlaView = {
        key: issue.key,
        kind: null,
        severity: null,
        environment: null,
        anomalyClass: null,
        anomalyClassReason: null,
        serviceLevel: null,
        warnings: [],
        errors: issue.errors.map((e) => ({ code: e.code, path: formatPath(e.path), message: e.message })),
        clocks: [],
      };
      return { view, nextDueAt: null, clocks: [] };
    }
    const mapped = mapIssue(issue, settings, fields, jiraExport.versions);
    if (mapped.facts === null) {
      const view: IssueSlaView = {
        key: mapped.key,
        kind: null,
        severity: null,
        environment: null,
        anomalyClass: null,
        anomalyClassReason: null,
        serviceLevel: null,
        warnings: mapped.warnings,
        errors: [],
        clocks: [],
      };
      return { view, nextDueAt: null, clocks: [] };
    }
    const computed = computeIssueClocks(mapped.facts, clockSettingsFor(issue.createdAtMs), atMs);
    const issueWarnings: Notice[] = [...mapped.warnings, ...computed.warnings];
    let anomalyClass: IssueSlaView['anomalyClass'] = null;
    let anomalyClassReason: AnomalyClassReasonView | null = null;
    if (mapped.kind === 'anomaly') {
      const classified = classifyAnomaly(
        {
          environment: mapped.environment,
          createdAtMs: mapped.facts.createdAtMs,
          affectedVersions: mapped.affectedVersions,
        },
        settings.vsrMonths,
      );
      anomalyClass = classified.anomalyClass;
      const r = classified.reason;
      anomalyClassReason =
        'vsrEndsAtMs' in r
          ? {
              code: r.code,
              version: r.version,
              releaseDate: r.releaseDate,
              vsrEndsAt: formatInstant(r.vsrEndsAtMs, CONTRACT_ZONE),
            }
          : { code: r.code };
      if (anomalyClass === null && r.code === 'NO_RELEASED_VERSION') {
        issueWarnings.push({
          code: 'ANOMALY_CLASS_UNKNOWN',
          message:
            'production anomaly without an affected version that has a release date: its class (validation or production) is unknown (D6)',
        });
      }
    }
    const zoneOf = (calendarName: string): string => settings.calendars[calendarName]?.zone ?? CONTRACT_ZONE;
    const clocks = computed.clocks.map((c) => clockView(c, zoneOf(c.calendar)));
    let nextDueAt: string | null = null;
    let nextDueAtMs = Infinity;
    computed.clocks.forEach((c, i) => {
      if (c.state !== 'stopped' && c.dueAtMs !== null && c.dueAtMs < nextDueAtMs) {
        nextDueAtMs = c.dueAtMs;
        nextDueAt = clocks[i]?.dueAt ?? null;
      }
    });
    const view: IssueSlaView = {
      key: mapped.key,
      kind: mapped.kind,
      severity: computed.severity,
      environment: mapped.environment,
      anomalyClass,
      anomalyClassReason,
      serviceLevel: computed.serviceLevel,
      warnings: issueWarnings,
      errors: [],
      clocks,
    };
    return { view, nextDueAt, clocks: computed.clocks };
  };
  return {
    at: formatInstant(atMs, CONTRACT_ZONE),
    warnings,
    issues: {
      *[Symbol.iterator]() {
        for (const issue of jiraExport.issues) yield viewOf(issue).view;
      },
    },
    results: {
      *[Symbol.iterator]() {
        for (const issue of jiraExport.issues) yield resultOf(issue);
      },
    },
  };
};

/** Computes the whole report in memory (for resolvers and tests; the CLI streams). */
export const clocksReportOf = (jiraExport: ExportSource, settings: Settings, atMs: number): ClocksReport => {
  const streamed = streamClocksReport(jiraExport, settings, atMs);
  return { at: streamed.at, warnings: streamed.warnings, issues: [...streamed.issues] };
};

/** The report and, for each of its issues, the issue's id (what the field writes of a recompute need). */
export const clocksResultsOf = (
  jiraExport: ExportSource,
  settings: Settings,
  atMs: number,
): { readonly report: ClocksReport; readonly results: readonly IssueResult[] } => {
  const streamed = streamClocksReport(jiraExport, settings, atMs);
  const results = [...streamed.results];
  return { report: { at: streamed.at, warnings: streamed.warnings, issues: results.map((r) => r.view) }, results };
};

/** Parses an export (already JSON-decoded) and prepares its report, computed as it is read. */
export const computeClocksReport = (
  exportJson: unknown,
  settings: Settings,
  atMs: number,
): Result<StreamedClocksReport> => {
  const parsed = parseJiraExport(exportJson);
  return parsed.ok ? ok(streamClocksReport(parsed.value, settings, atMs)) : parsed;
};
