import { commonEn, commonFr } from '../../shared/src/i18n/common';
import { makeUseT } from '../../shared/src/i18n/react';
import { validatorEn, validatorFr } from '../../shared/src/i18n/validator';

export const dictionaries = { fr: { ...commonFr, ...validatorFr }, en: { ...commonEn, ...validatorEn } };

export type ValidatorMessageKey = keyof typeof dictionaries.fr;

export const useT = makeUseT(dictionaries);
