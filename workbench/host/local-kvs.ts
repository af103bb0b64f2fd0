// The Forge key-value store, locally: the /api/v1/{get,set,delete,query,transaction} calls @forge/kvs makes
// (node_modules/@forge/kvs/out/storage-api.js), answered from a map that is written to a JSON file after each change
// (atomic rename), so it survives restarts. What a real store refuses is refused here with the same status and body
// shape, `{ code, message }`, which @forge/kvs turns into a ForgeKvsAPIError carrying that code (utils/error-handling.js).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * The key rule, as printed (INVALID_KEY) on "Error handling for the Key-Value Store": letters, digits, `:` `.` `_`
 * `-` `#` and whitespace, not whitespace only. Without the `u` flag `\s-#` is three literals, not a range.
 */
export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;
/** "Error handling for the Key-Value Store": KEY_TOO_LONG, "the maximum 500 characters". */
export const MAX_KEY_CHARS = 500;
/** "KVS and Custom Entity Store limits" (key and object size limits): a stored value of at most 240 KiB. */
export const MAX_VALUE_BYTES = 240 * 1024;
/** "Error handling for the Custom Entity Store" (shared value codes): MAX_DEPTH, "maximum object depth (32)". */
export const MAX_VALUE_DEPTH = 32;
/** "Executing KVS transactions" (Limitations): at most 25 operations in one transaction. */
export const MAX_TRANSACTION_OPERATIONS = 25;
/** "Executing batch operations": "a payload of 4MB, similar to transactions". */
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

type Entry = { value: unknown; expiresAtMs: number | null };

export type KvsReply = { status: number; body: unknown };

const refused = (status: number, code: string, message: string): KvsReply => ({ status, body: { code, message } });

const ttlSchema = z.object({
  value: z.number().int().positive(),
  unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']),
});
const setOptionsSchema = z.looseObject({ ttl: ttlSchema.optional() }).optional();
const keyBody = z.looseObject({ key: z.string() });
const setBody = z.looseObject({ key: z.string(), value: z.unknown(), options: setOptionsSchema });
const queryBody = z.looseObject({
  limit: z.number().int().positive().optional(),
  after: z.string().optional(),
  where: z
    .array(
      z.looseObject({ property: z.literal('key'), condition: z.literal('BEGINS_WITH'), values: z.tuple([z.string()]) }),
    )
    .optional(),
});
// transaction-api.js + utils/transaction-request-builder.js: empty lists are sent as undefined; entityName and
// conditions only for the Custom Entity Store, which this store does not hold.
const transactionBody = z.object({
  set: z
    .array(
      z.looseObject({
        key: z.string(),
        value: z.unknown(),
        entityName: z.string().optional(),
        conditions: z.unknown().optional(),
        options: setOptionsSchema,
      }),
    )
    .optional(),
  delete: z
    .array(z.looseObject({ key: z.string(), entityName: z.string().optional(), conditions: z.unknown().optional() }))
    .optional(),
  check: z.array(z.unknown()).optional(),
});

const UNIT_MS = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 } as const;

const shown = (key: string): string => JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key);

/** The refusal a real store answers for this key, or null when the key is allowed. */
export const keyProblem = (key: string): KvsReply | null => {
  if (key.length === 0)
    return refused(400, 'KEY_TOO_SHORT', 'the key is empty (Forge KVS keys need at least one character)');
  if (key.length > MAX_KEY_CHARS)
    return refused(
      400,
      'KEY_TOO_LONG',
      `the key ${shown(key)} has ${key.length} characters; Forge KVS keys have at most ${MAX_KEY_CHARS}`,
    );
  if (!KEY_PATTERN.test(key))
    return refused(
      400,
      'INVALID_KEY',
      `the key ${shown(key)} does not match ${String(KEY_PATTERN)} (Forge KVS keys: letters, digits, : . _ - # and spaces)`,
    );
  return null;
};

/** Nesting of a JSON value: a scalar is 0, `{}` or `[]` is 1. Iterative (a value deeper than the stack is refused, not a crash). */
const depthOf = (value: unknown): number => {
  let deepest = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > MAX_VALUE_DEPTH) return deepest;
    for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 });
  }
  return deepest;
};

/** The refusal a real store answers for this value, or null. Size: UTF-8 bytes of its JSON, as sent. */
export const valueProblem = (key: string, value: unknown): KvsReply | null => {
  if (value === undefined) return refused(400, 'BAD_REQUEST', `no value for the key ${shown(key)}`);
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > MAX_VALUE_BYTES)
    return refused(
      400,
      'MAX_SIZE',
      `the value of ${shown(key)} is ${bytes} bytes; Forge KVS values are at most 240 KiB (${MAX_VALUE_BYTES} bytes)`,
    );
  const depth = depthOf(value);
  if (depth > MAX_VALUE_DEPTH)
    return refused(
      400,
      'MAX_DEPTH',
      `the value of ${shown(key)} is nested deeper than ${MAX_VALUE_DEPTH} levels, the Forge KVS maximum object depth`,
    );
  return null;
};

