// A long call's progress, as the renderer sees it (shared/bridge.ts ProgressEvent): what a job
// reports (vault/progress.ts) made monotonic and thinned out, so a bar never goes back and a
// copy of a large database does not flood the bridge.
import type { ProgressEvent, ProgressStep } from '../../../shared/bridge';
import type { ProcedureName } from '../../../shared/contract';
import type { ProgressSink } from '../vault/progress';

/** At most this many events per call, besides the last (one per tenth of a percent). */
const STEPS = 1000;

/**
 * The sink for one call of `procedure`. The first report fixes the total (a later report is
 * scaled to it); a report that would go back, or stay in the same step, is dropped, unless it
 * starts a new step of the work (the next migration); the total itself is always sent once.
 */
export function progressEvents(
  procedure: ProcedureName,
  emit: (event: ProgressEvent) => void,
): ProgressSink {
  let total = 0;
  let done = -1;
  let step = -1;
  let doing = '';
  return (reported, of, what?: ProgressStep) => {
    if (!Number.isFinite(reported) || !Number.isFinite(of) || of <= 0) return;
    if (total === 0) total = Math.round(of);
    const value = Math.min(total, Math.max(0, Math.round((reported * total) / of)));
    const newStep = what !== undefined && JSON.stringify(what) !== doing;
    if (value < done || (value === done && !newStep)) return;
    done = value;
    const next = Math.floor((value * STEPS) / total);
    if (next === step && value < total && !newStep) return;
    step = next;
    if (what) doing = JSON.stringify(what);
    emit({ type: 'progress', procedure, done: value, total, ...(what ? { step: what } : {}) });
  };
}
