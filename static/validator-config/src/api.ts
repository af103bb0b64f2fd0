// The only file of the validator configuration screen that talks to the Forge bridge (style guide B6): resolver
// calls, the Forge context, and Jira's "save" hook for workflow rules (@forge/jira-bridge uses the same bridge).
import { invoke, view } from '@forge/bridge';
import { workflowRules } from '@forge/jira-bridge';
import type { Api, ApiKey, Reply } from '../../../src/contract';
import { settleReply } from '../../shared/src/reply';

/** One resolver call; a bridge failure comes back as an INTERNAL reply rather than a rejection. */
export const call = <K extends ApiKey>(key: K, req: Api[K]['req']): Promise<Reply<Api[K]['res']>> =>
  settleReply<Reply<Api[K]['res']>>(key, invoke<Reply<Api[K]['res']>>(key, req));

/** What the screen reads from the Forge context: the module, and the configuration saved before (edit screen). */
export type UiContext = {
  readonly locale?: string;
  readonly moduleKey?: string;
  readonly extension?: { readonly validatorConfig?: unknown; readonly [key: string]: unknown };
};

export const getContext = (): Promise<UiContext> => view.getContext();

/** What Jira's own "Add"/"Update" button gets: the configuration as a JSON string, or `undefined` to refuse the save. */
export type ConfigureCallback = () => Promise<string | undefined>;

/**
 * Registers what Jira calls when the administrator presses its own "Add"/"Update" button. The callback returns the
 * configuration as a JSON string, or `undefined` when the form is invalid: Jira then saves nothing and keeps the
 * screen open (Forge "workflowRules" Jira bridge page, onConfigure). @forge/jira-bridge 0.40 types the callback as
 * returning a string only, hence the widening here.
 */
export const onConfigure = (callback: ConfigureCallback): Promise<void> =>
  workflowRules.onConfigure(callback as Parameters<typeof workflowRules.onConfigure>[0]);

export const enableTheme = (): Promise<void> =>
  Promise.resolve()
    .then(() => view.theme.enable())
    .catch(() => undefined);
