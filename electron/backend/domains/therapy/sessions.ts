// Sessions: booking one, or a recurring series whose every occurrence is its own row carrying
// the series id; moving or cancelling one occurrence, this and the following ones, or the whole
// series, touching only sessions still scheduled; and attendance. Every booking passes the
// conflict check (conflicts.ts): a hard conflict refuses it, a soft rule needs a typed reason.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { AppError } from '../../../../shared/errors';
import type {
  OccurrenceCheck,
  SeriesResult,
  TherapySession,
} from '../../../../shared/therapy/contract';
import {
  isBooked,
  needsCancellationReason,
  type PracticeComponent,
  type SeriesScope,
  type SessionKind,
  type SessionStatus,
  type TherapySoftRule,
} from '../../../../shared/therapy/vocabulary';
import {
  fieldError,
  notFound,
  type CaseActor,
  type CaseVault,
  type Clock,
} from '../../records/actor';
import { visibleChildIds } from '../../records/scope';
import { conjointCaregivers, currentPlacementRow } from '../children';
import { checkOccurrences, roomKeyOf, type Booking, type CheckedOccurrence } from './conflicts';
import {
  endOf,
  occurrenceAt,
  occurrencesOf,
  type Occurrence,
  type RecurrenceRule,
} from './recurrence';
import { overrideFor } from './rules';
import { parseComponents, planRowById, sessionRowById, type SessionRow } from './rows';

// ---- what a session looks like to its viewer -----------------------------------------------

interface ParticipantRow {
  session_id: string;
  child_id: string;
  case_code: string;
  initials: string;
  caregiver_id: string | null;
  relationship: string | null;
}

/** Sessions as the actor may see them: children outside their scope are left out. */
export function toSessions(
  vault: CaseVault,
  actor: CaseActor,
  rows: readonly SessionRow[],
): TherapySession[] {
  if (rows.length === 0) return [];
  const participants = vault.db
    .prepare(
      `SELECT pa.session_id, pa.child_id, c.case_code, c.alias AS initials, pa.caregiver_id, f.relationship
       FROM therapy_participants pa JOIN children c ON c.id = pa.child_id
       LEFT JOIN family_members f ON f.id = pa.caregiver_id
       WHERE pa.session_id IN (SELECT value FROM json_each(?)) AND pa.deleted_at IS NULL
       ORDER BY c.case_code`,
    )
    .all([JSON.stringify(rows.map((r) => r.id))]) as unknown as ParticipantRow[];
  // A therapist sees the children of their own sessions (their caseload): ask the scope only
  // about the others.
  const own = new Set(
    actor.role === 'therapist'
      ? rows.filter((r) => r.therapist_id === actor.userId).map((r) => r.id)
      : [],
  );
  const others = participants.filter((p) => !own.has(p.session_id)).map((p) => p.child_id);
  const visible = visibleChildIds(vault, actor, [...new Set(others)]);
  const isVisible = (p: ParticipantRow) => own.has(p.session_id) || visible.has(p.child_id);
  const bySession = new Map<string, ParticipantRow[]>();
  for (const p of participants)
    bySession.set(p.session_id, [...(bySession.get(p.session_id) ?? []), p]);
  // One look-up for every therapist named (a shelter's week names dozens).
  const therapists = new Map(
    (
      vault.db
        .prepare('SELECT id, display_name FROM users WHERE id IN (SELECT value FROM json_each(?))')
        .all([JSON.stringify([...new Set(rows.map((r) => r.therapist_id))])]) as {
        id: string;
        display_name: string;
      }[]
    ).map((u) => [u.id, { id: u.id, displayName: u.display_name }]),
  );
  return rows.map((row) => {
    const seen = (bySession.get(row.id) ?? []).filter(isVisible);
    const caregiver = seen.find((p) => p.caregiver_id !== null);
    return {
      id: row.id,
      seriesId: row.series_id,
      planId: row.plan_id,
      therapist: therapists.get(row.therapist_id)!,
      kind: row.kind,
      startAt: row.start_at,
      endAt: row.end_at,
      shelterId: row.shelter_id,
      room: row.room,
      status: row.status,
      statusReason: row.status_reason,
      children: seen.map((p) => ({ id: p.child_id, caseCode: p.case_code, initials: p.initials })),
      caregiver: caregiver
        ? { id: caregiver.caregiver_id!, relationship: caregiver.relationship ?? '' }
        : null,
      plannedComponents: parseComponents(row.planned_components),
      components: parseComponents(row.components),
      overridden: row.override_reason !== null,
    };
  });
}

function loadSessions(vault: CaseVault, actor: CaseActor, ids: readonly string[]) {
  const rows = vault.db
    .prepare(
      `SELECT * FROM therapy_sessions WHERE id IN (SELECT value FROM json_each(?))
       ORDER BY start_at`,
    )
    .all([JSON.stringify(ids)]) as unknown as SessionRow[];
  return toSessions(vault, actor, rows);
}

