// The contract's vocabulary (decisions.md, "Vocabulary"): kinds of issue, their severity scales, service levels and
// environments, and the aliases accepted when reading values from Jira (case and accents ignored).
import { foldName } from '../text';

export const ISSUE_KINDS = ['anomaly', 'incident', 'doc-anomaly', 'service-request'] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

// The severity scales, most severe first: anomalies and incidents share one; a service request's is its urgency.
export const ANOMALY_SEVERITIES = ['blocking', 'major', 'minor'] as const;
export const DOC_SEVERITIES = ['critical', 'major', 'minor'] as const;
export const URGENCIES = ['high', 'medium', 'low'] as const;
export type AnomalySeverity = (typeof ANOMALY_SEVERITIES)[number];
export type DocSeverity = (typeof DOC_SEVERITIES)[number];
export type Urgency = (typeof URGENCIES)[number];
/** The severity of an issue on its kind's scale: a service request's "severity" is its urgency. */
export type Severity = AnomalySeverity | DocSeverity | Urgency;

/**
 * An issue's kind with a severity on that kind's scale: switching on `kind` narrows `severity` to the right scale.
 * Build it with qualificationOf.
 */
export type Qualification =
  | { readonly kind: 'anomaly'; readonly severity: AnomalySeverity }
  | { readonly kind: 'incident'; readonly severity: AnomalySeverity }
  | { readonly kind: 'doc-anomaly'; readonly severity: DocSeverity }
  | { readonly kind: 'service-request'; readonly severity: Urgency };

const isOnScale = <T extends string>(scale: readonly T[], value: string): value is T =>
  scale.some((name) => name === value);

/**
 * The qualification of an issue of this kind with this severity (a scale's own name, not an alias: see
 * readSeverity); null when there is no severity or it is not on the kind's scale.
 * @example qualificationOf('doc-anomaly', 'critical') // { kind: 'doc-anomaly', severity: 'critical' }
 * @example qualificationOf('anomaly', 'critical') // null: not on the anomaly scale
 */
export const qualificationOf = (kind: IssueKind, severity: string | null): Qualification | null => {
  if (severity === null) return null;
  switch (kind) {
    case 'anomaly':
      return isOnScale(ANOMALY_SEVERITIES, severity) ? { kind, severity } : null;
    case 'incident':
      return isOnScale(ANOMALY_SEVERITIES, severity) ? { kind, severity } : null;
    case 'doc-anomaly':
      return isOnScale(DOC_SEVERITIES, severity) ? { kind, severity } : null;
    case 'service-request':
      return isOnScale(URGENCIES, severity) ? { kind, severity } : null;
  }
};

/**
 * A severity's name on the kind's scale (as the wire and the store carry it), or null when it is not on that scale.
 * @example severityOnScale('service-request', 'high') // 'high'
 */
export const severityOnScale = (kind: IssueKind, value: string): Severity | null =>
  qualificationOf(kind, value)?.severity ?? null;

const SEVERITIES: readonly Severity[] = [...ANOMALY_SEVERITIES, ...DOC_SEVERITIES, ...URGENCIES];

/** Whether a name is a severity on any kind's scale. */
export const isSeverity = (value: string): value is Severity => isOnScale(SEVERITIES, value);

export type ServiceLevel = 'gold' | 'silver' | 'bronze';
export type Environment = 'validation' | 'production';

const aliases = <T extends string>(table: Readonly<Record<string, T>>): ReadonlyMap<string, T> =>
  new Map(Object.entries(table).map(([alias, value]) => [foldName(alias), value]));

// "critique" in the indicator table means blocking (A8).
const ANOMALY_SEVERITY_ALIASES = aliases<AnomalySeverity>({
  bloquante: 'blocking',
  bloquant: 'blocking',
  blocking: 'blocking',
  blocker: 'blocking',
  critique: 'blocking',
  critical: 'blocking',
  majeure: 'major',
  majeur: 'major',
  major: 'major',
  mineure: 'minor',
  mineur: 'minor',
  minor: 'minor',
});
const DOC_SEVERITY_ALIASES = aliases<DocSeverity>({
  critique: 'critical',
  critical: 'critical',
  bloquante: 'critical',
  bloquant: 'critical',
  blocking: 'critical',
  majeure: 'major',
  majeur: 'major',
  major: 'major',
  mineure: 'minor',
  mineur: 'minor',
  minor: 'minor',
});
const URGENCY_ALIASES = aliases<Urgency>({
  elevee: 'high',
  eleve: 'high',
  haute: 'high',
  haut: 'high',
  high: 'high',
  moyenne: 'medium',
  moyen: 'medium',
  medium: 'medium',
  basse: 'low',
  bas: 'low',
  low: 'low',
});
const SERVICE_LEVELS = aliases<ServiceLevel>({
  or: 'gold',
  gold: 'gold',
  argent: 'silver',
  silver: 'silver',
  bronze: 'bronze',
});
const ENVIRONMENTS = aliases<Environment>({
  validation: 'validation',
  acc: 'validation',
  recette: 'validation',
  preprod: 'validation',
  'pre-prod': 'validation',
  'pre-production': 'validation',
  preproduction: 'validation',
  acceptance: 'validation',
  production: 'production',
  prod: 'production',
});

/** Reads a severity on the kind's scale; null when the text is not one of the scale's names or aliases. */
export const readSeverity = (kind: IssueKind, text: string): Severity | null => {
  const scale =
    kind === 'doc-anomaly'
      ? DOC_SEVERITY_ALIASES
      : kind === 'service-request'
        ? URGENCY_ALIASES
        : ANOMALY_SEVERITY_ALIASES;
  return scale.get(foldName(text)) ?? null;
};

/** Reads a service level: OR/gold, ARGENT/silver, BRONZE/bronze. */
export const readServiceLevel = (text: string): ServiceLevel | null => SERVICE_LEVELS.get(foldName(text)) ?? null;

/**
 * Reads a detection environment; a value that starts with a known name also counts ("Validation (ACC)").
 * @example readEnvironment('Pré-production') // 'validation'
 */
export const readEnvironment = (text: string): Environment | null => {
  const folded = foldName(text);
  const exact = ENVIRONMENTS.get(folded);
  if (exact) return exact;
  const firstWord = folded.split(/[\s(/,]/)[0] ?? '';
  return ENVIRONMENTS.get(firstWord) ?? null;
};

/** The scale's names, for messages. */
export const severityNames = (kind: IssueKind): string =>
  kind === 'doc-anomaly'
    ? 'Critique, Majeure, Mineure'
    : kind === 'service-request'
      ? 'Élevée, Moyenne, Basse'
      : 'Bloquante, Majeure, Mineure';
