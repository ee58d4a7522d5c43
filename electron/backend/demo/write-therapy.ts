// Generated therapy: working hours, one plan and one weekly series per course, and the sessions
// of each course, each its own row. The schedule is built clash-free rather than checked: each
// therapist works Monday to Friday, 08:00–17:00, split into 40 hourly "lanes" (a weekday and an
// hour), of which at most 30 are used; a lane runs 14-week courses back to back, and in any course period every lane serves a
// different child, so no therapist, child or room is ever double-booked and no child has more
// than one session a week. Rows go through the data layer (change log and all), like every write.
import { TZDate } from '@date-fns/tz';
import { addDays, addWeeks, startOfISOWeek } from 'date-fns';
import {
  MODALITIES,
  PRACTICE_COMPONENTS,
  type Modality,
  type PracticeComponent,
  type SessionStatus,
} from '../../../shared/therapy/vocabulary';
import { todayIn, zonedInstant } from '../../../shared/time';
import type { CaseVault } from '../records/actor';
import { roomKeyOf } from '../domains/therapy';
import { Random } from './prng';

/** Sessions in a course (TF-CBT typically runs 12–16). */
export const COURSE_WEEKS = 14;
/** Course periods before today's (history) and the one running now, which runs on ahead. */
const PAST_COURSES = 7;
const HOURS = [8, 9, 10, 11, 12, 13, 14, 15, 16];
/** 12:00 is lunch: 8 working hours a day, 5 days, 40 lanes per therapist. */
const LANE_HOURS = HOURS.filter((h) => h !== 12);
/** At most 30 of the 40 lanes: a therapist's week keeps free hours ("find a free slot" finds some). */
const LANES_PER_THERAPIST = 30;
/** Courses (14 sessions each) written per transaction. */
const BATCH = 150;

export interface TherapyOptions {
  seed: number;
  now: Date;
  timeZone: string;
  therapistIds: readonly string[];
  /** Children in a fixed order; a course's child is drawn from them. */
  childIds: readonly string[];
  sessions: number;
  /**
   * Called for each session written, in the same transaction: where generated session notes
   * (for attended sessions) attach.
   */
  onSession?: (session: GeneratedSession) => void;
}

export interface GeneratedSession {
  id: string;
  therapistId: string;
  planId: string;
  childId: string;
  startAt: string;
  status: SessionStatus;
  modality: Modality;
}

export interface TherapyCounts {
  plans: number;
  series: number;
  sessions: number;
  attended: number;
}

/** What a TF-CBT session of a course covers, by its number: the three phases in order. */
function componentsOf(n: number): PracticeComponent[] {
  const [psycho, relax, affect, coping, narrative, inVivo, conjoint, safety] = PRACTICE_COMPONENTS;
  const byWeek: PracticeComponent[][] = [
    [psycho!],
    [psycho!, relax!],
    [relax!, affect!],
    [affect!],
    [coping!],
    [coping!],
    [narrative!],
    [narrative!],
    [narrative!],
    [narrative!, coping!],
    [inVivo!],
    [conjoint!],
    [safety!],
    [safety!, conjoint!],
  ];
  return byWeek[n % byWeek.length]!;
}