// ---- booking ---------------------------------------------------------------------------------

export interface BookingInput {
  therapistId: string;
  planId?: string | undefined;
  kind: SessionKind;
  childIds: string[];
  caregiverId?: string | undefined;
  durationMinutes: number;
  room?: string | undefined;
  plannedComponents: PracticeComponent[];
}

interface ValidBooking extends Booking {
  kind: SessionKind;
  caregiverId: string | null;
  shelterId: string | null;
}

/** The kind's rules (one child, a group, a conjoint caregiver from the family list) and the plan. */
function validBooking(vault: CaseVault, input: BookingInput): ValidBooking {
  const childIds = [...new Set(input.childIds)];
  if (childIds.length !== input.childIds.length)
    throw fieldError('childIds', 'therapy.duplicateChild');
  if (input.kind === 'group' && childIds.length < 2)
    throw fieldError('childIds', 'therapy.groupNeedsChildren');
  if (input.kind !== 'group' && childIds.length !== 1)
    throw fieldError('childIds', 'therapy.oneChildOnly');
  const child = childIds[0]!;
  if (input.kind === 'conjoint') {
    if (!input.caregiverId) throw fieldError('caregiverId', 'therapy.caregiverRequired');
    if (!conjointCaregivers(vault, child).some((c) => c.id === input.caregiverId))
      throw fieldError('caregiverId', 'therapy.caregiverNotEligible');
  } else if (input.caregiverId) {
    throw fieldError('caregiverId', 'therapy.caregiverConjointOnly');
  }
  if (input.planId) {
    const plan = planRowById(vault, input.planId);
    if (!plan) throw notFound();
    if (!childIds.includes(plan.child_id)) throw fieldError('planId', 'therapy.planChild');
  }
  const shelterId = currentPlacementRow(vault, child)?.shelter_id ?? null;
  const room = input.room?.trim() || null;
  return {
    therapistId: input.therapistId,
    childIds,
    room,
    roomKey: roomKeyOf(shelterId, room),
    planId: input.planId ?? null,
    plannedComponents: input.plannedComponents,
    kind: input.kind,
    caregiverId: input.kind === 'conjoint' ? (input.caregiverId ?? null) : null,
    shelterId,
  };
}

/** CONFLICT naming the first clash (the check lists them all), then NEEDS_OVERRIDE for soft rules. */
function requireBookable(
  checked: readonly CheckedOccurrence[],
  overrideReason: string | undefined,
): { overrideReason: string | null; overridden: TherapySoftRule[] } {
  const clashing = checked.filter((o) => o.conflicts.length > 0);
  if (clashing.length > 0) {
    const first = clashing[0]!;
    const clash = first.conflicts[0]!;
    throw new AppError('CONFLICT', 'therapy.conflict', {
      details: {
        clash: clash.kind,
        date: first.date,
        startAt: clash.startAt,
        endAt: clash.endAt,
        caseCode: clash.child?.caseCode ?? null,
        room: clash.room,
        clashingOccurrences: clashing.length,
      },
    });
  }
  const overridden = [...new Set(checked.flatMap((o) => o.broken))];
  return { overrideReason: overrideFor(overridden, overrideReason), overridden };
}

function insertSession(
  vault: CaseVault,
  booking: ValidBooking,
  occurrence: Occurrence,
  seriesId: string | null,
  overrideReason: string | null,
): string {
  const id = vault.data.insert('therapy_sessions', {
    therapist_id: booking.therapistId,
    plan_id: booking.planId,
    series_id: seriesId,
    kind: booking.kind,
    start_at: occurrence.startAt,
    end_at: occurrence.endAt,
    shelter_id: booking.shelterId,
    room: booking.room,
    room_key: booking.roomKey,
    status: 'scheduled',
    planned_components: JSON.stringify(booking.plannedComponents),
    override_reason: overrideReason,
  });
  booking.childIds.forEach((childId, i) =>
    vault.data.insert('therapy_participants', {
      session_id: id,
      child_id: childId,
      caregiver_id: i === 0 ? booking.caregiverId : null,
      start_at: occurrence.startAt,
      end_at: occurrence.endAt,
      booked: 1,
    }),
  );
  return id;
}

export interface BookingResult<T> {
  value: T;
  overridden: TherapySoftRule[];
}

