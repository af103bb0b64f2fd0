import { commonEn, commonFr } from '../../shared/src/i18n/common';
import { indicatorsEn, indicatorsFr } from '../../shared/src/i18n/indicators';
import { makeUseT } from '../../shared/src/i18n/react';

// The gadget's own wording overrides the common one (its NOT_FOUND and FORBIDDEN name the project).
export const dictionaries = { fr: { ...commonFr, ...indicatorsFr }, en: { ...commonEn, ...indicatorsEn } };

export type IndicatorsMessageKey = keyof typeof dictionaries.fr;

export const useT = makeUseT(dictionaries);

/** Whether `key` is in the dictionary, so a code the server adds later still shows (as the server's text). */
export const hasKey = (key: string): key is IndicatorsMessageKey => key in dictionaries.fr;
