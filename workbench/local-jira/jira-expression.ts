// A small Jira-expression evaluator for the subset Contract SLA generates (workflow validators, custom-field
// validation): string/number/boolean/null literals, list literals, identifiers, member access (`.`, `?.`, `['x']`),
// `.length`, `.includes(x)`, `.some(x => …)`, `.map(x => …)` (and `.every`, `.filter`), `== != && || ! < <= > >= +`,
// the ternary operator and parentheses. Values are JSON values; an arrow function exists only as a call argument.
// Nothing here throws to its caller: parse and evaluation problems come back as values.

export type ExpressionValue = null | boolean | number | string | readonly ExpressionValue[] | ExpressionObject;
export type ExpressionObject = { readonly [key: string]: ExpressionValue };
export type ExpressionContext = Readonly<Record<string, ExpressionValue>>;

export type ExpressionProblem = { readonly kind: 'parse' | 'evaluation'; readonly message: string };
export type ExpressionOutcome =
  { readonly ok: true; readonly value: ExpressionValue } | { readonly ok: false; readonly problem: ExpressionProblem };

/** What a validator makes of an expression: pass, or fail with the message to show (and why, when it broke). */
export type ExpressionVerdict =
  | { readonly pass: true }
  | { readonly pass: false; readonly message: string; readonly problem: ExpressionProblem | null };

// ---- Tokens ----

type Token =
  | { readonly type: 'number'; readonly value: number; readonly at: number }
  | { readonly type: 'string'; readonly value: string; readonly at: number }
  | { readonly type: 'name'; readonly value: string; readonly at: number }
  | { readonly type: 'punct'; readonly value: string; readonly at: number }
  | { readonly type: 'end'; readonly value: ''; readonly at: number };

// Longest first, so that `?.` wins over `?` and `==` over `=`.
const PUNCTUATION = [
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '?.',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
  '!',
  '<',
  '>',
  '+',
  '-',
  '?',
  ':',
];

class ParseError extends Error {}

const describeToken = (token: Token): string =>
  token.type === 'end'
    ? 'the end of the expression'
    : `"${token.type === 'string' ? `'${token.value}'` : String(token.value)}"`;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const match = /^\d+(\.\d+)?/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ type: 'number', value: Number(match[0]), at: i });
      i += match[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const d = text[j];
        if (d === undefined) throw new ParseError(`unterminated string starting at character ${i + 1}`);
        if (d === c) break;
        if (d === '\\') {
          const e = text[j + 1];
          if (e === undefined) throw new ParseError(`unterminated string starting at character ${i + 1}`);
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          j += 2;
          continue;
        }
        value += d;
        j++;
      }
      tokens.push({ type: 'string', value, at: i });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const match = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ type: 'name', value: match[0], at: i });
      i += match[0].length;
      continue;
    }
    const punct = PUNCTUATION.find((p) => text.startsWith(p, i));
    if (punct === undefined) throw new ParseError(`unexpected character "${c}" at character ${i + 1}`);
    tokens.push({ type: 'punct', value: punct, at: i });
    i += punct.length;
  }
  tokens.push({ type: 'end', value: '', at: text.length });
  return tokens;
}

// ---- Syntax tree ----

type Node =
  | { readonly type: 'literal'; readonly value: null | boolean | number | string }
  | { readonly type: 'list'; readonly items: readonly Node[] }
  | { readonly type: 'identifier'; readonly name: string }
  | { readonly type: 'member'; readonly object: Node; readonly property: Node; readonly optional: boolean }
  | {
      readonly type: 'call';
      readonly object: Node;
      readonly method: string;
      readonly optional: boolean;
      readonly args: readonly Node[];
    }
  | { readonly type: 'arrow'; readonly param: string; readonly body: Node }
  | { readonly type: 'unary'; readonly op: '!' | '-'; readonly operand: Node }
  | {
      readonly type: 'binary';
      readonly op: '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-';
      readonly left: Node;
      readonly right: Node;
    }
  | { readonly type: 'logical'; readonly op: '&&' | '||'; readonly left: Node; readonly right: Node }
  | { readonly type: 'conditional'; readonly test: Node; readonly then: Node; readonly otherwise: Node };

