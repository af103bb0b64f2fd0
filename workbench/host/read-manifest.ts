// The project's manifest.yml, for the host: found above this file (the same from workbench/host/ under ts-jest and
// from dist/workbench/host/ under npm start) and parsed with Atlassian's own manifest parser (@forge/manifest: YAML,
// with Forge's interpolation), as the Forge CLI reads it. The host's scopes (manifest-scopes.ts) and the trigger's
// filter (trigger-filter.ts) both read it here.
import fs from 'node:fs';
import path from 'node:path';
import { ManifestParserBuilder, type ManifestSchema } from '@forge/manifest';

/** The nearest manifest.yml at or above `from`; throws when there is none (the workbench runs inside the project). */
export function findManifest(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'manifest.yml');
    if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir) throw new Error(`no manifest.yml at or above ${from}`);
  }
}

/** A manifest's text, parsed as Forge parses it; `filePath` names it in the parser's errors. */
export function parseManifest(content: string, filePath: string = 'manifest.yml'): ManifestSchema {
  return new ManifestParserBuilder().build().parseManifest({ content, filePath });
}

/** The project's manifest.yml (or the one at `file`), parsed. */
export const readManifest = (file: string = findManifest()): ManifestSchema =>
  parseManifest(fs.readFileSync(file, 'utf8'), file);
