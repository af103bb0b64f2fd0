// The issue panel in a browser: the workbench (the app's real handlers on the local Jira seeded at the test anchor,
// Friday 2026-04-24 12:00 Paris) serves the real Custom UI bundle in a frame, driven in Chromium. DEMAT-5's clocks
// are stopped, so its figures never move whatever the real date.
import {
  accountIdOf,
  openHostPage,
  resultFile,
  slaPanel,
  switchUser,
  useWorkbenchAndBrowser,
} from '../support/browser';

const TEST_TIMEOUT_MS = 60_000;

const started = useWorkbenchAndBrowser();

describe('the SLA panel in the browser', () => {
  it(
    "shows Paul Leroy DEMAT-5's stopped breach, loaded with at most 3 Jira calls",
    async () => {
      const { workbench, browser } = started();
      const { page, errors } = await browser.newPage();
      await openHostPage(page, workbench.url, '/issues');
      await switchUser(page, accountIdOf(workbench.jira.users(), 'Paul Leroy'));
      await page.locator('#main a[href="/browse/DEMAT-5"]').click();

      const panel = slaPanel(page);
      const workaround = panel.getByTestId('clock-workaround');
      const resolution = panel.getByTestId('clock-resolution');
      await workaround.waitFor();
      await resolution.waitFor();

      // Statut SLA and the qualification the clocks depend on.
      const badge = panel.getByTestId('sla-status');
      expect(await badge.getAttribute('data-status')).toBe('breached');
      expect(await badge.textContent()).toBe('Dépassé');
      expect(await panel.getByTestId('severity').textContent()).toBe('Bloquante');
      expect(await panel.getByTestId('anomaly-class').getAttribute('data-class')).toBe('production');

      // Workaround: 12 h of 4 h, stopped, breached (red).
      expect(await workaround.getByTestId('elapsed').textContent()).toBe('12 h');
      expect(await workaround.getByTestId('target').textContent()).toMatch(/:\s*4 h\b/);
      expect(await workaround.getByTestId('remaining').textContent()).toBe('Dépassé de 8 h');
      expect(await workaround.getByTestId('state').getAttribute('data-state')).toBe('stopped');
      // Instants read in the contract's zone (Europe/Paris), whatever the browser's (Pacific/Chatham here).
      expect(await workaround.getByTestId('due').textContent()).toBe('mar. 3 mars 2026, 13:00');
      expect(await workaround.getAttribute('class')).toContain('csla-clock--danger');
      const workaroundBar = workaround.getByTestId('progress');
      expect(await workaroundBar.getAttribute('data-tone')).toBe('danger');
      expect(await workaroundBar.getAttribute('aria-valuenow')).toBe('100');
      // The design token's fallback (no Atlassian tokens in the workbench): danger bold, #C9372C.
      expect(
        await workaroundBar
          .locator('.csla-progress__fill')
          .evaluate((fill) => fill.ownerDocument.defaultView?.getComputedStyle(fill).backgroundColor),
      ).toBe('rgb(201, 55, 44)');

      // Resolution: 33 h 30 of 1 day (10 h), stopped, breached.
      expect(await resolution.getByTestId('elapsed').textContent()).toBe('33 h 30 min');
      expect(await resolution.getByTestId('target').textContent()).toMatch(/\(10 h\)/);
      expect(await resolution.getByTestId('remaining').textContent()).toBe('Dépassé de 23 h 30 min');
      expect(await resolution.getByTestId('state').getAttribute('data-state')).toBe('stopped');
      expect(await resolution.getByTestId('progress').getAttribute('data-tone')).toBe('danger');

      // The host's footer shows how many Jira REST calls the app made for this load (cold caches: 3 at most).
      const footer = page.locator('#calls');
      await footer.filter({ hasText: 'sla/getIssueSla' }).waitFor();
      const calls = Number(/ : (\d+)$/.exec((await footer.textContent()) ?? '')?.[1]);
      expect(calls).toBeGreaterThanOrEqual(1);
      expect(calls).toBeLessThanOrEqual(3);

      await page.locator('iframe[name="sla-panel"]').screenshot({ path: resultFile('sla-panel-DEMAT-5.png') });
      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "shows Marc Petit (no access to DEMAT) no issue, and DEMAT-5's panel tells him the issue is not visible",
    async () => {
      const { workbench, browser } = started();
      const { page, errors } = await browser.newPage();
      await openHostPage(page, workbench.url, '/issues');
      await switchUser(page, accountIdOf(workbench.jira.users(), 'Marc Petit'));
      expect(await page.locator('#main').textContent()).toContain('Aucun ticket visible pour cet utilisateur');
      expect(await page.locator('#main table').count()).toBe(0);
      expect(await page.locator('#main a[href^="/browse/"]').count()).toBe(0);

      // The issue page: Jira tells him the issue does not exist or is not visible, and shows no panel.
      await openHostPage(page, workbench.url, '/browse/DEMAT-5');
      expect(await page.locator('#main [role="alert"]').textContent()).toMatch(
        /DEMAT-5 n'existe pas ou n'est pas visible/,
      );
      expect(await page.locator('iframe[name="sla-panel"]').count()).toBe(0);

      // The panel's frame, asked for DEMAT-5 anyway: like Jira, the host gives no issue context to someone who
      // cannot see the issue (no id, no type), so the app is never even asked.
      const frame = await page.goto(`${workbench.url}/frame/sla-panel?issue=DEMAT-5`);
      expect(frame?.status()).toBe(404);
      expect(await page.locator('[role="alert"]').textContent()).toContain(
        "Ce ticket n'existe pas ou n'est pas visible pour vous.",
      );
      expect(await page.content()).not.toMatch(/10005|Anomalie|Erreur 500/);
      expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
});
