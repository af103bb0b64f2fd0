// Writes of the local Jira: transitions and their validators, issue edits and creation, the app's field writes, and
// the events each one fires (or not).
import { buildValidatorConfig } from '../../src/app/validators/build-validator-config';
import { formatJiraDateTime } from './jira-beans';
import { validateJira, validateJiraResponse } from '../../test/support/openapi';
import { APP_ACCOUNT_ID, APP_ID, statusBean, userByLogin } from './catalog';
import { SEVERITY_REQUIRED_EXPRESSION } from './seed-demo';
import { ANCHOR_MS, APP, as, bodyOf, fixture, type IssueJson } from './test-helpers';
import type { FunctionValidatorPayload, IssueEvent } from './types';

const issue = async (f: ReturnType<typeof fixture>, key: string): Promise<IssueJson> =>
  bodyOf<IssueJson>(await f.get(`/rest/api/3/issue/${key}?expand=changelog`));
const errorsOf = (body: unknown) => body as { errorMessages: string[]; errors: Record<string, string> };
const transition = (
  f: ReturnType<typeof fixture>,
  key: string,
  id: string,
  login: string,
  extra: Record<string, unknown> = {},
) => f.post(`/rest/api/3/issue/${key}/transitions`, { transition: { id }, ...extra }, as(login));

const SEVERITY_MESSAGE =
  'Renseignez la gravité (Bloquante, Majeure ou Mineure) avant de prendre en charge. / Set the severity first.';

