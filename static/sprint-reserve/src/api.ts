// The only file of the sprint reserve page that imports @forge/bridge (style guide B6): resolver calls and the Forge
// context.
import { invoke, view } from '@forge/bridge';
import type { CapacityApi, Reply } from '../../../src/contract';
import { settleReply } from '../../shared/src/reply';
import type { UiContext } from './context';

export type CapacityKey = keyof CapacityApi;

/** One resolver call; a bridge failure comes back as an INTERNAL reply rather than a rejection. */
export const call = <K extends CapacityKey>(
  key: K,
  req: CapacityApi[K]['req'],
): Promise<Reply<CapacityApi[K]['res']>> =>
  settleReply<Reply<CapacityApi[K]['res']>>(key, invoke<Reply<CapacityApi[K]['res']>>(key, req));

export const getContext = (): Promise<UiContext> => view.getContext();

/** Turns on Atlassian design tokens (light/dark) in the frame; the CSS fallbacks apply where this fails. */
export const enableTheme = (): Promise<void> =>
  Promise.resolve()
    .then(() => view.theme.enable())
    .catch(() => undefined);
