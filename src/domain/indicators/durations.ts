// Lead time, cycle time and work item age (D9, rules.md §6.3): one duration per issue, in calendar ms and in business
// ms on the `standard` calendar (D1), and their statistics. A median of an even count is the mean of the two middle
// values, rounded to the ms; a mean is rounded to the ms. Invariants: min ≤ median ≤ max, min ≤ mean ≤ max.
import { itemAt } from '../item-at';
import type { IssueKind } from '../sla/vocabulary';
import { foldName } from '../text';

export type DurationItem = {
  readonly key: string;
  readonly kind: IssueKind;
  readonly fromMs: number;
  readonly toMs: number;
  /** Calendar time, toMs − fromMs. */
  readonly ms: number;
  /** Business time on the standard calendar. */
  readonly businessMs: number;
};

export type DurationStats = {
  readonly count: number;
  readonly sumMs: number;
  readonly medianMs: number | null;
  readonly meanMs: number | null;
  readonly maxMs: number | null;
};

/**
 * Statistics of durations; null statistics for an empty list.
 * @example durationStats([4, 1, 3, 2])
 * // { count: 4, sumMs: 10, medianMs: 3 (2.5 rounded), meanMs: 3 (2.5 rounded), maxMs: 4 }
 */
export const durationStats = (values: readonly number[]): DurationStats => {
  const count = values.length;
  if (count === 0) return { count, sumMs: 0, medianMs: null, meanMs: null, maxMs: null };
  const sorted = [...values].sort((a, b) => a - b);
  const sumMs = sorted.reduce((total, v) => total + v, 0);
  const middle = count >> 1;
  const medianMs =
    count % 2 === 1 ? itemAt(sorted, middle) : Math.round((itemAt(sorted, middle - 1) + itemAt(sorted, middle)) / 2);
  return { count, sumMs, medianMs, meanMs: Math.round(sumMs / count), maxMs: itemAt(sorted, count - 1) };
};

/**
 * The first of an issue's status periods (in order) whose status is one of `statuses` (folded names, see foldName):
 * the start of a cycle time ("premier passage en cours"); null when there is none.
 * @example
 * firstEntryInto([{ fromMs: 0, status: 'À qualifier' }, { fromMs: 5, status: 'En cours' }], foldedSet(['En cours']))
 * // { fromMs: 5, … }
 */
export const firstEntryInto = <P extends { readonly status: string }>(
  periods: readonly P[],
  statuses: ReadonlySet<string>,
): P | null => periods.find((period) => statuses.has(foldName(period.status))) ?? null;
