// The contract's vocabulary as people read it (decisions.md, "Vocabulary"): French first, English second.
// Shared by every surface that names kinds, severities, service levels, environments or anomaly classes.

export const vocabularyFr = {
  'kind.anomaly': 'Anomalie',
  'kind.incident': 'Incident',
  'kind.doc-anomaly': 'Anomalie documentaire',
  'kind.service-request': 'Demande de service',
  'kind.none': 'Type de ticket hors contrat',
  'severity.blocking': 'Bloquante',
  'severity.major': 'Majeure',
  'severity.minor': 'Mineure',
  'severity.critical': 'Critique',
  'severity.high': 'Élevée',
  'severity.medium': 'Moyenne',
  'severity.low': 'Basse',
  'level.gold': 'OR',
  'level.silver': 'ARGENT',
  'level.bronze': 'BRONZE',
  'environment.validation': 'Validation',
  'environment.production': 'Production',
  'class.validation': 'Anomalie de validation',
  'class.production': 'Anomalie de production',
  'class.unknown': 'Inconnue',
} as const;

export type VocabularyKey = keyof typeof vocabularyFr;

export const vocabularyEn: Record<VocabularyKey, string> = {
  'kind.anomaly': 'Anomaly',
  'kind.incident': 'Incident',
  'kind.doc-anomaly': 'Documentation anomaly',
  'kind.service-request': 'Service request',
  'kind.none': 'Issue type outside the contract',
  'severity.blocking': 'Blocking',
  'severity.major': 'Major',
  'severity.minor': 'Minor',
  'severity.critical': 'Critical',
  'severity.high': 'High',
  'severity.medium': 'Medium',
  'severity.low': 'Low',
  'level.gold': 'Gold',
  'level.silver': 'Silver',
  'level.bronze': 'Bronze',
  'environment.validation': 'Validation',
  'environment.production': 'Production',
  'class.validation': 'Validation anomaly',
  'class.production': 'Production anomaly',
  'class.unknown': 'Unknown',
};
