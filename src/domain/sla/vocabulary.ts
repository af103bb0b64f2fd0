// The contract's vocabulary (decisions.md, "Vocabulary"): kinds of issue, their severity scales, service levels and
// environments, and the aliases accepted when reading values from Jira (case and accents ignored).
import { foldName } from '../text';

export const ISSUE_KINDS = ['anomaly', 'incident', 'doc-anomaly', 'service-request'] as const;
export type IssueKind = (typeof ISSUE_KINDS)[number];

export type AnomalySeverity = 'blocking' | 'major' | 'minor';
export type DocSeverity = 'critical' | 'major' | 'minor';
export type Urgency = 'high' | 'medium' | 'low';
/** The severity of an issue on its kind's scale: a service request's "severity" is its urgency. */
export type Severity = AnomalySeverity | DocSeverity | Urgency;

export type ServiceLevel = 'gold' | 'silver' | 'bronze';
export type Environment = 'validation' | 'production';

const aliases = <T extends string>(table: Readonly<Record<string, T>>): ReadonlyMap<string, T> =>
  new Map(Object.entries(table).map(([alias, value]) => [foldName(alias), value]));

// "critique" in the indicator table means blocking (A8).
const ANOMALY_SEVERITIES = aliases<AnomalySeverity>({
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
const DOC_SEVERITIES = aliases<DocSeverity>({
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
const URGENCIES = aliases<Urgency>({
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
  const scale = kind === 'doc-anomaly' ? DOC_SEVERITIES : kind === 'service-request' ? URGENCIES : ANOMALY_SEVERITIES;
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
