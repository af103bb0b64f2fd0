// The Forge platform, locally: the seams the real SDKs use (`global.__forge_fetch__`, `global.__forge_runtime__`),
// a queue that delivers to the app's consumer, product events delivered to the app's trigger, and Jira's calls to
// function validators. The app's handlers are loaded as they deploy (src/index.ts exports); nothing is mocked.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { installClock, type Clock } from '../../src/app/clock';
import { APP_ACCOUNT_ID, APP_ID, ENVIRONMENT_ID, type LocalJiraControl } from '../local-jira';
import type { JqlFunctionModule } from '../local-jira/jql-functions';
import { isRecord } from '../../src/domain/is-record';
import { checkScopes } from '../local-jira/operation-scopes';
import { FORGE_INVOCATION_LIMITS, responseProblem, runtimeExceeded, type InvocationLimits } from './invocation-limits';
import { LocalKvs } from './local-kvs';
import { checkPush } from './local-queue';
import { JiraFaults } from './jira-faults';
import { manifestScopes } from './manifest-scopes';
import { findManifest, readManifest } from './read-manifest';
import { filterEvent, readTriggerFilter } from './trigger-filter';

/** The app's handlers, as src/index.ts exports them. */
export type AppModule = {
  resolver: (
    request: { call: { functionKey: string; payload: unknown; jobId?: string }; context: unknown },
    backend: unknown,
  ) => Promise<unknown>;
  administrationValidator: (payload: unknown, context: unknown) => Promise<unknown>;
  /** Resolves to an InvocationError (@forge/events) when the event should be delivered again later. */
  onIssueEvent: (event: unknown, context?: unknown) => Promise<unknown>;
  onRecompute: (event: unknown, context?: unknown) => Promise<unknown>;
  onSchedule: (event?: unknown, context?: unknown) => Promise<void>;
  /** The jira:jqlFunction handler (issue 10): Jira's payload → `{ jql }` or `{ error }`. */
  jqlFunction?: (payload: unknown, context?: unknown) => Promise<unknown>;
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

/** A Jira call the site refused because the app's scopes allow no alternative of its operation (or the route is
 * not in the scope table): `message` names the operation and the missing scopes. */
export type ScopeRefusal = {
  readonly seq: number;
  readonly as: string;
  readonly method: string;
  readonly path: string;
  /** `GET /rest/agile/1.0/board/{boardId}`, or null for a route the scope table does not know. */
  readonly operation: string | null;
  readonly missing: readonly string[];
  readonly message: string;
};

/** What a Jira site answers a call its scopes do not allow (the API gateway's answer, as apps report it). */
const scopeRefused = (): Response =>
  new Response(JSON.stringify({ code: 401, message: 'Unauthorized; scope does not match' }), {
    status: 401,
    headers: { 'content-type': 'application/json', 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' },
  });

type GlobalWithForge = typeof globalThis & {
  __forge_fetch__?: (
    target: unknown,
    path: string,
    init?: { method?: string; body?: unknown; headers?: unknown },
  ) => Promise<Response>;
  __forge_runtime__?: unknown;
};

const metricsStub = () => {
  const noop = {
    incr: () => undefined,
    decr: () => undefined,
    set: () => undefined,
    stop: () => undefined,
    measure: () => ({ stop: () => undefined }),
  };
  return { counter: () => noop, timing: () => noop, gauge: () => noop };
};

const jsonResponse = (
  status: number,
  body: unknown,
  statusText?: string,
  headers: Record<string, string> = {},
): Response =>
  status === 204 || body === undefined
    ? new Response(null, { status, ...(statusText ? { statusText } : {}), headers })
    : new Response(JSON.stringify(body), {
        status,
        ...(statusText ? { statusText } : {}),
        headers: { 'content-type': 'application/json', ...headers },
      });

export type ForgeHostOptions = {
  /** A monotonic timer in ms for invocation durations (default `performance.now`); tests pass one they advance. */
  readonly timer?: () => number;
  /** The resolver limits (default Forge's: 25 s, 5 MB); tests may lower the runtime to see a stuck resolver stopped. */
  readonly invocationLimits?: Partial<InvocationLimits>;
  /** timeoutSeconds of the queue consumer's function in manifest.yml (on-recompute: 900), which sets its event limit. */
  readonly consumerTimeoutSeconds?: number;
  /** The scopes the site granted the app; default: `permissions.scopes` of manifest.yml. */
  readonly scopes?: readonly string[];
};

/** How many times Forge delivers an event again on an InvocationError (to confirm on the first site). */
export const MAX_REDELIVERIES = 4;

/** The retry options of an InvocationError, as the platform reads the handler's serialised result; else null. */
const retryOptionsOf = (result: unknown): { retryAfter: number; retryReason: string } | null => {
  if (typeof result !== 'object' || result === null) return null;
  const serialised = JSON.parse(JSON.stringify(result)) as {
    _retry?: unknown;
    retryOptions?: { retryAfter?: unknown; retryReason?: unknown };
  };
  if (serialised._retry !== true) return null;
  const retryAfter =
    typeof serialised.retryOptions?.retryAfter === 'number' ? Math.max(1, serialised.retryOptions.retryAfter) : 1;
  return { retryAfter, retryReason: String(serialised.retryOptions?.retryReason ?? 'FUNCTION_RETRY_REQUEST') };
};

/** manifest.yml, function on-recompute: `timeoutSeconds: 900`. */
export const CONSUMER_TIMEOUT_SECONDS = 900;

export class ForgeHost {
  private readonly invocation = new AsyncLocalStorage<Invocation>();
  private readonly records: HostCallRecord[] = [];
  private seq = 0;
  private readonly pending = new Set<Promise<unknown>>();
  private app: AppModule | null = null;
  /** Failures of background work (events, queue), kept for the workbench to show and tests to check. */
  readonly backgroundErrors: string[] = [];
  /** Faults on demand: a share of the app's Jira calls answered 429 or 500 (workbench/host/jira-faults.ts). */
  readonly faults: JiraFaults;
  /** Events and jobs delivered again because their handler returned an InvocationError. */
  readonly redeliveries: {
    readonly what: string;
    readonly retryCount: number;
    readonly retryAfterSeconds: number;
    readonly retryReason: string;
  }[] = [];
  /** Jira calls refused for their scopes, in order; each also appears in calls() with status 401. */
  readonly scopeRefusals: ScopeRefusal[] = [];
  /** The scopes the site granted the app (Forge grants the manifest's at install). */
  readonly scopes: readonly string[];

  private readonly timer: () => number;
  private readonly limits: InvocationLimits;
  private readonly consumerTimeoutSeconds: number;

  constructor(
    readonly jira: LocalJiraControl,
    readonly kvs: LocalKvs,
    /** The site's clock: the app reads it through its clock seam (src/app/clock.ts), as the local Jira and store do. */
    readonly clock: Clock,
    options: ForgeHostOptions = {},
  ) {
    this.timer = options.timer ?? (() => performance.now());
    this.limits = { ...FORGE_INVOCATION_LIMITS, ...options.invocationLimits };
    this.consumerTimeoutSeconds = options.consumerTimeoutSeconds ?? CONSUMER_TIMEOUT_SECONDS;
    this.scopes = [...(options.scopes ?? manifestScopes())];
    this.faults = new JiraFaults(clock);
  }

  /** Installs the seams; must run before the app's modules are loaded (@forge/kvs picks its target at import). */
  install(): void {
    const g = globalThis as GlobalWithForge;
    installClock(this.clock);
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
      this.deliver('issue event', (retryContext) =>
        this.runAs(null, () =>
          app.onIssueEvent(retryContext === null ? event : { ...(event as object), retryContext }, {
            installContext: `ari:cloud:jira::site/${CLOUD_ID}`,
          }),
        ),
      );
    });
    // The app's JQL functions, as manifest.yml declares them: the local Jira's search calls the handler to replace a
    // function clause with its fragment and stores it as a precomputation (workbench/local-jira/jql-functions.ts).
    const jqlFunction = app.jqlFunction;
    if (jqlFunction !== undefined) {
      this.jira.setJqlFunctions(jqlFunctionModules(readManifest()), (moduleKey, payload) =>
        this.runAs(null, () => jqlFunction(payload, { installContext: `ari:cloud:jira::site/${CLOUD_ID}`, moduleKey })),
      );
    }
    this.jira.setFunctionValidator((_ruleKey, payload, accountId) =>
      this.runAs(accountId, async () => {
        const decision = (await app.administrationValidator(payload, {
          principal: { accountId },
          installContext: `ari:cloud:jira::site/${CLOUD_ID}`,
        })) as { result: boolean; errorMessage?: string };
        return decision;
      }),
    );
  }

  /**
   * Runs an event or a queued job in the background as Forge does: a handler that returns an InvocationError
   * (@forge/events, serialised as `{ _retry: true, retryOptions }`) is invoked again after its `retryAfter`, with a
   * `retryContext`, at most MAX_REDELIVERIES times ("Async events API", Retry events). A thrown error is not retried.
   */
  private deliver(what: string, run: (retryContext: Record<string, unknown> | null) => Promise<unknown>): void {
    this.background(what, async () => {
      let lastReason: string | null = null;
      for (let retryCount = 0; ; retryCount += 1) {
        const asked = retryOptionsOf(await run(retryCount === 0 ? null : { retryCount, retryReason: lastReason }));
        if (asked === null) return;
        lastReason = asked.retryReason;
        if (retryCount >= MAX_REDELIVERIES)
          throw new Error(`still asks for a retry (${asked.retryReason}) after ${MAX_REDELIVERIES} redeliveries`);
        this.redeliveries.push({
          what,
          retryCount: retryCount + 1,
          retryAfterSeconds: asked.retryAfter,
          retryReason: asked.retryReason,
        });
        await this.clock.sleep(asked.retryAfter * 1000);
      }
    });
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
  async invoke(
    functionKey: string,
    payload: unknown,
    context: Record<string, unknown>,
    accountId: string,
  ): Promise<unknown> {
    return (await this.invokeCounted(functionKey, payload, context, accountId)).result;
  }

  /** The same, with the Jira REST calls this invocation made (and only it, whatever runs meanwhile). */
  async invokeCounted(
    functionKey: string,
    payload: unknown,
    context: Record<string, unknown>,
    accountId: string,
  ): Promise<{ result: unknown; jiraCalls: readonly HostCallRecord[] }> {
    if (!this.app) throw new Error('the app is not loaded');
    const app = this.app;
    const id = randomUUID();
    const startedMs = this.timer();
    const result = await this.withinRuntime(functionKey, startedMs, () =>
      this.runAs(
        accountId,
        () =>
          app.resolver(
            {
              call: { functionKey, payload },
              context: {
                ...context,
                accountId,
                cloudId: CLOUD_ID,
                siteUrl: SITE_URL,
                environmentId: ENVIRONMENT_ID,
                environmentType: 'DEVELOPMENT',
              },
            },
            { principal: { accountId }, installContext: `ari:cloud:jira::site/${CLOUD_ID}` },
          ),
        id,
      ),
    );
    const elapsedMs = this.timer() - startedMs;
    if (elapsedMs > this.limits.runtimeMs) throw runtimeExceeded(functionKey, elapsedMs, this.limits);
    const tooLarge = responseProblem(functionKey, result, this.limits);
    if (tooLarge) throw tooLarge;
    return { result, jiraCalls: this.records.filter((r) => r.invocationId === id && r.kind === 'jira') };
  }

  /**
   * Fails the invocation once it has run for the runtime limit, as Forge stops the function then (here its work goes
   * on unobserved: a local process cannot be stopped). A finished invocation is measured by the caller.
   */
  private async withinRuntime<T>(functionKey: string, startedMs: number, run: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const stopped = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(runtimeExceeded(functionKey, this.timer() - startedMs, this.limits)),
        this.limits.runtimeMs,
      );
      timer.unref();
    });
    try {
      return await Promise.race([run(), stopped]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The scheduled trigger, as Forge runs it. */
  async tick(): Promise<void> {
    if (!this.app) throw new Error('the app is not loaded');
    const app = this.app;
    await this.runAs(null, () => app.onSchedule({}, { installContext: `ari:cloud:jira::site/${CLOUD_ID}` }));
  }

  private record(kind: HostCallRecord['kind'], as: string, method: string, path: string, status: number): void {
    this.records.push({
      seq: ++this.seq,
      invocationId: this.invocation.getStore()?.id ?? null,
      kind,
      as,
      method,
      path: path.split('?')[0] ?? path,
      status,
    });
  }

  private async fetch(target: unknown, path: string, init?: { method?: string; body?: unknown }): Promise<Response> {
    const t = (typeof target === 'object' && target !== null ? target : {}) as {
      type?: string;
      provider?: string;
      remote?: string;
    };
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
      const caller =
        t.provider === 'user' && accountId !== null ? { kind: 'user' as const, accountId } : { kind: 'app' as const };
      const as = caller.kind === 'app' ? 'app' : `user ${accountId}`;
      // The app's scopes bound asUser() calls too: the user's permissions apply within them, never beyond.
      const verdict = checkScopes(method, path, this.scopes);
      if (!verdict.allowed) {
        this.record('jira', as, method, path, 401);
        const operation =
          verdict.operation === null ? null : `${verdict.operation.method} ${verdict.operation.pattern}`;
        this.scopeRefusals.push({
          seq: this.seq,
          as,
          method,
          path: path.split('?')[0] ?? path,
          operation,
          missing: verdict.missing,
          message: verdict.message,
        });
        return scopeRefused();
      }
      const fault = this.faults.decide();
      if (fault !== null) {
        this.record('jira', as, method, path, fault.status);
        return jsonResponse(fault.status, fault.body, undefined, fault.headers);
      }
      const answer = await this.jira.handle({ method: method as 'GET', path, body, caller });
      this.record('jira', as, method, path, answer.status);
      return jsonResponse(answer.status, answer.body);
    }
    if (t.type === 'fpp' && t.remote === 'stargate' && path.startsWith('/webhook/queue/publish/')) {
      const checked = checkPush(body, this.consumerTimeoutSeconds);
      if (!checked.ok) {
        this.record('queue', 'app', method, path, checked.refusal.status);
        return jsonResponse(checked.refusal.status, checked.refusal.body, checked.refusal.statusText);
      }
      const { queueName, jobId, payload: events } = checked.push;
      this.record('queue', 'app', method, path, 201);
      for (const event of events) {
        const app = this.app;
        const eventId = randomUUID();
        if (app)
          this.deliver('queue job', (retryContext) =>
            this.runAs(null, () =>
              app.onRecompute(
                { ...event, queueName, jobId, eventId, ...(retryContext === null ? {} : { retryContext }) },
                {},
              ),
            ),
          );
      }
      // The SDK returns the jobId it sent (queue.js); the events carry that same id.
      return jsonResponse(201, { jobId });
    }
    return jsonResponse(404, { message: `the workbench does not serve ${JSON.stringify(target)} ${path}` });
  }
}

/** The manifest's jira:jqlFunction modules (key, name, operators, types), for the local Jira's search. */
function jqlFunctionModules(manifest: unknown): JqlFunctionModule[] {
  const modules = isRecord(manifest) && isRecord(manifest['modules']) ? manifest['modules']['jira:jqlFunction'] : [];
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  return (Array.isArray(modules) ? modules : []).flatMap((m) =>
    isRecord(m) && typeof m['key'] === 'string' && typeof m['name'] === 'string'
      ? [{ key: m['key'], name: m['name'], operators: strings(m['operators']), types: strings(m['types']) }]
      : [],
  );
}
