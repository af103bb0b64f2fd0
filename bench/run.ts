// npm run bench: figures and ratios from one run, printed (never asserted: a slow machine is not a failing test).
// The peer runs in the process's local zone, so the process is put in Europe/Paris before anything reads it.
process.env.TZ = 'Europe/Paris';

import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import moment from 'moment';
import 'moment-business-time';
import { clocksReportOf } from '../src/app/compute-clocks-report';
import { parseSettings } from '../src/app/settings/parse-settings';
import { BUILTIN_CALENDARS } from '../src/domain/calendar/builtin-calendars';
import { businessMsBetweenEpoch } from '../src/domain/calendar/business-calendar';
import { publicHolidays } from '../src/domain/calendar/french-holidays';
import { computeIssueClocks } from '../src/domain/sla/sla-clock';
import { isBroken, parseJiraExport } from '../src/jira/jira-export';
import { mapIssue, resolveFields } from '../src/app/map-issue';
import { sprintWindows } from '../src/app/compute-clocks-report';
import { generateExport } from '../test/support/generate-export';
import { computeMonthlySnapshot } from '../src/app/monthly-snapshot';
import { ExportJira } from './export-jira';
import { jiraGateway } from '../src/jira/jira-gateway';
import { ManualClock } from '../workbench/host/clocks';
import { scheduledTickBench } from './tick-bench';

