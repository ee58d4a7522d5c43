// Stored rows of the therapy tables and their mapping to the contract's output types.
import type {
  TherapistSummary,
  TherapyChild,
  TherapyPlan,
} from '../../../../shared/therapy/contract';
import {
  planProgress,
  type Frequency,
  type Modality,
  type PlanStatus,
  type PracticeComponent,
  type SessionKind,
  type SessionStatus,
  type TherapistGender,
  type TimeOfDay,
} from '../../../../shared/therapy/vocabulary';
import type { CaseVault } from '../../records/actor';

export interface PlanRow {
  id: string;
  child_id: string;
  therapist_id: string;
  modality: Modality;
  goals: string;
  frequency: Frequency;
  custom_frequency: string | null;
  session_minutes: number;
  planned_sessions: number;
  pref_therapist_gender: TherapistGender;
  pref_language: string | null;
  pref_time_of_day: TimeOfDay;
  status: PlanStatus;
  started_on: string;
  override_reason: string | null;
  updated_at: string;
}

export interface SessionRow {
  id: string;
  therapist_id: string;
  plan_id: string | null;
  series_id: string | null;
  kind: SessionKind;
  start_at: string;
  end_at: string;
  shelter_id: string | null;
  room: string | null;
  room_key: string | null;
  status: SessionStatus;
  status_reason: string | null;
  components: string;
  planned_components: string;
  override_reason: string | null;
  deleted_at: string | null;
}

export function planRowById(vault: CaseVault, id: string): PlanRow | null {
  return (
    (vault.db
      .prepare('SELECT * FROM therapy_plans WHERE id = ? AND deleted_at IS NULL')
      .get([id]) as PlanRow | undefined) ?? null
  );
}

export function sessionRowById(vault: CaseVault, id: string): SessionRow | null {
  return (
    (vault.db
      .prepare('SELECT * FROM therapy_sessions WHERE id = ? AND deleted_at IS NULL')
      .get([id]) as SessionRow | undefined) ?? null
  );
}

export function therapyChild(vault: CaseVault, childId: string): TherapyChild {
  const row = vault.db
    .prepare('SELECT id, case_code, alias AS initials FROM children WHERE id = ?')
    .get([childId]) as { id: string; case_code: string; initials: string };
  return { id: row.id, caseCode: row.case_code, initials: row.initials };
}

export function therapistSummary(vault: CaseVault, userId: string): TherapistSummary {
  const name = vault.db
    .prepare('SELECT display_name FROM users WHERE id = ?', { pluck: true })
    .get([userId]) as string;
  return { id: userId, displayName: name };
}

export function parseComponents(json: string): PracticeComponent[] {
  return JSON.parse(json) as PracticeComponent[];
}

/** The components each attended session of a plan covered, in order. */
export function attendedComponents(vault: CaseVault, planId: string): PracticeComponent[][] {
  return (
    vault.db
      .prepare(
        `SELECT components FROM therapy_sessions
         WHERE plan_id = ? AND status = 'attended' AND deleted_at IS NULL ORDER BY start_at`,
        { pluck: true },
      )
      .all([planId]) as string[]
  ).map(parseComponents);
}

export function toPlan(vault: CaseVault, row: PlanRow): TherapyPlan {
  return {
    id: row.id,
    child: therapyChild(vault, row.child_id),
    therapist: therapistSummary(vault, row.therapist_id),
    modality: row.modality,
    goals: row.goals,
    frequency: row.frequency,
    customFrequency: row.custom_frequency,
    sessionMinutes: row.session_minutes,
    plannedSessions: row.planned_sessions,
    preferences: {
      therapistGender: row.pref_therapist_gender,
      language: row.pref_language,
      timeOfDay: row.pref_time_of_day,
    },
    status: row.status,
    startedOn: row.started_on,
    progress: planProgress(row.modality, row.planned_sessions, attendedComponents(vault, row.id)),
    updatedAt: row.updated_at,
  };
}
