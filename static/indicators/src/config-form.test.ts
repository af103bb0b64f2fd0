import { checkConfiguration, initialValues } from './config-form';
import { gadgetContextOf } from './context';

const CURRENT = '2026-11';

describe('checkConfiguration', () => {
  it.each([
    [
      'a key and the previous month',
      { projectKey: 'DEMAT', monthChoice: 'previous', month: '' },
      { projectKey: 'DEMAT', month: 'previous' },
    ],
    [
      'a lower-case key is upper-cased',
      { projectKey: ' demat ', monthChoice: 'previous', month: '2026-03' },
      { projectKey: 'DEMAT', month: 'previous' },
    ],
    [
      'a key with digits and a given month',
      { projectKey: 'DEM2', monthChoice: 'specific', month: '2026-10' },
      { projectKey: 'DEM2', month: '2026-10' },
    ],
    [
      'the current month (in progress) is allowed',
      { projectKey: 'DEMAT', monthChoice: 'specific', month: '2026-11' },
      { projectKey: 'DEMAT', month: '2026-11' },
    ],
  ] as const)('accepts %s', (_name, values, configuration) => {
    expect(checkConfiguration(values, CURRENT)).toEqual({ ok: true, value: configuration });
  });

  it.each([
    ['no key', { projectKey: '  ', monthChoice: 'previous', month: '' }, { projectKey: 'required' }],
    [
      'a key starting with a digit',
      { projectKey: '2DEM', monthChoice: 'previous', month: '' },
      { projectKey: 'invalid' },
    ],
    ['a key with a space', { projectKey: 'DE MAT', monthChoice: 'previous', month: '' }, { projectKey: 'invalid' }],
    ['a one-letter key', { projectKey: 'D', monthChoice: 'previous', month: '' }, { projectKey: 'invalid' }],
    ['a given month left empty', { projectKey: 'DEMAT', monthChoice: 'specific', month: '' }, { month: 'required' }],
    ['month 13', { projectKey: 'DEMAT', monthChoice: 'specific', month: '2026-13' }, { month: 'invalid' }],
    ['a French date', { projectKey: 'DEMAT', monthChoice: 'specific', month: '10/2026' }, { month: 'invalid' }],
    ['a month to come', { projectKey: 'DEMAT', monthChoice: 'specific', month: '2026-12' }, { month: 'future' }],
    [
      'both wrong',
      { projectKey: '', monthChoice: 'specific', month: '2027-01' },
      { projectKey: 'required', month: 'future' },
    ],
  ] as const)('refuses %s', (_name, values, problems) => {
    expect(checkConfiguration(values, CURRENT)).toEqual({ ok: false, problems });
  });
});

describe('initialValues', () => {
  it.each([
    ['nothing saved', {}, { projectKey: '', monthChoice: 'previous', month: '' }],
    [
      'the previous month',
      { projectKey: 'DEMAT', month: 'previous' },
      { projectKey: 'DEMAT', monthChoice: 'previous', month: '' },
    ],
    [
      'a given month',
      { projectKey: 'DEMAT', month: '2026-10' },
      { projectKey: 'DEMAT', monthChoice: 'specific', month: '2026-10' },
    ],
  ] as const)('%s', (_name, saved, values) => {
    expect(initialValues(saved)).toEqual(values);
  });
});

describe('gadgetContextOf', () => {
  it.each([
    [
      'the edit entry point, in English',
      {
        locale: 'en-GB',
        extension: { entryPoint: 'edit', gadgetConfiguration: { projectKey: 'DEMAT', month: 'previous' } },
      },
      { lang: 'en', mode: 'edit', saved: { projectKey: 'DEMAT', month: 'previous' } },
    ],
    [
      'the view before any save',
      { locale: 'fr-FR', extension: { type: 'jira:dashboardGadget', gadgetConfiguration: {} } },
      { lang: 'fr', mode: 'view', saved: {} },
    ],
    [
      'malformed fields are left out',
      { extension: { gadgetConfiguration: { projectKey: 12, month: ' 2026-10 ' } } },
      { lang: 'fr', mode: 'view', saved: { month: '2026-10' } },
    ],
    ['no context', null, { lang: 'fr', mode: 'view', saved: {} }],
  ] as const)('%s', (_name, context, expected) => {
    expect(gadgetContextOf(context)).toEqual(expected);
  });
});
