import { useTranslation } from 'react-i18next';
import type { ProgressEvent } from '../../shared/bridge';
import type { ProcedureName } from '../../shared/contract';
import { useProgress } from '../api/useProgress';

/**
 * The bar shown while a long call runs: how much of its work the backend reports done, as a
 * whole percentage; without a value (indeterminate) until the first report arrives. Render it
 * only while the call is pending.
 */
export function WorkProgress({ procedure, label }: { procedure: ProcedureName; label: string }) {
  return <ProgressBar progress={useProgress(procedure)} label={label} />;
}

/** The bar for a progress a screen already follows (useProgress), e.g. to word its step too. */
export function ProgressBar({
  progress,
  label,
}: {
  progress: ProgressEvent | null;
  label: string;
}) {
  const { t } = useTranslation();
  if (progress === null) return <progress className="work-progress" aria-label={label} />;
  const percent = Math.floor((100 * progress.done) / progress.total);
  return (
    <progress
      className="work-progress"
      aria-label={label}
      value={percent}
      max={100}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={t('common.percentDone', { percent })}
    />
  );
}
