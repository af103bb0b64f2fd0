// The demo data of the local Jira: project DEMAT with 35 issues whose stories exercise every rule of the contract,
// three sprints and three versions, all placed relative to an anchor instant (the workbench's "now") in Europe/Paris.
// Invariants: deterministic (the same anchor gives the same state); every history lies before the anchor; events
// sit on working days of the standard calendar (Mon–Fri, French public holidays skipped, counted back from the
// Monday of the anchor week), so the business time between two events never depends on where holidays fall.
import { DateTime } from 'luxon';
import { CONTRACT_ZONE } from '../../src/domain/contract-zone';
import { publicHolidays } from '../../src/domain/calendar/french-holidays';
import {
  ANOMALY_CLASS_FIELD_ID,
  APP_FIELD_IDS,
  DONE_STATUSES,
  ENVIRONMENT_FIELD_ID,
  INCIDENT_START_FIELD_ID,
  MAINTENANCE_WORKFLOW,
  SERVICE_LEVEL_FIELD_ID,
  SEVERITY_FIELD_ID,
  fieldById,
  statusBean,
  transitionById,
  userByLogin,
  validatorModule,
  workflowOf,
  type IssueTypeName,
  type StatusName,
} from './catalog';
import { anAgileSprint, aVersion, formatJiraDateTime, type AgileSprint, type JiraVersion } from './jira-beans';
import {
  STATE_FORMAT,
  changeItem,
  type ChangeItem,
  type LocalJiraState,
  type StoredHistory,
  type StoredIssue,
  type WorkflowCondition,
  type WorkflowValidator,
} from './local-jira-state';
import { PROJECT_KEY } from './catalog';

const MINUTE_MS = 60_000;

// ---- Validators attached in the seed (the configurations the validator-config screen produces) ----

/** Module keys of the app's validators (manifest.yml, jira:workflowValidator). */
export const VALIDATOR_MODULE_KEYS = {
  severityRequired: 'severity-required-validator',
  affectedVersionRequired: 'affected-version-validator',
  administrationOnly: 'administration-validator',
} as const;

export const SEVERITY_REQUIRED_EXPRESSION =
  "issue.customfield_10100 != null ? true : 'Renseignez la gravité (Bloquante, Majeure ou Mineure) avant de prendre en charge. / Set the severity first.'";

export const AFFECTED_VERSION_REQUIRED_EXPRESSION =
  "(issue.issueType.name != 'Anomalie' || issue.customfield_10101 != 'Production' || issue.versions.length > 0) ? true : " +
  "'Une anomalie détectée en production doit indiquer la version affectée. / A production anomaly needs an affected version.'";

/** The validators of the seed: an expression validator's configuration carries its expression (it replaces the manifest's). */
export function demoValidators(): WorkflowValidator[] {
  const rule = (
    transitionId: string,
    moduleKey: string,
    config: Readonly<Record<string, unknown>>,
  ): WorkflowValidator => {
    const module = validatorModule(moduleKey);
    if (module === undefined) throw new RangeError(`demoValidators: no validator module ${moduleKey}`);
    return {
      workflow: MAINTENANCE_WORKFLOW,
      transitionId,
      ruleKey: moduleKey,
      type: module.type,
      expression: module.expression,
      errorMessage: module.errorMessage,
      configuration: config,
    };
  };
  const expression = rule;
  const administrationOnly = (transitionId: string): WorkflowValidator =>
    rule(transitionId, VALIDATOR_MODULE_KEYS.administrationOnly, {
      kind: 'administration-only',
      group: 'administration-demat',
      transitionIds: [],
      guardSeverity: true,
      severityFieldId: SEVERITY_FIELD_ID,
    });
  return [
    expression('11', VALIDATOR_MODULE_KEYS.severityRequired, {
      kind: 'severity-required',
      severityFieldId: SEVERITY_FIELD_ID,
      expression: SEVERITY_REQUIRED_EXPRESSION,
    }),
    expression('11', VALIDATOR_MODULE_KEYS.affectedVersionRequired, {
      kind: 'affected-version-required',
      environmentFieldId: ENVIRONMENT_FIELD_ID,
      anomalyIssueTypes: ['Anomalie'],
      expression: AFFECTED_VERSION_REQUIRED_EXPRESSION,
    }),
    administrationOnly('51'),
    administrationOnly('81'),
  ];
}

