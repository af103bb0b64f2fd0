// The streaming reader of export files (src/cli/read-export-file.ts): the same output as the whole-file path, its
// errors, and that it reads the issues as they are asked for (never the whole file into memory).
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clocksReportOf } from '../../src/app/compute-clocks-report';
import { computeMonthlyReport } from '../../src/app/compute-monthly-report';
import { monthlyReportCsv } from '../../src/app/monthly-report-csv';
import { computeReserveReport } from '../../src/app/compute-reserve-report';
import { parseSettings } from '../../src/app/settings/parse-settings';
import { ExportFileError, readExportFile, type ByteSource } from '../../src/cli/read-export-file';
import type { MonthlyReport } from '../../src/contract';
import { isBroken, parseJiraExport } from '../../src/jira/jira-export';
import { generateExport } from '../support/generate-export';
import { runCli } from '../support/run-cli';

const SAMPLE = join(__dirname, '../../examples/sample-export.json');
const SPRINT_SAMPLE = join(__dirname, '../../examples/sample-sprint-export.json');
const AT = '2026-04-24T12:00:00+02:00';
const dir = mkdtempSync(join(tmpdir(), 'contract-sla-stream-'));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const settings = (() => {
  const parsed = parseSettings({});
  if (!parsed.ok) throw new Error('default settings do not parse');
  return parsed.value;
})();

const inMemoryClocks = (path: string, atMs: number): unknown => {
  const parsed = parseJiraExport(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) throw new Error('not an export');
  return clocksReportOf(parsed.value, settings, atMs);
};

