// Workflow validators: the rules set by the workbench (setWorkflowValidator, setTransitionValidators) and their run on
// a transition, expression validators here, function validators through the app's hook.
import { z } from 'zod';
import { isRecord } from '../../../src/domain/is-record';
import {
  PROJECT_ID,
  PROJECT_KEY,
  PROJECT_NAME,
  WORKFLOW_NAMES,
  moduleKeyOfAri,
  statusBean,
  transitionById,
  validatorModule,
  workflowOf,
  type TransitionDef,
} from '../catalog';
import { evaluateJiraExpression, expressionVerdict, type ExpressionValue } from '../jira-expression';
import type { StoredIssue, WorkflowCondition, WorkflowValidator } from '../local-jira-state';
import { expressionIssue, expressionUser } from '../render';
import type { FunctionValidatorPayload, ValidatorInput } from '../types';
import type { Actor, LocalJiraSite } from './site';

const MAX_VALIDATOR_CONFIGURATION_CHARS = 32 * 1024;
const DEFAULT_VALIDATOR_MESSAGE = 'Transition refusée par Contract SLA. / Transition refused by Contract SLA.';

const parseJsonText = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** A JSON value → an expression value, checked all the way down (a validator's `config`); undefined if not JSON. */
function toExpressionValue(value: unknown): ExpressionValue | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items: ExpressionValue[] = [];
    for (const item of value) {
      const converted = toExpressionValue(item);
      if (converted === undefined) return undefined;
      items.push(converted);
    }
    return items;
  }
  if (isRecord(value)) {
    const object: Record<string, ExpressionValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const converted = toExpressionValue(item);
      if (converted === undefined) return undefined;
      object[key] = converted;
    }
    return object;
  }
  return undefined;
}

/** The module key of a rule key given as a module key or as its extension ARI. */
const ruleKeyOf = (ruleKey: string): string => moduleKeyOfAri(ruleKey) ?? ruleKey;

const functionResultSchema = z.looseObject({ result: z.boolean(), errorMessage: z.string().optional() });

export function validatorRule(workflow: string, transitionId: string, input: ValidatorInput): WorkflowValidator {
  if (!WORKFLOW_NAMES.includes(workflow))
    throw new RangeError(`no workflow "${workflow}" (${WORKFLOW_NAMES.join(', ')})`);
  if (transitionById(transitionId) === undefined) throw new RangeError(`no transition "${transitionId}"`);
  const ruleKey = ruleKeyOf(input.ruleKey);
  const configuration =
    typeof input.configuration === 'string' ? parseJsonText(input.configuration) : input.configuration;
  const text = configuration === undefined ? undefined : JSON.stringify(configuration);
  if (text === undefined || toExpressionValue(configuration) === undefined)
    throw new RangeError(`the configuration of ${ruleKey} is not JSON`);
  if (text.length > MAX_VALIDATOR_CONFIGURATION_CHARS)
    throw new RangeError(`the configuration of ${ruleKey} is over 32 KB, which Jira refuses`);
  const module = validatorModule(ruleKey);
  const type = input.type ?? module?.type ?? 'function';
  return {
    workflow,
    transitionId,
    ruleKey,
    type,
    expression: type === 'expression' ? (input.expression ?? module?.expression ?? 'true') : null,
    errorMessage: input.errorMessage ?? module?.errorMessage ?? DEFAULT_VALIDATOR_MESSAGE,
    configuration: JSON.parse(text) as unknown,
  };
}

