// What therapists and the case team read: calendars (a therapist's, a shelter's, a child's, for a
// day, a week or an agenda), a child's session history, the therapist's Today panel, and what a
// therapist needs to schedule a child.
import { ageOn } from '../../../../shared/children/vocabulary';
import type {
  CalendarBy,
  ChildScheduling,
  TherapySession,
  TodayPanel,
} from '../../../../shared/therapy/contract';
import {
  addDaysTo,
  daysBetween,
  fieldError,
  startOfDay,
  type CaseActor,
  type CaseVault,
  type Clock,
} from '../../records/actor';
import { birthOf, childRowById } from '../../records/rows';
import { currentPlacementRow, legalEventsOf, conjointCaregivers } from '../children';
import { toSessions } from './sessions';
import type { SessionRow } from './rows';

export const MAX_CALENDAR_DAYS = 62;
export const HISTORY_LIMIT = 1000;

export interface CalendarQuery {
  by: CalendarBy;
  therapistId?: string | undefined;
  shelterId?: string | undefined;
  childId?: string | undefined;
  from: string;
  to: string;
}

const ID_OF_VIEW = { therapist: 'therapistId', shelter: 'shelterId', child: 'childId' } as const;

/** Sessions starting on the dates from `from` to `to` (inclusive, in the vault's zone). */
export function calendar(
  vault: CaseVault,
  actor: CaseActor,
  timeZone: string,
  input: CalendarQuery,
): TherapySession[] {
  const id = input[ID_OF_VIEW[input.by]];
  if (!id) throw fieldError(ID_OF_VIEW[input.by], 'required');
  const days = daysBetween(input.from, input.to);
  if (days < 0) throw fieldError('to', 'therapy.endBeforeStart');
  if (days >= MAX_CALENDAR_DAYS) throw fieldError('to', 'therapy.range');
  const range = {
    start: startOfDay(input.from, timeZone),
    end: startOfDay(addDaysTo(input.to, 1), timeZone),
  };
  const rows =
    input.by === 'child'
      ? vault.db
          .prepare(
            `SELECT s.* FROM therapy_participants pa JOIN therapy_sessions s ON s.id = pa.session_id
             WHERE pa.child_id = $id AND pa.deleted_at IS NULL AND s.deleted_at IS NULL
               AND pa.start_at >= $start AND pa.start_at < $end
             ORDER BY pa.start_at`,
          )
          .all({ id, ...range })
      : vault.db
          .prepare(
            `SELECT * FROM therapy_sessions
             WHERE ${input.by === 'therapist' ? 'therapist_id' : 'shelter_id'} = $id
               AND deleted_at IS NULL AND start_at >= $start AND start_at < $end
             ORDER BY start_at`,
          )
          .all({ id, ...range });
  return toSessions(vault, actor, rows as unknown as SessionRow[]);
}

/** A child's sessions, newest first (the latest HISTORY_LIMIT). */
export function sessionHistory(
  vault: CaseVault,
  actor: CaseActor,
  childId: string,
): TherapySession[] {
  const rows = vault.db
    .prepare(
      `SELECT s.* FROM therapy_participants pa JOIN therapy_sessions s ON s.id = pa.session_id
       WHERE pa.child_id = ? AND pa.deleted_at IS NULL AND s.deleted_at IS NULL
       ORDER BY pa.start_at DESC LIMIT ${HISTORY_LIMIT}`,
    )
    .all([childId]) as unknown as SessionRow[];
  return toSessions(vault, actor, rows);
}

/** The therapist's sessions today, in the vault's time zone. */
export function todayPanel(vault: CaseVault, actor: CaseActor, clock: Clock): TodayPanel {
  return {
    date: clock.today,
    sessions: calendar(vault, actor, clock.timeZone, {
      by: 'therapist',
      therapistId: actor.userId,
      from: clock.today,
      to: clock.today,
    }),
  };
}

/** Placement, shelter, legal dates and conjoint caregivers: never the intake account or names. */
export function childScheduling(vault: CaseVault, clock: Clock, childId: string): ChildScheduling {
  const row = childRowById(vault, childId);
  const { age, estimated } = ageOn(birthOf(row), clock.today);
  const placement = currentPlacementRow(vault, childId);
  const shelterName = placement
    ? (vault.db
        .prepare('SELECT name FROM shelters WHERE id = ?', { pluck: true })
        .get([placement.shelter_id]) as string)
    : null;
  return {
    child: {
      id: row.id,
      caseCode: row.case_code,
      initials: row.alias,
      age,
      ageEstimated: estimated,
    },
    placement: placement
      ? { shelterId: placement.shelter_id, shelterName: shelterName!, since: placement.start_at }
      : null,
    legalEvents: legalEventsOf(vault, childId).map((e) => ({
      id: e.id,
      kind: e.kind,
      date: e.date,
      time: e.time,
    })),
    caregivers: conjointCaregivers(vault, childId),
  };
}
