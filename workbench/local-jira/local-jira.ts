// The in-memory Jira Cloud stand-in of the workbench and the tests: Jira's REST routes the app uses, answered from
// the state (local-jira-state.ts) with Jira's shapes and semantics (checked against ../shared/jira-openapi by the
// tests). `handle` never throws: an unknown route is a 404, a bad body a 400 naming the field, a bug a 500.
// The handlers live in routes/, one file per family, over the shared state of routes/site.ts; this file holds the
// route table, the dispatch and the controls of the workbench and the tests.
import { APP_ACCOUNT_ID, DEMO_USERS, MAINTENANCE_WORKFLOW, TRANSITIONS, type DemoUser } from './catalog';
import { jiraError, matchRoute, parsePath, type ParsedPath } from './http';
import { JqlFunctionHost, type JqlFunctionHook, type JqlFunctionModule, type Precomputation } from './jql-functions';
import { cloneState, parseLocalJiraState, type LocalJiraState, type WorkflowValidator } from './local-jira-state';
import { demoUserById } from './render';
import { board, boardConfiguration, boardSprints, boards, sprint, sprintIssues } from './routes/agile';
import { postAppFieldValues, putAppFieldValue } from './routes/app-fields';
import { bulkChangelogs, getChangelog } from './routes/changelogs';
import { getFields, issueTypes } from './routes/fields';
import {
  deleteIssueProperty,
  getIssueProperty,
  listIssueProperties,
  putIssueProperty,
} from './routes/issue-properties';
import { createIssue, editIssue, getIssue } from './routes/issues';
import { getWatchers, notificationsOf, notify, setWatching, type NotificationRecord } from './routes/notify';
import { projectVersions } from './routes/projects';
import { searchGet, searchPost } from './routes/search';
import { LocalJiraSite, type Actor, type Handler } from './routes/site';
import { doTransition, getTransitions } from './routes/transitions';
import {
  createUiModification,
  deleteUiModification,
  listUiModifications,
  updateUiModification,
} from './routes/ui-modifications';
import { groupsPicker, myPermissions, myself, userGroups } from './routes/users';
import { validatorRule } from './routes/validators';
import { seedDemo } from './seed-demo';
import type {
  Caller,
  FunctionValidatorHook,
  IssueEvent,
  JiraCallRecord,
  JiraRequest,
  JiraResponse,
  LocalJiraControl,
  LocalJiraOptions,
  TransitionView,
  ValidatorInput,
} from './types';

// ---- The instance ----

class LocalJiraInstance implements LocalJiraControl {
  private log: JiraCallRecord[] = [];
  private readonly site: LocalJiraSite;
  /** The app's jira:jqlFunction modules and their precomputations (issue 10). */
  private readonly functions: JqlFunctionHost;
  private readonly router: readonly {
    readonly method: JiraRequest['method'];
    readonly pattern: string;
    readonly handler: Handler;
  }[];

