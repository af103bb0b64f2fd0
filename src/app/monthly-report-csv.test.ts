// The CSV is checked by reading it back with a small RFC 4180 parser written here (quoted fields, doubled quotes,
// commas and line breaks inside quotes, CRLF records), then comparing every row with the JSON report it flattens.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeMonthlyReport } from './compute-monthly-report';
import { csvField, MONTHLY_CSV_COLUMNS, monthlyReportCsv } from './monthly-report-csv';
import type { MonthlyFigureView, MonthlyReport } from '../contract';
import { defaultSettings } from '../../test/support/clock-builders';
import { ms } from '../../test/support/builders';

/** RFC 4180: records end with CRLF; a field is raw text, or quoted with "" for a quote inside. Throws on bad input. */
const parseCsv = (text: string): string[][] => {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
        field += text[i];
        i += 1;
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i += 1;
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      if (i === text.length) return records;
      continue;
    }
    throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
  }
};

const read = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../examples', name), 'utf8'));
const reportOf = (name: string, month: string): MonthlyReport => {
  const result = computeMonthlyReport(read(name), defaultSettings(), month, ms('2026-04-24T12:00'));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};
const cell = (value: string | number | null): string => (value === null ? '' : String(value));

describe('parseCsv (the test’s own reader)', () => {
  it.each<[string, string, string[][]]>([
    [
      'plain fields',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['empty fields', ',x,\r\n', [['', 'x', '']]],
    [
      'quotes, commas and line breaks inside quotes',
      '"a,b","say ""hi""","l1\r\nl2"\r\n',
      [['a,b', 'say "hi"', 'l1\r\nl2']],
    ],
  ])('%s', (_name, text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });
});

describe('monthlyReportCsv', () => {
  it.each([
    ['sample-export.json', '2026-03'],
    ['sample-export.json', '2026-04'],
    ['sample-sprint-export.json', '2026-03'],
  ])('%s, %s: one row per figure followed by its breaches, every value as in the JSON', (name, month) => {
    const report = reportOf(name, month);
    const [header, ...rows] = parseCsv(monthlyReportCsv(report));
    expect(header).toEqual([...MONTHLY_CSV_COLUMNS]);
    const expected = report.figures.flatMap((f: MonthlyFigureView) => [
      [
        'figure',
        month,
        f.code,
        f.label,
        f.section,
        f.unit,
        cell(f.value),
        cell(f.numerator),
        cell(f.denominator),
        cell(f.threshold),
        f.status,
        cell(f.note),
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
      ...f.breaches.map((b) => [
        'breach',
        month,
        f.code,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        b.key,
        b.clock,
        cell(b.target),
        String(b.targetMs),
        String(b.elapsedMs),
        String(b.overrunMs),
        cell(b.dueAt),
        b.stoppedAt,
      ]),
    ]);
    expect(rows).toEqual(expected);
    expect(rows.every((r) => r.length === MONTHLY_CSV_COLUMNS.length)).toBe(true);
  });

  it('reads back numbers exactly: rates to the last digit, durations in ms', () => {
    const report = reportOf('sample-export.json', '2026-03');
    const rows = parseCsv(monthlyReportCsv(report)).slice(1);
    const row = rows.find((r) => r[2] === 'ANO_RESOLUTION_MAJOR' && r[0] === 'figure') ?? [];
    expect([Number(row[6]), Number(row[7]), Number(row[8])]).toEqual([1 / 3, 1, 3]);
  });

  it('quotes the French texts always, and any field holding a comma, a quote or a line break', () => {
    const lines = monthlyReportCsv(reportOf('sample-export.json', '2026-04')).split('\r\n');
    expect(lines[1]).toBe(
      'figure,2026-04,IND_INC01,"Taux d\'incidents déclarés critiques sur Niveau de Service OR résolus dans les délais (2H)",incidents,rate,,0,0,0.95,no-data,"aucun incident résolu dans le mois",,,,,,,,',
    );
    expect([
      csvField('a, b', false),
      csvField('dit "oui"', false),
      csvField('l1\nl2', false),
      csvField('texte', true),
      csvField(null, true),
      csvField(0.95, false),
    ]).toEqual(['"a, b"', '"dit ""oui"""', '"l1\nl2"', '"texte"', '', '0.95']);
  });

  it('ends every record with CRLF, header included, and is UTF-8 text', () => {
    const text = monthlyReportCsv(reportOf('sample-export.json', '2026-03'));
    expect([
      text.startsWith('type,month,code,label,'),
      text.endsWith('\r\n'),
      text.replace(/\r\n/g, '').includes('\n'),
    ]).toEqual([true, true, false]);
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
  });
});
