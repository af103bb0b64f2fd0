// The fixed configuration of the local Jira site: the DEMAT project, its users and groups, fields, statuses and the
// workflow. Only what a Jira administrator would change while the workbench runs (workflow validators) lives in the
// state (local-jira-state.ts); everything here is constant and shared by every instance.
import { APP_FIELD_KEYS } from '../../src/contract';
import {
  JIRA_SITE,
  PROJECT_ID,
  STATUS_NAMES,
  statusBean,
  type IssueTypeName,
  type JiraStatus,
  type StatusName,
} from './jira-beans';

export { JIRA_SITE, PROJECT_ID, STATUS_NAMES, type IssueTypeName, type StatusName };

export const PROJECT_KEY = 'DEMAT';
export const PROJECT_NAME = "DEMAT'ADS – maintenance";
export const ISSUE_TYPE_NAMES: readonly IssueTypeName[] = [
  'Anomalie',
  'Incident',
  'Anomalie documentaire',
  'Demande de service',
  'Story',
];

// ---- The Forge app (ids of the demo installation) ----

export const APP_ID = '6f1c2a9e-4b7d-4c1e-9a55-0c7d3b2e8f10';
export const ENVIRONMENT_ID = 'ae2b6c1d-0f3e-4a8b-b5c2-7d9e1f0a3b4c';
/** The app's own Jira user (author of the app's writes; `atlassianId` of its events, which `ignoreSelf` filters). */
export const APP_ACCOUNT_ID = '557058:contract-sla-app';
export const APP_DISPLAY_NAME = 'Contract SLA';

/** `ari:cloud:ecosystem::extension/<appId>/<environmentId>/static/<moduleKey>`: Forge fields and workflow rules. */
export const forgeExtensionAri = (moduleKey: string): string =>
  `ari:cloud:ecosystem::extension/${APP_ID}/${ENVIRONMENT_ID}/static/${moduleKey}`;

/** The module key at the end of a Forge extension ARI, or null when the text is not one of this app's. */
export const moduleKeyOfAri = (ari: string): string | null => {
  const prefix = forgeExtensionAri('');
  return ari.startsWith(prefix) && ari.length > prefix.length ? ari.slice(prefix.length) : null;
};

// ---- Users and groups ----

export type DemoUser = {
  readonly accountId: string;
  /** The login the workbench shows in its user switcher (`claire.martin`). */
  readonly login: string;
  readonly displayName: string;
  readonly emailAddress: string;
  /** What the person is in the demo story. */
  readonly role: string;
  readonly groups: readonly string[];
  /** Global permission ADMINISTER. */
  readonly jiraAdministrator: boolean;
  /** Project permission ADMINISTER_PROJECTS on DEMAT (role Administrators). */
  readonly projectAdministrator: boolean;
};

export const ADMINISTRATION_GROUP = 'administration-demat';
export const CONTRACTOR_GROUP = 'titulaire-dev';
export const JIRA_ADMINS_GROUP = 'jira-admins-demat-ads';
export const JIRA_USERS_GROUP = 'jira-software-users-demat-ads';
const OTHER_TEAM_GROUP = 'urbanisme-sig';

export const GROUPS: readonly { readonly name: string; readonly groupId: string }[] = [
  { name: ADMINISTRATION_GROUP, groupId: '3c7a1f52-8e4b-4d0a-9b6e-1f2a3b4c5d01' },
  { name: CONTRACTOR_GROUP, groupId: '3c7a1f52-8e4b-4d0a-9b6e-1f2a3b4c5d02' },
  { name: JIRA_ADMINS_GROUP, groupId: '3c7a1f52-8e4b-4d0a-9b6e-1f2a3b4c5d03' },
  { name: JIRA_USERS_GROUP, groupId: '3c7a1f52-8e4b-4d0a-9b6e-1f2a3b4c5d04' },
  { name: OTHER_TEAM_GROUP, groupId: '3c7a1f52-8e4b-4d0a-9b6e-1f2a3b4c5d05' },
];

/** The permission scheme of DEMAT: these groups browse, create, edit and transition its issues. */
export const PROJECT_MEMBER_GROUPS: readonly string[] = [ADMINISTRATION_GROUP, CONTRACTOR_GROUP];

