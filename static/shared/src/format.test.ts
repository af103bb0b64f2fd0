// Runs with the host zone pinned to Pacific/Chatham (jest globalSetup): every instant must show in Europe/Paris.
import { formatBusinessDuration, formatDay, formatInstant, formatNumber, formatPercent, formatShare } from './format';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('formatBusinessDuration', () => {
  it.each([
    ['hours and minutes', 3 * HOUR + 20 * MIN, '3 h 20 min', '3 h 20 m'],
    ['whole hours', 4 * HOUR, '4 h', '4 h'],
    ['minutes only', 45 * MIN, '45 min', '45 m'],
    ['zero', 0, '0 min', '0 m'],
    ['under a minute', 30_000, '< 1 min', '< 1 m'],
    ['seconds are truncated', 2 * HOUR + 59_999, '2 h', '2 h'],
    ['more than a day of hours stays in hours', 26 * HOUR + 40 * MIN, '26 h 40 min', '26 h 40 m'],
    ['negative', -2 * HOUR, '-2 h', '-2 h'],
  ])('%s', (_name, ms, fr, en) => {
    expect(formatBusinessDuration(ms, 'fr')).toBe(fr);
    expect(formatBusinessDuration(ms, 'en')).toBe(en);
  });
});

describe('formatInstant', () => {
  it.each([
    ['winter offset', '2026-03-11T14:00:00.000+01:00', 'mer. 11 mars 2026, 14:00', 'Wed 11 March 2026, 14:00'],
    ['UTC input shown in Paris', '2026-03-11T13:00:00Z', 'mer. 11 mars 2026, 14:00', 'Wed 11 March 2026, 14:00'],
    ['summer offset', '2026-07-01T08:05:00+02:00', 'mer. 1 juillet 2026, 08:05', 'Wed 1 July 2026, 08:05'],
    ['midnight is 00:00, not 24:00', '2026-03-29T00:00:00+01:00', 'dim. 29 mars 2026, 00:00', 'Sun 29 March 2026, 00:00'],
    ['the DST change (02:00 skipped)', '2026-03-29T01:00:00Z', 'dim. 29 mars 2026, 03:00', 'Sun 29 March 2026, 03:00'],
  ])('%s', (_name, iso, fr, en) => {
    expect(formatInstant(iso, 'fr')).toBe(fr);
    expect(formatInstant(iso, 'en')).toBe(en);
  });

  it('returns text that is not an instant as it is', () => {
    expect(formatInstant('soon', 'fr')).toBe('soon');
  });
});

describe('formatDay', () => {
  it.each([
    ['a date keeps its day in every zone', '2026-05-01', 'ven. 1 mai 2026'],
    ['an instant late in the evening in Paris', '2026-04-06T23:30:00.000+02:00', 'lun. 6 avril 2026'],
    ['an instant that is already the next day in UTC+12', '2026-04-06T21:30:00Z', 'lun. 6 avril 2026'],
  ])('%s', (_name, text, fr) => {
    expect(formatDay(text, 'fr')).toBe(fr);
  });
});

describe('formatPercent', () => {
  it('rounds down so a clock short of its target never reads 100 %', () => {
    expect(formatPercent(0.999, 'fr')).toBe('99\u00a0%');
    expect(formatPercent(1.5, 'en')).toBe('150%');
  });
});

describe('formatNumber', () => {
  it.each([
    ['a whole number', 8, '8', '8'],
    ['a decimal uses the language\'s separator', 1.5, '1,5', '1.5'],
    ['thousandths are kept', 2.125, '2,125', '2.125'],
    ['groups thousands', 1234.5, '1\u202f234,5', '1,234.5'],
    ['zero', 0, '0', '0'],
    ['negative zero reads 0', -0, '0', '0'],
  ])('%s', (_name, value, fr, en) => {
    expect(formatNumber(value, 'fr')).toBe(fr);
    expect(formatNumber(value, 'en')).toBe(en);
  });

  it('rounds to the decimals asked for', () => {
    expect(formatNumber(0.256, 'fr', 2)).toBe('0,26');
  });
});

describe('formatShare', () => {
  it.each([
    ['a whole percentage', 0.1, '10\u00a0%', '10%'],
    ['one decimal', 0.875, '87,5\u00a0%', '87.5%'],
    ['0.29 is not floored to 28', 0.29, '29\u00a0%', '29%'],
    ['above 100 %', 1.25, '125\u00a0%', '125%'],
    ['rounded to the nearest tenth', 2 / 3, '66,7\u00a0%', '66.7%'],
  ])('%s', (_name, ratio, fr, en) => {
    expect(formatShare(ratio, 'fr')).toBe(fr);
    expect(formatShare(ratio, 'en')).toBe(en);
  });
});
