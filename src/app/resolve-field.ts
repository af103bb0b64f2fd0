// Finding a field the settings name, by id or by display name, among the fields of a site (GET /rest/api/3/field)
// or of an export (its `names`): one rule for the panel, the triggers, the sprint board and the CLI.
import { foldName } from '../domain/text';

/** A field as found: its id (key in an issue's `fields`) and the name changelog items show for it. */
export type FieldRef = { readonly id: string; readonly name: string };

/**
 * The field `ref` designates: a field id (a key of `names`), else a display name looked up ignoring case and accents.
 * Not found (`found: false`), the reference is kept as both id and name: an export without `names` still matches a
 * `customfield_…` id in `fields` and a name in the changelog items.
 * @example resolveField('gravite', { customfield_10100: 'Gravité' }) // { id: 'customfield_10100', name: 'gravite', found: true }
 */
export const resolveField = (
  ref: string,
  names: Readonly<Record<string, string>>,
): FieldRef & { readonly found: boolean } => {
  const own = names[ref];
  if (own !== undefined) return { id: ref, name: own, found: true };
  const folded = foldName(ref);
  for (const [id, name] of Object.entries(names)) if (foldName(name) === folded) return { id, name: ref, found: true };
  return { id: ref, name: ref, found: false };
};
