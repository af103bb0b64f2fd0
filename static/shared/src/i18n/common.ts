// Sentences every surface uses: loading, retrying, and what a failed resolver call means (by Reply error code).

export const commonFr = {
  'common.loading': 'Chargement…',
  'common.retry': 'Réessayer',
  'common.none': '—',
  'common.yes': 'oui',
  'common.no': 'non',
  'common.errorDetail': 'Détail technique : {code} — {message}',
  'error.BAD_REQUEST': 'La demande envoyée au serveur est invalide.',
  'error.NOT_FOUND': 'L’élément demandé est introuvable.',
  'error.FORBIDDEN': 'Vous n’avez pas les droits nécessaires.',
  'error.CONFLICT': 'Les données ont été modifiées par quelqu’un d’autre entre-temps : rechargez la page.',
  'error.INVALID_SETTINGS': 'Les réglages contiennent des erreurs.',
  'error.INTERNAL':
    'Une erreur interne est survenue. Réessayez dans un instant ; si elle persiste, prévenez l’administrateur Jira.',
  'error.JIRA_BUSY': 'Jira est momentanément surchargé (limite de débit) : réessayez dans quelques secondes.',
  'error.UNKNOWN': 'Une erreur inattendue est survenue.',
} as const;

export type CommonKey = keyof typeof commonFr;

export const commonEn: Record<CommonKey, string> = {
  'common.loading': 'Loading…',
  'common.retry': 'Retry',
  'common.none': '—',
  'common.yes': 'yes',
  'common.no': 'no',
  'common.errorDetail': 'Technical detail: {code} — {message}',
  'error.BAD_REQUEST': 'The request sent to the server is invalid.',
  'error.NOT_FOUND': 'The requested item cannot be found.',
  'error.FORBIDDEN': 'You do not have the required permissions.',
  'error.CONFLICT': 'Someone else changed the data in the meantime: reload the page.',
  'error.INVALID_SETTINGS': 'The settings contain errors.',
  'error.INTERNAL': 'An internal error occurred. Try again in a moment; if it persists, tell your Jira administrator.',
  'error.JIRA_BUSY': 'Jira is busy for a moment (rate limit): try again in a few seconds.',
  'error.UNKNOWN': 'An unexpected error occurred.',
};

/** The dictionary key of a Reply error code (codes outside ErrorCode, such as a bridge failure, read as UNKNOWN). */
export const errorKeyOf = (code: string): CommonKey => {
  const key = `error.${code}`;
  return key in commonFr ? (key as CommonKey) : 'error.UNKNOWN';
};
