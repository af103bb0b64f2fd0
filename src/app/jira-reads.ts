// Reads the app makes from Jira, parsed at the edge (zod). Paged results are followed to the end; catalogues that
// change rarely (fields, closed board sprints) are cached in the key-value store so a panel load needs few Jira calls.
import { z } from 'zod';
import { APP_FIELD_KEYS } from '../contract';
import type { AppIdentity, Deps, JiraAs } from './ports';
import { AppError } from './app-error';

const FIELD_CACHE_KEY = 'cache:fields';
const FIELD_CACHE_SECONDS = 3600;
const SPRINT_CACHE_SECONDS = 900;
const SEARCH_PAGE_SIZE = 100;
const BULK_CHANGELOG_ISSUES = 1000;

const fieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  key: z.string().optional(),
  schema: z.looseObject({ custom: z.string().optional(), type: z.string().optional() }).optional(),
});
const fieldListSchema = z.array(fieldSchema);
const cachedFieldsSchema = z.array(
  z.object({ id: z.string(), name: z.string(), custom: z.string().nullable(), key: z.string().optional() }),
);

export type FieldInfo = {
  readonly id: string;
  readonly name: string;
  readonly custom: string | null;
  readonly key?: string;
};
export type FieldCatalogue = {
  readonly fields: readonly FieldInfo[];
  /** Field id → name, as in a search response's `names`. */
  readonly names: Readonly<Record<string, string>>;
  /** This app's own fields: module key → field id (see appModuleKeyOf). */
  readonly appFields: Readonly<Record<string, string>>;
};

/**
 * Jira refused the call itself (401/403): the app's scopes, or its install on this site, not the thing asked for. A
 * real site answers 401 when the manifest lacks a scope of the operation, so this must never read as "not found".
 */
export const refusedByJira = (what: string, status: number): AppError =>
  new AppError(
    'FORBIDDEN',
    `${what} : Jira a refusé l'appel de Contract SLA (${status}) ; il manque sans doute une portée (scope) à l'application, ou elle n'est pas à jour sur ce site. Prévenez l'administrateur Jira. / ` +
      `${what}: Jira refused Contract SLA's call (${status}); the app probably lacks a scope, or is not up to date on this site. Tell your Jira administrator.`,
  );

/** A Jira answer that is not a success, as the app error it means: 404 not found, 401/403 refused, else INTERNAL. */
export const expectOk = (what: string, status: number, body: unknown): void => {
  if (status === 404) throw new AppError('NOT_FOUND', `${what}: not found or not visible`);
  if (status === 401 || status === 403) throw refusedByJira(what, status);
  if (status < 200 || status >= 300) {
    const messages = z.looseObject({ errorMessages: z.array(z.string()).optional() }).safeParse(body);
    const detail =
      messages.success && messages.data.errorMessages?.length ? `: ${messages.data.errorMessages.join('; ')}` : '';
    throw new AppError('INTERNAL', `${what}: Jira answered ${status}${detail}`);
  }
};

const parseOrFail = <T>(what: string, schema: z.ZodType<T>, body: unknown): T => {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new AppError(
      'INTERNAL',
      `${what}: unexpected response from Jira (${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''})`,
    );
  return parsed.data;
};

/** `ari:cloud:ecosystem::extension/<appId>/<environmentId>/static/`: what this app's module ARIs start with. */
export const extensionAriPrefix = (app: AppIdentity): string =>
  `ari:cloud:ecosystem::extension/${app.appId}/${app.environmentId}/static/`;

/**
 * The module key of one of this app's fields, or null for any other field. A Forge field's `schema.custom` is its
 * extension ARI (docs/notes/forge-research.md §1; the module is Forge doc "Jira custom field"), and only the full
 * prefix (app and environment) says whose it is: another app's module may have the same key ("severity"). Its `key`
 * `<appId>__<ENVIRONMENT_TYPE>__<moduleKey>` says the same, and is accepted too.
 */
const appModuleKeyOf = (field: FieldInfo, app: AppIdentity): string | null => {
  const prefix = extensionAriPrefix(app);
  if (field.custom !== null && field.custom.startsWith(prefix) && !field.custom.slice(prefix.length).includes('/'))
    return field.custom.slice(prefix.length);
  const ownKey = field.key?.startsWith(`${app.appId}__`) ? field.key.slice(app.appId.length + 2) : undefined;
  return (ownKey === undefined ? undefined : /^[A-Z]+__(.+)$/.exec(ownKey)?.[1]) ?? null;
};

