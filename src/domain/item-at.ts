// Reading an array (or typed array) at an index the code knows is in range. With noUncheckedIndexedAccess every
// indexed read is `T | undefined`; this narrows it without a cast, and fails loudly when the index is out of range
// after all (a defect in the caller, never bad data). Arrays whose items may be undefined do not use it.

/**
 * The item at `index`; throws a RangeError when there is none.
 * @example itemAt([3, 1, 2], 1) // 1
 */
export const itemAt = <T>(items: ArrayLike<T>, index: number): T => {
  const item = items[index];
  if (item === undefined) throw new RangeError(`itemAt: no item at index ${index} of ${items.length}`);
  return item;
};
