import { buildValidatorConfig } from '../../src/app/validators/build-validator-config';
import { SEVERITY_VALIDATION_EXPRESSION } from './catalog';
import {
  evaluateJiraExpression,
  expressionVerdict,
  toExpressionValue,
  type ExpressionContext,
  type ExpressionValue,
} from './jira-expression';
import { AFFECTED_VERSION_REQUIRED_EXPRESSION, SEVERITY_REQUIRED_EXPRESSION } from './seed-demo';

// A reference context: an issue in the shape the local Jira gives expressions.
const anomaly = (over: Record<string, ExpressionValue> = {}): ExpressionValue => ({
  key: 'DEMAT-7',
  issueType: { id: 10004, name: 'Anomalie' },
  status: { id: 10001, name: 'En cours' },
  versions: [{ id: 10302, name: 'PLATAU 4.3', releaseDate: '2026-03-20' }],
  customfield_10100: 'Bloquante',
  customfield_10101: 'Production',
  ...over,
});
const context: ExpressionContext = {
  issue: anomaly(),
  user: { accountId: '5b10ac8d82e05b22cc7d4e01', groups: ['administration-demat', 'jira-software-users-demat-ads'] },
  config: { group: 'administration-demat', transitionIds: ['51', '81'], nested: { list: [1, 2, 3] } },
  transition: { id: 51, name: 'Valider le contournement' },
  value: 'Majeure',
};

describe('evaluateJiraExpression: values', () => {
  it.each<[string, string, ExpressionValue]>([
    ['string literal, single quotes', "'Bloquante'", 'Bloquante'],
    ['string literal, double quotes and escapes', '"l\'équipe \\"A\\""', 'l\'équipe "A"'],
    ['number literal', '42.5', 42.5],
    ['boolean and null literals', '[true, false, null]', [true, false, null]],
    ['empty list', '[]', []],
    ['identifier', 'value', 'Majeure'],
    ['member access', 'issue.issueType.name', 'Anomalie'],
    ['bracket access with a string', "issue['customfield_10100']", 'Bloquante'],
    ['list index', 'config.nested.list[1]', 2],
    ['absent map key reads as null', 'issue.customfield_10199', null],
    ['optional chaining on null', 'issue.customfield_10199?.value', null],
    ['optional chaining short-circuits the rest of the chain', 'issue.customfield_10199?.value.deeper', null],
    ['list length', 'issue.versions.length', 1],
    ['string length', 'issue.key.length', 7],
    ['list includes', "user.groups.includes('administration-demat')", true],
    ['list includes, absent', "user.groups.includes('titulaire-dev')", false],
    ['string includes', "issue.key.includes('DEMAT')", true],
    ['some with an arrow function', "issue.versions.some(v => v.name == 'PLATAU 4.3')", true],
    ['some with a parenthesised parameter', "issue.versions.some((v) => v.releaseDate < '2026-01-01')", false],
    ['map', 'issue.versions.map(v => v.name)', ['PLATAU 4.3']],
    ['every and filter', 'config.nested.list.filter(n => n > 1).every(n => n >= 2)', true],
    ['equality is structural for lists', '[1, 2] == config.nested.list.filter(n => n < 3)', true],
    ['inequality across types', "1 != '1'", true],
    ['comparisons', '[1 < 2, 2 <= 2, 3 > 4, 4 >= 5]', [true, true, false, false]],
    ['string comparison', "'2026-03-20' < '2026-04-01'", true],
    ['addition and concatenation', "[1 + 2, 'a' + 1, 'n=' + null]", [3, 'a1', 'n=null']],
    ['negation and unary minus', '[!true, !null, -3 + 1]', [false, true, -2]],
    ['&& binds tighter than ||', 'true || false && false', true],
    ['parentheses', '(true || false) && false', false],
    ['ternary', "issue.customfield_10100 != null ? 'set' : 'missing'", 'set'],
    ['nested ternary is right-associative', 'false ? 1 : true ? 2 : 3', 2],
    ['ternary is below ||', "false || true ? 'yes' : 'no'", 'yes'],
    ['transition and config', "config.transitionIds.includes(transition.id + '')", true],
  ])('%s', (_name, expression, expected) => {
    expect(evaluateJiraExpression(expression, context)).toEqual({ ok: true, value: expected });
  });
});

