import { commonEn, commonFr } from '../../shared/src/i18n/common';
import { makeUseT } from '../../shared/src/i18n/react';
import { validatorEn, validatorFr } from '../../shared/src/i18n/validator';

// The workflow condition "réservé à l'Administration" (issue 10, D5), configured by the same screens.
const conditionFr = {
  'validator.title.administration-condition': 'Transition visible par l’Administration seulement',
  'validator.intro.administration-condition':
    'Cache la transition aux utilisateurs hors du groupe choisi ; le validateur « réservé à l’Administration » reste la garde côté serveur.',
  'validator.condition.help':
    'Le groupe des réglages (administrationGroup). Tant que la condition n’est pas configurée, seul « administration-demat » la voit.',
};
const conditionEn: { readonly [K in keyof typeof conditionFr]: string } = {
  'validator.title.administration-condition': 'Transition shown to the Administration only',
  'validator.intro.administration-condition':
    'Hides the transition from users outside the chosen group; the "Administration only" validator stays the server-side guard.',
  'validator.condition.help':
    'The settings’ group (administrationGroup). Until the condition is configured, only “administration-demat” sees it.',
};

export const dictionaries = {
  fr: { ...commonFr, ...validatorFr, ...conditionFr },
  en: { ...commonEn, ...validatorEn, ...conditionEn },
};

export type ValidatorMessageKey = keyof typeof dictionaries.fr;

export const useT = makeUseT(dictionaries);
