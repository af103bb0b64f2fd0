// POST /rest/api/3/search/jql (Jira Cloud platform REST API, "Search for issues using JQL enhanced search (POST)"):
// one page, or every page followed to the end. A page is the last when Jira says `isLast`, or gives no next token.
import { z } from 'zod';
import {
  MAX_RECONCILED_ISSUES,
  type JiraAs,
  type JiraTransport,
  type SearchPage,
  type SearchQuery,
} from '../app/ports';
import { expectOk, parseOrFail } from './jira-reply';

const WHAT = 'POST /rest/api/3/search/jql';
const SEARCH_PAGE_SIZE = 100;

const searchPageSchema = z.looseObject({
  issues: z
    .array(
      z.looseObject({
        id: z.string(),
        key: z.string().optional(),
        fields: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .default([]),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

/** The token of the page after this one, or null on the last page (whether Jira says isLast or only omits the token). */
const nextTokenOf = (page: z.infer<typeof searchPageSchema>): string | null =>
  page.isLast === false || (page.isLast === undefined && page.nextPageToken) ? (page.nextPageToken ?? null) : null;

export const searchPage = async (
  jira: JiraTransport,
  as: JiraAs,
  query: SearchQuery & { readonly maxResults: number; readonly nextPageToken?: string },
): Promise<SearchPage> => {
  const reconcileIssueIds = query.reconcileIssueIds ?? [];
  if (reconcileIssueIds.length > MAX_RECONCILED_ISSUES)
    throw new RangeError(`searchPage: at most ${MAX_RECONCILED_ISSUES} issues to reconcile`);
  const reconcileIssues = reconcileIssueIds.map(Number);
  const reply = await jira.request(as, 'POST', '/rest/api/3/search/jql', {
    jql: query.jql,
    fields: query.fields,
    maxResults: query.maxResults,
    ...(query.nextPageToken ? { nextPageToken: query.nextPageToken } : {}),
    ...(reconcileIssues.length > 0 ? { reconcileIssues } : {}),
    ...(query.properties !== undefined && query.properties.length > 0 ? { properties: query.properties } : {}),
  });
  expectOk(WHAT, reply.status, reply.body);
  const page = parseOrFail(WHAT, searchPageSchema, reply.body);
  return { issues: page.issues, nextPageToken: nextTokenOf(page) };
};

/** Every issue the JQL finds, following the pages (at least `maxIssues` when there are that many: whole pages). */
export const searchIssues = async (
  jira: JiraTransport,
  as: JiraAs,
  query: SearchQuery & { readonly maxIssues?: number },
): Promise<SearchPage['issues']> => {
  const maxIssues = query.maxIssues ?? 100_000;
  const issues: SearchPage['issues'][number][] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await searchPage(jira, as, {
      jql: query.jql,
      fields: query.fields,
      maxResults: SEARCH_PAGE_SIZE,
      ...(nextPageToken === undefined ? {} : { nextPageToken }),
      ...(query.reconcileIssueIds === undefined ? {} : { reconcileIssueIds: query.reconcileIssueIds }),
      ...(query.properties === undefined ? {} : { properties: query.properties }),
    });
    issues.push(...page.issues);
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken !== undefined && issues.length < maxIssues);
  return issues;
};