export const catalogueOf = (fields: readonly FieldInfo[], app: AppIdentity): FieldCatalogue => {
  const appKeys = new Set<string>(Object.values(APP_FIELD_KEYS));
  const appFields: Record<string, string> = {};
  for (const field of fields) {
    const key = appModuleKeyOf(field, app);
    if (key !== null && appKeys.has(key)) appFields[key] = field.id;
  }
  return { fields, names: Object.fromEntries(fields.map((f) => [f.id, f.name])), appFields };
};

/** The site's fields (cached an hour). */
export const fieldCatalogue = async (deps: Deps): Promise<FieldCatalogue> => {
  const cached = cachedFieldsSchema.safeParse(await deps.store.get(FIELD_CACHE_KEY));
  if (cached.success) return catalogueOf(cached.data, deps.app);
  const reply = await deps.jira.request('app', 'GET', '/rest/api/3/field');
  expectOk('GET /rest/api/3/field', reply.status, reply.body);
  const fields = parseOrFail('GET /rest/api/3/field', fieldListSchema, reply.body).map((f) => ({
    id: f.id,
    name: f.name,
    custom: f.schema?.custom ?? null,
    ...(f.key === undefined ? {} : { key: f.key }),
  }));
  await deps.store.set(FIELD_CACHE_KEY, fields, FIELD_CACHE_SECONDS);
  return catalogueOf(fields, deps.app);
};