export const DEMO_USERS: readonly DemoUser[] = [
  {
    accountId: '5b10ac8d82e05b22cc7d4e01',
    login: 'claire.martin',
    displayName: 'Claire Martin',
    emailAddress: 'claire.martin@demat-ads.example',
    role: "Administration (maîtrise d'ouvrage), administratrice Jira",
    groups: [ADMINISTRATION_GROUP, JIRA_ADMINS_GROUP, JIRA_USERS_GROUP],
    jiraAdministrator: true,
    // Jira administrators sit in the project role Administrators of the default permission scheme.
    projectAdministrator: true,
  },
  {
    accountId: '5b10ac8d82e05b22cc7d4e02',
    login: 'sophie.bernard',
    displayName: 'Sophie Bernard',
    emailAddress: 'sophie.bernard@demat-ads.example',
    role: 'Administration, Product Owner (administratrice du projet DEMAT)',
    groups: [ADMINISTRATION_GROUP, JIRA_USERS_GROUP],
    jiraAdministrator: false,
    projectAdministrator: true,
  },
  {
    accountId: '5b10ac8d82e05b22cc7d4e03',
    login: 'paul.leroy',
    displayName: 'Paul Leroy',
    emailAddress: 'paul.leroy@titulaire.example',
    role: 'Titulaire, développeur',
    groups: [CONTRACTOR_GROUP, JIRA_USERS_GROUP],
    jiraAdministrator: false,
    projectAdministrator: false,
  },
  {
    accountId: '5b10ac8d82e05b22cc7d4e04',
    login: 'julie.moreau',
    displayName: 'Julie Moreau',
    emailAddress: 'julie.moreau@titulaire.example',
    role: 'Titulaire, Scrum master',
    groups: [CONTRACTOR_GROUP, JIRA_USERS_GROUP],
    jiraAdministrator: false,
    projectAdministrator: false,
  },
  {
    accountId: '5b10ac8d82e05b22cc7d4e05',
    login: 'marc.petit',
    displayName: 'Marc Petit',
    emailAddress: 'marc.petit@demat-ads.example',
    role: "Autre équipe : pas d'accès au projet DEMAT",
    groups: [OTHER_TEAM_GROUP, JIRA_USERS_GROUP],
    jiraAdministrator: false,
    projectAdministrator: false,
  },
];

export const userByLogin = (login: string): DemoUser => {
  const user = DEMO_USERS.find((u) => u.login === login);
  if (user === undefined) throw new RangeError(`userByLogin: no demo user ${login}`);
  return user;
};

export const canBrowseProject = (user: DemoUser): boolean => user.groups.some((g) => PROJECT_MEMBER_GROUPS.includes(g));

// ---- Fields ----

export type FieldKind = 'text' | 'datetime' | 'number' | 'sprint' | 'rank' | 'system';

export type FieldDef = {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly custom: boolean;
  readonly kind: FieldKind;
  readonly schema: {
    readonly type: string;
    readonly items?: string;
    readonly system?: string;
    readonly custom?: string;
    readonly customId?: number;
  };
  readonly clauseNames: readonly string[];
  readonly navigable: boolean;
  readonly orderable: boolean;
  readonly searchable: boolean;
  /** The app's Forge module key, for the app's own fields. */
  readonly appModuleKey?: string;
  /** Users cannot set it (PUT issue refuses it); only the owning app writes it, through /app/field. */
  readonly readOnly?: boolean;
  /** Custom-field validation (the manifest's `edit.validation`), run on every edit of the field. */
  readonly validation?: { readonly expression: string; readonly errorMessage: string };
};

export const SEVERITY_FIELD_ID = 'customfield_10100';
export const ENVIRONMENT_FIELD_ID = 'customfield_10101';
export const SERVICE_LEVEL_FIELD_ID = 'customfield_10102';
export const INCIDENT_START_FIELD_ID = 'customfield_10103';
export const ANOMALY_CLASS_FIELD_ID = 'customfield_10104';
export const SLA_STATUS_FIELD_ID = 'customfield_10105';
export const SLA_DUE_FIELD_ID = 'customfield_10106';
export const STORY_POINTS_FIELD_ID = 'customfield_10016';
export const RANK_FIELD_ID = 'customfield_10019';
export const SPRINT_FIELD_ID = 'customfield_10020';
/** A field of another Forge app installed on the site, whose module key is also `severity` (issue 8). */
export const OTHER_APP_SEVERITY_FIELD_ID = 'customfield_10200';
export const OTHER_APP_ID = '0b9d4e2c-7a1f-4e3b-8c6d-5f2a1e9b7c30';
export const OTHER_ENVIRONMENT_ID = 'c4e8a2f6-1b3d-4f5a-9e7c-2d6b8a0f1e35';

