// npm start: the workbench on http://127.0.0.1:8787 (PORT to change it). Options:
//   --now <ISO instant>  the demo's "now" (Europe/Paris when no offset is given, e.g. 2026-04-24T12:00): the demo is
//                        seeded anew around it (the previous data is kept beside, *.before-reset), and the site's
//                        clock runs on from it. Without it the demo's now is the machine's, so `npm start` tells the
//                        same story on any date.
//   --reset              new demo data at the same now.
//   --faults <plan>      a share of the app's Jira calls answered 429 (Retry-After) or 500, as a loaded site does:
//                        --faults 429=0.2,500=0.05,retry-after=2,seed=7 (workbench/host/jira-faults.ts).
//   --search-lag <ms>    how far Jira's search index lags behind writes (default 1000; 0 for none).
//   WORKBENCH_DATA=<folder> where the data lives (default .workbench-data/).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DateTime, Settings } from 'luxon';
import { CONTRACT_ZONE } from '../../src/domain/contract-zone';
import { systemClock } from '../../src/app/clock';
import { DemoClock } from './clocks';
import { parseFaultPlan, type FaultPlan } from './jira-faults';
import type { AppModule } from './forge-host';
import { startWorkbench } from './server';

Settings.throwOnInvalid = true;

const rootDir = resolve(__dirname, '..', '..', '..');
const dataDir = process.env.WORKBENCH_DATA ?? join(rootDir, '.workbench-data');
const clockFile = join(dataDir, 'clock.json');

const fail = (message: string): never => {
  console.error(`workbench: ${message}`);
  process.exit(2);
};

/** The value of `--name X` or `--name=X`, or null. */
const optionValue = (argv: readonly string[], name: string): string | null => {
  const index = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (index < 0) return null;
  const arg = argv[index] as string;
  const text = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  return text === undefined || text.startsWith('--') ? fail(`${name} needs a value`) : text;
};

/** `--now X` or `--now=X`: the instant, or null when the option is absent. */
const nowOption = (argv: readonly string[]): number | null => {
  const text = optionValue(argv, '--now');
  if (text === null) return null;
  try {
    return DateTime.fromISO(text, { zone: CONTRACT_ZONE }).toMillis();
  } catch {
    return fail(
      `--now "${text}" is not an ISO 8601 instant (for example 2026-04-24T12:00 or 2026-04-24T12:00:00+02:00)`,
    );
  }
};

/** How far the demo's clock stands from the machine's, as saved with the data (0 when nothing was saved). */
const savedOffsetMs = (): number => {
  try {
    const saved = JSON.parse(readFileSync(clockFile, 'utf8')) as { offsetMs?: unknown };
    return typeof saved.offsetMs === 'number' && Number.isFinite(saved.offsetMs) ? saved.offsetMs : 0;
  } catch {
    return 0;
  }
};

const faultsText = optionValue(process.argv, '--faults');
let faults: FaultPlan | null = null;
try {
  faults = faultsText === null ? null : parseFaultPlan(faultsText);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const lagText = optionValue(process.argv, '--search-lag');
const searchLagMs = lagText === null ? 1000 : Number(lagText);
if (!Number.isFinite(searchLagMs) || searchLagMs < 0) fail(`--search-lag "${lagText}" is not a number of milliseconds`);

const pinnedMs = nowOption(process.argv);
const hasData = existsSync(join(dataDir, 'jira.json'));
const reset = process.argv.includes('--reset') || pinnedMs !== null;
// A pinned now seeds anew; otherwise the saved data goes on where it stood, its clock running since.
const demoNowMs = pinnedMs ?? (hasData && !reset ? systemClock.nowMs() + savedOffsetMs() : systemClock.nowMs());
const clock = new DemoClock(demoNowMs);
mkdirSync(dataDir, { recursive: true });
writeFileSync(clockFile, JSON.stringify({ offsetMs: demoNowMs - systemClock.nowMs() }));

startWorkbench({
  port: Number(process.env.PORT ?? 8787),
  dataDir,
  clock,
  reset,
  rootDir,
  // The compiled app, as it deploys (src/index.ts → dist/src/index.js); loaded after the seams are installed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at run time, after the seams exist
  loadApp: () => require(join(rootDir, 'dist', 'src', 'index.js')) as AppModule,
})
  .then((workbench) => {
    // Set after the start-up tick, so the demo's fields are filled first: faults and lag then apply to what you do.
    workbench.jira.setSearchLag(searchLagMs);
    workbench.host.faults.set(faults);
    const now = DateTime.fromMillis(clock.nowMs(), { zone: CONTRACT_ZONE }).toFormat("dd/MM/yyyy HH:mm 'Europe/Paris'");
    console.log(`Contract SLA workbench (a local preview, not a Jira site): ${workbench.url}`);
    console.log(
      `Demo project DEMAT; the demo's now: ${now}${reset ? ' (new demo data)' : hasData ? ' (saved data, its clock running on)' : ''}.`,
    );
    if (faults !== null)
      console.log(`Faults on demand: ${faultsText} (the app's Jira calls; see the footer's call list).`);
    console.log(
      `Search index lag: ${searchLagMs} ms (Jira's search is eventually consistent; --search-lag 0 to turn it off).`,
    );
    console.log(
      "Switch users in the top bar. Ctrl+C to stop. Data: .workbench-data/ (npm start -- --reset for new demo data, --now <ISO> to pin the demo's now).",
    );
  })
  .catch((error: unknown) => {
    console.error(`workbench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
