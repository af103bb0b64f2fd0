// The monthly report's figures: codes, French labels (the contract's own words where it has them, rules.md §6) and
// thresholds. Codes are stable SCREAMING_SNAKE identifiers, one per CSV row; the order here is the report's order.
import type { AnomalyClass } from '../anomaly/classify-anomaly';
import type { ClockId } from '../sla/targets';
import type { AnomalySeverity, DocSeverity, Environment, ServiceLevel, Urgency } from '../sla/vocabulary';

// The scales, in the report's order (most severe first).
export { ANOMALY_SEVERITIES, DOC_SEVERITIES, URGENCIES } from '../sla/vocabulary';
export const SERVICE_LEVELS: readonly ServiceLevel[] = ['gold', 'silver', 'bronze'];

export type EnvironmentCell = Environment | 'unknown';
export type ClassCell = AnomalyClass | 'unknown';

/** The anomaly clocks the contract gives a target (D3): no workaround for minor anomalies. */
export const ANOMALY_CLOCKS: readonly (readonly [ClockId, AnomalySeverity])[] = [
  ['workaround', 'blocking'],
  ['workaround', 'major'],
  ['resolution', 'blocking'],
  ['resolution', 'major'],
  ['resolution', 'minor'],
];

/**
 * Environment × class pairs always listed for anomalies, even when empty (D6 makes the others impossible: detected
 * in validation is always class validation; without environment, the class is unknown).
 */
export const ANOMALY_CELLS: readonly (readonly [EnvironmentCell, ClassCell])[] = [
  ['validation', 'validation'],
  ['production', 'validation'],
  ['production', 'production'],
  ['production', 'unknown'],
  ['unknown', 'unknown'],
];

/** IND_INC01/02/03 (rules.md §6.1, verbatim) and their thresholds, in percent. */
export const IND_INC: Readonly<
  Record<ServiceLevel, { readonly code: string; readonly label: string; readonly thresholdPercent: number }>
> = {
  gold: {
    code: 'IND_INC01',
    label: "Taux d'incidents déclarés critiques sur Niveau de Service OR résolus dans les délais (2H)",
    thresholdPercent: 95,
  },
  silver: {
    code: 'IND_INC02',
    label: "Taux d'incidents déclarés critiques sur Niveau de Service ARGENT résolus dans les délais (4H)",
    thresholdPercent: 90,
  },
  bronze: {
    code: 'IND_INC03',
    label: "Taux d'incidents déclarés critiques sur Niveau de Service Contrat Bronze résolus dans les délais (8H)",
    thresholdPercent: 85,
  },
};

/** IND_SUP01/02/03 (rules.md §6.1, verbatim): "critique" is blocking (A8). */
export const IND_SUP: Readonly<Record<AnomalySeverity, { readonly code: string; readonly label: string }>> = {
  blocking: { code: 'IND_SUP01', label: "Nombre d'Incidents Critiques ouverts" },
  major: { code: 'IND_SUP02', label: "Nombre d'Incidents Majeurs ouverts" },
  minor: { code: 'IND_SUP03', label: "Nombre d'Incidents Mineurs ouverts" },
};

const LEVEL_FR: Readonly<Record<ServiceLevel, string>> = { gold: 'OR', silver: 'ARGENT', bronze: 'BRONZE' };
const INCIDENT_SEVERITY_FR: Readonly<Record<AnomalySeverity, string>> = {
  blocking: 'bloquants',
  major: 'majeurs',
  minor: 'mineurs',
};
const ANOMALY_SEVERITY_FR: Readonly<Record<AnomalySeverity, string>> = {
  blocking: 'bloquantes',
  major: 'majeures',
  minor: 'mineures',
};
const DOC_SEVERITY_FR: Readonly<Record<DocSeverity, string>> = {
  critical: 'critiques',
  major: 'majeures',
  minor: 'mineures',
};
const URGENCY_FR: Readonly<Record<Urgency, string>> = { high: 'élevée', medium: 'moyenne', low: 'basse' };
const ENVIRONMENT_FR: Readonly<Record<EnvironmentCell, string>> = {
  validation: 'détectées en validation',
  production: 'détectées en production',
  unknown: 'environnement de détection inconnu',
};
const CLASS_FR: Readonly<Record<ClassCell, string>> = {
  validation: 'classe validation',
  production: 'classe production',
  unknown: 'classe inconnue',
};

const upper = (text: string): string => text.toUpperCase().replace(/-/g, '_');

export const incidentCode = (severity: AnomalySeverity, level: ServiceLevel): string =>
  severity === 'blocking' ? IND_INC[level].code : `INC_RESOLUTION_${upper(severity)}_${upper(level)}`;
