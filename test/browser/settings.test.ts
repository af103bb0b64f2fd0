// The settings page in a browser: the admin Custom UI in the host's frame, with the app's real resolvers. Only Jira
// administrators may change the settings, and the server checks it as the user on every save (the frame's own idea
// of who may edit is only a convenience).
import type { Page, Response } from 'playwright-core';
import { accountIdOf, adminPage, openHostPage, switchUser, useWorkbenchAndBrowser } from '../support/browser';

const TEST_TIMEOUT_MS = 60_000;

const started = useWorkbenchAndBrowser();

type InvokeAnswer = {
  readonly result: {
    readonly ok: boolean;
    readonly data?: Record<string, unknown>;
    readonly error?: { readonly code: string };
  };
  readonly jiraCalls: number;
};

/** The next answer of the workbench to a Custom UI frame's `invoke` of `functionKey`. */
const nextInvoke = (page: Page, functionKey: string): Promise<Response> =>
  page.waitForResponse((response) => {
    if (new URL(response.url()).pathname !== '/__workbench/invoke') return false;
    const body = response.request().postDataJSON() as { functionKey?: string } | null;
    return body?.functionKey === functionKey;
  });

/** Signs in and opens the settings through the top bar's link; returns the admin frame's `settings/get` answer. */
const openSettingsAs = async (page: Page, baseUrl: string, accountId: string): Promise<InvokeAnswer> => {
  await openHostPage(page, baseUrl, '/issues');
  await switchUser(page, accountId);
  const [answer] = await Promise.all([
    nextInvoke(page, 'settings/get'),
    page.locator('.topbar a[href="/settings"]').click(),
  ]);
  return (await answer.json()) as InvokeAnswer;
};

