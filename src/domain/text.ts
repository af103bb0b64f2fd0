// How names read from Jira are compared: case, accents, apostrophes and spacing do not matter ("Validée" = "validee").

const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 10_000;

const foldUncached = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Folds a name for comparison. Names repeat (a few dozen statuses and fields), so results are remembered.
 * @example foldName("  En attente  Administration ") // "en attente administration"
 * @example foldName("Début d’incident") // "debut d'incident"
 */
export const foldName = (name: string): string => {
  let folded = foldCache.get(name);
  if (folded === undefined) {
    folded = foldUncached(name);
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(name, folded);
  }
  return folded;
};

/** A set of folded names, for membership tests that ignore case and accents. */
export const foldedSet = (names: readonly string[]): ReadonlySet<string> => new Set(names.map(foldName));
