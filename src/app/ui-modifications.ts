// Issue 10, item 3 (D5): the severity read-only for users outside the Administration, on the issue view and the
// create screen, through a `jira:uiModifications` module. The app registers its UI modification with the REST API
// ("UI modifications (apps)": contexts = the contract's projects × issue types × view types GIC and IssueView) when
// settings.native.severityReadOnly is on, and removes it when off, so no stale registration is left. Idempotent:
// a second sync with the same settings changes nothing. The client code (static/ui-modifications) asks the resolver
// `uiModifications/severityAccess` whether the current user is in the group; the update trigger that puts a
// severity back (enforce-severity-rule.ts) stays the guard.
import { z } from 'zod';
import { APP_FIELD_KEYS } from '../contract';
import { ISSUE_KINDS } from '../domain/sla/vocabulary';
import { foldName } from '../domain/text';
import { fieldCatalogue } from './jira-catalogues';
import type { Deps, UiModificationContext, UiModificationInput } from './ports';
import type { Settings } from './settings/parse-settings';
import { effectiveSettings } from './settings/settings-repository';

/** The name the app registers its modification under; the sync recognises its own registrations by it. */
export const SEVERITY_UI_MODIFICATION_NAME = 'Contract SLA : gravité en lecture seule';
/** The view types: global issue create and the issue view ("UiModificationContextDetails", OpenAPI). */
export const SEVERITY_VIEW_TYPES: readonly string[] = ['GIC', 'IssueView'];

/** The one line shown under the read-only severity (French first, D5). */
export const SEVERITY_READ_ONLY_EXPLANATION =
  "Gravité qualifiée par l'Administration (D5) : seul son groupe peut la modifier. / Severity is qualified by the Administration (D5): only its group can change it.";

/** What the modification carries in `data` (read by the client code; at most 50,000 characters). */
export const uiModificationDataSchema = z.strictObject({
  severityFieldId: z.string().min(1),
  explanation: z.string().min(1),
});
export type UiModificationData = z.infer<typeof uiModificationDataSchema>;

export type UiModificationSyncOutcome =
  | { readonly action: 'created' | 'updated' | 'unchanged'; readonly id: string; readonly removed: number }
  | { readonly action: 'removed' | 'absent'; readonly removed: number }
  | { readonly action: 'unsupported' };

const contextKey = (c: UiModificationContext): string => `${c.projectId ?? '*'}|${c.issueTypeId ?? '*'}|${c.viewType}`;
const sameContexts = (a: readonly UiModificationContext[], b: readonly UiModificationContext[]): boolean => {
  const keys = new Set(a.map(contextKey));
  return a.length === b.length && b.every((c) => keys.has(contextKey(c)));
};

/** The contexts the modification needs: every contract project × contract issue type × view type. */
const desiredContexts = async (deps: Deps, settings: Settings): Promise<UiModificationContext[]> => {
  const projectId = deps.jira.projectId;
  if (projectId === undefined) return [];
  const wanted = new Set(ISSUE_KINDS.flatMap((k) => settings.issueTypes[k]).map(foldName));
  const typeIds = [
    ...new Set(
      (await deps.jira.issueTypes())
        .filter((t) => t.id !== null && wanted.has(foldName(t.name)))
        .map((t) => t.id ?? ''),
    ),
  ].sort();
  const contexts: UiModificationContext[] = [];
  for (const key of settings.projects) {
    const id = await projectId.call(deps.jira, key);
    if (id === null) continue; // a project the site does not have: nothing to modify there
    for (const issueTypeId of typeIds)
      for (const viewType of SEVERITY_VIEW_TYPES) contexts.push({ projectId: id, issueTypeId, viewType });
  }
  return contexts;
};

/**
 * Makes the site's registrations match the settings: one modification with the right contexts and data when
 * `native.severityReadOnly` is on (and the severity field exists), none otherwise. Extra copies are removed.
 */
export const syncSeverityUiModification = async (
  deps: Deps,
  settings: Settings,
): Promise<UiModificationSyncOutcome> => {
  const gateway = deps.jira;
  const { uiModifications, createUiModification, updateUiModification, deleteUiModification } = gateway;
  if (
    uiModifications === undefined ||
    createUiModification === undefined ||
    updateUiModification === undefined ||
    deleteUiModification === undefined
  )
    return { action: 'unsupported' };
  const mine = (await uiModifications.call(gateway)).filter((m) => m.name === SEVERITY_UI_MODIFICATION_NAME);
  const severityFieldId = settings.native.severityReadOnly
    ? (await fieldCatalogue(deps)).appFields[APP_FIELD_KEYS.severity]
    : undefined;
  const contexts = severityFieldId === undefined ? [] : await desiredContexts(deps, settings);
  if (severityFieldId === undefined || contexts.length === 0) {
    for (const m of mine) await deleteUiModification.call(gateway, m.id);
    return { action: mine.length === 0 ? 'absent' : 'removed', removed: mine.length };
  }
  const data: UiModificationData = { severityFieldId, explanation: SEVERITY_READ_ONLY_EXPLANATION };
  const input: UiModificationInput = {
    name: SEVERITY_UI_MODIFICATION_NAME,
    description: 'Gravité en lecture seule hors Administration (D5). / Severity read-only outside the Administration.',
    data: JSON.stringify(data),
    contexts,
  };
  const [kept, ...extra] = mine;
  for (const m of extra) await deleteUiModification.call(gateway, m.id);
  if (kept === undefined) {
    const id = await createUiModification.call(gateway, input);
    return { action: 'created', id, removed: extra.length };
  }
  if (kept.data === input.data && sameContexts(kept.contexts, contexts))
    return { action: 'unchanged', id: kept.id, removed: extra.length };
  await updateUiModification.call(gateway, kept.id, input);
  return { action: 'updated', id: kept.id, removed: extra.length };
};

/** The sync with the stored settings (the settings save calls it after saving). */
export const syncSeverityUiModificationFromStore = async (deps: Deps): Promise<UiModificationSyncOutcome> =>
  syncSeverityUiModification(deps, (await effectiveSettings(deps.store)).settings);

/**
 * What the UI modification's client code asks for the invoking user (identity from the Forge context only): whether
 * they may edit the severity, and what to show otherwise. The group check runs as the app, as the validator's does.
 */
export const severityAccess = async (
  deps: Deps,
  accountId: string,
): Promise<{ readonly editable: boolean; readonly explanation: string; readonly group: string }> => {
  const { settings } = await effectiveSettings(deps.store);
  const editable = (await deps.jira.groupsOf(accountId)).includes(settings.administrationGroup);
  return { editable, explanation: SEVERITY_READ_ONLY_EXPLANATION, group: settings.administrationGroup };
};
