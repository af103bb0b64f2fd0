// Manual mock of @forge/bridge for the panel's component tests (the jenkins-for-jira pattern): resolvers answer
// with a canned Reply, the context is a French issue panel. Tests override with mockResolvedValueOnce.
import type { IssueSlaPanelView, Reply } from '../../../../../src/contract';
import { aPanelView } from '../../__fixtures__/views';

export const invoke = jest.fn(async (_key: string, _payload?: unknown): Promise<Reply<IssueSlaPanelView>> => ({
  ok: true,
  data: aPanelView(),
}));

export const view = {
  getContext: jest.fn(async () => ({
    locale: 'fr-FR',
    moduleKey: 'sla-panel',
    accountId: '5b10ac8d82e05b22cc7d4e01',
    extension: { type: 'jira:issuePanel', issue: { key: 'DEM-42', type: 'Anomalie' }, project: { key: 'DEM' } },
  })),
  theme: { enable: jest.fn(async () => undefined) },
};
