// Expected outcomes are values (B5): a result is either a value or the list of what is wrong, never both.

export type IssueCode =
  | 'BAD_REQUEST'
  | 'CALENDAR_HAS_NO_WORKING_HOURS'
  | 'CALENDAR_INVALID'
  | 'CALENDAR_UNKNOWN'
  | 'CONFIG_INVALID'
  | 'DURATION_INVALID'
  | 'INSTANT_INVALID'
  | 'ISSUE_HAS_NO_CREATED'
  | 'ISSUE_INVALID'
  | 'HISTORY_OUT_OF_ORDER'
  | 'HISTORY_BEFORE_CREATION'
  | 'EXPORT_INVALID';

/** Something a person should know about a computed figure, which is still computed (a missing severity, say). */
export type WarningCode =
  | 'SEVERITY_MISSING'
  | 'SEVERITY_UNKNOWN'
  | 'SERVICE_LEVEL_MISSING'
  | 'SERVICE_LEVEL_UNKNOWN'
  | 'ENVIRONMENT_MISSING'
  | 'ENVIRONMENT_UNKNOWN'
  | 'ANOMALY_CLASS_UNKNOWN'
  | 'NO_NEXT_SPRINT'
  | 'CLOCK_NOT_STARTED'
  | 'FIELD_NOT_FOUND'
  | 'NOT_A_CONTRACT_ISSUE_TYPE'
  | 'STATUS_CHAIN_BROKEN'
  | 'CHANGELOG_TRUNCATED'
  | 'INCIDENT_START_INVALID';

export type Warning = { readonly code: WarningCode; readonly message: string };

/** A problem found in some input, with where it was found (`path`) and a sentence a person can act on. */
export type Issue = {
  readonly code: IssueCode;
  readonly path: readonly (string | number)[];
  readonly message: string;
};

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly issues?: never }
  | { readonly ok: false; readonly value?: never; readonly issues: readonly Issue[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(code: IssueCode, path: readonly (string | number)[], message: string): Result<T> => ({
  ok: false,
  issues: [{ code, path, message }],
});

export const failWith = <T = never>(issues: readonly Issue[]): Result<T> => ({ ok: false, issues });

/** Writes a path as `a.b[2].c`, for messages. */
export const formatPath = (path: readonly (string | number)[]): string =>
  path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part),
    '',
  );
