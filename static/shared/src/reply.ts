// What the surfaces need to know about a failed resolver call, whatever the surface.
import { errorKeyOf, type CommonKey } from './i18n/common';
import type { Translate } from './i18n/translate';

export type ReplyError = { readonly code: string; readonly message: string };

/** The sentence for a failed reply (the surface's own wording when it has one) and the technical detail. */
export const describeError = <K extends string>(
  t: Translate<K | CommonKey>,
  error: ReplyError,
): { readonly title: string; readonly detail: string } => ({
  title: t(errorKeyOf(error.code)),
  detail: t('common.errorDetail', { code: error.code, message: error.message }),
});

type AnyReply<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

const isReply = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';

/**
 * Settles an `invoke` into a Reply: without `metadata` the bridge resolves to the resolver's value itself; a bridge
 * failure or an answer that is not a Reply becomes an INTERNAL reply, so components handle one shape only.
 */
export const settleReply = <R extends AnyReply<unknown>>(key: string, pending: Promise<unknown>): Promise<R> =>
  pending.then(
    (value) =>
      isReply(value)
        ? (value as R)
        : ({ ok: false, error: { code: 'INTERNAL', message: `resolver ${key} answered with no reply` } } as R),
    (error: unknown) =>
      ({
        ok: false,
        error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
      }) as R,
  );
