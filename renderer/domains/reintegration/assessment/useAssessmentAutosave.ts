// The draft's autosave: a short pause after a change saves the whole form; leaving the screen
// (a lock, a quick hide, navigating away) saves whatever is still unsaved at once.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProcedureInput } from '../../../../shared/contract';
import { useApi } from '../../../api/ApiContext';
import { isApiError } from '../../../api/client';

export const AUTOSAVE_DELAY_MS = 700;

type Draft = ProcedureInput<'reintegration.save'>;

export type AutosaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; key: string; fields: Record<string, string> };

export function useAssessmentAutosave() {
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
      await api.call('reintegration.save', draft);
      setState({ kind: 'saved', at: new Date() });
      return true;
    } catch (error) {
      // Keep it pending: the next change or flush tries again.
      pending.current ??= draft;
      setState({
        kind: 'failed',
        key: isApiError(error) ? error.message : 'internal',
        fields: isApiError(error) ? error.fields : {},
      });
      return false;
    }
  }, [api]);

  const schedule = useCallback(
    (draft: Draft) => {
      pending.current = draft;
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(
    () => () => {
      if (pending.current) void flush();
    },
    [flush],
  );

  return { state, schedule, flush };
}
