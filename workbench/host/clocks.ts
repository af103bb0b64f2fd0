// The clocks a host installs for the app (src/app/clock.ts): the workbench's demo clock, which runs at the speed of
// the machine's clock from a chosen "demo now", and the tests' manual clock, which moves only when told (a wait on
// it, such as a Retry-After, moves it forward at once instead of waiting).
import { systemClock, type Clock } from '../../src/app/clock';

/** The workbench's clock: `startMs` at the moment it is made, then as the machine's clock runs. */
export class DemoClock implements Clock {
  private readonly offsetMs: number;

  constructor(startMs: number) {
    this.offsetMs = startMs - systemClock.nowMs();
  }

  readonly nowMs = (): number => systemClock.nowMs() + this.offsetMs;
  readonly sleep = (ms: number): Promise<void> => systemClock.sleep(ms);
}

/** A clock that stands still until a test (or a wait on it) moves it. Every wait is recorded. */
export class ManualClock implements Clock {
  readonly waits: number[] = [];

  constructor(private currentMs: number) {}

  readonly nowMs = (): number => this.currentMs;

  readonly sleep = async (ms: number): Promise<void> => {
    this.waits.push(ms);
    this.currentMs += Math.max(0, ms);
  };

  /** Moves the clock forward (never back: time in the local Jira only grows). */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('ManualClock.advance: ms must be >= 0');
    this.currentMs += ms;
  }

  set(ms: number): void {
    if (ms < this.currentMs) throw new RangeError('ManualClock.set: the clock never goes back');
    this.currentMs = ms;
  }
}
