// How names read from Jira are compared: case, accents, apostrophes and spacing do not matter ("Validée" = "validee").

/**
 * Folds a name for comparison.
 * @example foldName("  En attente  Administration ") // "en attente administration"
 * @example foldName("Début d’incident") // "debut d'incident"
 */
export const foldName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** A set of folded names, for membership tests that ignore case and accents. */
export const foldedSet = (names: readonly string[]): ReadonlySet<string> => new Set(names.map(foldName));
