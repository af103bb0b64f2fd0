// npm start: the workbench on http://127.0.0.1:8787 (PORT to change it). Options: --reset (new demo data),
// WORKBENCH_ANCHOR=<ISO instant> (the demo's "now" for its seed; default: now), WORKBENCH_DATA=<folder>.
import { join, resolve } from 'node:path';
import { DateTime, Settings } from 'luxon';
import type { AppModule } from './forge-host';
import { startWorkbench } from './server';

Settings.throwOnInvalid = true;

const rootDir = resolve(__dirname, '..', '..', '..');
const anchorText = process.env.WORKBENCH_ANCHOR;
const anchorMs = anchorText ? DateTime.fromISO(anchorText, { zone: 'Europe/Paris' }).toMillis() : DateTime.utc().toMillis();

startWorkbench({
  port: Number(process.env.PORT ?? 8787),
  dataDir: process.env.WORKBENCH_DATA ?? join(rootDir, '.workbench-data'),
  anchorMs,
  reset: process.argv.includes('--reset'),
  rootDir,
  // The compiled app, as it deploys (src/index.ts → dist/src/index.js); loaded after the seams are installed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at run time, after the seams exist
  loadApp: () => require(join(rootDir, 'dist', 'src', 'index.js')) as AppModule,
})
  .then((workbench) => {
    console.log(`Contract SLA workbench (a local preview, not a Jira site): ${workbench.url}`);
    console.log('Demo project DEMAT; switch users in the top bar. Ctrl+C to stop. Data: .workbench-data/ (npm start -- --reset for new demo data).');
  })
  .catch((error: unknown) => {
    console.error(`workbench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
