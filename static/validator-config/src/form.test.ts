import { buildRequest, checkForm, initialValues, kindOf } from './form';

describe('the workflow condition administration-condition in the configuration form (issue 10, D5)', () => {
  it('is picked by its module key and sends only the group', () => {
    expect(kindOf('administration-condition', null)).toBe('administration-condition');
    expect(kindOf('ari-prefix/administration-condition', null)).toBe('administration-condition');
    const values = { ...initialValues(null, null), group: ' administration-demat ', transitionIds: '51' };
    expect(buildRequest('administration-condition', values)).toEqual({
      kind: 'administration-condition',
      group: 'administration-demat',
    });
  });

  it('requires a group', () => {
    expect(checkForm('administration-condition', { ...initialValues(null, null), group: ' ' })).toEqual({
      group: { key: 'validator.required' },
    });
  });
});