describe('the streaming path gives the output of the in-memory path', () => {
  it.each([
    ['the sample export', SAMPLE],
    ['the sample sprint export', SPRINT_SAMPLE],
  ])('clocks on %s', async (_name, path) => {
    const run = await runCli(['clocks', '--input', path, '--at', AT]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.json()).toEqual(inMemoryClocks(path, Date.parse(AT)));
  });

  it('clocks on a generated export with top-level changelogs (issues first, changelogs after them)', async () => {
    const exported = generateExport({ issues: 120, transitionsPerIssue: 8, seed: 5 });
    expect(exported.changelogs?.length).toBeGreaterThan(0);
    expect(Object.keys(exported).indexOf('changelogs')).toBeGreaterThan(Object.keys(exported).indexOf('issues'));
    const path = file('generated.json', JSON.stringify(exported, null, 1));
    const at = '2026-12-01T12:00:00+01:00';
    const run = await runCli(['clocks', '--input', path, '--at', at]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.json()).toEqual(inMemoryClocks(path, Date.parse(at)));
  });

  it('reserve on the sample sprint export', async () => {
    const run = await runCli(['reserve', '--input', SPRINT_SAMPLE, '--at', AT]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const expected = computeReserveReport(JSON.parse(readFileSync(SPRINT_SAMPLE, 'utf8')), settings, Date.parse(AT));
    expect(expected.ok && run.json()).toEqual(expected.ok && expected.value);
  });

  it('reserve on a generated export with a board, top-level changelogs and a broken issue', async () => {
    const { board } = JSON.parse(readFileSync(SPRINT_SAMPLE, 'utf8')) as { board: unknown };
    const exported = generateExport({ issues: 80, transitionsPerIssue: 6, seed: 9 });
    const value = {
      ...exported,
      issues: [...exported.issues.slice(0, 40), { id: 'x' }, ...exported.issues.slice(40)],
      board,
    };
    const path = file('generated-sprints.json', JSON.stringify(value));
    const at = '2026-12-01T12:00:00+01:00';
    const run = await runCli(['reserve', '--input', path, '--at', at]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const expected = computeReserveReport(value, settings, Date.parse(at));
    expect(expected.ok && run.json()).toEqual(expected.ok && expected.value);
  });

  /** The report the in-memory path computes from the same value, printed as the CLI prints it. */
  const inMemoryReport = (value: unknown, month: string, at: string): MonthlyReport => {
    const report = computeMonthlyReport(value, settings, month, Date.parse(at));
    if (!report.ok) throw new Error(JSON.stringify(report.issues));
    return report.value;
  };
  const asJson = (report: MonthlyReport): string => `${JSON.stringify(report, null, 2)}\n`;

  it.each([
    ['the sample export', SAMPLE, '2026-03'],
    ['the sample export', SAMPLE, '2026-04'],
    ['the sample sprint export', SPRINT_SAMPLE, '2026-03'],
  ])('report on %s, %s: the same bytes, JSON and CSV', async (_name, path, month) => {
    const expected = inMemoryReport(JSON.parse(readFileSync(path, 'utf8')), month, AT);
    const [json, csv] = [
      await runCli(['report', '--input', path, '--month', month, '--at', AT]),
      await runCli(['report', '--input', path, '--month', month, '--at', AT, '--format', 'csv']),
    ];
    expect([json.code, json.stderr, json.stdout]).toEqual([0, '', asJson(expected)]);
    expect([csv.code, csv.stderr, csv.stdout]).toEqual([0, '', monthlyReportCsv(expected)]);
  });

  it.each(['2026-09', '2026-10'])(
    'report on a generated export with a board, top-level changelogs and a broken issue, %s: the same bytes',
    async (month) => {
      const { board } = JSON.parse(readFileSync(SPRINT_SAMPLE, 'utf8')) as { board: unknown };
      const exported = generateExport({ issues: 400, transitionsPerIssue: 8, seed: 7 });
      expect(exported.changelogs?.length).toBeGreaterThan(0);
      const value = {
        ...exported,
        issues: [...exported.issues.slice(0, 200), { id: 'x' }, ...exported.issues.slice(200)],
        board,
      };
      const path = file(`generated-report-${month}.json`, JSON.stringify(value));
      const at = '2026-12-01T12:00:00+01:00';
      const expected = inMemoryReport(value, month, at);
      // The sprint side is computed: the board is read and some sprint of the month has figures and a burn-down.
      expect([expected.rules.unit, expected.burnDowns.length > 0]).toEqual(['points', true]);
      expect(expected.figures.some((f) => f.section === 'sprints' && f.value !== null)).toBe(true);
      expect(expected.warnings.map((w) => w.code)).toContain('ISSUE_NOT_COMPUTED');
      const [json, csv] = [
        await runCli(['report', '--input', path, '--month', month, '--at', at]),
        await runCli(['report', '--input', path, '--month', month, '--at', at, '--format', 'csv']),
      ];
      expect([json.code, json.stderr, json.stdout]).toEqual([0, '', asJson(expected)]);
      expect([csv.code, csv.stderr, csv.stdout]).toEqual([0, '', monthlyReportCsv(expected)]);
    },
  );
});

describe('the reader on bad files', () => {
  const sample = readFileSync(SAMPLE, 'utf8');

  it.each<[string, () => string, RegExp]>([
    [
      'a file cut inside its issues',
      () => sample.slice(0, Math.floor(sample.length / 2)),
      /not valid JSON \(unexpected end of file inside "issues", at byte \d+\)$/,
    ],
    [
      'a file cut after its issues',
      () => `${sample.slice(0, sample.lastIndexOf('"sprints"'))}"sprints": [`,
      /not valid JSON \(unexpected end of file/,
    ],
    [
      'invalid JSON inside an issue',
      () => '{"issues": [{"id": "1"}, {"id": 2,, "key": "X"}]}',
      /not valid JSON \(issues\[1\], from byte 24: .*\)$/,
    ],
    [
      'invalid JSON after the issues',
      () => '{"issues": [], "names": {x}}',
      /not valid JSON \(Unexpected "x" at byte 25 /,
    ],
    [
      'invalid JSON before the issues',
      () => '{"names": {], "issues": []}',
      /not valid JSON \(Unexpected RIGHT_BRACKET \("]"\) in state KEY, in bytes 0\.\.24\)$/,
    ],
    [
      'a comma before the end of the issues',
      () => '{"issues": [{"id": "1"},]}',
      /not valid JSON \(issues\[1\], from byte 24:/,
    ],
    ['an empty file', () => '', /not valid JSON/],
  ])('%s: exit 2 and one line naming the file', async (name, content, message) => {
    const path = file(`${name.replace(/\W+/g, '-')}.json`, content());
    const run = await runCli(['clocks', '--input', path, '--at', AT]);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toContain(`${path}: not valid JSON`);
    expect(run.stderr.trimEnd()).toMatch(message);
  });

  it('issues that are not an array: not an export, as the whole-file path says it', async () => {
    const path = file('object-issues.json', '{"issues": {"a": 1}, "names": {}}');
    const run = await runCli(['clocks', '--input', path, '--at', AT]);
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd()).toBe(
      `contract-sla: ${path}: not a Jira export: expected a /rest/api/3/search/jql response with "issues" (issues: expected array)`,
    );
  });

  it('a broken issue in the middle is reported in the output, the others computed', () => {
    const value = JSON.parse(sample) as { issues: unknown[] };
    value.issues.splice(3, 0, { key: 'BROKEN-1', fields: {} });
    const path = file('broken-middle.json', JSON.stringify(value));
    const read = readExportFile(path);
    expect(read.ok).toBe(true);
    const issues = read.ok ? [...read.value.source.issues] : [];
    expect(issues.map((i) => (isBroken(i) ? `${i.key}: ${i.errors.map((e) => e.message).join()}` : 'ok'))).toEqual([
      'ok',
      'ok',
      'ok',
      'BROKEN-1: the issue is malformed (id: expected string)',
      ...Array.from({ length: value.issues.length - 4 }, () => 'ok'),
    ]);
  });

  it('an issue key written with escapes is still read (from memory)', () => {
    const read = readExportFile(
      file('escaped-key.json', '{"iss\\u0075es": [{"id": "1", "key": "X-1", "fields": {}}]}'),
    );
    expect(read.ok && [...read.value.source.issues].map((i) => i.key)).toEqual(['X-1']);
  });

  it('throws ExportFileError for invalid JSON, so that the CLI can name the file', () => {
    expect(() => readExportFile(file('bad.json', '{"issues": [] x'))).toThrow(ExportFileError);
  });
});

describe('the reader across chunk boundaries', () => {
  it.each([1, 2, 3, 7, 64])('reads the same issues when each read returns at most %s bytes', (most) => {
    // Escaped quotes and backslashes, a key that looks like "issues" inside an issue, and non-ASCII text.
    const tricky = {
      id: '77',
      key: 'T-77',
      fields: { summary: 'a \\" quote\\\\ and "issues": [ ] { } , \u00e9t\u00e9 \\', issues: [1, 2], created: 'x' },
    };
    const value = { names: { a: 'b' }, issues: [tricky, { id: '78', key: 'T-78', fields: {} }, 'odd'], isLast: true };
    const path = file(`chunks-${most}.json`, JSON.stringify(value, null, most % 2 === 0 ? 2 : undefined));
    const open = (name: string): ByteSource => {
      const fd = openSync(name, 'r');
      return {
        readAt: (buffer, position) => readSync(fd, buffer, 0, Math.min(most, buffer.length), position),
        close: () => closeSync(fd),
      };
    };
    const read = readExportFile(path, open);
    const expected = parseJiraExport(value);
    expect(read.ok && [...read.value.source.issues]).toEqual(expected.ok && expected.value.issues);
    expect(read.ok && read.value.source.names).toEqual({ a: 'b' });
  });
});

describe('the reader holds one issue at a time', () => {
  // About 10 MB: ten times the reader's chunk.
  const exported = generateExport({ issues: 1200, transitionsPerIssue: 10, seed: 1 });
  const path = file('large.json', JSON.stringify(exported));
  const size = statSync(path).size;

  /** Opens the file through a read function that records how far each open has read. */
  const watched = () => {
    const reads: number[][] = [];
    const open = (name: string): ByteSource => {
      const fd = openSync(name, 'r');
      const furthest: number[] = [];
      reads.push(furthest);
      return {
        readAt: (buffer, position) => {
          const n = readSync(fd, buffer, 0, buffer.length, position);
          furthest.push(position + n);
          return n;
        },
        close: () => closeSync(fd),
      };
    };
    return { reads, open };
  };

  it('yields the first issue before reading the rest of the file', () => {
    const { reads, open } = watched();
    const read = readExportFile(path, open);
    if (!read.ok) throw new Error('not an export');
    expect(Math.max(...(reads[0] ?? []))).toBe(size); // pass 1 reads the whole file once
    const iterator = read.value.source.issues[Symbol.iterator]();
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect(first.value?.key).toBe(exported.issues[0]?.key);
    const pass2 = reads[1] ?? [];
    expect(pass2).toHaveLength(1);
    expect(Math.max(...pass2)).toBeLessThan(size / 4);
    iterator.return?.(undefined);
  });

  it('reads the issues again, in the same order, each time they are iterated', () => {
    const read = readExportFile(path);
    if (!read.ok) throw new Error('not an export');
    const keys = [...read.value.source.issues].map((i) => i.key);
    expect(keys).toEqual(exported.issues.map((i) => i.key));
    expect([...read.value.source.issues].map((i) => i.key)).toEqual(keys);
  });

  it('reads the file as the issues are consumed, a chunk ahead at most', () => {
    const { reads, open } = watched();
    const read = readExportFile(path, open);
    if (!read.ok) throw new Error('not an export');
    const half = Math.floor(exported.issues.length / 2);
    let count = 0;
    for (const _issue of read.value.source.issues) if (++count === half) break;
    // Half the issues are less than half the file; the reader is at most one 1 MiB chunk past them.
    expect(Math.max(...(reads[1] ?? []))).toBeLessThan(size / 2 + (1 << 20));
  });
});