describe('evaluateJiraExpression: problems are values, never thrown', () => {
  it.each<[string, string, 'parse' | 'evaluation', RegExp]>([
    ['unterminated string', "'abc", 'parse', /unterminated string/],
    ['unexpected character', 'issue # 2', 'parse', /unexpected character "#"/],
    ['dangling operator', 'issue.key ==', 'parse', /unexpected end/],
    ['missing ternary branch', 'true ? 1', 'parse', /expected ":"/],
    ['trailing tokens', 'true false', 'parse', /unexpected "false"/],
    ['member of a keyword', 'issue.', 'parse', /expected a property name/],
    ['unknown identifier', 'project.key', 'evaluation', /unknown identifier "project"/],
    ['member of null without ?.', 'issue.customfield_10199.value', 'evaluation', /cannot read "value" of null/],
    ['method on null', 'issue.customfield_10199.includes(1)', 'evaluation', /cannot call includes\(\) on null/],
    ['unknown method', 'issue.versions.sort()', 'evaluation', /List has no method sort\(\)/],
    ['arrow outside a call', 'x => x', 'parse', /unexpected "=>"/],
    ['some without a function', 'issue.versions.some(1)', 'evaluation', /takes an arrow function/],
    ['comparing a list', 'issue.versions < 2', 'evaluation', /cannot compare List/],
    ['property of a number', '(1).foo', 'evaluation', /Number 1 has no property/],
  ])('%s', (_name, expression, kind, message) => {
    const outcome = evaluateJiraExpression(expression, context);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.problem.kind).toBe(kind);
      expect(outcome.problem.message).toMatch(message);
    }
  });
});

describe('expressionVerdict (the validator rule)', () => {
  it.each<[string, string, { pass: true } | { pass: false; message: string; broken: boolean }]>([
    ['true passes', 'true', { pass: true }],
    ['false fails with the default message', 'false', { pass: false, message: 'Refusé', broken: false }],
    [
      'a string fails with that string',
      "'Renseignez la gravité'",
      { pass: false, message: 'Renseignez la gravité', broken: false },
    ],
    [
      'another value fails with the default message and says why',
      '42',
      { pass: false, message: 'Refusé', broken: true },
    ],
    ['null fails too', 'null', { pass: false, message: 'Refusé', broken: true }],
    ['a parse error fails with the default message', '(', { pass: false, message: 'Refusé', broken: true }],
  ])('%s', (_name, expression, expected) => {
    const verdict = expressionVerdict(evaluateJiraExpression(expression, context), 'Refusé');
    if (expected.pass) expect(verdict).toEqual({ pass: true });
    else
      expect(verdict).toMatchObject({
        pass: false,
        message: expected.message,
        problem: expected.broken ? expect.anything() : null,
      });
  });
});