/**
 * The workflow conditions of the seed (issue 10, D5): "Valider le contournement" (51) and "Valider la correction" (81)
 * shown to the Administration only, with the configuration the validator-config screen saves for the settings' group.
 * The demo workflow has no transition of its own for qualifying the severity (the Administration sets the field, and
 * "Prendre en charge" is taken by the contractor's developers), so none is hidden there.
 */
export const DEMO_CONDITION_TRANSITIONS: readonly string[] = ['51', '81'];
export const DEMO_CONDITION_EXPRESSION = "user != null && user.groups.includes('administration-demat')";
export function demoConditions(): WorkflowCondition[] {
  return DEMO_CONDITION_TRANSITIONS.map((transitionId) => ({
    workflow: MAINTENANCE_WORKFLOW,
    transitionId,
    ruleKey: 'administration-condition',
    expression: DEMO_CONDITION_EXPRESSION,
    configuration: {
      kind: 'administration-condition',
      group: 'administration-demat',
      expression: DEMO_CONDITION_EXPRESSION,
    },
  }));
}

// ---- Time: working days counted back from the Monday of the anchor week ----

type Clock = {
  /** The n-th working day before the anchor week (1 = the last one, usually the Friday before) at a Paris wall time. */
  readonly wd: (n: number, hhmm: string) => number;
  /** Monday 00:00 of the anchor week plus whole days, at a Paris wall time (for sprints and versions). */
  readonly day: (offsetDays: number, hhmm: string) => number;
  readonly date: (offsetDays: number) => string;
};

function clockFor(anchorMs: number): Clock {
  const monday = DateTime.fromMillis(anchorMs, { zone: CONTRACT_ZONE }).startOf('week');
  const holidays = new Set<string>();
  for (let year = monday.year - 1; year <= monday.year; year++)
    for (const h of publicHolidays('FR', year, false)) holidays.add(h.date);
  const workingDays: DateTime[] = [];
  // 60 working days cover the oldest event of the seed (about 12 weeks back); at most 14 weekday holidays a year.
  for (let d = monday.minus({ days: 1 }); workingDays.length < 60; d = d.minus({ days: 1 })) {
    if (d.weekday <= 5 && !holidays.has(d.toISODate() as string)) workingDays.push(d);
  }
  const wall = (d: DateTime, hhmm: string): number => {
    const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
    return d.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
  };
  return {
    wd: (n, hhmm) => {
      const d = workingDays[n - 1];
      if (d === undefined) throw new RangeError(`seedDemo: working day ${n} is out of range`);
      return wall(d, hhmm);
    },
    day: (offsetDays, hhmm) => wall(monday.plus({ days: offsetDays }), hhmm),
    date: (offsetDays) => monday.plus({ days: offsetDays }).toISODate() as string,
  };
}

// ---- Stories ----

type Login = 'claire.martin' | 'sophie.bernard' | 'paul.leroy' | 'julie.moreau';
type VersionName = 'PLATAU 4.2' | 'PLATAU 4.3' | 'PLATAU 4.4';

type Step = { readonly atMs: number; readonly by: Login; readonly transition?: string; readonly severity?: string };

type Story = {
  readonly type: IssueTypeName;
  readonly summary: string;
  readonly createdMs: number;
  readonly reporter: Login;
  readonly assignee?: Login;
  readonly severity?: string;
  readonly environment?: 'Production' | 'Validation';
  readonly serviceLevel?: 'OR' | 'ARGENT' | 'BRONZE';
  readonly incidentStartMs?: number;
  readonly versions?: readonly VersionName[];
  readonly sprints?: readonly number[];
  readonly points?: number;
  /** Board order: lower first; issues without one follow, by key. */
  readonly rank?: number;
  readonly steps?: readonly Step[];
};

const step = (atMs: number, by: Login, transition: string): Step => ({ atMs, by, transition });

