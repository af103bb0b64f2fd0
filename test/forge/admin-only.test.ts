// Issue 10, item 3 (D5): the Administration's transitions only for the Administration. The workflow condition
// `administration-condition` (a Jira expression, evaluated by the local Jira for the calling user) hides "Valider le
// contournement" (51) and "Valider la correction" (81) from everyone outside the group; the function validator stays
// the server-side guard. DEMAT-19 is the blocking anomaly "En cours" of the seed; Paul is a developer, Claire is in
// administration-demat. Then the severity UI modification: the settings save registers it through the REST API ("UI
// modifications (apps)") when native.severityReadOnly is on, keeps one registration across saves, and removes it when
// switched off; its client code asks `uiModifications/severityAccess`, which answers from the Forge context's user.
import fs from 'node:fs';
import path from 'node:path';
import type { Reply, SeverityAccessView, ValidatorConfig } from '../../src/contract';
import { SEVERITY_READ_ONLY_EXPLANATION, SEVERITY_UI_MODIFICATION_NAME } from '../../src/app/ui-modifications';
import { PROJECT_ID } from '../../workbench/local-jira/catalog';
import { expectValidJiraResponse } from '../support/openapi';
import { DEFAULT_ADMINISTRATION_CONDITION_EXPRESSION } from '../../src/app/validators/build-validator-config';
import { createLocalJira } from '../../workbench/local-jira';
import { DEFAULT_CONDITION_EXPRESSION } from '../../workbench/local-jira/routes/validators';
import { DEMO_CONDITION_EXPRESSION, DEMO_CONDITION_TRANSITIONS } from '../../workbench/local-jira/seed-demo';
import { ManualClock } from '../../workbench/host/clocks';
import { ForgeHost, type AppModule } from '../../workbench/host/forge-host';
import { LocalKvs } from '../../workbench/host/local-kvs';
import { readManifest } from '../../workbench/host/read-manifest';
import { TEST_ANCHOR_MS, aForgeSite, userNamed, type ForgeSite } from '../support/forge-site';

const as = (site: ForgeSite, user: string) => ({ kind: 'user' as const, accountId: userNamed(site, user) });

const transitionIds = async (site: ForgeSite, key: string, user: string): Promise<string[]> => {
  const reply = await site.jira.handle({
    method: 'GET',
    path: `/rest/api/3/issue/${key}/transitions`,
    caller: as(site, user),
  });
  expect(reply.status).toBe(200);
  return (reply.body as { transitions: { id: string }[] }).transitions.map((t) => t.id);
};

const transition = (site: ForgeSite, key: string, id: string, user: string) =>
  site.jira.handle({
    method: 'POST',
    path: `/rest/api/3/issue/${key}/transitions`,
    body: { transition: { id } },
    caller: as(site, user),
  });

const messagesOf = (body: unknown): string => ((body as { errorMessages?: string[] }).errorMessages ?? []).join(' ');

/** A site whose local Jira starts from the seed with its workflow conditions replaced (the same seams as aForgeSite). */
const aSiteWithConditions = (conditions: unknown[]): ForgeSite => {
  const seeded = createLocalJira({ seed: { anchorMs: TEST_ANCHOR_MS }, now: () => TEST_ANCHOR_MS });
  const snapshot = seeded.toJSON() as Record<string, unknown>;
  const clock = new ManualClock(TEST_ANCHOR_MS);
  const jira = createLocalJira({ state: { ...snapshot, conditions }, now: clock.nowMs });
  const kvs = new LocalKvs(null, clock.nowMs);
  const host = new ForgeHost(jira, kvs, clock);
  host.install();
  const app = jest.requireActual<AppModule>('../../src/index');
  host.attach(app);
  return { jira, host, app, kvs, clock };
};

const condition = (transitionId: string, configuration: unknown) => ({
  workflow: 'DEMAT – maintenance',
  transitionId,
  ruleKey: 'administration-condition',
  expression: DEFAULT_CONDITION_EXPRESSION,
  configuration,
});

