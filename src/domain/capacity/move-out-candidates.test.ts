import { chooseMoveOutCandidates, leastImportantFirst, type MoveOutStory } from './move-out-candidates';

// Stories written `KEY:rank:points`; ranks compare as strings, the smallest at the top of the backlog.
const stories = (...specs: string[]): MoveOutStory[] =>
  specs.map((spec) => {
    const [key, rank, points] = spec.split(':') as [string, string, string];
    return { key, rank: rank === '-' ? null : rank, effortMilli: Math.round(Number(points) * 1000) };
  });

describe('chooseMoveOutCandidates (D8)', () => {
  it.each<[string, MoveOutStory[], number, readonly string[], number, number]>([
    ['no overflow: no candidates', stories('A-1:a:3', 'A-2:b:2'), 0, [], 0, 0],
    ['the least important story covers exactly', stories('A-1:a:3', 'A-2:b:2'), 2, ['A-2'], 2, 0],
    [
      'greedy from the least important until covered',
      stories('A-1:a:3', 'A-2:b:2', 'A-3:c:1'),
      3,
      ['A-3', 'A-2'],
      3,
      0,
    ],
    [
      'minimal: a story made useless by a later, bigger one is dropped',
      stories('A-1:a:3', 'A-2:b:2', 'A-3:c:1'),
      4,
      ['A-3', 'A-1'],
      4,
      0,
    ],
    [
      'minimal, dropping the more important one first',
      stories('A-1:a:3', 'A-2:b:1', 'A-3:c:1'),
      4,
      ['A-3', 'A-1'],
      4,
      0,
    ],
    [
      'ties in rank: the greater key first, in natural order',
      stories('A-9:b:2', 'A-10:b:2', 'A-1:a:5'),
      2,
      ['A-10'],
      2,
      0,
    ],
    ['no rank: the least important of all', stories('A-1:-:1', 'A-2:z:1'), 1, ['A-1'], 1, 0],
    ['zero-point stories never help', stories('A-1:a:3', 'A-2:b:0'), 1, ['A-1'], 3, 0],
    ['not enough: every story, the rest uncovered', stories('A-1:a:1', 'A-2:b:0.5'), 4, ['A-2', 'A-1'], 1.5, 2.5],
    ['fractions of points are exact', stories('A-1:a:0.1', 'A-2:b:0.2'), 0.3, ['A-2', 'A-1'], 0.3, 0],
  ])('%s', (_name, input, overflowPoints, keys, coveredPoints, uncoveredPoints) => {
    expect(chooseMoveOutCandidates(input, Math.round(overflowPoints * 1000))).toEqual({
      keys,
      coveredMilli: coveredPoints * 1000,
      uncoveredMilli: uncoveredPoints * 1000,
    });
  });

  it('orders keys of other projects as plain text', () => {
    expect(
      stories('B-1:a:1', 'A-2:a:1')
        .sort(leastImportantFirst)
        .map((s) => s.key),
    ).toEqual(['B-1', 'A-2']);
  });
});
