// The scopes the app declares (manifest.yml, permissions.scopes): what a Jira site grants it once installed, so what
// the workbench's host lets it call. Read from the project's own manifest (read-manifest.ts).
import { z } from 'zod';
import { findManifest, parseManifest, readManifest } from './read-manifest';

export { findManifest };

const manifestSchema = z.looseObject({
  permissions: z.looseObject({ scopes: z.array(z.string().min(1)).default([]) }).optional(),
});

/** `permissions.scopes` of a manifest's text; none when the section is absent. Throws on a manifest of another shape. */
export function scopesOfManifest(text: string): readonly string[] {
  return scopesOf(parseManifest(text));
}

function scopesOf(manifest: unknown): readonly string[] {
  const parsed = manifestSchema.safeParse(manifest);
  if (!parsed.success)
    throw new Error(
      `manifest.yml: permissions.scopes is not a list of scope names (${parsed.error.issues[0]?.message ?? ''})`,
    );
  return parsed.data.permissions?.scopes ?? [];
}

/** The scopes of the project's manifest.yml. */
export const manifestScopes = (file: string = findManifest()): readonly string[] => scopesOf(readManifest(file));
