// The shared state of the local Jira's route families (routes/*.ts): the site's data, its clock, the listeners of
// issue events, the function-validator hook and the search index's lag, with the helpers every family uses (who
// may see what, recording a change, emitting its event). Each family exports its handlers over a `LocalJiraSite`.
import { JIRA_SITE, PROJECT_ID, PROJECT_KEY, canBrowseProject, type DemoUser } from '../catalog';
import { jiraError } from '../http';
import type { ChangeItem, LocalJiraState, StoredIssue } from '../local-jira-state';
import { issueFields } from '../render';
import type { FunctionValidatorHook, IssueEvent, JiraResponse } from '../types';

export type Actor =
  | { readonly kind: 'app'; readonly accountId: string }
  | { readonly kind: 'user'; readonly accountId: string; readonly user: DemoUser };

export type RouteContext = {
  readonly actor: Actor;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
};

export type Handler = (ctx: RouteContext) => JiraResponse | Promise<JiraResponse>;

export const cloneIssue = (issue: StoredIssue): StoredIssue => JSON.parse(JSON.stringify(issue)) as StoredIssue;
const lastChangeMs = (issue: StoredIssue): number =>
  issue.histories[issue.histories.length - 1]?.atMs ?? issue.createdMs;
export const issueSelf = (issue: StoredIssue): string => `${JIRA_SITE}/rest/api/3/issue/${issue.id}`;
export const projectNotFound = (ref: string): JiraResponse =>
  jiraError(404, [`No project could be found with key '${ref}'.`]);
export const isDemat = (ref: string): boolean => ref.toUpperCase() === PROJECT_KEY || ref === String(PROJECT_ID);

export class LocalJiraSite {
  readonly listeners = new Set<(event: IssueEvent) => void>();
  hook: FunctionValidatorHook | null = null;
  /**
   * Eventual consistency of search (issue 8). Jira's search reads an index that follows the writes: documentation,
   * "The Jira Cloud platform REST API", Search for issues using JQL enhanced search (`reconcileIssues`: "strong
   * consistency issue ids to be reconciled with search results", at most 50). With a lag set, a search leaves out an
   * issue written less than `searchLagMs` before it unless the request names it in `reconcileIssues`.
   */
  private searchLagMs = 0;
  private readonly writtenAtMs = new Map<string, number>();

  constructor(
    readonly state: LocalJiraState,
    readonly now: () => number,
  ) {}

  canBrowse(actor: Actor): boolean {
    return actor.kind === 'app' || canBrowseProject(actor.user);
  }

  visibleIssues(actor: Actor): StoredIssue[] {
    return this.canBrowse(actor) ? this.state.issues : [];
  }

  findIssue(actor: Actor, idOrKey: string): StoredIssue | undefined {
    const ref = idOrKey.trim().toUpperCase();
    return this.visibleIssues(actor).find((i) => i.key === ref || i.id === ref);
  }

  private emit(event: IssueEvent): void {
    for (const listener of [...this.listeners]) {
      // A failing listener must not undo or hide a change already made; the next listeners still hear of it.
      try {
        listener(event);
      } catch {
        /* ignored on purpose */
      }
    }
  }

  emitIssue(eventType: IssueEvent['eventType'], issue: StoredIssue, actor: Actor, items?: readonly ChangeItem[]): void {
    const event: IssueEvent = {
      eventType,
      issue: { id: issue.id, key: issue.key, fields: issueFields(issue, this.state) },
      atlassianId: actor.accountId,
      ...(items === undefined ? {} : { changelog: { items: items.map((i) => ({ ...i })) } }),
    };
    this.emit(event);
  }

  /** The instant of a new change: now, but never before the issue's last change (histories stay in date order). */
  changeTime(issue: StoredIssue): number {
    return Math.max(Math.floor(this.now()), lastChangeMs(issue) + 1);
  }

  replaceIssue(candidate: StoredIssue): void {
    const index = this.state.issues.findIndex((i) => i.id === candidate.id);
    if (index < 0) throw new Error(`issue ${candidate.key} vanished`);
    this.state.issues[index] = candidate;
  }

  addHistory(issue: StoredIssue, atMs: number, actor: Actor, items: readonly ChangeItem[]): void {
    issue.histories.push({
      id: String(this.state.nextHistoryId++),
      atMs,
      authorId: actor.accountId,
      items: [...items],
    });
    issue.updatedMs = atMs;
    this.written(issue);
  }

  /** Records a write for the search index's lag (any write: fields, transitions, the app's values). */
  written(issue: StoredIssue): void {
    this.writtenAtMs.set(issue.id, this.now());
  }

  setSearchLag(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('setSearchLag: ms must be >= 0');
    this.searchLagMs = ms;
  }

  /** Whether the search index has caught up with the issue's last write (or the request reconciles it). */
  indexed(issue: StoredIssue, reconcile: ReadonlySet<string>): boolean {
    if (this.searchLagMs === 0 || reconcile.has(issue.id)) return true;
    const at = this.writtenAtMs.get(issue.id);
    return at === undefined || this.now() - at >= this.searchLagMs;
  }
}