export const incidentLabel = (severity: AnomalySeverity, level: ServiceLevel): string =>
  severity === 'blocking'
    ? IND_INC[level].label
    : `Incidents ${INCIDENT_SEVERITY_FR[severity]} sur Niveau de Service ${LEVEL_FR[level]} ` +
      'résolus dans les délais (GTR)';

export const anomalyCode = (
  clock: ClockId,
  severity: AnomalySeverity,
  cell?: readonly [EnvironmentCell, ClassCell],
): string =>
  `ANO_${upper(clock)}_${upper(severity)}${cell === undefined ? '' : `_ENV_${upper(cell[0])}_CLASS_${upper(cell[1])}`}`;
export const anomalyLabel = (
  clock: ClockId,
  severity: AnomalySeverity,
  cell?: readonly [EnvironmentCell, ClassCell],
): string => {
  const delay = clock === 'workaround' ? 'contournement' : 'résolution';
  const where = cell === undefined ? '' : ` (${ENVIRONMENT_FR[cell[0]]}, ${CLASS_FR[cell[1]]})`;
  return `Anomalies ${ANOMALY_SEVERITY_FR[severity]} : délai de ${delay} respecté${where}`;
};

export const docCode = (severity: DocSeverity): string => `DOC_RESOLUTION_${upper(severity)}`;
export const docLabel = (severity: DocSeverity): string =>
  `Anomalies documentaires ${DOC_SEVERITY_FR[severity]} corrigées dans les délais`;

export const requestCode = (urgency: Urgency): string => `SR_RESOLUTION_${upper(urgency)}`;
export const requestLabel = (urgency: Urgency): string =>
  `Demandes de service d'urgence ${URGENCY_FR[urgency]} traitées dans les délais`;

export const EMPTY_NOTES = {
  incident: 'aucun incident résolu dans le mois',
  anomalyWorkaround: 'aucune anomalie contournée dans le mois',
  anomalyResolution: 'aucune anomalie résolue dans le mois',
  docAnomaly: 'aucune anomalie documentaire résolue dans le mois',
  serviceRequest: 'aucune demande de service résolue dans le mois',
} as const;

export const ESCAPED_DEFECT_RATE = {
  code: 'ESCAPED_DEFECT_RATE',
  label:
    'Taux de défauts échappés (anomalies de classe production ÷ anomalies de classe validation créées dans le mois)',
  emptyNote: 'aucune anomalie de classe validation créée dans le mois',
} as const;

export type DurationMeasure = 'leadTime' | 'cycleTime' | 'workItemAge';

const MEASURE: Readonly<
  Record<
    DurationMeasure,
    { readonly code: string; readonly name: string; readonly span: string; readonly emptyNote: string }
  >
> = {
  leadTime: {
    code: 'LEAD_TIME',
    name: 'Lead time',
    span: 'création → livraison, tickets livrés dans le mois',
    emptyNote: 'aucun ticket livré dans le mois',
  },
  cycleTime: {
    code: 'CYCLE_TIME',
    name: 'Cycle time',
    span: 'premier passage en cours → livraison, tickets livrés dans le mois',
    emptyNote: 'aucun ticket livré dans le mois après un passage en cours',
  },
  workItemAge: {
    code: 'WORK_ITEM_AGE',
    name: 'Âge',
    span: 'création → fin du mois',
    emptyNote: 'aucun ticket ouvert en fin de mois',
  },
};
const STATISTIC_FR = { median: 'médian', mean: 'moyen', max: 'maximal' } as const;
const BASIS_FR = { calendar: 'temps calendaire', business: 'temps ouvré, calendrier standard' } as const;

export const durationCode = (
  measure: DurationMeasure,
  statistic: 'median' | 'mean' | 'max',
  basis: 'calendar' | 'business',
): string => `${MEASURE[measure].code}${basis === 'business' ? '_BUSINESS' : ''}_${statistic.toUpperCase()}`;
export const durationLabel = (
  measure: DurationMeasure,
  statistic: 'median' | 'mean' | 'max',
  basis: 'calendar' | 'business',
): string => {
  const name =
    measure === 'workItemAge'
      ? `Âge ${STATISTIC_FR[statistic]} des tickets ouverts`
      : `${MEASURE[measure].name} ${STATISTIC_FR[statistic]}`;
  return `${name} (${MEASURE[measure].span}), ${BASIS_FR[basis]}`;
};
export const durationEmptyNote = (measure: DurationMeasure): string => MEASURE[measure].emptyNote;

export const SPRINT_FIGURES = {
  predictability: { code: 'PREDICTABILITY', label: 'Prédictibilité (réalisé ÷ planifié hors bande passante)' },
  productivity: { code: 'PRODUCTIVITY', label: 'Productivité (réalisé ÷ temps passé, par heure)' },
} as const;