describe('the settings page in the browser', () => {
  it(
    'shows Paul Leroy (not a Jira administrator) the settings read only, and refuses a save sent anyway',
    async () => {
      const { workbench, browser } = started();
      const { page, errors } = await browser.newPage();
      const loaded = await openSettingsAs(page, workbench.url, accountIdOf(workbench.jira.users(), 'Paul Leroy'));
      expect(loaded.result.ok).toBe(true);
      expect(loaded.result.data?.canEdit).toBe(false);
      const version = loaded.result.data?.version;
      expect(typeof version).toBe('number');

      const admin = adminPage(page);
      const readOnly = admin.getByTestId('read-only');
      await readOnly.waitFor();
      expect(await readOnly.textContent()).toContain(
        'Lecture seule : seuls les administrateurs Jira peuvent modifier ces réglages.',
      );
      expect(await admin.getByTestId('save').count()).toBe(0);
      expect(await admin.getByTestId('field-administrationGroup').isDisabled()).toBe(true);
      expect(await admin.getByTestId('field-vsrMonths').isDisabled()).toBe(true);

      // The page offers no save button; a save sent through the frame's bridge anyway (as a hand-made request would
      // be) is refused by the server, which checks the user's Jira permission itself.
      const frame = page.frame({ name: 'admin' });
      if (frame === null) throw new Error('no frame named "admin" on the settings page');
      const reply = await frame.evaluate(
        async ({ expectedVersion }) => {
          const bridge = (
            globalThis as unknown as { __bridge: { callBridge: (name: string, args: unknown) => Promise<unknown> } }
          ).__bridge;
          return bridge.callBridge('invoke', {
            functionKey: 'settings/save',
            payload: { document: { vsrMonths: 6 }, expectedVersion },
          });
        },
        { expectedVersion: version },
      );
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

      // Nothing was saved: the settings read again have the same version.
      const again = await openSettingsAs(page, workbench.url, accountIdOf(workbench.jira.users(), 'Paul Leroy'));
      expect(again.result.data?.version).toBe(version);
      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'gives Claire Martin (Jira administrator) the editable form, and checks her permission again when she saves',
    async () => {
      const { workbench, browser } = started();
      const users = workbench.jira.users();
      const claire = accountIdOf(users, 'Claire Martin');
      const { page, errors } = await browser.newPage();
      const loaded = await openSettingsAs(page, workbench.url, claire);
      expect(loaded.result.data?.canEdit).toBe(true);
      const version = loaded.result.data?.version as number;

      const admin = adminPage(page);
      const save = admin.getByTestId('save');
      await save.waitFor();
      expect(await admin.getByTestId('read-only').count()).toBe(0);
      expect(await save.isDisabled()).toBe(true); // nothing changed yet
      const group = admin.getByTestId('field-administrationGroup');
      expect(await group.isEditable()).toBe(true);
      expect(await group.getAttribute('placeholder')).toBe('administration-demat');

      // Claire writes the default group explicitly (the rules do not change); the form is checked as she types.
      const checked = nextInvoke(page, 'settings/check');
      await group.fill('administration-demat');
      expect(((await (await checked).json()) as InvokeAnswer).result).toMatchObject({
        ok: true,
        data: { problems: [] },
      });
      await admin.getByTestId('save-status').filter({ hasText: 'Modifications non enregistrées.' }).waitFor();
      expect(await save.isEnabled()).toBe(true);

      // Meanwhile another tab of the same browser signs in as Paul: the form still offers Save, but the server
      // checks the user who saves, not the form, and refuses.
      const { page: other, errors: otherErrors } = await browser.newPage();
      await openHostPage(other, workbench.url, '/issues');
      await switchUser(other, accountIdOf(users, 'Paul Leroy'));
      await save.click();
      const refused = admin.getByTestId('save-error');
      await refused.waitFor();
      expect(await refused.textContent()).toContain('Réservé aux administrateurs Jira');

      // Back as Claire, the same Save goes through: a new version.
      await switchUser(other, claire);
      await save.click();
      await admin
        .getByTestId('save-status')
        .filter({ hasText: `Réglages enregistrés (version ${version + 1}).` })
        .waitFor();
      expect(await admin.getByTestId('save-error').count()).toBe(0);
      expect(await admin.getByTestId('version').textContent()).toBe(`Version ${version + 1}`);

      expect([...errors, ...otherErrors]).toEqual([]);
      await other.close();
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
  it(
    'lets Claire Martin set the warnings before a breach and switch off the severity UI modification (issue 10), versioned like the rest',
    async () => {
      const { workbench, browser } = started();
      const claire = accountIdOf(workbench.jira.users(), 'Claire Martin');
      const { page, errors } = await browser.newPage();
      const loaded = await openSettingsAs(page, workbench.url, claire);
      const version = loaded.result.data?.version as number;
      const admin = adminPage(page);
      const section = admin.getByTestId('section-native');
      await section.waitFor();

      // The defaults show: 75 and 100 %, every recipient, the property and the read-only severity on.
      const thresholds = admin.getByTestId('field-warnings.thresholds');
      expect(await thresholds.inputValue()).toBe('75, 100');
      expect(await admin.getByTestId('field-warnings.notifyWatchers').isChecked()).toBe(true);
      expect(await admin.getByTestId('field-native.severityReadOnly').isChecked()).toBe(true);

      // Thresholds that go down are named as the problem, and Save waits for a valid form.
      await thresholds.fill('90, 50');
      await admin.getByText('thresholds go up: each above the one before').waitFor();

      await thresholds.fill('50, 90, 100');
      await admin.getByTestId('field-warnings.notifyWatchers').uncheck();
      await admin.getByTestId('field-native.severityReadOnly').uncheck();
      const save = admin.getByTestId('save');
      await admin.getByTestId('save-status').filter({ hasText: 'Modifications non enregistrées.' }).waitFor();
      await save.click();
      await admin
        .getByTestId('save-status')
        .filter({ hasText: `Réglages enregistrés (version ${version + 1}).` })
        .waitFor();

      // Read again from the server: the stored document has the new sections, at the next version.
      const again = await openSettingsAs(page, workbench.url, claire);
      expect(again.result.data?.version).toBe(version + 1);
      expect(again.result.data?.document).toMatchObject({
        warnings: { thresholds: [50, 90, 100], notifyWatchers: false },
        native: { severityReadOnly: false },
      });
      expect(errors).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
});
