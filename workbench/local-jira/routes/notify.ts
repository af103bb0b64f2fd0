// Issue notifications and watchers (issue 10): POST /rest/api/3/issue/{issueIdOrKey}/notify ("Send notification for
// issue") and GET /rest/api/3/issue/{issueIdOrKey}/watchers ("Get issue watchers"). The local Jira sends no mail: it
// validates the body as the OpenAPI's Notification schema does, works out who would receive it (the recipients of
// `to`, narrowed by `restrict`, each of them able to browse the issue) and records it, for the tests and the workbench.
// Watchers: Jira's autowatch makes the reporter and the assignee watchers by default; tests add others (addWatcher).
// Both live beside the site's state, not in its snapshot (toJSON): a restored local Jira starts with none recorded.
import { z } from 'zod';
import { DEMO_USERS, GROUPS, canBrowseProject } from '../catalog';
import { ISSUE_NOT_FOUND, badBody, jiraError, json, noContent } from '../http';
import type { StoredIssue } from '../local-jira-state';
import { demoUserById, userDetails } from '../render';
import type { JiraResponse } from '../types';
import { issueSelf, type LocalJiraSite, type RouteContext } from './site';

/** A notification the local Jira would have mailed. */
export type NotificationRecord = {
  readonly issueId: string;
  readonly issueKey: string;
  /** Who asked (the app's account id, or a user's). */
  readonly senderId: string;
  readonly subject: string | null;
  readonly textBody: string | null;
  readonly htmlBody: string | null;
  /** Account ids of the users who would get it, in a stable order. */
  readonly recipients: readonly string[];
  /** The request's `to`, as sent. */
  readonly to: unknown;
  /** When it was queued (ISO 8601, UTC). */
  readonly at: string;
};

type Extras = {
  notifications: NotificationRecord[];
  watchers: Map<string, Set<string>>;
  unwatched: Map<string, Set<string>>;
};
const extras = new WeakMap<LocalJiraSite, Extras>();
const extrasOf = (site: LocalJiraSite): Extras => {
  let found = extras.get(site);
  if (found === undefined) {
    found = { notifications: [], watchers: new Map(), unwatched: new Map() };
    extras.set(site, found);
  }
  return found;
};

/** The issue's watchers: reporter and assignee (autowatch), plus those added, minus those removed. */
export const watchersOf = (site: LocalJiraSite, issue: StoredIssue): string[] => {
  const { watchers, unwatched } = extrasOf(site);
  const ids = new Set<string>([issue.reporterId, ...(issue.assigneeId === null ? [] : [issue.assigneeId])]);
  for (const id of watchers.get(issue.id) ?? []) ids.add(id);
  for (const id of unwatched.get(issue.id) ?? []) ids.delete(id);
  return [...ids].filter((id) => demoUserById(id) !== undefined);
};

/** Makes a demo user watch (or stop watching) an issue. Throws RangeError for an unknown issue or user. */
export const setWatching = (site: LocalJiraSite, issueIdOrKey: string, accountId: string, watching: boolean): void => {
  const issue = site.findIssue({ kind: 'app', accountId: '' }, issueIdOrKey);
  if (issue === undefined) throw new RangeError(`setWatching: no issue ${issueIdOrKey}`);
  if (demoUserById(accountId) === undefined) throw new RangeError(`setWatching: no demo user ${accountId}`);
  const { watchers, unwatched } = extrasOf(site);
  const add = watching ? watchers : unwatched;
  const remove = watching ? unwatched : watchers;
  add.set(issue.id, new Set([...(add.get(issue.id) ?? []), accountId]));
  remove.get(issue.id)?.delete(accountId);
};

export const notificationsOf = (site: LocalJiraSite): readonly NotificationRecord[] => [
  ...extrasOf(site).notifications,
];

// The OpenAPI's schemas: Notification and NotificationRecipients take additional properties, GroupName, UserDetails
// and NotificationRecipientsRestrictions do not; RestrictedPermission needs its id or its key.
const groupNameSchema = z.strictObject({
  groupId: z.string().nullable().optional(),
  name: z.string().optional(),
  self: z.string().optional(),
});
const userSchema = z.strictObject({ accountId: z.string().max(128).optional(), active: z.boolean().optional() });
const permissionSchema = z
  .looseObject({ id: z.string().optional(), key: z.string().optional() })
  .refine((p) => p.id !== undefined || p.key !== undefined, { message: 'a permission needs its id or its key' });