export type ParsedExpression =
  { readonly ok: true; readonly node: Node } | { readonly ok: false; readonly problem: ExpressionProblem };

class Parser {
  private index = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): Node {
    const node = this.expression();
    const next = this.peek();
    if (next.type !== 'end') throw new ParseError(`unexpected ${describeToken(next)} at character ${next.at + 1}`);
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  private isPunct(value: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.type === 'punct' && token.value === value;
  }

  private expect(value: string): void {
    const token = this.next();
    if (token.type !== 'punct' || token.value !== value) {
      throw new ParseError(`expected "${value}" but found ${describeToken(token)} at character ${token.at + 1}`);
    }
  }

  private expression(): Node {
    // An arrow function `x => …` is an expression only where a call argument is expected (see args()).
    const test = this.logical('||');
    if (!this.isPunct('?')) return test;
    this.next();
    const then = this.expression();
    this.expect(':');
    const otherwise = this.expression();
    return { type: 'conditional', test, then, otherwise };
  }

  private logical(op: '||' | '&&'): Node {
    let left = op === '||' ? this.logical('&&') : this.equality();
    while (this.isPunct(op)) {
      this.next();
      const right = op === '||' ? this.logical('&&') : this.equality();
      left = { type: 'logical', op, left, right };
    }
    return left;
  }

  private equality(): Node {
    let left = this.relational();
    while (this.isPunct('==') || this.isPunct('!=')) {
      const op = this.next().value as '==' | '!=';
      left = { type: 'binary', op, left, right: this.relational() };
    }
    return left;
  }

  private relational(): Node {
    let left = this.additive();
    while (this.isPunct('<') || this.isPunct('<=') || this.isPunct('>') || this.isPunct('>=')) {
      const op = this.next().value as '<' | '<=' | '>' | '>=';
      left = { type: 'binary', op, left, right: this.additive() };
    }
    return left;
  }

  private additive(): Node {
    let left = this.unary();
    while (this.isPunct('+') || this.isPunct('-')) {
      const op = this.next().value as '+' | '-';
      left = { type: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Node {
    if (this.isPunct('!') || this.isPunct('-')) {
      const op = this.next().value as '!' | '-';
      return { type: 'unary', op, operand: this.unary() };
    }
    return this.postfix();
  }

  private postfix(): Node {
    let node = this.primary();
    for (;;) {
      if (this.isPunct('.') || this.isPunct('?.')) {
        const optional = this.next().value === '?.';
        if (optional && this.isPunct('[')) {
          this.next();
          const property = this.expression();
          this.expect(']');
          node = { type: 'member', object: node, property, optional };
          continue;
        }
        const name = this.next();
        if (name.type !== 'name')
          throw new ParseError(`expected a property name but found ${describeToken(name)} at character ${name.at + 1}`);
        if (this.isPunct('(')) {
          node = { type: 'call', object: node, method: name.value, optional, args: this.args() };
        } else {
          node = { type: 'member', object: node, property: { type: 'literal', value: name.value }, optional };
        }
        continue;
      }
      if (this.isPunct('[')) {
        this.next();
        const property = this.expression();
        this.expect(']');
        node = { type: 'member', object: node, property, optional: false };
        continue;
      }
      return node;
    }
  }

  private args(): Node[] {
    this.expect('(');
    const args: Node[] = [];
    if (this.isPunct(')')) {
      this.next();
      return args;
    }
    for (;;) {
      args.push(this.argument());
      if (this.isPunct(',')) {
        this.next();
        continue;
      }
      this.expect(')');
      return args;
    }
  }

  private argument(): Node {
    const first = this.peek();
    // `x => body` or `(x) => body`
    if (first.type === 'name' && this.isPunct('=>', 1)) {
      this.next();
      this.next();
      return { type: 'arrow', param: first.value, body: this.expression() };
    }
    const inner = this.peek(1);
    if (this.isPunct('(') && inner.type === 'name' && this.isPunct(')', 2) && this.isPunct('=>', 3)) {
      this.index += 4;
      return { type: 'arrow', param: inner.value, body: this.expression() };
    }
    return this.expression();
  }

  private primary(): Node {
    const token = this.next();
    switch (token.type) {
      case 'number':
      case 'string':
        return { type: 'literal', value: token.value };
      case 'name':
        if (token.value === 'true' || token.value === 'false')
          return { type: 'literal', value: token.value === 'true' };
        if (token.value === 'null') return { type: 'literal', value: null };
        return { type: 'identifier', name: token.value };
      case 'punct':
        if (token.value === '(') {
          const inner = this.expression();
          this.expect(')');
          return inner;
        }
        if (token.value === '[') {
          const items: Node[] = [];
          if (!this.isPunct(']')) {
            for (;;) {
              items.push(this.expression());
              if (!this.isPunct(',')) break;
              this.next();
            }
          }
          this.expect(']');
          return { type: 'list', items };
        }
        throw new ParseError(`unexpected ${describeToken(token)} at character ${token.at + 1}`);
      case 'end':
        throw new ParseError('unexpected end of the expression');
    }
  }
}

/** Parses an expression; a syntax error comes back as a problem. */
export function parseJiraExpression(text: string): ParsedExpression {
  try {
    return { ok: true, node: new Parser(tokenize(text)).parseAll() };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, problem: { kind: 'parse', message: error.message } };
    throw error;
  }
}

// ---- Evaluation ----

class EvaluationError extends Error {}

/** A `?.` met null: the rest of the member chain is skipped and the chain is null (JavaScript's short circuit). */
const SHORT = Symbol('short-circuit');
type Scope = ReadonlyMap<string, ExpressionValue>;

const isList = (value: ExpressionValue): value is readonly ExpressionValue[] => Array.isArray(value);
const isObject = (value: ExpressionValue): value is ExpressionObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const typeName = (value: ExpressionValue): string =>
  value === null
    ? 'null'
    : isList(value)
      ? 'List'
      : isObject(value)
        ? 'Map'
        : typeof value === 'string'
          ? 'String'
          : typeof value === 'number'
            ? 'Number'
            : 'Boolean';

const show = (value: ExpressionValue): string => {
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

/** Jira expressions are typed; this evaluator is lenient and reads null, false, 0 and '' as false. */
const truthy = (value: ExpressionValue): boolean => value !== null && value !== false && value !== 0 && value !== '';

function equals(a: ExpressionValue, b: ExpressionValue): boolean {
  if (a === b) return true;
  if (isList(a) && isList(b)) return a.length === b.length && a.every((x, i) => equals(x, b[i] as ExpressionValue));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => k in b && equals(a[k] as ExpressionValue, b[k] as ExpressionValue))
    );
  }
  return false;
}

