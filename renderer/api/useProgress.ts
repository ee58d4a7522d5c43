import { useEffect, useState } from 'react';
import type { ProgressEvent } from '../../shared/bridge';
import type { ProcedureName } from '../../shared/contract';
import { useApi } from './ApiContext';

/**
 * The latest progress of `procedure` (declared with `progress: true`) since the component
 * mounted; null until its first event. Mount it when the call starts (while it is pending).
 */
export function useProgress(procedure: ProcedureName): ProgressEvent | null {
  const api = useApi();
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  useEffect(
    () =>
      api.onProgress((event) => {
        if (event.procedure === procedure) setProgress(event);
      }),
    [api, procedure],
  );
  return progress;
}