describe('transitions', () => {
  it('lists the transitions available from the current status', async () => {
    const f = fixture();
    // As a member of the Administration: the workflow conditions (issue 10) hide 51 and 81 from anyone else.
    const ids = async (key: string) =>
      bodyOf<{ transitions: { id: string; to: { name: string } }[] }>(
        await f.get(`/rest/api/3/issue/${key}/transitions`, as('claire.martin')),
      ).transitions.map((t) => `${t.id}→${t.to.name}`);
    expect(await ids('DEMAT-34')).toEqual(['11→En cours']);
    expect(await ids('DEMAT-30')).toEqual(['31→En cours']);
    expect(await ids('DEMAT-27')).toEqual([
      '21→En attente Administration',
      '41→En validation Administration',
      '71→En validation Administration',
      '121→Résolue',
    ]);
    expect(await ids('DEMAT-26')).toEqual(['51→Contournement validé', '61→En cours', '81→Validée']);
    expect(await ids('DEMAT-19')).toEqual([
      '21→En attente Administration',
      '41→En validation Administration',
      '71→En validation Administration',
      '121→Résolue',
    ]);
    expect(await ids('DEMAT-7')).toEqual(['111→En cours']);
  });

  it('moves the issue, writes a history by the caller and fires the update event', async () => {
    const f = fixture();
    const response = await transition(f, 'DEMAT-34', '11', 'paul.leroy');
    expect(response).toEqual({ status: 204, headers: {}, body: undefined });
    const after = await issue(f, 'DEMAT-34');
    expect(after.fields['status']).toMatchObject({ name: 'En cours' });
    const last = after.changelog?.histories.at(-1);
    expect(last?.author.accountId).toBe(userByLogin('paul.leroy').accountId);
    const statusItem = {
      field: 'status',
      fieldtype: 'jira',
      fieldId: 'status',
      from: statusBean('À qualifier').id,
      fromString: 'À qualifier',
      to: statusBean('En cours').id,
      toString: 'En cours',
    };
    expect(last?.items).toEqual([statusItem]);
    expect(f.events).toEqual([
      {
        eventType: 'avi:jira:updated:issue',
        issue: {
          id: '10034',
          key: 'DEMAT-34',
          fields: expect.objectContaining({ status: expect.objectContaining({ name: 'En cours' }) }),
        },
        atlassianId: userByLogin('paul.leroy').accountId,
        changelog: { items: [statusItem] },
      },
    ]);
  });

  it('refuses a transition that does not start from the current status', async () => {
    const f = fixture();
    const response = await transition(f, 'DEMAT-34', '51', 'claire.martin');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ errorMessages: ["Transition id '51' is not valid for this issue."], errors: {} });
    expect(
      errorsOf((await f.post('/rest/api/3/issue/DEMAT-34/transitions', { transition: {} })).body).errorMessages[0],
    ).toMatch(/^transition\.id: /);
    expect(f.events).toEqual([]);
  });

  it('severity-required: refuses “Prendre en charge” without severity, then accepts once it is set', async () => {
    const f = fixture();
    const refused = await transition(f, 'DEMAT-33', '11', 'julie.moreau');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ errorMessages: [SEVERITY_MESSAGE], errors: {} });
    expect((await issue(f, 'DEMAT-33')).fields['status']).toMatchObject({ name: 'À qualifier' });
    expect(f.events).toEqual([]);
    expect(
      (await f.put('/rest/api/3/issue/DEMAT-33', { fields: { customfield_10100: 'Mineure' } }, as('claire.martin')))
        .status,
    ).toBe(204);
    expect((await transition(f, 'DEMAT-33', '11', 'julie.moreau')).status).toBe(204);
  });

  it('affected-version-required: refuses a production anomaly without version, accepts it set on the transition screen', async () => {
    const f = fixture();
    const refused = await transition(f, 'DEMAT-21', '11', 'paul.leroy');
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body).errorMessages).toEqual([
      'Une anomalie détectée en production doit indiquer la version affectée. / A production anomaly needs an affected version.',
    ]);
    const accepted = await transition(f, 'DEMAT-21', '11', 'paul.leroy', {
      fields: { versions: [{ name: 'PLATAU 4.3' }] },
    });
    expect(accepted.status).toBe(204);
    const items = (await issue(f, 'DEMAT-21')).changelog?.histories.at(-1)?.items;
    expect(items).toEqual([
      expect.objectContaining({ fieldId: 'status', toString: 'En cours' }),
      { field: 'Version', fieldtype: 'jira', fieldId: 'versions', to: '10302', toString: 'PLATAU 4.3' },
    ]);
  });

  it('stories follow a workflow without the app’s validators', async () => {
    const f = fixture();
    expect((await transition(f, 'DEMAT-24', '11', 'paul.leroy')).status).toBe(204);
  });

  // The validator alone, as the server-side guard: the demo's workflow conditions (which would hide 51 and 81 from
  // Paul first) are left out.
  describe('administration-only (a Forge function validator)', () => {
    it('passes without a hook, as when the app is not installed', async () => {
      const f = fixture({ conditions: false });
      expect((await transition(f, 'DEMAT-26', '81', 'paul.leroy')).status).toBe(204);
    });

    it('calls the hook with the rule, Jira’s payload and the account, and refuses with its message', async () => {
      const f = fixture({ conditions: false });
      const seen: [string, FunctionValidatorPayload, string][] = [];
      f.jira.setFunctionValidator(async (ruleKey, payload, accountId) => {
        seen.push([ruleKey, payload, accountId]);
        const groups = bodyOf<{ name: string }[]>(await f.get(`/rest/api/3/user/groups?accountId=${accountId}`)).map(
          (g) => g.name,
        );
        const config = JSON.parse(payload.configuration) as { group: string };
        return groups.includes(config.group)
          ? { result: true }
          : { result: false, errorMessage: "Réservé à l'Administration." };
      });
      const refused = await transition(f, 'DEMAT-26', '81', 'paul.leroy');
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({ errorMessages: ["Réservé à l'Administration."], errors: {} });
      expect(seen).toEqual([
        [
          'administration-validator',
          {
            issue: { key: 'DEMAT-26' },
            configuration: JSON.stringify({
              kind: 'administration-only',
              group: 'administration-demat',
              transitionIds: [],
              guardSeverity: true,
              severityFieldId: 'customfield_10100',
            }),
            transition: {
              from: { id: statusBean('En validation Administration').id },
              to: { id: statusBean('Validée').id },
              id: '81',
              name: 'Valider la correction',
            },
          },
          userByLogin('paul.leroy').accountId,
        ],
      ]);
      expect(f.events).toEqual([]);
      expect((await transition(f, 'DEMAT-26', '81', 'sophie.bernard')).status).toBe(204);
      expect((await issue(f, 'DEMAT-26')).changelog?.histories.at(-1)?.author.accountId).toBe(
        userByLogin('sophie.bernard').accountId,
      );
      // "51" carries the same validator; "61" (refuse) none.
      expect((await transition(f, 'DEMAT-30', '31', 'claire.martin')).status).toBe(204);
      expect(seen.map(([, p]) => p.transition.id)).toEqual(['81', '81']);
    });

    it('sends the fields edited on the transition screen as modifiedFields', async () => {
      const f = fixture();
      let payload: FunctionValidatorPayload | undefined;
      f.jira.setFunctionValidator((_rule, p) => {
        payload = p;
        return { result: true };
      });
      expect(
        (await transition(f, 'DEMAT-26', '51', 'claire.martin', { fields: { customfield_10100: 'Critique' } })).status,
      ).toBe(204);
      expect(payload?.transition.modifiedFields).toEqual({ customfield_10100: 'Critique' });
    });

    it.each<[string, () => unknown, RegExp]>([
      [
        'throws',
        () => {
          throw new Error('boom');
        },
        /failed: boom/,
      ],
      ['answers something else', () => ({ ok: true }), /answered \{"ok":true\}/],
    ])('refuses with the manifest’s message when the hook %s', async (_name, hook, detail) => {
      const f = fixture();
      f.jira.setFunctionValidator(hook as never);
      const response = await transition(f, 'DEMAT-26', '81', 'claire.martin');
      expect(response.status).toBe(400);
      const { errorMessages } = errorsOf(response.body);
      expect(errorMessages[0]).toBe(
        "Transition réservée à l'Administration. / Only the Administration may perform this transition.",
      );
      expect(errorMessages[1]).toMatch(detail);
      f.jira.setFunctionValidator(null);
      expect((await transition(f, 'DEMAT-26', '81', 'claire.martin')).status).toBe(204);
    });
  });

  describe('validators are editable (what the validator-config screen saves)', () => {
    it('replaces a configuration, e.g. with the expression the app’s screen builds', async () => {
      const f = fixture();
      f.jira.setWorkflowValidator(
        '11',
        'severity-required-validator',
        buildValidatorConfig({ kind: 'severity-required', severityFieldId: 'customfield_10100' }),
      );
      const refused = await transition(f, 'DEMAT-33', '11', 'julie.moreau');
      expect(errorsOf(refused.body).errorMessages[0]).toMatch(
        /^Renseignez la gravité \(Bloquante, Majeure ou Mineure\) avant cette transition\./,
      );
      expect(
        f.jira
          .workflowValidators()
          .filter((v) => v.transitionId === '11')
          .map((v) => v.ruleKey),
      ).toEqual(['severity-required-validator', 'affected-version-validator']);
    });

    it('takes a JSON text or an extension ARI, adds a validator to another transition, and removes them', async () => {
      const f = fixture();
      const ari = `ari:cloud:ecosystem::extension/${APP_ID}/ae2b6c1d-0f3e-4a8b-b5c2-7d9e1f0a3b4c/static/severity-required-validator`;
      f.jira.setWorkflowValidator(
        '121',
        ari,
        JSON.stringify({
          kind: 'severity-required',
          severityFieldId: 'customfield_10100',
          expression: SEVERITY_REQUIRED_EXPRESSION.replace('customfield_10100', 'customfield_10102'),
        }),
      );
      expect(f.jira.workflowValidators().find((v) => v.transitionId === '121')).toMatchObject({
        ruleKey: 'severity-required-validator',
        type: 'expression',
      });
      expect((await transition(f, 'DEMAT-17', '121', 'julie.moreau')).status).toBe(400); // a doc anomaly has no service level
      f.jira.setTransitionValidators('121', []);
      f.jira.setTransitionValidators('11', []);
      expect((await transition(f, 'DEMAT-17', '121', 'julie.moreau')).status).toBe(204);
      expect((await transition(f, 'DEMAT-33', '11', 'julie.moreau')).status).toBe(204);
    });

    it('reports an expression that does not parse instead of throwing', async () => {
      const f = fixture();
      f.jira.setWorkflowValidator('11', 'severity-required-validator', {
        kind: 'severity-required',
        expression: 'issue.customfield_10100 != ',
      });
      const response = await transition(f, 'DEMAT-34', '11', 'paul.leroy');
      expect(response.status).toBe(400);
      expect(errorsOf(response.body).errorMessages).toEqual([
        'Renseignez la gravité avant cette transition. / Set the severity before this transition.',
        'The Jira expression of the validator severity-required-validator failed (parse): unexpected end of the expression',
      ]);
    });

    it('throws for an unknown transition or a configuration that is not JSON', () => {
      const f = fixture();
      expect(() => f.jira.setWorkflowValidator('999', 'administration-validator', {})).toThrow(RangeError);
      expect(() => f.jira.setWorkflowValidator('51', 'administration-validator', '{not json')).toThrow(/not JSON/);
      expect(() => f.jira.setWorkflowValidator('51', 'administration-validator', { big: 'x'.repeat(40_000) })).toThrow(
        /32 KB/,
      );
    });
  });
});

