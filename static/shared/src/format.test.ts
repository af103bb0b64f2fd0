// Runs with the host zone pinned to Pacific/Chatham (jest globalSetup): every instant must show in Europe/Paris.
import {
  formatBusinessDuration,
  formatCalendarDuration,
  formatDay,
  displayInstant,
  formatMonth,
  formatNumber,
  formatPercent,
  formatShare,
  monthOf,
} from './format';

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

describe('displayInstant', () => {
  it.each([
    ['winter offset', '2026-03-11T14:00:00.000+01:00', 'mer. 11 mars 2026, 14:00', 'Wed 11 March 2026, 14:00'],
    ['UTC input shown in Paris', '2026-03-11T13:00:00Z', 'mer. 11 mars 2026, 14:00', 'Wed 11 March 2026, 14:00'],
    ['summer offset', '2026-07-01T08:05:00+02:00', 'mer. 1 juillet 2026, 08:05', 'Wed 1 July 2026, 08:05'],
    [
      'midnight is 00:00, not 24:00',
      '2026-03-29T00:00:00+01:00',
      'dim. 29 mars 2026, 00:00',
      'Sun 29 March 2026, 00:00',
    ],
    ['the DST change (02:00 skipped)', '2026-03-29T01:00:00Z', 'dim. 29 mars 2026, 03:00', 'Sun 29 March 2026, 03:00'],
  ])('%s', (_name, iso, fr, en) => {
    expect(displayInstant(iso, 'fr')).toBe(fr);
    expect(displayInstant(iso, 'en')).toBe(en);
  });

  it('returns text that is not an instant as it is', () => {
    expect(displayInstant('soon', 'fr')).toBe('soon');
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
    ["a decimal uses the language's separator", 1.5, '1,5', '1.5'],
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

describe('formatCalendarDuration', () => {
  it.each([
    ['days and hours', 3 * 24 * HOUR + 4 * HOUR, '3 j 4 h', '3 d 4 h'],
    ['whole days', 2 * 24 * HOUR, '2 j', '2 d'],
    ['minutes are truncated past a day', 24 * HOUR + 59 * MIN, '1 j', '1 d'],
    ['under a day reads hours and minutes', 12 * HOUR + 30 * MIN, '12 h 30 min', '12 h 30 m'],
    ['just under a day', 24 * HOUR - MIN, '23 h 59 min', '23 h 59 m'],
    ['zero', 0, '0 min', '0 m'],
    ['negative', -(2 * 24 * HOUR + 5 * HOUR), '-2 j 5 h', '-2 d 5 h'],
  ])('%s', (_name, ms, fr, en) => {
    expect(formatCalendarDuration(ms, 'fr')).toBe(fr);
    expect(formatCalendarDuration(ms, 'en')).toBe(en);
  });
});

describe('formatMonth', () => {
  it.each([
    ['October', '2026-10', 'octobre 2026', 'October 2026', 'oct. 26'],
    ['January keeps its year (no zone can move it to December)', '2027-01', 'janvier 2027', 'January 2027', 'janv. 27'],
    ['December', '2026-12', 'décembre 2026', 'December 2026', 'déc. 26'],
  ])('%s', (_name, month, fr, en, frShort) => {
    expect(formatMonth(month, 'fr')).toBe(fr);
    expect(formatMonth(month, 'en')).toBe(en);
    expect(formatMonth(month, 'fr', 'short')).toBe(frShort);
  });

  it('returns text that is not a month as it is', () => {
    expect(formatMonth('previous', 'fr')).toBe('previous');
    expect(formatMonth('2026-13', 'fr')).toBe('2026-13');
  });
});

describe('monthOf', () => {
  it.each([
    ['mid-month', '2026-10-15T12:00:00Z', '2026-10'],
    ['the last evening of October in UTC is November in Paris', '2026-10-31T23:30:00Z', '2026-11'],
    [
      'the first morning of a month in Paris is still the previous month in UTC',
      '2026-06-01T00:30:00+02:00',
      '2026-06',
    ],
  ])('%s', (_name, iso, month) => {
    expect(monthOf(Date.parse(iso))).toBe(month);
  });
});
