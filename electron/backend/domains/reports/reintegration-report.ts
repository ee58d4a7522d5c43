// The reintegration and monitoring report: Aftercare Outcomes assessments due or overdue,
// assessments and closures waiting for approval, the children in aftercare monitoring, visits
// done against visits scheduled in the period, and visits overdue. A child belongs to the
// shelter of their latest placement (a child in aftercare has left it); only children in the
// viewer's scope appear, by case code and initials. The lists name open cases only: a closed
// case waits for no approval or visit and is no longer monitored, though its visits in the
// period still count among those scheduled and done. A case is open or closed as it stood at the
// period's end, so a past period's report still lists a case closed since. No observation,
// answer or comment is read.
import type {
  PendingApproval,
  ReintegrationReport,
  ReportChild,
} from '../../../../shared/reports/contract';
import {
  OUTCOMES_DUE_SOON_DAYS,
  outcomesDueOn,
} from '../../../../shared/reintegration/monitoring';
import {
  addDaysTo,
  daysBetween,
  type CaseActor,
  type CaseVault,
} from '../../records/actor';
import { childScope } from '../../records/scope';
import { listInstruments, readPolicy } from '../reintegration';
import { jsonIds, shelterReportBasis } from './period';

interface ChildFacts {
  id: string;
  case_code: string;
  initials: string;
  /** Today's status: what waits for approval now. */
  status: string;
  /** The status at the period's end; null for a case recorded after it (its status today serves). */
  status_then: string | null;
  intake_date: string;
}

const byCode = (a: ReportChild, b: ReportChild) => a.caseCode.localeCompare(b.caseCode);

