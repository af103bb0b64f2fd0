// What the validator configuration screens save: for expression validators, the Jira expression itself, written
// with this site's field ids (a config with an `expression` replaces the manifest's), so the check runs inside Jira.
import { z } from 'zod';
import type {
  AdministrationConditionConfig,
  AdministrationOnlyConfig,
  AffectedVersionConfig,
  SeverityRequiredConfig,
  ValidatorConfig,
} from '../../contract';
import { AppError } from '../app-error';

const fieldId = z.string().regex(/^customfield_\d{1,10}$/, 'expected a custom field id such as customfield_10100');

export const buildConfigRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('severity-required'), severityFieldId: fieldId }),
  z.strictObject({
    kind: z.literal('affected-version-required'),
    environmentFieldId: fieldId,
    anomalyIssueTypes: z.array(z.string().trim().min(1).max(100)).min(1).max(20),
  }),
  z.strictObject({
    kind: z.literal('administration-only'),
    group: z.string().trim().min(1).max(255),
    transitionIds: z
      .array(z.string().regex(/^\d{1,10}$/, 'expected a transition id (digits)'))
      .max(50)
      .default([]),
    guardSeverity: z.boolean().default(true),
    severityFieldId: fieldId.nullable().default(null),
  }),
  z.strictObject({ kind: z.literal('administration-condition'), group: z.string().trim().min(1).max(255) }),
]);

export type BuildConfigRequest = z.input<typeof buildConfigRequestSchema>;

/** A Jira expression string literal (single quotes, backslash escapes). */
const literal = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * The Jira expression of the workflow condition "réservé à l'Administration" (issue 10, D5): true only for a member of
 * the group. `user` is "the current user [...] equal to `null` if the request is anonymous" (OpenAPI, "Evaluate Jira
 * expression", type User of the "Jira expressions type reference"), and `user.groups` the names of their groups (the
 * local Jira's model; to confirm on a real site). A condition whose expression fails or is not a boolean is false
 * ("Workflow Condition" page), so any doubt hides the transition.
 */
export const administrationConditionExpression = (group: string): string =>
  `user != null && user.groups.includes(${literal(group)})`;

/** The manifest's expression for a condition added but never configured: the settings' default group (README). */
export const DEFAULT_ADMINISTRATION_CONDITION_EXPRESSION = administrationConditionExpression('administration-demat');

export const SEVERITY_REQUIRED_MESSAGE =
  'Renseignez la gravité (Bloquante, Majeure ou Mineure) avant cette transition. / Set the severity (Bloquante, Majeure or Mineure) before this transition.';
export const AFFECTED_VERSION_MESSAGE =
  "Une anomalie de production doit indiquer la version affectée (champ « Versions affectées ») : elle décide de sa classe (D6). / A production anomaly must name its affected version: it decides the anomaly's class (D6).";

export const buildValidatorConfig = (request: unknown): ValidatorConfig => {
  const parsed = buildConfigRequestSchema.safeParse(request);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError(
      'BAD_REQUEST',
      `the validator configuration is invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      problems,
    );
  }
  const r = parsed.data;
  switch (r.kind) {
    case 'severity-required': {
      const config: SeverityRequiredConfig = {
        kind: r.kind,
        severityFieldId: r.severityFieldId,
        expression: `issue.${r.severityFieldId} != null ? true : ${literal(SEVERITY_REQUIRED_MESSAGE)}`,
      };
      return config;
    }
    case 'affected-version-required': {
      const types = `[${r.anomalyIssueTypes.map(literal).join(', ')}]`;
      const config: AffectedVersionConfig = {
        kind: r.kind,
        environmentFieldId: r.environmentFieldId,
        anomalyIssueTypes: r.anomalyIssueTypes,
        expression: `!${types}.includes(issue.issueType.name) || issue.${r.environmentFieldId} != 'Production' || issue.versions.length > 0 ? true : ${literal(AFFECTED_VERSION_MESSAGE)}`,
      };
      return config;
    }
    case 'administration-only': {
      const config: AdministrationOnlyConfig = {
        kind: r.kind,
        group: r.group,
        transitionIds: r.transitionIds,
        guardSeverity: r.guardSeverity,
        severityFieldId: r.severityFieldId,
      };
      return config;
    }
    case 'administration-condition': {
      const config: AdministrationConditionConfig = {
        kind: r.kind,
        group: r.group,
        expression: administrationConditionExpression(r.group),
      };
      return config;
    }
  }
};

export const administrationConfigSchema = z.object({
  kind: z.literal('administration-only').optional(),
  group: z.string().min(1),
  transitionIds: z.array(z.string()).default([]),
  guardSeverity: z.boolean().default(true),
  severityFieldId: z.string().nullable().default(null),
});
