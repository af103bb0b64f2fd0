// The settings document as the admin page edits it: only the keys an administrator changed are written (the
// stored document starts empty, which means "every default"). Paths are lists of keys; problems from the server
// name paths as text ("calendars.standard.week.mon[0]") and are placed next to the field whose path is their
// longest prefix.
import type { SettingsDocument, SettingsProblem } from '../../../src/contract';

export type Path = readonly string[];

type JsonObject = { readonly [key: string]: unknown };

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at `path`, or undefined when a key on the way is missing. */
export const getAt = (node: unknown, path: Path): unknown =>
  path.reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), node);

/** A copy of `doc` with `value` at `path`, creating the objects on the way (a non-object on the way is replaced). */
export const setAt = (doc: SettingsDocument, path: Path, value: unknown): SettingsDocument => {
  const [head, ...rest] = path;
  if (head === undefined) return isObject(value) ? value : doc;
  const child = doc[head];
  return { ...doc, [head]: rest.length === 0 ? value : setAt(isObject(child) ? child : {}, rest, value) };
};

/** A copy of `doc` without the key at `path`; objects left empty on the way are removed too (empty = defaults). */
export const removeAt = (doc: SettingsDocument, path: Path): SettingsDocument => {
  const [head, ...rest] = path;
  if (head === undefined || !(head in doc)) return doc;
  const { [head]: child, ...others } = doc;
  if (rest.length === 0) return others;
  if (!isObject(child)) return doc;
  const next = removeAt(child, rest);
  return Object.keys(next).length === 0 ? others : { ...others, [head]: next };
};

/** `value` at `path`, or the key removed when `value` is undefined. */
export const writeAt = (doc: SettingsDocument, path: Path, value: unknown): SettingsDocument =>
  value === undefined ? removeAt(doc, path) : setAt(doc, path, value);

/** A path as the server writes it: keys joined with dots. */
export const pathText = (path: Path): string => path.join('.');

const isUnder = (problemPath: string, fieldPath: string): boolean =>
  problemPath === fieldPath || problemPath.startsWith(`${fieldPath}.`) || problemPath.startsWith(`${fieldPath}[`);

export type PlacedProblems = {
  /** Field path → the problems shown next to that field. */
  readonly byField: ReadonlyMap<string, readonly SettingsProblem[]>;
  /** Problems under no field of the page: listed at the top. */
  readonly unplaced: readonly SettingsProblem[];
};

/**
 * Places each problem next to the most specific field it falls under.
 * @example placeProblems([{ path: 'calendars.standard.week.mon[0]', message: '…' }], ['calendars.standard.week', 'calendars.standard.week.mon'])
 *   // byField: { 'calendars.standard.week.mon' → [that problem] }, unplaced: []
 */
export const placeProblems = (problems: readonly SettingsProblem[], fieldPaths: readonly string[]): PlacedProblems => {
  const byField = new Map<string, SettingsProblem[]>();
  const unplaced: SettingsProblem[] = [];
  for (const problem of problems) {
    const field = fieldPaths
      .filter((fieldPath) => isUnder(problem.path, fieldPath))
      .reduce<string | null>((best, p) => (best === null || p.length > best.length ? p : best), null);
    if (field === null) unplaced.push(problem);
    else byField.set(field, [...(byField.get(field) ?? []), problem]);
  }
  return { byField, unplaced };
};
