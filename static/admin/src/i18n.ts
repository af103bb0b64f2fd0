import { adminEn, adminFr } from '../../shared/src/i18n/admin';
import { commonEn, commonFr } from '../../shared/src/i18n/common';
import { vocabularyEn, vocabularyFr } from '../../shared/src/i18n/vocabulary';
import { makeUseT } from '../../shared/src/i18n/react';

// The admin page's own wording overrides the common one (its FORBIDDEN names Jira administrators).
export const dictionaries = {
  fr: { ...commonFr, ...vocabularyFr, ...adminFr },
  en: { ...commonEn, ...vocabularyEn, ...adminEn },
};

export type AdminMessageKey = keyof typeof dictionaries.fr;

export const useT = makeUseT(dictionaries);
