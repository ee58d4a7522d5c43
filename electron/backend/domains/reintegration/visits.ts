// Follow-up visits after a discharge to family or kinship care: scheduled by the discharge (a
// discharge effect, in its transaction) from the policy's cadence; recorded by the case team; a
// worse risk or a failed safety check gives the caseworker and the coordinator an urgent task;
// visits past due and not recorded are what the dashboards list as overdue.
import type {
  AftercareVisit,
  OverdueVisit,
  VisitRecordInput,
} from '../../../../shared/reintegration/contract';
import {
  needsUrgentTask,
  visitSchedule,
  type RiskChange,
  type SafetyCheck,
  type SchoolAttendance,
} from '../../../../shared/reintegration/monitoring';
import { GATED_DESTINATIONS } from '../../../../shared/reintegration/vocabulary';
import {
  clockFor,
  dateOf,
  daysBetween,
  FieldErrors,
  notFound,
  type CaseActor,
  type CaseVault,
} from '../../records/actor';
import { requireVisibleChild } from '../../records/scope';
import { pageOfRows, panelConditions } from '../../records/today-panel';
import type { TodayPanelPage, TodayPanelQuery } from '../../../../shared/today';
import type { DischargeEffect } from '../../runtime/domain';
import { saveTask } from '../children';
import { readPolicy } from './gates';

interface VisitRow {
  id: string;
  child_id: string;
  due_on: string;
  visited_on: string | null;
  visited_by: string | null;
  child_seen: number | null;
  seen_alone: number | null;
  safety_checks: string | null;
  school_attendance: SchoolAttendance | null;
  observations: string | null;
  risk_change: RiskChange | null;
  follow_up: string | null;
}

function toVisit(row: VisitRow): AftercareVisit {
  return {
    id: row.id,
    childId: row.child_id,
    dueOn: row.due_on,
    record:
      row.visited_on && row.risk_change && row.school_attendance
        ? {
            visitedOn: row.visited_on,
            visitedBy: row.visited_by ?? '',
            childSeen: row.child_seen === 1,
            seenAlone: row.seen_alone === 1,
            safetyChecks: JSON.parse(row.safety_checks ?? '{}') as Record<SafetyCheck, boolean>,
            schoolAttendance: row.school_attendance,
            observations: row.observations ?? '',
            riskChange: row.risk_change,
            followUp: row.follow_up ?? '',
          }
        : null,
  };
}

/** The discharge effect: a discharge to family or kinship care schedules the follow-up visits. */
export const scheduleFollowUpVisits: DischargeEffect = (vault, request) => {
  if (!GATED_DESTINATIONS[request.destination]) return;
  const start = dateOf(request.at, request.clock.timeZone);
  for (const due of visitSchedule(start, readPolicy(vault).visitCadence)) {
    vault.data.insert('aftercare_visits', {
      child_id: request.child.id,
      placement_id: request.placement.id,
      due_on: due,
    });
  }
};

export function listVisits(vault: CaseVault, actor: CaseActor, childId: string): AftercareVisit[] {
  const child = requireVisibleChild(vault, actor, childId);
  return (
    vault.db
      .prepare(
        `SELECT * FROM aftercare_visits WHERE child_id = ? AND deleted_at IS NULL
         ORDER BY due_on, created_at`,
      )
      .all([child.id]) as unknown as VisitRow[]
  ).map(toVisit);
}

/** Urgent follow-up: the same words whatever was found, so the task list reveals no detail. */
export const URGENT_TASK_TITLE = 'Urgent: a follow-up visit raised a safety concern; review today';

function displayName(vault: CaseVault, userId: string | null): string | null {
  if (!userId) return null;
  return (
    (vault.db
      .prepare('SELECT display_name FROM users WHERE id = ?', { pluck: true })
      .get([userId]) as string | undefined) ?? null
  );
}

/** The child's caseworker, and the coordinator who approved the latest readiness assessment. */
function responsibleFor(vault: CaseVault, childId: string): string[] {
  // `+status` keeps SQLite on the child's index, not every approved assessment of every child.
  const caseworker = vault.db
    .prepare('SELECT assigned_caseworker_id FROM children WHERE id = ?', { pluck: true })
    .get([childId]) as string | null;
  const approver = vault.db
    .prepare(
      `SELECT approved_by FROM reintegration_assessments
       WHERE child_id = ? AND +status = 'approved' AND deleted_at IS NULL
       ORDER BY approved_at DESC LIMIT 1`,
      { pluck: true },
    )
    .get([childId]) as string | undefined;
  const names = [displayName(vault, caseworker), displayName(vault, approver ?? null)];
  return [...new Set(names.filter((n): n is string => n !== null))];
}

export function recordVisit(
  vault: CaseVault,
  actor: CaseActor,
  input: VisitRecordInput,
): AftercareVisit {
  const row = vault.db
    .prepare('SELECT * FROM aftercare_visits WHERE id = ? AND deleted_at IS NULL')
    .get([input.id]) as VisitRow | undefined;
  if (!row) throw notFound();
  requireVisibleChild(vault, actor, row.child_id);
  const clock = clockFor(vault, actor);
  const errors = new FieldErrors().notFutureDate('visitedOn', input.visitedOn, clock);
  if (input.seenAlone && !input.childSeen) errors.add('seenAlone', 'reintegration.seenAlone');
  errors.throwIfAny();
  return vault.data.transaction(() => {
    vault.data.update('aftercare_visits', row.id, {
      visited_on: input.visitedOn,
      visited_by: input.visitedBy,
      child_seen: input.childSeen ? 1 : 0,
      seen_alone: input.seenAlone ? 1 : 0,
      safety_checks: JSON.stringify(input.safetyChecks),
      school_attendance: input.schoolAttendance,
      observations: input.observations || null,
      risk_change: input.riskChange,
      follow_up: input.followUp || null,
    });
    if (needsUrgentTask(input)) {
      const responsible = responsibleFor(vault, row.child_id);
      for (const name of responsible.length > 0 ? responsible : [undefined]) {
        saveTask(vault, actor, {
          childId: row.child_id,
          title: URGENT_TASK_TITLE,
          dueDate: clock.today,
          responsible: name,
        });
      }
    }
    return toVisit(
      vault.db
        .prepare('SELECT * FROM aftercare_visits WHERE id = ?')
        .get([row.id]) as unknown as VisitRow,
    );
  });
}

/** Visits due before today and not recorded, of the children the actor sees, oldest first. */
export function overdueVisits(
  vault: CaseVault,
  actor: CaseActor,
  query: TodayPanelQuery,
): TodayPanelPage<OverdueVisit> {
  const { today } = clockFor(vault, actor);
  const where = panelConditions(vault, actor, query);
  const { rows, total } = pageOfRows<{
    id: string;
    child_id: string;
    case_code: string;
    alias: string;
    due_on: string;
  }>(
    vault,
    {
      columns: 'v.id, v.child_id, c.case_code, c.alias, v.due_on',
      from: `FROM aftercare_visits v JOIN children c ON c.id = v.child_id
       WHERE v.visited_on IS NULL AND v.deleted_at IS NULL AND v.due_on < $today
         AND c.deleted_at IS NULL AND ${where.sql}`,
      order: 'v.due_on, v.id',
    },
    { today, ...where.params },
    query,
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      childId: r.child_id,
      caseCode: r.case_code,
      alias: r.alias,
      dueOn: r.due_on,
      daysOverdue: daysBetween(r.due_on, today),
    })),
  };
}