const notificationSchema = z.looseObject({
  subject: z.string().optional(),
  textBody: z.string().optional(),
  htmlBody: z.string().optional(),
  to: z
    .looseObject({
      assignee: z.boolean().optional(),
      reporter: z.boolean().optional(),
      watchers: z.boolean().optional(),
      voters: z.boolean().optional(),
      users: z.array(userSchema).optional(),
      groups: z.array(groupNameSchema).optional(),
      groupIds: z.array(z.string()).optional(),
    })
    .optional(),
  restrict: z
    .strictObject({
      groups: z.array(groupNameSchema).optional(),
      groupIds: z.array(z.string()).optional(),
      permissions: z.array(permissionSchema).optional(),
    })
    .optional(),
});

type GroupRef = z.infer<typeof groupNameSchema>;
const groupOf = (ref: GroupRef | string): { name: string } | undefined =>
  typeof ref === 'string'
    ? GROUPS.find((g) => g.groupId === ref)
    : GROUPS.find((g) => (ref.groupId != null ? g.groupId === ref.groupId : g.name === ref.name));
const membersOf = (name: string, candidates: readonly string[]): string[] =>
  candidates.filter((id) => demoUserById(id)?.groups.includes(name) === true);

export function notify(site: LocalJiraSite, { actor, params, body }: RouteContext): JiraResponse {
  const issue = site.findIssue(actor, params['issueIdOrKey'] ?? '');
  if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
  if (body === undefined) return jiraError(400, ['The request body is required (a Notification).']);
  const parsed = notificationSchema.safeParse(body);
  if (!parsed.success) return badBody(parsed.error);
  const { to = {}, restrict } = parsed.data;
  const everyone = DEMO_USERS.map((u) => u.accountId);
  const recipients = new Set<string>();
  if (to.assignee === true) {
    if (issue.assigneeId === null)
      return jiraError(400, [
        'The recipient is invalid: the notification is sent to the assignee, but the issue is unassigned.',
      ]);
    recipients.add(issue.assigneeId);
  }
  if (to.reporter === true) recipients.add(issue.reporterId);
  if (to.watchers === true) for (const id of watchersOf(site, issue)) recipients.add(id);
  for (const user of to.users ?? []) {
    if (user.accountId === undefined || demoUserById(user.accountId) === undefined)
      return jiraError(400, [`The recipient is invalid: no user with accountId '${user.accountId ?? ''}'.`]);
    recipients.add(user.accountId);
  }
  for (const ref of [...(to.groups ?? []), ...(to.groupIds ?? [])]) {
    const group = groupOf(ref);
    if (group === undefined)
      return jiraError(400, [
        `The recipient is invalid: no group ${JSON.stringify(typeof ref === 'string' ? ref : (ref.name ?? ref.groupId))}.`,
      ]);
    for (const id of membersOf(group.name, everyone)) recipients.add(id);
  }
  if (actor.kind === 'user' && recipients.size === 1 && recipients.has(actor.accountId))
    return jiraError(400, ['The recipient is the same as the calling user.']);
  // `restrict`: the recipients must be in one of the groups and hold every permission (the local Jira's permission
  // scheme: project members browse; every other permission key is refused to the restriction).
  const restrictGroups = [...(restrict?.groups ?? []), ...(restrict?.groupIds ?? [])].map(groupOf);
  if (restrictGroups.some((g) => g === undefined))
    return jiraError(400, ['A restriction names a group that does not exist.']);
  const allowed = (id: string): boolean => {
    const user = demoUserById(id);
    if (user === undefined || !canBrowseProject(user)) return false; // nobody is mailed an issue they cannot see
    if (restrictGroups.length > 0 && !restrictGroups.some((g) => g !== undefined && user.groups.includes(g.name)))
      return false;
    return (restrict?.permissions ?? []).every(
      (p) => p.key === 'BROWSE_PROJECTS' || p.key === 'BROWSE' || p.id === '10',
    );
  };
  const record: NotificationRecord = {
    issueId: issue.id,
    issueKey: issue.key,
    senderId: actor.accountId,
    subject: parsed.data.subject ?? null,
    textBody: parsed.data.textBody ?? null,
    htmlBody: parsed.data.htmlBody ?? null,
    recipients: [...recipients].filter(allowed).sort(),
    to: JSON.parse(JSON.stringify(to)) as unknown,
    at: new Date(site.now()).toISOString(),
  };
  extrasOf(site).notifications.push(record);
  return noContent();
}

export function getWatchers(site: LocalJiraSite, { actor, params }: RouteContext): JiraResponse {
  const issue = site.findIssue(actor, params['issueIdOrKey'] ?? '');
  if (issue === undefined) return jiraError(404, [ISSUE_NOT_FOUND]);
  const ids = watchersOf(site, issue);
  const watchers = ids.map((id) => {
    const { accountId = id, active = true, displayName = '', self = '' } = userDetails(id);
    return { accountId, active, displayName, self };
  });
  return json(200, {
    self: `${issueSelf(issue)}/watchers`,
    isWatching: ids.includes(actor.accountId),
    watchCount: ids.length,
    watchers,
  });
}
