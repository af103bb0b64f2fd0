// The Forge platform, locally: the seams the real SDKs use (`global.__forge_fetch__`, `global.__forge_runtime__`),
// a queue that delivers to the app's consumer, product events delivered to the app's trigger, and Jira's calls to
// function validators. The app's handlers are loaded as they deploy (src/index.ts exports); nothing is mocked.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { APP_ACCOUNT_ID, APP_ID, ENVIRONMENT_ID, type LocalJiraControl } from '../local-jira';
import { LocalKvs } from './local-kvs';
import { filterEvent, findManifest, readTriggerFilter } from './trigger-filter';

/** The app's handlers, as src/index.ts exports them. */
export type AppModule = {
  resolver: (request: { call: { functionKey: string; payload: unknown; jobId?: string }; context: unknown }, backend: unknown) => Promise<unknown>;
  administrationValidator: (payload: unknown, context: unknown) => Promise<unknown>;
  onIssueEvent: (event: unknown, context?: unknown) => Promise<void>;
  onRecompute: (event: unknown, context?: unknown) => Promise<void>;
  onSchedule: (event?: unknown, context?: unknown) => Promise<void>;
};

export const CLOUD_ID = '8b0f1a52-6c2e-4f8d-9e37-2d4c5b6a7f80';
export const SITE_URL = 'http://localhost';

type Invocation = { readonly accountId: string | null; readonly id: string };

export type HostCallRecord = {
  readonly seq: number;
  /** The invocation (resolver call, event, job) that made the call. */
  readonly invocationId: string | null;
  readonly kind: 'jira' | 'kvs' | 'queue';
  readonly as: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
};

type GlobalWithForge = typeof globalThis & {
  __forge_fetch__?: (target: unknown, path: string, init?: { method?: string; body?: unknown; headers?: unknown }) => Promise<Response>;
  __forge_runtime__?: unknown;
};

const metricsStub = () => {
  const noop = { incr: () => undefined, decr: () => undefined, set: () => undefined, stop: () => undefined, measure: () => ({ stop: () => undefined }) };
  return { counter: () => noop, timing: () => noop, gauge: () => noop };
};

