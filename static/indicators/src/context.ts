// What the gadget reads from the Forge context. One bundle serves both entry points of the jira:dashboardGadget:
// the configuration screen (`extension.entryPoint === 'edit'`) and the view; the saved configuration is
// `extension.gadgetConfiguration` (an empty object before the first save).
import { isRecord } from '../../../src/domain/is-record';
import type { GadgetConfiguration } from '../../../src/contract';
import { langOf, type Lang } from '../../shared/src/i18n/translate';

export type UiContext = { readonly locale?: string; readonly extension?: { readonly [key: string]: unknown } };

export type GadgetMode = 'edit' | 'view';

/** The saved configuration as far as it can be read: missing or malformed fields are left out. */
export type SavedConfiguration = { readonly projectKey?: string; readonly month?: GadgetConfiguration['month'] };

export type GadgetContext = { readonly lang: Lang; readonly mode: GadgetMode; readonly saved: SavedConfiguration };

/**
 * The language, the entry point and the saved configuration of a gadget's context; French and the view when the
 * context cannot be read.
 * @example gadgetContextOf({ locale: 'en-GB', extension: { entryPoint: 'edit', gadgetConfiguration: { projectKey: 'DEMAT', month: 'previous' } } })
 * // { lang: 'en', mode: 'edit', saved: { projectKey: 'DEMAT', month: 'previous' } }
 */
export const gadgetContextOf = (context: UiContext | null): GadgetContext => {
  const extension = context?.extension;
  const config = isRecord(extension?.gadgetConfiguration) ? extension.gadgetConfiguration : {};
  const saved: { projectKey?: string; month?: string } = {};
  if (typeof config.projectKey === 'string' && config.projectKey.trim() !== '')
    saved.projectKey = config.projectKey.trim();
  if (typeof config.month === 'string' && config.month.trim() !== '') saved.month = config.month.trim();
  return { lang: langOf(context?.locale), mode: extension?.entryPoint === 'edit' ? 'edit' : 'view', saved };
};
