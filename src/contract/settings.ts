// Wire types of the admin page (resolvers `settings/*`): the settings document as stored and edited, its check, and
// the public holidays it gives each calendar.

/** The settings document as stored and edited: every key optional, the format of the CLI's --config file. */
export type SettingsDocument = { readonly [key: string]: unknown };

export type HolidayView = { readonly date: string; readonly name: string };

export type SettingsView = {
  /** The stored document (an empty object until an administrator saves settings). */
  readonly document: SettingsDocument;
  /** The defaults of decisions.md, spelt out (the example configuration). */
  readonly defaults: SettingsDocument;
  readonly version: number;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
  /** The next public holidays of each calendar (closed days first), from today. */
  readonly holidays: { readonly [calendar: string]: readonly HolidayView[] };
  readonly canEdit: boolean;
};

export type SettingsProblem = { readonly path: string; readonly message: string };

export type SettingsCheck = {
  readonly problems: readonly SettingsProblem[];
  readonly holidays: { readonly [calendar: string]: readonly HolidayView[] };
};