const MINUTE = 60_000;
const rate = (count: number, ms: number): string => `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;
const thousands = (n: number): string => n.toLocaleString('en-US');
const AT = '2026-12-01T12:00:00+01:00';
const CLI = join(__dirname, '../../bin/contract-sla.js');
const BOARD: unknown = (
  JSON.parse(readFileSync(join(__dirname, '../../examples/sample-sprint-export.json'), 'utf8')) as { board: unknown }
).board;
const benchDir = mkdtempSync(join(tmpdir(), 'contract-sla-bench-'));
const probe = join(benchDir, 'report-max-rss.js');
writeFileSync(
  probe,
  "process.on('exit', () => process.stderr.write('maxRSS ' + process.resourceUsage().maxRSS + '\\n'));\n",
);

/**
 * Writes a generated export to a file as JSON, issue by issue (a 100,000-issue export is longer than the longest
 * string V8 makes), with the top-level keys in the generator's order (issues first) and `extra` keys at the end.
 */
const writeExportFile = (file: string, exported: ReturnType<typeof generateExport>, extra: object = {}): number => {
  const fd = openSync(file, 'w');
  let bytes = 0;
  let buffer = '{"issues":[';
  const flush = (): void => {
    bytes += writeSync(fd, buffer);
    buffer = '';
  };
  exported.issues.forEach((issue, i) => {
    buffer += `${i === 0 ? '' : ','}${JSON.stringify(issue)}`;
    if (buffer.length > 1 << 20) flush();
  });
  buffer += ']';
  for (const [key, value] of Object.entries({ ...exported, ...extra }))
    if (key !== 'issues') {
      buffer += `,${JSON.stringify(key)}:`;
      flush();
      // changelogs may be large too: one entry at a time.
      if (Array.isArray(value)) {
        buffer += '[';
        value.forEach((entry: unknown, i) => {
          buffer += `${i === 0 ? '' : ','}${JSON.stringify(entry)}`;
          if (buffer.length > 1 << 20) flush();
        });
        buffer += ']';
      } else buffer += JSON.stringify(value);
    }
  buffer += '}';
  flush();
  closeSync(fd);
  return bytes;
};

type CliRun = {
  readonly ms: number;
  readonly status: number | null;
  readonly stderr: string;
  readonly rssMb: number | null;
};
/** Runs the CLI in a process of its own, stdout thrown away, and reads its peak RSS. */
const runCli = (args: readonly string[]): CliRun => {
  const t = performance.now();
  const run = spawnSync(process.execPath, ['--require', probe, CLI, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const ms = performance.now() - t;
  const rss = /maxRSS (\d+)/.exec(run.stderr ?? '')?.[1];
  const stderr = (run.stderr ?? '').replace(/maxRSS \d+\n?/, '').trim();
  return { ms, status: run.status, stderr, rssMb: rss ? Math.round(Number(rss) / 1024) : null };
};
const exitText = (run: CliRun): string => `exit ${run.status}${run.status === 0 ? '' : ` (${run.stderr})`}`;

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const calendarBench = (): void => {
  const random = mulberry32(7);
  const from = Date.UTC(2025, 0, 1);
  const span = Date.UTC(2027, 0, 1) - from;
  const intervals = Array.from({ length: 2000 }, () => {
    const a = from + Math.floor((random() * span) / MINUTE) * MINUTE;
    return [a, a + Math.floor((random() * 183 * 86_400_000) / MINUTE) * MINUTE] as const;
  });
  const holidays = [2025, 2026, 2027].flatMap((y) => publicHolidays('FR', y, false).map((h) => h.date));
  moment.updateLocale('fr', {
    workinghours: {
      0: null,
      1: ['08:00:00', '18:00:00'],
      2: ['08:00:00', '18:00:00'],
      3: ['08:00:00', '18:00:00'],
      4: ['08:00:00', '18:00:00'],
      5: ['08:00:00', '18:00:00'],
      6: null,
    },
    holidays,
  } as moment.LocaleSpecification);
  moment.locale('fr');
  const peer = (a: number, b: number): number =>
    (moment(b) as unknown as { workingDiff: (m: moment.Moment, unit: string) => number }).workingDiff(
      moment(a),
      'milliseconds',
    );

  const standard = BUILTIN_CALENDARS.standard;
  const engineResults = intervals.map(([a, b]) => businessMsBetweenEpoch(standard, a, b)); // warms the year tables
  let t = performance.now();
  const peerResults = intervals.map(([a, b]) => peer(a, b));
  const peerMs = performance.now() - t;
  const rounds = 200;
  t = performance.now();
  let checksum = 0;
  for (let r = 0; r < rounds; r++) for (const [a, b] of intervals) checksum += businessMsBetweenEpoch(standard, a, b);
  const engineMs = performance.now() - t;
  const agree = engineResults.filter((v, i) => v === peerResults[i]).length;
  const enginePerSecond = (intervals.length * rounds) / engineMs;
  const peerPerSecond = intervals.length / peerMs;
  console.log(
    `calendar: engine ${rate(intervals.length * rounds, engineMs)} business-time intervals (${intervals.length} random intervals of up to 6 months, x${rounds}; checksum ${checksum % 997})`,
  );
  console.log(
    `calendar: moment-business-time ${rate(intervals.length, peerMs)} on the same intervals (${(peerMs / intervals.length).toFixed(2)} ms each)`,
  );
  console.log(
    `calendar: ratio engine/peer ${Math.round(enginePerSecond / peerPerSecond).toLocaleString('en-US')}x; results agree on ${agree}/${intervals.length} intervals`,
  );
};

const clocksBench = (): void => {
  const issues = 20_000;
  const transitions = 15;
  let t = performance.now();
  const exportJson = generateExport({ issues, transitionsPerIssue: transitions, seed: 42 });
  const generateMs = performance.now() - t;
  const parsedSettings = parseSettings({});
  if (!parsedSettings.ok) throw new Error('default settings do not parse');
  const settings = parsedSettings.value;
  const atMs = Date.parse('2026-12-01T12:00:00+01:00');
  const runs: { parse: number; map: number; compute: number; report: number; json: number }[] = [];
  let clockCount = 0;
  for (let run = 0; run < 3; run++) {
    t = performance.now();
    const parsed = parseJiraExport(exportJson);
    if (!parsed.ok) throw new Error('generated export does not parse');
    const parseMs = performance.now() - t;
    t = performance.now();
    const fields = resolveFields(settings.fields, parsed.value.names);
    const mapped = parsed.value.issues.flatMap((i) =>
      isBroken(i) ? [] : [mapIssue(i, settings, fields, parsed.value.versions)],
    );
    const mapMs = performance.now() - t;
    const clockSettings = {
      statuses: settings.statuses,
      targets: settings.targets,
      calendars: settings.calendars,
      sprints: sprintWindows(settings, parsed.value.sprints, atMs),
    };
    t = performance.now();
    clockCount = 0;
    for (const m of mapped) if (m.facts) clockCount += computeIssueClocks(m.facts, clockSettings, atMs).clocks.length;
    const computeMs = performance.now() - t;
    t = performance.now();
    const report = clocksReportOf(parsed.value, settings, atMs);
    const reportMs = performance.now() - t;
    t = performance.now();
    let bytes = 0;
    for (const issue of report.issues) bytes += JSON.stringify(issue).length;
    const jsonMs = performance.now() - t;
    runs.push({ parse: parseMs, map: mapMs, compute: computeMs, report: reportMs + parseMs, json: jsonMs });
    if (run === 0)
      console.log(
        `clocks: generated export of ${issues.toLocaleString('en-US')} issues x ${transitions} transitions in ${Math.round(generateMs)} ms; report JSON ${(bytes / 1e6).toFixed(0)} MB`,
      );
  }
  const best = (k: keyof (typeof runs)[number]): number => Math.round(Math.min(...runs.map((r) => r[k])));
  console.log(
    `clocks: compute all clocks of ${issues.toLocaleString('en-US')} issues (${clockCount.toLocaleString('en-US')} clocks) ${best('compute')} ms (domain, from mapped facts; best of 3)`,
  );
  console.log(
    `clocks: parse export ${best('parse')} ms + map to facts ${best('map')} ms; whole report from the export object ${best('report')} ms; JSON output ${best('json')} ms`,
  );
  console.log(`clocks: peak RSS of this benchmark process ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);

  // The command line end to end, as a user runs it: read the file, compute, write the JSON report. The file also
  // has the sample's board configuration, so that `reserve` reads the same file.
  const file = join(benchDir, 'export-20000.json');
  writeExportFile(file, exportJson, { board: BOARD });
  const run = runCli(['clocks', '--input', file, '--at', AT]);
  console.log(
    `clocks: CLI end to end (contract-sla clocks, ${issues.toLocaleString('en-US')}-issue file to JSON on stdout) ${Math.round(run.ms)} ms, ${exitText(run)}, peak RSS ${run.rssMb ?? '?'} MB`,
  );
  cliFile20k = file;
  cliMs20k = run.ms;
};

