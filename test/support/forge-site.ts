// A Forge site for tests: the local Jira (seeded), a fresh key-value store, the Forge seams installed, and the
// app's real handlers (src/index.ts) loaded after them — the path the workbench and Forge itself take, no mocks.
import type { Clock } from '../../src/app/clock';
import { createLocalJira, type LocalJiraControl } from '../../workbench/local-jira';
import { ManualClock } from '../../workbench/host/clocks';
import { ForgeHost, type AppModule } from '../../workbench/host/forge-host';
import { LocalKvs } from '../../workbench/host/local-kvs';

/** The demo's anchor in tests: a fixed instant, so the seeded histories (and stopped clocks) never move. */
export const TEST_ANCHOR_MS = Date.parse('2026-04-24T12:00:00+02:00');

export type ForgeSite = {
  readonly jira: LocalJiraControl;
  readonly host: ForgeHost;
  readonly app: AppModule;
  readonly kvs: LocalKvs;
  readonly clock: Clock;
};

/**
 * `clock`: the site's one clock, read by the local Jira (when edits happen), the store and the app (its clock seam);
 * default a manual clock standing at the demo's anchor, which moves only when a test (or a wait) moves it.
 * `scopes`: what the site granted the app, default the manifest's permissions.scopes (a test drops one to see it fail).
 */
export const aForgeSite = (
  options: { clock?: Clock; scopes?: readonly string[] } = {},
): ForgeSite & { readonly clock: Clock } => {
  const clock = options.clock ?? new ManualClock(TEST_ANCHOR_MS);
  const jira = createLocalJira({ seed: { anchorMs: TEST_ANCHOR_MS }, now: clock.nowMs });
  const kvs = new LocalKvs(null, clock.nowMs);
  const host = new ForgeHost(jira, kvs, clock, options.scopes ? { scopes: options.scopes } : {});
  host.install();
  // Loaded after the seams, as on Forge (@forge/kvs picks its backend when it is first imported).
  const app = jest.requireActual<AppModule>('../../src/index');
  host.attach(app);
  return { jira, host, app, kvs, clock };
};

/** A user of the demo by display name (first name is enough). */
export const userNamed = (site: ForgeSite, name: string): string => {
  const user = site.jira.users().find((u) => u.displayName.toLowerCase().includes(name.toLowerCase()));
  if (!user) throw new Error(`no demo user named ${name}`);
  return user.accountId;
};
