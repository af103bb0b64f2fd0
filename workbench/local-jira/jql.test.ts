import { parseJql, type JqlClause, type JqlOperand, type JqlOperator, type JqlQuery } from './jql';

const term = (field: string, operator: JqlOperator, operand: JqlOperand): JqlClause => ({
  kind: 'term',
  field,
  operator,
  operand,
});
const value = (text: string): JqlOperand => ({ kind: 'value', text });

describe('parseJql', () => {
  it.each<[string, string, JqlQuery]>([
    ['one clause', 'project = DEMAT', { where: term('project', '=', value('DEMAT')), orderBy: [] }],
    [
      'keys in a list',
      'key in (DEMAT-1, "DEMAT-2")',
      { where: term('key', 'in', { kind: 'list', items: [value('DEMAT-1'), value('DEMAT-2')] }), orderBy: [] },
    ],
    [
      'a quoted custom field name and cf[] with AND',
      '"Statut SLA" in (running, paused) AND cf[10105] != breached',
      {
        where: {
          kind: 'and',
          clauses: [
            term('Statut SLA', 'in', { kind: 'list', items: [value('running'), value('paused')] }),
            term('cf[10105]', '!=', value('breached')),
          ],
        },
        orderBy: [],
      },
    ],
    [
      'keywords ignore case',
      'sprint IN openSprints() order by Rank desc',
      {
        where: term('sprint', 'in', { kind: 'function', name: 'openSprints', args: [] }),
        orderBy: [{ field: 'Rank', direction: 'desc' }],
      },
    ],
    [
      'is EMPTY and not in',
      'cf[10105] is EMPTY or issuetype not in (Story)',
      {
        where: {
          kind: 'or',
          clauses: [
            term('cf[10105]', 'is', { kind: 'empty' }),
            term('issuetype', 'not in', { kind: 'list', items: [value('Story')] }),
          ],
        },
        orderBy: [],
      },
    ],
    [
      'NOT and parentheses',
      'NOT (status = Fermée)',
      { where: { kind: 'not', clause: term('status', '=', value('Fermée')) }, orderBy: [] },
    ],
    ['a relative date in quotes', 'cf[10106] <= "30m"', { where: term('cf[10106]', '<=', value('30m')), orderBy: [] }],
    [
      'only ORDER BY',
      'ORDER BY key ASC, created DESC',
      {
        where: null,
        orderBy: [
          { field: 'key', direction: 'asc' },
          { field: 'created', direction: 'desc' },
        ],
      },
    ],
    ['empty', '   ', { where: null, orderBy: [] }],
  ])('%s', (_name, text, expected) => {
    expect(parseJql(text)).toEqual({ ok: true, query: expected });
  });

  it.each<[string, string, RegExp]>([
    ['missing operator', 'project DEMAT', /Expecting operator but got 'DEMAT'/],
    ['missing value', 'project =', /Expecting a value but got end of query/],
    ['unclosed list', 'key in (A-1, A-2', /Expecting ',' or '\)' but got end of query/],
    ['unterminated string', 'summary ~ "abc', /not terminated/],
    ['dangling AND', 'project = DEMAT AND', /Expecting a field name/],
    ['ORDER without BY', 'project = DEMAT ORDER key', /Expecting 'by'/],
    ['IS with a value', 'status is Fermée', /Expecting 'EMPTY' or 'NULL'/],
  ])('refuses %s, as Jira says it', (_name, text, message) => {
    const parsed = parseJql(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/^Error in the JQL Query: /);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
