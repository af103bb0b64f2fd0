import { adminEn, adminFr } from '../../shared/src/i18n/admin';
import { commonEn, commonFr } from '../../shared/src/i18n/common';
import { vocabularyEn, vocabularyFr } from '../../shared/src/i18n/vocabulary';
import { makeUseT } from '../../shared/src/i18n/react';

// The `native` and `warnings` sections (issue 10).
const nativeFr = {
  'admin.section.native': 'Intégration Jira et avertissements',
  'admin.native.issueProperty': 'Écrire la propriété contractSla (recherche JQL et tri par SLA)',
  'admin.native.severityReadOnly': 'Gravité en lecture seule hors Administration',
  'admin.warnings.help':
    'Un avertissement par seuil et par cycle de délai ; un délai suspendu n’avertit jamais ; désactivés, les seuils franchis ne sont jamais envoyés ensuite.',
  'admin.warnings.enabled': 'Avertir avant le dépassement',
  'admin.warnings.thresholds': 'Seuils (% du délai, 100 = dépassement)',
  'admin.warnings.thresholdsHelp': 'Par exemple : 75, 100',
  'admin.warnings.notifyAssignee': 'Avertir le responsable',
  'admin.warnings.notifyWatchers': 'Avertir les observateurs',
  'admin.warnings.group': 'Groupe Jira à avertir aussi (Scrum master)',
} as const;
const nativeEn: Record<keyof typeof nativeFr, string> = {
  'admin.section.native': 'Jira integration and warnings',
  'admin.native.issueProperty': 'Write the contractSla property (JQL search and sort by SLA)',
  'admin.native.severityReadOnly': 'Severity read-only outside the Administration',
  'admin.warnings.help':
    'One warning per threshold and clock cycle; a paused clock never warns; while off, crossed thresholds are never sent later.',
  'admin.warnings.enabled': 'Warn before a breach',
  'admin.warnings.thresholds': 'Thresholds (% of the target, 100 = breach)',
  'admin.warnings.thresholdsHelp': 'For example: 75, 100',
  'admin.warnings.notifyAssignee': 'Notify the assignee',
  'admin.warnings.notifyWatchers': 'Notify the watchers',
  'admin.warnings.group': 'Jira group notified too (Scrum master)',
};

// The admin page's own wording overrides the common one (its FORBIDDEN names Jira administrators).
export const dictionaries = {
  fr: { ...commonFr, ...vocabularyFr, ...adminFr, ...nativeFr },
  en: { ...commonEn, ...vocabularyEn, ...adminEn, ...nativeEn },
};

export type AdminMessageKey = keyof typeof dictionaries.fr;

export const useT = makeUseT(dictionaries);