describe('issue 10 (D5): the workflow condition administration-condition', () => {
  it('is declared in the manifest with the default expression the app and the local Jira use', () => {
    const manifest = readManifest(path.join(__dirname, '../../manifest.yml'));
    const text = fs.readFileSync(path.join(__dirname, '../../manifest.yml'), 'utf8');
    expect(JSON.stringify(manifest)).toContain('administration-condition');
    expect(text).toContain(`expression: ${DEFAULT_ADMINISTRATION_CONDITION_EXPRESSION}\n`);
    expect(DEFAULT_CONDITION_EXPRESSION).toBe(DEFAULT_ADMINISTRATION_CONDITION_EXPRESSION);
    expect(DEMO_CONDITION_EXPRESSION).toBe(DEFAULT_ADMINISTRATION_CONDITION_EXPRESSION);
    expect(DEMO_CONDITION_TRANSITIONS).toEqual(['51', '81']);
  });

  it('D5: hides "Valider le contournement" from a developer and shows it to the Administration', async () => {
    const site = aForgeSite();
    expect((await transition(site, 'DEMAT-19', '41', 'Paul')).status).toBe(204); // proposes a workaround
    const paul = await transitionIds(site, 'DEMAT-19', 'Paul');
    const claire = await transitionIds(site, 'DEMAT-19', 'Claire');
    expect(paul).toEqual(['61']); // "Refuser" stays; 51 and 81 are hidden
    expect(claire).toEqual(['51', '61', '81']);
    // ?transitionId= filters the same list.
    const one = await site.jira.handle({
      method: 'GET',
      path: '/rest/api/3/issue/DEMAT-19/transitions?transitionId=51',
      caller: as(site, 'Paul'),
    });
    expect((one.body as { transitions: unknown[] }).transitions).toEqual([]);
  });

  it('D5: refuses the hidden transition to a developer who posts it anyway, and lets the Administration take it', async () => {
    const site = aForgeSite();
    await transition(site, 'DEMAT-19', '41', 'Paul');
    const refused = await transition(site, 'DEMAT-19', '51', 'Paul');
    expect([refused.status, messagesOf(refused.body)]).toEqual([
      400,
      "Transition id '51' is not valid for this issue.",
    ]);
    expect((await transition(site, 'DEMAT-19', '51', 'Claire')).status).toBe(204);
  });

  it("hides the transition from the default group's members once configured with this site's group", async () => {
    const site = aForgeSite();
    const built = (await site.host.invoke(
      'validators/buildConfig',
      { kind: 'administration-condition', group: "maîtrise d'ouvrage" },
      { moduleKey: 'administration-condition', extension: { type: 'jira:workflowCondition' } },
      userNamed(site, 'Claire'),
    )) as Reply<ValidatorConfig>;
    if (!built.ok) throw new Error(built.error.message);
    expect(built.data).toEqual({
      kind: 'administration-condition',
      group: "maîtrise d'ouvrage",
      expression: "user != null && user.groups.includes('maîtrise d\\'ouvrage')",
    });
    const configured = aSiteWithConditions([condition('51', built.data)]);
    await transition(configured, 'DEMAT-19', '41', 'Paul');
    // Nobody of the demo is in that group: Claire (administration-demat) no longer sees 51; 81 has no condition here.
    expect(await transitionIds(configured, 'DEMAT-19', 'Claire')).toEqual(['61', '81']);
  });

  it('fails closed: a configured expression that errors or is not a boolean hides the transition from everyone', async () => {
    const site = aSiteWithConditions([
      condition('51', { expression: 'user.nothing.groups.includes(1)' }),
      condition('81', { expression: "'oui'" }),
    ]);
    await transition(site, 'DEMAT-19', '41', 'Paul');
    expect(await transitionIds(site, 'DEMAT-19', 'Claire')).toEqual(['61']);
  });

  it('refuses a configuration request without group, naming the field', async () => {
    const site = aForgeSite();
    const built = (await site.host.invoke(
      'validators/buildConfig',
      { kind: 'administration-condition', group: ' ' },
      { moduleKey: 'administration-condition', extension: { type: 'jira:workflowCondition' } },
      userNamed(site, 'Claire'),
    )) as Reply<ValidatorConfig>;
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.error.message).toMatch(/group/);
  });

  it('D5: without the condition, the function validator still refuses a developer (the server-side guard)', async () => {
    const site = aSiteWithConditions([]);
    await transition(site, 'DEMAT-19', '41', 'Paul');
    expect(await transitionIds(site, 'DEMAT-19', 'Paul')).toContain('51');
    const refused = await transition(site, 'DEMAT-19', '51', 'Paul');
    expect([refused.status, messagesOf(refused.body)]).toEqual([
      400,
      expect.stringMatching(/Seul le groupe « administration-demat »/),
    ]);
    expect((await transition(site, 'DEMAT-19', '51', 'Claire')).status).toBe(204);
  });
});

const ADMIN_PAGE = { moduleKey: 'settings-page', extension: { type: 'jira:adminPage' } };
const UIM = { moduleKey: 'severity-read-only', extension: { type: 'jira:uiModifications' } };

const save = async (site: ForgeSite, document: unknown, expectedVersion: number) => {
  const reply = (await site.host.invoke(
    'settings/save',
    { document, expectedVersion },
    ADMIN_PAGE,
    userNamed(site, 'Claire'),
  )) as Reply<unknown>;
  expect(reply.ok).toBe(true);
  // The sync runs in the save's first queue job (handlers.ts), not in the resolver.
  await site.host.settle();
  expect(site.host.backgroundErrors).toEqual([]);
};

type Registered = {
  id: string;
  name: string;
  data?: string;
  contexts: { projectId: string | null; issueTypeId: string | null; viewType: string }[];
};
const registered = async (site: ForgeSite): Promise<Registered[]> => {
  const reply = await site.jira.handle({
    method: 'GET',
    path: '/rest/api/3/uiModifications?expand=contexts,data',
    caller: { kind: 'app' },
  });
  expect(reply.status).toBe(200);
  expectValidJiraResponse('platform', 'get', '/rest/api/3/uiModifications', 200, reply.body);
  return (reply.body as { values: Registered[] }).values;
};

