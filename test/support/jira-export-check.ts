// Checks a hand-made Jira export against Atlassian's OpenAPI descriptions (../shared/jira-openapi): the search page,
// each issue and history, the bulkfetch changelogs, the agile sprints, the project versions and the board
// configuration. One readable line per error; empty when the export is what Jira would send.
import type { JiraExport } from './generate-export';
import { validateJira, validateJiraResponse } from './openapi';

export const exportSchemaErrors = (exported: JiraExport & { readonly board?: unknown }): string[] => {
  const errors: string[] = [];
  const check = (where: string, found: readonly string[]): void => {
    errors.push(...found.map((e) => `${where} ${e}`));
  };
  check(
    'search/jql',
    validateJiraResponse('platform', 'get', '/rest/api/3/search/jql', 200, {
      issues: exported.issues,
      names: exported.names,
      isLast: exported.isLast,
    }),
  );
  for (const issue of exported.issues) {
    check(issue.key, validateJira('platform', 'IssueBean', issue));
    issue.changelog?.histories.forEach((h, i) =>
      check(`${issue.key}.histories[${i}]`, validateJira('platform', 'Changelog', h)),
    );
  }
  check(
    'bulkfetch',
    validateJiraResponse('platform', 'post', '/rest/api/3/changelog/bulkfetch', 200, {
      issueChangeLogs: exported.changelogs ?? [],
    }),
  );
  (exported.changelogs ?? []).forEach((log, i) =>
    log.changeHistories.forEach((h, j) => check(`changelogs[${i}][${j}]`, validateJira('platform', 'Changelog', h))),
  );
  (exported.sprints ?? []).forEach((s, i) => check(`sprints[${i}]`, validateJira('software', 'SprintBean', s)));
  check(
    'versions',
    validateJiraResponse(
      'platform',
      'get',
      '/rest/api/3/project/{projectIdOrKey}/versions',
      200,
      exported.versions ?? [],
    ),
  );
  if (exported.board !== undefined)
    check(
      'board',
      validateJiraResponse('software', 'get', '/rest/agile/1.0/board/{boardId}/configuration', 200, exported.board),
    );
  return errors;
};
