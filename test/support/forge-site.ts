// A Forge site for tests: the local Jira (seeded), a fresh key-value store, the Forge seams installed, and the
// app's real handlers (src/index.ts) loaded after them — the path the workbench and Forge itself take, no mocks.
import { createLocalJira, type LocalJiraControl } from '../../workbench/local-jira';
import { ForgeHost, type AppModule } from '../../workbench/host/forge-host';
import { LocalKvs } from '../../workbench/host/local-kvs';

/** The demo's anchor in tests: a fixed instant, so the seeded histories (and stopped clocks) never move. */
export const TEST_ANCHOR_MS = Date.parse('2026-04-24T12:00:00+02:00');

export type ForgeSite = { readonly jira: LocalJiraControl; readonly host: ForgeHost; readonly app: AppModule; readonly kvs: LocalKvs };

/**
 * `nowMs`: the local Jira's clock (when edits happen), default the real one; the app always reads the real clock.
 * `scopes`: what the site granted the app, default the manifest's permissions.scopes (a test drops one to see it fail).
 */
export const aForgeSite = (options: { nowMs?: () => number; scopes?: readonly string[] } = {}): ForgeSite => {
  const jira = createLocalJira({ seed: { anchorMs: TEST_ANCHOR_MS }, ...(options.nowMs ? { now: options.nowMs } : {}) });
  const kvs = new LocalKvs(null);
  const host = new ForgeHost(jira, kvs, options.scopes ? { scopes: options.scopes } : {});
  host.install();
  // Loaded after the seams, as on Forge (@forge/kvs picks its backend when it is first imported).
  const app = jest.requireActual<AppModule>('../../src/index');
  host.attach(app);
  return { jira, host, app, kvs };
};

/** A user of the demo by display name (first name is enough). */
export const userNamed = (site: ForgeSite, name: string): string => {
  const user = site.jira.users().find((u) => u.displayName.toLowerCase().includes(name.toLowerCase()));
  if (!user) throw new Error(`no demo user named ${name}`);
  return user.accountId;
};