function demoStories(anchorMs: number, c: Clock): Story[] {
  const { wd } = c;
  const P = 'paul.leroy';
  const J = 'julie.moreau';
  const C = 'claire.martin';
  const S = 'sophie.bernard';
  return [
    // -- Sprint 1 (closed) --
    {
      type: 'Story',
      summary: "Affichage de l'historique des pièces complémentaires",
      createdMs: wd(48, '10:00'),
      reporter: S,
      assignee: P,
      sprints: [1],
      points: 5,
      steps: [
        step(wd(44, '09:30'), P, '11'),
        step(wd(36, '15:00'), P, '71'),
        step(wd(35, '11:00'), S, '81'),
        step(wd(27, '10:00'), S, '101'),
      ],
    },
    {
      type: 'Story',
      summary: 'Export CSV des dossiers en cours par commune',
      createdMs: wd(47, '11:00'),
      reporter: S,
      assignee: J,
      sprints: [1, 2],
      points: 3,
      steps: [
        step(wd(41, '10:00'), J, '11'),
        step(wd(22, '14:00'), J, '71'),
        step(wd(21, '10:00'), S, '81'),
        step(wd(20, '09:30'), S, '101'),
      ],
    },
    {
      // Minor validation anomaly: next sprint (created in sprint 1, due at the end of sprint 2), met.
      type: 'Anomalie',
      summary: 'Libellé tronqué dans la liste des pièces à fournir',
      createdMs: wd(38, '10:00'),
      reporter: S,
      assignee: J,
      severity: 'Mineure',
      environment: 'Validation',
      versions: ['PLATAU 4.3'],
      sprints: [1],
      points: 1,
      steps: [
        step(wd(38, '11:00'), J, '11'),
        step(wd(30, '10:00'), J, '71'),
        step(wd(29, '15:00'), S, '81'),
        step(wd(28, '09:00'), S, '101'),
      ],
    },
    {
      // Blocking validation anomaly: workaround met (2 h), resolution breached (11 h of 10 h), stopped at Validée.
      type: 'Anomalie',
      summary: "Calcul erroné du délai d'instruction après demande de pièces",
      createdMs: wd(34, '14:00'),
      reporter: C,
      assignee: P,
      severity: 'Bloquante',
      environment: 'Validation',
      versions: ['PLATAU 4.3'],
      sprints: [1],
      points: 2,
      steps: [
        step(wd(34, '14:10'), P, '11'),
        step(wd(34, '16:00'), P, '41'),
        step(wd(34, '17:00'), C, '51'),
        step(wd(33, '16:00'), P, '71'),
        step(wd(32, '10:00'), C, '81'),
        step(wd(31, '11:00'), C, '101'),
      ],
    },
    {
      // THE stopped breach: blocking production anomaly, workaround 12 h of 4 h, resolution 33.5 h of 10 h, deployed.
      type: 'Anomalie',
      summary: "Erreur 500 à l'enregistrement d'une déclaration préalable",
      createdMs: wd(33, '09:00'),
      reporter: C,
      assignee: P,
      severity: 'Bloquante',
      environment: 'Production',
      versions: ['PLATAU 4.2'],
      sprints: [1],
      points: 3,
      steps: [
        step(wd(33, '09:20'), P, '11'),
        step(wd(32, '11:00'), P, '41'),
        step(wd(32, '14:00'), C, '51'),
        step(wd(31, '10:00'), P, '71'),
        step(wd(30, '09:30'), S, '81'),
        step(wd(29, '15:00'), P, '91'),
        step(wd(27, '10:00'), C, '101'),
      ],
    },
    {
      // Silver minor incident: "En attente Administration" does not pause incidents (D4); 31 h of 50 h, met.
      type: 'Incident',
      summary: "Temps de réponse dégradés sur le service d'instruction",
      createdMs: wd(28, '10:00'),
      reporter: C,
      assignee: J,
      severity: 'Mineure',
      serviceLevel: 'ARGENT',
      steps: [
        step(wd(28, '10:30'), J, '11'),
        step(wd(27, '10:00'), J, '21'),
        step(wd(27, '15:00'), C, '31'),
        step(wd(25, '11:00'), J, '121'),
        step(wd(24, '10:00'), C, '101'),
      ],
    },
    {
      // Major production anomaly fixed (workaround clock stopped by Validée at 9 h of 10 h), closed, reopened, fixed again.
      type: 'Anomalie',
      summary: 'Pièces jointes du dossier non transmises à PLATAU',
      createdMs: wd(27, '10:00'),
      reporter: C,
      assignee: J,
      severity: 'Majeure',
      environment: 'Production',
      versions: ['PLATAU 4.2'],
      sprints: [1, 2],
      points: 3,
      steps: [
        step(wd(27, '10:30'), J, '11'),
        step(wd(26, '09:00'), J, '71'),
        step(wd(24, '09:00'), S, '81'),
        step(wd(23, '10:00'), C, '101'),
        step(wd(16, '14:00'), C, '111'),
        step(wd(15, '10:00'), P, '71'),
        step(wd(14, '16:00'), S, '81'),
        step(wd(13, '09:00'), C, '101'),
      ],
    },
    // -- Sprint 2 (closed) --
    {
      // Medium service request: paused 2 days waiting for the Administration, still 31 h of 20 h: breached.
      type: 'Demande de service',
      summary: 'Extraction des dossiers déposés au trimestre',
      createdMs: wd(26, '10:00'),
      reporter: C,
      assignee: P,
      severity: 'Moyenne',
      steps: [
        step(wd(26, '14:00'), P, '11'),
        step(wd(26, '15:00'), P, '21'),
        step(wd(24, '10:00'), C, '31'),
        step(wd(22, '16:00'), P, '121'),
        step(wd(21, '09:00'), C, '101'),
      ],
    },
    {
      type: 'Story',
      summary: "Tableau de bord des délais d'instruction par commune",
      createdMs: wd(26, '11:00'),
      reporter: S,
      assignee: J,
      sprints: [2, 3],
      points: 5,
      rank: 7,
      steps: [step(wd(16, '09:00'), J, '11')],
    },
    {
      type: 'Story',
      summary: "Relance automatique du pétitionnaire avant l'échéance",
      createdMs: wd(25, '14:00'),
      reporter: S,
      assignee: P,
      sprints: [2],
      points: 8,
      steps: [
        step(wd(24, '09:00'), P, '11'),
        step(wd(14, '16:00'), P, '71'),
        step(wd(13, '15:00'), S, '61'),
        step(wd(11, '11:00'), P, '71'),
        step(wd(10, '10:00'), S, '81'),
      ],
    },
    {
      // Gold blocking incident, started 40 min before it was reported: 1.5 h of 2 h, met.
      type: 'Incident',
      summary: 'Indisponibilité du portail de dépôt en ligne',
      createdMs: wd(20, '10:00'),
      reporter: C,
      assignee: P,
      severity: 'Bloquante',
      serviceLevel: 'OR',
      incidentStartMs: wd(20, '09:20'),
      steps: [step(wd(20, '10:05'), P, '11'), step(wd(20, '10:50'), P, '121'), step(wd(19, '09:00'), C, '101')],
    },
    {
      // Critical documentation anomaly: 16 h of 20 h, met.
      type: 'Anomalie documentaire',
      summary: "Manuel d'exploitation : procédure de reprise incomplète",
      createdMs: wd(18, '09:00'),
      reporter: S,
      assignee: J,
      severity: 'Critique',
      steps: [step(wd(18, '10:00'), J, '11'), step(wd(17, '15:00'), J, '121'), step(wd(16, '10:00'), S, '101')],
    },
    {
      // Bronze blocking incident started before creation: 4.25 h of 8 h, met.
      type: 'Incident',
      summary: 'Échec des échanges avec PLATAU (file de messages bloquée)',
      createdMs: wd(16, '14:00'),
      reporter: C,
      assignee: P,
      severity: 'Bloquante',
      serviceLevel: 'BRONZE',
      incidentStartMs: wd(16, '13:15'),
      steps: [step(wd(16, '14:05'), P, '11'), step(wd(16, '17:30'), P, '121'), step(wd(15, '10:00'), C, '101')],
    },
    {
      // Major production anomaly on 4.3 (validation class: within 2 months of the release): both clocks met.
      type: 'Anomalie',
      summary: 'Courrier de notification généré sans le nom du pétitionnaire',
      createdMs: wd(14, '09:00'),
      reporter: S,
      assignee: P,
      severity: 'Majeure',
      environment: 'Production',
      versions: ['PLATAU 4.3'],
      sprints: [2],
      points: 2,
      steps: [
        step(wd(14, '09:30'), P, '11'),
        step(wd(14, '15:00'), P, '41'),
        step(wd(13, '10:00'), S, '51'),
        step(wd(12, '11:00'), P, '71'),
        step(wd(11, '10:00'), C, '81'),
        step(wd(9, '14:00'), C, '101'),
      ],
    },
    {
      // High-urgency service request resolved, reopened, resolved again: 3.5 h of 4 h, met.
      type: 'Demande de service',
      summary: 'Création de comptes instructeurs pour une nouvelle commune',
      createdMs: wd(13, '09:00'),
      reporter: C,
      assignee: P,
      severity: 'Élevée',
      steps: [
        step(wd(13, '09:15'), P, '11'),
        step(wd(13, '11:00'), P, '121'),
        step(wd(12, '10:00'), C, '111'),
        step(wd(12, '11:30'), P, '121'),
      ],
    },
    {
      // Silver blocking incident that started at 07:30, before the calendar opens: 6.5 h of 4 h, breached, stopped.
      type: 'Incident',
      summary: "Saturation de l'espace disque du serveur d'instruction",
      createdMs: wd(12, '09:00'),
      reporter: C,
      assignee: J,
      severity: 'Bloquante',
      serviceLevel: 'ARGENT',
      incidentStartMs: wd(12, '07:30'),
      steps: [step(wd(12, '09:10'), J, '11'), step(wd(12, '14:30'), J, '121'), step(wd(11, '09:00'), C, '101')],
    },
    {
      // Minor documentation anomaly created in sprint 2: due at the end of sprint 3, running.
      type: 'Anomalie documentaire',
      summary: "Dossier d'architecture : flux PLATAU non décrit",
      createdMs: wd(12, '10:00'),
      reporter: S,
      assignee: J,
      severity: 'Mineure',
      steps: [step(wd(11, '09:00'), J, '11')],
    },
    {
      // High-urgency service request: 3 h of 4 h, met.
      type: 'Demande de service',
      summary: "Ouverture d'un accès VPN pour le prestataire d'hébergement",
      createdMs: wd(10, '09:00'),
      reporter: S,
      assignee: J,
      severity: 'Élevée',
      steps: [step(wd(10, '09:30'), J, '11'), step(wd(10, '12:00'), J, '121'), step(wd(9, '10:00'), S, '101')],
    },
    {
      // Blocking validation anomaly: information asked, workaround refused then accepted (3.5 h of 4 h, met); fix
      // validated after 18 h of 10 h (breached); reopened in sprint 3, so it runs again, still breached.
      type: 'Anomalie',
      summary: 'Export PDF du récépissé de dépôt illisible',
      createdMs: wd(9, '09:00'),
      reporter: C,
      assignee: P,
      severity: 'Bloquante',
      environment: 'Validation',
      versions: ['PLATAU 4.4'],
      sprints: [2, 3],
      points: 3,
      rank: 3,
      steps: [
        step(wd(9, '09:05'), P, '11'),
        step(wd(9, '10:00'), P, '21'),
        step(wd(9, '14:00'), C, '31'),
        step(wd(9, '15:00'), P, '41'),
        step(wd(8, '09:00'), C, '61'),
        step(wd(8, '10:30'), P, '41'),
        step(wd(8, '11:30'), C, '51'),
        step(wd(7, '16:00'), P, '71'),
        step(wd(6, '10:00'), C, '81'),
        step(wd(2, '14:00'), C, '111'),
      ],
    },
    {
      type: 'Story',
      summary: 'Signature électronique des arrêtés',
      createdMs: wd(8, '10:00'),
      reporter: S,
      assignee: P,
      sprints: [3],
      points: 3,
      rank: 8,
      steps: [step(wd(5, '09:30'), P, '11'), step(wd(2, '17:00'), P, '71')],
    },
    {
      // Minor production anomaly without affected version: class unknown (D6); "Prendre en charge" is refused
      // until a version is set. Created in sprint 2: due at the end of sprint 3.
      type: 'Anomalie',
      summary: 'Bouton « Déposer » inactif sur mobile',
      createdMs: wd(8, '11:00'),
      reporter: C,
      severity: 'Mineure',
      environment: 'Production',
      rank: 20,
    },
    {
      // Minor validation anomaly created in sprint 2: due at the end of sprint 3, running.
      type: 'Anomalie',
      summary: 'Tri des dossiers par date de dépôt inversé',
      createdMs: wd(7, '10:00'),
      reporter: C,
      assignee: J,
      severity: 'Mineure',
      environment: 'Validation',
      versions: ['PLATAU 4.4'],
      sprints: [2, 3],
      points: 1,
      rank: 9,
      steps: [step(wd(6, '09:00'), J, '11')],
    },
    {
      type: 'Story',
      summary: 'Notification des communes par courriel sécurisé',
      createdMs: wd(7, '11:00'),
      reporter: S,
      assignee: J,
      sprints: [3],
      points: 13,
      rank: 6,
      steps: [step(wd(4, '10:00'), J, '11')],
    },
    {
      type: 'Story',
      summary: 'Import des plans cadastraux au format DXF',
      createdMs: wd(7, '14:00'),
      reporter: S,
      sprints: [3],
      points: 8,
      rank: 10,
    },
    {
      type: 'Story',
      summary: 'Accessibilité RGAA du formulaire de dépôt',
      createdMs: wd(6, '10:00'),
      reporter: S,
      sprints: [3],
      points: 2,
      rank: 11,
    },
    // -- Sprint 3 (active) --
    {
      // Major documentation anomaly whose fix waits for validation: paused, 16 h of 50 h.
      type: 'Anomalie documentaire',
      summary: 'Guide utilisateur : captures obsolètes après la 4.3',
      createdMs: wd(5, '10:00'),
      reporter: S,
      assignee: P,
      severity: 'Majeure',
      steps: [step(wd(5, '11:00'), P, '11'), step(wd(4, '16:00'), P, '71')],
    },
    {
      // Major validation anomaly taken but not worked around: 38 h before the anchor week, both clocks breached, running.
      type: 'Anomalie',
      summary: 'Carte des parcelles non affichée sous Firefox',
      createdMs: wd(4, '10:00'),
      reporter: C,
      assignee: P,
      severity: 'Majeure',
      environment: 'Validation',
      versions: ['PLATAU 4.4'],
      sprints: [3],
      points: 2,
      rank: 5,
      steps: [step(wd(4, '11:00'), P, '11')],
    },
    {
      // Low-urgency service request waiting for the Administration: paused after 2 h of 50 h.
      type: 'Demande de service',
      summary: 'Purge des dossiers de test en pré-production',
      createdMs: wd(3, '09:00'),
      reporter: S,
      assignee: J,
      severity: 'Basse',
      steps: [step(wd(3, '10:00'), J, '11'), step(wd(3, '11:00'), J, '21')],
    },
    {
      // Bronze major incident in progress: 27 h of 20 h before the anchor week, breached, running.
      type: 'Incident',
      summary: 'Certificat TLS expiré sur le frontal de recette',
      createdMs: wd(3, '11:00'),
      reporter: C,
      assignee: P,
      severity: 'Majeure',
      serviceLevel: 'BRONZE',
      steps: [step(wd(3, '11:30'), P, '11')],
    },
    {
      // THE paused major anomaly: the contractor asked the Administration a question after 2.5 h of 10 h.
      type: 'Anomalie',
      summary: "Délai de recours mal calculé sur l'arrêté",
      createdMs: wd(3, '14:00'),
      reporter: S,
      assignee: J,
      severity: 'Majeure',
      environment: 'Production',
      versions: ['PLATAU 4.3'],
      sprints: [3],
      points: 3,
      rank: 4,
      steps: [step(wd(3, '14:30'), J, '11'), step(wd(3, '16:30'), J, '21')],
    },
    {
      type: 'Story',
      summary: 'Archivage légal des dossiers clos (SAE)',
      createdMs: wd(3, '15:00'),
      reporter: S,
      points: 3,
      rank: 30,
    },
    {
      // Reported as major by the contractor, requalified blocking by the Administration (D5); added to the active
      // sprint after it started (reserve, D8); no workaround yet: 19 h of 4 h before the anchor week, running.
      type: 'Anomalie',
      summary: 'Dépôt de pièces impossible pour les dossiers volumineux',
      createdMs: wd(2, '09:00'),
      reporter: J,
      assignee: P,
      severity: 'Majeure',
      environment: 'Production',
      versions: ['PLATAU 4.2'],
      sprints: [3],
      points: 5,
      rank: 1,
      steps: [step(wd(2, '09:15'), P, '11'), { atMs: wd(2, '10:30'), by: C, severity: 'Bloquante' }],
    },
    {
      // No severity yet: "Prendre en charge" is refused until it is set; clocks without target.
      type: 'Anomalie',
      summary: 'Message d’erreur en anglais sur le formulaire de contact',
      createdMs: wd(1, '16:00'),
      reporter: J,
      environment: 'Validation',
      versions: ['PLATAU 4.4'],
      rank: 21,
    },
    {
      // THE running blocking anomaly: reported 35 minutes before the anchor, to be taken in charge.
      type: 'Anomalie',
      summary: 'Paiement en ligne des taxes refusé (erreur 502)',
      createdMs: anchorMs - 35 * MINUTE_MS,
      reporter: C,
      severity: 'Bloquante',
      environment: 'Production',
      versions: ['PLATAU 4.3'],
      sprints: [3],
      points: 2,
      rank: 2,
    },
    {
      // Gold minor incident: started 65 minutes and reported 20 minutes before the anchor, in progress.
      type: 'Incident',
      summary: 'Sauvegarde nocturne incomplète',
      createdMs: anchorMs - 20 * MINUTE_MS,
      reporter: C,
      assignee: P,
      severity: 'Mineure',
      serviceLevel: 'OR',
      incidentStartMs: anchorMs - 65 * MINUTE_MS,
      steps: [step(anchorMs - 10 * MINUTE_MS, P, '11')],
    },
  ];
}