  constructor(
    state: LocalJiraState,
    private readonly now: () => number,
  ) {
    const site = new LocalJiraSite(state, now);
    this.site = site;
    this.functions = new JqlFunctionHost(now);
    this.router = [
      { method: 'GET', pattern: '/rest/api/3/field', handler: () => getFields() },
      { method: 'GET', pattern: '/rest/api/3/issuetype', handler: () => issueTypes() },
      { method: 'GET', pattern: '/rest/api/3/search/jql', handler: (c) => searchGet(site, c, this.functions) },
      { method: 'POST', pattern: '/rest/api/3/search/jql', handler: (c) => searchPost(site, c, this.functions) },
      { method: 'POST', pattern: '/rest/api/3/changelog/bulkfetch', handler: (c) => bulkChangelogs(site, c) },
      { method: 'POST', pattern: '/rest/api/3/issue', handler: (c) => createIssue(site, c) },
      { method: 'GET', pattern: '/rest/api/3/issue/{issueIdOrKey}', handler: (c) => getIssue(site, c) },
      { method: 'PUT', pattern: '/rest/api/3/issue/{issueIdOrKey}', handler: (c) => editIssue(site, c) },
      { method: 'GET', pattern: '/rest/api/3/issue/{issueIdOrKey}/changelog', handler: (c) => getChangelog(site, c) },
      {
        method: 'GET',
        pattern: '/rest/api/3/issue/{issueIdOrKey}/transitions',
        handler: (c) => getTransitions(site, c),
      },
      {
        method: 'POST',
        pattern: '/rest/api/3/issue/{issueIdOrKey}/transitions',
        handler: (c) => doTransition(site, c),
      },
      {
        method: 'GET',
        pattern: '/rest/api/3/issue/{issueIdOrKey}/properties',
        handler: (c) => listIssueProperties(site, c),
      },
      {
        method: 'GET',
        pattern: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
        handler: (c) => getIssueProperty(site, c),
      },
      {
        method: 'PUT',
        pattern: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
        handler: (c) => putIssueProperty(site, c),
      },
      {
        method: 'DELETE',
        pattern: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
        handler: (c) => deleteIssueProperty(site, c),
      },
      { method: 'POST', pattern: '/rest/api/3/issue/{issueIdOrKey}/notify', handler: (c) => notify(site, c) },
      { method: 'GET', pattern: '/rest/api/3/issue/{issueIdOrKey}/watchers', handler: (c) => getWatchers(site, c) },
      { method: 'GET', pattern: '/rest/api/3/mypermissions', handler: (c) => myPermissions(site, c) },
      { method: 'GET', pattern: '/rest/api/3/user/groups', handler: (c) => userGroups(c) },
      { method: 'GET', pattern: '/rest/api/3/myself', handler: (c) => myself(c) },
      { method: 'GET', pattern: '/rest/api/3/groups/picker', handler: (c) => groupsPicker(c) },
      {
        method: 'PUT',
        pattern: '/rest/api/3/app/field/{fieldIdOrKey}/value',
        handler: (c) => putAppFieldValue(site, c),
      },
      { method: 'POST', pattern: '/rest/api/3/app/field/value', handler: (c) => postAppFieldValues(site, c) },
      {
        method: 'GET',
        pattern: '/rest/api/3/project/{projectIdOrKey}/versions',
        handler: (c) => projectVersions(site, c),
      },
      { method: 'GET', pattern: '/rest/agile/1.0/board', handler: (c) => boards(site, c) },
      { method: 'GET', pattern: '/rest/agile/1.0/board/{boardId}', handler: (c) => board(site, c) },
      { method: 'GET', pattern: '/rest/agile/1.0/board/{boardId}/sprint', handler: (c) => boardSprints(site, c) },
      {
        method: 'GET',
        pattern: '/rest/agile/1.0/board/{boardId}/configuration',
        handler: (c) => boardConfiguration(site, c),
      },
      { method: 'GET', pattern: '/rest/agile/1.0/sprint/{sprintId}', handler: (c) => sprint(site, c) },
      { method: 'GET', pattern: '/rest/agile/1.0/sprint/{sprintId}/issue', handler: (c) => sprintIssues(site, c) },
      // Issue 10 (D5): UI modifications (apps).
      { method: 'GET', pattern: '/rest/api/3/uiModifications', handler: (c) => listUiModifications(site, c) },
      { method: 'POST', pattern: '/rest/api/3/uiModifications', handler: (c) => createUiModification(site, c) },
      {
        method: 'PUT',
        pattern: '/rest/api/3/uiModifications/{uiModificationId}',
        handler: (c) => updateUiModification(site, c),
      },
      {
        method: 'DELETE',
        pattern: '/rest/api/3/uiModifications/{uiModificationId}',
        handler: (c) => deleteUiModification(site, c),
      },
    ];
  }

  // ---- LocalJira ----

  async handle(request: JiraRequest): Promise<JiraResponse> {
    const atMs = this.now();
    let path = '';
    let response: JiraResponse;
    try {
      const parsed = parsePath(String(request.path));
      path = parsed.path;
      response = await this.dispatch(request, parsed);
    } catch (error) {
      // A bug here, or a request that is not one (the host passes what it got): a 500 in Jira's shape, never a throw.
      response = jiraError(500, [
        `The local Jira failed on ${String(request?.method)} ${path}: ${error instanceof Error ? error.message : String(error)}`,
      ]);
    }
    this.log.push({
      method: request?.method,
      path,
      caller: request?.caller,
      status: response.status,
      at: new Date(atMs).toISOString(),
    });
    return response;
  }

  onIssueEvent(listener: (event: IssueEvent) => void): () => void {
    this.site.listeners.add(listener);
    return () => {
      this.site.listeners.delete(listener);
    };
  }

  setFunctionValidator(hook: FunctionValidatorHook | null): void {
    this.site.hook = hook;
  }

  setJqlFunctions(modules: readonly JqlFunctionModule[], hook: JqlFunctionHook | null): void {
    this.functions.set(modules, hook);
  }

