// A value over time (an issue's severity, service level, sprints or status): its value before any change, then each
// change in chronological order, holding from its instant until the next change. The value at an instant includes
// the changes made at that very instant, so an issue put in a sprint at the second the sprint starts is part of what
// the sprint committed. A history that starts at the creation has `initial: null`: no value before it.

/** From `atMs` on (that instant included), the value is `to`. */
export type Change<T> = { readonly atMs: number; readonly to: T };

/** A value over time; changes may carry more than `to` (C), such as the texts Jira showed (ValueHistory). */
export type ValueOverTime<T, C extends Change<T> = Change<T>> = {
  readonly initial: T;
  readonly changes: readonly C[];
};

/**
 * The value as of `atMs`: the initial value with every change up to and including `atMs` applied.
 * @example valueAt({ initial: null, changes: [{ atMs: 10, to: 'a' }, { atMs: 20, to: 'b' }] }, 20) // 'b'
 */
export const valueAt = <T>(value: ValueOverTime<T>, atMs: number): T => {
  let current = value.initial;
  // Histories are short (a few dozen changes per issue): a scan is simpler than a search and as fast.
  for (const change of value.changes) {
    if (change.atMs > atMs) break;
    current = change.to;
  }
  return current;
};

/**
 * The first instant in `(fromMs, toMs]` at which `holds` becomes true after being false (or null) just before.
 * @example
 * firstEntryWithin({ initial: null, changes: [{ atMs: 0, to: false }, { atMs: 5, to: true }] }, (v) => v, 0, 9)
 * // 5
 */
export const firstEntryWithin = <T>(
  value: ValueOverTime<T | null>,
  holds: (value: T) => boolean,
  fromMs: number,
  toMs: number,
): number | null => {
  let before = value.initial !== null && holds(value.initial);
  for (const change of value.changes) {
    if (change.atMs > toMs) break;
    const now = change.to !== null && holds(change.to);
    if (now && !before && change.atMs > fromMs) return change.atMs;
    before = now;
  }
  return null;
};

/**
 * Whether `holds` is true at some instant of `[fromMs, toMs]` (never while the value is null).
 * @example holdsWithin({ initial: true, changes: [{ atMs: 5, to: false }] }, (v) => v, 6, 9) // false
 */
export const holdsWithin = <T>(
  value: ValueOverTime<T | null>,
  holds: (value: T) => boolean,
  fromMs: number,
  toMs: number,
): boolean => {
  const atStart = valueAt(value, fromMs);
  if (atStart !== null && holds(atStart)) return true;
  return value.changes.some(
    (change) => change.atMs > fromMs && change.atMs <= toMs && change.to !== null && holds(change.to),
  );
};