describe('PUT /rest/api/3/issue/{key}', () => {
  it('edits a field, runs its validation expression, writes a history and fires the event', async () => {
    const f = fixture();
    const refused = await f.put(
      '/rest/api/3/issue/DEMAT-27',
      { fields: { customfield_10100: 'Critical' } },
      as('claire.martin'),
    );
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body).errors['customfield_10100']).toMatch(/^Gravité : Bloquante, Majeure ou Mineure/);
    expect(
      errorsOf((await f.put('/rest/api/3/issue/DEMAT-27', { fields: { customfield_10101: 'Recette' } })).body).errors[
        'customfield_10101'
      ],
    ).toMatch(/Validation ou Production/);
    expect(f.events).toEqual([]);

    f.advance(3_600_000);
    const ok = await f.put(
      '/rest/api/3/issue/DEMAT-27',
      { fields: { customfield_10100: 'Bloquante', customfield_10016: 3 } },
      as('claire.martin'),
    );
    expect(ok.status).toBe(204);
    const after = await issue(f, 'DEMAT-27');
    expect(after.fields).toMatchObject({
      customfield_10100: 'Bloquante',
      customfield_10016: 3,
      updated: formatJiraDateTime(ANCHOR_MS + 60_000 + 3_600_000),
    });
    const items = [
      {
        field: 'Gravité',
        fieldtype: 'custom',
        fieldId: 'customfield_10100',
        from: 'Majeure',
        fromString: 'Majeure',
        to: 'Bloquante',
        toString: 'Bloquante',
      },
      {
        field: 'Story point estimate',
        fieldtype: 'custom',
        fieldId: 'customfield_10016',
        from: '2',
        fromString: '2',
        to: '3',
        toString: '3',
      },
    ];
    expect(after.changelog?.histories.at(-1)).toMatchObject({
      author: { accountId: userByLogin('claire.martin').accountId },
      items,
    });
    expect(f.events).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:updated:issue',
        atlassianId: userByLogin('claire.martin').accountId,
        changelog: { items },
      }),
    ]);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['the app’s read-only field', { fields: { customfield_10105: 'met' } }, 'customfield_10105', /cannot be set/],
    ['the status', { fields: { status: { name: 'Fermée' } } }, 'status', /cannot be set/],
    ['an unknown field', { fields: { customfield_99999: 1 } }, 'customfield_99999', /cannot be set/],
    ['a wrong type', { fields: { customfield_10016: 'three' } }, 'customfield_10016', /expects a number/],
    [
      'an unknown version',
      { update: { versions: [{ add: { name: 'PLATAU 9' } }] } },
      'versions',
      /Version name 'PLATAU 9' is not valid/,
    ],
    ['a closed sprint', { fields: { customfield_10020: 1 } }, 'customfield_10020', /active or future sprint/],
    [
      'an invalid incident start',
      { fields: { customfield_10103: 'yesterday' } },
      'customfield_10103',
      /date-time with an offset/,
    ],
  ])('refuses %s, naming the field', async (_name, body, field, message) => {
    const f = fixture();
    const response = await f.put('/rest/api/3/issue/DEMAT-29', body, as('paul.leroy'));
    expect(response.status).toBe(400);
    expect(errorsOf(response.body).errors[field]).toMatch(message);
    expect(validateJira('platform', 'ErrorCollection', response.body)).toEqual([]);
  });

  it('applies update operations, moves sprints, and answers the issue when asked', async () => {
    const f = fixture();
    const response = await f.put(
      '/rest/api/3/issue/DEMAT-21?returnIssue=true',
      {
        fields: { customfield_10020: 3, assignee: { accountId: userByLogin('julie.moreau').accountId } },
        update: {
          versions: [{ add: { name: 'PLATAU 4.2' } }, { add: { id: '10302' } }, { remove: { name: 'PLATAU 4.2' } }],
        },
      },
      as('sophie.bernard'),
    );
    expect(response.status).toBe(200);
    expect(validateJiraResponse('platform', 'get', '/rest/api/3/issue/{issueIdOrKey}', 200, response.body)).toEqual([]);
    const fields = bodyOf<IssueJson>(response).fields;
    expect(fields['versions']).toEqual([expect.objectContaining({ name: 'PLATAU 4.3' })]);
    expect(fields['customfield_10020']).toEqual([expect.objectContaining({ id: 3, state: 'active' })]);
    expect(fields['assignee']).toMatchObject({ displayName: 'Julie Moreau' });
    const keys = bodyOf<{ issues: { key: string }[] }>(
      await f.post('/rest/api/3/search/jql', { jql: 'sprint = 3 AND key = DEMAT-21', fields: ['summary'] }),
    ).issues;
    expect(keys).toHaveLength(1);
  });

  it('changes nothing, and fires nothing, when the values are the same', async () => {
    const f = fixture();
    const before = (await issue(f, 'DEMAT-27')).changelog?.total;
    expect((await f.put('/rest/api/3/issue/DEMAT-27', { fields: { customfield_10100: 'Majeure' } })).status).toBe(204);
    expect((await issue(f, 'DEMAT-27')).changelog?.total).toBe(before);
    expect(f.events).toEqual([]);
  });
});

