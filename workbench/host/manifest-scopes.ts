// The scopes the app declares (manifest.yml, permissions.scopes): what a Jira site grants it once installed, so what
// the workbench's host lets it call. Read from the project's own manifest, found above this file (the same from
// workbench/host/ under ts-jest and from dist/workbench/host/ under npm start).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const manifestSchema = z.looseObject({
  permissions: z.looseObject({ scopes: z.array(z.string().min(1)).default([]) }).optional(),
});

/** The nearest manifest.yml at or above `from`; throws when there is none (the workbench runs inside the project). */
export function findManifest(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'manifest.yml');
    if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir) throw new Error(`no manifest.yml at or above ${from}`);
  }
}

/** `permissions.scopes` of a manifest's text; none when the section is absent. Throws on a manifest of another shape. */
export function scopesOfManifest(text: string): readonly string[] {
  const parsed = manifestSchema.safeParse(parse(text));
  if (!parsed.success)
    throw new Error(
      `manifest.yml: permissions.scopes is not a list of scope names (${parsed.error.issues[0]?.message ?? ''})`,
    );
  return parsed.data.permissions?.scopes ?? [];
}

/** The scopes of the project's manifest.yml. */
export const manifestScopes = (file: string = findManifest()): readonly string[] =>
  scopesOfManifest(fs.readFileSync(file, 'utf8'));
