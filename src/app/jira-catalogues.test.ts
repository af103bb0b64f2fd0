import { ManualClock } from '../../workbench/host/clocks';
import { jiraGateway } from '../jira/jira-gateway';
import { boardSprintsCached, catalogueOf } from './jira-catalogues';
import type { Deps, FieldInfo } from './ports';

const app = { appId: '6f1c2a9e-4b7d-4c1e-9a55-0c7d3b2e8f10', environmentId: 'ae2b6c1d-0f3e-4a8b-b5c2-7d9e1f0a3b4c' };
const ari = (appId: string, environmentId: string, moduleKey: string): string =>
  `ari:cloud:ecosystem::extension/${appId}/${environmentId}/static/${moduleKey}`;
const field = (id: string, custom: string | null, key?: string): FieldInfo => ({
  id,
  name: id,
  custom,
  ...(key === undefined ? {} : { key }),
});

describe('catalogueOf: the app’s own fields', () => {
  it.each<[string, FieldInfo[], Record<string, string>]>([
    [
      'its own field, by the full extension ARI',
      [field('customfield_1', ari(app.appId, app.environmentId, 'severity'))],
      { severity: 'customfield_1' },
    ],
    // Issue 8: matching the /static/<moduleKey> suffix picked whichever app's field came last.
    [
      'another app’s field with the same module key is ignored, before or after',
      [
        field('customfield_2', ari('other-app', 'other-env', 'severity')),
        field('customfield_1', ari(app.appId, app.environmentId, 'severity')),
        field('customfield_3', ari('other-app', 'other-env', 'severity')),
      ],
      { severity: 'customfield_1' },
    ],
    [
      'the same app in another environment is not this installation',
      [field('customfield_4', ari(app.appId, 'another-env', 'sla-status'))],
      {},
    ],
    [
      'a module key the app does not declare',
      [field('customfield_5', ari(app.appId, app.environmentId, 'something-else'))],
      {},
    ],
    [
      'a suffix that is not a module key (more path)',
      [field('customfield_6', `${ari(app.appId, app.environmentId, 'x')}/severity`)],
      {},
    ],
    [
      'its field by key <appId>__<ENV>__<moduleKey> when schema.custom is not an ARI',
      [field('customfield_7', null, `${app.appId}__DEVELOPMENT__sla-due`)],
      { 'sla-due': 'customfield_7' },
    ],
    [
      'another app’s key with the same module key',
      [field('customfield_8', null, `other-app__PRODUCTION__sla-due`)],
      {},
    ],
    ['a non-Forge custom field', [field('customfield_10020', 'com.pyxis.greenhopper.jira:gh-sprint')], {}],
  ])('%s', (_name, fields, expected) => {
    expect(catalogueOf(fields, app).appFields).toEqual(expected);
  });
});

describe('boardSprintsCached: closed sprints from the store, live ones from Jira', () => {
  type Sprint = { id: number; name: string; state: 'closed' | 'active' | 'future' };
  // A board in memory: the sprint list answers `state=` like Jira; every call is counted.
  const aBoard = (sprints: Sprint[]) => {
    const calls: string[] = [];
    const values = new Map<string, unknown>();
    const deps: Deps = {
      app,
      jira: jiraGateway({
        async request(_as, _method, path) {
          calls.push(path);
          const states = new URLSearchParams(path.split('?')[1]).get('state')?.split(',') ?? [
            'closed',
            'active',
            'future',
          ];
          return {
            status: 200,
            body: { isLast: true, values: sprints.filter((s) => states.includes(s.state)).map((s) => ({ ...s })) },
          };
        },
      }),
      store: {
        get: async (k) => values.get(k),
        set: async (k, v) => void values.set(k, v),
        delete: async (k) => void values.delete(k),
      },
      queue: { push: async () => undefined },
      clock: new ManualClock(Date.parse('2026-04-24T12:00:00+02:00')),
    };
    return { deps, calls, values };
  };
  const states = (sprints: readonly unknown[]) => sprints.map((s) => `${(s as Sprint).id}:${(s as Sprint).state}`);

  it('reads the closed sprints once, then only the active and future ones', async () => {
    const board = aBoard([
      { id: 1, name: 'S1', state: 'closed' },
      { id: 2, name: 'S2', state: 'active' },
      { id: 3, name: 'S3', state: 'future' },
    ]);
    expect(states(await boardSprintsCached(board.deps, 7))).toEqual(['1:closed', '2:active', '3:future']);
    expect(board.calls.map((c) => new URLSearchParams(c.split('?')[1]).get('state'))).toEqual([
      'active,future',
      'closed',
    ]);
    board.calls.length = 0;
    expect(states(await boardSprintsCached(board.deps, 7))).toEqual(['1:closed', '2:active', '3:future']);
    expect(board.calls).toEqual(['/rest/agile/1.0/board/7/sprint?startAt=0&maxResults=50&state=active,future']);
    expect([...board.values.keys()].every((k) => /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/.test(k))).toBe(true);
  });

  it('reads the closed list again when a sprint it saw live has closed, or when a new one is started and closed', async () => {
    const sprints: Sprint[] = [
      { id: 1, name: 'S1', state: 'closed' },
      { id: 2, name: 'S2', state: 'active' },
    ];
    const board = aBoard(sprints);
    await boardSprintsCached(board.deps, 7);
    sprints.push({ id: 3, name: 'S3', state: 'future' });
    expect(states(await boardSprintsCached(board.deps, 7))).toEqual(['1:closed', '2:active', '3:future']);
    (sprints[1] as Sprint).state = 'closed';
    (sprints[2] as Sprint).state = 'active';
    board.calls.length = 0;
    expect(states(await boardSprintsCached(board.deps, 7))).toEqual(['1:closed', '2:closed', '3:active']);
    expect(board.calls).toHaveLength(2);
    (sprints[2] as Sprint).state = 'closed';
    expect(states(await boardSprintsCached(board.deps, 7))).toEqual(['1:closed', '2:closed', '3:closed']);
  });
});
