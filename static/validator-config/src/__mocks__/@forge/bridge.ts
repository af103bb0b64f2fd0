// Manual mock of @forge/bridge for the validator screen's component tests (the jenkins-for-jira pattern): the
// options list two groups and the app's fields; buildConfig answers with the configuration for the request.
import type { Reply, ValidatorOptionsView } from '../../../../../src/contract';

export const OPTIONS: ValidatorOptionsView = {
  groups: ['administration-demat', 'titulaire-dev'],
  fields: [
    { id: 'customfield_10100', name: 'Gravité' },
    { id: 'customfield_10101', name: 'Environnement de détection' },
    { id: 'customfield_10200', name: 'Priorité client' },
  ],
  appFields: { severity: 'customfield_10100', 'detection-environment': 'customfield_10101' },
};

const canned = (key: string, payload: unknown): Reply<unknown> => {
  switch (key) {
    case 'validators/getOptions':
      return { ok: true, data: OPTIONS };
    case 'validators/buildConfig':
      return { ok: true, data: { ...(payload as object), expression: 'true' } };
    default:
      return { ok: false, error: { code: 'BAD_REQUEST', message: `no canned reply for ${key}` } };
  }
};

export const invoke = jest.fn(async (key: string, payload?: unknown): Promise<Reply<unknown>> => canned(key, payload));

export const view = {
  getContext: jest.fn(async () => ({
    locale: 'fr-FR',
    moduleKey: 'administration-validator',
    extension: { type: 'jira:workflowValidator' },
  })),
  theme: { enable: jest.fn(async () => undefined) },
};
