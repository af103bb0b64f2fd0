import { adminEn, adminFr } from './admin';
import { commonEn, commonFr } from './common';
import { panelEn, panelFr } from './panel';
import { reserveEn, reserveFr } from './reserve';
import { interpolate, isSingular, langOf, translator } from './translate';
import { validatorEn, validatorFr } from './validator';

describe('langOf', () => {
  it.each([
    ['fr-FR', 'fr'],
    ['en-US', 'en'],
    ['en_GB', 'en'],
    ['EN', 'en'],
    ['de-DE', 'fr'],
    [undefined, 'fr'],
    ['', 'fr'],
  ])('reads %p as %p', (locale, lang) => {
    expect(langOf(locale)).toBe(lang);
  });
});

describe('translator', () => {
  const t = translator(
    { fr: { hi: 'Bonjour {who}', only: 'seulement en français' }, en: { hi: 'Hello {who}', only: '' } },
    'en',
  );

  it('fills placeholders', () => {
    expect(t('hi', { who: 'Claire' })).toBe('Hello Claire');
  });

  it('leaves an unknown placeholder as written, so a missing value shows', () => {
    expect(interpolate('{a} et {b}', { a: 1 })).toBe('1 et {b}');
  });

  it('counts 0 and 1 as singular in French, only 1 in English', () => {
    expect([0, 1, 2].map((n) => isSingular(n, 'fr'))).toEqual([true, true, false]);
    expect([0, 1, 2].map((n) => isSingular(n, 'en'))).toEqual([false, true, false]);
  });
});

describe('dictionaries', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it.each([
    ['common', commonFr, commonEn],
    ['panel', panelFr, panelEn],
    ['admin', adminFr, adminEn],
    ['validator', validatorFr, validatorEn],
    ['reserve', reserveFr, reserveEn],
  ] as const)('%s: English has the same keys and placeholders as French', (_name, fr, en) => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const [key, text] of Object.entries(fr))
      expect([key, placeholders((en as Record<string, string>)[key] ?? '')]).toEqual([key, placeholders(text)]);
  });
});
