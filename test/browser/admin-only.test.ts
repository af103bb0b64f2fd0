// Issue 10, item 3 (D5) in a browser: the workflow condition administration-condition hides "Valider le
// contournement" (51) and "Valider la correction" (81) from a developer on the host's issue page, and shows them to
// the Administration. DEMAT-19 is the blocking anomaly "En cours" of the seed; Paul proposes a workaround first.
import {
  accountIdOf,
  markDrawn,
  openHostPage,
  switchUser,
  waitForRedraw,
  useWorkbenchAndBrowser,
} from '../support/browser';

const TEST_TIMEOUT_MS = 60_000;

const started = useWorkbenchAndBrowser();

describe('issue 10 (D5): Administration-only transitions in the browser', () => {
  it(
    'hides "Valider le contournement" and "Valider la correction" from Paul and shows them to Claire',
    async () => {
      const { workbench, browser } = started();
      const users = workbench.jira.users();
      const { page, errors } = await browser.newPage();
      // The workflow page lists the condition on both transitions.
      await openHostPage(page, workbench.url, '/workflow');
      const conditions = page.getByTestId('workflow-conditions');
      expect(await conditions.locator('tbody tr').allTextContents()).toEqual([
        expect.stringMatching(
          /^51 – Valider le contournementadministration-condition.*includes\('administration-demat'\)/,
        ),
        expect.stringMatching(/^81 – Valider la correctionadministration-condition/),
      ]);
      await openHostPage(page, workbench.url, '/issues');
      await switchUser(page, accountIdOf(users, 'Paul Leroy'));
      await openHostPage(page, workbench.url, '/browse/DEMAT-19');
      await markDrawn(page);
      await page.locator('#main button[data-transition="41"]').click();
      await waitForRedraw(page);
      expect(await page.getByTestId('issue-status').textContent()).toBe('En validation Administration');

      const shown = async (): Promise<string[]> =>
        page
          .locator('#main button[data-transition]')
          .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-transition') ?? ''));
      expect(await shown()).toEqual(['61']);

      await switchUser(page, accountIdOf(users, 'Claire Martin'));
      await openHostPage(page, workbench.url, '/browse/DEMAT-19');
      await page.locator('#main button[data-transition="51"]').waitFor();
      expect(await shown()).toEqual(['51', '61', '81']);
      expect(await page.locator('#main button[data-transition="51"]').textContent()).toContain(
        'Valider le contournement',
      );

      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
});

describe('issue 10 (D5): the severity read-only outside the Administration in the browser', () => {
  it(
    'shows Paul a read-only severity with its explanation on the issue view and the create dialog, editable for Claire',
    async () => {
      const { workbench, browser } = started();
      const users = workbench.jira.users();
      // The settings save registers the UI modification (native.severityReadOnly on).
      const saved = (await workbench.host.invoke(
        'settings/save',
        { document: { native: { issueProperty: true, severityReadOnly: true } }, expectedVersion: 0 },
        { moduleKey: 'settings-page', extension: { type: 'jira:adminPage' } },
        accountIdOf(users, 'Claire Martin'),
      )) as { ok: boolean };
      expect(saved.ok).toBe(true);
      await workbench.host.settle();

      const { page, errors } = await browser.newPage();
      await openHostPage(page, workbench.url, '/issues');
      await switchUser(page, accountIdOf(users, 'Paul Leroy'));
      await openHostPage(page, workbench.url, '/browse/DEMAT-19');
      const severity = page.locator('#main select[data-field="Gravité"]');
      const note = page.getByTestId('uim-description');
      await note.waitFor();
      expect(await note.textContent()).toMatch(/^Gravité qualifiée par l'Administration \(D5\).* \/ Severity/);
      expect(await severity.isDisabled()).toBe(true);

      // The create dialog (GIC): the same for Paul.
      await openHostPage(page, workbench.url, '/issues');
      await page.getByTestId('create-issue').click();
      const dialog = page.getByTestId('create-dialog');
      await dialog.getByTestId('uim-description').waitFor();
      expect(await dialog.getByTestId('uim-description').textContent()).toMatch(
        /^Gravité qualifiée par l'Administration/,
      );
      expect(await dialog.locator('select[data-field="Gravité"]').isDisabled()).toBe(true);

      await switchUser(page, accountIdOf(users, 'Claire Martin'));
      await openHostPage(page, workbench.url, '/browse/DEMAT-19');
      await page.locator('#main[data-uim-applied]').waitFor({ state: 'attached' });
      expect(await severity.isDisabled()).toBe(false);
      expect(await note.count()).toBe(0);

      await openHostPage(page, workbench.url, '/issues');
      await page.getByTestId('create-issue').click();
      await page.locator('#main[data-uim-applied]').waitFor({ state: 'attached' });
      expect(await dialog.locator('select[data-field="Gravité"]').isDisabled()).toBe(false);
      expect(await dialog.getByTestId('uim-description').count()).toBe(0);

      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
});
