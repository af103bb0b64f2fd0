// The sprint reserve page in a browser (D8): the Product Owner reads the gauges and sets the active sprint's
// reserve; a developer only reads. The workbench's board: sprint 1 overflowed, sprint 2 gave its reserve back,
// sprint 3 is active.
import { accountIdOf, openHostPage, resultFile, switchUser, useWorkbenchAndBrowser } from '../support/browser';

const TEST_TIMEOUT_MS = 60_000;
const started = useWorkbenchAndBrowser(['sprint-reserve']);

const text = (value: string | null): string => (value ?? '').replace(/\s+/g, ' ').trim();

describe('the sprint reserve page', () => {
  it(
    'shows the Product Owner the gauges, lets her lower the active reserve, and lists the stories to move out',
    async () => {
      const { workbench, browser } = started();
      const { page, errors } = await browser.newPage();
      await openHostPage(page, workbench.url, '/issues');
      await switchUser(page, accountIdOf(workbench.jira.users(), 'Sophie Bernard'));
      await openHostPage(page, workbench.url, '/reserve');
      const frame = page.frameLocator('iframe[name="sprint-reserve"]');
      await frame.getByTestId('gauge-capacity').waitFor();
      // The active sprint first: 35 points committed, a default reserve of 15 % (5,25), 5 consumed by DEMAT-32.
      expect(text(await frame.getByTestId('gauge-capacity').textContent())).toMatch(/35/);
      expect(text(await frame.getByTestId('gauge-reserve').textContent())).toMatch(/5,25/);
      expect(text(await frame.getByTestId('consumers').textContent())).toContain('DEMAT-32');

      await frame.getByTestId('reserve-input').fill('3');
      await frame.getByTestId('reserve-save').click();
      await frame.getByTestId('move-out-candidates').waitFor();
      expect(text(await frame.getByTestId('gauge-overflow').textContent())).toMatch(/2/);
      expect(text(await frame.getByTestId('move-out-candidates').textContent())).toContain('DEMAT-25');
      await page.screenshot({ path: resultFile('sprint-reserve-overflow.png'), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'shows a developer the figures read-only',
    async () => {
      const { workbench, browser } = started();
      const { page, errors } = await browser.newPage();
      await openHostPage(page, workbench.url, '/issues');
      await switchUser(page, accountIdOf(workbench.jira.users(), 'Paul Leroy'));
      await openHostPage(page, workbench.url, '/reserve');
      const frame = page.frameLocator('iframe[name="sprint-reserve"]');
      await frame.getByTestId('reserve-readonly').waitFor();
      expect(await frame.getByTestId('reserve-readonly').getAttribute('data-reason')).toBe('not-product-owner');
      expect(await frame.getByTestId('reserve-input').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
});
