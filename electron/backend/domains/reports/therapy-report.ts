// The therapy report: attendance rates by shelter, therapist and modality; for one shelter or a
// therapist's own caseload also the weekly schedule (the sessions of the period's last seven
// days, never every session of a long period), attendance by child, and where each plan in
// force during the period stands (session n of N, TF-CBT phase). Only children in the viewer's scope are counted or named (a therapist's: their
// caseload), by case code and initials. Notes, plans' goals and cancellation reasons are never
// read here.
import type {
  AttendanceFigures,
  AttendanceModality,
  TherapyReport,
} from '../../../../shared/reports/contract';
import {
  planProgress,
  type Modality,
  type PlanStatus,
  type PracticeComponent,
  type SessionKind,
  type SessionStatus,
} from '../../../../shared/therapy/vocabulary';
import { type CaseActor, type CaseVault } from '../../records/actor';
import { visibleChildIds } from '../../records/scope';
import { addDaysTo, startOfDay } from '../../records/actor';
import { jsonIds, shelterReportBasis, type ReportPeriod } from './period';
import { PLAN_IN_FORCE, planInForceParams } from './plans-in-force';

interface ParticipationRow {
  session_id: string;
  child_id: string;
  start_at: string;
  end_at: string;
  therapist_id: string;
  shelter_id: string | null;
  room: string | null;
  kind: SessionKind;
  status: SessionStatus;
  modality: Modality | null;
}

interface PlanFacts {
  id: string;
  child_id: string;
  therapist_id: string;
  modality: Modality;
  status: PlanStatus;
  planned_sessions: number;
}

const DUE: readonly SessionStatus[] = ['attended', 'no_show', 'cancelled', 'late_cancelled'];

