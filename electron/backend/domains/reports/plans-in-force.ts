// Which therapy plans a report over a period counts: those in force during it, not every plan
// ever started. A plan has no end date and its status is today's, so its sessions say when it
// ran: it is in force when it started in the period, or started before it and has a session
// (of any status) in it or after it. A plan whose last session came before the period is not,
// whatever its status: one left "active" after its last session does not run on for ever.
import type { ReportPeriod } from './period';

/** SQL condition on the plan aliased `p`; binds `$from`, `$to` and `$start` (planInForceParams). */
export const PLAN_IN_FORCE = `p.deleted_at IS NULL AND p.started_on <= $to
  AND (p.started_on >= $from
    OR EXISTS (SELECT 1 FROM therapy_sessions s
               WHERE s.plan_id = p.id AND s.start_at >= $start AND s.deleted_at IS NULL))`;

export function planInForceParams(period: ReportPeriod): { from: string; to: string; start: string } {
  return { from: period.from, to: period.to, start: period.start };
}
