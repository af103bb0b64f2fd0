// A value over time (the sprints an issue is in, its status): steps in chronological order, each holding from its
// instant until the next step. The value at an instant includes the changes made at that very instant, so an issue
// put in a sprint at the second the sprint starts is part of what the sprint committed. Before the first step
// (the creation) there is no value.

export type Step<T> = { readonly atMs: number; readonly value: T };
export type Timeline<T> = readonly Step<T>[];

/**
 * The value at an instant; undefined before the first step.
 * @example valueAt([{ atMs: 10, value: 'a' }, { atMs: 20, value: 'b' }], 20) // 'b'
 */
export const valueAt = <T>(timeline: Timeline<T>, atMs: number): T | undefined => {
  let value: T | undefined;
  // Timelines are short (a few dozen changes per issue): a scan is simpler than a search and as fast.
  for (const step of timeline) {
    if (step.atMs > atMs) break;
    value = step.value;
  }
  return value;
};

/**
 * The first instant in `(fromMs, toMs]` at which `holds` becomes true after being false (or undefined) just before.
 * @example firstEntryWithin([{ atMs: 0, value: false }, { atMs: 5, value: true }], (v) => v, 0, 9) // 5
 */
export const firstEntryWithin = <T>(
  timeline: Timeline<T>,
  holds: (value: T) => boolean,
  fromMs: number,
  toMs: number,
): number | null => {
  let before = false;
  for (const step of timeline) {
    if (step.atMs > toMs) break;
    const now = holds(step.value);
    if (now && !before && step.atMs > fromMs) return step.atMs;
    before = now;
  }
  return null;
};

/**
 * Whether `holds` is true at some instant of `[fromMs, toMs]`.
 * @example holdsWithin([{ atMs: 0, value: true }, { atMs: 5, value: false }], (v) => v, 6, 9) // false
 */
export const holdsWithin = <T>(
  timeline: Timeline<T>,
  holds: (value: T) => boolean,
  fromMs: number,
  toMs: number,
): boolean => {
  const atStart = valueAt(timeline, fromMs);
  if (atStart !== undefined && holds(atStart)) return true;
  return timeline.some((step) => step.atMs > fromMs && step.atMs <= toMs && holds(step.value));
};
