import { jiraSearchPath, keyLinks } from './jira-link';

const keys = (count: number): string[] => Array.from({ length: count }, (_, i) => `DEMAT-${i + 1}`);

describe('jiraSearchPath', () => {
  it('searches the keys with JQL, URL-encoded', () => {
    expect(jiraSearchPath(['DEMAT-1187'])).toBe('/issues/?jql=key%20in%20(DEMAT-1187)');
    expect(decodeURIComponent(jiraSearchPath(['DEMAT-9', 'DEMAT-10']).split('jql=')[1] as string)).toBe(
      'key in (DEMAT-9, DEMAT-10)',
    );
  });
});

describe('keyLinks', () => {
  it.each([
    ['no key, no link', 0, []],
    ['one key', 1, [[1, 1]]],
    ['exactly 100 keys, one link', 100, [[1, 100]]],
    [
      '101 keys, two links',
      101,
      [
        [1, 100],
        [101, 101],
      ],
    ],
    ['1,000 keys, ten links', 1000, Array.from({ length: 10 }, (_, i) => [i * 100 + 1, i * 100 + 100])],
    ['beyond 1,000 keys, still ten links', 1234, Array.from({ length: 10 }, (_, i) => [i * 100 + 1, i * 100 + 100])],
  ])('%s', (_name, count, ranges) => {
    const links = keyLinks(keys(count));
    expect(links.map((l) => [l.from, l.to])).toEqual(ranges);
  });

  it('puts each key in the link of its range', () => {
    const [, second] = keyLinks(keys(150));
    const jql = decodeURIComponent((second?.path ?? '').split('jql=')[1] as string);
    expect(jql.startsWith('key in (DEMAT-101, DEMAT-102')).toBe(true);
    expect(jql.endsWith('DEMAT-150)')).toBe(true);
  });
});
