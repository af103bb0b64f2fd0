// Issue 10: the manifest's jira:entityProperty module indexes exactly SLA_PROPERTY_INDEX, and the local Jira's JQL
// searches exactly what the manifest declares (so the three cannot drift).
import fs from 'node:fs';
import path from 'node:path';
import { ManifestParserBuilder } from '@forge/manifest';
import { SLA_PROPERTY_INDEX, SLA_PROPERTY_KEY } from '../../src/contract/sla-property';
import { INDEXED_ENTITY_PROPERTIES } from '../../workbench/local-jira/search-issues';

const MANIFEST = path.resolve(__dirname, '../..', 'manifest.yml');
type Module = Record<string, unknown>;
const entityProperties = (): Module[] =>
  (
    (new ManifestParserBuilder()
      .build()
      .parseManifest({ content: fs.readFileSync(MANIFEST, 'utf8'), filePath: MANIFEST }).modules ??
      {}) as unknown as Record<string, Module[]>
  )['jira:entityProperty'] ?? [];

describe('jira:entityProperty (issue 10)', () => {
  it('indexes the contractSla issue property with the paths and types of SLA_PROPERTY_INDEX', () => {
    const modules = entityProperties();
    const sla = modules.find((m) => m['key'] === 'contract-sla-property');
    expect(sla).toMatchObject({ entityType: 'issue', propertyKey: SLA_PROPERTY_KEY });
    expect(sla?.['values']).toEqual(SLA_PROPERTY_INDEX.map(({ path: p, type }) => ({ path: p, type })));
  });

  it('the local Jira indexes what the manifest declares, nothing more', () => {
    const declared = entityProperties().map((m) => ({
      entityType: m['entityType'] ?? 'issue',
      propertyKey: m['propertyKey'],
      values: m['values'],
    }));
    expect(INDEXED_ENTITY_PROPERTIES).toEqual(declared);
  });

  it('stays within the 30 indexed values an app may declare', () => {
    const count = entityProperties().reduce((n, m) => n + (Array.isArray(m['values']) ? m['values'].length : 0), 0);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(30);
  });
});
