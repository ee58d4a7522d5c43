// Which therapy plans a report over a period counts: those in force during it, not every plan
// ever started. A plan has no end date: a completed or closed one ended with its last session
// (or, with none, the day it started); an active one runs on.
import type { ReportPeriod } from './period';

/** SQL condition on the plan aliased `p`; binds `$from`, `$to` and `$start` (planInForceParams). */
export const PLAN_IN_FORCE = `p.deleted_at IS NULL AND p.started_on <= $to
  AND (p.status = 'active' OR p.started_on >= $from
    OR (SELECT MAX(s.start_at) FROM therapy_sessions s
        WHERE s.plan_id = p.id AND s.deleted_at IS NULL) >= $start)`;

export function planInForceParams(period: ReportPeriod): { from: string; to: string; start: string } {
  return { from: period.from, to: period.to, start: period.start };
}
