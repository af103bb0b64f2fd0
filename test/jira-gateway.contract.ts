// The JiraGateway's contract (src/app/ports/jira-gateway.ts): the same behaviour asked of every Jira the app is run
// against through src/jira/jira-gateway.ts — the workbench's local Jira (the tests, the workbench) and the
// benchmark's ExportJira (bench/export-jira.ts). A fake that does not serve an operation declares it in
// `serves`, and the suite skips that operation's tests under a name that says so (never silently).
import type { JiraGateway } from '../src/app/ports';

/** The operations of the port, in groups: what a Jira under test serves. */
export type GatewayCapability =
  | 'searchIssues'
  | 'searchPage'
  | 'changelogs'
  | 'fields'
  | 'issueTypes'
  | 'boards'
  | 'permissions'
  | 'groups'
  | 'myself'
  | 'writes';

export type GatewayFixture = {
  readonly gateway: JiraGateway;
  readonly serves: readonly GatewayCapability[];
  /** A JQL finding more issues than `pageSize`, and at least one with a history. */
  readonly jql: string;
  readonly pageSize: number;
  /** For the operations only some Jiras serve. */
  readonly projectKey?: string;
  readonly accountId?: string;
  /** The ARI prefix of this app's fields (`…/static/`), to find a field it may write. */
  readonly appFieldPrefix?: string;
};

const ids = (issues: readonly { id: string }[]): string[] => issues.map((i) => i.id);

