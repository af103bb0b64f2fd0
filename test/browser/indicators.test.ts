// The indicators gadget in a browser (D9): configured through its edit screen, computed in the background with
// progress shown, then the table with thresholds, the keys behind a figure and the trend.
import { accountIdOf, openHostPage, resultFile, switchUser, useWorkbenchAndBrowser } from '../support/browser';

const TEST_TIMEOUT_MS = 60_000;
const started = useWorkbenchAndBrowser(['indicators']);

it(
  "is configured with a project and a month, computes it in the background, and shows the committee's table",
  async () => {
    const { workbench, browser } = started();
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
