// The app's one clock seam (issue 8). Every resolver, trigger, validator and the consumer read "now" through
// `Deps.clock`, and every wait (a Retry-After) goes through it too. On Forge it is the platform clock: the function's
// system time, and real timers. The workbench and the tests set it by installing `globalThis.__contract_sla_clock__`
// before the app runs, the way the Forge SDKs pick up `__forge_fetch__`: the app runs as it deploys and never knows.
// Lint (eslint.config.mjs) forbids reading the machine's clock anywhere else.

import { isRecord } from '../domain/is-record';

export type Clock = {
  /** Epoch milliseconds, now. */
  readonly nowMs: () => number;
  /** Resolves after `ms` milliseconds of this clock (a test clock moves itself forward instead of waiting). */
  readonly sleep: (ms: number) => Promise<void>;
};

/** Where a host installs its clock, on `globalThis`. */
const SEAM = '__contract_sla_clock__';

/** A value a host installed that can serve as the clock: it has both functions. */
const isClock = (value: unknown): value is Clock =>
  isRecord(value) && typeof value.nowMs === 'function' && typeof value.sleep === 'function';

/** The machine's own clock: the only read of it in the back end, the workbench and the CLI. */
export const systemClock: Clock = {
  nowMs: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

const installed = (): Clock | undefined => {
  const seam: unknown = Reflect.get(globalThis, SEAM);
  return isClock(seam) ? seam : undefined;
};

/** The platform clock, unless a host (the workbench, a test) installed its own. Read at each call, never cached. */
export const platformClock: Clock = {
  nowMs: () => (installed() ?? systemClock).nowMs(),
  sleep: (ms) => (installed() ?? systemClock).sleep(ms),
};

/** Installs a host's clock for the app (the workbench and the tests); returns a function that removes it. */
export const installClock = (clock: Clock): (() => void) => {
  const previous: unknown = Reflect.get(globalThis, SEAM);
  Reflect.set(globalThis, SEAM, clock);
  return () => {
    Reflect.set(globalThis, SEAM, previous);
  };
};
