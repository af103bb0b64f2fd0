// Faults on demand (issue 8): the local Jira answers a share of the app's calls with 429 and Retry-After, or with
// 500, as a real site does under load. Documentation, "Rate limiting" (Jira Cloud platform): a 429 may carry
// Retry-After, the seconds to wait, and "if you reissue the request before the retry period expires, the request
// will fail and return the same or longer Retry-After period" — so does this one, and it counts each such early
// retry, which a well-behaved app never makes. Deterministic: a seeded generator, the same plan gives the same faults.
import type { Clock } from '../../src/app/clock';

export type FaultPlan = {
  /** Share of calls answered 429 (0..1). */
  readonly rate429?: number;
  /** Share of calls answered 500 (0..1). */
  readonly rate500?: number;
  /** The Retry-After of a 429, in seconds (default 2). */
  readonly retryAfterSeconds?: number;
  /** The generator's seed (default 1). */
  readonly seed?: number;
};

export type FaultStats = { calls: number; injected429: number; injected500: number; earlyRetries: number };

/** mulberry32: a small, well-mixed 32-bit generator; enough to spread faults, and reproducible. */
const generator = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

export type Fault = { readonly status: 429 | 500; readonly headers: Record<string, string>; readonly body: unknown };

export class JiraFaults {
  private plan: Required<FaultPlan> | null = null;
  private next: () => number = generator(1);
  private blockedUntilMs = 0;
  readonly stats: FaultStats = { calls: 0, injected429: 0, injected500: 0, earlyRetries: 0 };

  constructor(private readonly clock: Clock) {}

  /** Sets the plan (null: no faults) and starts its sequence anew. */
  set(plan: FaultPlan | null): void {
    if (plan === null) {
      this.plan = null;
      return;
    }
    const rate429 = plan.rate429 ?? 0;
    const rate500 = plan.rate500 ?? 0;
    if (!(rate429 >= 0 && rate500 >= 0 && rate429 + rate500 <= 1))
      throw new RangeError('JiraFaults.set: rates must be >= 0 and sum to at most 1');
    this.plan = { rate429, rate500, retryAfterSeconds: plan.retryAfterSeconds ?? 2, seed: plan.seed ?? 1 };
    this.next = generator(this.plan.seed);
    this.blockedUntilMs = 0;
    Object.assign(this.stats, { calls: 0, injected429: 0, injected500: 0, earlyRetries: 0 });
  }

  /** The fault for this call, or null to let it through to the local Jira. */
  decide(): Fault | null {
    const plan = this.plan;
    if (plan === null) return null;
    this.stats.calls += 1;
    const nowMs = this.clock.nowMs();
    if (nowMs < this.blockedUntilMs) {
      this.stats.earlyRetries += 1;
      return this.tooMany(Math.ceil((this.blockedUntilMs - nowMs) / 1000));
    }
    const draw = this.next();
    if (draw < plan.rate429) {
      this.stats.injected429 += 1;
      this.blockedUntilMs = nowMs + plan.retryAfterSeconds * 1000;
      return this.tooMany(plan.retryAfterSeconds);
    }
    if (draw < plan.rate429 + plan.rate500) {
      this.stats.injected500 += 1;
      return { status: 500, headers: {}, body: { errorMessages: ['Internal server error'], errors: {} } };
    }
    return null;
  }

  private tooMany(seconds: number): Fault {
    return {
      status: 429,
      headers: { 'retry-after': String(seconds), 'ratelimit-reason': 'jira-burst-based' },
      body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
    };
  }
}

/** `--faults 429=0.2,500=0.05,retry-after=2,seed=7` (the workbench's command line). */
export const parseFaultPlan = (text: string): FaultPlan => {
  const plan: { rate429?: number; rate500?: number; retryAfterSeconds?: number; seed?: number } = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [name, value] = part.split('=');
    const number = Number(value);
    if (value === undefined || !Number.isFinite(number) || number < 0)
      throw new RangeError(`--faults: "${part}" is not name=number (429=0.2, 500=0.05, retry-after=2, seed=7)`);
    if (name === '429') plan.rate429 = number;
    else if (name === '500') plan.rate500 = number;
    else if (name === 'retry-after') plan.retryAfterSeconds = number;
    else if (name === 'seed') plan.seed = number;
    else throw new RangeError(`--faults: unknown "${name}" (429, 500, retry-after, seed)`);
  }
  return plan;
};
