// The only file of the indicators gadget that imports @forge/bridge (style guide B6): resolver calls, the Forge
// context, the configuration screen's submit, and opening Jira pages from the gadget's frame.
import { invoke, router, view } from '@forge/bridge';
import type { Api, ApiKey, GadgetConfiguration, Reply } from '../../../src/contract';
import { settleReply } from '../../shared/src/reply';
import type { UiContext } from './context';

/** The resolvers this gadget calls. */
export type IndicatorsKey = Extract<ApiKey, `indicators/${string}`>;

/** One resolver call; a bridge failure comes back as an INTERNAL reply rather than a rejection. */
export const call = <K extends IndicatorsKey>(key: K, req: Api[K]['req']): Promise<Reply<Api[K]['res']>> =>
  settleReply<Reply<Api[K]['res']>>(key, invoke<Reply<Api[K]['res']>>(key, req));

export const getContext = (): Promise<UiContext> => view.getContext();

/** Saves the gadget's configuration (edit entry point): Jira stores it and shows the gadget's view. */
export const submitConfiguration = (configuration: GadgetConfiguration): Promise<void> => view.submit(configuration);

/** Opens a Jira page ("/issues/?jql=…") in a new tab: the frame cannot navigate Jira itself. */
export const openInJira = (path: string): Promise<void> =>
  Promise.resolve()
    .then(() => router.open(path))
    .catch(() => undefined);

/** Turns on Atlassian design tokens (light/dark) in the frame; the CSS fallbacks apply where this fails. */
export const enableTheme = (): Promise<void> =>
  Promise.resolve()
    .then(() => view.theme.enable())
    .catch(() => undefined);
