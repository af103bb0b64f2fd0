// The sprint reserve page's resolvers (D8) through the app's handler, against the seeded board: sprint 1 (closed)
// overflows its reserve, sprint 2 (closed) gives its reserve back, sprint 3 is active.
import type { Reply, SprintBoardView } from '../../src/contract';
import { aForgeSite, userNamed, type ForgeSite } from '../support/forge-site';

const PROJECT_PAGE = {
  moduleKey: 'sprint-reserve-page',
  extension: { type: 'jira:projectPage', project: { key: 'DEMAT' } },
};

const call = async (
  site: ForgeSite,
  key: string,
  payload: unknown,
  user: string,
  context: Record<string, unknown> = PROJECT_PAGE,
) => (await site.host.invoke(key, payload, context, userNamed(site, user))) as Reply<SprintBoardView>;

const sprintNamed = (view: SprintBoardView, name: string) => view.report?.sprints.find((s) => s.name === name);

describe('capacity/getBoard', () => {
  let site: ForgeSite;
  beforeEach(() => {
    site = aForgeSite();
  });

  it('shows the Product Owner every sprint: reserve overflowed, given back, and the active one in focus', async () => {
    const reply = await call(site, 'capacity/getBoard', {}, 'Sophie');
    if (!reply.ok) throw new Error(reply.error.message);
    const view = reply.data;
    expect([view.board?.name, view.report?.unit, view.canSetReserve, view.focusSprintId]).toEqual([
      'Tableau DEMAT',
      'points',
      true,
      3,
    ]);
    const first = sprintNamed(view, 'DEMAT Sprint 1');
    expect(
      first && [first.state, first.capacity, first.reserve, first.consumed, first.overflow, first.consumers],
    ).toEqual(['closed', 8, 1.2, 1.2, 1.8, ['DEMAT-5']]);
    const second = sprintNamed(view, 'DEMAT Sprint 2');
    expect(second && [second.state, second.consumed, second.givenBack, second.overflow]).toEqual([
      'closed',
      0,
      2.85,
      0,
    ]);
    expect(sprintNamed(view, 'DEMAT Sprint 3')?.state).toBe('active');
  });

  it('opens on the sprint of a sprint action', async () => {
    const reply = await call(site, 'capacity/getBoard', {}, 'Paul', {
      moduleKey: 'sprint-reserve-action',
      extension: { type: 'jira:sprintAction', project: { key: 'DEMAT' }, sprint: { id: 2 } },
    });
    expect(reply.ok && reply.data.focusSprintId).toBe(2);
  });

  it('uses the board the sprint action was opened on, and refuses a board of another project', async () => {
    const own = await call(site, 'capacity/getBoard', {}, 'Paul', {
      moduleKey: 'sprint-reserve-action',
      extension: { type: 'jira:sprintAction', project: { key: 'DEMAT' }, board: { id: 1 }, sprint: { id: 3 } },
    });
    expect(own.ok && [own.data.board?.id, own.data.focusSprintId]).toEqual([1, 3]);
    const other = await call(site, 'capacity/getBoard', {}, 'Paul', {
      moduleKey: 'sprint-reserve-action',
      extension: { type: 'jira:sprintAction', project: { key: 'DEMAT' }, board: { id: 99 }, sprint: { id: 3 } },
    });
    expect(other.ok ? null : other.error.code).toBe('NOT_FOUND');
  });

  it('shows nothing to someone who cannot see the project', async () => {
    const reply = await call(site, 'capacity/getBoard', {}, 'Marc');
    expect(reply.ok ? null : reply.error.code).toBe('NOT_FOUND');
  });
});

