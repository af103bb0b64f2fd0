// The indicators gadget in a browser (D9): configured through its edit screen, computed in the background with
// progress shown, then the table with thresholds, the keys behind a figure and the trend.
import type { AppModule } from '../../workbench/host/forge-host';
import { startWorkbench, type Workbench } from '../../workbench/host/server';
import { REPO_ROOT, accountIdOf, closeAll, launchChromium, openHostPage, requireBuiltUi, resultFile, switchUser, type BrowserSession } from '../support/browser';
import { TEST_ANCHOR_MS } from '../support/forge-site';

const TEST_TIMEOUT_MS = 60_000;
let workbench: Workbench | undefined;
let browser: BrowserSession | undefined;

beforeAll(async () => {
  requireBuiltUi(REPO_ROOT, ['indicators']);
  workbench = await startWorkbench({ port: 0, dataDir: null, anchorMs: TEST_ANCHOR_MS, reset: true, rootDir: REPO_ROOT, loadApp: () => jest.requireActual<AppModule>('../../src/index') });
  browser = await launchChromium();
}, TEST_TIMEOUT_MS);

afterAll(() => closeAll(browser?.close, workbench?.close), TEST_TIMEOUT_MS);

it(
  'is configured with a project and a month, computes it in the background, and shows the committee\'s table',
  async () => {
    if (!workbench || !browser) throw new Error('the workbench or the browser did not start');
    const { page, errors } = await browser.newPage();
    await openHostPage(page, workbench.url, '/issues');
    await switchUser(page, accountIdOf(workbench.jira.users(), 'Sophie Bernard'));
    await openHostPage(page, workbench.url, '/dashboard');
    await page.getByTestId('configure-gadget').click();
    const edit = page.frameLocator('iframe[name="indicators-edit"]');
    await edit.getByTestId('project-input').fill('DEMAT');
    await edit.getByTestId('month-specific').check();
    await edit.getByTestId('month-input').fill('2026-04');
    await edit.getByTestId('save-configuration').click();
    await page.locator('#flash').filter({ hasText: 'Configuration du gadget enregistrée' }).waitFor();

    const view = page.frameLocator('iframe[name="indicators"]');
    await view.getByTestId('indicator-table').waitFor({ timeout: 30_000 });
    expect(await view.getByTestId('month-title').textContent()).toMatch(/avril 2026/);
    const inc01 = view.getByTestId('figure-IND_INC01');
    expect(await inc01.getAttribute('data-status')).toMatch(/^(met|missed|no-data)$/);
    expect(await view.getByTestId('figure-IND_SUP01').count()).toBe(1);
    await view.getByTestId('trend-chart').waitFor();
    expect(await view.getByTestId('snapshot-at').textContent()).toMatch(/2026/);
    expect(await view.getByTestId('export-csv').isEnabled()).toBe(true);
    await page.screenshot({ path: resultFile('indicators-2026-04.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  },
  TEST_TIMEOUT_MS,
);
