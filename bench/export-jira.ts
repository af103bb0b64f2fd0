// A Jira transport that serves a generated export (under the app's Jira gateway, src/jira/jira-gateway.ts), for measuring how many Jira calls a background job makes on a big
// project (the workbench's local Jira holds a small demo). It answers like Jira: search/jql pages of at most 100
// issues with nextPageToken, bulkfetch of at most 1000 issues a call, the field and issue-type lists. Every call is
// counted by method and path.
import type { JiraReply, JiraTransport } from '../src/app/ports';

type Issue = {
  readonly id: string;
  readonly key: string;
  readonly fields: object;
  readonly changelog?: { readonly histories: readonly unknown[] };
};
type Export = {
  readonly issues: readonly Issue[];
  readonly names: Readonly<Record<string, string>>;
  readonly changelogs?: readonly { readonly issueId: string; readonly changeHistories: readonly unknown[] }[];
};

/** What ExportJira serves of the JiraGateway (the contract suite, test/jira-gateway.contract.ts, skips the rest). */
export const EXPORT_JIRA_SERVES = ['searchIssues', 'searchPage', 'changelogs', 'fields', 'issueTypes'] as const;

export class ExportJira implements JiraTransport {
  readonly calls = new Map<string, number>();
  private readonly histories = new Map<string, readonly unknown[]>();

  constructor(private readonly data: Export) {
    for (const issue of data.issues) this.histories.set(issue.id, issue.changelog?.histories ?? []);
    for (const log of data.changelogs ?? []) this.histories.set(log.issueId, log.changeHistories);
  }

  total(): number {
    return [...this.calls.values()].reduce((a, b) => a + b, 0);
  }

  async request(_as: 'app' | 'user', method: string, path: string, body?: unknown): Promise<JiraReply> {
    const route = `${method} ${path.split('?')[0]}`;
    this.calls.set(route, (this.calls.get(route) ?? 0) + 1);
    if (route === 'GET /rest/api/3/field') {
      return {
        status: 200,
        body: Object.entries(this.data.names).map(([id, name]) => ({
          id,
          name,
          schema: { type: 'string', custom: `ari:cloud:ecosystem::extension/app/env/static/${id}` },
        })),
      };
    }
    if (route === 'GET /rest/api/3/issuetype')
      return {
        status: 200,
        body: ['Anomalie', 'Incident', 'Anomalie documentaire', 'Demande de service', 'Story'].map((name, i) => ({
          id: String(10001 + i),
          name,
        })),
      };
    if (route === 'POST /rest/api/3/search/jql') {
      const request = body as { nextPageToken?: string; maxResults?: number };
      const start = request.nextPageToken ? Number(request.nextPageToken) : 0;
      const size = Math.min(100, request.maxResults ?? 50);
      const page = this.data.issues.slice(start, start + size).map(({ changelog: _changelog, ...issue }) => issue);
      const next = start + size < this.data.issues.length ? String(start + size) : undefined;
      return {
        status: 200,
        body: { issues: page, isLast: next === undefined, ...(next ? { nextPageToken: next } : {}) },
      };
    }
    if (route === 'POST /rest/api/3/changelog/bulkfetch') {
      const ids = (body as { issueIdsOrKeys: string[] }).issueIdsOrKeys.slice(0, 1000);
      return {
        status: 200,
        body: {
          issueChangeLogs: ids.map((issueId) => ({ issueId, changeHistories: this.histories.get(issueId) ?? [] })),
        },
      };
    }
    return { status: 404, body: { errorMessages: [`the bench's Jira does not serve ${route}`] } };
  }
}
