// The workbench refuses what a Forge site refuses, as a site answers it: each rule is broken once through the real
// SDKs (@forge/kvs, @forge/events) or the host's resolver invocation, and the refusal names the rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJira } from '../local-jira';
import { ManualClock } from './clocks';
import { CONSUMER_TIMEOUT_SECONDS, ForgeHost, type AppModule } from './forge-host';
import { InvocationLimitError } from './invocation-limits';
import { LocalKvs, MAX_KEY_CHARS, MAX_VALUE_BYTES } from './local-kvs';

type KvsModule = typeof import('@forge/kvs');
type Validators = { validatePushAPIResponse: (request: unknown, response: Response, result: unknown) => Promise<void> };
type ForgeFetch = (target: unknown, path: string, init?: { method?: string; body?: string }) => Promise<Response>;

const ANCHOR_MS = Date.parse('2026-04-24T12:00:00+02:00');

const aHost = (options: ConstructorParameters<typeof ForgeHost>[3] = {}): ForgeHost => {
  const clock = new ManualClock(ANCHOR_MS);
  const host = new ForgeHost(
    createLocalJira({ seed: { anchorMs: ANCHOR_MS }, now: clock.nowMs }),
    new LocalKvs(null, clock.nowMs),
    clock,
    options,
  );
  host.install();
  return host;
};

/** An app whose only resolver is `resolver`; the other handlers are never called here. */
const anApp = (resolver: () => Promise<unknown>): AppModule => ({
  resolver,
  administrationValidator: async () => ({ result: true }),
  onIssueEvent: async () => undefined,
  onRecompute: async () => undefined,
  onSchedule: async () => undefined,
});

