// What the use cases ask of Jira, one method per operation they need, in their terms: no URL, no status code. The
// Forge adapter (src/jira/jira-gateway.ts) builds each request, follows the pages, parses each answer at the edge
// (zod) and turns a refusal into the AppError it means (NOT_FOUND, FORBIDDEN, INTERNAL; JIRA_BUSY from the retries).
// Under it, a transport: the raw request function (src/jira/forge-jira.ts on Forge, the workbench's local Jira in
// tests, bench/export-jira.ts for the benchmark).

/** A Jira REST response, as the transport sees it: status and parsed JSON body (undefined when empty). */
export type JiraReply = { readonly status: number; readonly body: unknown };

/** Who a Jira call runs as: the app, or the user of the invocation (Jira applies the user's permissions). */
export type JiraAs = 'app' | 'user';

/** The raw request function the gateway is built over. */
export interface JiraTransport {
  request(as: JiraAs, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<JiraReply>;
}

/** At most 50 ids, and the same list on every page (documentation: "Search for issues using JQL enhanced search (POST)"). */
export const MAX_RECONCILED_ISSUES = 50;

/** One of the site's fields: `custom` is its `schema.custom` (a Forge field's extension ARI), null for a system field. */
export type FieldInfo = {
  readonly id: string;
  readonly name: string;
  readonly custom: string | null;
  readonly key?: string;
};

/**
 * An issue as a search answers it: its id and key, and the fields asked for (values as Jira gives them: the export
 * parser, src/jira/jira-export.ts, reads them). Anything else Jira sent is kept, so that the issue is the search
 * result the CLI reads from a file.
 */
export type SearchIssue = {
  readonly id: string;
  readonly key?: string;
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly [property: string]: unknown;
};

export type SearchPage = {
  readonly issues: readonly SearchIssue[];
  /** The token of the next page, null on the last one. */
  readonly nextPageToken: string | null;
};

export type SearchQuery = {
  readonly jql: string;
  readonly fields: readonly string[];
  /**
   * Issues the caller has just seen written (an event, a panel opened on an issue just edited): Jira's search index
   * follows writes with a delay, and these ids are read consistently. At most MAX_RECONCILED_ISSUES.
   */
  readonly reconcileIssueIds?: readonly string[];
  /** Issue properties to return with each issue (`properties.{key}` of the answer; issue 10: `contractSla`). */
  readonly properties?: readonly string[];
};

/** The histories of one issue, as bulkfetch answers them (read by the export parser). */
export type IssueChangelog = { readonly issueId: string; readonly changeHistories: readonly unknown[] };

export type Board = { readonly id: number; readonly name: string };
/** A board read by id: `projectKey` is its location's, null when Jira gives none. */
export type BoardDetails = Board & { readonly projectKey: string | null };

/**
 * A board's configuration: the estimation and rank fields it names, and the answer as Jira gave it (the `board` of
 * the sprint export, src/app/map-sprint-export.ts).
 */
export type BoardConfiguration = {
  readonly estimationFieldId: string | null;
  readonly rankCustomFieldId: number | null;
  readonly document: Readonly<Record<string, unknown>>;
};

/** An agile sprint bean: its id, state and start date, the rest as Jira gave it (read by the export parsers). */
export type SprintBean = {
  readonly id: number;
  readonly state?: string;
  readonly startDate?: string;
  readonly [property: string]: unknown;
};
export type SprintState = 'closed' | 'active' | 'future';

export type IssueType = { readonly id: string | null; readonly name: string };

export type PermissionScope = { readonly projectKey?: string; readonly issueKey?: string };

/** One value of one of the app's fields, set on these issues. */
export type AppFieldUpdate = {
  readonly customField: string;
  readonly issueIds: readonly string[];
  readonly value: string | null;
};
/** Whether Jira took the write, and its status when it did not. */
export type FieldWriteOutcome = { readonly written: true } | { readonly written: false; readonly status: number };

/** A UI modification's context (issue 10): null ids are wildcards; view types `GIC`, `IssueView`… */
export type UiModificationContext = {
  readonly projectId: string | null;
  readonly issueTypeId: string | null;
  readonly viewType: string;
};
/** A UI modification of the app, as Jira lists it (`expand=contexts,data`). */
export type UiModification = {
  readonly id: string;
  readonly name: string;
  readonly data: string | null;
  readonly contexts: readonly UiModificationContext[];
};
export type UiModificationInput = {
  readonly name: string;
  readonly description?: string;
  readonly data?: string;
  readonly contexts: readonly UiModificationContext[];
};
/**
 * An issue notification (issue 10, warnings before a breach): Jira mails it to the recipients asked for, restricted
 * to those who may browse the issue. `groups` are group names.
 */
export type IssueNotification = {
  readonly subject: string;
  readonly textBody: string;
  readonly htmlBody: string;
  readonly to: { readonly assignee: boolean; readonly watchers: boolean; readonly groups: readonly string[] };
};
/** Whether Jira queued the notification, and its status when it refused. */
export type NotifyOutcome = { readonly sent: true } | { readonly sent: false; readonly status: number };

export interface JiraGateway {
  /** Every issue the JQL finds (as the app or as the user, with the user's permissions), pages followed. */
  searchIssues(as: JiraAs, query: SearchQuery & { readonly maxIssues?: number }): Promise<readonly SearchIssue[]>;
  /** One page of a search: the first, or the one a previous page's `nextPageToken` names. */
  searchPage(
    as: JiraAs,
    query: SearchQuery & { readonly maxResults: number; readonly nextPageToken?: string },
  ): Promise<SearchPage>;
  /** Full histories of the issues (bulkfetch: 1000 issues a call, pages followed; at most 10 fields), per issue. */
  changelogs(as: JiraAs, issueIds: readonly string[], fieldIds: readonly string[]): Promise<readonly IssueChangelog[]>;
  /** The site's fields. */
  fields(): Promise<readonly FieldInfo[]>;
  /** The site's issue types. */
  issueTypes(): Promise<readonly IssueType[]>;
  /** The project's first scrum board, or null when it has none. */
  scrumBoardOf(projectKey: string): Promise<Board | null>;
  /** A board by id, or null when Jira has no such board (404). */
  board(boardId: number): Promise<BoardDetails | null>;
  boardConfiguration(boardId: number): Promise<BoardConfiguration>;
  /** The board's sprints in these states, in Jira's order, pages followed. */
  boardSprints(boardId: number, states: readonly SprintState[]): Promise<readonly SprintBean[]>;
  /** Which of these Jira permissions the invoking user has (global, or in a project or on an issue): one call. */
  permissions(permissions: readonly string[], scope?: PermissionScope): Promise<ReadonlySet<string>>;
  /** The names of the groups a user belongs to (asked as the app); none when Jira does not know the user. */
  groupsOf(accountId: string): Promise<readonly string[]>;
  /** Group names matching the query (the group picker, at most 50). */
  findGroups(query: string): Promise<readonly string[]>;
  /** The invoking user's display name, as Jira shows it to that user; null when Jira does not say. */
  myselfDisplayName(): Promise<string | null>;
  /** Sets values of the app's own fields (`generateChangelog`: whether the writes show in the issues' histories). */
  writeAppFieldValues(
    updates: readonly AppFieldUpdate[],
    options: { readonly generateChangelog: boolean },
  ): Promise<FieldWriteOutcome>;
  // Issue 10 (D5): the app's UI modifications, and a project's id (optional: fakes without them skip the sync).
  uiModifications?(): Promise<readonly UiModification[]>;
  createUiModification?(input: UiModificationInput): Promise<string>;
  updateUiModification?(id: string, input: UiModificationInput): Promise<void>;
  deleteUiModification?(id: string): Promise<void>;
  projectId?(projectKey: string): Promise<string | null>;
  /** Sets an issue property as the app (issue 10: `contractSla`); the value is JSON (at most 32 KB). */
  setIssueProperty(issueId: string, key: string, value: unknown): Promise<void>;
  /** Deletes an issue property as the app; false when the issue had none. */
  deleteIssueProperty(issueId: string, key: string): Promise<boolean>;
  /** Sends an issue notification, as the app (POST /rest/api/3/issue/{issueIdOrKey}/notify). */
  notifyIssue(issueIdOrKey: string, notification: IssueNotification): Promise<NotifyOutcome>;
}