/** Attendance figures of a set of participations (a child in a session), as of `now`. */
function attendanceOf(rows: readonly ParticipationRow[], now: string): AttendanceFigures {
  const count = (statuses: readonly SessionStatus[]) =>
    rows.filter((r) => statuses.includes(r.status)).length;
  const due = count(DUE);
  const attended = count(['attended']);
  return {
    due,
    attended,
    noShow: count(['no_show']),
    cancelled: count(['cancelled', 'late_cancelled']),
    notRecorded: rows.filter((r) => r.status === 'scheduled' && r.start_at < now).length,
    percent: due > 0 ? Math.round((attended / due) * 100) : null,
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** How many days the schedule lists: a week, whatever the period's length. */
const SCHEDULE_DAYS = 7;

/** The schedule's days: the period's last week (all of it when shorter). */
export function scheduleDays(period: ReportPeriod): { from: string; to: string } {
  const weekBack = addDaysTo(period.to, 1 - SCHEDULE_DAYS);
  return { from: weekBack > period.from ? weekBack : period.from, to: period.to };
}

export function therapyReport(
  vault: CaseVault,
  actor: CaseActor,
  input: { shelterId: string | null; from: string; to: string },
  generatedBy: string,
): TherapyReport {
  const { clock, period, shelters } = shelterReportBasis(vault, actor, input);
  const all = vault.db
    .prepare(
      `SELECT pa.session_id, pa.child_id, s.start_at, s.end_at, s.therapist_id, s.shelter_id,
              s.room, s.kind, s.status, p.modality
       FROM therapy_sessions s
       JOIN therapy_participants pa ON pa.session_id = s.id AND pa.deleted_at IS NULL
       LEFT JOIN therapy_plans p ON p.id = s.plan_id
       WHERE s.deleted_at IS NULL AND pa.child_id IS NOT NULL
         AND s.start_at >= $start AND s.start_at < $end
         AND ($anyShelter OR s.shelter_id = $shelter)
       ORDER BY s.start_at, s.id`,
    )
    .all({
      start: period.start,
      end: period.end,
      anyShelter: input.shelterId === null ? 1 : 0,
      shelter: input.shelterId ?? '',
    }) as unknown as ParticipationRow[];
  const visible = visibleChildIds(vault, actor, [...new Set(all.map((r) => r.child_id))]);
  const rows = all.filter((r) => visible.has(r.child_id));

  // Over all shelters the schedule, the per-child figures and plan progress would list every
  // session, child and plan; they are given for one shelter (chosen, or the only one in scope),
  // or a therapist's own caseload.
  const detailed = shelters.length === 1 || actor.role === 'therapist';
  // Plans in force during the period, for a child of the report.
  const plans = detailed
    ? (vault.db
        .prepare(
          `SELECT p.id, p.child_id, p.therapist_id, p.modality, p.status, p.planned_sessions
           FROM therapy_plans p
           WHERE ${PLAN_IN_FORCE} AND p.child_id IN (SELECT value FROM json_each($children))
           ORDER BY p.started_on, p.id`,
        )
        .all({
          ...planInForceParams(period),
          children: jsonIds(visible),
        }) as unknown as PlanFacts[])
    : [];

  const childIds = new Set([...rows.map((r) => r.child_id), ...plans.map((p) => p.child_id)]);
  const codes = new Map(
    (
      vault.db
        .prepare(
          'SELECT id, case_code, alias AS initials FROM children WHERE id IN (SELECT value FROM json_each(?))',
        )
        .all([jsonIds(childIds)]) as { id: string; case_code: string; initials: string }[]
    ).map((c) => [c.id, c]),
  );
  const therapistIds = new Set([...rows.map((r) => r.therapist_id), ...plans.map((p) => p.therapist_id)]);
  const therapistName = new Map(
    (
      vault.db
        .prepare('SELECT id, display_name FROM users WHERE id IN (SELECT value FROM json_each(?))')
        .all([jsonIds(therapistIds)]) as { id: string; display_name: string }[]
    ).map((u) => [u.id, u.display_name]),
  );
  const shelterName = new Map(
    (
      vault.db.prepare('SELECT id, name FROM shelters').all() as { id: string; name: string }[]
    ).map((s) => [s.id, s.name]),
  );
  const modalityOf = (r: ParticipationRow): AttendanceModality => r.modality ?? 'noPlan';
  const now = clock.nowIso;

  // A year of one shelter holds thousands of sessions: the schedule is its last week only.
  const days = scheduleDays(period);
  const scheduleStart = startOfDay(days.from, clock.timeZone);
  const scheduled = detailed ? rows.filter((r) => r.start_at >= scheduleStart) : [];
  const sessions = [...groupBy(scheduled, (r) => r.session_id).values()].map((group) => {
    const first = group[0]!;
    return {
      startAt: first.start_at,
      endAt: first.end_at,
      therapistName: therapistName.get(first.therapist_id) ?? '',
      shelterName: first.shelter_id ? (shelterName.get(first.shelter_id) ?? null) : null,
      room: first.room,
      kind: first.kind,
      modality: modalityOf(first),
      status: first.status,
      children: group.map((r) => codes.get(r.child_id)!.case_code).sort(),
    };
  });

  const byShelter = [...groupBy(rows, (r) => r.shelter_id ?? '')]
    .map(([id, group]) => ({
      shelterName: id ? (shelterName.get(id) ?? null) : null,
      sessions: new Set(group.map((r) => r.session_id)).size,
      ...attendanceOf(group, now),
    }))
    // Sessions outside a shelter last.
    .sort((a, b) =>
      a.shelterName === null || b.shelterName === null
        ? Number(a.shelterName === null) - Number(b.shelterName === null)
        : a.shelterName.localeCompare(b.shelterName),
    );
  const byChild = [...groupBy(detailed ? rows : [], (r) => r.child_id)]
    .map(([childId, group]) => ({
      caseCode: codes.get(childId)!.case_code,
      initials: codes.get(childId)!.initials,
      ...attendanceOf(group, now),
    }))
    .sort((a, b) => a.caseCode.localeCompare(b.caseCode));
  const byTherapist = [...groupBy(rows, (r) => r.therapist_id)]
    .map(([id, group]) => ({ therapistName: therapistName.get(id) ?? '', ...attendanceOf(group, now) }))
    .sort((a, b) => a.therapistName.localeCompare(b.therapistName));
  const byModality = [...groupBy(rows, modalityOf)]
    .map(([modality, group]) => ({
      modality: modality as AttendanceModality,
      ...attendanceOf(group, now),
    }))
    .sort((a, b) => a.modality.localeCompare(b.modality));

  // Progress as it stood at the end of the period: the sessions attended before then, read for
  // every plan at once.
  const attendedByPlan = groupBy(
    vault.db
      .prepare(
        `SELECT plan_id, components FROM therapy_sessions
         WHERE plan_id IN (SELECT value FROM json_each($plans)) AND status = 'attended'
           AND deleted_at IS NULL AND start_at < $end
         ORDER BY plan_id, start_at`,
      )
      .all({ plans: jsonIds(plans.map((p) => p.id)), end: period.end }) as {
      plan_id: string;
      components: string;
    }[],
    (r) => r.plan_id,
  );
  const progress = plans
    .map((plan) => {
      const attended = (attendedByPlan.get(plan.id) ?? []).map(
        (r) => JSON.parse(r.components) as PracticeComponent[],
      );
      const p = planProgress(plan.modality, plan.planned_sessions, attended);
      const child = codes.get(plan.child_id)!;
      return {
        caseCode: child.case_code,
        initials: child.initials,
        therapistName: therapistName.get(plan.therapist_id) ?? '',
        modality: plan.modality,
        status: plan.status,
        session: p.session,
        planned: p.planned,
        phase: p.phase,
        phaseNumber: p.phaseNumber,
      };
    })
    .sort((a, b) => a.caseCode.localeCompare(b.caseCode) || a.modality.localeCompare(b.modality));

  return {
    kind: 'therapy',
    from: period.from,
    to: period.to,
    shelterId: input.shelterId,
    shelters,
    detailed,
    scheduleDays: days,
    generatedAt: clock.nowIso,
    generatedBy,
    timeZone: clock.timeZone,
    sessions,
    attendance: { byShelter, byChild, byTherapist, byModality },
    plans: progress,
  };
}