describe('POST /rest/api/3/issue', () => {
  it('creates an issue in “À qualifier” and fires the creation event', async () => {
    const f = fixture();
    const response = await f.post(
      '/rest/api/3/issue',
      {
        fields: {
          project: { key: 'DEMAT' },
          issuetype: { name: 'Anomalie' },
          summary: 'Carte vide',
          customfield_10100: 'Majeure',
          customfield_10101: 'Validation',
          versions: [{ name: 'PLATAU 4.4' }],
        },
      },
      as('sophie.bernard'),
    );
    expect(response.status).toBe(201);
    expect(validateJiraResponse('platform', 'post', '/rest/api/3/issue', 201, response.body)).toEqual([]);
    expect(response.body).toEqual({
      id: '10036',
      key: 'DEMAT-36',
      self: 'https://demat-ads.atlassian.net/rest/api/3/issue/10036',
    });
    const created = await issue(f, 'DEMAT-36');
    expect(created.fields).toMatchObject({
      summary: 'Carte vide',
      status: { name: 'À qualifier' },
      reporter: { displayName: 'Sophie Bernard' },
      customfield_10100: 'Majeure',
      customfield_10105: null,
    });
    expect(created.changelog?.total).toBe(0);
    expect(f.events).toEqual([
      {
        eventType: 'avi:jira:created:issue',
        issue: { id: '10036', key: 'DEMAT-36', fields: expect.objectContaining({ summary: 'Carte vide' }) },
        atlassianId: userByLogin('sophie.bernard').accountId,
      },
    ]);
  });

  it.each<[string, unknown, Record<string, RegExp>]>([
    ['no summary', { fields: { project: { key: 'DEMAT' }, issuetype: { name: 'Story' } } }, { summary: /summary/ }],
    [
      'an unknown issue type',
      { fields: { project: { key: 'DEMAT' }, issuetype: { name: 'Epic' }, summary: 'x' } },
      { issuetype: /issue type/ },
    ],
    [
      'an unknown project',
      { fields: { project: { key: 'NOPE' }, issuetype: { id: '10001' }, summary: 'x' } },
      { project: /project/ },
    ],
    [
      'a bad severity',
      { fields: { project: { id: '10000' }, issuetype: { id: '10004' }, summary: 'x', customfield_10100: 'Haute' } },
      { customfield_10100: /Gravité/ },
    ],
  ])('refuses %s', async (_name, body, errors) => {
    const f = fixture();
    const response = await f.post('/rest/api/3/issue', body, as('paul.leroy'));
    expect(response.status).toBe(400);
    expect(errorsOf(response.body).errors).toEqual(
      Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, expect.stringMatching(v)])),
    );
    expect(f.events).toEqual([]);
  });

  it('refuses a user who may not browse the project', async () => {
    const response = await fixture().post(
      '/rest/api/3/issue',
      { fields: { project: { key: 'DEMAT' }, issuetype: { name: 'Story' }, summary: 'x' } },
      as('marc.petit'),
    );
    expect(errorsOf(response.body).errors).toEqual({ project: 'Specify a valid project ID or key' });
  });
});

