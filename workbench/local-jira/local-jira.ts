// The in-memory Jira Cloud stand-in of the workbench and the tests: Jira's REST routes the app uses, answered from
// the state (local-jira-state.ts) with Jira's shapes and semantics (checked against ../shared/jira-openapi by the
// tests). `handle` never throws: an unknown route is a 404, a bad body a 400 naming the field, a bug a 500.
import { z } from 'zod';
import { parseJiraInstant } from '../../src/jira/jira-instant';
import { BOARD_ID, formatJiraDateTime, issueTypeBean, type AgileSprint } from './jira-beans';
import {
  APP_ACCOUNT_ID,
  APP_DISPLAY_NAME,
  DEMO_USERS,
  FIELDS,
  GROUPS,
  ISSUE_TYPE_NAMES,
  JIRA_SITE,
  MAINTENANCE_WORKFLOW,
  PERMISSIONS,
  PROJECT_ID,
  PROJECT_KEY,
  PROJECT_NAME,
  STATUS_NAMES,
  TRANSITIONS,
  WORKFLOW_NAMES,
  availableTransitions,
  canBrowseProject,
  fieldByIdOrKey,
  moduleKeyOfAri,
  statusBean,
  transitionById,
  validatorModule,
  workflowOf,
  type DemoUser,
  type FieldDef,
  type StatusName,
  type TransitionDef,
} from './catalog';
import {
  INVALID_TOKEN,
  ISSUE_NOT_FOUND,
  badBody,
  boolParam,
  decodePageToken,
  encodePageToken,
  intParam,
  jiraError,
  json,
  listParam,
  matchRoute,
  noContent,
  parsePath,
  type ParsedPath,
} from './http';
import { applyEdits, editsOf } from './issue-edits';
import { evaluateJiraExpression, expressionVerdict, type ExpressionValue } from './jira-expression';
import {
  cloneState,
  parseLocalJiraState,
  type ChangeItem,
  type LocalJiraState,
  type StoredIssue,
  type WorkflowValidator,
} from './local-jira-state';
import {
  ISSUE_EXPAND,
  changelogPage,
  demoUserById,
  expressionIssue,
  expressionUser,
  groupName,
  historyJson,
  issueFields,
  namesOf,
  pickFields,
  schemaOf,
  selectFieldIds,
  sprintsOf,
  userDetails,
  type Json,
} from './render';
import { compileSearch } from './search-issues';
import { enterStatus, rankAt, seedDemo, statusChangeItem, textChangeItem } from './seed-demo';
import type {
  Caller,
  FunctionValidatorHook,
  FunctionValidatorPayload,
  IssueEvent,
  JiraCallRecord,
  JiraRequest,
  JiraResponse,
  LocalJiraControl,
  LocalJiraOptions,
  TransitionView,
  ValidatorInput,
} from './types';

type Actor =
  | { readonly kind: 'app'; readonly accountId: string }
  | { readonly kind: 'user'; readonly accountId: string; readonly user: DemoUser };

type Context = {
  readonly actor: Actor;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
};

type Handler = (ctx: Context) => JiraResponse | Promise<JiraResponse>;

const MAX_VALIDATOR_CONFIGURATION_CHARS = 32 * 1024;
const DEFAULT_VALIDATOR_MESSAGE = 'Transition refusée par Contract SLA. / Transition refused by Contract SLA.';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const parseJsonText = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** A JSON value → an expression value, checked all the way down (a validator's `config`); undefined if not JSON. */
function toExpressionValue(value: unknown): ExpressionValue | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    const items: ExpressionValue[] = [];
    for (const item of value) {
      const converted = toExpressionValue(item);
      if (converted === undefined) return undefined;
      items.push(converted);
    }
    return items;
  }
  if (isRecord(value)) {
    const object: Record<string, ExpressionValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const converted = toExpressionValue(item);
      if (converted === undefined) return undefined;
      object[key] = converted;
    }
    return object;
  }
  return undefined;
}

/** The module key of a rule key given as a module key or as its extension ARI. */
const ruleKeyOf = (ruleKey: string): string => moduleKeyOfAri(ruleKey) ?? ruleKey;

/** The new value of a field edited on a transition screen, in the form the issue's JSON gives it. */
const modifiedValue = (issue: StoredIssue, fieldId: string): unknown => {
  if (fieldId in issue.appValues) return issue.appValues[fieldId] ?? null;
  if (fieldId === 'summary') return issue.summary;
  if (fieldId === 'assignee') return issue.assigneeId === null ? null : { accountId: issue.assigneeId };
  if (fieldId === 'versions' || fieldId === 'fixVersions')
    return (fieldId === 'versions' ? issue.versionIds : issue.fixVersionIds).map((id) => ({ id }));
  if (fieldId === 'customfield_10016') return issue.storyPoints;
  if (fieldId === 'customfield_10020') return issue.sprintIds;
  return null;
};

const cloneIssue = (issue: StoredIssue): StoredIssue => JSON.parse(JSON.stringify(issue)) as StoredIssue;
const lastChangeMs = (issue: StoredIssue): number =>
  issue.histories[issue.histories.length - 1]?.atMs ?? issue.createdMs;
const issueSelf = (issue: StoredIssue): string => `${JIRA_SITE}/rest/api/3/issue/${issue.id}`;
const boardSelf = (): string => `${JIRA_SITE}/rest/agile/1.0/board/${BOARD_ID}`;
const projectNotFound = (ref: string): JiraResponse => jiraError(404, [`No project could be found with key '${ref}'.`]);
const isDemat = (ref: string): boolean => ref.toUpperCase() === PROJECT_KEY || ref === String(PROJECT_ID);

// ---- Request bodies ----

const searchBodySchema = z.strictObject({
  jql: z.string().optional(),
  nextPageToken: z.string().optional(),
  maxResults: z.number().int().min(1).optional(),
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).max(5).optional(),
  fieldsByKeys: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).max(50).optional(),
});

const bulkChangelogSchema = z.strictObject({
  issueIdsOrKeys: z.array(z.string()).min(1).max(1000),
  fieldIds: z.array(z.string()).max(10).optional(),
  maxResults: z.number().int().min(1).max(10000).optional(),
  nextPageToken: z.string().optional(),
});

const editBodySchema = z.looseObject({
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.array(z.unknown())).optional(),
});

