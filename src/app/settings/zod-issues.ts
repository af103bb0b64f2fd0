// zod's errors → our Issue list: one entry per problem, with the path where it is and a plain sentence.
import type { z } from 'zod';
import type { Issue, IssueCode } from '../../domain/result';

export const zodIssues = (
  error: z.ZodError,
  code: IssueCode,
  prefix: readonly (string | number)[] = [],
): readonly Issue[] =>
  error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    let message = issue.message;
    if (issue.code === 'unrecognized_keys')
      message = `unknown setting ${issue.keys.map((k) => `"${k}"`).join(', ')} (check its spelling)`;
    else if (issue.code === 'invalid_type') message = `expected ${issue.expected}`;
    else if (issue.code === 'invalid_value' && 'values' in issue)
      message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    return { code, path, message };
  });