const writes = (site: ForgeSite) =>
  site.jira
    .calls()
    .filter((c) => c.path.startsWith('/rest/api/3/uiModifications') && c.method !== 'GET')
    .map((c) => c.method);

describe('issue 10 (D5): the severity UI modification', () => {
  let site: ForgeSite;
  beforeEach(() => {
    site = aForgeSite();
  });
  afterEach(() => site.host.settle());

  it('is registered by the settings save on the contract project and issue types, for the create screen and the issue view', async () => {
    expect(await registered(site)).toEqual([]);
    await save(site, { native: { issueProperty: true, severityReadOnly: true } }, 0);
    const [only, ...others] = await registered(site);
    expect(others).toEqual([]);
    expect(only?.name).toBe(SEVERITY_UI_MODIFICATION_NAME);
    expect(JSON.parse(only?.data ?? 'null')).toEqual({
      severityFieldId: 'customfield_10100',
      explanation: SEVERITY_READ_ONLY_EXPLANATION,
    });
    const types = await site.jira.handle({ method: 'GET', path: '/rest/api/3/issuetype', caller: { kind: 'app' } });
    const typeIdOf = new Map((types.body as { id: string; name: string }[]).map((t) => [t.name, t.id]));
    const contexts = only?.contexts ?? [];
    expect(new Set(contexts.map((c) => c.viewType))).toEqual(new Set(['GIC', 'IssueView']));
    expect(new Set(contexts.map((c) => c.projectId))).toEqual(new Set([String(PROJECT_ID)]));
    const typeIds = new Set(contexts.map((c) => c.issueTypeId));
    expect(typeIds.has(typeIdOf.get('Anomalie') ?? '?')).toBe(true);
    expect(typeIds.has(typeIdOf.get('Story') ?? '?')).toBe(false); // stories have no severity
    expect(contexts).toHaveLength(typeIds.size * 2);
  });

  it('keeps one registration across saves (idempotent), and removes it when switched off', async () => {
    await save(site, { native: { issueProperty: true, severityReadOnly: true } }, 0);
    const first = await registered(site);
    await save(site, { native: { issueProperty: true, severityReadOnly: true }, vsrMonths: 3 }, 1);
    expect((await registered(site)).map((m) => m.id)).toEqual(first.map((m) => m.id));
    expect(writes(site)).toEqual(['POST']); // the second save found it as wanted: no write
    await save(site, { native: { issueProperty: true, severityReadOnly: false } }, 2);
    expect(await registered(site)).toEqual([]);
    expect(writes(site)).toEqual(['POST', 'DELETE']);
    await save(site, { native: { issueProperty: true, severityReadOnly: false } }, 3);
    expect(writes(site)).toEqual(['POST', 'DELETE']);
  });

  it('removes copies left by an earlier install, keeping one', async () => {
    for (let i = 0; i < 2; i += 1) {
      await site.jira.handle({
        method: 'POST',
        path: '/rest/api/3/uiModifications',
        body: { name: SEVERITY_UI_MODIFICATION_NAME, data: '{}', contexts: [] },
        caller: { kind: 'app' },
      });
    }
    await save(site, { native: { issueProperty: true, severityReadOnly: true } }, 0);
    const left = await registered(site);
    expect(left).toHaveLength(1);
    expect(JSON.parse(left[0]?.data ?? '{}')).toHaveProperty('severityFieldId', 'customfield_10100');
  });

  it.each([
    ['Paul', false],
    ['Claire', true],
  ])('D5: tells the client code whether %s may edit the severity', async (user, editable) => {
    const reply = (await site.host.invoke(
      'uiModifications/severityAccess',
      {},
      UIM,
      userNamed(site, user),
    )) as Reply<SeverityAccessView>;
    expect(reply).toEqual({
      ok: true,
      data: { editable, explanation: SEVERITY_READ_ONLY_EXPLANATION, group: 'administration-demat' },
    });
    expect(SEVERITY_READ_ONLY_EXPLANATION).toMatch(/^Gravité qualifiée par l'Administration .* \/ Severity/);
  });

  it('the local Jira: only apps reach the routes, and a bad body is refused naming the field', async () => {
    const asUser = await site.jira.handle({
      method: 'GET',
      path: '/rest/api/3/uiModifications',
      caller: { kind: 'user', accountId: userNamed(site, 'Claire') },
    });
    expect(asUser.status).toBe(403);
    const bad = await site.jira.handle({
      method: 'POST',
      path: '/rest/api/3/uiModifications',
      body: { name: 'x', contexts: [{ viewType: 'Board' }] },
      caller: { kind: 'app' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('contexts[0].viewType');
    const created = await site.jira.handle({
      method: 'POST',
      path: '/rest/api/3/uiModifications',
      body: { name: 'x', contexts: [{ projectId: '10000', issueTypeId: '10001', viewType: 'GIC' }] },
      caller: { kind: 'app' },
    });
    expectValidJiraResponse('platform', 'post', '/rest/api/3/uiModifications', 201, created.body);
  });
});