const transitionBodySchema = z.looseObject({
  transition: z.looseObject({ id: z.union([z.string(), z.number().int()]) }),
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.array(z.unknown())).optional(),
});

const createBodySchema = z.looseObject({
  fields: z.record(z.string(), z.unknown()),
  update: z.record(z.string(), z.array(z.unknown())).optional(),
});

const hasValue = (update: { value?: unknown }): boolean => update.value !== undefined;
const VALUE_REQUIRED = { message: 'value is required (null clears the field)', path: ['value'] };

const appFieldValueSchema = z.strictObject({
  updates: z
    .array(
      z
        .strictObject({ issueIds: z.array(z.number().int().min(1)).min(1), value: z.unknown().optional() })
        .refine(hasValue, VALUE_REQUIRED),
    )
    .min(1),
});

const appFieldValuesSchema = z.strictObject({
  updates: z
    .array(
      z
        .strictObject({
          customField: z.string().min(1),
          issueIds: z.array(z.number().int().min(1)).min(1),
          value: z.unknown().optional(),
        })
        .refine(hasValue, VALUE_REQUIRED),
    )
    .min(1),
});

const functionResultSchema = z.looseObject({ result: z.boolean(), errorMessage: z.string().optional() });

// ---- The instance ----

class LocalJiraInstance implements LocalJiraControl {
  private readonly listeners = new Set<(event: IssueEvent) => void>();
  private hook: FunctionValidatorHook | null = null;
  private log: JiraCallRecord[] = [];
  /**
   * Eventual consistency of search (issue 8). Jira's search reads an index that follows the writes: documentation,
   * "The Jira Cloud platform REST API", Search for issues using JQL enhanced search (`reconcileIssues`: "strong
   * consistency issue ids to be reconciled with search results", at most 50). With a lag set, a search leaves out an
   * issue written less than `searchLagMs` before it unless the request names it in `reconcileIssues`.
   */
  private searchLagMs = 0;
  private readonly writtenAtMs = new Map<string, number>();
  private readonly router: readonly {
    readonly method: JiraRequest['method'];
    readonly pattern: string;
    readonly handler: Handler;
  }[];