describe('the local key-value store, through @forge/kvs', () => {
  let host: ForgeHost;
  let sdk: KvsModule;
  beforeAll(() => {
    host = aHost();
    // Loaded after the seams, as on Forge (@forge/kvs picks its backend when it is first imported).
    sdk = jest.requireActual<KvsModule>('@forge/kvs');
  });

  const refusal = async (
    run: () => Promise<unknown>,
  ): Promise<{ code: string; message: string; status: number | undefined }> => {
    const error: unknown = await run().then(
      () => null,
      (e: unknown) => e,
    );
    if (!(error instanceof sdk.ForgeKvsAPIError)) throw new Error(`expected a ForgeKvsAPIError, got ${String(error)}`);
    return { code: error.code, message: error.message, status: error.responseDetails.status };
  };

  it.each([
    ['an offset instant (the + of +02:00)', 'settings:unreadable:2026-04-24T12:00:00+02:00'],
    ['a slash', 'cache:sprints:A/B'],
    ['only whitespace', '   '],
    ['an accent', 'clé'],
  ])('refuses a key with %s (INVALID_KEY)', async (_name, key) => {
    const answer = await refusal(() => sdk.kvs.set(key, 1));
    expect(answer).toMatchObject({ code: 'INVALID_KEY', status: 400 });
    expect(answer.message).toMatch(/does not match .*Forge KVS keys/);
    expect(host.kvs.keys()).not.toContain(key);
  });

  it('accepts every character the rule allows: letters, digits, : . _ - # and spaces', async () => {
    await sdk.kvs.set('aZ09:._-# x', 'ok');
    expect(await sdk.kvs.get('aZ09:._-# x')).toBe('ok');
  });

  it('refuses a key over 500 characters (KEY_TOO_LONG) and takes one of 500', async () => {
    expect(await refusal(() => sdk.kvs.set('k'.repeat(MAX_KEY_CHARS + 1), 1))).toMatchObject({
      code: 'KEY_TOO_LONG',
      message: expect.stringMatching(/501 characters.*at most 500/),
    });
    await sdk.kvs.set('k'.repeat(MAX_KEY_CHARS), 1);
    expect(await sdk.kvs.get('k'.repeat(MAX_KEY_CHARS))).toBe(1);
  });

  it('refuses the key rule on reads and deletes too', async () => {
    expect((await refusal(() => sdk.kvs.get('a+b'))).code).toBe('INVALID_KEY');
    expect((await refusal(() => sdk.kvs.delete('a+b'))).code).toBe('INVALID_KEY');
  });

  it('refuses a value over 240 KiB (MAX_SIZE) and takes one of exactly 240 KiB', async () => {
    const justFits = 'x'.repeat(MAX_VALUE_BYTES - 2); // plus its two quotes
    await sdk.kvs.set('big', justFits);
    const answer = await refusal(() => sdk.kvs.set('big', `${justFits}x`));
    expect(answer).toMatchObject({ code: 'MAX_SIZE', message: expect.stringMatching(/245761 bytes.*at most 240 KiB/) });
    expect(await sdk.kvs.get('big')).toBe(justFits);
  });

  it('counts a value in UTF-8 bytes: 130,000 accents (260 KB) are over the limit, though fewer characters than it has bytes', async () => {
    expect((await refusal(() => sdk.kvs.set('accents', 'é'.repeat(130_000)))).code).toBe('MAX_SIZE');
  });

  it('refuses a value nested deeper than 32 levels (MAX_DEPTH)', async () => {
    const nested = (levels: number): unknown => (levels === 0 ? 1 : { next: nested(levels - 1) });
    await sdk.kvs.set('deep', nested(32));
    expect(await refusal(() => sdk.kvs.set('deep', nested(33)))).toMatchObject({ code: 'MAX_DEPTH' });
  });

  it('runs a transaction: every set and delete together', async () => {
    await sdk.kvs.set('tx:old', 'gone soon');
    await sdk.kvs
      .transact()
      .set('tx:a', 1)
      .set('tx:b', { two: 2 }, undefined, { ttl: { value: 1, unit: 'HOURS' } })
      .delete('tx:old')
      .execute();
    expect([await sdk.kvs.get('tx:a'), await sdk.kvs.get('tx:b'), await sdk.kvs.get('tx:old')]).toEqual([
      1,
      { two: 2 },
      undefined,
    ]);
  });

  it('applies none of a transaction when one operation breaks a rule', async () => {
    await sdk.kvs.set('tx:kept', 'before');
    const answer = await refusal(() => sdk.kvs.transact().set('tx:kept', 'after').set('tx:bad+key', 1).execute());
    expect(answer.code).toBe('INVALID_KEY');
    expect(await sdk.kvs.get('tx:kept')).toBe('before');
  });

  it('refuses a transaction of more than 25 operations, and one naming a key twice', async () => {
    const big = Array.from({ length: 26 }, (_, i) => i).reduce(
      (tx, i) => tx.set(`tx:many:${i}`, i),
      sdk.kvs.transact(),
    );
    expect(await refusal(() => big.execute())).toMatchObject({
      code: 'TOO_MANY_OPERATIONS',
      message: expect.stringMatching(/26 operations.*at most 25/),
    });
    expect((await refusal(() => sdk.kvs.transact().set('tx:twice', 1).delete('tx:twice').execute())).message).toMatch(
      /appears twice/,
    );
  });

  it('pages a query with the cursor and limit @forge/kvs sends', async () => {
    for (const n of [1, 2, 3, 4, 5]) await sdk.kvs.set(`page:${n}`, n);
    const first = await sdk.kvs.query().where('key', sdk.WhereConditions.beginsWith('page:')).limit(2).getMany();
    expect(first.results.map((r) => r.key)).toEqual(['page:1', 'page:2']);
    await sdk.kvs.delete('page:2'); // the cursor still works when its key is gone
    const second = await sdk.kvs
      .query()
      .where('key', sdk.WhereConditions.beginsWith('page:'))
      .limit(2)
      .cursor(first.nextCursor ?? '')
      .getMany();
    expect(second.results.map((r) => r.key)).toEqual(['page:3', 'page:4']);
    const last = await sdk.kvs
      .query()
      .where('key', sdk.WhereConditions.beginsWith('page:'))
      .limit(2)
      .cursor(second.nextCursor ?? '')
      .getMany();
    expect([last.results.map((r) => r.key), last.nextCursor]).toEqual([['page:5'], undefined]);
  });
});

