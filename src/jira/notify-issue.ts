// POST /rest/api/3/issue/{issueIdOrKey}/notify ("Send notification for issue"), as the app: Jira queues an email to
// the recipients named in `to`, restricted (`restrict.permissions`) to users who may browse the issue, so a group
// member outside the project never reads it. 204 when queued; 400 when a recipient is invalid (the assignee of an
// unassigned issue), 403 when outgoing mail is off, 404 when the issue is gone: an outcome, never a throw, so the
// caller records the refusal and tries again later. Scope: write:jira-work (the operation's x-atlassian-oauth2-scopes).
import type { IssueNotification, JiraTransport, NotifyOutcome } from '../app/ports';

export const notifyIssue = async (
  jira: JiraTransport,
  issueIdOrKey: string,
  notification: IssueNotification,
): Promise<NotifyOutcome> => {
  const reply = await jira.request('app', 'POST', `/rest/api/3/issue/${encodeURIComponent(issueIdOrKey)}/notify`, {
    subject: notification.subject,
    textBody: notification.textBody,
    htmlBody: notification.htmlBody,
    to: {
      assignee: notification.to.assignee,
      watchers: notification.to.watchers,
      reporter: false,
      voters: false,
      groups: notification.to.groups.map((name) => ({ name })),
    },
    restrict: { permissions: [{ key: 'BROWSE_PROJECTS' }] },
  });
  return reply.status === 204 || reply.status === 200 ? { sent: true } : { sent: false, status: reply.status };
};
