import { commonEn, commonFr } from '../../shared/src/i18n/common';
import { vocabularyEn, vocabularyFr } from '../../shared/src/i18n/vocabulary';
import { panelEn, panelFr } from '../../shared/src/i18n/panel';
import { makeUseT } from '../../shared/src/i18n/react';

// The panel's own wording overrides the common one (its NOT_FOUND names the issue).
export const dictionaries = {
  fr: { ...commonFr, ...vocabularyFr, ...panelFr },
  en: { ...commonEn, ...vocabularyEn, ...panelEn },
};

export type PanelMessageKey = keyof typeof dictionaries.fr;

export const useT = makeUseT(dictionaries);

/** Whether `prefix.value` is a key of the dictionary, so a value the server adds later still shows (as itself). */
export const hasKey = (key: string): key is PanelMessageKey => key in dictionaries.fr;
