// What the severity UI modification does to a form, as data (issue 10, D5): which field it declares, and what it sets
// on it for the invoking user. Pure, so it is tested without Jira; index.tsx wires it to @forge/jira-bridge.
import type { Reply, SeverityAccessView } from '../../../src/contract';

/** What the app registered in the modification's `data` (src/app/ui-modifications.ts, uiModificationDataSchema). */
export type SeverityModificationData = { readonly severityFieldId: string; readonly explanation: string };

/** The first registration's data that reads as ours; null for anything else (a stale or foreign registration). */
export const dataOf = (modifications: readonly { readonly data?: string }[]): SeverityModificationData | null => {
  for (const m of modifications) {
    if (typeof m.data !== 'string') continue;
    try {
      const value: unknown = JSON.parse(m.data);
      if (typeof value !== 'object' || value === null) continue;
      const { severityFieldId, explanation } = value as { severityFieldId?: unknown; explanation?: unknown };
      if (typeof severityFieldId === 'string' && severityFieldId !== '' && typeof explanation === 'string')
        return { severityFieldId, explanation };
    } catch {
      // not JSON: not ours
    }
  }
  return null;
};

/** What to set on the severity field: nothing for the Administration, read-only with the explanation otherwise. */
export type SeverityChange = { readonly readOnly: true; readonly description: string } | null;

/**
 * Fail closed: when the resolver cannot say (an error), the field is read-only too, as for anyone outside the group;
 * the update trigger (src/app/enforce-severity-rule.ts) stays the guard either way.
 */
export const changeFor = (data: SeverityModificationData, access: Reply<SeverityAccessView>): SeverityChange => {
  if (access.ok && access.data.editable) return null;
  return { readOnly: true, description: access.ok ? access.data.explanation : data.explanation };
};
