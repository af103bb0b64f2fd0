// The `administration-only` workflow validator (a Forge function: group membership is checked server side).
// Jira calls it with { issue: { key }, configuration, transition: { from, to, id?, modifiedFields? } } and the
// principal of the user performing the transition.
import { z } from 'zod';
import { forgeDeps } from '../app/deps';
import type { Deps } from '../app/ports';
import { administrationConfigSchema } from '../app/validators/build-validator-config';
import { decideAdministrationRule, type RuleDecision } from '../domain/workflow/administration-rule';

const payloadSchema = z.looseObject({
  issue: z.looseObject({ key: z.string() }),
  configuration: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  transition: z.looseObject({
    id: z.union([z.string(), z.number()]).optional(),
    from: z.looseObject({ id: z.union([z.string(), z.number()]) }).optional(),
    to: z.looseObject({ id: z.union([z.string(), z.number()]) }).optional(),
    modifiedFields: z.record(z.string(), z.unknown()).optional(),
  }),
});

const contextSchema = z.looseObject({
  principal: z.looseObject({ accountId: z.string() }).optional(),
  accountId: z.string().optional(),
});

const MISCONFIGURED: RuleDecision = {
  result: false,
  errorMessage:
    "Le validateur « Administration uniquement » n'est pas configuré : un administrateur Jira doit le configurer. / The Administration-only validator is not configured.",
};

export const checkAdministrationRule = async (
  deps: Deps,
  payload: unknown,
  context: unknown,
): Promise<RuleDecision> => {
  const parsed = payloadSchema.safeParse(payload);
  const who = contextSchema.safeParse(context);
  if (!parsed.success)
    return { result: false, errorMessage: 'Requête de validation illisible. / Unreadable validation request.' };
  const raw = parsed.data.configuration;
  let configValue: unknown = raw;
  if (typeof raw === 'string') {
    try {
      configValue = JSON.parse(raw) as unknown;
    } catch {
      return MISCONFIGURED;
    }
  }
  const config = administrationConfigSchema.safeParse(configValue);
  if (!config.success) return MISCONFIGURED;
  const accountId = who.success ? (who.data.principal?.accountId ?? who.data.accountId ?? null) : null;
  const isMember = accountId !== null && (await deps.jira.groupsOf(accountId)).includes(config.data.group);
  const severityId = config.data.severityFieldId;
  const transition = parsed.data.transition;
  const severityModified =
    severityId !== null && transition.modifiedFields !== undefined && severityId in transition.modifiedFields;
  return decideAdministrationRule({
    group: config.data.group,
    guardedTransitionIds: config.data.transitionIds,
    // Jira's payload for function validators may carry no transition id (only the from/to statuses): then the rule
    // cannot tell which transition runs, and guards it (fail closed) rather than compare a status id with it.
    transitionId: transition.id === undefined ? null : String(transition.id),
    isMember,
    guardSeverity: config.data.guardSeverity,
    severityModified,
  });
};

export const administrationValidator = (payload: unknown, context: unknown): Promise<RuleDecision> =>
  checkAdministrationRule(forgeDeps(), payload, context);