// Custom-field validation of the app's fields, as manifest.yml declares it (jira:customField `edit.validation`).
export const SEVERITY_VALIDATION_EXPRESSION =
  "value == null || ['Bloquante','Majeure','Mineure','Critique','Élevée','Moyenne','Basse'].includes(value)";
const SEVERITY_VALIDATION_MESSAGE =
  'Gravité : Bloquante, Majeure ou Mineure (Critique pour une anomalie documentaire ; Élevée, Moyenne ou Basse pour une demande de service). / Severity: Bloquante, Majeure or Mineure (Critique for documentation anomalies; Élevée, Moyenne or Basse for service requests).';
const ENVIRONMENT_VALIDATION = {
  expression: 'value == null || ["Validation", "Production"].includes(value)',
  errorMessage:
    'Environnement de détection : Validation ou Production. / Detection environment: Validation or Production.',
};
const SERVICE_LEVEL_VALIDATION = {
  expression: 'value == null || ["OR", "ARGENT", "BRONZE"].includes(value)',
  errorMessage: 'Niveau de service : OR, ARGENT ou BRONZE. / Service level: OR, ARGENT or BRONZE.',
};

const system = (id: string, name: string, type: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  id,
  key: id,
  name,
  custom: false,
  kind: 'system',
  schema: { type, system: id },
  clauseNames: [id],
  navigable: true,
  orderable: true,
  searchable: true,
  ...extra,
});

const appField = (
  customId: number,
  moduleKey: string,
  name: string,
  type: 'string' | 'datetime',
  readOnly: boolean,
  extra: Partial<FieldDef> = {},
): FieldDef => ({
  id: `customfield_${customId}`,
  // Forge fields are also addressed by `<appId>__<ENVIRONMENT_TYPE>__<moduleKey>` (forge-research.md §1).
  key: `${APP_ID}__DEVELOPMENT__${moduleKey}`,
  name,
  custom: true,
  kind: type === 'string' ? 'text' : 'datetime',
  schema: { type, custom: forgeExtensionAri(moduleKey), customId },
  clauseNames: [`cf[${customId}]`, name],
  navigable: true,
  orderable: !readOnly,
  searchable: true,
  appModuleKey: moduleKey,
  readOnly,
  ...extra,
});

