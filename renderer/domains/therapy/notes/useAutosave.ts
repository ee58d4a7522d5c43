// The draft's autosave: a short pause after typing saves it; leaving the screen (a lock, a quick
// hide, navigating away) saves whatever is still unsaved at once, so nothing typed is lost.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NoteFields, NoteTemplate } from '../../../../shared/therapy/notes';
import { useApi } from '../../../api/ApiContext';
import { isApiError } from '../../../api/client';

export const AUTOSAVE_DELAY_MS = 700;

export type AutosaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; key: string };

interface Draft {
  template: NoteTemplate;
  fields: NoteFields;
}

export function useAutosave(noteId: string, enabled: boolean) {
  const api = useApi();
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
  const pending = useRef<Draft | null>(null);
  const timer = useRef<number | null>(null);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const draft = pending.current;
    if (!draft) return true;
    pending.current = null;
    setState({ kind: 'saving' });
    try {
      const { updatedAt } = await api.call('notes.saveDraft', { id: noteId, ...draft });
      setState({ kind: 'saved', at: updatedAt });
      return true;
    } catch (error) {
      // Keep it pending: the next change or flush tries again.
      pending.current ??= draft;
      setState({ kind: 'failed', key: isApiError(error) ? error.message : 'internal' });
      return false;
    }
  }, [api, noteId]);

  const schedule = useCallback(
    (draft: Draft) => {
      if (!enabled) return;
      pending.current = draft;
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [enabled, flush],
  );

  // Unmounting (the lock unmounts every signed-in screen) saves what is left, before the lock call.
  useEffect(
    () => () => {
      if (pending.current) void flush();
    },
    [flush],
  );

  return { state, schedule, flush };
}
