// Every resolver answers a Reply: its data, or an error code and a message. A parse failure is BAD_REQUEST, an
// expected failure keeps its code, anything else is INTERNAL, logged once with its subject but never the payload.
import { ZodError } from 'zod';
import type { Reply } from '../contract';
import { AppError } from '../app/app-error';

export const reply = async <T>(subject: string, run: () => Promise<T>): Promise<Reply<T>> => {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        ok: false,
        error: { code: error.code, message: error.message, ...(error.problems ? { problems: error.problems } : {}) },
      };
    }
    if (error instanceof ZodError) {
      const problems = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return {
        ok: false,
        error: {
          code: 'BAD_REQUEST',
          message: `invalid request: ${problems.map((p) => `${p.path || '(payload)'}: ${p.message}`).join('; ')}`,
          problems,
        },
      };
    }
    console.error(`resolver ${subject} failed: ${error instanceof Error ? error.message : String(error)}`);
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Contract SLA hit an unexpected error; it was logged. Try again, or tell your Jira administrator.',
      },
    };
  }
};
