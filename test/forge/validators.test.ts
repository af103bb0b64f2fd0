// The workflow validators as Jira runs them: expression validators inside the local Jira (with the expressions the
// configuration screens generate), the Administration-only function validator through the app's handler.
import type { Reply, ValidatorConfig } from '../../src/contract';
import { aForgeSite, userNamed, type ForgeSite } from '../support/forge-site';

const transition = (site: ForgeSite, key: string, id: string, user: string) =>
  site.jira.handle({
    method: 'POST',
    path: `/rest/api/3/issue/${key}/transitions`,
    body: { transition: { id } },
    caller: { kind: 'user', accountId: userNamed(site, user) },
  });

const messagesOf = (body: unknown): string => ((body as { errorMessages?: string[] }).errorMessages ?? []).join(' ');

describe('workflow validators', () => {
  let site: ForgeSite;
  beforeEach(() => {
    site = aForgeSite();
  });

  it('refuses to take in charge an anomaly without severity, and says what to do', async () => {
    const reply = await transition(site, 'DEMAT-33', '11', 'Paul');
    expect(reply.status).toBe(400);
    expect(messagesOf(reply.body)).toMatch(/gravité/i);
  });

  it('refuses to take in charge a production anomaly without affected version (D6)', async () => {
    const reply = await transition(site, 'DEMAT-21', '11', 'Paul');
    expect(reply.status).toBe(400);
    expect(messagesOf(reply.body)).toMatch(/version/i);
  });

  // The demo's workflow condition (issue 10) refuses Paul before the validator runs; the validator alone, as the
  // server-side guard, is tested in admin-only.test.ts.
  it('D5: only the Administration validates a workaround (the condition refuses anyone else)', async () => {
    expect((await transition(site, 'DEMAT-19', '41', 'Paul')).status).toBe(204);
    const refused = await transition(site, 'DEMAT-19', '51', 'Paul');
    expect([refused.status, messagesOf(refused.body)]).toEqual([
      400,
      expect.stringMatching(/Transition id '51' is not valid for this issue/),
    ]);
    expect((await transition(site, 'DEMAT-19', '51', 'Claire')).status).toBe(204);
  });

  it("uses the expression the configuration screen generates, with this site's field id", async () => {
    const built = (await site.host.invoke(
      'validators/buildConfig',
      { kind: 'severity-required', severityFieldId: 'customfield_10100' },
      { moduleKey: 'severity-required-validator', extension: { type: 'jira:workflowValidator' } },
      userNamed(site, 'Claire'),
    )) as Reply<ValidatorConfig>;
    if (!built.ok) throw new Error(built.error.message);
    site.jira.setTransitionValidators('11', [{ ruleKey: 'severity-required-validator', configuration: built.data }]);
    const refused = await transition(site, 'DEMAT-33', '11', 'Paul');
    expect(messagesOf(refused.body)).toMatch(
      /^Renseignez la gravité \(Bloquante, Majeure ou Mineure\) avant cette transition\./,
    );
    await site.jira.handle({
      method: 'PUT',
      path: '/rest/api/3/issue/DEMAT-33',
      body: { fields: { customfield_10100: 'Mineure' } },
      caller: { kind: 'user', accountId: userNamed(site, 'Claire') },
    });
    expect((await transition(site, 'DEMAT-33', '11', 'Paul')).status).toBe(204);
  });

  it.each<[string, unknown]>([
    ['no configuration', null],
    ['an empty configuration', {}],
    ['a configuration without expression', { kind: 'severity-required', severityFieldId: 'customfield_10100' }],
  ])(
    'fails closed when added with %s: the manifest expression refuses and says it is not configured',
    async (_name, configuration) => {
      const claire = userNamed(site, 'Claire');
      await site.jira.handle({
        method: 'PUT',
        path: '/rest/api/3/issue/DEMAT-33',
        body: { fields: { customfield_10100: 'Mineure' } },
        caller: { kind: 'user', accountId: claire },
      });
      site.jira.setTransitionValidators('11', [{ ruleKey: 'severity-required-validator', configuration }]);
      const refused = await transition(site, 'DEMAT-33', '11', 'Paul');
      expect([refused.status, messagesOf(refused.body)]).toEqual([
        400,
        expect.stringMatching(/^Validateur non configuré : .*gravité obligatoire.* \/ Validator not configured/),
      ]);
      // The same issue passes once the validator carries the expression the configuration screen builds.
      site.jira.setTransitionValidators('11', [
        {
          ruleKey: 'severity-required-validator',
          configuration: {
            kind: 'severity-required',
            severityFieldId: 'customfield_10100',
            expression: 'issue.customfield_10100 != null',
          },
        },
      ]);
      expect((await transition(site, 'DEMAT-33', '11', 'Paul')).status).toBe(204);
    },
  );

  it('fails closed for the affected-version validator too', async () => {
    site.jira.setTransitionValidators('11', [{ ruleKey: 'affected-version-validator', configuration: null }]);
    const refused = await transition(site, 'DEMAT-33', '11', 'Paul');
    expect(messagesOf(refused.body)).toMatch(/^Validateur non configuré : .*version affectée/);
  });

  it.each<[string, unknown]>([
    [
      'a configuration that is not JSON',
      { issue: { key: 'DEMAT-19' }, configuration: '{not json', transition: { id: '51' } },
    ],
    ['a configuration without group', { issue: { key: 'DEMAT-19' }, configuration: '{}', transition: { id: '51' } }],
    ['a payload that is not one', 'rm -rf /'],
  ])('refuses safely with %s, saying it is not configured', async (_name, payload) => {
    const decision = (await site.app.administrationValidator(payload, {
      principal: { accountId: userNamed(site, 'Claire') },
    })) as { result: boolean; errorMessage?: string };
    expect(decision.result).toBe(false);
    expect(decision.errorMessage).toMatch(/configuré|illisible/);
  });

  it('only lets Jira administrators build a validator configuration', async () => {
    const reply = (await site.host.invoke(
      'validators/buildConfig',
      { kind: 'severity-required', severityFieldId: 'customfield_10100' },
      { moduleKey: 'severity-required-validator' },
      userNamed(site, 'Paul'),
    )) as Reply<ValidatorConfig>;
    expect(reply.ok ? null : reply.error.code).toBe('FORBIDDEN');
  });
});

