import { parseReserveInput, reserveInputText } from './reserve-input';

describe('parseReserveInput', () => {
  it.each([
    ['a whole number', '8', 8],
    ['a decimal comma', '7,5', 7.5],
    ['a decimal point', '7.5', 7.5],
    ['zero', '0', 0],
    ['surrounding spaces', '  12 ', 12],
    ['a space between thousands', '1 250,5', 1250.5],
    ['a no-break space between thousands', '1\u202f250', 1250],
    ['no digit before the comma', ',5', 0.5],
    ['a trailing comma', '3,', 3],
    ['empty', '', null],
    ['negative', '-2', null],
    ['two separators', '1,2,3', null],
    ['letters', '7 pts', null],
    ['an exponent', '1e3', null],
  ])('%s: %p', (_name, input, expected) => {
    expect(parseReserveInput(input)).toBe(expected);
  });
});

describe('reserveInputText', () => {
  it('writes the reserve so that it reads back', () => {
    expect(reserveInputText(7.5, 'fr')).toBe('7,5');
    expect(reserveInputText(7.5, 'en')).toBe('7.5');
    expect(parseReserveInput(reserveInputText(1250.125, 'fr'))).toBe(1250.125);
  });
});
