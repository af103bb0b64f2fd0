// The app's JQL functions (jira:jqlFunction) in the local Jira's search (issue 10), as Atlassian describes them
// ("Custom JQL functions"): Jira finds an app-defined function in the query, invokes the app, and replaces the
// function clause with the JQL fragment the app returns, then evaluates the resulting query. "Jira evaluates each
// custom function once and saves the result": a precomputation, one per function, arguments and operator
// (the Precomputation API's beans carry `functionKey`, `field`, `operator`, `arguments`, `value`, `error`, `used`),
// reused by later searches until it is updated, and removed after 7 days without use. A fragment that embedded the
// current time therefore goes stale here as it would on a site.
//
// What the app receives ("Custom JQL functions", Function evaluation): `{ precomputationId, clause: { field, type,
// operator, functionName, arguments } }`; it answers `{ jql }` or `{ error }` (shown to the user: a 400 here).
import { z } from 'zod';
import { parseJql, type JqlClause, type JqlOperand, type JqlQuery } from './jql';

/** A jira:jqlFunction module of the manifest (key, name, operators, types). */
export type JqlFunctionModule = {
  readonly key: string;
  readonly name: string;
  readonly operators: readonly string[];
  readonly types: readonly string[];
};

export type JqlFunctionPayload = {
  readonly precomputationId: string;
  readonly clause: {
    readonly field: string;
    readonly type: readonly string[];
    readonly operator: string;
    readonly functionName: string;
    readonly arguments: readonly string[];
  };
};

/** How the workbench runs the app's function (the Forge host): by module key, with Jira's payload. */
export type JqlFunctionHook = (moduleKey: string, payload: JqlFunctionPayload) => Promise<unknown>;

export type Precomputation = {
  readonly id: string;
  readonly functionKey: string;
  readonly functionName: string;
  readonly field: string;
  readonly operator: string;
  readonly arguments: readonly string[];
  readonly value: string | null;
  readonly error: string | null;
  readonly createdMs: number;
  updatedMs: number;
  usedMs: number;
  /** How many times the app was called for it (1 unless it was recomputed). */
  computations: number;
};

/** Unused precomputations are dropped ("Precomputations not evaluated for 7 days are removed automatically"). */
const PRECOMPUTATION_TTL_MS = 7 * 86_400_000;
/** An error answer is not kept as long: asked again after a minute (to confirm on a site). */
const ERROR_TTL_MS = 60_000;
/** The fields of type `issue`. */
const ISSUE_FIELDS = new Set(['issue', 'issuekey', 'key', 'id']);

const jqlAnswer = z.looseObject({ jql: z.string().min(1) });
const errorAnswer = z.looseObject({ error: z.string().min(1) });

export type ExpandResult =
  { readonly ok: true; readonly query: JqlQuery } | { readonly ok: false; readonly message: string };

class ExpandError extends Error {}

export class JqlFunctionHost {
  private modules: readonly JqlFunctionModule[] = [];
  private hook: JqlFunctionHook | null = null;
  private readonly store = new Map<string, Precomputation>();
  private nextId = 1;

  constructor(private readonly now: () => number) {}

  /** The app's modules and how to call them; `null` removes them (the functions are then unknown to JQL). */
  set(modules: readonly JqlFunctionModule[], hook: JqlFunctionHook | null): void {
    this.modules = hook === null ? [] : [...modules];
    this.hook = hook;
    this.store.clear();
  }

  precomputations(): readonly Precomputation[] {
    return [...this.store.values()].map((p) => ({ ...p }));
  }

  /** The query with every app function clause replaced by its (stored or fresh) fragment. */
  async expand(query: JqlQuery): Promise<ExpandResult> {
    if (query.where === null || this.hook === null || this.modules.length === 0) return { ok: true, query };
    try {
      return { ok: true, query: { where: await this.clause(query.where), orderBy: query.orderBy } };
    } catch (error) {
      if (error instanceof ExpandError) return { ok: false, message: error.message };
      throw error;
    }
  }

  private async clause(clause: JqlClause): Promise<JqlClause> {
    switch (clause.kind) {
      case 'and':
      case 'or':
        return { kind: clause.kind, clauses: await Promise.all(clause.clauses.map((c) => this.clause(c))) };
      case 'not':
        return { kind: 'not', clause: await this.clause(clause.clause) };
      case 'term': {
        const { operand } = clause;
        const module = operand.kind === 'function' ? this.moduleOf(operand.name) : undefined;
        if (operand.kind !== 'function' || module === undefined) return clause;
        return this.replace(clause.field, clause.operator, operand, module);
      }
    }
  }

  private moduleOf(name: string): JqlFunctionModule | undefined {
    return this.modules.find((m) => m.name.toLowerCase() === name.toLowerCase());
  }

  private async replace(
    field: string,
    operator: string,
    operand: Extract<JqlOperand, { kind: 'function' }>,
    module: JqlFunctionModule,
  ): Promise<JqlClause> {
    const call = `${module.name}(${operand.args.map((a) => JSON.stringify(a)).join(', ')})`;
    if (!module.types.includes('issue') || !ISSUE_FIELDS.has(field.trim().toLowerCase()))
      throw new ExpandError(`Function '${call}' is not supported for the field '${field}'.`);
    if (!module.operators.includes(operator))
      throw new ExpandError(`The operator '${operator}' is not supported by the function '${module.name}'.`);
    const pre = await this.precomputation(module, field, operator, operand.args);
    if (pre.error !== null) throw new ExpandError(pre.error);
    const parsed = parseJql(pre.value ?? '');
    if (!parsed.ok || parsed.query.where === null || parsed.query.orderBy.length > 0)
      throw new ExpandError(`The JQL fragment returned by '${call}' is not valid JQL: ${pre.value ?? ''}`);
    return parsed.query.where;
  }

  private async precomputation(
    module: JqlFunctionModule,
    field: string,
    operator: string,
    args: readonly string[],
  ): Promise<Precomputation> {
    const hook = this.hook;
    if (hook === null) throw new ExpandError(`Unable to find JQL function '${module.name}'.`);
    const nowMs = this.now();
    const key = JSON.stringify([module.key, operator, args]);
    const stored = this.store.get(key);
    const expired =
      stored !== undefined &&
      (nowMs - stored.usedMs > PRECOMPUTATION_TTL_MS ||
        (stored.error !== null && nowMs - stored.updatedMs > ERROR_TTL_MS));
    if (stored !== undefined && !expired) {
      stored.usedMs = nowMs;
      return stored;
    }
    const id = stored?.id ?? `precomputation-${this.nextId++}`;
    const payload: JqlFunctionPayload = {
      precomputationId: id,
      clause: { field, type: ['issue'], operator, functionName: module.name, arguments: [...args] },
    };
    let value: string | null = null;
    let error: string | null = null;
    try {
      const answer: unknown = await hook(module.key, payload);
      const fragment = jqlAnswer.safeParse(answer);
      const failure = errorAnswer.safeParse(answer);
      if (fragment.success) value = fragment.data.jql;
      else if (failure.success) error = failure.data.error;
      else error = `The function '${module.name}' returned neither a JQL fragment nor an error.`;
    } catch (thrown) {
      error = `The function '${module.name}' failed: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
    }
    const pre: Precomputation = {
      id,
      functionKey: module.key,
      functionName: module.name,
      field,
      operator,
      arguments: [...args],
      value,
      error,
      createdMs: stored?.createdMs ?? nowMs,
      updatedMs: nowMs,
      usedMs: nowMs,
      computations: (stored?.computations ?? 0) + 1,
    };
    this.store.set(key, pre);
    return pre;
  }
}
