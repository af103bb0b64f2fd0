// A JQL parser for the subset the app and the workbench use: `field op value` clauses joined by AND / OR / NOT with
// parentheses, operators `= != < <= > >= ~ !~ in, not in, is, is not`, values that are words, quoted strings, lists,
// EMPTY / NULL and functions (`openSprints()`, `now()`), and `ORDER BY field [ASC|DESC], …`. Pure: what a field
// means is decided by the caller (search-issues.ts). Errors read like Jira's ("Error in the JQL Query: …").

export type JqlOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

export type JqlOperand =
  | { readonly kind: 'value'; readonly text: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'function'; readonly name: string; readonly args: readonly string[] }
  | { readonly kind: 'list'; readonly items: readonly JqlOperand[] };

export type JqlClause =
  | { readonly kind: 'and' | 'or'; readonly clauses: readonly JqlClause[] }
  | { readonly kind: 'not'; readonly clause: JqlClause }
  | { readonly kind: 'term'; readonly field: string; readonly operator: JqlOperator; readonly operand: JqlOperand };

export type JqlSort = { readonly field: string; readonly direction: 'asc' | 'desc' };
export type JqlQuery = { readonly where: JqlClause | null; readonly orderBy: readonly JqlSort[] };

export type JqlParseResult =
  { readonly ok: true; readonly query: JqlQuery } | { readonly ok: false; readonly message: string };

type Token =
  | { readonly type: 'word'; readonly text: string; readonly at: number }
  | { readonly type: 'string'; readonly text: string; readonly at: number }
  | { readonly type: 'punct'; readonly text: string; readonly at: number }
  | { readonly type: 'end'; readonly text: ''; readonly at: number };

class JqlError extends Error {}

const PUNCT = ['!=', '<=', '>=', '!~', '(', ')', ',', '=', '<', '>', '~'];
const RESERVED = new Set(['and', 'or', 'not', 'in', 'is', 'empty', 'null', 'order', 'by', 'asc', 'desc']);
const position = (at: number): string => `(line 1, character ${at + 1})`;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        const d = text[j];
        if (d === undefined)
          throw new JqlError(`Error in the JQL Query: The quoted string starting at ${position(i)} is not terminated.`);
        if (d === c) break;
        if (d === '\\') {
          value += text[j + 1] ?? '';
          j += 2;
          continue;
        }
        value += d;
        j++;
      }
      tokens.push({ type: 'string', text: value, at: i });
      i = j + 1;
      continue;
    }
    const punct = PUNCT.find((p) => text.startsWith(p, i));
    if (punct !== undefined) {
      tokens.push({ type: 'punct', text: punct, at: i });
      i += punct.length;
      continue;
    }
    // A word runs to the next space, quote or operator; `cf[10105]` and `DEMAT-12` are words.
    const match = /^[^\s"'(),=!<>~]+/.exec(text.slice(i));
    if (match === null)
      throw new JqlError(`Error in the JQL Query: The character '${c}' is a reserved JQL character ${position(i)}.`);
    tokens.push({ type: 'word', text: match[0], at: i });
    i += match[0].length;
  }
  tokens.push({ type: 'end', text: '', at: text.length });
  return tokens;
}

const shown = (token: Token): string => (token.type === 'end' ? 'end of query' : `'${token.text}'`);