// ---- Assembly ----

/** Lexorank-like board rank: `0|i` + base-36 position, so that string order is board order. */
export const rankAt = (position: number): string => `0|i${position.toString(36).padStart(5, '0')}:`;

const accountIdOf = (login: Login): string => userByLogin(login).accountId;

function buildIssue(
  story: Story,
  number: number,
  versions: readonly JiraVersion[],
  nextHistoryId: () => string,
): StoredIssue {
  const versionIds = (story.versions ?? []).map((name) => {
    const version = versions.find((v) => v.name === name);
    if (version === undefined) throw new RangeError(`seedDemo: no version ${name}`);
    return version.id;
  });
  const appValues: Record<string, string | null> = Object.fromEntries(APP_FIELD_IDS.map((id) => [id, null]));
  appValues[SEVERITY_FIELD_ID] = story.severity ?? null;
  appValues[ENVIRONMENT_FIELD_ID] = story.environment ?? null;
  appValues[SERVICE_LEVEL_FIELD_ID] = story.serviceLevel ?? null;
  appValues[INCIDENT_START_FIELD_ID] =
    story.incidentStartMs === undefined ? null : formatJiraDateTime(story.incidentStartMs);
  // Computed by the app (classe d'anomalie, statut et échéance SLA): empty until the app has run.
  appValues[ANOMALY_CLASS_FIELD_ID] = null;

  const issue: StoredIssue = {
    id: String(10000 + number),
    key: `${PROJECT_KEY}-${number}`,
    issueType: story.type,
    summary: story.summary,
    status: 'À qualifier',
    createdMs: story.createdMs,
    updatedMs: story.createdMs,
    resolutionMs: null,
    reporterId: accountIdOf(story.reporter),
    assigneeId: story.assignee === undefined ? null : accountIdOf(story.assignee),
    versionIds,
    fixVersionIds: [],
    sprintIds: [...(story.sprints ?? [])],
    storyPoints: story.points ?? null,
    rank: '',
    appValues,
    histories: [],
  };
  let lastMs = story.createdMs;
  for (const s of story.steps ?? []) {
    if (!(s.atMs > lastMs))
      throw new RangeError(`seedDemo: ${issue.key} "${story.summary}" has a step that is not after the previous one`);
    lastMs = s.atMs;
    const items: ChangeItem[] = [];
    if (s.transition !== undefined) {
      const transition = transitionById(s.transition);
      if (transition === undefined || !transition.from.includes(issue.status)) {
        throw new RangeError(`seedDemo: ${issue.key} cannot take transition ${s.transition} from ${issue.status}`);
      }
      items.push(statusChangeItem(issue.status, transition.to));
      enterStatus(issue, transition.to, s.atMs);
    }
    if (s.severity !== undefined) {
      const field = fieldById(SEVERITY_FIELD_ID);
      const from = issue.appValues[SEVERITY_FIELD_ID] ?? null;
      items.push(textChangeItem(field?.name ?? 'Gravité', SEVERITY_FIELD_ID, from, s.severity));
      issue.appValues[SEVERITY_FIELD_ID] = s.severity;
    }
    issue.histories.push({ id: nextHistoryId(), atMs: s.atMs, authorId: accountIdOf(s.by), items });
    issue.updatedMs = s.atMs;
  }
  return issue;
}

