// The only place that wires the Forge adapters into the ports (B6).
import { forgeAppIdentity } from '../jira/forge-app';
import { forgeJira } from '../jira/forge-jira';
import { jiraGateway } from '../jira/jira-gateway';
import { platformClock } from './clock';
import { forgeStore } from '../store/kvs-store';
import { forgeQueue } from '../store/recompute-queue';
import type { Deps } from './ports';

export const forgeDeps = (): Deps => ({
  app: forgeAppIdentity(),
  jira: jiraGateway(forgeJira(platformClock)),
  store: forgeStore,
  queue: forgeQueue,
  clock: platformClock,
});
