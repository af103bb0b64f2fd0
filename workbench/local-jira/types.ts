// The interface of the local Jira (docs/design/forge-app.md, "Local Jira"), plus the workbench-only controls.
import type { DemoUser } from './catalog';
import type { JqlFunctionHook, JqlFunctionModule, Precomputation } from './jql-functions';
import type { ChangeItem, WorkflowValidator } from './local-jira-state';

export type { DemoUser, ChangeItem, WorkflowValidator };
import type { NotificationRecord } from './routes/notify';
export type { NotificationRecord };

export type Caller = { readonly kind: 'app' } | { readonly kind: 'user'; readonly accountId: string };

export type JiraRequest = {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The REST path with its query string, e.g. `/rest/api/3/search/jql?jql=project%20%3D%20DEMAT`. */
  readonly path: string;
  /** A JSON value, or JSON text. */
  readonly body?: unknown;
  readonly caller: Caller;
};

export type JiraResponse = {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** JSON, or undefined for 204. */
  readonly body: unknown;
};

/** What Forge delivers to an `avi:jira:created:issue` / `avi:jira:updated:issue` trigger. */
export type IssueEvent = {
  readonly eventType: 'avi:jira:created:issue' | 'avi:jira:updated:issue';
  readonly issue: { readonly id: string; readonly key: string; readonly fields: Readonly<Record<string, unknown>> };
  /** Who made the change: a user's account id, or the app's own user for the app's writes. */
  readonly atlassianId: string;
  readonly changelog?: { readonly items: readonly ChangeItem[] };
};

/** The payload Jira gives a Forge function validator. */
export type FunctionValidatorPayload = {
  readonly issue: { readonly key: string };
  /** The configuration saved for the rule, as the JSON string the workflow stores. */
  readonly configuration: string;
  readonly transition: {
    readonly from: { readonly id: string };
    readonly to: { readonly id: string };
    readonly id: string;
    readonly name: string;
    /** Fields edited on the transition screen, by field id (present only when some were). */
    readonly modifiedFields?: Readonly<Record<string, unknown>>;
  };
};

export type FunctionValidatorResult = { readonly result: boolean; readonly errorMessage?: string };

/** How the workbench runs a Forge function validator: by rule key (the module's extension ARI), for the transitioning account. */
export type FunctionValidatorHook = (
  ruleKey: string,
  payload: FunctionValidatorPayload,
  accountId: string,
) => Promise<FunctionValidatorResult> | FunctionValidatorResult;

export type JiraCallRecord = {
  readonly method: JiraRequest['method'];
  /** Without the query string. */
  readonly path: string;
  readonly caller: Caller;
  readonly status: number;
  /** When the request arrived (ISO 8601, UTC). */
  readonly at: string;
};

export interface LocalJira {
  handle(request: JiraRequest): Promise<JiraResponse>;
  /** After create/update/transition; returns the function that unsubscribes. */
  onIssueEvent(listener: (event: IssueEvent) => void): () => void;
  /** Forge function validators; without a hook they pass. `null` removes the hook. */
  setFunctionValidator(hook: FunctionValidatorHook | null): void;
  /** Every handled request, in order. */
  calls(): readonly JiraCallRecord[];
  resetCalls(): void;
  users(): readonly DemoUser[];
  /** State snapshot; `createLocalJira({ state })` restores it. */
  toJSON(): unknown;
}

/** A validator to attach: its rule key (the module key, or its extension ARI) and its configuration. */
export type ValidatorInput = {
  readonly ruleKey: string;
  /** What the configuration screen produced: a JSON value, or JSON text. */
  readonly configuration: unknown;
  /** Default: the module's kind in manifest.yml (catalog.ts VALIDATOR_MODULES); an unknown module is a function validator. */
  readonly type?: 'expression' | 'function';
  /** Default: the manifest's expression, which refuses (fail closed); a configuration's `expression` replaces it. */
  readonly expression?: string;
  readonly errorMessage?: string;
};

export type TransitionView = {
  readonly id: string;
  readonly name: string;
  readonly from: readonly string[];
  readonly to: string;
};

/** What the workbench host needs beyond Jira's REST API: the workflow editor's side (validators), the anchor. */
export interface LocalJiraControl extends LocalJira {
  /** The instant the demo data was placed around (epoch ms). */
  anchorMs(): number;
  /** The operations the router serves (method and path pattern), for the scope table's check. */
  routes(): readonly { readonly method: JiraRequest['method']; readonly pattern: string }[];
  /** The transitions of the workflows (both share them). */
  workflowTransitions(): readonly TransitionView[];
  /** Every validator of every workflow, in order. */
  workflowValidators(): readonly WorkflowValidator[];
  /**
   * Saves one validator's configuration (what the validator-config screen's save does): replaces the validator with
   * that rule key on that transition, or adds it. Throws RangeError for an unknown transition or a configuration
   * that is not JSON or is over Jira's 32 KB.
   */
  setWorkflowValidator(transitionId: string, ruleKey: string, configuration: unknown, workflow?: string): void;
  /** Replaces all the validators of one transition (an empty list removes them). */
  setTransitionValidators(transitionId: string, validators: readonly ValidatorInput[], workflow?: string): void;
  /** Search's eventual consistency: leave out issues written less than `ms` ago unless reconciled (0: off). */
  setSearchLag(ms: number): void;
  /** The app's jira:jqlFunction modules and how to run them (issue 10); `null` removes them. Clears precomputations. */
  setJqlFunctions(modules: readonly JqlFunctionModule[], hook: JqlFunctionHook | null): void;
  /** The stored precomputations (function, operator, arguments → fragment or error, when made and last used). */
  jqlPrecomputations(): readonly Precomputation[];
  /** Issue notifications the local Jira would have mailed (POST …/notify), in order, with their recipients (issue 10). */
  notifications(): readonly NotificationRecord[];
  /** Makes a demo user watch an issue, or stop watching it (reporter and assignee watch by default). */
  setWatching(issueIdOrKey: string, accountId: string, watching: boolean): void;
}

export type LocalJiraOptions = {
  readonly seed?: { readonly anchorMs: number };
  /** A snapshot from `toJSON()`; wins over `seed`. */
  readonly state?: unknown;
  /** The site's clock (workbench/host/clocks.ts): when changes happen, and what `now()` means in JQL. */
  readonly now: () => number;
};
