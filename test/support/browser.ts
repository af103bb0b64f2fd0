import type { AppModule } from '../../workbench/host/forge-host';
import { startWorkbench, type Workbench } from '../../workbench/host/server';
import { TEST_ANCHOR_MS } from './forge-site';
import { ManualClock } from '../../workbench/host/clocks';
// Browser tests: the system Chromium driven by playwright-core (Playwright's own browsers are never downloaded), with
// a new empty profile per launch, and the few moves every test makes on the workbench's host pages (sign in through
// the top bar, wait for a page to be drawn again, read a Custom UI frame).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** How long one Playwright action or wait may take before it fails (well inside the tests' own timeouts). */
export const ACTION_TIMEOUT_MS = 15_000;

/** The repository's root (this file is test/support/browser.ts). */
export const REPO_ROOT = join(__dirname, '..', '..');

export type BrowserSession = {
  readonly context: BrowserContext;
  /** A new tab; uncaught errors of its scripts (frames included) are collected in `errors`. */
  newPage(): Promise<{ readonly page: Page; readonly errors: string[] }>;
  /** Closes the browser and removes its profile; safe to call twice. */
  close(): Promise<void>;
};

/** Fails with what to do when the Custom UI bundles the workbench serves have not been built. */
export const requireBuiltUi = (
  rootDir: string = REPO_ROOT,
  surfaces: readonly string[] = ['sla-panel', 'admin'],
): void => {
  const missing = surfaces.filter((surface) => !existsSync(join(rootDir, 'static', surface, 'build', 'index.html')));
  if (missing.length > 0) {
    throw new Error(
      `The Custom UI is not built (missing ${missing.map((s) => `static/${s}/build/index.html`).join(', ')}): run \`npm run build\` first.`,
    );
  }
};

/** Chromium at /usr/bin/chromium, headless, with a new empty user data dir (removed by `close`). */
export const launchChromium = async (): Promise<BrowserSession> => {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (the browser tests never download Playwright's browsers).`,
    );
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'contract-sla-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: { width: 1400, height: 1000 },
      locale: 'fr-FR',
      // As in the jest tests (B4): an unusual zone, so a page that shows an instant in the browser's zone fails.
      timezoneId: 'Pacific/Chatham',
      timeout: 30_000,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  let closed = false;
  return {
    context,
    newPage: async () => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, errors };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
};

// ---- The workbench's host pages (workbench/host/public/app.js) ----

const STALE = 'data-test-stale';

/** Marks what the host page shows now, so that `waitForRedraw` can tell the next drawing from this one. */
export const markDrawn = async (page: Page): Promise<void> => {
  await page.locator('#main > *').first().waitFor({ state: 'attached' });
  await page
    .locator('#main > *')
    .evaluateAll((nodes, attribute) => nodes.forEach((node) => node.setAttribute(attribute, '')), STALE);
};

/** Waits until the host page has drawn its content again (#main's children replaced) since `markDrawn`. */
export const waitForRedraw = async (page: Page): Promise<void> => {
  await page.locator(`#main > :not([${STALE}])`).first().waitFor({ state: 'attached' });
};

/** Opens a host page (`/issues`, `/browse/DEMAT-5`, `/settings`, `/workflow`) and waits for its first drawing. */
export const openHostPage = async (page: Page, baseUrl: string, path: string): Promise<void> => {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('#user option').first().waitFor({ state: 'attached' });
  await page.locator('#main > *').first().waitFor({ state: 'attached' });
};

/**
 * Switches the signed-in user with the top bar's select, as a person does, and waits for the session to change and
 * the current page to be drawn again for that user.
 */
export const switchUser = async (page: Page, accountId: string): Promise<void> => {
  await markDrawn(page);
  await Promise.all([
    page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/__workbench/api/session' &&
        response.request().method() === 'POST' &&
        response.ok(),
    ),
    page.selectOption('#user', accountId),
  ]);
  await waitForRedraw(page);
};

/** The issue panel's frame on an issue page (the host names it "sla-panel"). */
export const slaPanel = (page: Page): FrameLocator => page.frameLocator('iframe[name="sla-panel"]');

/** The settings page's frame (the host names it "admin"). */
export const adminPage = (page: Page): FrameLocator => page.frameLocator('iframe[name="admin"]');

/** Creates `test-results/` (or another folder under the repository) and returns the path of `file` in it. */
export const resultFile = (file: string, folder = 'test-results'): string => {
  const dir = join(REPO_ROOT, folder);
  mkdirSync(dir, { recursive: true });
  return join(dir, file);
};

/** Runs every closer, even when one fails, then throws the first failure (for afterAll). */
export const closeAll = async (...closers: readonly ((() => Promise<void>) | undefined)[]): Promise<void> => {
  const failures: unknown[] = [];
  for (const close of closers) {
    if (close === undefined) continue;
    try {
      await close();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw failures[0];
};

/** The account id of a demo user by display name ("Paul Leroy"). */
export const accountIdOf = (
  users: readonly { readonly accountId: string; readonly displayName: string }[],
  displayName: string,
): string => {
  const user = users.find((u) => u.displayName === displayName);
  if (!user) throw new Error(`no demo user "${displayName}" (users: ${users.map((u) => u.displayName).join(', ')})`);
  return user.accountId;
};

/**
 * One workbench (the app's real handlers on the local Jira seeded at the test anchor, no data folder) and one
 * Chromium for a test file: started before its tests, closed after them even on failure. Call at the file's top.
 */
export const useWorkbenchAndBrowser = (
  surfaces: readonly string[] = ['sla-panel', 'admin'],
  timeoutMs = 60_000,
): (() => { workbench: Workbench; browser: BrowserSession }) => {
  let workbench: Workbench | undefined;
  let browser: BrowserSession | undefined;
  beforeAll(async () => {
    requireBuiltUi(REPO_ROOT, surfaces);
    // The site's clock stands at the demo's anchor and moves one minute before each user action: figures never
    // depend on how fast the machine runs the test.
    const clock = new ManualClock(TEST_ANCHOR_MS);
    workbench = await startWorkbench({
      port: 0,
      dataDir: null,
      clock,
      beforeAction: () => clock.advance(60_000),
      reset: true,
      rootDir: REPO_ROOT,
      loadApp: () => jest.requireActual<AppModule>('../../src/index'),
    });
    browser = await launchChromium();
  }, timeoutMs);
  afterAll(() => closeAll(browser?.close, workbench?.close), timeoutMs);
  return () => {
    if (!workbench || !browser) throw new Error('the workbench or the browser did not start (see beforeAll)');
    return { workbench, browser };
  };
};
