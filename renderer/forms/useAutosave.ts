// A draft's autosave: a short pause after a change saves the whole draft; leaving the screen (a
// lock, a quick hide, navigating away) saves whatever is still unsaved at once, so nothing typed
// is lost. A failed save stays pending: the next change or flush tries again.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/client';

export const AUTOSAVE_DELAY_MS = 700;

export type AutosaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; key: string; fields: Record<string, string> };

/**
 * `save` writes one draft and may give the instant the record says it was saved (else now).
 * `enabled: false` ignores changes (a draft that can no longer be edited).
 */
export function useAutosave<Draft>(
  save: (draft: Draft) => Promise<{ savedAt?: string } | void>,
  { enabled = true }: { enabled?: boolean } = {},
) {
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
  const pending = useRef<Draft | null>(null);
  const timer = useRef<number | null>(null);
  // The latest save function, so a flush on unmount uses what the screen last rendered with.
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const draft = pending.current;
    if (draft === null) return true;
    pending.current = null;
    setState({ kind: 'saving' });
    try {
      const saved = await saveRef.current(draft);
      setState({ kind: 'saved', at: saved?.savedAt ?? new Date().toISOString() });
      return true;
    } catch (error) {
      pending.current ??= draft;
      setState({
        kind: 'failed',
        key: isApiError(error) ? error.message : 'internal',
        fields: isApiError(error) ? error.fields : {},
      });
      return false;
    }
  }, []);

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
      if (pending.current !== null) void flush();
    },
    [flush],
  );

  return { state, schedule, flush };
}
