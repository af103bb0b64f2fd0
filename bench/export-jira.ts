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

/**
 * Issue 10 (the scheduled tick's figures): the app's own fields by id → module key, the issue properties the app
 * sets (PUT/DELETE, returned by the search when asked), and the answer to the scheduled search (`nextCheckAt`).
 */
export type ExportJiraOptions = {
  readonly appFieldKeys?: Readonly<Record<string, string>>;
  /** The ids the scheduled search finds, from the stored properties and the instant (JQL is not evaluated here). */
  readonly scheduled?: (properties: ReadonlyMap<string, unknown>) => readonly string[];
};

export class ExportJira implements JiraTransport {
  readonly calls = new Map<string, number>();
  /** `contractSla` by issue id (issue 10). */
  readonly properties = new Map<string, unknown>();
  private readonly histories = new Map<string, readonly unknown[]>();

  constructor(
    private readonly data: Export,
    private readonly options: ExportJiraOptions = {},
  ) {
    for (const issue of data.issues) this.histories.set(issue.id, issue.changelog?.histories ?? []);
    for (const log of data.changelogs ?? []) this.histories.set(log.issueId, log.changeHistories);
  }

  total(): number {
    return [...this.calls.values()].reduce((a, b) => a + b, 0);
  }

  async request(_as: 'app' | 'user', method: string, path: string, body?: unknown): Promise<JiraReply> {
    const route = `${method} ${(path.split('?')[0] ?? '').replace(/^\/rest\/api\/3\/issue\/\d+\//, '/rest/api/3/issue/{id}/')}`;
    this.calls.set(route, (this.calls.get(route) ?? 0) + 1);
    if (route === 'GET /rest/api/3/field') {
      return {
        status: 200,
        body: Object.entries(this.data.names).map(([id, name]) => ({
          id,
          name,
          schema: {
            type: 'string',
            custom: `ari:cloud:ecosystem::extension/app/env/static/${this.options.appFieldKeys?.[id] ?? id}`,
          },
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
    const property = /^\/rest\/api\/3\/issue\/(\d+)\/properties\/contractSla$/.exec(path.split('?')[0] ?? '');
    if (property !== null && method === 'PUT') {
      this.properties.set(property[1] ?? '', body);
      return { status: 200, body: undefined };
    }
    if (property !== null && method === 'DELETE')
      return { status: this.properties.delete(property[1] ?? '') ? 204 : 404, body: undefined };
    if (route === 'POST /rest/api/3/app/field/value') return { status: 204, body: undefined };
    if (route === 'POST /rest/api/3/search/jql') {
      const request = body as { nextPageToken?: string; maxResults?: number; jql?: string; properties?: string[] };
      const jql = request.jql ?? '';
      const byIds = /\bid in \(([\d, ]+)\)/.exec(jql);
      const withProperties = (issue: Issue) => {
        const { changelog: _changelog, ...rest } = issue;
        const stored = this.properties.get(issue.id);
        return request.properties?.includes('contractSla') && stored !== undefined
          ? { ...rest, properties: { contractSla: stored } }
          : rest;
      };
      if (byIds !== null) {
        const ids = new Set((byIds[1] ?? '').split(',').map((x) => x.trim()));
        return {
          status: 200,
          body: { issues: this.data.issues.filter((i) => ids.has(i.id)).map(withProperties), isLast: true },
        };
      }
      if (this.options.scheduled !== undefined && jql.includes('nextCheckAt')) {
        // Ids only: Jira gives up to 5000 a page ("Search for issues using JQL enhanced search (POST)").
        const ids = this.options.scheduled(this.properties).slice(0, Math.min(5000, request.maxResults ?? 50));
        return { status: 200, body: { issues: ids.map((id) => ({ id })), isLast: true } };
      }
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
