// The workflow validators' configuration screen (jira:workflowValidator create/edit).

export const validatorFr = {
  'validator.loading': 'Chargement des options…',
  'validator.title.severity-required': 'Gravité obligatoire',
  'validator.title.affected-version-required': 'Version affectée obligatoire en production',
  'validator.title.administration-only': 'Transition réservée à l’Administration',
  'validator.intro.severity-required': 'Refuse la transition tant que la gravité n’est pas renseignée.',
  'validator.intro.affected-version-required':
    'Refuse la transition d’une anomalie détectée en production qui n’a pas de version affectée.',
  'validator.intro.administration-only': 'Seuls les membres du groupe choisi peuvent effectuer la transition.',
  'validator.unknownKind': 'Impossible de savoir quel validateur configurer (module « {moduleKey} »).',
  'validator.severityField': 'Champ de gravité',
  'validator.environmentField': 'Champ d’environnement de détection',
  'validator.appField': '{name} (champ de l’application)',
  'validator.anomalyIssueTypes': 'Types de tickets « anomalie »',
  'validator.anomalyIssueTypes.help': 'Noms des types de tickets, séparés par des virgules (au moins un).',
  'validator.group': 'Groupe autorisé',
  'validator.noGroups': 'Aucun groupe trouvé.',
  'validator.transitionIds': 'Identifiants des transitions gardées',
  'validator.transitionIds.help':
    'Séparés par des virgules ; vide = toutes les transitions où ce validateur est placé.',
  'validator.transitionIds.invalid': 'Un identifiant de transition est un nombre : « {value} » n’en est pas un.',
  'validator.guardSeverity': 'Protéger aussi les changements de gravité',
  'validator.guardSeverity.help': 'Une gravité déjà renseignée ne peut être changée que par ce groupe (D5).',
  'validator.choose': '— choisir —',
  'validator.saveFailed': 'La configuration n’a pas pu être enregistrée : {message}',
  'validator.notReady': 'Les options ne sont pas encore chargées.',
  'validator.required': 'Ce champ est obligatoire.',
} as const;

export type ValidatorKey = keyof typeof validatorFr;

export const validatorEn: Record<ValidatorKey, string> = {
  'validator.loading': 'Loading options…',
  'validator.title.severity-required': 'Severity required',
  'validator.title.affected-version-required': 'Affected version required in production',
  'validator.title.administration-only': 'Transition reserved to the Administration',
  'validator.intro.severity-required': 'Refuses the transition until the severity is set.',
  'validator.intro.affected-version-required':
    'Refuses the transition of an anomaly detected in production that has no affected version.',
  'validator.intro.administration-only': 'Only members of the chosen group may make the transition.',
  'validator.unknownKind': 'Cannot tell which validator to configure (module “{moduleKey}”).',
  'validator.severityField': 'Severity field',
  'validator.environmentField': 'Detection environment field',
  'validator.appField': '{name} (the app’s field)',
  'validator.anomalyIssueTypes': 'Anomaly issue types',
  'validator.anomalyIssueTypes.help': 'Issue type names, separated by commas (at least one).',
  'validator.group': 'Allowed group',
  'validator.noGroups': 'No group found.',
  'validator.transitionIds': 'Guarded transition ids',
  'validator.transitionIds.help': 'Separated by commas; empty = every transition this validator is attached to.',
  'validator.transitionIds.invalid': 'A transition id is a number: “{value}” is not.',
  'validator.guardSeverity': 'Also protect severity changes',
  'validator.guardSeverity.help': 'A severity already set can be changed only by this group (D5).',
  'validator.choose': '— choose —',
  'validator.saveFailed': 'The configuration could not be saved: {message}',
  'validator.notReady': 'The options are not loaded yet.',
  'validator.required': 'This field is required.',
};