let cliFile20k = '';
let cliMs20k = 0;

/** What no reader of the file can beat: JSON.parse and JSON.stringify of the same bytes (in this process). */
const limitBench = (): void => {
  const text = readFileSync(cliFile20k, 'utf8');
  let parseMs = Infinity;
  let stringifyMs = Infinity;
  for (let run = 0; run < 2; run++) {
    let t = performance.now();
    const value: unknown = JSON.parse(text);
    parseMs = Math.min(parseMs, performance.now() - t);
    t = performance.now();
    JSON.stringify(value);
    stringifyMs = Math.min(stringifyMs, performance.now() - t);
  }
  const limitMs = parseMs + stringifyMs;
  console.log(
    `clocks: limit: JSON.parse ${Math.round(parseMs)} ms + JSON.stringify ${Math.round(stringifyMs)} ms of the same ${(text.length / 1e6).toFixed(0)} MB = ${Math.round(limitMs)} ms (best of 2); aim 2x = ${Math.round(2 * limitMs)} ms; the CLI end to end took ${(cliMs20k / limitMs).toFixed(1)}x the limit`,
  );
};

/** `report` and `reserve` on the same 20,000-issue file. */
const otherCommandsBench = (): void => {
  const report = runCli(['report', '--input', cliFile20k, '--month', '2026-10', '--at', AT]);
  console.log(
    `report: CLI end to end (contract-sla report --month 2026-10, 20,000-issue file) ${Math.round(report.ms)} ms, ${exitText(report)}, peak RSS ${report.rssMb ?? '?'} MB`,
  );
  const reserve = runCli(['reserve', '--input', cliFile20k, '--at', AT]);
  console.log(
    `reserve: CLI end to end (contract-sla reserve, 20,000-issue file) ${Math.round(reserve.ms)} ms, ${exitText(reserve)}, peak RSS ${reserve.rssMb ?? '?'} MB`,
  );
};

/** The CLI's time and peak RSS from 1,000 to 100,000 issues: ms per 1,000 issues reads linearity at a glance. */
const scalingBench = (): void => {
  for (const count of [1_000, 10_000, 50_000, 100_000]) {
    const file = join(benchDir, `export-${count}.json`);
    const bytes = writeExportFile(file, generateExport({ issues: count, transitionsPerIssue: 15, seed: 42 }));
    const run = runCli(['clocks', '--input', file, '--at', AT]);
    rmSync(file);
    console.log(
      `clocks: scaling ${thousands(count).padStart(7)} issues (${(bytes / 1e6).toFixed(0).padStart(3)} MB file): CLI ${String(Math.round(run.ms)).padStart(6)} ms, ${((run.ms / count) * 1000).toFixed(0).padStart(4)} ms per 1,000 issues, peak RSS ${String(run.rssMb ?? '?').padStart(4)} MB, ${exitText(run)}`,
    );
  }
};

