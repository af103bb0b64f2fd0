// One entry per key of a known list, built at run time and typed for every key (what Object.fromEntries cannot say).

/** True when `record` holds an own entry for every key in `keys`. */
const hasEveryKey = <K extends string, V>(record: Partial<Record<K, V>>, keys: readonly K[]): record is Record<K, V> =>
  keys.every((key) => Object.hasOwn(record, key));

/** An object with one entry per key, in the order of `keys`, each valued by `valueOf(key)`. */
export const recordOf = <K extends string, V>(keys: readonly K[], valueOf: (key: K) => V): Record<K, V> => {
  const record: Partial<Record<K, V>> = {};
  for (const key of keys) record[key] = valueOf(key);
  if (hasEveryKey(record, keys)) return record;
  throw new Error('recordOf: an entry is missing'); // unreachable: every key was just set
};
