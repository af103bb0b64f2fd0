// How the gateway reads a Jira answer: a refusal as the AppError it means, a body parsed at the edge (zod). The
// messages name the operation (`POST /rest/api/3/search/jql`): the resolvers show them, the tests assert on them.
import { z } from 'zod';
import { AppError } from '../app/ports';

/**
 * Jira refused the call itself (401/403): the app's scopes, or its install on this site, not the thing asked for. A
 * real site answers 401 when the manifest lacks a scope of the operation, so this must never read as "not found".
 */
export const refusedByJira = (what: string, status: number): AppError =>
  new AppError(
    'FORBIDDEN',
    `${what} : Jira a refusé l'appel de Contract SLA (${status}) ; il manque sans doute une portée (scope) à l'application, ou elle n'est pas à jour sur ce site. Prévenez l'administrateur Jira. / ` +
      `${what}: Jira refused Contract SLA's call (${status}); the app probably lacks a scope, or is not up to date on this site. Tell your Jira administrator.`,
  );

/** A Jira answer that is not a success, as the app error it means: 404 not found, 401/403 refused, else INTERNAL. */
export const expectOk = (what: string, status: number, body: unknown): void => {
  if (status === 404) throw new AppError('NOT_FOUND', `${what}: not found or not visible`);
  if (status === 401 || status === 403) throw refusedByJira(what, status);
  if (status < 200 || status >= 300) {
    const messages = z.looseObject({ errorMessages: z.array(z.string()).optional() }).safeParse(body);
    const detail =
      messages.success && messages.data.errorMessages?.length ? `: ${messages.data.errorMessages.join('; ')}` : '';
    throw new AppError('INTERNAL', `${what}: Jira answered ${status}${detail}`);
  }
};

/** The body in the shape the schema says, or INTERNAL naming the operation and the first mismatch. */
export const parseOrFail = <T>(what: string, schema: z.ZodType<T>, body: unknown): T => {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new AppError(
      'INTERNAL',
      `${what}: unexpected response from Jira (${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''})`,
    );
  return parsed.data;
};
