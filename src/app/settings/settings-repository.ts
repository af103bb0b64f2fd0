// The settings document in the key-value store, versioned: every save writes version N+1 and keeps a copy under
// `settings:v<N>`, so a recomputation can say which version it used and nothing saved is ever lost. A save is
// refused when the document does not parse (nothing is written) or when someone saved in between (CONFLICT).
import { z } from 'zod';
import type { SettingsDocument, SettingsProblem } from '../../contract';
import { formatPath } from '../../domain/result';
import { AppError } from '../app-error';
import { instantKeyPart } from '../kvs-limits';
import type { KeyValueStore } from '../ports';
import { parseSettings, type Settings } from './parse-settings';

const CURRENT_KEY = 'settings';
const versionKey = (version: number): string => `settings:v${version}`;
/** In UTC (`…Z`): a Forge key may not hold the `+` of an offset such as `+02:00`. */
const unreadableKey = (nowIso: string): string => `settings:unreadable:${instantKeyPart(nowIso)}`;

const storedSchema = z.object({
  version: z.number().int().min(0),
  document: z.record(z.string(), z.unknown()),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export type StoredSettings = z.infer<typeof storedSchema> & {
  /** The stored value could not be read (another shape): the app runs on defaults until an administrator saves. */
  readonly unreadable?: true;
};

const EMPTY: StoredSettings = { version: 0, document: {}, updatedAt: null, updatedBy: null };

export const loadStoredSettings = async (store: KeyValueStore): Promise<StoredSettings> => {
  const raw = await store.get(CURRENT_KEY);
  if (raw === undefined || raw === null) return EMPTY;
  const parsed = storedSchema.safeParse(raw);
  return parsed.success ? parsed.data : { ...EMPTY, unreadable: true };
};

export const problemsOf = (document: unknown): readonly SettingsProblem[] => {
  const parsed = parseSettings(document);
  return parsed.ok ? [] : parsed.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
};

export type EffectiveSettings = {
  readonly settings: Settings;
  readonly version: number;
  readonly stored: StoredSettings;
};

/** The settings in force: the stored document parsed, or the defaults when nothing is stored. */
export const effectiveSettings = async (store: KeyValueStore): Promise<EffectiveSettings> => {
  const stored = await loadStoredSettings(store);
  const parsed = parseSettings(stored.document);
  if (!parsed.ok) {
    // Saved documents were valid when saved; a rule that became stricter since must not stop the clocks.
    const defaults = parseSettings({});
    if (!defaults.ok) throw new AppError('INTERNAL', 'the default settings do not parse');
    return { settings: defaults.value, version: stored.version, stored };
  }
  return { settings: parsed.value, version: stored.version, stored };
};

export const saveSettings = async (
  store: KeyValueStore,
  document: SettingsDocument,
  expectedVersion: number,
  accountId: string,
  nowIso: string,
): Promise<StoredSettings> => {
  const problems = problemsOf(document);
  if (problems.length > 0)
    throw new AppError(
      'INVALID_SETTINGS',
      `the settings have ${problems.length} problem(s); nothing was saved`,
      problems,
    );
  const current = await loadStoredSettings(store);
  if (current.unreadable) {
    // Nothing is lost: the unreadable value is kept aside before the new settings replace it.
    await store.set(unreadableKey(nowIso), await store.get(CURRENT_KEY));
  } else if (current.version !== expectedVersion) {
    throw new AppError(
      'CONFLICT',
      `the settings were saved by someone else in the meantime (version ${current.version}, not ${expectedVersion}); reload them`,
    );
  }
  const next: StoredSettings = {
    version: current.version + 1,
    document: { ...document },
    updatedAt: nowIso,
    updatedBy: accountId,
  };
  await store.set(versionKey(next.version), next);
  await store.set(CURRENT_KEY, next);
  return next;
};
