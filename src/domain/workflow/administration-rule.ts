// The Administration's prerogatives (D5, L2470): only members of its group may perform the transitions that
// validate a workaround or a fix, and set or change the severity once the issue exists. Pure: membership is looked up
// by the caller. Messages are French first, then English, and say what to do.

export type AdministrationRuleInput = {
  readonly group: string;
  /** Transition ids the rule guards; empty = every transition it is attached to. */
  readonly guardedTransitionIds: readonly string[];
  /** The transition being performed; null when the caller cannot tell (then a guard list cannot exempt it). */
  readonly transitionId: string | null;
  readonly isMember: boolean;
  readonly guardSeverity: boolean;
  /** The transition changes the severity field (it is on the transition screen and was modified). */
  readonly severityModified: boolean;
};

export type RuleDecision = { readonly result: true } | { readonly result: false; readonly errorMessage: string };

/**
 * @example
 * decideAdministrationRule({
 *   group: 'administration-demat',
 *   guardedTransitionIds: [],
 *   transitionId: '81',
 *   isMember: false,
 *   …
 * })
 * // { result: false, errorMessage: 'Seul le groupe « administration-demat » (l'Administration) peut …' }
 */
export const decideAdministrationRule = (input: AdministrationRuleInput): RuleDecision => {
  if (input.isMember) return { result: true };
  const guarded =
    input.guardedTransitionIds.length === 0 ||
    input.transitionId === null ||
    input.guardedTransitionIds.includes(input.transitionId);
  if (guarded) {
    return {
      result: false,
      errorMessage:
        `Seul le groupe « ${input.group} » (l'Administration) peut effectuer cette transition : ` +
        "demandez à l'Administration de valider. / " +
        `Only the "${input.group}" group (the Administration) may perform this transition: ` +
        'ask the Administration to validate it.',
    };
  }
  if (input.guardSeverity && input.severityModified) {
    return {
      result: false,
      errorMessage:
        `La gravité est qualifiée par l'Administration (groupe « ${input.group} ») : ` +
        'laissez-la inchangée ou demandez-lui de la modifier. / ' +
        `The severity is qualified by the Administration ("${input.group}" group): ` +
        'leave it unchanged or ask them to change it.',
    };
  }
  return { result: true };
};
