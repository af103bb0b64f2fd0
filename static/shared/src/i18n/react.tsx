// The language as React context, so components render in the viewer's language without prop drilling.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translator, type Dictionaries, type Lang, type Translate } from './translate';

const LangContext = createContext<Lang>('fr');

export const LangProvider = ({ lang, children }: { readonly lang: Lang; readonly children: ReactNode }) => (
  <LangContext.Provider value={lang}>{children}</LangContext.Provider>
);

export const useLang = (): Lang => useContext(LangContext);

/** Binds a surface's dictionaries to the context language: `const useT = makeUseT(dictionaries)`. */
export const makeUseT =
  <K extends string>(dictionaries: Dictionaries<K>) =>
  (): Translate<K> => {
    const lang = useLang();
    return useMemo(() => translator(dictionaries, lang), [lang]);
  };