export const describeJiraGateway = (name: string, makeFixture: () => GatewayFixture): void => {
  describe(`JiraGateway contract: ${name}`, () => {
    let fixture: GatewayFixture;
    beforeEach(() => {
      fixture = makeFixture();
    });
    const declared = makeFixture().serves;
    const serving = (capability: GatewayCapability, title: string, test: () => Promise<void>): void => {
      if (declared.includes(capability)) it(title, test);
      else it.skip(`${title} (not served by ${name}: ${capability})`, test);
    };

    serving(
      'searchPage',
      'searchPage: pages of at most maxResults, tokens followed to a last page without one',
      async () => {
        const seen: string[] = [];
        let token: string | undefined;
        let pages = 0;
        do {
          const page = await fixture.gateway.searchPage('app', {
            jql: fixture.jql,
            fields: ['status'],
            maxResults: fixture.pageSize,
            ...(token === undefined ? {} : { nextPageToken: token }),
          });
          expect(page.issues.length).toBeLessThanOrEqual(fixture.pageSize);
          seen.push(...ids(page.issues));
          token = page.nextPageToken ?? undefined;
          pages += 1;
        } while (token !== undefined && pages < 1000);
        expect(pages).toBeGreaterThan(1);
        expect(new Set(seen).size).toBe(seen.length);
      },
    );

    serving('searchIssues', 'searchIssues: every page, the same issues in the same order as the pages', async () => {
      const all = await fixture.gateway.searchIssues('app', { jql: fixture.jql, fields: ['status'] });
      expect(all.length).toBeGreaterThan(fixture.pageSize);
      const paged: string[] = [];
      let token: string | undefined;
      do {
        const page = await fixture.gateway.searchPage('app', {
          jql: fixture.jql,
          fields: ['status'],
          maxResults: fixture.pageSize,
          ...(token === undefined ? {} : { nextPageToken: token }),
        });
        paged.push(...ids(page.issues));
        token = page.nextPageToken ?? undefined;
      } while (token !== undefined);
      expect(ids(all)).toEqual(paged);
      for (const issue of all) expect(issue.id).toMatch(/^\d+$/);
    });

    serving('searchIssues', 'searchIssues: the fields asked for, per issue', async () => {
      const [issue] = await fixture.gateway.searchIssues('app', { jql: fixture.jql, fields: ['status', 'created'] });
      expect(issue?.fields).toEqual(expect.objectContaining({ created: expect.any(String) }));
    });

    serving('changelogs', 'changelogs: one entry per issue that has a history, histories joined', async () => {
      const issues = await fixture.gateway.searchIssues('app', { jql: fixture.jql, fields: ['status'] });
      const asked = ids(issues);
      const logs = await fixture.gateway.changelogs('app', asked, ['status']);
      const logIds = logs.map((l) => l.issueId);
      expect(new Set(logIds).size).toBe(logIds.length);
      for (const id of logIds) expect(asked).toContain(id);
      expect(logs.some((l) => l.changeHistories.length > 0)).toBe(true);
      // The same histories, asked issue by issue.
      const withHistory = logs.find((l) => l.changeHistories.length > 0);
      if (withHistory === undefined) return;
      const alone = await fixture.gateway.changelogs('app', [withHistory.issueId], ['status']);
      expect(alone).toEqual([withHistory]);
    });

    serving('fields', 'fields: the site’s fields, ids unique, each with a name', async () => {
      const fields = await fixture.gateway.fields();
      expect(fields.length).toBeGreaterThan(0);
      expect(new Set(fields.map((f) => f.id)).size).toBe(fields.length);
      for (const field of fields) {
        expect(typeof field.name).toBe('string');
        expect(field.custom === null || typeof field.custom === 'string').toBe(true);
      }
      expect(fields.map((f) => f.id)).toEqual(expect.arrayContaining(['status', 'created']));
    });

    serving('issueTypes', 'issueTypes: named, and naming the types of the issues found', async () => {
      const types = await fixture.gateway.issueTypes();
      expect(types.length).toBeGreaterThan(0);
      const names = new Set(types.map((t) => t.name));
      const issues = await fixture.gateway.searchIssues('app', { jql: fixture.jql, fields: ['issuetype'] });
      for (const issue of issues) {
        const type = issue.fields?.issuetype;
        const typeName = typeof type === 'object' && type !== null && 'name' in type ? type.name : undefined;
        expect(typeof typeName === 'string' && names.has(typeName)).toBe(true);
      }
    });

    serving('boards', 'boards: the project’s scrum board, by id, its configuration and its sprints', async () => {
      const board = await fixture.gateway.scrumBoardOf(fixture.projectKey ?? '');
      expect(board).not.toBeNull();
      if (board === null) return;
      expect(await fixture.gateway.board(board.id)).toEqual({ ...board, projectKey: fixture.projectKey });
      const configuration = await fixture.gateway.boardConfiguration(board.id);
      expect(typeof configuration.document).toBe('object');
      const all = await fixture.gateway.boardSprints(board.id, ['closed', 'active', 'future']);
      const closed = await fixture.gateway.boardSprints(board.id, ['closed']);
      const live = await fixture.gateway.boardSprints(board.id, ['active', 'future']);
      expect(all.length).toBeGreaterThan(0);
      expect([...closed, ...live].map((s) => s.id).sort()).toEqual(all.map((s) => s.id).sort());
      expect(closed.every((s) => s.state === 'closed')).toBe(true);
    });

    serving('boards', 'boards: a board that does not exist is null, a project without one has none', async () => {
      expect(await fixture.gateway.board(987_654)).toBeNull();
      expect(await fixture.gateway.scrumBoardOf('NOPE')).toBeNull();
    });

    serving('permissions', 'permissions: those held, among those asked', async () => {
      const held = await fixture.gateway.permissions(['BROWSE_PROJECTS', 'ADMINISTER'], {
        projectKey: fixture.projectKey ?? '',
      });
      expect([...held]).toEqual(['BROWSE_PROJECTS']);
    });

    serving('groups', 'groups: a user’s groups, and the group picker', async () => {
      const groups = await fixture.gateway.groupsOf(fixture.accountId ?? '');
      expect(groups.length).toBeGreaterThan(0);
      const [first] = groups;
      if (first === undefined) return;
      expect(await fixture.gateway.findGroups(first)).toContain(first);
    });

    serving('writes', 'writeAppFieldValues: the value is written, and the search then reads it', async () => {
      const field = (await fixture.gateway.fields()).find((f) => f.custom === `${fixture.appFieldPrefix}sla-status`);
      expect(field).toBeDefined();
      if (field === undefined) return;
      const [issue] = await fixture.gateway.searchIssues('app', { jql: fixture.jql, fields: [field.id] });
      expect(issue).toBeDefined();
      if (issue === undefined) return;
      const value = issue.fields?.[field.id] === 'met' ? 'paused' : 'met';
      expect(
        await fixture.gateway.writeAppFieldValues([{ customField: field.id, issueIds: [issue.id], value }], {
          generateChangelog: false,
        }),
      ).toEqual({ written: true });
      const [again] = await fixture.gateway.searchIssues('app', {
        jql: fixture.jql,
        fields: [field.id],
        reconcileIssueIds: [issue.id],
      });
      expect(again?.fields?.[field.id]).toBe(value);
    });

    serving('myself', 'myself: the invoking user’s display name', async () => {
      expect(await fixture.gateway.myselfDisplayName()).toEqual(expect.any(String));
    });
  });
};
