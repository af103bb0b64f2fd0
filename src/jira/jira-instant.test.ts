import { parseJiraInstant } from './jira-instant';

describe('parseJiraInstant', () => {
  it.each<[string, unknown, number | null]>([
    ['Jira Cloud form, offset without colon', '2026-03-02T09:15:00.000+0100', Date.UTC(2026, 2, 2, 8, 15)],
    ['offset with colon (agile API)', '2026-03-30T09:00:00.000+02:00', Date.UTC(2026, 2, 30, 7)],
    ['UTC designator', '2026-03-02T08:15:00Z', Date.UTC(2026, 2, 2, 8, 15)],
    ['microseconds are cut to milliseconds', '2026-03-02T08:15:00.123456Z', Date.UTC(2026, 2, 2, 8, 15, 0, 123)],
    ['no offset: refused (would depend on the host zone)', '2026-03-02T09:15:00.000', null],
    ['a date only: refused', '2026-03-02', null],
    ['French text: refused', '2 mars 2026', null],
    ['a number: refused', 1772439300000, null],
    ['null: refused', null, null],
  ])('%s', (_name, input, expected) => {
    expect(parseJiraInstant(input)).toBe(expected);
  });
});
