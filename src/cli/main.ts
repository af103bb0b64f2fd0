// The contract-sla command line: the app's figures recomputed from Jira exports, outside Jira. Output is JSON on
// stdout; an error is exit code 2 with one line on stderr that names the file and what is wrong (no stack trace).
import { CONTRACT_ZONE } from '../domain/contract-zone';
import { readFile } from 'node:fs/promises';
import { DateTime, Settings as LuxonSettings } from 'luxon';
import { platformClock } from '../app/clock';
import { streamClocksReport, type StreamedClocksReport } from '../app/compute-clocks-report';
import { monthlyReportOf, monthToMeasure, sprintSourceOfExport } from '../app/compute-monthly-report';
import { monthlyReportCsv } from '../app/monthly-report-csv';
import { computeReserveReportOfSource } from '../app/compute-reserve-report';
import { formatInstant } from '../app/format-instant';
import { parseCalendar } from '../app/settings/parse-calendar';
import { parseSettings, type Settings } from '../app/settings/parse-settings';
import {
  addBusinessMsEpoch,
  businessMsBetweenEpoch,
  FIRST_YEAR,
  LAST_YEAR,
  type BusinessCalendar,
} from '../domain/calendar/business-calendar';
import { parseDurationMs } from '../domain/duration';
import { monthWindow } from '../domain/indicators/month-window';
import { formatPath, type Issue, type Result } from '../domain/result';
import { ExportFileError, readExportFile, type ExportFile } from './read-export-file';

/** A failure the user can act on: printed as one line, exit code 2. */
export class CliError extends Error {}

const USAGE = `contract-sla: the DEMAT'ADS contract's SLA figures, recomputed from Jira data (JSON on stdout)

  contract-sla calendar between --calendar <name|file.json> --from <ISO> --to <ISO> [--config <config.json>]
  contract-sla calendar add --calendar <name|file.json> --from <ISO> --duration <4h|90m|2d|PT4H> [--config <config.json>]
  contract-sla clocks --input <export.json> [--config <config.json>] [--at <ISO>]
  contract-sla reserve --input <sprint-export.json> [--config <config.json>] [--at <ISO>]
  contract-sla report --input <export.json> --month <yyyy-MM> [--config <config.json>] [--at <ISO>] [--format json|csv]

Calendars: gold, silver, bronze, standard (built in), one defined in --config, or a calendar file.
Instants: ISO 8601 with an offset (2026-03-02T09:00:00+01:00); without one, Europe/Paris.
Durations: 4h, 90m, 2d (days of the calendar's day length), 1d4h or ISO 8601 (PT4H).`;

type Options = Readonly<Record<string, string>>;

const parseOptions = (args: readonly string[], allowed: readonly string[]): Options => {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) throw new CliError(`unexpected argument "${arg}" (options are written --name value)`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!allowed.includes(name))
      throw new CliError(`unknown option --${name} (expected ${allowed.map((a) => `--${a}`).join(', ')})`);
    const value = inline ?? args[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--')))
      throw new CliError(`option --${name} needs a value`);
    options[name] = value;
  }
  return options;
};

const required = (options: Options, name: string): string => {
  const value = options[name];
  if (value === undefined) throw new CliError(`missing option --${name}`);
  return value;
};

const describeIssues = (where: string, issues: readonly Issue[]): string =>
  `${where}: ${issues.map((i) => `${i.path.length > 0 ? `${formatPath(i.path)}: ` : ''}${i.message}`).join('; ')}`;

// Not `instanceof Error`: errors of node's fs come from another realm under jest.
const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

const unreadable = (file: string, error: unknown): CliError => {
  const code = errorCode(error);
  return new CliError(
    `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? 'unknown error'})`}`,
  );
};

const readJsonFile = async (file: string): Promise<unknown> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${file}: not valid JSON (${(error as Error).message})`);
  }
};

/** An export file read issue by issue (read-export-file.ts), a file or JSON error as one line naming the file. */
const readExport = (file: string): Result<ExportFile> => {
  try {
    return readExportFile(file);
  } catch (error) {
    if (error instanceof ExportFileError) throw new CliError(`${file}: ${error.message}`);
    throw unreadable(file, error);
  }
};