function evaluateNode(node: Node, scope: Scope): ExpressionValue {
  const value = evaluateChain(node, scope);
  return value === SHORT ? null : value;
}

function evaluateChain(node: Node, scope: Scope): ExpressionValue | typeof SHORT {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'list':
      return node.items.map((item) => evaluateNode(item, scope));
    case 'identifier': {
      if (!scope.has(node.name)) throw new EvaluationError(`unknown identifier "${node.name}"`);
      return scope.get(node.name) as ExpressionValue;
    }
    case 'member': {
      const object = evaluateChain(node.object, scope);
      if (object === SHORT) return SHORT;
      if (object === null) {
        if (node.optional) return SHORT;
        throw new EvaluationError(`cannot read ${describeProperty(node.property)} of null`);
      }
      return readProperty(object, evaluateNode(node.property, scope));
    }
    case 'call': {
      const object = evaluateChain(node.object, scope);
      if (object === SHORT) return SHORT;
      if (object === null) {
        if (node.optional) return SHORT;
        throw new EvaluationError(`cannot call ${node.method}() on null`);
      }
      return callMethod(object, node.method, node.args, scope);
    }
    case 'arrow':
      throw new EvaluationError(
        'an arrow function is only allowed as the argument of some(), map(), every() or filter()',
      );
    case 'unary': {
      const operand = evaluateNode(node.operand, scope);
      if (node.op === '!') return !truthy(operand);
      if (typeof operand !== 'number') throw new EvaluationError(`cannot negate ${typeName(operand)} ${show(operand)}`);
      return -operand;
    }
    case 'logical': {
      const left = truthy(evaluateNode(node.left, scope));
      if (node.op === '&&') return left ? truthy(evaluateNode(node.right, scope)) : false;
      return left ? true : truthy(evaluateNode(node.right, scope));
    }
    case 'conditional':
      return truthy(evaluateNode(node.test, scope))
        ? evaluateNode(node.then, scope)
        : evaluateNode(node.otherwise, scope);
    case 'binary':
      return evaluateBinary(node.op, evaluateNode(node.left, scope), evaluateNode(node.right, scope));
  }
}

