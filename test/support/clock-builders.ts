// Builders for clock facts: a history written as [local time, status] pairs, values as plain strings.
import { parseSettings, type Settings } from '../../src/app/settings/parse-settings';
import type { SprintWindow } from '../../src/domain/sla/next-sprint';
import type { ClockFacts, ClockSettings, ValueHistory } from '../../src/domain/sla/sla-clock';
import type { Environment, IssueKind, ServiceLevel, Severity } from '../../src/domain/sla/vocabulary';
import { ms } from './builders';

export const defaultSettings = (json: unknown = {}): Settings => {
  const parsed = parseSettings(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
};

export const clockSettings = (
  settings: Settings = defaultSettings(),
  sprints: readonly SprintWindow[] = [],
): ClockSettings => ({
  statuses: settings.statuses,
  targets: settings.targets,
  calendars: settings.calendars,
  sprints,
});

type Change<T> = readonly [local: string, value: T];

const history = <T extends string>(initial: T | null, changes: readonly Change<T | null>[] = []): ValueHistory<T> => {
  let previous = initial;
  return {
    initial,
    changes: changes.map(([local, to]) => {
      const change = { atMs: ms(local), from: previous, to, fromText: previous, toText: to };
      previous = to;
      return change;
    }),
  };
};

export const anIssue = (spec: {
  kind?: IssueKind;
  created: string;
  incidentStart?: string;
  status?: string;
  history?: readonly Change<string>[];
  severity?: Severity | null;
  severityChanges?: readonly Change<Severity | null>[];
  serviceLevel?: ServiceLevel | null;
  serviceLevelChanges?: readonly Change<ServiceLevel | null>[];
  environment?: Environment | null;
}): ClockFacts => ({
  kind: spec.kind ?? 'anomaly',
  createdAtMs: ms(spec.created),
  incidentStartAtMs: spec.incidentStart === undefined ? null : ms(spec.incidentStart),
  initialStatus: spec.status ?? 'À qualifier',
  statusChanges: (spec.history ?? []).map(([local, to]) => ({ atMs: ms(local), to })),
  severity: history<Severity>(spec.severity === undefined ? 'blocking' : spec.severity, spec.severityChanges),
  serviceLevel: history<ServiceLevel>(spec.serviceLevel ?? null, spec.serviceLevelChanges),
  environment: spec.environment === undefined ? 'validation' : spec.environment,
});

export const sprint = (name: string, startLocal: string, endLocal: string): SprintWindow => ({
  name,
  startMs: ms(startLocal),
  endMs: ms(endLocal),
});
