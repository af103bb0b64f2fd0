import { resolveField } from './resolve-field';

const names = { customfield_10100: 'Gravité', customfield_10101: 'Environnement de détection', status: 'Status' };

describe('resolveField: one rule for a field named by the settings (issue 9)', () => {
  it('takes a field id of the names as it is, with its display name', () => {
    expect(resolveField('customfield_10101', names)).toEqual({
      id: 'customfield_10101',
      name: 'Environnement de détection',
      found: true,
    });
  });

  it('finds a display name ignoring case and accents, keeping the reference as the changelog name', () => {
    expect(resolveField('GRAVITE', names)).toEqual({ id: 'customfield_10100', name: 'GRAVITE', found: true });
  });

  it('keeps an unknown reference as both id and name, not found', () => {
    expect(resolveField('customfield_99999', names)).toEqual({
      id: 'customfield_99999',
      name: 'customfield_99999',
      found: false,
    });
    expect(resolveField('Urgence', {})).toEqual({ id: 'Urgence', name: 'Urgence', found: false });
  });
});