export const FIELDS: readonly FieldDef[] = [
  system('summary', 'Résumé', 'string'),
  system('issuetype', 'Type de ticket', 'issuetype', { clauseNames: ['issuetype', 'type'] }),
  system('project', 'Projet', 'project'),
  system('status', 'État', 'status'),
  system('resolution', 'Résolution', 'resolution'),
  system('resolutiondate', 'Résolu', 'datetime', { orderable: false }),
  system('created', 'Création', 'datetime', { orderable: false, clauseNames: ['created', 'createdDate'] }),
  system('updated', 'Mise à jour', 'datetime', { orderable: false, clauseNames: ['updated', 'updatedDate'] }),
  system('reporter', 'Rapporteur', 'user'),
  system('assignee', 'Responsable', 'user'),
  {
    ...system('versions', 'Versions affectées', 'array', { clauseNames: ['affectedVersion'] }),
    schema: { type: 'array', items: 'version', system: 'versions' },
  },
  {
    ...system('fixVersions', 'Versions corrigées', 'array', { clauseNames: ['fixVersion'] }),
    schema: { type: 'array', items: 'version', system: 'fixVersions' },
  },
  appField(10100, APP_FIELD_KEYS.severity, 'Gravité', 'string', false, {
    validation: { expression: SEVERITY_VALIDATION_EXPRESSION, errorMessage: SEVERITY_VALIDATION_MESSAGE },
  }),
  appField(10101, APP_FIELD_KEYS.environment, 'Environnement de détection', 'string', false, {
    validation: ENVIRONMENT_VALIDATION,
  }),
  appField(10102, APP_FIELD_KEYS.serviceLevel, 'Niveau de service', 'string', false, {
    validation: SERVICE_LEVEL_VALIDATION,
  }),
  appField(10103, APP_FIELD_KEYS.incidentStart, "Début d'incident", 'datetime', false),
  appField(10104, APP_FIELD_KEYS.anomalyClass, "Classe d'anomalie", 'string', true),
  appField(10105, APP_FIELD_KEYS.slaStatus, 'Statut SLA', 'string', true),
  appField(10106, APP_FIELD_KEYS.slaDue, 'Échéance SLA', 'datetime', true),
  // Another Forge app's field with the same module key as the app's "Gravité": its extension ARI differs only by the
  // app and environment ids, so the app must match the whole ARI, not the /static/<moduleKey> suffix.
  {
    id: OTHER_APP_SEVERITY_FIELD_ID,
    key: `${OTHER_APP_ID}__PRODUCTION__${APP_FIELD_KEYS.severity}`,
    name: 'Severity (Incident Tracker)',
    custom: true,
    kind: 'text',
    schema: {
      type: 'string',
      custom: `ari:cloud:ecosystem::extension/${OTHER_APP_ID}/${OTHER_ENVIRONMENT_ID}/static/${APP_FIELD_KEYS.severity}`,
      customId: 10200,
    },
    clauseNames: ['cf[10200]', 'Severity (Incident Tracker)'],
    navigable: true,
    orderable: true,
    searchable: true,
  },
  {
    id: STORY_POINTS_FIELD_ID,
    key: STORY_POINTS_FIELD_ID,
    name: 'Story point estimate',
    custom: true,
    kind: 'number',
    schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId: 10016 },
    clauseNames: ['cf[10016]', 'Story point estimate'],
    navigable: true,
    orderable: true,
    searchable: true,
  },
  {
    id: RANK_FIELD_ID,
    key: RANK_FIELD_ID,
    name: 'Rank',
    custom: true,
    kind: 'rank',
    schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank', customId: 10019 },
    clauseNames: ['cf[10019]', 'Rank', 'rank'],
    navigable: true,
    orderable: true,
    searchable: true,
  },
  {
    id: SPRINT_FIELD_ID,
    key: SPRINT_FIELD_ID,
    name: 'Sprint',
    custom: true,
    kind: 'sprint',
    schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 },
    clauseNames: ['cf[10020]', 'Sprint', 'sprint'],
    navigable: true,
    orderable: true,
    searchable: true,
  },
];

export const APP_FIELD_IDS: readonly string[] = FIELDS.filter((f) => f.appModuleKey !== undefined).map((f) => f.id);

export const fieldById = (id: string): FieldDef | undefined => FIELDS.find((f) => f.id === id);

/** A field by id, key or (for the app's fields) `<appId>__<ENV>__<moduleKey>` key, as /app/field accepts them. */
export const fieldByIdOrKey = (idOrKey: string): FieldDef | undefined =>
  FIELDS.find((f) => f.id === idOrKey || f.key === idOrKey);

// ---- Statuses and workflows ----

export { statusBean, type JiraStatus };

export type TransitionDef = {
  readonly id: string;
  readonly name: string;
  readonly from: readonly StatusName[];
  readonly to: StatusName;
};

/** One transition list, shared by both workflows; transition ids are strings, as in Jira's REST API. */
export const TRANSITIONS: readonly TransitionDef[] = [
  { id: '11', name: 'Prendre en charge', from: ['À qualifier'], to: 'En cours' },
  { id: '21', name: 'Demander des informations', from: ['En cours'], to: 'En attente Administration' },
  { id: '31', name: 'Répondre', from: ['En attente Administration'], to: 'En cours' },
  { id: '41', name: 'Proposer un contournement', from: ['En cours'], to: 'En validation Administration' },
  { id: '51', name: 'Valider le contournement', from: ['En validation Administration'], to: 'Contournement validé' },
  { id: '61', name: 'Refuser', from: ['En validation Administration'], to: 'En cours' },
  {
    id: '71',
    name: 'Proposer la correction',
    from: ['En cours', 'Contournement validé'],
    to: 'En validation Administration',
  },
  { id: '81', name: 'Valider la correction', from: ['En validation Administration'], to: 'Validée' },
  { id: '91', name: 'Déployer en production', from: ['Validée'], to: 'En production' },
  { id: '101', name: 'Fermer', from: ['Validée', 'En production', 'Résolue'], to: 'Fermée' },
  { id: '111', name: 'Rouvrir', from: ['Validée', 'Fermée', 'Résolue'], to: 'En cours' },
  { id: '121', name: 'Résoudre', from: ['En cours'], to: 'Résolue' },
];

