// The warning's text (issue 10, item 4): French first, which clock, the time left, the due instant in Paris, a link.
import { durationText, dueText, issueLink, warningText } from './warning-text';

const base = {
  issueKey: 'DEMAT-7',
  siteUrl: 'https://demat-ads.atlassian.net/',
  clock: 'resolution' as const,
  threshold: 75,
  remainingMs: 3 * 3_600_000 + 20 * 60_000,
  dueAt: '2026-04-24T16:00:00.000Z',
};

describe('warningText (issue 10)', () => {
  it('says the clock, the time left, the due instant in Europe/Paris and links the issue, French first', () => {
    const text = warningText(base);
    expect(text.subject).toBe('[DEMAT-7] SLA : 75 % du délai de correction écoulé / 75% of the fix time elapsed');
    const [fr, en, link] = text.textBody.split('\n');
    expect(fr).toBe('Délai de correction de DEMAT-7 : reste 3 h 20 min (temps ouvré), échéance le 24/04 à 18:00.');
    expect(en).toBe('DEMAT-7 fix time: 3 h 20 min left (business time), due on 24/04 at 18:00 (Paris time).');
    expect(link).toBe('https://demat-ads.atlassian.net/browse/DEMAT-7');
    expect(text.htmlBody).toContain('<a href="https://demat-ads.atlassian.net/browse/DEMAT-7">DEMAT-7</a>');
  });

  it('at the breach says "délai dépassé" for the workaround clock', () => {
    const text = warningText({ ...base, clock: 'workaround', threshold: 100, remainingMs: -60_000 });
    expect(text.subject).toBe('[DEMAT-7] SLA : délai de contournement dépassé / workaround deadline passed');
    expect(text.textBody).toContain('Délai de contournement de DEMAT-7 : délai dépassé, échéance le 24/04 à 18:00.');
    expect(text.textBody).toContain('deadline passed');
  });

  it('uses the winter offset of Paris (UTC+1) for a January due instant', () => {
    expect(dueText('2026-01-15T08:30:00Z')?.fr).toBe('échéance le 15/01 à 09:30');
    expect(dueText(null)).toBeNull();
    expect(dueText('not a date')).toBeNull();
  });

  it('formats durations in hours and minutes, never negative', () => {
    expect(durationText(45 * 60_000)).toBe('45 min');
    expect(durationText(27 * 3_600_000)).toBe('27 h');
    expect(durationText(-5)).toBe('0 min');
  });

  it('escapes HTML and builds a relative link without a site URL', () => {
    expect(issueLink(null, 'DEMAT-1')).toBe('/browse/DEMAT-1');
    const text = warningText({ ...base, issueKey: 'A<b>-1' });
    expect(text.htmlBody).not.toContain('<b>');
  });
});