export function reintegrationReport(
  vault: CaseVault,
  actor: CaseActor,
  input: { shelterId: string | null; from: string; to: string },
  generatedBy: string,
): ReintegrationReport {
  const { clock, period, shelters } = shelterReportBasis(vault, actor, input);
  const asOf = period.to < clock.today ? period.to : clock.today;
  const scope = childScope(vault, actor);
  const children = vault.db
    .prepare(
      `SELECT c.id, c.case_code, c.alias AS initials, c.status, c.intake_date,
              (SELECT s.to_status FROM child_status_changes s
               WHERE s.child_id = c.id AND s.changed_at < $end
               ORDER BY s.changed_at DESC LIMIT 1) AS status_then
       FROM children c
       WHERE c.deleted_at IS NULL AND ${scope.sql}
         AND ($anyShelter OR (SELECT p.shelter_id FROM placements p
               WHERE p.child_id = c.id AND p.deleted_at IS NULL
               ORDER BY p.start_at DESC LIMIT 1) = $shelter)`,
    )
    .all({
      ...scope.params,
      end: period.end,
      anyShelter: input.shelterId === null ? 1 : 0,
      shelter: input.shelterId ?? '',
    }) as unknown as ChildFacts[];
  const childOf = new Map(children.map((c) => [c.id, c]));
  const ids = jsonIds(childOf.keys());
  const openNow = jsonIds(children.filter((c) => c.status !== 'closed').map((c) => c.id));
  const statusThen = (c: ChildFacts) => c.status_then ?? c.status;
  const openThen = (c: ChildFacts) => statusThen(c) !== 'closed';
  const open = jsonIds(children.filter(openThen).map((c) => c.id));
  const named = (id: string): ReportChild => ({
    caseCode: childOf.get(id)!.case_code,
    initials: childOf.get(id)!.initials,
  });

  // Outcomes due: the next administration not made by the end of `asOf`.
  const kindOf = new Map(listInstruments(vault).map((i) => [i.code, i.kind]));
  const outcomesCodes = [...kindOf].filter(([, kind]) => kind === 'outcomes').map(([code]) => code);
  const made = new Map(
    (
      vault.db
        .prepare(
          `SELECT child_id, count(*) AS n FROM reintegration_assessments
           WHERE deleted_at IS NULL AND status <> 'draft' AND submitted_at < $end
             AND instrument_code IN (SELECT value FROM json_each($codes))
             AND child_id IN (SELECT value FROM json_each($ids))
           GROUP BY child_id`,
        )
        .all({ end: period.end, codes: jsonIds(outcomesCodes), ids }) as {
        child_id: string;
        n: number;
      }[]
    ).map((r) => [r.child_id, Number(r.n)]),
  );
  const policy = readPolicy(vault);
  const schedule = {
    firstAfterMonths: policy.outcomesFirstAfterMonths,
    thenEveryMonths: policy.outcomesThenEveryMonths,
  };
  const horizon = addDaysTo(asOf, OUTCOMES_DUE_SOON_DAYS);
  const assessmentsDue = children
    .filter((c) => ['intake', 'in_care', 'aftercare'].includes(statusThen(c)))
    .map((c) => {
      const administration = made.get(c.id) ?? 0;
      const dueOn = outcomesDueOn(c.intake_date, administration, schedule);
      return { ...named(c.id), administration, dueOn, daysOverdue: daysBetween(dueOn, asOf) };
    })
    .filter((d) => d.dueOn <= horizon)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || byCode(a, b));

  // Waiting for approval today: submitted assessments and proposed closures.
  const pending = [
    ...(
      vault.db
        .prepare(
          `SELECT child_id, instrument_code, submitted_at AS since FROM reintegration_assessments
           WHERE deleted_at IS NULL AND status = 'submitted'
             AND child_id IN (SELECT value FROM json_each(?))`,
        )
        .all([openNow]) as { child_id: string; instrument_code: string; since: string }[]
    ).map((r) => ({
      childId: r.child_id,
      kind: (kindOf.get(r.instrument_code) === 'outcomes'
        ? 'outcomes'
        : 'readiness') as PendingApproval,
      since: r.since,
    })),
    ...(
      vault.db
        .prepare(
          `SELECT child_id, proposed_at AS since FROM case_closures
           WHERE status = 'proposed' AND child_id IN (SELECT value FROM json_each(?))`,
        )
        .all([openNow]) as { child_id: string; since: string }[]
    ).map((r) => ({ childId: r.child_id, kind: 'closure' as PendingApproval, since: r.since })),
  ];
  const approvalsPending = pending
    .map((p) => ({ ...named(p.childId), kind: p.kind, since: p.since }))
    .sort((a, b) => a.since.localeCompare(b.since) || byCode(a, b));

  // Follow-up visits: done means recorded with a visit date on or before `asOf`. Counted in SQL
  // per child, so a long-running case's every visit ever is not read into the report.
  const inAftercare = (
    vault.db
      .prepare(
        `SELECT child_id, min(due_on) AS first_due, max(due_on) AS last_due,
                sum(due_on BETWEEN $from AND $to) AS scheduled,
                sum(due_on BETWEEN $from AND $to AND visited_on <= $asOf) AS done
         FROM aftercare_visits
         WHERE deleted_at IS NULL AND child_id IN (SELECT value FROM json_each($ids))
         GROUP BY child_id
         HAVING min(due_on) <= $to AND max(due_on) >= $from`,
      )
      .all({ from: period.from, to: period.to, asOf, ids }) as {
      child_id: string;
      first_due: string;
      last_due: string;
      scheduled: number;
      done: number;
    }[]
  )
    .map((r) => ({
      childId: r.child_id,
      ...named(r.child_id),
      firstDueOn: r.first_due,
      lastDueOn: r.last_due,
      scheduled: Number(r.scheduled),
      done: Number(r.done),
    }))
    .sort(byCode);
  const scheduled = inAftercare.reduce((sum, c) => sum + c.scheduled, 0);
  const doneCount = inAftercare.reduce((sum, c) => sum + c.done, 0);
  const monitored = inAftercare.filter((c) => openThen(childOf.get(c.childId)!));
  // Overdue: due in the period before `asOf` and not done by then (an earlier period's report
  // lists the visits missed then, so a long-running case does not repeat them all).
  const overdueVisits = (
    vault.db
      .prepare(
        `SELECT child_id, due_on FROM aftercare_visits
         WHERE deleted_at IS NULL AND child_id IN (SELECT value FROM json_each($open))
           AND due_on >= $from AND due_on < $asOf
           AND (visited_on IS NULL OR visited_on > $asOf)`,
      )
      .all({ from: period.from, asOf, open }) as { child_id: string; due_on: string }[]
  )
    .map((v) => ({ ...named(v.child_id), dueOn: v.due_on, daysOverdue: daysBetween(v.due_on, asOf) }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || byCode(a, b));

  return {
    kind: 'reintegration',
    from: period.from,
    to: period.to,
    shelterId: input.shelterId,
    shelters,
    generatedAt: clock.nowIso,
    generatedBy,
    timeZone: clock.timeZone,
    asOf,
    assessmentsDue,
    approvalsPending,
    inAftercare: monitored.map(({ childId: _, ...child }) => child),
    visits: {
      scheduled,
      done: doneCount,
      percent: scheduled > 0 ? Math.round((doneCount / scheduled) * 100) : null,
    },
    overdueVisits,
  };
}