describe('the app’s field writes', () => {
  const slaStatus = (f: ReturnType<typeof fixture>, query: string, body: unknown, caller = APP) =>
    f.put(`/rest/api/3/app/field/customfield_10105/value${query}`, body, caller);

  it('only the app writes its fields; users get 403', async () => {
    const f = fixture();
    const response = await slaStatus(
      f,
      '',
      { updates: [{ issueIds: [10027], value: 'breached' }] },
      as('claire.martin'),
    );
    expect(response.status).toBe(403);
    expect(validateJira('platform', 'ErrorCollection', response.body)).toEqual([]);
    expect(
      (await f.put('/rest/api/3/app/field/customfield_10016/value', { updates: [{ issueIds: [10027], value: 3 }] }))
        .status,
    ).toBe(403);
    expect(
      (await f.put('/rest/api/3/app/field/customfield_77777/value', { updates: [{ issueIds: [10027], value: 3 }] }))
        .status,
    ).toBe(404);
  });

  it('generateChangelog=false: the value changes, without history or event, and JQL finds it', async () => {
    const f = fixture();
    const before = (await issue(f, 'DEMAT-27')).changelog?.total;
    const response = await slaStatus(f, '?generateChangelog=false', {
      updates: [
        { issueIds: [10027, 10032], value: 'breached' },
        { issueIds: [10034], value: 'running' },
        { issueIds: [10030], value: 'paused' },
      ],
    });
    expect(response).toEqual({ status: 204, headers: {}, body: undefined });
    const after = await issue(f, 'DEMAT-27');
    expect(after.fields['customfield_10105']).toBe('breached');
    expect(after.changelog?.total).toBe(before);
    expect(f.events).toEqual([]);
    const search = async (jql: string) =>
      bodyOf<{ issues: { key: string }[] }>(
        await f.post('/rest/api/3/search/jql', { jql, fields: ['summary'] }),
      ).issues.map((i) => i.key);
    expect(await search('"Statut SLA" in (running, paused) ORDER BY key')).toEqual(['DEMAT-30', 'DEMAT-34']);
    expect(await search('cf[10105] = breached ORDER BY key')).toEqual(['DEMAT-27', 'DEMAT-32']);
    expect(await search('project = DEMAT AND cf[10105] != breached ORDER BY key')).toEqual(['DEMAT-30', 'DEMAT-34']);
  });

  it('answers the app’s scheduler query (due soon, or not computed yet), and refuses an issue type the site lacks', async () => {
    const f = fixture();
    const nowMs = ANCHOR_MS + 60_000;
    await f.put('/rest/api/3/app/field/customfield_10105/value?generateChangelog=false', {
      updates: [
        { issueIds: [10027, 10032], value: 'breached' },
        { issueIds: [10034], value: 'running' },
        { issueIds: [10030], value: 'paused' },
      ],
    });
    await f.post('/rest/api/3/app/field/value?generateChangelog=false', {
      updates: [
        { customField: 'customfield_10106', issueIds: [10034], value: new Date(nowMs + 5 * 60_000).toISOString() },
        { customField: 'customfield_10106', issueIds: [10030], value: new Date(nowMs + 2 * 3_600_000).toISOString() },
      ],
    });
    const jql = (types: string) =>
      `(cf[10105] in (running, paused) AND cf[10106] <= "10m") OR (cf[10105] is EMPTY AND issuetype in (${types})) ORDER BY key`;
    const response = await f.post('/rest/api/3/search/jql', {
      jql: jql('"Anomalie", "Incident"'),
      fields: ['id'],
      maxResults: 100,
    });
    expect(bodyOf<{ issues: { key: string }[] }>(response).issues.map((i) => Number(i.key.slice(6)))).toEqual([
      3, 4, 5, 6, 7, 11, 13, 14, 16, 19, 21, 22, 29, 33, 34, 35,
    ]);
    // As in Jira, a JQL naming an issue type the site does not have fails as a whole (the app lists every alias).
    const refused = await f.post('/rest/api/3/search/jql', { jql: jql('"Anomalie", "Bug"'), fields: ['id'] });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused.body).errorMessages).toEqual(["The value 'Bug' does not exist for the field 'issuetype'."]);
  });

  it('generateChangelog=true (the default): a history by the app and an update event from the app', async () => {
    const f = fixture();
    const key = `${APP_ID}__DEVELOPMENT__sla-due`;
    const response = await f.put(`/rest/api/3/app/field/${key}/value`, {
      updates: [{ issueIds: [10034], value: '2026-04-22T14:00:00.789Z' }],
    });
    expect(response.status).toBe(204);
    const after = await issue(f, 'DEMAT-34');
    expect(after.fields['customfield_10106']).toBe('2026-04-22T16:00:00.000+0200');
    const item = {
      field: 'Échéance SLA',
      fieldtype: 'custom',
      fieldId: 'customfield_10106',
      to: '2026-04-22T16:00:00.000+0200',
      toString: '2026-04-22T16:00:00.000+0200',
    };
    expect(after.changelog?.histories.at(-1)).toMatchObject({ author: { accountId: APP_ACCOUNT_ID }, items: [item] });
    expect(f.events).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:updated:issue',
        atlassianId: APP_ACCOUNT_ID,
        changelog: { items: [item] },
      }),
    ]);
  });

  it('POST /app/field/value writes several fields at once, one history per issue', async () => {
    const f = fixture();
    const response = await f.post('/rest/api/3/app/field/value', {
      updates: [
        { customField: 'customfield_10104', issueIds: [10005], value: 'production' },
        { customField: 'customfield_10105', issueIds: [10005], value: 'breached' },
        { customField: 'customfield_10100', issueIds: [10027], value: 'Majeure' }, // unchanged: nothing for DEMAT-27
      ],
    });
    expect(response.status).toBe(204);
    expect((await issue(f, 'DEMAT-5')).changelog?.histories.at(-1)?.items.map((i) => i['fieldId'])).toEqual([
      'customfield_10104',
      'customfield_10105',
    ]);
    expect(f.events.map((e: IssueEvent) => e.issue.key)).toEqual(['DEMAT-5']);
  });

  it.each<[string, string, unknown, RegExp]>([
    ['no value', '', { updates: [{ issueIds: [10005] }] }, /updates\[0\]\.value: value is required/],
    [
      'keys instead of ids',
      '',
      { updates: [{ issueIds: ['DEMAT-5'], value: 'met' }] },
      /updates\[0\]\.issueIds\[0\]: /,
    ],
    [
      'an unknown issue',
      '',
      { updates: [{ issueIds: [99999], value: 'met' }] },
      /updates\[0\]\.issueIds\[0\]: issue 99999 does not exist/,
    ],
    ['a wrong type', '', { updates: [{ issueIds: [10005], value: 3 }] }, /updates\[0\]\.value: expected a string/],
    ['a bad flag', '?generateChangelog=yes', { updates: [{ issueIds: [10005], value: 'met' }] }, /generateChangelog/],
  ])('refuses %s, naming the field, and writes nothing', async (_name, query, body, message) => {
    const f = fixture();
    const response = await slaStatus(f, query, body);
    expect(response.status).toBe(400);
    expect(errorsOf(response.body).errorMessages.join(' ')).toMatch(message);
    expect((await issue(f, 'DEMAT-5')).fields['customfield_10105']).toBeNull();
  });
});

