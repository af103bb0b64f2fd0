import { commonEn, commonFr } from '../../shared/src/i18n/common';
import { makeUseT } from '../../shared/src/i18n/react';
import { reserveEn, reserveFr } from '../../shared/src/i18n/reserve';

// The page's own wording overrides the common one (its NOT_FOUND and FORBIDDEN name the project's sprints).
export const dictionaries = { fr: { ...commonFr, ...reserveFr }, en: { ...commonEn, ...reserveEn } };

export type ReserveMessageKey = keyof typeof dictionaries.fr;

export const useT = makeUseT(dictionaries);

/** Whether `key` is in the dictionary, so a code the server adds later still shows (as the server's sentence). */
export const hasKey = (key: string): key is ReserveMessageKey => key in dictionaries.fr;