describe('the local queue publish endpoint', () => {
  let validators: Validators;
  const PATH = '/webhook/queue/publish/ari/env/app/0.1.0';
  beforeAll(() => {
    aHost();
    validators = jest.requireActual<Validators>('@forge/events/out/validators');
  });

  const publish = (events: unknown[]) => {
    const request = {
      queueName: 'sla-recompute',
      jobId: 'job-1',
      type: 'avi:forge:app:event',
      schema: 'ari:cloud:ecosystem::forge/app-event-2',
      payload: events,
      time: '2026-04-24T10:00:00.000Z',
    };
    const fetch = (globalThis as typeof globalThis & { __forge_fetch__: ForgeFetch }).__forge_fetch__;
    return {
      request,
      response: fetch({ type: 'fpp', provider: 'app', remote: 'stargate' }, PATH, {
        method: 'POST',
        body: JSON.stringify(request),
      }),
    };
  };
  /** What @forge/events makes of the answer (validators.js validatePushAPIResponse), as Queue.push would throw it. */
  const surfaced = async (events: unknown[]): Promise<{ status: number; error: unknown }> => {
    const { request, response } = publish(events);
    const answer = await response;
    const error = await validators.validatePushAPIResponse(request, answer.clone(), { jobId: request.jobId }).then(
      () => null,
      (e: unknown) => e,
    );
    return { status: answer.status, error };
  };
  const recompute = (ids: number) => ({
    body: {
      kind: 'recompute',
      issueIds: Array.from({ length: ids }, (_, i) => String(10_000_000 + i)),
      reason: 'test',
    },
  });

  it('takes 50 events and answers with the jobId the SDK sent', async () => {
    const { response } = publish(Array.from({ length: 50 }, () => recompute(1)));
    const answer = await response;
    expect([answer.status, await answer.json()]).toEqual([201, { jobId: 'job-1' }]);
  });

  it('refuses a push of 51 events, naming the 50-event limit', async () => {
    const { status, error } = await surfaced(Array.from({ length: 51 }, () => recompute(1)));
    expect(status).toBe(400);
    expect((error as Error).constructor.name).toBe('InternalServerError');
    expect((error as Error).message).toMatch(/51 events; a Forge queue push has at most 50/);
  });

  it('refuses a push over 200 KB (PayloadTooBigError), naming the limit', async () => {
    // 25 events of 9000 ids: about 240 KB in all, each under 100 KB.
    const { status, error } = await surfaced(Array.from({ length: 25 }, () => recompute(9000)));
    expect(status).toBe(413);
    expect((error as Error).constructor.name).toBe('PayloadTooBigError');
    expect((error as Error).message).toMatch(/combined payload of a Forge queue push is at most 200 KB/);
  });

  it('refuses one event over 100 KB for the long-running consumer', async () => {
    const { status, error } = await surfaced([recompute(10_000)]);
    expect(status).toBe(413);
    expect((error as Error).message).toMatch(/event 0 is 1\d\d\.\d KB.*long-running consumer.*at most 100 KB/);
  });

  it("knows the consumer's timeout from manifest.yml (on-recompute, timeoutSeconds)", () => {
    const manifest = readFileSync(join(__dirname, '../../manifest.yml'), 'utf8');
    const declared = /- key: on-recompute\n\s+handler: [^\n]+\n(?:\s*#[^\n]*\n)*\s+timeoutSeconds: (\d+)/.exec(
      manifest,
    )?.[1];
    expect(Number(declared)).toBe(CONSUMER_TIMEOUT_SECONDS);
  });

  it('takes that event for a consumer with the default timeout (55 s)', async () => {
    aHost({ consumerTimeoutSeconds: 55 });
    const { response } = publish([recompute(10_000)]);
    expect((await response).status).toBe(201);
  });
});

describe('resolver invocations', () => {
  it('fails a reply over 5 MB, naming the limit, and passes one of 5 MB', async () => {
    const host = aHost();
    let reply = 'x'.repeat(5_000_000 - 2);
    host.attach(anApp(async () => reply));
    await expect(host.invoke('big/reply', {}, {}, 'user')).resolves.toBe(reply);
    reply += 'x';
    const error: unknown = await host.invoke('big/reply', {}, {}, 'user').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvocationLimitError);
    expect(error).toMatchObject({
      limit: 'RESPONSE_SIZE',
      message: expect.stringMatching(/big\/reply: the reply is 5000001 bytes; a Forge resolver replies at most 5 MB/),
    });
  });

  it('fails an invocation that runs more than 25 s (a clock the test advances), and passes one of exactly 25 s', async () => {
    let nowMs = 1_000;
    let workMs = 25_000;
    const host = aHost({ timer: () => nowMs });
    host.attach(
      anApp(async () => {
        nowMs += workMs;
        return { ok: true };
      }),
    );
    await expect(host.invokeCounted('slow/one', {}, {}, 'user')).resolves.toMatchObject({ result: { ok: true } });
    workMs = 25_001;
    const error: unknown = await host.invokeCounted('slow/one', {}, {}, 'user').catch((e: unknown) => e);
    expect(error).toMatchObject({
      limit: 'RUNTIME',
      message: expect.stringMatching(/slow\/one: the invocation ran 25001 ms; a Forge resolver is stopped after 25 s/),
    });
  });

  it('stops waiting for a resolver that never answers once the runtime limit has passed', async () => {
    let nowMs = 0;
    const host = aHost({ timer: () => nowMs, invocationLimits: { runtimeMs: 20 } });
    host.attach(
      anApp(() => {
        nowMs = 20;
        return new Promise<never>(() => undefined);
      }),
    );
    await expect(host.invoke('stuck/one', {}, {}, 'user')).rejects.toMatchObject({
      limit: 'RUNTIME',
      message: expect.stringMatching(/stopped after 0.02 s/),
    });
  });
});