const describeProperty = (property: Node): string =>
  property.type === 'literal' ? `"${String(property.value)}"` : 'a property';

function readProperty(object: ExpressionValue, property: ExpressionValue): ExpressionValue {
  if (isList(object)) {
    if (property === 'length') return object.length;
    if (typeof property === 'number' && Number.isInteger(property))
      return object[property < 0 ? object.length + property : property] ?? null;
    throw new EvaluationError(`a List has no property ${show(property)}`);
  }
  if (typeof object === 'string') {
    if (property === 'length') return object.length;
    throw new EvaluationError(`a String has no property ${show(property)}`);
  }
  if (isObject(object)) {
    if (typeof property !== 'string')
      throw new EvaluationError(`a Map key must be a String, not ${typeName(property)}`);
    // An absent key reads as null: issue.customfield_10100 of an issue without that field is null, as in Jira.
    return Object.prototype.hasOwnProperty.call(object, property) ? (object[property] as ExpressionValue) : null;
  }
  throw new EvaluationError(`${typeName(object)} ${show(object)} has no property ${show(property)}`);
}

function callMethod(object: ExpressionValue, method: string, args: readonly Node[], scope: Scope): ExpressionValue {
  const arity = (n: number) => {
    if (args.length !== n)
      throw new EvaluationError(`${method}() takes ${n} argument${n === 1 ? '' : 's'}, got ${args.length}`);
  };
  const lambda = (): ((item: ExpressionValue) => ExpressionValue) => {
    arity(1);
    const fn = args[0] as Node;
    if (fn.type !== 'arrow') throw new EvaluationError(`${method}() takes an arrow function (x => …)`);
    return (item) => evaluateNode(fn.body, new Map([...scope, [fn.param, item]]));
  };
  if (isList(object)) {
    switch (method) {
      case 'includes': {
        arity(1);
        const needle = evaluateNode(args[0] as Node, scope);
        return object.some((item) => equals(item, needle));
      }
      case 'some': {
        const fn = lambda();
        return object.some((item) => truthy(fn(item)));
      }
      case 'every': {
        const fn = lambda();
        return object.every((item) => truthy(fn(item)));
      }
      case 'map': {
        const fn = lambda();
        return object.map(fn);
      }
      case 'filter': {
        const fn = lambda();
        return object.filter((item) => truthy(fn(item)));
      }
    }
  }
  if (typeof object === 'string') {
    switch (method) {
      case 'includes': {
        arity(1);
        const needle = evaluateNode(args[0] as Node, scope);
        if (typeof needle !== 'string')
          throw new EvaluationError(`String.includes() takes a String, not ${typeName(needle)}`);
        return object.includes(needle);
      }
      case 'toLowerCase':
        arity(0);
        return object.toLowerCase();
      case 'toUpperCase':
        arity(0);
        return object.toUpperCase();
      case 'trim':
        arity(0);
        return object.trim();
    }
  }
  throw new EvaluationError(`${typeName(object)} has no method ${method}()`);
}

