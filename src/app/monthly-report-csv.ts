// The monthly report as CSV (RFC 4180): UTF-8, a header row, CRLF line ends, fields separated by commas (the RFC's
// separator; numbers use a decimal point, so a comma never appears in one). A field is quoted when it holds a comma,
// a quote or a line break (quotes doubled), and the French texts (labels, notes) are always quoted. One row per figure
// (`type` = figure), followed by one row per breach of that figure (`type` = breach); the columns a row does not use
// are empty. Empty also means null: a rate with nothing to measure has an empty `value` and a `note`.
// The JSON report has more (every key behind each figure, durations per issue, burn-downs); the CSV is the table the
// committee reads and the list of breaches it checks.
import type { MonthlyFigureView, MonthlyReport } from '../contract';

export const MONTHLY_CSV_COLUMNS = [
  'type',
  'month',
  'code',
  'label',
  'section',
  'unit',
  'value',
  'numerator',
  'denominator',
  'threshold',
  'status',
  'note',
  'key',
  'clock',
  'target',
  'target_ms',
  'elapsed_ms',
  'overrun_ms',
  'due_at',
  'stopped_at',
] as const;

type Column = (typeof MONTHLY_CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | null>>;

const ALWAYS_QUOTED: ReadonlySet<Column> = new Set<Column>(['label', 'note']);

/**
 * One CSV field.
 * @example csvField('Taux d’incidents, OR', false) // '"Taux d’incidents, OR"'
 * @example csvField('say "hi"', false) // '"say ""hi"""'
 */
export const csvField = (value: string | number | null | undefined, quote: boolean): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return quote || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const line = (row: Row): string =>
  MONTHLY_CSV_COLUMNS.map((c) =>
    csvField(row[c], ALWAYS_QUOTED.has(c) && row[c] !== null && row[c] !== undefined),
  ).join(',');

const figureRows = (month: string, f: MonthlyFigureView): Row[] => [
  {
    type: 'figure',
    month,
    code: f.code,
    label: f.label,
    section: f.section,
    unit: f.unit,
    value: f.value,
    numerator: f.numerator,
    denominator: f.denominator,
    threshold: f.threshold,
    status: f.status,
    note: f.note,
  },
  ...f.breaches.map((b) => ({
    type: 'breach',
    month,
    code: f.code,
    key: b.key,
    clock: b.clock,
    target: b.target,
    target_ms: b.targetMs,
    elapsed_ms: b.elapsedMs,
    overrun_ms: b.overrunMs,
    due_at: b.dueAt,
    stopped_at: b.stoppedAt,
  })),
];

/** The report as CSV text (header row first, CRLF after every row). */
export const monthlyReportCsv = (report: MonthlyReport): string =>
  [MONTHLY_CSV_COLUMNS.join(','), ...report.figures.flatMap((f) => figureRows(report.month, f)).map(line)]
    .map((l) => `${l}\r\n`)
    .join('');
