// The top-level changelogs read by pass 1's fast path (cut at their commas, JSON.parse per entry) against the
// in-memory reading of the same export (JSON.parse of the whole file, then parseJiraExport): the same issues.
import { closeSync, mkdtempSync, openSync, readSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExportFileError, readExportFile, type ByteSource } from '../../src/cli/read-export-file';
import { parseJiraExport } from '../../src/jira/jira-export';

const dir = mkdtempSync(join(tmpdir(), 'contract-sla-changelogs-'));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const openAtMost =
  (most: number) =>
  (name: string): ByteSource => {
    const fd = openSync(name, 'r');
    return {
      readAt: (buffer, position) => readSync(fd, buffer, 0, Math.min(most, buffer.length), position),
      close: () => closeSync(fd),
    };
  };

const history = (id: string, from: string, to: string): object => ({
  id,
  created: '2026-03-02T09:15:00.000+0100',
  items: [{ field: 'status', fieldId: 'status', from: '1', fromString: from, to: '2', toString: to }],
});
const issue = (id: string): object => ({
  id,
  key: `T-${id}`,
  fields: { created: '2026-03-01T09:00:00.000+0100', status: { name: 'Ouverte' } },
});
const changelogs = [
  { issueId: '1', changeHistories: [history('11', 'a "quoted" [x], {y}', 'b\\c'), history('12', 'é', ',')] },
  { issueId: '2', changeHistories: [history('21', 'x', 'y')] },
];

const expectSameAsInMemory = (text: string, most: number): void => {
  const read = readExportFile(file(`e-${most}-${text.length}.json`, text), openAtMost(most));
  const expected = parseJiraExport(JSON.parse(text));
  expect(read.ok).toBe(expected.ok);
  if (read.ok && expected.ok) expect([...read.value.source.issues]).toEqual(expected.value.issues);
};

describe('the top-level changelogs read by pass 1', () => {
  it.each([1, 3, 7, 64, 1 << 20])('gives the in-memory result when each read returns at most %s bytes', (most) => {
    expectSameAsInMemory(
      JSON.stringify({ issues: [issue('1'), issue('2')], changelogs }, null, most % 2 ? 2 : 0),
      most,
    );
  });

  it.each([
    ['empty changelogs', { issues: [issue('1')], changelogs: [] }],
    ['changelogs before the issues', { changelogs, issues: [issue('1'), issue('2')] }],
  ])('gives the in-memory result with %s', (_, value) => {
    expectSameAsInMemory(JSON.stringify(value), 1 << 20);
    expectSameAsInMemory(JSON.stringify(value, null, 2), 5);
  });

  it('gives the in-memory result when a changelogs key is written with escapes or twice (last one wins)', () => {
    const body = `"issues":${JSON.stringify([issue('1'), issue('2')])}`;
    const first = JSON.stringify([changelogs[0]]);
    const second = JSON.stringify([changelogs[1]]);
    expectSameAsInMemory(`{${body},"changelogs":${first},"changelog\\u0073":${second}}`, 1 << 20);
    expectSameAsInMemory(`{${body},"changelog\\u0073":${first},"changelogs":${second}}`, 1 << 20);
    expectSameAsInMemory(`{${body},"changelogs":${first},"changelogs":${second}}`, 1 << 20);
  });

  it('throws ExportFileError for invalid JSON inside the changelogs, with its position', () => {
    const text = `{"issues":[],"changelogs":[{"issueId":"1","changeHistories":[]},,{}]}`;
    expect(() => readExportFile(file('bad-changelogs.json', text))).toThrow(ExportFileError);
    expect(() => readExportFile(file('bad-changelogs.json', text))).toThrow(/at byte \d+|in bytes/);
  });
});
