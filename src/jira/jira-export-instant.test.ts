// The fast reading of Jira instants in jira-export against parseJiraInstant (the simple version): the same results.
import fc from 'fast-check';
import { jiraInstant } from './jira-export';
import { parseJiraInstant } from './jira-instant';

const two = (n: number): string => String(n).padStart(2, '0');

describe('the fast reading of Jira instants', () => {
  it('gives parseJiraInstant results for Jira-shaped text, valid or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom('+', '-', ' ', 'Z'),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        (y, mo, d, h, mi, s, ms, sign, oh, om) => {
          const text = `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}.${String(ms).padStart(3, '0')}${sign}${two(oh)}${two(om)}`;
          expect(jiraInstant(text)).toBe(parseJiraInstant(text));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it.each([
    '2026-03-02T09:15:00.000+0100',
    '2024-02-29T23:59:59.999-1130',
    '2026-02-29T09:15:00.000+0100',
    '2026-03-02T09:15:00.000+01:00',
    '2026-03-02T09:15:00.000Z',
    ' 2026-03-02T09:15:00.000+010',
    '2026-03-02T09:15:00,000+0100',
    '2026-03-02T24:00:00.000+0100',
    '２026-03-02T09:15:00.000+0100',
    '',
    null,
    12,
  ])('gives parseJiraInstant results for %p', (text) => {
    expect(jiraInstant(text)).toBe(parseJiraInstant(text));
  });

  it('gives parseJiraInstant results for any 28 characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 28, maxLength: 28 }), (text) => {
        expect(jiraInstant(text)).toBe(parseJiraInstant(text));
      }),
    );
  });
});
