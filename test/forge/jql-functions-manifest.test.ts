// Issue 10: manifest.yml declares the JQL functions the app builds fragments for (SLA_JQL_FUNCTIONS), on the
// handler src/index.ts exports, so neither can drift.
import fs from 'node:fs';
import path from 'node:path';
import { ManifestParserBuilder } from '@forge/manifest';
import { SLA_JQL_FUNCTIONS } from '../../src/app/jql-functions';

const MANIFEST = path.resolve(__dirname, '../..', 'manifest.yml');
type Module = Record<string, unknown>;
const modules = (): Record<string, Module[]> =>
  (new ManifestParserBuilder().build().parseManifest({ content: fs.readFileSync(MANIFEST, 'utf8'), filePath: MANIFEST })
    .modules ?? {}) as unknown as Record<string, Module[]>;

describe('jira:jqlFunction (issue 10)', () => {
  it('declares each function of SLA_JQL_FUNCTIONS with its arguments, types [issue] and operators in / not in', () => {
    const declared = (modules()['jira:jqlFunction'] ?? []).map((m) => ({
      name: m['name'],
      moduleKey: m['key'],
      arguments: m['arguments'],
      types: m['types'],
      operators: m['operators'],
      function: m['function'],
    }));
    expect(declared).toEqual(
      SLA_JQL_FUNCTIONS.map((f) => ({
        name: f.name,
        moduleKey: f.moduleKey,
        arguments: f.arguments,
        types: ['issue'],
        operators: ['in', 'not in'],
        function: 'jql-function',
      })),
    );
  });

  it('runs them on the jqlFunction export of src/index.ts', async () => {
    const fn = (modules()['function'] ?? []).find((f) => f['key'] === 'jql-function');
    expect(fn?.['handler']).toBe('index.jqlFunction');
    const index = await import('../../src/index');
    expect(typeof index.jqlFunction).toBe('function');
  });
});