  constructor(
    private state: LocalJiraState,
    private readonly now: () => number,
  ) {
    this.router = [
      { method: 'GET', pattern: '/rest/api/3/field', handler: () => this.getFields() },
      {
        method: 'GET',
        pattern: '/rest/api/3/issuetype',
        handler: () =>
          json(
            200,
            ISSUE_TYPE_NAMES.map((name) => ({ ...issueTypeBean(name) })),
          ),
      },
      { method: 'GET', pattern: '/rest/api/3/search/jql', handler: (c) => this.searchGet(c) },
      { method: 'POST', pattern: '/rest/api/3/search/jql', handler: (c) => this.searchPost(c) },
      { method: 'POST', pattern: '/rest/api/3/changelog/bulkfetch', handler: (c) => this.bulkChangelogs(c) },
      { method: 'POST', pattern: '/rest/api/3/issue', handler: (c) => this.createIssue(c) },
      { method: 'GET', pattern: '/rest/api/3/issue/{issueIdOrKey}', handler: (c) => this.getIssue(c) },
      { method: 'PUT', pattern: '/rest/api/3/issue/{issueIdOrKey}', handler: (c) => this.editIssue(c) },
      { method: 'GET', pattern: '/rest/api/3/issue/{issueIdOrKey}/changelog', handler: (c) => this.getChangelog(c) },
      {
        method: 'GET',
        pattern: '/rest/api/3/issue/{issueIdOrKey}/transitions',
        handler: (c) => this.getTransitions(c),
      },
      { method: 'POST', pattern: '/rest/api/3/issue/{issueIdOrKey}/transitions', handler: (c) => this.doTransition(c) },
      { method: 'GET', pattern: '/rest/api/3/mypermissions', handler: (c) => this.myPermissions(c) },
      { method: 'GET', pattern: '/rest/api/3/user/groups', handler: (c) => this.userGroups(c) },
      { method: 'GET', pattern: '/rest/api/3/myself', handler: (c) => this.myself(c) },
      { method: 'GET', pattern: '/rest/api/3/groups/picker', handler: (c) => this.groupsPicker(c) },
      {
        method: 'PUT',
        pattern: '/rest/api/3/app/field/{fieldIdOrKey}/value',
        handler: (c) => this.putAppFieldValue(c),
      },
      { method: 'POST', pattern: '/rest/api/3/app/field/value', handler: (c) => this.postAppFieldValues(c) },
      {
        method: 'GET',
        pattern: '/rest/api/3/project/{projectIdOrKey}/versions',
        handler: (c) => this.projectVersions(c),
      },
      { method: 'GET', pattern: '/rest/agile/1.0/board', handler: (c) => this.boards(c) },
      { method: 'GET', pattern: '/rest/agile/1.0/board/{boardId}', handler: (c) => this.board(c) },
      { method: 'GET', pattern: '/rest/agile/1.0/board/{boardId}/sprint', handler: (c) => this.boardSprints(c) },
      {
        method: 'GET',
        pattern: '/rest/agile/1.0/board/{boardId}/configuration',
        handler: (c) => this.boardConfiguration(c),
      },
      { method: 'GET', pattern: '/rest/agile/1.0/sprint/{sprintId}', handler: (c) => this.sprint(c) },
      { method: 'GET', pattern: '/rest/agile/1.0/sprint/{sprintId}/issue', handler: (c) => this.sprintIssues(c) },
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
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  setFunctionValidator(hook: FunctionValidatorHook | null): void {
    this.hook = hook;
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
    return cloneState(this.state);
  }

  // ---- LocalJiraControl ----

  anchorMs(): number {
    return this.state.anchorMs;
  }

  routes(): readonly { readonly method: JiraRequest['method']; readonly pattern: string }[] {
    return this.router.map(({ method, pattern }) => ({ method, pattern }));
  }

  workflowTransitions(): readonly TransitionView[] {
    return TRANSITIONS.map((t) => ({ id: t.id, name: t.name, from: [...t.from], to: t.to }));
  }

  workflowValidators(): readonly WorkflowValidator[] {
    return this.state.validators.map((v) => ({ ...v }));
  }

  setWorkflowValidator(
    transitionId: string,
    ruleKey: string,
    configuration: unknown,
    workflow: string = MAINTENANCE_WORKFLOW,
  ): void {
    const rule = this.validatorRule(workflow, transitionId, { ruleKey, configuration });
    const index = this.state.validators.findIndex(
      (v) => v.workflow === workflow && v.transitionId === transitionId && v.ruleKey === rule.ruleKey,
    );
    if (index < 0) this.state.validators = [...this.state.validators, rule];
    else this.state.validators = this.state.validators.map((v, i) => (i === index ? rule : v));
  }

  setTransitionValidators(
    transitionId: string,
    validators: readonly ValidatorInput[],
    workflow: string = MAINTENANCE_WORKFLOW,
  ): void {
    const rules = validators.map((input) => this.validatorRule(workflow, transitionId, input));
    this.state.validators = [
      ...this.state.validators.filter((v) => !(v.workflow === workflow && v.transitionId === transitionId)),
      ...rules,
    ];
  }

  private validatorRule(workflow: string, transitionId: string, input: ValidatorInput): WorkflowValidator {
    if (!WORKFLOW_NAMES.includes(workflow))
      throw new RangeError(`no workflow "${workflow}" (${WORKFLOW_NAMES.join(', ')})`);
    if (transitionById(transitionId) === undefined) throw new RangeError(`no transition "${transitionId}"`);
    const ruleKey = ruleKeyOf(input.ruleKey);
    const configuration =
      typeof input.configuration === 'string' ? parseJsonText(input.configuration) : input.configuration;
    const text = configuration === undefined ? undefined : JSON.stringify(configuration);
    if (text === undefined || toExpressionValue(configuration) === undefined)
      throw new RangeError(`the configuration of ${ruleKey} is not JSON`);
    if (text.length > MAX_VALIDATOR_CONFIGURATION_CHARS)
      throw new RangeError(`the configuration of ${ruleKey} is over 32 KB, which Jira refuses`);
    const module = validatorModule(ruleKey);
    const type = input.type ?? module?.type ?? 'function';
    return {
      workflow,
      transitionId,
      ruleKey,
      type,
      expression: type === 'expression' ? (input.expression ?? module?.expression ?? 'true') : null,
      errorMessage: input.errorMessage ?? module?.errorMessage ?? DEFAULT_VALIDATOR_MESSAGE,
      configuration: JSON.parse(text) as unknown,
    };
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

  private canBrowse(actor: Actor): boolean {
    return actor.kind === 'app' || canBrowseProject(actor.user);
  }

  private visibleIssues(actor: Actor): StoredIssue[] {
    return this.canBrowse(actor) ? this.state.issues : [];
  }

  private findIssue(actor: Actor, idOrKey: string): StoredIssue | undefined {
    const ref = idOrKey.trim().toUpperCase();
    return this.visibleIssues(actor).find((i) => i.key === ref || i.id === ref);
  }

  private emit(event: IssueEvent): void {
    for (const listener of [...this.listeners]) {
      // A failing listener must not undo or hide a change already made; the next listeners still hear of it.
      try {
        listener(event);
      } catch {
        /* ignored on purpose */
      }
    }
  }

  private emitIssue(
    eventType: IssueEvent['eventType'],
    issue: StoredIssue,
    actor: Actor,
    items?: readonly ChangeItem[],
  ): void {
    const event: IssueEvent = {
      eventType,
      issue: { id: issue.id, key: issue.key, fields: issueFields(issue, this.state) },
      atlassianId: actor.accountId,
      ...(items === undefined ? {} : { changelog: { items: items.map((i) => ({ ...i })) } }),
    };
    this.emit(event);
  }

  /** The instant of a new change: now, but never before the issue's last change (histories stay in date order). */
  private changeTime(issue: StoredIssue): number {
    return Math.max(Math.floor(this.now()), lastChangeMs(issue) + 1);
  }

  private replaceIssue(candidate: StoredIssue): void {
    const index = this.state.issues.findIndex((i) => i.id === candidate.id);
    if (index < 0) throw new Error(`issue ${candidate.key} vanished`);
    this.state.issues[index] = candidate;
  }

  private addHistory(issue: StoredIssue, atMs: number, actor: Actor, items: readonly ChangeItem[]): void {
    issue.histories.push({
      id: String(this.state.nextHistoryId++),
      atMs,
      authorId: actor.accountId,
      items: [...items],
    });
    issue.updatedMs = atMs;
    this.written(issue);
  }

  /** Records a write for the search index's lag (any write: fields, transitions, the app's values). */
  private written(issue: StoredIssue): void {
    this.writtenAtMs.set(issue.id, this.now());
  }

  setSearchLag(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('setSearchLag: ms must be >= 0');
    this.searchLagMs = ms;
  }

  /** Whether the search index has caught up with the issue's last write (or the request reconciles it). */
  private indexed(issue: StoredIssue, reconcile: ReadonlySet<string>): boolean {
    if (this.searchLagMs === 0 || reconcile.has(issue.id)) return true;
    const at = this.writtenAtMs.get(issue.id);
    return at === undefined || this.now() - at >= this.searchLagMs;
  }

  // ---- Fields ----

  private getFields(): JiraResponse {
    return json(
      200,
      FIELDS.map((f) => ({
        id: f.id,
        key: f.key,
        name: f.name,
        custom: f.custom,
        orderable: f.orderable,
        navigable: f.navigable,
        searchable: f.searchable,
        clauseNames: [...f.clauseNames],
        schema: { ...f.schema },
      })),
    );
  }

  // ---- Issues ----

  private issueJson(
    issue: StoredIssue,
    fieldIds: readonly string[],
    expand: readonly string[],
    withNames: boolean,
  ): Record<string, Json> {
    const bean: Record<string, Json> = {
      expand: ISSUE_EXPAND,
      id: issue.id,
      self: issueSelf(issue),
      key: issue.key,
      fields: pickFields(issueFields(issue, this.state), fieldIds),
    };
    if (expand.includes('changelog')) bean['changelog'] = changelogPage(issue);
    if (withNames && expand.includes('names')) bean['names'] = namesOf(fieldIds);
    if (withNames && expand.includes('schema')) bean['schema'] = schemaOf(fieldIds);
    if (expand.includes('transitions')) bean['transitions'] = this.transitionsJson(issue);
    return bean;
  }

  private getIssue({ actor, params, query }: Context): JiraResponse {
    const issue = this.findIssue(actor, params['issueIdOrKey'] ?? '');
    if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
    const fieldIds = selectFieldIds(listParam(query, 'fields') ?? ['*all']);
    return json(200, this.issueJson(issue, fieldIds, listParam(query, 'expand') ?? [], true));
  }

  private getChangelog({ actor, params, query }: Context): JiraResponse {
    const issue = this.findIssue(actor, params['issueIdOrKey'] ?? '');
    if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
    const startAt = intParam(query, 'startAt', 0);
    if (!startAt.ok) return startAt.response;
    const maxResults = intParam(query, 'maxResults', 1);
    if (!maxResults.ok) return maxResults.response;
    const from = startAt.value ?? 0;
    const size = Math.min(maxResults.value ?? 100, 100);
    const values = issue.histories.slice(from, from + size).map(historyJson);
    return json(200, {
      self: `${issueSelf(issue)}/changelog?startAt=${from}&maxResults=${size}`,
      maxResults: size,
      startAt: from,
      total: issue.histories.length,
      isLast: from + size >= issue.histories.length,
      values,
    });
  }

  private searchGet({ actor, query }: Context): JiraResponse {
    const maxResults = intParam(query, 'maxResults', 1);
    if (!maxResults.ok) return maxResults.response;
    return this.search(actor, {
      jql: query.get('jql') ?? '',
      nextPageToken: query.get('nextPageToken') ?? undefined,
      maxResults: maxResults.value,
      fields: listParam(query, 'fields'),
      expand: listParam(query, 'expand') ?? [],
    });
  }

  private searchPost({ actor, body }: Context): JiraResponse {
    const parsed = searchBodySchema.safeParse(body ?? {});
    if (!parsed.success) return badBody(parsed.error);
    const b = parsed.data;
    return this.search(actor, {
      jql: b.jql ?? '',
      nextPageToken: b.nextPageToken,
      maxResults: b.maxResults,
      fields: b.fields,
      expand: (b.expand ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== ''),
      reconcileIssues: b.reconcileIssues ?? [],
    });
  }

  /** /search/jql: `fields` defaults to the id only; pages through `nextPageToken`; no `total`. */
  private search(
    actor: Actor,
    input: {
      readonly jql: string;
      readonly nextPageToken: string | undefined;
      readonly maxResults: number | undefined;
      readonly fields: readonly string[] | undefined;
      readonly expand: readonly string[];
      readonly reconcileIssues?: readonly number[];
    },
  ): JiraResponse {
    const reconcile = new Set((input.reconcileIssues ?? []).map(String));
    const compiled = compileSearch(
      input.jql,
      { state: this.state, nowMs: this.now(), accountId: actor.accountId },
      true,
    );
    if (!compiled.ok) return jiraError(400, [compiled.message]);
    let position = 0;
    if (input.nextPageToken !== undefined && input.nextPageToken !== '') {
      const decoded = decodePageToken(input.nextPageToken, 'search', input.jql, 1);
      if (decoded === null) return jiraError(400, [INVALID_TOKEN]);
      position = decoded[0] as number;
    }
    const matching = this.visibleIssues(actor)
      .filter((issue) => this.indexed(issue, reconcile) && compiled.search.matches(issue))
      .sort(compiled.search.compare);
    const idOnly = input.fields === undefined && !input.expand.includes('changelog');
    const fieldIds = selectFieldIds(input.fields ?? []);
    // Jira returns up to 5000 issues a page when only ids are asked for, fewer with fields.
    const limit = Math.min(
      input.maxResults ?? 50,
      fieldIds.length === 0 && !input.expand.includes('changelog') ? 5000 : 100,
    );
    const page = matching.slice(position, position + limit);
    const more = position + limit < matching.length;
    const result: Record<string, Json> = {
      issues: page.map((issue) => (idOnly ? { id: issue.id } : this.issueJson(issue, fieldIds, input.expand, false))),
    };
    if (more) result['nextPageToken'] = encodePageToken('search', input.jql, [position + limit]);
    result['isLast'] = !more;
    if (input.expand.includes('names')) result['names'] = namesOf(fieldIds);
    if (input.expand.includes('schema')) result['schema'] = schemaOf(fieldIds);
    return json(200, result);
  }

  /** Changelogs of several issues, oldest first, `maxResults` histories a page across the issues. */
  private bulkChangelogs({ actor, body }: Context): JiraResponse {
    const parsed = bulkChangelogSchema.safeParse(body ?? {});
    if (!parsed.success) return badBody(parsed.error);
    const { issueIdsOrKeys, fieldIds, maxResults, nextPageToken } = parsed.data;
    const seen = new Set<string>();
    const issues: StoredIssue[] = [];
    for (const ref of issueIdsOrKeys) {
      const issue = this.findIssue(actor, ref);
      if (issue !== undefined && !seen.has(issue.id)) {
        seen.add(issue.id);
        issues.push(issue);
      }
    }
    const filter = fieldIds !== undefined && fieldIds.length > 0 ? new Set(fieldIds) : null;
    const logs = issues.map((issue) => ({
      issue,
      histories: issue.histories
        .map((h) => (filter === null ? h : { ...h, items: h.items.filter((i) => filter.has(i.fieldId)) }))
        .filter((h) => h.items.length > 0),
    }));
    const requestKey = JSON.stringify([issueIdsOrKeys, fieldIds ?? []]);
    let cursor = [0, 0];
    if (nextPageToken !== undefined && nextPageToken !== '') {
      const decoded = decodePageToken(nextPageToken, 'changelog', requestKey, 2);
      if (decoded === null) return jiraError(400, [INVALID_TOKEN]);
      cursor = decoded;
    }
    let [issueIndex, historyIndex] = cursor as [number, number];
    let budget = maxResults ?? 1000;
    const issueChangeLogs: Json[] = [];
    while (issueIndex < logs.length && budget > 0) {
      const log = logs[issueIndex] as (typeof logs)[number];
      const slice = log.histories.slice(historyIndex, historyIndex + budget);
      if (slice.length > 0) issueChangeLogs.push({ issueId: log.issue.id, changeHistories: slice.map(historyJson) });
      budget -= slice.length;
      historyIndex += slice.length;
      if (historyIndex >= log.histories.length) {
        issueIndex++;
        historyIndex = 0;
      }
    }
    // Skip issues left without histories, so that a last page never hands out a token to an empty page.
    while (issueIndex < logs.length && (logs[issueIndex]?.histories.length ?? 0) === 0) issueIndex++;
    const result: Record<string, Json> = { issueChangeLogs };
    if (issueIndex < logs.length)
      result['nextPageToken'] = encodePageToken('changelog', requestKey, [issueIndex, historyIndex]);
    return json(200, result);
  }

  private editIssue({ actor, params, query, body }: Context): JiraResponse {
    const issue = this.findIssue(actor, params['issueIdOrKey'] ?? '');
    if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
    const returnIssue = boolParam(query, 'returnIssue', false);
    if (!returnIssue.ok) return returnIssue.response;
    const parsed = editBodySchema.safeParse(body ?? {});
    if (!parsed.success) return badBody(parsed.error);
    const { edits, errors } = editsOf(parsed.data.fields, parsed.data.update);
    if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
    const candidate = cloneIssue(issue);
    const outcome = applyEdits(candidate, edits, this.state);
    if (!outcome.ok) return jiraError(400, [], outcome.errors);
    if (outcome.items.length > 0) {
      this.addHistory(candidate, this.changeTime(issue), actor, outcome.items);
      this.replaceIssue(candidate);
      this.emitIssue('avi:jira:updated:issue', candidate, actor, outcome.items);
    }
    if (returnIssue.value) return json(200, this.issueJson(candidate, selectFieldIds(['*all']), [], false));
    return noContent();
  }

  private createIssue({ actor, body }: Context): JiraResponse {
    const parsed = createBodySchema.safeParse(body ?? {});
    if (!parsed.success) return badBody(parsed.error);
    const { project, issuetype, reporter, ...rest } = parsed.data.fields;
    const errors: Record<string, string> = {};
    const projectRef = isRecord(project) ? (project['key'] ?? project['id']) : undefined;
    if (typeof projectRef !== 'string' || !isDemat(projectRef) || !this.canBrowse(actor))
      errors['project'] = 'Specify a valid project ID or key';
    const typeRef = isRecord(issuetype) ? (issuetype['id'] ?? issuetype['name']) : undefined;
    const issueType = ISSUE_TYPE_NAMES.find((t) => t === typeRef || issueTypeBean(t).id === typeRef);
    if (issueType === undefined) errors['issuetype'] = 'Specify a valid issue type';
    let reporterId = actor.accountId;
    if (reporter !== undefined) {
      const id = isRecord(reporter) ? reporter['accountId'] : undefined;
      if (typeof id !== 'string' || demoUserById(id) === undefined)
        errors['reporter'] = 'Specify a valid reporter (an accountId of a user of the site)';
      else reporterId = id;
    }
    if (!('summary' in rest)) errors['summary'] = 'You must specify a summary of the issue.';
    if (Object.keys(errors).length > 0 || issueType === undefined) return jiraError(400, [], errors);
    const number = this.state.nextIssueNumber;
    const createdMs = Math.floor(this.now());
    const candidate: StoredIssue = {
      id: String(10000 + number),
      key: `${PROJECT_KEY}-${number}`,
      issueType,
      summary: '',
      status: 'À qualifier',
      createdMs,
      updatedMs: createdMs,
      resolutionMs: null,
      reporterId,
      assigneeId: null,
      versionIds: [],
      fixVersionIds: [],
      sprintIds: [],
      storyPoints: null,
      rank: rankAt(1000 + number), // created issues go to the bottom of the backlog
      appValues: Object.fromEntries(FIELDS.filter((f) => f.appModuleKey !== undefined).map((f) => [f.id, null])),
      histories: [],
    };
    const { edits, errors: updateErrors } = editsOf(rest, parsed.data.update);
    if (Object.keys(updateErrors).length > 0) return jiraError(400, [], updateErrors);
    const outcome = applyEdits(candidate, edits, this.state);
    if (!outcome.ok) return jiraError(400, [], outcome.errors);
    this.state.nextIssueNumber++;
    this.state.issues.push(candidate);
    this.written(candidate);
    this.emitIssue('avi:jira:created:issue', candidate, actor);
    return json(201, { id: candidate.id, key: candidate.key, self: issueSelf(candidate) });
  }

  // ---- Transitions ----

  private transitionJson(t: TransitionDef): Record<string, Json> {
    return {
      id: t.id,
      name: t.name,
      to: statusBean(t.to) as unknown as Json,
      hasScreen: false,
      isGlobal: false,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: false,
    };
  }

  private transitionsJson(issue: StoredIssue): Json[] {
    return availableTransitions(issue.status).map((t) => this.transitionJson(t));
  }

  private getTransitions({ actor, params, query }: Context): JiraResponse {
    const issue = this.findIssue(actor, params['issueIdOrKey'] ?? '');
    if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
    const only = query.get('transitionId');
    const transitions = availableTransitions(issue.status).filter((t) => only === null || only === '' || t.id === only);
    return json(200, { expand: 'transitions', transitions: transitions.map((t) => this.transitionJson(t)) });
  }

  private async doTransition({ actor, params, body }: Context): Promise<JiraResponse> {
    const issue = this.findIssue(actor, params['issueIdOrKey'] ?? '');
    if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
    const parsed = transitionBodySchema.safeParse(body ?? {});
    if (!parsed.success) return badBody(parsed.error);
    const transitionId = String(parsed.data.transition.id);
    const transition = transitionById(transitionId);
    if (transition === undefined || !transition.from.includes(issue.status)) {
      return jiraError(400, [`Transition id '${transitionId}' is not valid for this issue.`]);
    }
    const { edits, errors } = editsOf(parsed.data.fields, parsed.data.update);
    if (Object.keys(errors).length > 0) return jiraError(400, [], errors);
    // `issue` in a validator is the issue with the transition screen's edits, still in its current status.
    const candidate = cloneIssue(issue);
    const outcome = applyEdits(candidate, edits, this.state);
    if (!outcome.ok) return jiraError(400, [], outcome.errors);
    // `modifiedFields` (the transition screen's edits, by field id) is what Jira sends function validators.
    const modified =
      outcome.items.length === 0
        ? null
        : Object.fromEntries(
            [...new Set(outcome.items.map((i) => i.fieldId))].map((id) => [id, modifiedValue(candidate, id)]),
          );
    const refusal = await this.runValidators(issue, candidate, transition, actor, modified);
    if (refusal !== null) return jiraError(400, refusal);
    const current = this.state.issues.find((i) => i.id === issue.id);
    if (
      current === undefined ||
      current.status !== issue.status ||
      current.histories.length !== issue.histories.length
    ) {
      return jiraError(409, [`${issue.key} changed while its validators ran; try the transition again.`]);
    }
    const atMs = this.changeTime(issue);
    const items = [statusChangeItem(issue.status, transition.to), ...outcome.items];
    enterStatus(candidate, transition.to, atMs);
    this.addHistory(candidate, atMs, actor, items);
    this.replaceIssue(candidate);
    this.emitIssue('avi:jira:updated:issue', candidate, actor, items);
    return noContent();
  }

  /** The validators of the issue's workflow on that transition, in order; the first refusal wins. */
  private async runValidators(
    original: StoredIssue,
    candidate: StoredIssue,
    transition: TransitionDef,
    actor: Actor,
    modifiedFields: Readonly<Record<string, unknown>> | null,
  ): Promise<string[] | null> {
    const rules = this.state.validators.filter(
      (v) => v.workflow === workflowOf(original.issueType) && v.transitionId === transition.id,
    );
    const fromStatus = statusBean(original.status);
    const toStatus = statusBean(transition.to);
    for (const rule of rules) {
      if (rule.type === 'expression') {
        const config = toExpressionValue(rule.configuration) ?? null;
        const override = isRecord(config) ? config['expression'] : undefined;
        const expression = typeof override === 'string' ? override : (rule.expression ?? 'true');
        const outcome = evaluateJiraExpression(expression, {
          issue: expressionIssue(candidate, this.state),
          originalIssue: expressionIssue(original, this.state),
          user: expressionUser(actor.accountId),
          transition: {
            id: Number(transition.id),
            name: transition.name,
            from: { id: Number(fromStatus.id), name: fromStatus.name },
            to: { id: Number(toStatus.id), name: toStatus.name },
          },
          project: { id: PROJECT_ID, key: PROJECT_KEY, name: PROJECT_NAME },
          config,
        });
        const verdict = expressionVerdict(outcome, rule.errorMessage);
        if (!verdict.pass) {
          return verdict.problem === null
            ? [verdict.message]
            : [
                verdict.message,
                `The Jira expression of the validator ${rule.ruleKey} failed (${verdict.problem.kind}): ${verdict.problem.message}`,
              ];
        }
        continue;
      }
      if (this.hook === null) continue; // without a hook (no app installed), function validators pass
      const payload: FunctionValidatorPayload = {
        issue: { key: original.key },
        configuration: JSON.stringify(rule.configuration ?? null),
        transition: {
          from: { id: fromStatus.id },
          to: { id: toStatus.id },
          id: transition.id,
          name: transition.name,
          ...(modifiedFields === null ? {} : { modifiedFields }),
        },
      };
      let answer: unknown;
      try {
        answer = await this.hook(rule.ruleKey, payload, actor.accountId);
      } catch (error) {
        return [
          rule.errorMessage,
          `The function validator ${rule.ruleKey} failed: ${error instanceof Error ? error.message : String(error)}`,
        ];
      }
      const result = functionResultSchema.safeParse(answer);
      if (!result.success) {
        return [
          rule.errorMessage,
          `The function validator ${rule.ruleKey} answered ${JSON.stringify(answer) ?? 'undefined'}, not {result: boolean, errorMessage?: string}`,
        ];
      }
      if (!result.data.result) return [result.data.errorMessage ?? rule.errorMessage];
    }
    return null;
  }

  // ---- Users, groups, permissions ----

  private myPermissions({ actor, query }: Context): JiraResponse {
    const keys = listParam(query, 'permissions');
    if (keys === undefined || keys.length === 0)
      return jiraError(400, [
        "The 'permissions' query parameter is required (a comma-separated list of permission keys).",
      ]);
    const unknown = keys.find((k) => !PERMISSIONS.some((p) => p.key === k));
    if (unknown !== undefined) return jiraError(400, [`The permission key '${unknown}' does not exist.`]);
    const projectRef = query.get('projectKey') ?? query.get('projectId');
    if (projectRef !== null && (!isDemat(projectRef) || !this.canBrowse(actor))) return projectNotFound(projectRef);
    const issueRef = query.get('issueKey') ?? query.get('issueId');
    if (issueRef !== null && this.findIssue(actor, issueRef) === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
    const has = (key: string): boolean => {
      if (actor.kind === 'app') return true;
      if (key === 'ADMINISTER') return actor.user.jiraAdministrator;
      if (key === 'ADMINISTER_PROJECTS') return actor.user.projectAdministrator;
      return canBrowseProject(actor.user);
    };
    const permissions: Record<string, Json> = {};
    for (const key of keys) {
      const p = PERMISSIONS.find((x) => x.key === key);
      if (p !== undefined)
        permissions[key] = {
          id: p.id,
          key: p.key,
          name: p.name,
          type: p.type,
          description: p.description,
          havePermission: has(key),
        };
    }
    return json(200, { permissions });
  }

  private userGroups({ query }: Context): JiraResponse {
    const accountId = query.get('accountId');
    if (accountId === null || accountId === '') return jiraError(400, ["The 'accountId' query parameter is required."]);
    if (accountId === APP_ACCOUNT_ID) return json(200, []);
    const user = demoUserById(accountId);
    if (user === undefined) return jiraError(404, [`User with accountId '${accountId}' was not found.`]);
    return json(200, user.groups.map(groupName));
  }

  private myself({ actor, query }: Context): JiraResponse {
    const expand = listParam(query, 'expand') ?? [];
    const groups = actor.kind === 'app' ? [] : actor.user.groups;
    const bean: Record<string, Json> = {
      ...(userDetails(actor.accountId) as Record<string, Json>),
      locale: 'fr_FR',
      expand: 'groups,applicationRoles',
    };
    if (expand.includes('groups'))
      bean['groups'] = { size: groups.length, items: groups.map(groupName), 'max-results': 200 };
    if (actor.kind === 'app') bean['displayName'] = APP_DISPLAY_NAME;
    return json(200, bean);
  }

  private groupsPicker({ query }: Context): JiraResponse {
    const text = (query.get('query') ?? '').trim().toLowerCase();
    const maxResults = intParam(query, 'maxResults', 0);
    if (!maxResults.ok) return maxResults.response;
    const exclude = new Set(query.getAll('exclude'));
    const matching = GROUPS.filter((g) => !exclude.has(g.name) && g.name.toLowerCase().includes(text));
    const shown = matching.slice(0, maxResults.value ?? 20);
    const highlight = (name: string): string => {
      if (text === '') return name;
      const at = name.toLowerCase().indexOf(text);
      return `${name.slice(0, at)}<b>${name.slice(at, at + text.length)}</b>${name.slice(at + text.length)}`;
    };
    return json(200, {
      header: `Showing ${shown.length} of ${matching.length} matching groups`,
      total: matching.length,
      groups: shown.map((g) => ({ name: g.name, html: highlight(g.name), groupId: g.groupId, labels: [] })),
    });
  }

  // ---- The app's fields ----

  /** A value for one of the app's fields, in its stored form, or what is wrong with it. */
  private appValue(
    field: FieldDef,
    value: unknown,
  ): { readonly ok: true; readonly value: string | null } | { readonly ok: false; readonly message: string } {
    if (value === null) return { ok: true, value: null };
    if (field.kind === 'datetime') {
      const ms = parseJiraInstant(value);
      if (ms === null)
        return { ok: false, message: `expected a date-time with an offset for ${field.id} (${field.name}), or null` };
      // Milliseconds are ignored, as Jira's documentation says.
      return { ok: true, value: formatJiraDateTime(Math.floor(ms / 1000) * 1000) };
    }
    if (typeof value !== 'string')
      return { ok: false, message: `expected a string for ${field.id} (${field.name}), or null` };
    return { ok: true, value: value === '' ? null : value };
  }

  private appFieldOwner(
    actor: Actor,
    ref: string,
  ): { readonly ok: true; readonly field: FieldDef } | { readonly ok: false; readonly response: JiraResponse } {
    const field = fieldByIdOrKey(ref);
    if (field === undefined || !field.custom)
      return { ok: false, response: jiraError(404, [`The custom field ${ref} was not found.`]) };
    if (actor.kind !== 'app') {
      return {
        ok: false,
        response: jiraError(403, [
          'Only the app that provides the custom field can update its value; call this as the app (asApp()).',
        ]),
      };
    }
    if (field.appModuleKey === undefined)
      return {
        ok: false,
        response: jiraError(403, [`The custom field ${field.id} (${field.name}) is not provided by this app.`]),
      };
    return { ok: true, field };
  }

  private putAppFieldValue({ actor, params, query, body }: Context): JiraResponse {
    const owner = this.appFieldOwner(actor, params['fieldIdOrKey'] ?? '');
    if (!owner.ok) return owner.response;
    const generateChangelog = boolParam(query, 'generateChangelog', true);
    if (!generateChangelog.ok) return generateChangelog.response;
    const parsed = appFieldValueSchema.safeParse(body ?? {});
    if (!parsed.success) return badBody(parsed.error);
    return this.writeAppValues(
      parsed.data.updates.map((u) => ({ field: owner.field, issueIds: u.issueIds, value: u.value })),
      generateChangelog.value,
      actor,
    );
  }

  private postAppFieldValues({ actor, query, body }: Context): JiraResponse {
    const generateChangelog = boolParam(query, 'generateChangelog', true);
    if (!generateChangelog.ok) return generateChangelog.response;
    const parsed = appFieldValuesSchema.safeParse(body ?? {});
    if (!parsed.success) return badBody(parsed.error);
    const writes: { field: FieldDef; issueIds: readonly number[]; value: unknown }[] = [];
    for (const update of parsed.data.updates) {
      const owner = this.appFieldOwner(actor, update.customField);
      if (!owner.ok) return owner.response;
      writes.push({ field: owner.field, issueIds: update.issueIds, value: update.value });
    }
    return this.writeAppValues(writes, generateChangelog.value, actor);
  }

  /** Checks every write first (all or nothing), then stores; one history and one event per changed issue. */
  private writeAppValues(
    writes: readonly { field: FieldDef; issueIds: readonly number[]; value: unknown }[],
    generateChangelog: boolean,
    actor: Actor,
  ): JiraResponse {
    const checked: { field: FieldDef; issues: StoredIssue[]; value: string | null }[] = [];
    for (const [u, write] of writes.entries()) {
      const value = this.appValue(write.field, write.value);
      if (!value.ok) return jiraError(400, [`updates[${u}].value: ${value.message}`]);
      const issues: StoredIssue[] = [];
      for (const [n, id] of write.issueIds.entries()) {
        const issue = this.state.issues.find((i) => i.id === String(id));
        if (issue === undefined)
          return jiraError(400, [`updates[${u}].issueIds[${n}]: issue ${id} does not exist (issue ids, not keys).`]);
        issues.push(issue);
      }
      checked.push({ field: write.field, issues, value: value.value });
    }
    const changes = new Map<StoredIssue, ChangeItem[]>();
    for (const { field, issues, value } of checked) {
      for (const issue of issues) {
        const from = issue.appValues[field.id] ?? null;
        if (from === value) continue;
        issue.appValues[field.id] = value;
        this.written(issue);
        changes.set(issue, [...(changes.get(issue) ?? []), textChangeItem(field.name, field.id, from, value)]);
      }
    }
    if (generateChangelog) {
      for (const [issue, items] of changes) {
        this.addHistory(issue, this.changeTime(issue), actor, items);
        this.emitIssue('avi:jira:updated:issue', issue, actor, items);
      }
    }
    return noContent();
  }

  // ---- Versions ----

  private projectVersions({ actor, params }: Context): JiraResponse {
    const ref = params['projectIdOrKey'] ?? '';
    if (!isDemat(ref) || !this.canBrowse(actor)) return projectNotFound(ref);
    return json(
      200,
      this.state.versions.map((v) => ({ ...v })),
    );
  }

  // ---- Agile ----

  private boardBean(): Record<string, Json> {
    return {
      id: BOARD_ID,
      self: boardSelf(),
      name: 'Tableau DEMAT',
      type: 'scrum',
      location: {
        projectId: PROJECT_ID,
        displayName: `${PROJECT_NAME} (${PROJECT_KEY})`,
        projectName: PROJECT_NAME,
        projectKey: PROJECT_KEY,
        projectTypeKey: 'software',
        avatarURI: `${JIRA_SITE}/secure/projectavatar?size=small&pid=${PROJECT_ID}`,
        name: `${PROJECT_NAME} (${PROJECT_KEY})`,
      },
    };
  }

  private page(query: URLSearchParams, values: readonly Json[]): JiraResponse {
    const startAt = intParam(query, 'startAt', 0);
    if (!startAt.ok) return startAt.response;
    const maxResults = intParam(query, 'maxResults', 1);
    if (!maxResults.ok) return maxResults.response;
    const from = startAt.value ?? 0;
    const size = maxResults.value ?? 50;
    const slice = values.slice(from, from + size);
    return json(200, {
      maxResults: size,
      startAt: from,
      total: values.length,
      isLast: from + slice.length >= values.length,
      values: slice,
    });
  }

  private boards({ actor, query }: Context): JiraResponse {
    const project = query.get('projectKeyOrId');
    const types = listParam(query, 'type');
    const name = query.get('name');
    const visible =
      this.canBrowse(actor) &&
      (project === null || isDemat(project)) &&
      (types === undefined || types.includes('scrum')) &&
      (name === null || 'Tableau DEMAT'.toLowerCase().includes(name.toLowerCase()));
    return this.page(query, visible ? [this.boardBean()] : []);
  }

  private boardOf(actor: Actor, ref: string): boolean {
    return ref === String(BOARD_ID) && this.canBrowse(actor);
  }

  private board({ actor, params }: Context): JiraResponse {
    if (!this.boardOf(actor, params['boardId'] ?? ''))
      return jiraError(404, ['Board does not exist or you do not have permission to see it.']);
    return json(200, this.boardBean());
  }

  private boardSprints({ actor, params, query }: Context): JiraResponse {
    if (!this.boardOf(actor, params['boardId'] ?? ''))
      return jiraError(404, ['Board does not exist or you do not have permission to see it.']);
    const states = listParam(query, 'state');
    const wrong = states?.find((s) => !['future', 'active', 'closed'].includes(s));
    if (wrong !== undefined)
      return jiraError(400, [`state: '${wrong}' is not a sprint state (future, active, closed).`]);
    const sprints = this.state.sprints.filter((s) => states === undefined || states.includes(s.state));
    return this.page(
      query,
      sprints.map((s) => ({ ...s })),
    );
  }

  private boardConfiguration({ actor, params }: Context): JiraResponse {
    if (!this.boardOf(actor, params['boardId'] ?? ''))
      return jiraError(404, ['Board does not exist or you do not have permission to see it.']);
    const column = (name: string, statuses: readonly StatusName[]) => ({
      name,
      statuses: statuses.map((s) => ({ id: statusBean(s).id, self: statusBean(s).self })),
    });
    return json(200, {
      id: BOARD_ID,
      name: 'Tableau DEMAT',
      type: 'scrum',
      self: `${boardSelf()}/configuration`,
      location: { type: 'project', projectKeyOrId: String(PROJECT_ID) },
      filter: { id: '10000', self: `${JIRA_SITE}/rest/api/3/filter/10000` },
      subQuery: { query: '' },
      columnConfig: {
        columns: [
          column('À faire', ['À qualifier']),
          column('En cours', ['En cours', 'En attente Administration', 'Contournement validé']),
          column('Validation', ['En validation Administration']),
          column(
            'Terminé',
            STATUS_NAMES.filter((s) => ['Validée', 'Résolue', 'En production', 'Fermée'].includes(s)),
          ),
        ],
        constraintType: 'issueCount',
      },
      // Where the story points come from (forge-research.md §7): the board's estimation field.
      estimation: { type: 'field', field: { fieldId: 'customfield_10016', displayName: 'Story point estimate' } },
      ranking: { rankCustomFieldId: 10019 },
    });
  }

  private sprintOf(actor: Actor, ref: string): AgileSprint | undefined {
    return this.canBrowse(actor) ? this.state.sprints.find((s) => String(s.id) === ref) : undefined;
  }

  private sprint({ actor, params }: Context): JiraResponse {
    const sprint = this.sprintOf(actor, params['sprintId'] ?? '');
    if (sprint === undefined) return jiraError(404, ['Sprint does not exist or you do not have permission to see it.']);
    return json(200, { ...sprint });
  }

  /** Issues of a sprint, in rank order, with the agile fields `sprint`, `closedSprints` and `flagged`. */
  private sprintIssues({ actor, params, query }: Context): JiraResponse {
    const sprint = this.sprintOf(actor, params['sprintId'] ?? '');
    if (sprint === undefined) return jiraError(404, ['Sprint does not exist or you do not have permission to see it.']);
    const startAt = intParam(query, 'startAt', 0);
    if (!startAt.ok) return startAt.response;
    const maxResults = intParam(query, 'maxResults', 1);
    if (!maxResults.ok) return maxResults.response;
    const jql = query.get('jql');
    let matches: (issue: StoredIssue) => boolean = () => true;
    if (jql !== null && jql.trim() !== '') {
      const compiled = compileSearch(jql, { state: this.state, nowMs: this.now(), accountId: actor.accountId }, false);
      if (!compiled.ok) return jiraError(400, [compiled.message]);
      matches = compiled.search.matches;
    }
    const requested = listParam(query, 'fields');
    const fieldIds = selectFieldIds(requested ?? ['*navigable']);
    const agile =
      requested === undefined
        ? ['sprint', 'closedSprints', 'flagged']
        : requested.filter((f) => ['sprint', 'closedSprints', 'flagged'].includes(f));
    const expand = listParam(query, 'expand') ?? [];
    const issues = this.visibleIssues(actor)
      .filter((i) => i.sprintIds.includes(sprint.id) && matches(i))
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
    const from = startAt.value ?? 0;
    const size = maxResults.value ?? 50;
    const page = issues.slice(from, from + size).map((issue) => {
      const bean = this.issueJson(issue, fieldIds, expand, true);
      const sprints = sprintsOf(issue.sprintIds, this.state.sprints);
      const fields = { ...(bean['fields'] as Record<string, Json>) };
      if (agile.includes('sprint'))
        fields['sprint'] = (sprints.find((s) => s.state !== 'closed') as Json | undefined) ?? null;
      if (agile.includes('closedSprints'))
        fields['closedSprints'] = sprints.filter((s) => s.state === 'closed') as unknown as Json;
      if (agile.includes('flagged')) fields['flagged'] = false;
      return { ...bean, self: `${JIRA_SITE}/rest/agile/1.0/issue/${issue.id}`, fields };
    });
    return json(200, { expand: 'schema,names', startAt: from, maxResults: size, total: issues.length, issues: page });
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
