// The SLA badge in Chromium (issue 10): the workbench's issue view shows the jira:issueContext frame in its right-hand
// area. Each state comes from a stored SLA state written through the app's store port (as the recompute writes it),
// except "paused", which is DEMAT-30's own live state; the click opens the full panel in a modal frame.
import { anSlaState } from '../support/sla-state-builders';
import type { KeyValueStore } from '../../src/app/ports';
import { slaStateKey } from '../../src/contract';
import { TEST_ANCHOR_MS } from '../support/forge-site';
import { openHostPage, switchUser, useWorkbenchAndBrowser } from '../support/browser';

const TEST_TIMEOUT_MS = 60_000;
const H = 3_600_000;
const started = useWorkbenchAndBrowser(['sla-panel', 'sla-badge']);

const store = (): KeyValueStore =>
  jest.requireActual<{ forgeStore: KeyValueStore }>('../../src/store/kvs-store').forgeStore;

const stored = (resolution: Record<string, unknown>, nowMs: number): Record<string, unknown> => ({
  ...anSlaState({
    computedAt: new Date(nowMs).toISOString(),
    dueAt: null,
    resolutionDueAt: null,
    resolutionRemainingMs: 0,
    resolutionElapsedMs: 0,
  }),
  ...resolution,
});

const julie = (users: readonly { accountId: string; displayName: string }[]): string => {
  const user = users.find((u) => u.displayName.startsWith('Julie'));
  if (!user) throw new Error('no demo user Julie');
  return user.accountId;
};

describe('the SLA badge in the browser (issue 10)', () => {
  it(
    'shows each state: paused with the reason, running, amber from 75 %, breached; a click opens the panel',
    async () => {
      const { workbench, browser } = started();
      const { page } = await browser.newPage();
      await openHostPage(page, workbench.url, '/issues');
      await switchUser(page, julie(workbench.jira.users()));
      const issue = await workbench.jira.handle({
        method: 'GET',
        path: '/rest/api/3/issue/DEMAT-30',
        caller: { kind: 'app' },
      });
      const id = String((issue.body as { id: string }).id);
      const badgeFrame = page.frameLocator('iframe[name="sla-badge"]');
      const badge = badgeFrame.getByTestId('sla-badge');
      const show = async () => {
        await page.goto(`${workbench.url}/browse/DEMAT-30`);
        await badge.waitFor();
      };

      // Paused: DEMAT-30 waits on the Administration (no stored state: the live computation).
      await show();
      expect(await badge.getAttribute('data-state')).toBe('paused');
      expect(await badge.getAttribute('data-tone')).toBe('neutral');
      expect(await badgeFrame.getByTestId('badge-reason').textContent()).toMatch(/Administration/);

      // The site's clock, as the workbench's frames read it (the anchor, moved by each action).
      const nowMs = TEST_ANCHOR_MS;
      // Running, 4 h of 10 h, due Friday 18:00: blue, "reste 6 h" (counted now from the stored due instant).
      await store().set(
        slaStateKey(id),
        stored({ resolutionDueAt: '2026-04-24T18:00:00.000+02:00', resolutionElapsedMs: 4 * H }, nowMs),
      );
      await show();
      expect(await badge.getAttribute('data-source')).toBe('stored');
      expect(await badge.getAttribute('data-state')).toBe('running');
      expect(await badge.getAttribute('data-tone')).toBe('information');
      expect(await badgeFrame.getByTestId('badge-due').textContent()).toBe('échéance le 24/04 à 18:00');
      expect(await badgeFrame.getByTestId('badge-time').textContent()).toMatch(/^reste [56] h/);

      // Amber from 75 %: due Friday 13:00 with a 4 h target (1 h left or less of 4 h).
      await store().set(
        slaStateKey(id),
        stored({ resolutionDueAt: '2026-04-24T13:00:00.000+02:00', resolutionTargetMs: 4 * H }, nowMs),
      );
      await show();
      expect(await badge.getAttribute('data-tone')).toBe('warning');
      expect(await badgeFrame.getByTestId('badge-state').textContent()).toBe('Bientôt dû');

      // Breached: due Thursday 17:00, so late by Thursday's last hour and Friday's morning.
      await store().set(slaStateKey(id), stored({ resolutionDueAt: '2026-04-23T17:00:00.000+02:00' }, nowMs));
      await show();
      expect(await badge.getAttribute('data-state')).toBe('breached');
      expect(await badge.getAttribute('data-tone')).toBe('danger');
      expect(await badgeFrame.getByTestId('badge-time').textContent()).toMatch(/^en retard de /);
      expect(
        await badgeFrame
          .getByTestId('badge-state')
          .evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor),
      ).toBe('rgb(201, 55, 44)');

      // The click opens the full panel (the sla-panel resource) in a modal frame.
      await badge.click();
      const modal = page.getByTestId('modal');
      await modal.waitFor();
      const panel = page.frameLocator('iframe[name="modal-sla-panel"]');
      await panel.getByTestId('sla-status').waitFor();
      await modal.getByRole('button', { name: 'Fermer' }).click();
      await modal.waitFor({ state: 'detached' });
    },
    TEST_TIMEOUT_MS,
  );
});