  jqlPrecomputations(): readonly Precomputation[] {
    return this.functions.precomputations();
  }

  calls(): readonly JiraCallRecord[] {
    return [...this.log];
  }

  resetCalls(): void {
    this.log = [];
  }

  users(): readonly DemoUser[] {
    return DEMO_USERS;
  }

  toJSON(): unknown {
    return cloneState(this.site.state);
  }

  // ---- LocalJiraControl ----

  anchorMs(): number {
    return this.site.state.anchorMs;
  }

  routes(): readonly { readonly method: JiraRequest['method']; readonly pattern: string }[] {
    return this.router.map(({ method, pattern }) => ({ method, pattern }));
  }

  workflowTransitions(): readonly TransitionView[] {
    return TRANSITIONS.map((t) => ({ id: t.id, name: t.name, from: [...t.from], to: t.to }));
  }

  workflowValidators(): readonly WorkflowValidator[] {
    return this.site.state.validators.map((v) => ({ ...v }));
  }

  setWorkflowValidator(
    transitionId: string,
    ruleKey: string,
    configuration: unknown,
    workflow: string = MAINTENANCE_WORKFLOW,
  ): void {
    const rule = validatorRule(workflow, transitionId, { ruleKey, configuration });
    const index = this.site.state.validators.findIndex(
      (v) => v.workflow === workflow && v.transitionId === transitionId && v.ruleKey === rule.ruleKey,
    );
    if (index < 0) this.site.state.validators = [...this.site.state.validators, rule];
    else this.site.state.validators = this.site.state.validators.map((v, i) => (i === index ? rule : v));
  }

  setTransitionValidators(
    transitionId: string,
    validators: readonly ValidatorInput[],
    workflow: string = MAINTENANCE_WORKFLOW,
  ): void {
    const rules = validators.map((input) => validatorRule(workflow, transitionId, input));
    this.site.state.validators = [
      ...this.site.state.validators.filter((v) => !(v.workflow === workflow && v.transitionId === transitionId)),
      ...rules,
    ];
  }

  setSearchLag(ms: number): void {
    this.site.setSearchLag(ms);
  }

  notifications(): readonly NotificationRecord[] {
    return notificationsOf(this.site);
  }

  setWatching(issueIdOrKey: string, accountId: string, watching: boolean): void {
    setWatching(this.site, issueIdOrKey, accountId, watching);
  }

  // ---- Dispatch ----

  private async dispatch(request: JiraRequest, { path, query }: ParsedPath): Promise<JiraResponse> {
    const actor = this.actorOf(request.caller);
    if (actor === null) return jiraError(401, ['Client must be authenticated to access this resource.']);
    let body: unknown = request.body;
    if (typeof body === 'string') {
      try {
        body = body === '' ? undefined : JSON.parse(body);
      } catch {
        return jiraError(400, ['The request body is not valid JSON.']);
      }
    }
    for (const route of this.router) {
      if (route.method !== request.method) continue;
      const params = matchRoute(route.pattern, path);
      if (params !== null) return route.handler({ actor, params, query, body });
    }
    return jiraError(404, [`No resource in the local Jira matches ${request.method} ${path}.`]);
  }

  private actorOf(caller: Caller | undefined): Actor | null {
    if (caller?.kind === 'app') return { kind: 'app', accountId: APP_ACCOUNT_ID };
    if (caller?.kind === 'user') {
      const user = demoUserById(caller.accountId);
      return user === undefined ? null : { kind: 'user', accountId: user.accountId, user };
    }
    return null;
  }
}

/**
 * A local Jira: restored from `state` (a `toJSON()` snapshot), else seeded with the demo data around
 * `seed.anchorMs` (default: the clock's now). Throws only when `state` is not a snapshot (the caller's precondition).
 * @example const jira = createLocalJira({ seed: { anchorMs: Date.parse('2026-04-22T10:00:00+02:00') }, now: clock.nowMs });
 */
export function createLocalJira(options: LocalJiraOptions): LocalJiraControl {
  const { now } = options;
  if (options.state !== undefined) {
    const parsed = parseLocalJiraState(options.state);
    if (!parsed.ok) throw new Error(`createLocalJira: state is not a local Jira snapshot (${parsed.message})`);
    return new LocalJiraInstance(cloneState(parsed.state), now);
  }
  return new LocalJiraInstance(seedDemo(options.seed?.anchorMs ?? Math.floor(now())), now);
}