export function scheduleSession(
  vault: CaseVault,
  actor: CaseActor,
  clock: Clock,
  input: BookingInput & { startAt: string; overrideReason?: string | undefined },
): BookingResult<TherapySession> {
  const booking = validBooking(vault, input);
  const startAt = new Date(input.startAt).toISOString();
  const occurrence = {
    date: format(new TZDate(startAt, clock.timeZone), 'yyyy-MM-dd'),
    startAt,
    endAt: endOf(startAt, input.durationMinutes),
  };
  const checked = checkOccurrences(vault, clock.timeZone, booking, [occurrence]);
  const { overrideReason, overridden } = requireBookable(checked, input.overrideReason);
  const id = vault.data.transaction(() =>
    insertSession(vault, booking, occurrence, null, overrideReason),
  );
  return { value: loadSessions(vault, actor, [id])[0]!, overridden };
}

export type SeriesInput = BookingInput & RecurrenceRule;

/** Every occurrence of the proposed series with its clashes and warnings. */
export function checkSeries(vault: CaseVault, clock: Clock, input: SeriesInput): OccurrenceCheck[] {
  const booking = validBooking(vault, input);
  return checkOccurrences(vault, clock.timeZone, booking, occurrencesOf(input, clock.timeZone)).map(
    ({ broken: _broken, ...check }) => check,
  );
}

export function createSeries(
  vault: CaseVault,
  actor: CaseActor,
  clock: Clock,
  input: SeriesInput & { overrideReason?: string | undefined },
): BookingResult<SeriesResult> {
  const booking = validBooking(vault, input);
  const occurrences = occurrencesOf(input, clock.timeZone);
  const checked = checkOccurrences(vault, clock.timeZone, booking, occurrences);
  const { overrideReason } = requireBookable(checked, input.overrideReason);
  const ids = vault.data.transaction(() => {
    const seriesId = vault.data.insert('therapy_series', {
      therapist_id: booking.therapistId,
      plan_id: booking.planId,
      interval_weeks: input.intervalWeeks,
      weekdays: JSON.stringify([...new Set(input.weekdays)].sort((a, b) => a - b)),
      start_date: input.startDate,
      start_time: input.startTime,
      duration_minutes: input.durationMinutes,
      until_date: input.end.kind === 'until' ? input.end.date : null,
      occurrence_count: input.end.kind === 'count' ? input.end.count : null,
    });
    // Only the occurrences that broke a rule carry the override.
    const sessionIds = checked.map((o) =>
      insertSession(vault, booking, o, seriesId, o.broken.length ? overrideReason : null),
    );
    return { seriesId, sessionIds };
  });
  return {
    value: { seriesId: ids.seriesId, sessions: loadSessions(vault, actor, ids.sessionIds) },
    overridden: [...new Set(checked.flatMap((o) => o.broken))],
  };
}

// ---- one, this and following, or all ----------------------------------------------------------

/** The sessions an edit or cancellation reaches: only those still scheduled change. */
function reach(vault: CaseVault, target: SessionRow, scope: SeriesScope): SessionRow[] {
  if (scope === 'one' || target.series_id === null) {
    if (target.status !== 'scheduled') throw fieldError('sessionId', 'therapy.notScheduled');
    return [target];
  }
  const rows = vault.db
    .prepare(
      `SELECT * FROM therapy_sessions WHERE series_id = ? AND deleted_at IS NULL
       AND status = 'scheduled' AND start_at >= ? ORDER BY start_at`,
    )
    .all([
      target.series_id,
      scope === 'following' ? target.start_at : '0000',
    ]) as unknown as SessionRow[];
  if (rows.length === 0) throw fieldError('sessionId', 'therapy.notScheduled');
  return rows;
}

function participantsOf(vault: CaseVault, sessionId: string) {
  return vault.db
    .prepare(
      `SELECT child_id, caregiver_id FROM therapy_participants
       WHERE session_id = ? AND deleted_at IS NULL ORDER BY created_at, id`,
    )
    .all([sessionId]) as { child_id: string; caregiver_id: string | null }[];
}

function moveParticipants(
  vault: CaseVault,
  sessionId: string,
  patch: Record<string, string | number>,
) {
  const ids = vault.db
    .prepare('SELECT id FROM therapy_participants WHERE session_id = ? AND deleted_at IS NULL', {
      pluck: true,
    })
    .all([sessionId]) as string[];
  for (const id of ids) vault.data.update('therapy_participants', id, patch);
}

export interface EditInput {
  sessionId: string;
  scope: SeriesScope;
  date?: string | undefined;
  startTime?: string | undefined;
  durationMinutes?: number | undefined;
  room?: string | null | undefined;
  plannedComponents?: PracticeComponent[] | undefined;
  overrideReason?: string | undefined;
}

