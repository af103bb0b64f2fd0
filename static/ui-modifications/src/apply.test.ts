import { changeFor, dataOf } from './apply';

const DATA = { severityFieldId: 'customfield_10100', explanation: 'Gravité qualifiée par l’Administration / …' };

describe('the severity UI modification (issue 10, D5)', () => {
  it('reads its own registration data and ignores anything else', () => {
    expect(dataOf([{ data: 'not json' }, {}, { data: '{"x":1}' }, { data: JSON.stringify(DATA) }])).toEqual(DATA);
    expect(dataOf([{ data: '{"severityFieldId":""}' }])).toBeNull();
  });

  it('leaves the field editable for the Administration, read-only with the explanation for anyone else', () => {
    const view = { explanation: 'Gravité qualifiée (D5) / Severity', group: 'administration-demat' };
    expect(changeFor(DATA, { ok: true, data: { ...view, editable: true } })).toBeNull();
    expect(changeFor(DATA, { ok: true, data: { ...view, editable: false } })).toEqual({
      readOnly: true,
      description: 'Gravité qualifiée (D5) / Severity',
    });
  });

  it('fails closed when the resolver cannot say', () => {
    expect(changeFor(DATA, { ok: false, error: { code: 'INTERNAL', message: 'x' } })).toEqual({
      readOnly: true,
      description: DATA.explanation,
    });
  });
});
