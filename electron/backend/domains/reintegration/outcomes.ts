// Aftercare Outcomes due dates: each child in care or in aftercare is due an outcomes assessment
// at intake, then at the policy's months after it; the next one not yet made (a submitted,
// returned or approved assessment counts, a draft does not) is listed on the dashboards once it
// is due within OUTCOMES_DUE_SOON_DAYS, and stays there until it is made.
import type { OutcomesDue } from '../../../../shared/reintegration/contract';
import { OUTCOMES_DUE_SOON_DAYS, outcomesDueOn } from '../../../../shared/reintegration/monitoring';
import {
  addDaysTo,
  clockFor,
  daysBetween,
  type CaseActor,
  type CaseVault,
} from '../../records/actor';
import { panelConditions } from '../../records/today-panel';
import type { TodayPanelPage, TodayPanelQuery } from '../../../../shared/today';
import { readPolicy } from './gates';
import { listInstruments } from './instruments';

/** The codes of every outcomes instrument, shipped or imported. */
export function outcomesCodes(vault: CaseVault): string[] {
  return [
    ...new Set(
      listInstruments(vault)
        .filter((i) => i.kind === 'outcomes')
        .map((i) => i.code),
    ),
  ];
}

/** Outcomes administrations past due or due soon, soonest first: one page, and how many there are. */
export function outcomesDue(
  vault: CaseVault,
  actor: CaseActor,
  query: TodayPanelQuery,
): TodayPanelPage<OutcomesDue> {
  const { today } = clockFor(vault, actor);
  const policy = readPolicy(vault);
  const where = panelConditions(vault, actor, query);
  const rows = vault.db
    .prepare(
      `SELECT c.id, c.case_code, c.alias, c.intake_date,
         (SELECT count(*) FROM reintegration_assessments a
          WHERE a.child_id = c.id AND a.deleted_at IS NULL AND a.status <> 'draft'
            AND a.instrument_code IN (SELECT value FROM json_each($codes))) AS made
       FROM children c
       WHERE c.deleted_at IS NULL AND c.status IN ('intake', 'in_care', 'aftercare')
         AND ${where.sql}`,
    )
    .all({ codes: JSON.stringify(outcomesCodes(vault)), ...where.params }) as {
    id: string;
    case_code: string;
    alias: string;
    intake_date: string;
    made: number;
  }[];
  const horizon = addDaysTo(today, OUTCOMES_DUE_SOON_DAYS);
  const schedule = {
    firstAfterMonths: policy.outcomesFirstAfterMonths,
    thenEveryMonths: policy.outcomesThenEveryMonths,
  };
  // The due date follows from the schedule, not from a column: computed here, then paged.
  const due = rows
    .map((r) => {
      const dueOn = outcomesDueOn(r.intake_date, r.made, schedule);
      return {
        childId: r.id,
        caseCode: r.case_code,
        alias: r.alias,
        administration: r.made,
        dueOn,
        daysOverdue: daysBetween(dueOn, today),
      };
    })
    .filter((d) => d.dueOn <= horizon)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.caseCode.localeCompare(b.caseCode));
  return { total: due.length, items: due.slice(query.offset, query.offset + query.limit) };
}
