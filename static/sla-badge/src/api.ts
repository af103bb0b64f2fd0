// The only file of the badge that imports @forge/bridge (style guide B6): the resolver call, the Forge context and
// the modal that shows the full panel.
import { invoke, Modal, view } from '@forge/bridge';
import type { Api, ApiKey, Reply } from '../../../src/contract';
import { settleReply } from '../../shared/src/reply';

export type UiContext = {
  readonly locale?: string;
  readonly accountId?: string;
  readonly extension?: { readonly [key: string]: unknown };
};

/** One resolver call; a bridge failure comes back as an INTERNAL reply rather than a rejection. */
export const call = <K extends ApiKey>(key: K, req: Api[K]['req']): Promise<Reply<Api[K]['res']>> =>
  settleReply<Reply<Api[K]['res']>>(key, invoke<Reply<Api[K]['res']>>(key, req));

export const getContext = (): Promise<UiContext> => view.getContext();

/**
 * Opens the full SLA panel (the `sla-panel` resource of manifest.yml) over the issue view: Forge "Modal" bridge API
 * ("The Modal class enables your Custom UI app to open a modal dialog with a specified resource"). The modal's frame
 * gets the issue view's context; `onClose` runs when it closes (the badge reloads then, the panel may have recomputed).
 */
export const openPanel = (title: string, onClose: () => void): Promise<void> =>
  new Modal({ resource: 'sla-panel', size: 'large', title, onClose }).open();

/** Turns on Atlassian design tokens (light/dark) in the frame; the CSS fallbacks apply where this fails. */
export const enableTheme = (): Promise<void> =>
  Promise.resolve()
    .then(() => view.theme.enable())
    .catch(() => undefined);
