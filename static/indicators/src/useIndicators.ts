// The gadget view's state and its resolver calls: one `indicators/getMonth` per load; while the server computes the
// month in the background, `indicators/getMonth` again every 2 s until the snapshot is ready or failed (the only
// repeated call, stopped when the gadget goes away); `indicators/refresh` on « Recalculer » / « Relancer »; and
// `indicators/export` for the CSV and JSON files.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IndicatorsView } from '../../../src/contract';
import { downloadText } from '../../shared/src/download';
import type { ReplyError } from '../../shared/src/reply';
import { call } from './api';

export const POLL_INTERVAL_MS = 2_000;

export type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: ReplyError }
  | { readonly kind: 'loaded'; readonly view: IndicatorsView };

export type Action = 'refresh' | 'csv' | 'json';

/** The last button pressed: under way, or failed with the server's error. */
export type ActionState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly action: Action }
  | { readonly kind: 'failed'; readonly action: Action; readonly error: ReplyError };

export const useIndicators = () => {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [action, setAction] = useState<ActionState>({ kind: 'idle' });
  // Replies that arrive after the gadget is gone are dropped.
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const fetchMonth = useCallback(async () => {
    const reply = await call('indicators/getMonth', {});
    if (!live.current) return;
    setLoad(reply.ok ? { kind: 'loaded', view: reply.data } : { kind: 'failed', error: reply.error });
  }, []);

  useEffect(() => {
    void fetchMonth();
  }, [fetchMonth]);

  // One timer per computing reply: each reply replaces `load`, which arms the next poll or ends polling.
  useEffect(() => {
    if (load.kind !== 'loaded' || load.view.state !== 'computing') return undefined;
    const timer = setTimeout(() => void fetchMonth(), POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [load, fetchMonth]);

  const reload = useCallback(async () => {
    setLoad({ kind: 'loading' });
    setAction({ kind: 'idle' });
    await fetchMonth();
  }, [fetchMonth]);

  /** Starts a new computation of the month; its reply (usually `computing`) replaces the view shown. */
  const refresh = useCallback(async () => {
    setAction({ kind: 'busy', action: 'refresh' });
    const reply = await call('indicators/refresh', {});
    if (!live.current) return;
    if (!reply.ok) {
      setAction({ kind: 'failed', action: 'refresh', error: reply.error });
      return;
    }
    setLoad({ kind: 'loaded', view: reply.data });
    setAction({ kind: 'idle' });
  }, []);

  const exportAs = useCallback(async (format: 'csv' | 'json') => {
    setAction({ kind: 'busy', action: format });
    const reply = await call('indicators/export', { format });
    if (!live.current) return;
    if (!reply.ok) {
      setAction({ kind: 'failed', action: format, error: reply.error });
      return;
    }
    try {
      downloadText(reply.data);
      setAction({ kind: 'idle' });
    } catch (error) {
      setAction({
        kind: 'failed',
        action: format,
        error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) },
      });
    }
  }, []);

  return { load, action, reload, refresh, exportAs };
};
