// An expected failure of a use case, with the code the resolver reply carries (BAD_REQUEST, NOT_FOUND, …). Under the
// ports: the adapters (src/jira) raise it too, and may import nothing else of src/app.
import type { ErrorCode, SettingsProblem } from '../../contract';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems?: readonly SettingsProblem[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}
