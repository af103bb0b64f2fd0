// POST /rest/api/3/changelog/bulkfetch ("Bulk fetch changelogs"): 1000 issues a call, at most 10 fields, pages
// followed; the histories joined per issue, in the order Jira first names each issue.
import { z } from 'zod';
import type { IssueChangelog, JiraAs, JiraTransport } from '../app/ports';
import { expectOk, parseOrFail } from './jira-reply';

const WHAT = 'POST /rest/api/3/changelog/bulkfetch';
const BULK_CHANGELOG_ISSUES = 1000;
const BULK_CHANGELOG_FIELDS = 10;

const bulkPageSchema = z.looseObject({
  issueChangeLogs: z
    .array(z.looseObject({ issueId: z.string(), changeHistories: z.array(z.unknown()).default([]) }))
    .default([]),
  nextPageToken: z.string().nullish(),
});

export const readChangelogs = async (
  jira: JiraTransport,
  as: JiraAs,
  issueIds: readonly string[],
  fieldIds: readonly string[],
): Promise<IssueChangelog[]> => {
  const byIssue = new Map<string, unknown[]>();
  for (let i = 0; i < issueIds.length; i += BULK_CHANGELOG_ISSUES) {
    const chunk = issueIds.slice(i, i + BULK_CHANGELOG_ISSUES);
    let nextPageToken: string | undefined;
    do {
      const reply = await jira.request(as, 'POST', '/rest/api/3/changelog/bulkfetch', {
        issueIdsOrKeys: chunk,
        fieldIds: fieldIds.slice(0, BULK_CHANGELOG_FIELDS),
        maxResults: 10_000,
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      expectOk(WHAT, reply.status, reply.body);
      const page = parseOrFail(WHAT, bulkPageSchema, reply.body);
      for (const log of page.issueChangeLogs)
        byIssue.set(log.issueId, [...(byIssue.get(log.issueId) ?? []), ...log.changeHistories]);
      nextPageToken = page.nextPageToken ?? undefined;
    } while (nextPageToken !== undefined);
  }
  return [...byIssue].map(([issueId, changeHistories]) => ({ issueId, changeHistories }));
};