const jsonResponse = (status: number, body: unknown): Response =>
  status === 204 || body === undefined ? new Response(null, { status }) : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export class ForgeHost {
  private readonly invocation = new AsyncLocalStorage<Invocation>();
  private readonly records: HostCallRecord[] = [];
  private seq = 0;
  private readonly pending = new Set<Promise<unknown>>();
  private app: AppModule | null = null;
  /** Failures of background work (events, queue), kept for the workbench to show and tests to check. */
  readonly backgroundErrors: string[] = [];

  constructor(
    readonly jira: LocalJiraControl,
    readonly kvs: LocalKvs,
  ) {}

  /** Installs the seams; must run before the app's modules are loaded (@forge/kvs picks its target at import). */
  install(): void {
    const g = globalThis as GlobalWithForge;
    g.__forge_runtime__ = {
      proxy: { token: 'workbench', url: SITE_URL },
      contextAri: `ari:cloud:jira::site/${CLOUD_ID}`,
      container: { id: 'workbench' },
      appContext: {
        appId: APP_ID,
        appVersion: '0.1.0',
        environmentId: ENVIRONMENT_ID,
        environmentType: 'DEVELOPMENT',
        invocationId: 'workbench',
        installationId: 'workbench',
        moduleKey: 'workbench',
      },
      lambdaContext: { getRemainingTimeInMillis: () => 25_000 },
      tracing: { traceId: 'workbench', spanId: 'workbench' },
      metrics: metricsStub(),
      featureFlags: () => false,
    };
    g.__forge_fetch__ = (target, path, init) => this.fetch(target, path, init);
  }

  /** Connects the loaded app to Jira's events and validators. */
  attach(app: AppModule): void {
    this.app = app;
    // The issue trigger's filter as manifest.yml declares it (ignoreSelf, expression, onError): an event it rejects
    // never reaches the app, as on Forge.
    const filter = readTriggerFilter(findManifest(), 'on-issue-event');
    this.jira.onIssueEvent((event) => {
      const decision = filterEvent(filter, event, APP_ACCOUNT_ID);
      if (decision.log !== null) this.backgroundErrors.push(decision.log);
      if (!decision.deliver) return;
      this.background('issue event', () => this.runAs(null, () => app.onIssueEvent(event, { installContext: `ari:cloud:jira::site/${CLOUD_ID}` })));
    });
    this.jira.setFunctionValidator((_ruleKey, payload, accountId) =>
      this.runAs(accountId, async () => {
        const decision = (await app.administrationValidator(payload, { principal: { accountId }, installContext: `ari:cloud:jira::site/${CLOUD_ID}` })) as { result: boolean; errorMessage?: string };
        return decision;
      }),
    );
  }

  private background(what: string, run: () => Promise<unknown>): void {
    const work = run()
      .catch((error: unknown) => {
        this.backgroundErrors.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Waits until events and queued jobs are all handled (those they start included). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  runAs<T>(accountId: string | null, run: () => Promise<T>, id: string = randomUUID()): Promise<T> {
    return this.invocation.run({ accountId, id }, run);
  }

  calls(): readonly HostCallRecord[] {
    return this.records;
  }

  /** Runs a resolver as Forge does: the host's UI context, and the principal the platform vouches for. */
  async invoke(functionKey: string, payload: unknown, context: Record<string, unknown>, accountId: string): Promise<unknown> {
    return (await this.invokeCounted(functionKey, payload, context, accountId)).result;
  }

  /** The same, with the Jira REST calls this invocation made (and only it, whatever runs meanwhile). */
  async invokeCounted(functionKey: string, payload: unknown, context: Record<string, unknown>, accountId: string): Promise<{ result: unknown; jiraCalls: readonly HostCallRecord[] }> {
    if (!this.app) throw new Error('the app is not loaded');
    const app = this.app;
    const id = randomUUID();
    const result = await this.runAs(
      accountId,
      () =>
      app.resolver(
        { call: { functionKey, payload }, context: { ...context, accountId, cloudId: CLOUD_ID, siteUrl: SITE_URL, environmentId: ENVIRONMENT_ID, environmentType: 'DEVELOPMENT' } },
        { principal: { accountId }, installContext: `ari:cloud:jira::site/${CLOUD_ID}` },
      ),
      id,
    );
    return { result, jiraCalls: this.records.filter((r) => r.invocationId === id && r.kind === 'jira') };
  }

  /** The scheduled trigger, as Forge runs it. */
  async tick(): Promise<void> {
    if (!this.app) throw new Error('the app is not loaded');
    const app = this.app;
    await this.runAs(null, () => app.onSchedule({}, { installContext: `ari:cloud:jira::site/${CLOUD_ID}` }));
  }

  private record(kind: HostCallRecord['kind'], as: string, method: string, path: string, status: number): void {
    this.records.push({ seq: ++this.seq, invocationId: this.invocation.getStore()?.id ?? null, kind, as, method, path: path.split('?')[0] ?? path, status });
  }

  private async fetch(target: unknown, path: string, init?: { method?: string; body?: unknown }): Promise<Response> {
    const t = (typeof target === 'object' && target !== null ? target : {}) as { type?: string; provider?: string; remote?: string };
    const method = (init?.method ?? 'GET').toUpperCase();
    let body: unknown;
    if (typeof init?.body === 'string' && init.body !== '') {
      try {
        body = JSON.parse(init.body) as unknown;
      } catch {
        return jsonResponse(400, { errorMessages: ['the request body is not JSON'] });
      }
    }
    if (t.type === 'kvs') {
      const answer = this.kvs.handle(path, body);
      this.record('kvs', 'app', method, path, answer.status);
      return jsonResponse(answer.status, answer.body);
    }
    if (t.type === 'fpp' && t.remote === 'jira') {
      const accountId = this.invocation.getStore()?.accountId ?? null;
      if (t.provider === 'user' && accountId === null) {
        this.record('jira', 'user', method, path, 401);
        return new Response(null, { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' } });
      }
      const caller = t.provider === 'user' && accountId !== null ? { kind: 'user' as const, accountId } : { kind: 'app' as const };
      const answer = await this.jira.handle({ method: method as 'GET', path, body, caller });
      this.record('jira', caller.kind === 'app' ? 'app' : `user ${accountId}`, method, path, answer.status);
      return jsonResponse(answer.status, answer.body);
    }
    if (t.type === 'fpp' && t.remote === 'stargate' && path.startsWith('/webhook/queue/publish/')) {
      const published = (typeof body === 'object' && body !== null ? body : {}) as { payload?: unknown[]; queueName?: string };
      const events = Array.isArray(published.payload) ? published.payload : [];
      this.record('queue', 'app', method, path, 201);
      const jobId = randomUUID();
      for (const event of events) {
        const app = this.app;
        if (app) this.background('queue job', () => this.runAs(null, () => app.onRecompute({ ...(event as object), queueName: published.queueName, jobId, eventId: randomUUID() }, {})));
      }
      return jsonResponse(201, { jobId });
    }
    return jsonResponse(404, { message: `the workbench does not serve ${JSON.stringify(target)} ${path}` });
  }
}
