// The admin page's state and its three resolver calls: one `settings/get` per load, a `settings/check` ~400 ms
// after the last change, and `settings/save` with the version the edit started from (optimistic concurrency).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HolidayView, SettingsDocument, SettingsProblem, SettingsView } from '../../../src/contract';
import type { ReplyError } from '../../shared/src/reply';
import { call } from './api';
import { placeProblems, writeAt, type Path, type PlacedProblems } from './document';
import { calendarNamesOf, fieldPaths } from './layout';

export const CHECK_DELAY_MS = 400;

export type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly version: number }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'failed'; readonly error: ReplyError };

export type Meta = {
  readonly version: number;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
  readonly savedHere: boolean;
};

type Load =
  { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly error: ReplyError } | { readonly kind: 'loaded' };

export const useSettingsEditor = () => {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [view, setView] = useState<SettingsView | null>(null);
  const [document, setDocument] = useState<SettingsDocument>({});
  const [savedJson, setSavedJson] = useState('{}');
  const [meta, setMeta] = useState<Meta>({ version: 0, updatedAt: null, updatedBy: null, savedHere: false });
  const [holidays, setHolidays] = useState<{ readonly [calendar: string]: readonly HolidayView[] }>({});
  const [problems, setProblems] = useState<readonly SettingsProblem[]>([]);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<ReplyError | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [jsonError, setJsonError] = useState<string | null>(null);
  // Counts the person's edits since the load: the first check waits for the first edit.
  const [revision, setRevision] = useState(0);
  const checkSeq = useRef(0);
  // The document a save refused as INVALID_SETTINGS: the save's problems are the last word on it, and a check of the
  // same document answering later (its ~400 ms timer may fire after the save) must not clear them.
  const refusedDocument = useRef<SettingsDocument | null>(null);

  const reload = useCallback(async () => {
    setLoad({ kind: 'loading' });
    const reply = await call('settings/get', {});
    if (!reply.ok) {
      setLoad({ kind: 'failed', error: reply.error });
      return;
    }
    const loaded = reply.data;
    setView(loaded);
    setDocument(loaded.document);
    setSavedJson(JSON.stringify(loaded.document));
    setMeta({ version: loaded.version, updatedAt: loaded.updatedAt, updatedBy: loaded.updatedBy, savedHere: false });
    setHolidays(loaded.holidays);
    setProblems([]);
    setCheckError(null);
    setSave({ kind: 'idle' });
    setJsonError(null);
    setRevision(0);
    checkSeq.current += 1; // a check still in flight belongs to the document just replaced
    setLoad({ kind: 'loaded' });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const canEdit = view?.canEdit === true;

  useEffect(() => {
    if (revision === 0 || !canEdit) return undefined;
    const seq = ++checkSeq.current;
    setChecking(true);
    const timer = setTimeout(() => {
      void call('settings/check', { document }).then((reply) => {
        if (seq !== checkSeq.current) return; // a later change is being checked
        setChecking(false);
        if (reply.ok) {
          if (refusedDocument.current !== document) setProblems(reply.data.problems);
          // A document with problems may come back without holidays: keep the last preview rather than none.
          if (reply.data.problems.length === 0 || Object.keys(reply.data.holidays).length > 0)
            setHolidays(reply.data.holidays);
          setCheckError(null);
        } else setCheckError(reply.error);
      });
    }, CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [revision, canEdit, document]);

  const edit = useCallback((next: (current: SettingsDocument) => SettingsDocument) => {
    setDocument(next);
    setRevision((r) => r + 1);
    setSave((current) => (current.kind === 'saved' ? { kind: 'idle' } : current));
  }, []);
  const write = useCallback((path: Path, value: unknown) => edit((current) => writeAt(current, path, value)), [edit]);
  const replace = useCallback((next: SettingsDocument) => edit(() => next), [edit]);

  const saveNow = useCallback(async () => {
    setSave({ kind: 'saving' });
    const reply = await call('settings/save', { document, expectedVersion: meta.version });
    if (reply.ok) {
      setMeta({ version: reply.data.version, updatedAt: reply.data.updatedAt, updatedBy: null, savedHere: true });
      setSavedJson(JSON.stringify(document));
      setSave({ kind: 'saved', version: reply.data.version });
      return;
    }
    const { error } = reply;
    if (error.code === 'CONFLICT') setSave({ kind: 'conflict' });
    else if (error.code === 'INVALID_SETTINGS') {
      refusedDocument.current = document;
      setProblems(error.problems ?? []);
      setSave({ kind: 'invalid' });
    } else if (error.code === 'FORBIDDEN') setSave({ kind: 'forbidden' });
    else setSave({ kind: 'failed', error });
  }, [document, meta.version]);

  const placed: PlacedProblems = useMemo(
    () => placeProblems(problems, view === null ? [] : fieldPaths(calendarNamesOf(document, view.defaults))),
    [problems, view, document],
  );

  return {
    load,
    view,
    document,
    defaults: view?.defaults ?? {},
    canEdit,
    meta,
    holidays,
    problems,
    placed,
    checking,
    checkError,
    save,
    jsonError,
    dirty: JSON.stringify(document) !== savedJson,
    write,
    replace,
    setJsonError,
    saveNow,
    reload,
  };
};
