// The JiraGateway's contract (test/jira-gateway.contract.ts) over the workbench's local Jira: every operation.
import { jiraGateway } from '../src/jira/jira-gateway';
import { ManualClock } from '../workbench/host/clocks';
import { APP_ID, createLocalJira, ENVIRONMENT_ID, type LocalJiraControl } from '../workbench/local-jira';
import { describeJiraGateway } from './jira-gateway.contract';
import { TEST_ANCHOR_MS } from './support/forge-site';

const overLocalJira = (jira: LocalJiraControl, accountId: string) =>
  jiraGateway({
    async request(as, method, path, body) {
      const caller = as === 'user' ? { kind: 'user' as const, accountId } : { kind: 'app' as const };
      const reply = await jira.handle({ method, path, body, caller });
      return { status: reply.status, body: reply.body };
    },
  });

describeJiraGateway('the local Jira', () => {
  const clock = new ManualClock(TEST_ANCHOR_MS);
  const jira = createLocalJira({ seed: { anchorMs: TEST_ANCHOR_MS }, now: clock.nowMs });
  const sophie = jira.users().find((u) => u.displayName === 'Sophie Bernard');
  if (sophie === undefined) throw new Error('the demo has no Sophie Bernard');
  return {
    gateway: overLocalJira(jira, sophie.accountId),
    serves: [
      'searchIssues',
      'searchPage',
      'changelogs',
      'fields',
      'issueTypes',
      'boards',
      'permissions',
      'groups',
      'myself',
      'writes',
    ],
    jql: 'project = DEMAT ORDER BY key',
    pageSize: 5,
    projectKey: 'DEMAT',
    accountId: sophie.accountId,
    appFieldPrefix: `ari:cloud:ecosystem::extension/${APP_ID}/${ENVIRONMENT_ID}/static/`,
  };
});
