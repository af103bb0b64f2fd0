// The Forge key-value store, locally: the /api/v1/{get,set,delete,query} calls @forge/kvs makes, answered from a
// map that is written to a JSON file after each change (atomic rename), so it survives restarts.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

type Entry = { value: unknown; expiresAtMs: number | null };

export type KvsReply = { status: number; body: unknown };

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

  keys(): string[] {
    return [...this.entries.keys()].filter((k) => this.live(k) !== undefined);
  }

  /** Answers one @forge/kvs call (path /api/v1/…, JSON body). */
  handle(path: string, body: unknown): KvsReply {
    const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const key = typeof request.key === 'string' ? request.key : null;
    switch (path) {
      case '/api/v1/get': {
        const entry = key === null ? undefined : this.live(key);
        return entry ? { status: 200, body: { key, value: entry.value } } : { status: 404, body: { code: 'KEY_NOT_FOUND', message: `key ${key} not found` } };
      }
      case '/api/v1/set': {
        if (key === null) return { status: 400, body: { code: 'BAD_REQUEST', message: 'key is required' } };
        const ttl = (request.options as { ttl?: { value: number; unit: string } } | undefined)?.ttl;
        const unitMs: Record<string, number> = { MILLISECONDS: 1, SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };
        const expiresAtMs = ttl ? this.nowMs() + ttl.value * (unitMs[ttl.unit] ?? 1000) : null;
        this.entries.set(key, { value: request.value, expiresAtMs });
        this.persist();
        return { status: 200, body: {} };
      }
      case '/api/v1/delete': {
        if (key !== null) this.entries.delete(key);
        this.persist();
        return { status: 200, body: {} };
      }
      case '/api/v1/query': {
        const where = Array.isArray(request.where) ? (request.where as { condition?: string; values?: unknown[] }[]) : [];
        const prefix = where.find((w) => w.condition === 'BEGINS_WITH')?.values?.[0];
        const limit = typeof request.limit === 'number' ? request.limit : 100;
        const matching = this.keys().filter((k) => typeof prefix !== 'string' || k.startsWith(prefix)).sort();
        const after = typeof request.after === 'string' ? matching.indexOf(request.after) + 1 : 0;
        const page = matching.slice(after, after + limit);
        return { status: 200, body: { data: page.map((k) => ({ key: k, value: this.entries.get(k)?.value })), ...(after + limit < matching.length ? { cursor: page[page.length - 1] } : {}) } };
      }
      default:
        return { status: 404, body: { code: 'NOT_FOUND', message: `the local store does not implement ${path}` } };
    }
  }
}