const badRequest = (path: string, error: z.ZodError): KvsReply =>
  refused(
    400,
    'BAD_REQUEST',
    `${path}: ${error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
  );

export class LocalKvs {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly file: string | null = null,
    /** The site's clock (TTLs): the workbench's demo clock, or a test's manual one. */
    private readonly nowMs: () => number,
  ) {
    if (file === null) return;
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry>;
      for (const [key, entry] of Object.entries(saved)) this.entries.set(key, entry);
    } catch {
      // No file yet (first start) or an unreadable one: start empty; the unreadable file is left as it is.
    }
  }

  private persist(): void {
    if (this.file === null) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.entries)));
    renameSync(temporary, this.file);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAtMs !== null && entry.expiresAtMs <= this.nowMs()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private entryOf(value: unknown, ttl: z.infer<typeof ttlSchema> | undefined): Entry {
    return { value, expiresAtMs: ttl ? this.nowMs() + ttl.value * UNIT_MS[ttl.unit] : null };
  }

  keys(): string[] {
    return [...this.entries.keys()].filter((k) => this.live(k) !== undefined);
  }

  /** Answers one @forge/kvs call (path /api/v1/…, JSON body). */
  handle(path: string, body: unknown): KvsReply {
    switch (path) {
      case '/api/v1/get': {
        const request = keyBody.safeParse(body);
        if (!request.success) return badRequest(path, request.error);
        const { key } = request.data;
        const problem = keyProblem(key);
        if (problem) return problem;
        const entry = this.live(key);
        return entry
          ? { status: 200, body: { key, value: entry.value } }
          : refused(404, 'KEY_NOT_FOUND', `key ${shown(key)} not found`);
      }
      case '/api/v1/set': {
        const request = setBody.safeParse(body);
        if (!request.success) return badRequest(path, request.error);
        const { key, value, options } = request.data;
        const problem = keyProblem(key) ?? valueProblem(key, value);
        if (problem) return problem;
        this.entries.set(key, this.entryOf(value, options?.ttl));
        this.persist();
        return { status: 200, body: {} };
      }
      case '/api/v1/delete': {
        const request = keyBody.safeParse(body);
        if (!request.success) return badRequest(path, request.error);
        const problem = keyProblem(request.data.key);
        if (problem) return problem;
        this.entries.delete(request.data.key);
        this.persist();
        return { status: 200, body: {} };
      }
      case '/api/v1/query': {
        const request = queryBody.safeParse(body ?? {});
        if (!request.success) return badRequest(path, request.error);
        const { limit = 100, after, where } = request.data;
        const prefix = where?.[0]?.values[0];
        const matching = this.keys()
          .filter((k) => prefix === undefined || k.startsWith(prefix))
          .sort();
        // The cursor is the last key returned: the next page starts after it, even if that key was deleted since.
        const rest = after === undefined ? matching : matching.filter((k) => k > after);
        const page = rest.slice(0, limit);
        const last = page[page.length - 1];
        return {
          status: 200,
          body: {
            data: page.map((k) => ({ key: k, value: this.entries.get(k)?.value })),
            ...(rest.length > limit && last !== undefined ? { cursor: last } : {}),
          },
        };
      }
      case '/api/v1/transaction':
        return this.transact(path, body);
      default:
        return refused(404, 'NOT_FOUND', `the local store does not implement ${path}`);
    }
  }

  /** All operations or none: every one is checked before the first is applied. */
  private transact(path: string, body: unknown): KvsReply {
    const request = transactionBody.safeParse(body);
    if (!request.success) return badRequest(path, request.error);
    const sets = request.data.set ?? [];
    const deletes = request.data.delete ?? [];
    if (
      (request.data.check ?? []).length > 0 ||
      [...sets, ...deletes].some((op) => op.entityName !== undefined || op.conditions !== undefined)
    ) {
      return refused(
        400,
        'BAD_REQUEST',
        'the local store holds no Custom Entity Store: a transaction here has only key-value set and delete',
      );
    }
    const operations = sets.length + deletes.length;
    if (operations === 0) return refused(400, 'BAD_REQUEST', 'a transaction needs at least one operation');
    if (operations > MAX_TRANSACTION_OPERATIONS) {
      return refused(
        400,
        'TOO_MANY_OPERATIONS',
        `the transaction has ${operations} operations; a Forge KVS transaction has at most ${MAX_TRANSACTION_OPERATIONS}`,
      );
    }
    const bytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
    if (bytes > MAX_TRANSACTION_BYTES)
      return refused(400, 'MAX_SIZE', `the transaction is ${bytes} bytes; a Forge KVS transaction is at most 4 MB`);
    const seen = new Set<string>();
    for (const op of [...sets, ...deletes]) {
      const problem = keyProblem(op.key);
      if (problem) return problem;
      if (seen.has(op.key))
        return refused(
          400,
          'BAD_REQUEST',
          `the key ${shown(op.key)} appears twice in one transaction; each key may appear once`,
        );
      seen.add(op.key);
    }
    for (const op of sets) {
      const problem = valueProblem(op.key, op.value);
      if (problem) return problem;
    }
    for (const op of sets) this.entries.set(op.key, this.entryOf(op.value, op.options?.ttl));
    for (const op of deletes) this.entries.delete(op.key);
    this.persist();
    return { status: 200, body: {} };
  }
}
