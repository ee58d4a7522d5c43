// Case conferences: the minutes of the multidisciplinary team's meetings about the child (who
// took part, what was said and decided) and when the team meets again, which Today shows when due.
import {
  REVIEW_DUE_AHEAD_DAYS,
  type CaseConference,
  type ConferenceReviewDue,
} from '../../../../shared/casework/contract';
import { addDaysTo, clockFor, type CaseActor, type CaseVault } from '../../records/actor';
import { saveChildRecord } from '../../records/child-records';
import { OPEN_CASE, pageOfRows, panelConditions } from '../../records/today-panel';
import type { TodayPanelPage, TodayPanelQuery } from '../../../../shared/today';

interface ConferenceRow {
  id: string;
  child_id: string;
  held_on: string;
  attendees: string;
  minutes: string;
  decisions: string | null;
  next_review_on: string | null;
}

function toConference(row: ConferenceRow): CaseConference {
  return {
    id: row.id,
    childId: row.child_id,
    heldOn: row.held_on,
    attendees: row.attendees,
    minutes: row.minutes,
    decisions: row.decisions,
    nextReviewOn: row.next_review_on,
  };
}

/** The child's conferences, the latest first (one seek on case_conferences(child_id, held_on)). */
export function conferencesOf(vault: CaseVault, childId: string): CaseConference[] {
  return (
    vault.db
      .prepare(
        `SELECT * FROM case_conferences WHERE child_id = ? AND deleted_at IS NULL
         ORDER BY held_on DESC, id DESC`,
      )
      .all([childId]) as unknown as ConferenceRow[]
  ).map(toConference);
}

export interface ConferenceInput {
  id?: string | undefined;
  childId: string;
  heldOn: string;
  attendees: string;
  minutes: string;
  decisions?: string | undefined;
  nextReviewOn?: string | undefined;
}

export function saveConference(
  vault: CaseVault,
  actor: CaseActor,
  input: ConferenceInput,
): CaseConference {
  return toConference(
    saveChildRecord<'case_conferences', ConferenceRow>(vault, actor, 'case_conferences', input, {
      check: (errors) => errors.notFutureDate('heldOn', input.heldOn, clockFor(vault, actor)),
      values: {
        child_id: input.childId,
        held_on: input.heldOn,
        attendees: input.attendees,
        minutes: input.minutes,
        decisions: input.decisions || null,
        next_review_on: input.nextReviewOn ?? null,
      },
    }),
  );
}

/**
 * Today's conference reviews of the open cases the actor sees: the review set by a child's latest
 * conference, within a week or late, soonest first. Read from the open cases (by the status index)
 * to each one's latest conference, which retires the earlier ones' reviews: closed cases, most of
 * a large vault, are never read.
 */
export function reviewsDue(
  vault: CaseVault,
  actor: CaseActor,
  query: TodayPanelQuery,
): TodayPanelPage<ConferenceReviewDue> {
  const { today } = clockFor(vault, actor);
  const where = panelConditions(vault, actor, query);
  const { rows, total } = pageOfRows<{
    id: string;
    child_id: string;
    case_code: string;
    alias: string;
    held_on: string;
    next_review_on: string;
  }>(
    vault,
    {
      columns: 'k.id, k.child_id, c.case_code, c.alias, k.held_on, k.next_review_on',
      from: `FROM children c INDEXED BY children_status
       JOIN case_conferences k ON k.id = (SELECT latest.id FROM case_conferences latest
         WHERE latest.child_id = c.id AND latest.deleted_at IS NULL
         ORDER BY latest.held_on DESC, latest.id DESC LIMIT 1)
       WHERE ${OPEN_CASE} AND k.next_review_on IS NOT NULL AND k.next_review_on <= $dueBy
         AND c.deleted_at IS NULL AND ${where.sql}`,
      order: 'k.next_review_on, k.id',
    },
    { dueBy: addDaysTo(today, REVIEW_DUE_AHEAD_DAYS), ...where.params },
    query,
  );
  return {
    total,
    items: rows.map((r) => ({
      conferenceId: r.id,
      childId: r.child_id,
      caseCode: r.case_code,
      alias: r.alias,
      heldOn: r.held_on,
      nextReviewOn: r.next_review_on,
      late: r.next_review_on < today,
    })),
  };
}