describe('capacity/setReserve', () => {
  let site: ForgeSite;
  beforeEach(() => {
    site = aForgeSite();
  });

  it("lets the Product Owner lower the active sprint's reserve: the overflow and the stories to move out appear", async () => {
    const reply = await call(site, 'capacity/setReserve', { sprintId: 3, reserve: 3 }, 'Sophie');
    if (!reply.ok) throw new Error(reply.error.message);
    const active = sprintNamed(reply.data, 'DEMAT Sprint 3');
    expect(active && [active.reserve, active.reserveSource, active.overflow, active.moveOutCandidates]).toEqual([
      3,
      'per-sprint',
      2,
      ['DEMAT-25'],
    ]);
    expect(reply.data.reserves['3']).toEqual({
      value: 3,
      setBy: userNamed(site, 'Sophie'),
      setByName: 'Sophie Bernard',
      setAt: expect.any(String),
    });
    const cleared = await call(site, 'capacity/setReserve', { sprintId: 3, reserve: null }, 'Sophie');
    expect(cleared.ok && sprintNamed(cleared.data, 'DEMAT Sprint 3')?.reserveSource).toBe('default-rate');
  });

  it('refuses a developer, and stores nothing', async () => {
    const reply = await call(site, 'capacity/setReserve', { sprintId: 3, reserve: 3 }, 'Paul');
    expect(reply.ok ? null : reply.error.code).toBe('FORBIDDEN');
    expect(site.kvs.keys().filter((k) => k.startsWith('reserves:'))).toEqual([]);
  });

  it('lets the members of the Product Owner group set reserves when the settings name one', async () => {
    await site.host.invoke(
      'settings/save',
      { document: { productOwnerGroup: 'titulaire-dev' }, expectedVersion: 0 },
      { moduleKey: 'settings-page' },
      userNamed(site, 'Claire'),
    );
    const reply = await call(site, 'capacity/setReserve', { sprintId: 3, reserve: 4 }, 'Paul');
    expect(reply.ok && reply.data.canSetReserve).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['a closed sprint', { sprintId: 1, reserve: 2 }, 'BAD_REQUEST'],
    ['a sprint of another board', { sprintId: 99, reserve: 2 }, 'NOT_FOUND'],
    ['a negative reserve', { sprintId: 3, reserve: -1 }, 'BAD_REQUEST'],
    ['a reserve that is not a number', { sprintId: 3, reserve: '5 pts' }, 'BAD_REQUEST'],
    ['extra keys', { sprintId: 3, reserve: 2, boardId: 7 }, 'BAD_REQUEST'],
  ])('refuses %s', async (_name, payload, code) => {
    const reply = await call(site, 'capacity/setReserve', payload, 'Sophie');
    expect(reply.ok ? null : reply.error.code).toBe(code);
    expect(site.kvs.keys().filter((k) => k.startsWith('reserves:'))).toEqual([]);
  });
});

describe('capacity/getBoard on a second load', () => {
  it('reads only the active and future sprints from Jira: the closed ones come from the store, with the same page', async () => {
    const site = aForgeSite();
    const load = () => site.host.invokeCounted('capacity/getBoard', {}, PROJECT_PAGE, userNamed(site, 'Sophie'));
    const sprintCalls = (calls: readonly { path: string }[]) =>
      calls.filter((c) => /^\/rest\/agile\/1\.0\/board\/\d+\/sprint$/.test(c.path)).length;
    const first = await load();
    const second = await load();
    expect([sprintCalls(first.jiraCalls), sprintCalls(second.jiraCalls)]).toEqual([2, 1]);
    expect(second.jiraCalls.length).toBeLessThan(first.jiraCalls.length);
    // The resolver measures at its own clock: the sprints and their figures, not the measure instant, are compared.
    const figures = (reply: unknown) =>
      (reply as Reply<SprintBoardView>).ok
        ? (reply as { data: SprintBoardView }).data.report?.sprints.map((s) => [
            s.sprintId,
            s.state,
            s.capacity,
            s.reserve,
            s.consumed,
            s.overflow,
          ])
        : reply;
    expect(figures(second.result)).toEqual(figures(first.result));
    expect(figures(first.result)).toHaveLength(3);
    expect(site.kvs.keys().filter((k) => k.startsWith('cache:closed-sprints:'))).toEqual([
      'cache:closed-sprints:board:1',
    ]);
  });
});
