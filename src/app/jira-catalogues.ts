// What the app reads of Jira that changes rarely, cached in the key-value store so that a panel load needs few Jira
// calls (policy, hence here and not in the gateway): the field catalogue (an hour), the closed sprints of a board
// (until one of its live sprints closes, or a day), a project's sprints (15 minutes), the site's issue types (an
// hour). And the permission question every resolver asks.
import { z } from 'zod';
import { APP_FIELD_KEYS } from '../contract';
import type { AppIdentity, Deps, FieldInfo, PermissionScope, SprintBean } from './ports';

const FIELD_CACHE_KEY = 'cache:fields';
const FIELD_CACHE_SECONDS = 3600;
const SPRINT_CACHE_SECONDS = 900;

const cachedFieldsSchema = z.array(
  z.object({ id: z.string(), name: z.string(), custom: z.string().nullable(), key: z.string().optional() }),
);
const sprintBeansSchema = z.array(
  z.looseObject({ id: z.number(), state: z.string().optional(), startDate: z.string().optional() }),
);

export type FieldCatalogue = {
  readonly fields: readonly FieldInfo[];
  /** Field id → name, as in a search response's `names`. */
  readonly names: Readonly<Record<string, string>>;
  /** This app's own fields: module key → field id (see appModuleKeyOf). */
  readonly appFields: Readonly<Record<string, string>>;
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
  const fields = await deps.jira.fields();
  await deps.store.set(FIELD_CACHE_KEY, fields, FIELD_CACHE_SECONDS);
  return catalogueOf(fields, deps.app);
};

/** Forge key-value store keys: `[a-zA-Z0-9:._\s-#]` only (Forge doc "Error handling for the Key-Value Store"). */
const closedSprintsKey = (boardId: number): string => `cache:closed-sprints:board:${boardId}`;
/** A closed sprint may still be edited (renamed, a date corrected): the cache is read again at least once a day. */
const CLOSED_SPRINTS_CACHE_SECONDS = 86_400;
const closedCacheSchema = z.object({ closed: sprintBeansSchema, liveIds: z.array(z.number()) });

/**
 * Every sprint of a board (closed first, then active and future: the order of Jira's unfiltered list): the closed
 * ones from the store, the active and future ones read live (`state=active,future`, Jira Software REST API "Get all
 * sprints"). The store also keeps the ids that were live at the last read: when one
 * of them is no longer live it has been closed (or deleted), and the closed list is read again. One Jira call on a
 * warm load (a page per 50 live sprints).
 */
export const boardSprintsCached = async (deps: Deps, boardId: number): Promise<readonly SprintBean[]> => {
  const live = await deps.jira.boardSprints(boardId, ['active', 'future']);
  const liveIds = live.map((s) => s.id);
  const cached = closedCacheSchema.safeParse(await deps.store.get(closedSprintsKey(boardId)));
  const closedSince = !cached.success || cached.data.liveIds.some((id) => !liveIds.includes(id));
  if (closedSince) {
    const closed = await deps.jira.boardSprints(boardId, ['closed']);
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
export const projectSprints = async (deps: Deps, projectKey: string): Promise<readonly SprintBean[]> => {
  const cacheKey = `cache:sprints:${projectKey}`;
  const cached = sprintBeansSchema.safeParse(await deps.store.get(cacheKey));
  if (cached.success) return cached.data;
  const board = await deps.jira.scrumBoardOf(projectKey);
  const sprints = board === null ? [] : await boardSprintsCached(deps, board.id);
  await deps.store.set(cacheKey, sprints, SPRINT_CACHE_SECONDS);
  return sprints;
};

/** The names of the site's issue types (cached an hour): JQL refuses a type the site does not have. */
export const siteIssueTypes = async (deps: Deps): Promise<readonly string[]> => {
  const cached = z.array(z.string()).safeParse(await deps.store.get('cache:issuetypes'));
  if (cached.success) return cached.data;
  const names = [...new Set((await deps.jira.issueTypes()).map((t) => t.name))];
  await deps.store.set('cache:issuetypes', names, FIELD_CACHE_SECONDS);
  return names;
};

/** Whether the invoking user has a Jira permission (global, or in a project or on an issue). */
export const userHasPermission = async (
  deps: Deps,
  permission: string,
  scope: PermissionScope = {},
): Promise<boolean> => (await deps.jira.permissions([permission], scope)).has(permission);
