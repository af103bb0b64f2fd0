// The workflow in a browser: transitions on the host's issue page, the Administration-only validator (a Forge
// function run by the local Jira), and the panel's frame drawn again after each transition. DEMAT-19 is the blocking
// validation anomaly "En cours" of the seed (workaround accepted once, then reopened).
import {
  accountIdOf,
  markDrawn,
  openHostPage,
  slaPanel,
  switchUser,
  waitForRedraw,
  useWorkbenchAndBrowser,
} from '../support/browser';
import type { Page } from 'playwright-core';

const TEST_TIMEOUT_MS = 60_000;

const started = useWorkbenchAndBrowser();

/** Clicks a transition's button and waits until the host has answered (#flash) and drawn the issue again. */
const transition = async (page: Page, id: string): Promise<{ readonly message: string; readonly isError: boolean }> => {
  await markDrawn(page);
  await page.locator(`#main button[data-transition="${id}"]`).click();
  await waitForRedraw(page);
  const flash = page.locator('#flash');
  return {
    message: (await flash.textContent()) ?? '',
    isError: ((await flash.getAttribute('class')) ?? '').split(/\s+/).includes('error'),
  };
};

/** The state of one of the panel's clocks, once the panel (drawn again after a transition) shows `state`. */
const clockState = (page: Page, clock: 'workaround' | 'resolution', state: string) =>
  slaPanel(page).locator(`[data-testid="clock-${clock}"] [data-testid="state"][data-state="${state}"]`);

describe('transitions and the Administration-only validator in the browser', () => {
  it(
    'lets Paul propose a workaround on DEMAT-19 (the issue pauses), refuses him its validation, and lets Claire validate it',
    async () => {
      const { workbench, browser } = started();
      const users = workbench.jira.users();
      const { page, errors } = await browser.newPage();

      // The workflow page lists the validator on "Valider le contournement".
      await openHostPage(page, workbench.url, '/workflow');
      // (The conditions' table, issue 10, lists the same transition: the validator's row is the one naming it.)
      const row = page
        .locator('#main tbody tr')
        .filter({ hasText: '51 – Valider le contournement' })
        .filter({ hasText: 'administration-validator' });
      expect(await row.count()).toBe(1);

      await switchUser(page, accountIdOf(users, 'Paul Leroy'));
      await openHostPage(page, workbench.url, '/browse/DEMAT-19');
      const status = page.getByTestId('issue-status');
      expect(await status.textContent()).toBe('En cours');
      // DEMAT-19's workaround was accepted once (3 h 30 of 4 h) before the fix was reopened: D4 stops the workaround
      // clock at the first entry into "Contournement validé", so it stays stopped; the resolution clock runs again.
      await clockState(page, 'workaround', 'stopped').waitFor();
      await clockState(page, 'resolution', 'running').waitFor();
      expect(await slaPanel(page).getByTestId('clock-workaround').getByTestId('elapsed').textContent()).toBe(
        '3 h 30 min',
      );

      // Paul proposes a workaround: the issue waits on the Administration, its running clock pauses.
      const proposed = await transition(page, '41');
      expect(proposed).toEqual({
        message: expect.stringContaining('« Proposer un contournement » effectuée'),
        isError: false,
      });
      expect(await status.textContent()).toBe('En validation Administration');
      const paused = clockState(page, 'resolution', 'paused');
      await paused.waitFor();
      expect(await paused.textContent()).toBe('en pause');
      await clockState(page, 'workaround', 'stopped').waitFor();

      // Paul may not validate it: the workflow condition (issue 10) hides the transition from him (the validator
      // stays the server-side guard: test/forge/admin-only.test.ts).
      await page.locator('#main button[data-transition="41"]').waitFor({ state: 'detached' });
      expect(await page.locator('#main button[data-transition="51"]').count()).toBe(0);
      expect(await page.locator('#main button[data-transition]').count()).toBeGreaterThan(0);
      expect(await status.textContent()).toBe('En validation Administration');
      await clockState(page, 'resolution', 'paused').waitFor();

      // Claire (Administration) validates it: the issue leaves the pause, the resolution clock runs again.
      await switchUser(page, accountIdOf(users, 'Claire Martin'));
      const validated = await transition(page, '51');
      expect(validated).toEqual({
        message: expect.stringContaining('« Valider le contournement » effectuée'),
        isError: false,
      });
      expect(await status.textContent()).toBe('Contournement validé');
      await clockState(page, 'resolution', 'running').waitFor();
      await clockState(page, 'workaround', 'stopped').waitFor();

      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'pauses a running workaround clock when Paul proposes a workaround (DEMAT-32, blocking, none proposed yet)',
    async () => {
      const { workbench, browser } = started();
      const { page, errors } = await browser.newPage();
      await openHostPage(page, workbench.url, '/issues');
      await switchUser(page, accountIdOf(workbench.jira.users(), 'Paul Leroy'));
      await openHostPage(page, workbench.url, '/browse/DEMAT-32');
      expect(await page.getByTestId('issue-status').textContent()).toBe('En cours');
      await clockState(page, 'workaround', 'running').waitFor();

      const proposed = await transition(page, '41');
      expect(proposed.isError).toBe(false);
      expect(await page.getByTestId('issue-status').textContent()).toBe('En validation Administration');
      const paused = clockState(page, 'workaround', 'paused');
      await paused.waitFor();
      expect(await paused.textContent()).toBe('en pause');

      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
});