export const transitionById = (id: string): TransitionDef | undefined => TRANSITIONS.find((t) => t.id === id);

export const availableTransitions = (status: StatusName): readonly TransitionDef[] =>
  TRANSITIONS.filter((t) => t.from.includes(status));

/**
 * The workflow scheme of DEMAT: the contract's tickets share the maintenance workflow, which carries the app's
 * validators; stories follow the same statuses and transitions without validators (they have no severity).
 */
export const MAINTENANCE_WORKFLOW = 'DEMAT – maintenance';
export const DEVELOPMENT_WORKFLOW = 'DEMAT – développement';
export const WORKFLOW_NAMES: readonly string[] = [MAINTENANCE_WORKFLOW, DEVELOPMENT_WORKFLOW];
export const workflowOf = (issueType: IssueTypeName): string =>
  issueType === 'Story' ? DEVELOPMENT_WORKFLOW : MAINTENANCE_WORKFLOW;

export const DONE_STATUSES: readonly StatusName[] = STATUS_NAMES.filter(
  (s) => statusBean(s).statusCategory.key === 'done',
);

/** The app's `jira:workflowValidator` modules, as manifest.yml declares them (key, kind, expression, errorMessage). */
export type ValidatorModule = {
  readonly key: string;
  readonly type: 'expression' | 'function';
  readonly expression: string | null;
  readonly errorMessage: string;
};

const unconfigured = (validatorName: string): string =>
  `"Validateur non configuré : un administrateur Jira doit ouvrir « ${validatorName} » dans l'éditeur de workflow et enregistrer sa configuration. / Validator not configured: a Jira administrator must open it in the workflow editor and save its configuration."`;
/** The manifest's expressions of the two expression validators (test/forge/manifest.test.ts checks they are the same). */
export const UNCONFIGURED_SEVERITY_EXPRESSION = unconfigured('Contract SLA : gravité obligatoire');
export const UNCONFIGURED_AFFECTED_VERSION_EXPRESSION = unconfigured(
  'Contract SLA : version affectée pour une anomalie de production',
);

export const VALIDATOR_MODULES: readonly ValidatorModule[] = [
  {
    key: 'severity-required-validator',
    type: 'expression',
    // Fail closed until configured: a configuration's `expression` replaces this one (local-jira.ts runValidators).
    expression: UNCONFIGURED_SEVERITY_EXPRESSION,
    errorMessage: 'Renseignez la gravité avant cette transition. / Set the severity before this transition.',
  },
  {
    key: 'affected-version-validator',
    type: 'expression',
    expression: UNCONFIGURED_AFFECTED_VERSION_EXPRESSION,
    errorMessage:
      'Une anomalie de production doit indiquer la version affectée. / A production anomaly must name its affected version.',
  },
  {
    key: 'administration-validator',
    type: 'function',
    expression: null,
    errorMessage: "Transition réservée à l'Administration. / Only the Administration may perform this transition.",
  },
];

export const validatorModule = (key: string): ValidatorModule | undefined =>
  VALIDATOR_MODULES.find((m) => m.key === key);

// ---- Permissions (GET /rest/api/3/mypermissions) ----

export type PermissionDef = {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly type: 'GLOBAL' | 'PROJECT';
  readonly description: string;
};

export const PERMISSIONS: readonly PermissionDef[] = [
  {
    id: '0',
    key: 'ADMINISTER',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.',
  },
  {
    id: '10',
    key: 'BROWSE_PROJECTS',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
  },
  { id: '11', key: 'CREATE_ISSUES', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  { id: '12', key: 'EDIT_ISSUES', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  {
    id: '23',
    key: 'ADMINISTER_PROJECTS',
    name: 'Administer Projects',
    type: 'PROJECT',
    description: 'Ability to administer a project in Jira.',
  },
  {
    id: '46',
    key: 'TRANSITION_ISSUES',
    name: 'Transition Issues',
    type: 'PROJECT',
    description: 'Ability to transition issues.',
  },
];