// The committee's monthly report (D9) of a generated 20,000-issue export for October 2026. generateExport spreads
// creations evenly over 2025-01-06 .. 2026-10-31 (histories of at most 50 days), so October 2026 is a full month of
// activity: 903 issues created, 644 clocks stopped (375 issues delivered), and 11,370 issues still open at its end
// (the generator leaves many histories unfinished), each read for the flow figures. The sample
// board configuration is attached, so the sprint figures and burn-downs are computed too. It runs in a process of its
// own, so that its peak RSS is the report's (the export object held in memory, as the app holds it, and the report
// computed from it three times); the time is the best of those three runs.
const reportBench = (): void => {
  const path = (relative: string): string => JSON.stringify(join(__dirname, relative));
  const child = `
    const { performance } = require('node:perf_hooks');
    const { readFileSync } = require('node:fs');
    const { computeMonthlyReport } = require(${path('../src/app/compute-monthly-report.js')});
    const { parseSettings } = require(${path('../src/app/settings/parse-settings.js')});
    const { generateExport } = require(${path('../test/support/generate-export.js')});
    const board = JSON.parse(readFileSync(${path('../../examples/sample-sprint-export.json')}, 'utf8')).board;
    const exported = { ...generateExport({ issues: 20000, transitionsPerIssue: 15, seed: 42 }), board };
    const settings = parseSettings({}).value;
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const t = performance.now();
      const report = computeMonthlyReport(exported, settings, '2026-10', Date.parse('2026-12-01T12:00:00+01:00'));
      if (!report.ok) throw new Error(JSON.stringify(report.issues));
      best = Math.min(best, performance.now() - t);
    }
    process.stdout.write(JSON.stringify({ ms: best, maxRssKb: process.resourceUsage().maxRSS }));
  `;
  const run = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) {
    console.log(
      `report: monthly report of a generated 20,000-issue export (month 2026-10): failed (${(run.stderr ?? '').trim().split('\n')[0]})`,
    );
    return;
  }
  const { ms, maxRssKb } = JSON.parse(run.stdout) as { ms: number; maxRssKb: number };
  console.log(
    `report: monthly report of a generated 20,000-issue export (month 2026-10): ${Math.round(ms)} ms, peak RSS ${Math.round(maxRssKb / 1024)} MB`,
  );
};

/** The gadget's background job on a 20,000-issue project: its Jira calls (paging), time and memory. */
const gadgetJobBench = async (): Promise<void> => {
  const exported = generateExport({
    issues: 20_000,
    transitionsPerIssue: 15,
    seed: 42,
  }) as unknown as ConstructorParameters<typeof ExportJira>[0];
  const jira = new ExportJira(exported);
  const values = new Map<string, unknown>();
  const deps = {
    // ExportJira names every field `ari:cloud:ecosystem::extension/app/env/static/<id>`.
    app: { appId: 'app', environmentId: 'env' },
    jira: jiraGateway(jira),
    store: {
      get: async (k: string) => values.get(k),
      set: async (k: string, v: unknown) => void values.set(k, v),
      delete: async (k: string) => void values.delete(k),
    },
    queue: { push: async () => undefined },
    clock: new ManualClock(Date.parse('2026-12-01T12:00:00+01:00')),
  };
  const t = performance.now();
  await computeMonthlySnapshot(
    deps,
    { kind: 'monthly-report', projectKey: 'DEMAT', month: '2026-10' },
    deps.clock.nowMs(),
  );
  const ms = performance.now() - t;
  const search = jira.calls.get('POST /rest/api/3/search/jql') ?? 0;
  const bulk = jira.calls.get('POST /rest/api/3/changelog/bulkfetch') ?? 0;
  const chunks = [...values.keys()].filter((k) => k.includes(':chunk:')).length;
  console.log(
    `gadget: background job for a 20,000-issue project (month 2026-10 and 5 months of trend): ${jira.total()} Jira calls (${search} search pages, ${bulk} bulk changelog calls, ${jira.total() - search - bulk} other), ${Math.round(ms)} ms, snapshot in ${chunks} stored chunks`,
  );
};

calendarBench();
clocksBench();
limitBench();
otherCommandsBench();
scalingBench();
rmSync(benchDir, { recursive: true, force: true });
reportBench();
void gadgetJobBench().then(scheduledTickBench);