// The expressions the app really uses: the seed's, the manifest's field validation, and what the app's config builder writes.
describe('the app’s expressions', () => {
  const builtSeverity = buildValidatorConfig({ kind: 'severity-required', severityFieldId: 'customfield_10100' });
  const builtVersion = buildValidatorConfig({
    kind: 'affected-version-required',
    environmentFieldId: 'customfield_10101',
    anomalyIssueTypes: ['Anomalie'],
  });
  const expressionOf = (config: unknown): string => (config as { expression: string }).expression;
  const issueCtx = (issue: ExpressionValue): ExpressionContext => ({
    issue,
    originalIssue: issue,
    user: context.user as ExpressionValue,
    config: null,
  });
  const pass = { pass: true };
  const refused = (message: RegExp) => ({ pass: false, message: expect.stringMatching(message), problem: null });

  it.each<[string, string, ExpressionValue, object]>([
    ['seed severity-required: set', SEVERITY_REQUIRED_EXPRESSION, anomaly(), pass],
    [
      'seed severity-required: missing',
      SEVERITY_REQUIRED_EXPRESSION,
      anomaly({ customfield_10100: null }),
      refused(/^Renseignez la gravité .* Set the severity first\.$/),
    ],
    ['seed affected-version: production anomaly with a version', AFFECTED_VERSION_REQUIRED_EXPRESSION, anomaly(), pass],
    [
      'seed affected-version: production anomaly without version',
      AFFECTED_VERSION_REQUIRED_EXPRESSION,
      anomaly({ versions: [] }),
      refused(/version affectée.*affected version/),
    ],
    [
      'seed affected-version: validation anomaly without version',
      AFFECTED_VERSION_REQUIRED_EXPRESSION,
      anomaly({ versions: [], customfield_10101: 'Validation' }),
      pass,
    ],
    [
      'seed affected-version: incident without version',
      AFFECTED_VERSION_REQUIRED_EXPRESSION,
      anomaly({ versions: [], issueType: { id: 10005, name: 'Incident' } }),
      pass,
    ],
    [
      'app-built severity-required: missing',
      expressionOf(builtSeverity),
      anomaly({ customfield_10100: null }),
      refused(/^Renseignez la gravité/),
    ],
    ['app-built severity-required: set', expressionOf(builtSeverity), anomaly(), pass],
    [
      'app-built affected-version: production anomaly without version',
      expressionOf(builtVersion),
      anomaly({ versions: [] }),
      refused(/version affectée/),
    ],
    [
      'app-built affected-version: story without version',
      expressionOf(builtVersion),
      anomaly({ versions: [], issueType: { id: 10001, name: 'Story' } }),
      pass,
    ],
  ])('%s', (_name, expression, issue, expected) => {
    expect(expressionVerdict(evaluateJiraExpression(expression, issueCtx(issue)), 'default')).toEqual(expected);
  });

  it.each<[ExpressionValue, boolean]>([
    [null, true],
    ['Bloquante', true],
    ['Basse', true],
    ['bloquante', false],
    ['Critical', false],
  ])('the severity field validation: %p → %p', (value, valid) => {
    expect(evaluateJiraExpression(SEVERITY_VALIDATION_EXPRESSION, { value })).toEqual({ ok: true, value: valid });
  });
});

describe('toExpressionValue', () => {
  it('keeps JSON as it is and leaves out absent (undefined) properties', () => {
    expect(
      toExpressionValue({
        issue: { key: 'DEMAT-7', fields: { issuetype: { name: 'Anomalie' } }, changelog: undefined },
        n: [1, null, true],
      }),
    ).toEqual({
      issue: { key: 'DEMAT-7', fields: { issuetype: { name: 'Anomalie' } } },
      n: [1, null, true],
    });
  });

  it.each<[string, unknown]>([
    ['a function', { f: () => 1 }],
    ['a non-finite number', [Number.NaN]],
    ['a class instance', { at: new Map() }],
    ['undefined itself', undefined],
  ])('refuses %s (not JSON)', (_name, value) => {
    expect(toExpressionValue(value)).toBeUndefined();
  });

  it('gives the trigger filter an event it can read with optional chaining and string methods', () => {
    const event = toExpressionValue({ issue: { fields: { issuetype: { name: ' Anomalie ' } } } });
    if (event === undefined) throw new Error('not JSON');
    expect(
      evaluateJiraExpression("['anomalie'].includes(event.issue.fields?.issuetype?.name.trim().toLowerCase())", {
        event,
      }),
    ).toEqual({ ok: true, value: true });
    expect(evaluateJiraExpression('event.issue.fields?.status?.name == null', { event })).toEqual({
      ok: true,
      value: true,
    });
  });
});