/** An export file read issue by issue (read-export-file.ts); its errors as one line naming the file. */
const openExportFile = (file: string): ExportFile => {
  const read = readExport(file);
  if (!read.ok) throw new CliError(describeIssues(file, read.issues));
  return read.value;
};

/** The issues of a streamed export, with a JSON error found while reading them as a CliError naming the file. */
const namingFile = <T>(file: string, items: Iterable<T>): Iterable<T> => ({
  *[Symbol.iterator]() {
    try {
      yield* items;
    } catch (error) {
      if (error instanceof ExportFileError) throw new CliError(`${file}: ${error.message}`);
      throw error;
    }
  },
});

const loadSettings = async (file: string | undefined): Promise<Settings> => {
  const parsed = parseSettings(file === undefined ? {} : await readJsonFile(file));
  if (!parsed.ok) throw new CliError(describeIssues(file ?? 'default settings', parsed.issues));
  return parsed.value;
};

const loadCalendar = async (ref: string, settings: Settings): Promise<BusinessCalendar> => {
  if (!ref.toLowerCase().endsWith('.json')) {
    const named = settings.calendars[ref];
    if (!named)
      throw new CliError(
        `--calendar: unknown calendar "${ref}" (known: ${Object.keys(settings.calendars).join(', ')}; or give a .json file)`,
      );
    return named;
  }
  const parsed = parseCalendar(ref.replace(/^.*[\\/]/, '').replace(/\.json$/i, ''), await readJsonFile(ref));
  if (!parsed.ok) throw new CliError(describeIssues(ref, parsed.issues));
  return parsed.value;
};

const parseInstant = (option: string, text: string, zone: string): number => {
  let parsed: DateTime;
  try {
    parsed = DateTime.fromISO(text, { zone, setZone: false });
  } catch {
    throw new CliError(`--${option}: "${text}" is not an ISO 8601 instant (e.g. 2026-03-02T09:00:00+01:00)`);
  }
  if (!parsed.isValid || parsed.year < FIRST_YEAR || parsed.year > LAST_YEAR) {
    throw new CliError(`--${option}: "${text}" is not an ISO 8601 instant between ${FIRST_YEAR} and ${LAST_YEAR}`);
  }
  return parsed.toMillis();
};

const writeJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/** Writes a large report issue by issue in chunks of about 1 MB, waiting for stdout to drain, so memory stays flat. */
const writeReport = async (report: StreamedClocksReport): Promise<void> => {
  const write = (chunk: string): Promise<void> =>
    new Promise((resolve) => {
      if (process.stdout.write(chunk)) resolve();
      else process.stdout.once('drain', () => resolve());
    });
  let buffer = `{"at":${JSON.stringify(report.at)},"warnings":${JSON.stringify(report.warnings)},"issues":[`;
  let first = true;
  for (const issue of report.issues) {
    buffer += `${first ? '\n' : ',\n'}${JSON.stringify(issue)}`;
    first = false;
    if (buffer.length > 1_000_000) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(`${buffer}\n]}\n`);
};

const calendarCommand = async (args: readonly string[]): Promise<void> => {
  const [verb, ...rest] = args;
  if (verb === 'between') {
    const options = parseOptions(rest, ['calendar', 'from', 'to', 'config']);
    const settings = await loadSettings(options.config);
    const cal = await loadCalendar(required(options, 'calendar'), settings);
    const fromMs = parseInstant('from', required(options, 'from'), cal.zone);
    const toMs = parseInstant('to', required(options, 'to'), cal.zone);
    if (toMs < fromMs) throw new CliError('--from must not be after --to');
    writeJson({ businessMs: businessMsBetweenEpoch(cal, fromMs, toMs) });
    return;
  }
  if (verb === 'add') {
    const options = parseOptions(rest, ['calendar', 'from', 'duration', 'config']);
    const settings = await loadSettings(options.config);
    const cal = await loadCalendar(required(options, 'calendar'), settings);
    const fromMs = parseInstant('from', required(options, 'from'), cal.zone);
    const duration = parseDurationMs(required(options, 'duration'), cal.dayLengthMs);
    if (!duration.ok) throw new CliError(`--duration: ${duration.issues.map((i) => i.message).join('; ')}`);
    writeJson({ at: formatInstant(addBusinessMsEpoch(cal, fromMs, duration.value), cal.zone) });
    return;
  }
  throw new CliError(`calendar: expected "between" or "add", got ${verb === undefined ? 'nothing' : `"${verb}"`}`);
};

const clocksCommand = async (args: readonly string[], nowMs: number): Promise<void> => {
  const options = parseOptions(args, ['input', 'config', 'at']);
  const settings = await loadSettings(options.config);
  const input = required(options, 'input');
  const atMs = options.at === undefined ? nowMs : parseInstant('at', options.at, CONTRACT_ZONE);
  const { source } = openExportFile(input);
  await writeReport(streamClocksReport({ ...source, issues: namingFile(input, source.issues) }, settings, atMs));
};

const reserveCommand = async (args: readonly string[], nowMs: number): Promise<void> => {
  const options = parseOptions(args, ['input', 'config', 'at']);
  const settings = await loadSettings(options.config);
  const input = required(options, 'input');
  const atMs = options.at === undefined ? nowMs : parseInstant('at', options.at, CONTRACT_ZONE);
  const { source, board } = openExportFile(input);
  const report = computeReserveReportOfSource(
    { ...source, issues: namingFile(input, source.issues) },
    board,
    settings,
    atMs,
  );
  if (!report.ok) throw new CliError(describeIssues(input, report.issues));
  writeJson(report.value);
};

/** The committee's monthly indicators (D9): JSON (default) or CSV on stdout. */
const reportCommand = async (args: readonly string[], nowMs: number): Promise<void> => {
  const options = parseOptions(args, ['input', 'month', 'config', 'at', 'format']);
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new CliError(`--format: expected json or csv, got "${format}"`);
  const month = required(options, 'month');
  const monthProblem = (issues: readonly Issue[]): CliError =>
    new CliError(`--month: ${issues.map((i) => i.message).join('; ')}`);
  const window = monthWindow(month);
  if (!window.ok) throw monthProblem(window.issues);
  const settings = await loadSettings(options.config);
  const input = required(options, 'input');
  const atMs = options.at === undefined ? nowMs : parseInstant('at', options.at, CONTRACT_ZONE);
  // The file's top level is read now (a file or JSON error comes before the month's, the month before the export's);
  // its issues are walked twice, once for the sprints and once for the indicators, a JSON error in them one line.
  const read = readExport(input);
  const measured = monthToMeasure(month, atMs);
  if (!measured.ok) throw monthProblem(measured.issues);
  if (!read.ok) throw new CliError(describeIssues(input, read.issues));
  const source = { ...read.value.source, issues: namingFile(input, read.value.source.issues) };
  const report = monthlyReportOf(
    source,
    sprintSourceOfExport(source, read.value.board, settings, window.value),
    settings,
    window.value,
    measured.value.measuredAtMs,
  );
  if (format === 'csv') process.stdout.write(monthlyReportCsv(report));
  else writeJson(report);
};

/** Runs the command line; resolves to the exit code. */
export const main = async (argv: readonly string[], nowMs: number = platformClock.nowMs()): Promise<number> => {
  LuxonSettings.throwOnInvalid = true;
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === 'calendar') await calendarCommand(rest);
    else if (command === 'clocks') await clocksCommand(rest, nowMs);
    else if (command === 'reserve') await reserveCommand(rest, nowMs);
    else if (command === 'report') await reportCommand(rest, nowMs);
    else throw new CliError(`unknown command "${command}" (run contract-sla --help)`);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`contract-sla: ${error.message}\n`);
      return 2;
    }
    // An unexpected failure is still one line: the message, never the stack.
    process.stderr.write(`contract-sla: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
};
