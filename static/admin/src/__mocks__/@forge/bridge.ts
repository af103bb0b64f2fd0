// Manual mock of @forge/bridge for the admin page's component tests (the jenkins-for-jira pattern): settings/get
// answers with the canned view, settings/check finds no problem, settings/save moves to the next version.
import type { Reply } from '../../../../../src/contract';
import { aSettingsView } from '../../__fixtures__/settings';

const canned = (key: string): Reply<unknown> => {
  switch (key) {
    case 'settings/get':
      return { ok: true, data: aSettingsView() };
    case 'settings/check':
      return { ok: true, data: { problems: [], holidays: aSettingsView().holidays } };
    case 'settings/save':
      return { ok: true, data: { version: 5, updatedAt: '2026-03-11T14:00:00.000+01:00' } };
    default:
      return { ok: false, error: { code: 'BAD_REQUEST', message: `no canned reply for ${key}` } };
  }
};

export const invoke = jest.fn(async (key: string, _payload?: unknown): Promise<Reply<unknown>> => canned(key));

export const view = {
  getContext: jest.fn(async () => ({
    locale: 'fr-FR',
    moduleKey: 'admin-page',
    accountId: '5b10ac8d82e05b22cc7d4e01',
    extension: { type: 'jira:adminPage' },
  })),
  theme: { enable: jest.fn(async () => undefined) },
};
