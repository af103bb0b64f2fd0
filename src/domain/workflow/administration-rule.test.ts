import { decideAdministrationRule, type AdministrationRuleInput } from './administration-rule';

const base: AdministrationRuleInput = {
  group: 'administration-demat',
  guardedTransitionIds: ['51', '81'],
  transitionId: '81',
  isMember: false,
  guardSeverity: true,
  severityModified: false,
};

describe('decideAdministrationRule (D5)', () => {
  it.each<[string, Partial<AdministrationRuleInput>, boolean, RegExp | undefined]>([
    ['refuses a validating transition to a contractor', {}, false, /Seul le groupe « administration-demat »/],
    ['lets the Administration validate', { isMember: true }, true, undefined],
    ['lets anyone perform a transition it does not guard', { transitionId: '21' }, true, undefined],
    [
      'guards the transition when Jira does not say which one it is (fail closed)',
      { transitionId: null },
      false,
      /effectuer cette transition/,
    ],
    [
      'guards every transition when the list is empty',
      { guardedTransitionIds: [], transitionId: '21' },
      false,
      /effectuer cette transition/,
    ],
    [
      'refuses a severity set or changed on another transition (D5: once the issue exists)',
      { transitionId: '21', severityModified: true },
      false,
      /La gravité est qualifiée par l'Administration/,
    ],
    [
      'does not guard severity when switched off',
      { transitionId: '21', severityModified: true, guardSeverity: false },
      true,
      undefined,
    ],
  ])('%s', (_name, overrides, expected, message) => {
    const decision = decideAdministrationRule({ ...base, ...overrides });
    expect(decision.result).toBe(expected);
    if (message && !decision.result) expect(decision.errorMessage).toMatch(message);
    if (!decision.result) expect(decision.errorMessage).toMatch(/ \/ (Only|The severity)/);
  });
});