export function statusChangeItem(from: StatusName, to: StatusName): ChangeItem {
  const f = statusBean(from);
  const t = statusBean(to);
  return changeItem('status', 'jira', 'status', { id: f.id, text: f.name }, { id: t.id, text: t.name });
}

/** A change of a text-like custom field (the value is both `from`/`to` and its string); an empty side is left out. */
export function textChangeItem(name: string, fieldId: string, from: string | null, to: string | null): ChangeItem {
  return changeItem(
    name,
    'custom',
    fieldId,
    from === null ? null : { id: from, text: from },
    to === null ? null : { id: to, text: to },
  );
}

/** Sets the status and the resolution date (set on entering a done status, cleared on leaving it). */
export function enterStatus(issue: StoredIssue, status: StatusName, atMs: number): void {
  const wasDone = DONE_STATUSES.includes(issue.status);
  const isDone = DONE_STATUSES.includes(status);
  issue.status = status;
  if (isDone && !wasDone) issue.resolutionMs = atMs;
  if (!isDone) issue.resolutionMs = null;
}

function demoSprints(c: Clock, anchorMs: number): AgileSprint[] {
  const sprint = (id: number, mondayOffsetDays: number, goal: string): AgileSprint => {
    const startMs = c.day(mondayOffsetDays, '09:00');
    const endMs = c.day(mondayOffsetDays + 25, '18:00'); // Friday of the fourth week
    const state = endMs <= anchorMs ? 'closed' : startMs <= anchorMs ? 'active' : 'future';
    // A closed sprint was closed at its review, half an hour before its scheduled end.
    return anAgileSprint({
      id,
      name: `DEMAT Sprint ${id}`,
      goal,
      startMs,
      endMs,
      completeMs: state === 'closed' ? endMs - 30 * MINUTE_MS : null,
      state,
    });
  };
  return [
    sprint(1, -63, 'Pièces complémentaires et export des dossiers'),
    sprint(2, -35, 'Relances automatiques et correctifs PLATAU 4.3'),
    // Starts on the Monday before the anchor week and ends on the Friday two weeks after it: contains the anchor.
    sprint(3, -7, 'Notifications sécurisées et tableau de bord des délais'),
  ];
}

