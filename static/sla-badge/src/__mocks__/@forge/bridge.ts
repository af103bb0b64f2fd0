// Manual mock of @forge/bridge for the badge's component tests: the resolver answers with a canned Reply, the
// context is a French issue view, and Modal records what it was opened with. Tests override with mockResolvedValueOnce.
import type { Reply, SlaBadgeView } from '../../../../../src/contract';
import { aBadgeView } from '../../__fixtures__/views';

export const invoke = jest.fn(async (_key: string, _payload?: unknown): Promise<Reply<SlaBadgeView>> => ({
  ok: true,
  data: aBadgeView(),
}));

export const view = {
  getContext: jest.fn(async () => ({
    locale: 'fr-FR',
    moduleKey: 'sla-badge',
    accountId: '5b10ac8d82e05b22cc7d4e01',
    extension: { type: 'jira:issueContext', issue: { key: 'DEMAT-42', id: '10042' }, project: { key: 'DEMAT' } },
  })),
  theme: { enable: jest.fn(async () => undefined) },
};

export const modalOpened = jest.fn((_options: unknown) => undefined);

export class Modal {
  readonly options: { readonly resource?: string; readonly onClose?: (payload?: unknown) => void };
  constructor(options: { readonly resource?: string; readonly onClose?: (payload?: unknown) => void }) {
    this.options = options;
  }
  async open(): Promise<void> {
    modalOpened(this.options);
  }
}