class Parser {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === 'word' && token.text.toLowerCase() === word;
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token.type === 'punct' && token.text === text;
  }

  private fail(expecting: string): never {
    const token = this.peek();
    throw new JqlError(`Error in the JQL Query: Expecting ${expecting} but got ${shown(token)}. ${position(token.at)}`);
  }

  query(): JqlQuery {
    let where: JqlClause | null = null;
    if (!this.isKeyword('order') && this.peek().type !== 'end') where = this.or();
    const orderBy: JqlSort[] = [];
    if (this.isKeyword('order')) {
      this.next();
      if (!this.isKeyword('by')) this.fail("'by'");
      this.next();
      for (;;) {
        const field = this.fieldName();
        let direction: 'asc' | 'desc' = 'asc';
        if (this.isKeyword('asc') || this.isKeyword('desc'))
          direction = this.next().text.toLowerCase() as 'asc' | 'desc';
        orderBy.push({ field, direction });
        if (!this.isPunct(',')) break;
        this.next();
      }
    }
    if (this.peek().type !== 'end') this.fail(where === null ? 'a field name' : "'AND', 'OR' or 'ORDER BY'");
    return { where, orderBy };
  }

  private or(): JqlClause {
    const clauses = [this.and()];
    while (this.isKeyword('or')) {
      this.next();
      clauses.push(this.and());
    }
    return clauses.length === 1 ? (clauses[0] as JqlClause) : { kind: 'or', clauses };
  }

  private and(): JqlClause {
    const clauses = [this.not()];
    while (this.isKeyword('and')) {
      this.next();
      clauses.push(this.not());
    }
    return clauses.length === 1 ? (clauses[0] as JqlClause) : { kind: 'and', clauses };
  }

  private not(): JqlClause {
    if (this.isKeyword('not')) {
      this.next();
      return { kind: 'not', clause: this.not() };
    }
    if (this.isPunct('(')) {
      this.next();
      const inner = this.or();
      if (!this.isPunct(')')) this.fail("')'");
      this.next();
      return inner;
    }
    return this.term();
  }

  private fieldName(): string {
    const token = this.peek();
    if (token.type === 'string' || (token.type === 'word' && !RESERVED.has(token.text.toLowerCase()))) {
      this.next();
      return token.text;
    }
    return this.fail('a field name');
  }

  private term(): JqlClause {
    const field = this.fieldName();
    const operator = this.operator();
    const operand = operator === 'in' || operator === 'not in' ? this.listOrFunction() : this.operand(operator);
    return { kind: 'term', field, operator, operand };
  }

  private operator(): JqlOperator {
    const token = this.peek();
    if (token.type === 'punct' && ['=', '!=', '<', '<=', '>', '>=', '~', '!~'].includes(token.text)) {
      this.next();
      return token.text as JqlOperator;
    }
    if (this.isKeyword('in')) {
      this.next();
      return 'in';
    }
    if (this.isKeyword('not') && this.isKeyword('in', 1)) {
      this.index += 2;
      return 'not in';
    }
    if (this.isKeyword('is')) {
      this.next();
      if (this.isKeyword('not')) {
        this.next();
        return 'is not';
      }
      return 'is';
    }
    throw new JqlError(
      `Error in the JQL Query: Expecting operator but got ${shown(token)}. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. ${position(token.at)}`,
    );
  }

  private operand(operator: JqlOperator): JqlOperand {
    if (this.isKeyword('empty') || this.isKeyword('null')) {
      this.next();
      return { kind: 'empty' };
    }
    if (operator === 'is' || operator === 'is not') return this.fail("'EMPTY' or 'NULL'");
    if (this.isPunct('(')) return this.fail('a value (use IN for a list)');
    return this.value();
  }

  private listOrFunction(): JqlOperand {
    if (!this.isPunct('(')) {
      const token = this.peek();
      if (token.type === 'word' && this.peek(1).type === 'punct' && this.peek(1).text === '(') return this.value();
      return this.fail("'('");
    }
    this.next();
    const items: JqlOperand[] = [];
    for (;;) {
      items.push(
        this.isKeyword('empty') || this.isKeyword('null') ? (this.next(), { kind: 'empty' as const }) : this.value(),
      );
      if (this.isPunct(',')) {
        this.next();
        continue;
      }
      if (!this.isPunct(')')) this.fail("',' or ')'");
      this.next();
      return { kind: 'list', items };
    }
  }

  private value(): JqlOperand {
    const token = this.peek();
    if (token.type === 'string') {
      this.next();
      return { kind: 'value', text: token.text };
    }
    if (token.type !== 'word' || RESERVED.has(token.text.toLowerCase())) return this.fail('a value');
    this.next();
    if (!this.isPunct('(')) return { kind: 'value', text: token.text };
    this.next();
    const args: string[] = [];
    while (!this.isPunct(')')) {
      const arg = this.next();
      if (arg.type !== 'word' && arg.type !== 'string') {
        this.index--;
        this.fail("a function argument or ')'");
      }
      args.push(arg.text);
      if (this.isPunct(',')) this.next();
    }
    this.next();
    return { kind: 'function', name: token.text, args };
  }
}

/**
 * Parses a JQL query.
 * @example parseJql('project = DEMAT ORDER BY key').ok // true
 */
export function parseJql(text: string): JqlParseResult {
  try {
    return { ok: true, query: new Parser(tokenize(text)).query() };
  } catch (error) {
    if (error instanceof JqlError) return { ok: false, message: error.message };
    throw error;
  }
}
