// Which stories the Product Owner moves back to the backlog when the reserve overflows (D8, rules.md §5.4, L2551-2554):
// the least important not-started stories whose estimates cover the overflow. Jira ranks are strings ordered
// lexicographically, the smallest at the top of the backlog, so "least important" is the greatest rank; a story
// without a rank counts as the least important of all; equal ranks are ordered by key, the greater key (the newer
// issue, which Jira ranks lower when it is created) first. Invariants, when the stories can cover the overflow at all:
// the candidates cover it, and removing any one of them no longer does (the choice is minimal).
import { itemAt } from '../item-at';

export type MoveOutStory = { readonly key: string; readonly rank: string | null; readonly effortMilli: number };

export type MoveOutChoice = {
  /** Candidates, least important first. */
  readonly keys: readonly string[];
  /** Sum of the candidates' efforts. */
  readonly coveredMilli: number;
  /** What the not-started stories cannot cover (0 when they cover the overflow). */
  readonly uncoveredMilli: number;
};

const KEY = /^(.*?)(\d+)$/;

/** Issue keys in natural order: DEMAT-9 before DEMAT-10. */
const compareKeys = (a: string, b: string): number => {
  const x = KEY.exec(a);
  const y = KEY.exec(b);
  if (x && y && x[1] === y[1]) return Number(x[2]) - Number(y[2]);
  return a < b ? -1 : a > b ? 1 : 0;
};

/**
 * Orders stories least important first: no rank, then the greatest rank, ties by the greater key.
 * @example [{ key: 'A-1', rank: '0|i0001:' }, { key: 'A-2', rank: '0|i0009:' }].sort(leastImportantFirst) // A-2, A-1
 */
export const leastImportantFirst = (
  a: Pick<MoveOutStory, 'key' | 'rank'>,
  b: Pick<MoveOutStory, 'key' | 'rank'>,
): number => {
  if (a.rank !== b.rank) {
    if (a.rank === null) return -1;
    if (b.rank === null) return 1;
    return a.rank > b.rank ? -1 : 1;
  }
  return compareKeys(b.key, a.key);
};

/**
 * Takes stories from the least important until their estimates cover the overflow, then drops every story whose
 * removal still leaves the overflow covered, trying the most important ones first (so the least important stay
 * candidates). Stories of zero effort never help and are never candidates.
 * @example
 * chooseMoveOutCandidates(
 *   [
 *     { key: 'A-1', rank: 'a', effortMilli: 3000 },
 *     { key: 'A-2', rank: 'b', effortMilli: 2000 },
 *     { key: 'A-3', rank: 'c', effortMilli: 1000 },
 *   ],
 *   4000,
 * )
 * // { keys: ['A-3', 'A-1'], coveredMilli: 4000, uncoveredMilli: 0 }: A-3 + A-2 + A-1 = 6 covers 4, and A-2 is not
 * // needed
 */
export const chooseMoveOutCandidates = (stories: readonly MoveOutStory[], overflowMilli: number): MoveOutChoice => {
  if (overflowMilli <= 0) return { keys: [], coveredMilli: 0, uncoveredMilli: 0 };
  const ordered = stories.filter((s) => s.effortMilli > 0).sort(leastImportantFirst);
  const taken: MoveOutStory[] = [];
  let coveredMilli = 0;
  for (const story of ordered) {
    if (coveredMilli >= overflowMilli) break;
    taken.push(story);
    coveredMilli += story.effortMilli;
  }
  if (coveredMilli < overflowMilli)
    return { keys: taken.map((s) => s.key), coveredMilli, uncoveredMilli: overflowMilli - coveredMilli };
  // The last story taken is always needed (the others alone fell short); each drop only lowers the sum, so one pass
  // from the most important down leaves every remaining story needed.
  const kept = new Set(taken);
  for (let i = taken.length - 2; i >= 0; i--) {
    const story = itemAt(taken, i);
    if (coveredMilli - story.effortMilli >= overflowMilli) {
      kept.delete(story);
      coveredMilli -= story.effortMilli;
    }
  }
  return { keys: taken.filter((s) => kept.has(s)).map((s) => s.key), coveredMilli, uncoveredMilli: 0 };
};
