// Manual mock of @forge/bridge for the sprint reserve page's component tests (the jenkins-for-jira pattern):
// capacity/getBoard answers with the Product Owner's board, capacity/setReserve with the board after the save; the
// context is a French project page. Tests override with mockResolvedValueOnce.
import type { Reply, SprintBoardView } from '../../../../../src/contract';
import { VIEWER, aBoardView, boardAfterSave } from '../../__fixtures__/board';

const canned = (key: string, payload: unknown): Reply<SprintBoardView> => {
  switch (key) {
    case 'capacity/getBoard':
      return { ok: true, data: aBoardView() };
    case 'capacity/setReserve': {
      const reserve = (payload as { readonly reserve?: number | null } | undefined)?.reserve;
      return { ok: true, data: boardAfterSave(typeof reserve === 'number' ? reserve : null) };
    }
    default:
      return { ok: false, error: { code: 'BAD_REQUEST', message: `no canned reply for ${key}` } };
  }
};

export const invoke = jest.fn(async (key: string, payload?: unknown): Promise<Reply<SprintBoardView>> =>
  canned(key, payload),
);

export const view = {
  getContext: jest.fn(async () => ({
    locale: 'fr-FR',
    moduleKey: 'sprint-reserve-page',
    accountId: VIEWER,
    extension: { type: 'jira:projectPage', project: { id: '10000', key: 'DEM', type: 'software' } },
  })),
  theme: { enable: jest.fn(async () => undefined) },
};
