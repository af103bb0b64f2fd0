// The page's state and its two resolver calls: one `capacity/getBoard` per load (with the sprint of a sprint action),
// and `capacity/setReserve` when the Product Owner saves, whose reply is the new board to render. Moving between
// sprints makes no call: every sprint of the board is in the one reply.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SprintBoardView } from '../../../src/contract';
import { langOf, type Lang } from '../../shared/src/i18n/translate';
import type { ReplyError } from '../../shared/src/reply';
import { call, getContext } from './api';
import { sprintIdOf } from './context';
import { focusOf } from './labels';

export type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: ReplyError }
  | { readonly kind: 'loaded'; readonly view: SprintBoardView };

/** What happened to the last save of the sprint shown (cleared when another sprint is shown). */
export type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly cleared: boolean }
  | { readonly kind: 'failed'; readonly error: ReplyError };

const selectedAfter = (view: SprintBoardView, wanted: number | null): number | null => {
  const sprints = view.report?.sprints ?? [];
  if (wanted !== null && sprints.some((s) => s.sprintId === wanted)) return wanted;
  return focusOf(sprints, view.focusSprintId)?.sprintId ?? null;
};

export const useSprintBoard = () => {
  const [lang, setLang] = useState<Lang>('fr');
  const [accountId, setAccountId] = useState<string | null>(null);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [selected, setSelected] = useState<number | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  // The sprint of a sprint action, read once from the context and sent again on "Réessayer".
  const requested = useRef<number | undefined>(undefined);

  const fetchBoard = useCallback(async () => {
    setLoad({ kind: 'loading' });
    const sprintId = requested.current;
    const reply = await call('capacity/getBoard', sprintId === undefined ? {} : { sprintId });
    if (!reply.ok) {
      setLoad({ kind: 'failed', error: reply.error });
      return;
    }
    setLoad({ kind: 'loaded', view: reply.data });
    setSelected(selectedAfter(reply.data, null));
    setSave({ kind: 'idle' });
  }, []);

  useEffect(() => {
    let live = true;
    getContext()
      .then(
        (context) => context,
        () => null, // French, and the board's focus, when the context cannot be read
      )
      .then((context) => {
        if (!live) return;
        if (context !== null) {
          setLang(langOf(context.locale));
          setAccountId(context.accountId ?? null);
        }
        requested.current = sprintIdOf(context);
        void fetchBoard();
      });
    return () => {
      live = false;
    };
  }, [fetchBoard]);

  const select = useCallback((sprintId: number) => {
    setSelected(sprintId);
    setSave({ kind: 'idle' });
  }, []);

  /** Sets (a number) or clears (null) the reserve of a sprint; the reply is the board to render from now on. */
  const saveReserve = useCallback(async (sprintId: number, reserve: number | null) => {
    setSave({ kind: 'saving' });
    const reply = await call('capacity/setReserve', { sprintId, reserve });
    if (!reply.ok) {
      setSave({ kind: 'failed', error: reply.error });
      return;
    }
    setLoad({ kind: 'loaded', view: reply.data });
    setSelected(selectedAfter(reply.data, sprintId));
    setSave({ kind: 'saved', cleared: reserve === null });
  }, []);

  return { lang, accountId, load, selected, save, select, saveReserve, reload: fetchBoard };
};
