// The JiraGateway's contract (test/jira-gateway.contract.ts) over the benchmark's ExportJira (bench/export-jira.ts):
// it serves search, bulkfetch, the field list and the issue types, and declares so.
import { EXPORT_JIRA_SERVES, ExportJira } from '../bench/export-jira';
import { jiraGateway } from '../src/jira/jira-gateway';
import { describeJiraGateway } from './jira-gateway.contract';
import { generateExport } from './support/generate-export';

const exported = generateExport({ issues: 230, transitionsPerIssue: 3, seed: 7 });

describeJiraGateway('the export Jira', () => ({
  gateway: jiraGateway(new ExportJira(exported)),
  serves: EXPORT_JIRA_SERVES,
  jql: 'project = DEMAT ORDER BY key',
  pageSize: 40,
}));