function demoVersions(c: Clock): JiraVersion[] {
  return [
    aVersion({ id: '10301', name: 'PLATAU 4.2', releaseDate: c.date(-140), released: true }),
    // Released on the last day of sprint 1: its 2-month VSR covers sprints 2 and 3 (D6).
    aVersion({ id: '10302', name: 'PLATAU 4.3', releaseDate: c.date(-38), released: true }),
    // Under acceptance during sprint 3 (the anomalies found in validation affect it).
    aVersion({ id: '10303', name: 'PLATAU 4.4', releaseDate: c.date(21), released: false }),
  ];
}

/**
 * The demo state for an anchor instant (epoch ms): project DEMAT, 35 issues, 3 sprints, 3 versions, the validators.
 * Issue keys follow creation order; the same anchor always gives the same state.
 * @example seedDemo(Date.parse('2026-04-22T10:00:00+02:00')).issues.length // 35
 */
export function seedDemo(anchorMs: number): LocalJiraState {
  if (!Number.isInteger(anchorMs)) throw new RangeError('seedDemo: anchorMs must be an integer epoch in milliseconds');
  const clock = clockFor(anchorMs);
  const versions = demoVersions(clock);
  const sprints = demoSprints(clock, anchorMs);
  // Stable sort: creation order, then the order written above.
  const stories = demoStories(anchorMs, clock)
    .map((story, index) => ({ story, index }))
    .sort((a, b) => a.story.createdMs - b.story.createdMs || a.index - b.index)
    .map(({ story }) => story);
  let historyId = 100001;
  const nextHistoryId = (): string => String(historyId++);
  const issues = stories.map((story, i) => buildIssue(story, i + 1, versions, nextHistoryId));
  // Board order: ranked stories first, by rank, then the others by key.
  const order = issues
    .map((issue, i) => ({ issue, rank: stories[i]?.rank ?? 1000 + i }))
    .sort((a, b) => a.rank - b.rank);
  order.forEach(({ issue }, position) => {
    issue.rank = rankAt(position + 1);
  });
  for (const issue of issues) {
    if (issue.updatedMs > anchorMs || issue.createdMs > anchorMs)
      throw new RangeError(`seedDemo: ${issue.key} has history after the anchor`);
    if (workflowOf(issue.issueType) !== MAINTENANCE_WORKFLOW && issue.appValues[SEVERITY_FIELD_ID] !== null) {
      throw new RangeError(`seedDemo: ${issue.key} is a story with a severity`);
    }
  }
  return {
    format: STATE_FORMAT,
    anchorMs,
    nextIssueNumber: issues.length + 1,
    nextHistoryId: historyId,
    versions,
    sprints,
    issues,
    validators: demoValidators(),
    conditions: demoConditions(),
  };
}

export type { StoredHistory };