function evaluateBinary(
  op: '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-',
  left: ExpressionValue,
  right: ExpressionValue,
): ExpressionValue {
  switch (op) {
    case '==':
      return equals(left, right);
    case '!=':
      return !equals(left, right);
    case '+':
      if (typeof left === 'number' && typeof right === 'number') return left + right;
      if (typeof left === 'string' || typeof right === 'string') return stringOf(left) + stringOf(right);
      if (isList(left) && isList(right)) return [...left, ...right];
      throw new EvaluationError(`cannot add ${typeName(left)} and ${typeName(right)}`);
    case '-':
      if (typeof left === 'number' && typeof right === 'number') return left - right;
      throw new EvaluationError(`cannot subtract ${typeName(right)} from ${typeName(left)}`);
    default: {
      const comparable =
        (typeof left === 'number' && typeof right === 'number') ||
        (typeof left === 'string' && typeof right === 'string');
      if (!comparable)
        throw new EvaluationError(
          `cannot compare ${typeName(left)} ${show(left)} with ${typeName(right)} ${show(right)}`,
        );
      const l = left as number | string;
      const r = right as number | string;
      return op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : l >= r;
    }
  }
}

const stringOf = (value: ExpressionValue): string =>
  typeof value === 'string'
    ? value
    : value === null || typeof value !== 'object'
      ? String(value)
      : JSON.stringify(value);

/**
 * Evaluates an expression in a context of named values.
 * @example evaluateJiraExpression("value == null || ['A','B'].includes(value)", { value: 'B' }) // { ok: true, value: true }
 */
export function evaluateJiraExpression(text: string, context: ExpressionContext): ExpressionOutcome {
  const parsed = parseJiraExpression(text);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, value: evaluateNode(parsed.node, new Map(Object.entries(context))) };
  } catch (error) {
    if (error instanceof EvaluationError) return { ok: false, problem: { kind: 'evaluation', message: error.message } };
    if (error instanceof RangeError)
      return { ok: false, problem: { kind: 'evaluation', message: `too complex to evaluate (${error.message})` } };
    throw error;
  }
}

/**
 * The validator rule of Jira: `true` passes; `false` fails with the default (manifest) message; a string fails with
 * that string; anything else, or an expression that cannot be evaluated, fails with the default message.
 * @example expressionVerdict({ ok: true, value: 'Set the severity' }, 'Refused') // { pass: false, message: 'Set the severity', problem: null }
 */
export function expressionVerdict(outcome: ExpressionOutcome, defaultMessage: string): ExpressionVerdict {
  if (!outcome.ok) return { pass: false, message: defaultMessage, problem: outcome.problem };
  const { value } = outcome;
  if (value === true) return { pass: true };
  if (value === false) return { pass: false, message: defaultMessage, problem: null };
  if (typeof value === 'string') return { pass: false, message: value, problem: null };
  return {
    pass: false,
    message: defaultMessage,
    problem: {
      kind: 'evaluation',
      message: `the expression returned ${typeName(value)} ${show(value)}, not a Boolean or a String`,
    },
  };
}

/**
 * A JSON value → an expression value, checked all the way down (an event payload, a configuration); undefined when
 * it is not JSON (a function, a non-finite number, a class instance).
 * @example toExpressionValue({ issue: { key: 'DEMAT-7' } }) // { issue: { key: 'DEMAT-7' } }
 */
export function toExpressionValue(value: unknown): ExpressionValue | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items: ExpressionValue[] = [];
    for (const item of value as readonly unknown[]) {
      const converted = toExpressionValue(item);
      if (converted === undefined) return undefined;
      items.push(converted);
    }
    return items;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const object: Record<string, ExpressionValue> = {};
    for (const [key, item] of Object.entries(value)) {
      // An absent optional property (undefined) is left out, as JSON.stringify would.
      if (item === undefined) continue;
      const converted = toExpressionValue(item);
      if (converted === undefined) return undefined;
      object[key] = converted;
    }
    return object;
  }
  return undefined;
}
