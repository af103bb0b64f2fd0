import { commonEn, commonFr } from '../../shared/src/i18n/common';
import { vocabularyEn, vocabularyFr } from '../../shared/src/i18n/vocabulary';
import { panelEn, panelFr } from '../../shared/src/i18n/panel';
import { makeUseT } from '../../shared/src/i18n/react';

// The warnings sent before a breach (issue 10), listed under the clocks.
const warningsFr = {
  'warnings.title': 'Avertissements envoyés',
  'warnings.threshold': '{threshold} % du délai',
  'warnings.breach': 'délai dépassé',
  'warnings.clock.workaround': 'contournement',
  'warnings.clock.resolution': 'correction',
  'warnings.to.assignee': 'responsable',
  'warnings.to.watchers': 'observateurs',
  'warnings.status.sent': 'envoyé',
  'warnings.status.failed': 'refusé par Jira',
  'warnings.status.claimed': 'en cours d’envoi',
  'warnings.status.superseded': 'remplacé par un seuil plus haut',
  'warnings.status.suppressed': 'avertissements désactivés',
  'warnings.status.no-recipient': 'aucun destinataire',
} as const;
const warningsEn: Record<keyof typeof warningsFr, string> = {
  'warnings.title': 'Warnings sent',
  'warnings.threshold': '{threshold}% of the time',
  'warnings.breach': 'deadline passed',
  'warnings.clock.workaround': 'workaround',
  'warnings.clock.resolution': 'fix',
  'warnings.to.assignee': 'assignee',
  'warnings.to.watchers': 'watchers',
  'warnings.status.sent': 'sent',
  'warnings.status.failed': 'refused by Jira',
  'warnings.status.claimed': 'being sent',
  'warnings.status.superseded': 'superseded by a higher threshold',
  'warnings.status.suppressed': 'warnings switched off',
  'warnings.status.no-recipient': 'no recipient',
};

// The panel's own wording overrides the common one (its NOT_FOUND names the issue).
export const dictionaries = {
  fr: { ...commonFr, ...vocabularyFr, ...panelFr, ...warningsFr },
  en: { ...commonEn, ...vocabularyEn, ...panelEn, ...warningsEn },
};

export type PanelMessageKey = keyof typeof dictionaries.fr;

export const useT = makeUseT(dictionaries);

/** Whether `prefix.value` is a key of the dictionary, so a value the server adds later still shows (as itself). */
export const hasKey = (key: string): key is PanelMessageKey => key in dictionaries.fr;