describe('the Administration-only validator with the payload Jira really sends', () => {
  it('refuses a non-member when the payload names only the statuses, even with a list of guarded transitions', async () => {
    const site = aForgeSite();
    const payload = {
      issue: { key: 'DEMAT-19' },
      configuration: JSON.stringify({
        kind: 'administration-only',
        group: 'administration-demat',
        transitionIds: ['81'],
        guardSeverity: true,
        severityFieldId: 'customfield_10100',
      }),
      transition: { from: { id: '10003' }, to: { id: '81' } },
    };
    const paul = (await site.app.administrationValidator(payload, {
      principal: { accountId: userNamed(site, 'Paul') },
    })) as { result: boolean };
    const claire = (await site.app.administrationValidator(payload, {
      principal: { accountId: userNamed(site, 'Claire') },
    })) as { result: boolean };
    expect([paul.result, claire.result]).toEqual([false, true]);
  });
});

describe('validators/getOptions', () => {
  it('names the app’s own fields, not another app’s field with the same module key (issue 8)', async () => {
    const site = aForgeSite();
    const reply = (await site.host.invoke(
      'validators/getOptions',
      {},
      { moduleKey: 'settings-page', extension: { type: 'jira:adminPage' } },
      userNamed(site, 'Claire'),
    )) as Reply<{ appFields: Record<string, string>; fields: { id: string }[] }>;
    if (!reply.ok) throw new Error(reply.error.message);
    // The site has both: customfield_10200 is "Severity (Incident Tracker)", another Forge app's `severity` module.
    expect(reply.data.fields.map((f) => f.id)).toContain('customfield_10200');
    expect(reply.data.appFields.severity).toBe('customfield_10100');
  });
});