const searchPageSchema = z.looseObject({
  issues: z.array(z.unknown()).default([]),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

/** The token of the page after this one, or null on the last page (whether Jira says isLast or only omits the token). */
const nextTokenOf = (page: z.infer<typeof searchPageSchema>): string | null =>
  page.isLast === false || (page.isLast === undefined && page.nextPageToken) ? (page.nextPageToken ?? null) : null;

/** One page of what the JQL finds: the first, or the one a previous page's `nextPageToken` names. */
/** At most 50 ids, and the same list on every page (documentation: "Search for issues using JQL enhanced search (POST)"). */
export const MAX_RECONCILED_ISSUES = 50;

/**
 * One page of a search. `reconcileIssueIds`: issues the caller has just seen written (an event, a panel opened on
 * an issue just edited): Jira's search index follows writes with a delay, and these ids are read consistently.
 */
export const searchPage = async (
  deps: Deps,
  as: JiraAs,
  jql: string,
  fields: readonly string[],
  maxResults: number,
  nextPageToken?: string,
  reconcileIssueIds: readonly string[] = [],
): Promise<{ issues: unknown[]; nextPageToken: string | null }> => {
  if (reconcileIssueIds.length > MAX_RECONCILED_ISSUES)
    throw new RangeError(`searchPage: at most ${MAX_RECONCILED_ISSUES} issues to reconcile`);
  const reconcileIssues = reconcileIssueIds.map(Number);
  const reply = await deps.jira.request(as, 'POST', '/rest/api/3/search/jql', {
    jql,
    fields,
    maxResults,
    ...(nextPageToken ? { nextPageToken } : {}),
    ...(reconcileIssues.length > 0 ? { reconcileIssues } : {}),
  });
  expectOk('POST /rest/api/3/search/jql', reply.status, reply.body);
  const page = parseOrFail('POST /rest/api/3/search/jql', searchPageSchema, reply.body);
  return { issues: page.issues, nextPageToken: nextTokenOf(page) };
};

/** Every issue the JQL finds (as the app or as the user, with the user's permissions), following the pages. */
export const searchIssues = async (
  deps: Deps,
  as: JiraAs,
  jql: string,
  fields: readonly string[],
  maxIssues = 100_000,
  reconcileIssueIds: readonly string[] = [],
): Promise<unknown[]> => {
  const issues: unknown[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await searchPage(deps, as, jql, fields, SEARCH_PAGE_SIZE, nextPageToken, reconcileIssueIds);
    issues.push(...page.issues);
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken !== undefined && issues.length < maxIssues);
  return issues;
};

const bulkPageSchema = z.looseObject({
  issueChangeLogs: z
    .array(z.looseObject({ issueId: z.string(), changeHistories: z.array(z.unknown()).default([]) }))
    .default([]),
  nextPageToken: z.string().nullish(),
});

/** Full histories of the issues (bulkfetch: 1000 issues a call, pages followed), in the bulkfetch shape. */
export const bulkChangelogs = async (
  deps: Deps,
  as: JiraAs,
  issueIds: readonly string[],
  fieldIds: readonly string[],
): Promise<{ issueId: string; changeHistories: unknown[] }[]> => {
  const byIssue = new Map<string, unknown[]>();
  for (let i = 0; i < issueIds.length; i += BULK_CHANGELOG_ISSUES) {
    const chunk = issueIds.slice(i, i + BULK_CHANGELOG_ISSUES);
    let nextPageToken: string | undefined;
    do {
      const reply = await deps.jira.request(as, 'POST', '/rest/api/3/changelog/bulkfetch', {
        issueIdsOrKeys: chunk,
        fieldIds: fieldIds.slice(0, 10),
        maxResults: 10_000,
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      expectOk('POST /rest/api/3/changelog/bulkfetch', reply.status, reply.body);
      const page = parseOrFail('POST /rest/api/3/changelog/bulkfetch', bulkPageSchema, reply.body);
      for (const log of page.issueChangeLogs)
        byIssue.set(log.issueId, [...(byIssue.get(log.issueId) ?? []), ...log.changeHistories]);
      nextPageToken = page.nextPageToken ?? undefined;
    } while (nextPageToken !== undefined);
  }
  return [...byIssue].map(([issueId, changeHistories]) => ({ issueId, changeHistories }));
};

const boardListSchema = z.looseObject({
  values: z
    .array(z.looseObject({ id: z.number(), name: z.string().default(''), type: z.string().optional() }))
    .default([]),
});
const sprintPageSchema = z.looseObject({
  values: z.array(z.unknown()).default([]),
  isLast: z.boolean().optional(),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
});

export type Board = { readonly id: number; readonly name: string };

/** The project's first scrum board, or null when it has none. */
export const scrumBoardOf = async (deps: Deps, projectKey: string): Promise<Board | null> => {
  const reply = await deps.jira.request(
    'app',
    'GET',
    `/rest/agile/1.0/board?projectKeyOrId=${encodeURIComponent(projectKey)}&type=scrum`,
  );
  if (reply.status === 404) return null;
  expectOk('GET /rest/agile/1.0/board', reply.status, reply.body);
  const board = parseOrFail('GET /rest/agile/1.0/board', boardListSchema, reply.body).values[0];
  return board ? { id: board.id, name: board.name } : null;
};

/** The sprints of a board in these states, as agile sprint beans, following the pages. */
const sprintPages = async (deps: Deps, boardId: number, states: 'closed' | 'active,future'): Promise<unknown[]> => {
  const sprints: unknown[] = [];
  for (let startAt = 0; ;) {
    const reply = await deps.jira.request(
      'app',
      'GET',
      `/rest/agile/1.0/board/${boardId}/sprint?startAt=${startAt}&maxResults=50&state=${states}`,
    );
    expectOk('GET /rest/agile/1.0/board/{id}/sprint', reply.status, reply.body);
    const page = parseOrFail('GET /rest/agile/1.0/board/{id}/sprint', sprintPageSchema, reply.body);
    sprints.push(...page.values);
    if (page.isLast !== false || page.values.length === 0) return sprints;
    startAt += page.values.length;
  }
};

/** Forge key-value store keys: `[a-zA-Z0-9:._\s-#]` only (Forge doc "Error handling for the Key-Value Store"). */
const closedSprintsKey = (boardId: number): string => `cache:closed-sprints:board:${boardId}`;
/** A closed sprint may still be edited (renamed, a date corrected): the cache is read again at least once a day. */
const CLOSED_SPRINTS_CACHE_SECONDS = 86_400;
const closedCacheSchema = z.object({ closed: z.array(z.unknown()), liveIds: z.array(z.number()) });
const sprintIdsOf = (sprints: readonly unknown[]): number[] =>
  sprints.flatMap((s) => {
    const parsed = z.looseObject({ id: z.number() }).safeParse(s);
    return parsed.success ? [parsed.data.id] : [];
  });

/**
 * Every sprint of a board (closed first, then active and future: the order of Jira's unfiltered list): the closed
 * ones from the store, the active and future ones read live (`state=active,future`, Jira Software REST API "Get all
 * sprints"). The store also keeps the ids that were live at the last read: when one
 * of them is no longer live it has been closed (or deleted), and the closed list is read again. One Jira call on a
 * warm load (a page per 50 live sprints).
 */
export const boardSprintsCached = async (deps: Deps, boardId: number): Promise<unknown[]> => {
  const live = await sprintPages(deps, boardId, 'active,future');
  const liveIds = sprintIdsOf(live);
  const cached = closedCacheSchema.safeParse(await deps.store.get(closedSprintsKey(boardId)));
  const closedSince = !cached.success || cached.data.liveIds.some((id) => !liveIds.includes(id));
  if (closedSince) {
    const closed = await sprintPages(deps, boardId, 'closed');
    await deps.store.set(closedSprintsKey(boardId), { closed, liveIds }, CLOSED_SPRINTS_CACHE_SECONDS);
    return [...closed, ...live];
  }
  // A sprint created since: remember it is live, so that its closing is noticed.
  if (liveIds.some((id) => !cached.data.liveIds.includes(id)))
    await deps.store.set(
      closedSprintsKey(boardId),
      { closed: cached.data.closed, liveIds },
      CLOSED_SPRINTS_CACHE_SECONDS,
    );
  return [...cached.data.closed, ...live];
};

/** The sprints of the project's first scrum board (cached 15 minutes); none without a board. */
export const projectSprints = async (deps: Deps, projectKey: string): Promise<unknown[]> => {
  const cacheKey = `cache:sprints:${projectKey}`;
  const cached = z.array(z.unknown()).safeParse(await deps.store.get(cacheKey));
  if (cached.success) return cached.data;
  const board = await scrumBoardOf(deps, projectKey);
  const sprints = board === null ? [] : await boardSprintsCached(deps, board.id);
  await deps.store.set(cacheKey, sprints, SPRINT_CACHE_SECONDS);
  return sprints;
};

const permissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

/** Which of these Jira permissions the invoking user has (global, or in a project or on an issue): one call. */
export const userPermissions = async (
  deps: Deps,
  permissions: readonly string[],
  scope: { projectKey?: string; issueKey?: string } = {},
): Promise<ReadonlySet<string>> => {
  const query = new URLSearchParams({ permissions: permissions.join(',') });
  if (scope.projectKey) query.set('projectKey', scope.projectKey);
  if (scope.issueKey) query.set('issueKey', scope.issueKey);
  const reply = await deps.jira.request('user', 'GET', `/rest/api/3/mypermissions?${query.toString()}`);
  if (reply.status === 404) return new Set();
  expectOk('GET /rest/api/3/mypermissions', reply.status, reply.body);
  const held = parseOrFail('GET /rest/api/3/mypermissions', permissionsSchema, reply.body).permissions;
  return new Set(permissions.filter((p) => held[p]?.havePermission === true));
};

/** Whether the invoking user has a Jira permission (global, or in a project or on an issue). */
export const userHasPermission = async (
  deps: Deps,
  permission: string,
  scope: { projectKey?: string; issueKey?: string } = {},
): Promise<boolean> => (await userPermissions(deps, [permission], scope)).has(permission);

const groupsSchema = z.array(z.looseObject({ name: z.string() }));

/** The names of the groups a user belongs to (asked as the app: group rules are checked server side). */
export const groupsOf = async (deps: Deps, accountId: string): Promise<readonly string[]> => {
  const reply = await deps.jira.request(
    'app',
    'GET',
    `/rest/api/3/user/groups?accountId=${encodeURIComponent(accountId)}`,
  );
  if (reply.status === 404) return [];
  expectOk('GET /rest/api/3/user/groups', reply.status, reply.body);
  return parseOrFail('GET /rest/api/3/user/groups', groupsSchema, reply.body).map((g) => g.name);
};

const groupPickerSchema = z.looseObject({ groups: z.array(z.looseObject({ name: z.string() })).default([]) });

export const findGroups = async (deps: Deps, query: string): Promise<readonly string[]> => {
  const reply = await deps.jira.request(
    'app',
    'GET',
    `/rest/api/3/groups/picker?query=${encodeURIComponent(query)}&maxResults=50`,
  );
  expectOk('GET /rest/api/3/groups/picker', reply.status, reply.body);
  return parseOrFail('GET /rest/api/3/groups/picker', groupPickerSchema, reply.body).groups.map((g) => g.name);
};

const issueTypeListSchema = z.array(z.looseObject({ name: z.string() }));

/** The names of the site's issue types (cached an hour): JQL refuses a type the site does not have. */
export const siteIssueTypes = async (deps: Deps): Promise<readonly string[]> => {
  const cached = z.array(z.string()).safeParse(await deps.store.get('cache:issuetypes'));
  if (cached.success) return cached.data;
  const reply = await deps.jira.request('app', 'GET', '/rest/api/3/issuetype');
  expectOk('GET /rest/api/3/issuetype', reply.status, reply.body);
  const names = [
    ...new Set(parseOrFail('GET /rest/api/3/issuetype', issueTypeListSchema, reply.body).map((t) => t.name)),
  ];
  await deps.store.set('cache:issuetypes', names, FIELD_CACHE_SECONDS);
  return names;
};