describe('events', () => {
  it('stop after unsubscribing, and a failing listener does not stop the change nor the others', async () => {
    const f = fixture();
    const heard: string[] = [];
    const stop = f.jira.onIssueEvent((e) => heard.push(e.issue.key));
    f.jira.onIssueEvent(() => {
      throw new Error('listener bug');
    });
    expect((await transition(f, 'DEMAT-34', '11', 'paul.leroy')).status).toBe(204);
    stop();
    expect((await transition(f, 'DEMAT-34', '21', 'paul.leroy')).status).toBe(204);
    expect(heard).toEqual(['DEMAT-34']);
    expect(f.events.map((e) => e.issue.key)).toEqual(['DEMAT-34', 'DEMAT-34']);
  });

  it('date new histories after the issue’s last one, even when the clock is behind', async () => {
    const f = fixture();
    f.advance(-30 * 86_400_000);
    expect((await transition(f, 'DEMAT-34', '11', 'paul.leroy')).status).toBe(204);
    const histories = (await issue(f, 'DEMAT-34')).changelog?.histories ?? [];
    expect(histories).toHaveLength(1);
    const created = Date.parse(
      String((await issue(f, 'DEMAT-34')).fields['created']).replace(/(\d\d)(\d\d)$/, '$1:$2'),
    );
    expect(
      Date.parse(String((histories[0] as unknown as { created: string }).created).replace(/(\d\d)(\d\d)$/, '$1:$2')),
    ).toBeGreaterThan(created);
  });
});