/** The validators of the issue's workflow on that transition, in order; the first refusal wins. */
export async function runValidators(
  site: LocalJiraSite,
  original: StoredIssue,
  candidate: StoredIssue,
  transition: TransitionDef,
  actor: Actor,
  modifiedFields: Readonly<Record<string, unknown>> | null,
): Promise<string[] | null> {
  const rules = site.state.validators.filter(
    (v) => v.workflow === workflowOf(original.issueType) && v.transitionId === transition.id,
  );
  const fromStatus = statusBean(original.status);
  const toStatus = statusBean(transition.to);
  for (const rule of rules) {
    if (rule.type === 'expression') {
      const config = toExpressionValue(rule.configuration) ?? null;
      const override = isRecord(config) ? config['expression'] : undefined;
      const expression = typeof override === 'string' ? override : (rule.expression ?? 'true');
      const outcome = evaluateJiraExpression(expression, {
        issue: expressionIssue(candidate, site.state),
        originalIssue: expressionIssue(original, site.state),
        user: expressionUser(actor.accountId),
        transition: {
          id: Number(transition.id),
          name: transition.name,
          from: { id: Number(fromStatus.id), name: fromStatus.name },
          to: { id: Number(toStatus.id), name: toStatus.name },
        },
        project: { id: PROJECT_ID, key: PROJECT_KEY, name: PROJECT_NAME },
        config,
      });
      const verdict = expressionVerdict(outcome, rule.errorMessage);
      if (!verdict.pass) {
        return verdict.problem === null
          ? [verdict.message]
          : [
              verdict.message,
              `The Jira expression of the validator ${rule.ruleKey} failed (${verdict.problem.kind}): ${verdict.problem.message}`,
            ];
      }
      continue;
    }
    if (site.hook === null) continue; // without a hook (no app installed), function validators pass
    const payload: FunctionValidatorPayload = {
      issue: { key: original.key },
      configuration: JSON.stringify(rule.configuration ?? null),
      transition: {
        from: { id: fromStatus.id },
        to: { id: toStatus.id },
        id: transition.id,
        name: transition.name,
        ...(modifiedFields === null ? {} : { modifiedFields }),
      },
    };
    let answer: unknown;
    try {
      answer = await site.hook(rule.ruleKey, payload, actor.accountId);
    } catch (error) {
      return [
        rule.errorMessage,
        `The function validator ${rule.ruleKey} failed: ${error instanceof Error ? error.message : String(error)}`,
      ];
    }
    const result = functionResultSchema.safeParse(answer);
    if (!result.success) {
      return [
        rule.errorMessage,
        `The function validator ${rule.ruleKey} answered ${JSON.stringify(answer) ?? 'undefined'}, not {result: boolean, errorMessage?: string}`,
      ];
    }
    if (!result.data.result) return [result.data.errorMessage ?? rule.errorMessage];
  }
  return null;
}

// ---- Workflow conditions (issue 10, D5: jira:workflowCondition) ----

/** The manifest's default expression of the condition (test/forge/admin-only.test.ts checks it is the manifest's). */
export const ADMINISTRATION_CONDITION_KEY = 'administration-condition';
export const DEFAULT_CONDITION_EXPRESSION = "user != null && user.groups.includes('administration-demat')";

/** A condition to attach: its rule key (module key or extension ARI) and what its configuration screen saved. */
export type ConditionInput = { readonly ruleKey: string; readonly configuration: unknown };

export function conditionRule(workflow: string, transitionId: string, input: ConditionInput): WorkflowCondition {
  if (!WORKFLOW_NAMES.includes(workflow))
    throw new RangeError(`no workflow "${workflow}" (${WORKFLOW_NAMES.join(', ')})`);
  if (transitionById(transitionId) === undefined) throw new RangeError(`no transition "${transitionId}"`);
  const ruleKey = ruleKeyOf(input.ruleKey);
  if (ruleKey !== ADMINISTRATION_CONDITION_KEY) throw new RangeError(`no workflow condition module "${ruleKey}"`);
  const configuration =
    typeof input.configuration === 'string' ? parseJsonText(input.configuration) : input.configuration;
  if (toExpressionValue(configuration) === undefined)
    throw new RangeError(`the configuration of ${ruleKey} is not JSON`);
  return {
    workflow,
    transitionId,
    ruleKey,
    expression: DEFAULT_CONDITION_EXPRESSION,
    configuration: JSON.parse(JSON.stringify(configuration)) as unknown,
  };
}

/**
 * Whether every condition of the issue's workflow on that transition lets this user take it. As Jira does ("Workflow
 * Condition" page), a condition is true only when its expression evaluates to `true`: an error or any other value
 * hides the transition.
 */
export function conditionsPass(
  site: LocalJiraSite,
  issue: StoredIssue,
  transition: TransitionDef,
  actor: Actor,
): boolean {
  const rules = (site.state.conditions ?? []).filter(
    (c) => c.workflow === workflowOf(issue.issueType) && c.transitionId === transition.id,
  );
  if (rules.length === 0) return true;
  const fromStatus = statusBean(issue.status);
  const toStatus = statusBean(transition.to);
  return rules.every((rule) => {
    const config = toExpressionValue(rule.configuration) ?? null;
    const override = isRecord(config) ? config['expression'] : undefined;
    const expression = typeof override === 'string' ? override : rule.expression;
    const outcome = evaluateJiraExpression(expression, {
      issue: expressionIssue(issue, site.state),
      user: expressionUser(actor.accountId),
      transition: {
        id: Number(transition.id),
        name: transition.name,
        from: { id: Number(fromStatus.id), name: fromStatus.name },
        to: { id: Number(toStatus.id), name: toStatus.name },
      },
      project: { id: PROJECT_ID, key: PROJECT_KEY, name: PROJECT_NAME },
      config,
    });
    return outcome.ok && outcome.value === true;
  });
}
