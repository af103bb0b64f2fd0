// Changelogs: GET /rest/api/3/issue/{key}/changelog (one issue, paged) and POST /rest/api/3/changelog/bulkfetch.
import { z } from 'zod';
import {
  INVALID_TOKEN,
  ISSUE_NOT_FOUND,
  badBody,
  decodePageToken,
  encodePageToken,
  intParam,
  jiraError,
  json,
} from '../http';
import type { StoredIssue } from '../local-jira-state';
import { historyJson, type Json } from '../render';
import type { JiraResponse } from '../types';
import { issueSelf, type LocalJiraSite, type RouteContext } from './site';

const bulkChangelogSchema = z.strictObject({
  issueIdsOrKeys: z.array(z.string()).min(1).max(1000),
  fieldIds: z.array(z.string()).max(10).optional(),
  maxResults: z.number().int().min(1).max(10000).optional(),
  nextPageToken: z.string().optional(),
});

export function getChangelog(site: LocalJiraSite, { actor, params, query }: RouteContext): JiraResponse {
  const issue = site.findIssue(actor, params['issueIdOrKey'] ?? '');
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

/** Changelogs of several issues, oldest first, `maxResults` histories a page across the issues. */
export function bulkChangelogs(site: LocalJiraSite, { actor, body }: RouteContext): JiraResponse {
  const parsed = bulkChangelogSchema.safeParse(body ?? {});
  if (!parsed.success) return badBody(parsed.error);
  const { issueIdsOrKeys, fieldIds, maxResults, nextPageToken } = parsed.data;
  const seen = new Set<string>();
  const issues: StoredIssue[] = [];
  for (const ref of issueIdsOrKeys) {
    const issue = site.findIssue(actor, ref);
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
