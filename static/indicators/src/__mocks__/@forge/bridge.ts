// Manual mock of @forge/bridge for the indicators gadget's component tests (the jenkins-for-jira pattern):
// indicators/getMonth answers with October 2026's snapshot, indicators/refresh with a computation just started,
// indicators/export with the file of the format asked; the context is the French view of a gadget configured for
// DEMAT and the previous month. Tests override with mockResolvedValueOnce.
import type { Reply } from '../../../../../src/contract';
import { CONFIGURATION, EXPORTS, aComputingView, aReadyView } from '../../__fixtures__/indicators';

const canned = (key: string, payload: unknown): Reply<unknown> => {
  switch (key) {
    case 'indicators/getMonth':
      return { ok: true, data: aReadyView() };
    case 'indicators/refresh':
      return { ok: true, data: aComputingView() };
    case 'indicators/export': {
      const format = (payload as { readonly format?: unknown } | undefined)?.format;
      return format === 'csv' || format === 'json'
        ? { ok: true, data: EXPORTS[format] }
        : { ok: false, error: { code: 'BAD_REQUEST', message: 'format: csv or json' } };
    }
    default:
      return { ok: false, error: { code: 'BAD_REQUEST', message: `no canned reply for ${key}` } };
  }
};

export const invoke = jest.fn(async (key: string, payload?: unknown): Promise<Reply<unknown>> => canned(key, payload));

export const view = {
  getContext: jest.fn(async () => ({
    locale: 'fr-FR',
    moduleKey: 'contract-indicators',
    accountId: '5b10ac8d82e05b22cc7d4e01',
    extension: {
      type: 'jira:dashboardGadget',
      dashboard: { id: '10010' },
      gadget: { id: '10231' },
      gadgetConfiguration: CONFIGURATION,
    },
  })),
  submit: jest.fn(async (_payload?: unknown) => undefined),
  theme: { enable: jest.fn(async () => undefined) },
};

export const router = {
  open: jest.fn(async (_location: string) => undefined),
};