export function writeTherapy(vault: CaseVault, options: TherapyOptions): TherapyCounts {
  const { therapistIds, childIds, timeZone } = options;
  const counts: TherapyCounts = { plans: 0, series: 0, sessions: 0, attended: 0 };
  if (therapistIds.length === 0 || childIds.length === 0 || options.sessions === 0) return counts;
  const rng = new Random(options.seed).fork(9);
  const nowIso = options.now.toISOString();
  const today = todayIn(timeZone, options.now);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // Course periods start on Mondays; the current one began within the last 14 weeks.
  const thisWeek = startOfISOWeek(new TZDate(y, m - 1, d, timeZone));
  const epochWeek = Math.floor(thisWeek.getTime() / (7 * 86_400_000));
  const firstWeek = addWeeks(thisWeek, -((epochWeek % COURSE_WEEKS) + PAST_COURSES * COURSE_WEEKS));
  const courses = PAST_COURSES + 1;

  // As many lanes as the sessions need, spread over the therapists; never more children at once.
  const perLane = courses * COURSE_WEEKS;
  const lanes = Math.min(
    Math.ceil(options.sessions / perLane),
    therapistIds.length * LANES_PER_THERAPIST,
    childIds.length,
  );
  const shelterOf = new Map(
    (
      vault.db
        .prepare(
          `SELECT child_id, shelter_id FROM placements WHERE deleted_at IS NULL
           ORDER BY start_at`,
        )
        .all() as { child_id: string; shelter_id: string }[]
    ).map((p) => [p.child_id, p.shelter_id]),
  );

  vault.data.transaction(() => {
    for (const therapistId of therapistIds)
      for (let weekday = 1; weekday <= 5; weekday += 1) {
        vault.data.insert('therapist_hours', {
          therapist_id: therapistId,
          weekday,
          start_time: '08:00',
          end_time: '12:00',
        });
        vault.data.insert('therapist_hours', {
          therapist_id: therapistId,
          weekday,
          start_time: '13:00',
          end_time: '17:00',
        });
      }
  });

  const writeCourse = (course: number, lane: number) => {
    const therapistId = therapistIds[lane % therapistIds.length]!;
    const slot = Math.floor(lane / therapistIds.length);
    const weekday = (slot % 5) + 1;
    const hour = LANE_HOURS[Math.floor(slot / 5) % LANE_HOURS.length]!;
    const childId = childIds[(lane + course * lanes) % childIds.length]!;
    const shelterId = shelterOf.get(childId) ?? null;
    const room = `Therapy room ${(lane % therapistIds.length) + 1}`;
    const modality: Modality = rng.chance(0.7) ? 'tf_cbt' : rng.pick(MODALITIES);
    const startDate = addDays(addWeeks(firstWeek, course * COURSE_WEEKS), weekday - 1);
    const startDay = isoDate(startDate);
    const time = `${String(hour).padStart(2, '0')}:00`;
    const planId = vault.data.insert('therapy_plans', {
      child_id: childId,
      therapist_id: therapistId,
      modality,
      goals: 'Fewer nightmares; back to school; feels safe at the shelter',
      frequency: 'weekly',
      session_minutes: 60,
      planned_sessions: COURSE_WEEKS,
      pref_therapist_gender: 'no_preference',
      pref_language: null,
      pref_time_of_day: hour < 12 ? 'morning' : 'afternoon',
      status: course < courses - 1 ? 'completed' : 'active',
      started_on: startDay,
    });
    const seriesId = vault.data.insert('therapy_series', {
      therapist_id: therapistId,
      plan_id: planId,
      interval_weeks: 1,
      weekdays: JSON.stringify([weekday]),
      start_date: startDay,
      start_time: time,
      duration_minutes: 60,
      occurrence_count: COURSE_WEEKS,
    });
    counts.plans += 1;
    counts.series += 1;
    for (let n = 0; n < COURSE_WEEKS && counts.sessions < options.sessions; n += 1) {
      const day = addWeeks(startDate, n);
      const startAt = zonedInstant(isoDate(day), time, timeZone);
      const endAt = new Date(Date.parse(startAt) + 3_600_000).toISOString();
      const status: SessionStatus =
        startAt > nowIso
          ? 'scheduled'
          : rng.weighted({
              attended: 80,
              cancelled: 8,
              late_cancelled: 4,
              no_show: 5,
              clinician_cancelled: 3,
            });
      const booked = status === 'scheduled' || status === 'attended';
      const sessionId = vault.data.insert('therapy_sessions', {
        therapist_id: therapistId,
        plan_id: planId,
        series_id: seriesId,
        kind: 'individual',
        start_at: startAt,
        end_at: endAt,
        shelter_id: shelterId,
        room,
        room_key: roomKeyOf(shelterId, room),
        status,
        status_reason: booked ? null : 'Generated: the child was unwell',
        components: JSON.stringify(
          status === 'attended' && modality === 'tf_cbt' ? componentsOf(n) : [],
        ),
        planned_components: JSON.stringify(modality === 'tf_cbt' ? componentsOf(n) : []),
      });
      vault.data.insert('therapy_participants', {
        session_id: sessionId,
        child_id: childId,
        start_at: startAt,
        end_at: endAt,
        booked: booked ? 1 : 0,
      });
      options.onSession?.({
        id: sessionId,
        therapistId,
        planId,
        childId,
        startAt,
        status,
        modality,
      });
      counts.sessions += 1;
      if (status === 'attended') counts.attended += 1;
    }
  };

  const tasks: { course: number; lane: number }[] = [];
  for (let course = 0; course < courses; course += 1)
    for (let lane = 0; lane < lanes; lane += 1) tasks.push({ course, lane });
  for (let from = 0; from < tasks.length && counts.sessions < options.sessions; from += BATCH) {
    vault.data.transaction(() => {
      for (const { course, lane } of tasks.slice(from, from + BATCH)) {
        if (counts.sessions >= options.sessions) break;
        writeCourse(course, lane);
      }
    });
  }
  return counts;
}

function isoDate(date: Date): string {
  const local = date as TZDate;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}
