// The UI speaks French first, English second: French unless the Forge context's locale starts with "en".
// A dictionary maps a key to a sentence with `{name}` placeholders; English falls back to French, French to the key.

export type Lang = 'fr' | 'en';

export type Vars = Readonly<Record<string, string | number>>;

export type Translate<K extends string> = (key: K, vars?: Vars) => string;

export type Dictionaries<K extends string> = {
  readonly fr: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
};

/**
 * The language of a Forge locale ("fr-FR", "en_US", "en"…).
 * @example langOf('en-GB') // 'en'
 * @example langOf(undefined) // 'fr'
 */
export const langOf = (locale: string | null | undefined): Lang =>
  (locale ?? '').trim().toLowerCase().startsWith('en') ? 'en' : 'fr';

/** The BCP 47 tag used for Intl formatting in each language. */
export const intlLocaleOf = (lang: Lang): string => (lang === 'en' ? 'en-GB' : 'fr-FR');

const PLACEHOLDER = /\{(\w+)\}/g;

/** Replaces `{name}` with `vars.name`; an unknown placeholder is left as written, so a missing value shows. */
export const interpolate = (text: string, vars?: Vars): string =>
  vars === undefined
    ? text
    : text.replace(PLACEHOLDER, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

/**
 * A `t(key, vars)` for one language.
 * @example translator({ fr: { hi: 'Bonjour {who}' }, en: { hi: 'Hello {who}' } }, 'en')('hi', { who: 'Claire' }) // 'Hello Claire'
 */
export const translator =
  <K extends string>(dictionaries: Dictionaries<K>, lang: Lang): Translate<K> =>
  (key, vars) =>
    interpolate(dictionaries[lang][key] ?? dictionaries.fr[key] ?? key, vars);

/** French counts 0 and 1 as singular, English only 1. */
export const isSingular = (count: number, lang: Lang): boolean =>
  lang === 'fr' ? Math.abs(count) < 2 : Math.abs(count) === 1;