/** Each reached session keeps its date (unless one is moved) and changes what the input names. */
export function editSessions(
  vault: CaseVault,
  actor: CaseActor,
  clock: Clock,
  input: EditInput,
): BookingResult<TherapySession[]> {
  const target = sessionRowById(vault, input.sessionId);
  if (!target) throw notFound();
  if (input.date && input.scope !== 'one') throw fieldError('date', 'therapy.dateOneOnly');
  const rows = reach(vault, target, input.scope);
  const participants = participantsOf(vault, target.id);
  const room = input.room === undefined ? target.room : input.room?.trim() || null;
  const booking: Booking = {
    therapistId: target.therapist_id,
    childIds: participants.map((p) => p.child_id),
    room,
    roomKey: roomKeyOf(target.shelter_id, room),
    planId: target.plan_id,
    plannedComponents: input.plannedComponents ?? parseComponents(target.planned_components),
  };
  const moved = rows.map((row) => {
    const local = new TZDate(row.start_at, clock.timeZone);
    const minutes =
      input.durationMinutes ?? (Date.parse(row.end_at) - Date.parse(row.start_at)) / 60_000;
    return occurrenceAt(
      input.date ?? format(local, 'yyyy-MM-dd'),
      input.startTime ?? format(local, 'HH:mm'),
      minutes,
      clock.timeZone,
    );
  });
  const checked = checkOccurrences(
    vault,
    clock.timeZone,
    booking,
    moved,
    new Set(rows.map((r) => r.id)),
  );
  const { overrideReason, overridden } = requireBookable(checked, input.overrideReason);
  vault.data.transaction(() => {
    rows.forEach((row, i) => {
      const o = checked[i]!;
      vault.data.update('therapy_sessions', row.id, {
        start_at: o.startAt,
        end_at: o.endAt,
        room: booking.room,
        room_key: booking.roomKey,
        planned_components: JSON.stringify(booking.plannedComponents),
        ...(o.broken.length ? { override_reason: overrideReason } : {}),
      });
      moveParticipants(vault, row.id, { start_at: o.startAt, end_at: o.endAt });
    });
  });
  return {
    value: loadSessions(
      vault,
      actor,
      rows.map((r) => r.id),
    ),
    overridden,
  };
}

export function cancelSessions(
  vault: CaseVault,
  actor: CaseActor,
  input: { sessionId: string; scope: SeriesScope; status: SessionStatus; reason: string },
): TherapySession[] {
  const target = sessionRowById(vault, input.sessionId);
  if (!target) throw notFound();
  const rows = reach(vault, target, input.scope);
  vault.data.transaction(() => {
    for (const row of rows) {
      vault.data.update('therapy_sessions', row.id, {
        status: input.status,
        status_reason: input.reason,
      });
      moveParticipants(vault, row.id, { booked: 0 });
    }
  });
  return loadSessions(
    vault,
    actor,
    rows.map((r) => r.id),
  );
}

/**
 * Attendance and what the session covered. A session that has not begun cannot be attended or
 * missed; a cancelled one booked again passes the hard checks again.
 */
export function recordSession(
  vault: CaseVault,
  actor: CaseActor,
  clock: Clock,
  input: {
    sessionId: string;
    status: SessionStatus;
    reason?: string | undefined;
    components: PracticeComponent[];
  },
): TherapySession {
  const row = sessionRowById(vault, input.sessionId);
  if (!row) throw notFound();
  if (needsCancellationReason(input.status) && !input.reason)
    throw fieldError('reason', 'therapy.reasonRequired');
  if (input.components.length > 0 && input.status !== 'attended')
    throw fieldError('components', 'therapy.componentsAttendedOnly');
  if ((input.status === 'attended' || input.status === 'no_show') && row.start_at > clock.nowIso)
    throw fieldError('status', 'therapy.notYet');
  if (isBooked(input.status) && !isBooked(row.status)) {
    const participants = participantsOf(vault, row.id);
    const booking: Booking = {
      therapistId: row.therapist_id,
      childIds: participants.map((p) => p.child_id),
      room: row.room,
      roomKey: row.room_key,
      planId: row.plan_id,
      plannedComponents: [],
    };
    const date = format(new TZDate(row.start_at, clock.timeZone), 'yyyy-MM-dd');
    const checked = checkOccurrences(
      vault,
      clock.timeZone,
      booking,
      [{ date, startAt: row.start_at, endAt: row.end_at }],
      new Set([row.id]),
    );
    // Only the hard conflicts: the soft rules were weighed when it was booked.
    requireBookable(
      checked.map((o) => ({ ...o, broken: [] })),
      undefined,
    );
  }
  vault.data.transaction(() => {
    vault.data.update('therapy_sessions', row.id, {
      status: input.status,
      status_reason: needsCancellationReason(input.status) ? (input.reason ?? null) : null,
      components: JSON.stringify(input.status === 'attended' ? input.components : []),
    });
    moveParticipants(vault, row.id, { booked: isBooked(input.status) ? 1 : 0 });
  });
  return loadSessions(vault, actor, [row.id])[0]!;
}
