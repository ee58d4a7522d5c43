// The therapy domain's tables: plans, therapists' hours and leave, series and sessions, notes, outcome measures.
// Each table says whether it is synced; the migrations in ./migrations create them, and
// tests/unit/schema.test.ts checks the two agree.
import type { TableDeclarations } from '../../db/schema';

export const therapyTables = {
  therapy_plans: {
    sync: 'synced',
    columns: [
      'child_id',
      'therapist_id',
      'modality',
      'goals',
      'frequency',
      'custom_frequency',
      'session_minutes',
      'planned_sessions',
      'pref_therapist_gender',
      'pref_language',
      'pref_time_of_day',
      'status',
      'started_on',
      'override_reason',
      'deleted_at',
    ],
  },
  therapist_hours: {
    sync: 'synced',
    columns: ['therapist_id', 'weekday', 'start_time', 'end_time', 'deleted_at'],
  },
  therapist_leave: {
    sync: 'synced',
    columns: ['therapist_id', 'kind', 'start_at', 'end_at', 'note', 'deleted_at'],
  },
  therapy_series: {
    sync: 'synced',
    columns: [
      'therapist_id',
      'plan_id',
      'interval_weeks',
      'weekdays',
      'start_date',
      'start_time',
      'duration_minutes',
      'until_date',
      'occurrence_count',
      'deleted_at',
    ],
  },
  therapy_sessions: {
    sync: 'synced',
    columns: [
      'therapist_id',
      'plan_id',
      'series_id',
      'kind',
      'start_at',
      'end_at',
      'shelter_id',
      'room',
      'room_key',
      'status',
      'status_reason',
      'components',
      'planned_components',
      'override_reason',
      'deleted_at',
    ],
  },
  therapy_participants: {
    sync: 'synced',
    columns: [
      'session_id',
      'child_id',
      'caregiver_id',
      'start_at',
      'end_at',
      'booked',
      'deleted_at',
    ],
  },
  therapy_rules: {
    sync: 'synced',
    columns: ['rules'],
  },
  // The change log holds only a mark for these tables' confidential columns (never a second copy
  // of what only clinicians may read), and a bundle is made of the change log: until bundles
  // carry those values some other way, clinical records stay on the computer they were written on.
  therapy_notes: {
    sync: 'local',
    columns: [
      'session_id',
      'child_id',
      'plan_id',
      'author_id',
      'template',
      'fields',
      'status',
      'signed_at',
      'signed_by',
      'deleted_at',
    ],
    confidential: ['fields'],
  },
  therapy_note_addenda: {
    sync: 'local',
    columns: ['note_id', 'author_id', 'body', 'signed_at'],
    confidential: ['body'],
  },
  therapy_note_break_glass: {
    sync: 'local',
    columns: ['note_id', 'reader_id', 'reason', 'read_at', 'acknowledged_at'],
    confidential: ['reason'],
  },
  therapy_risk_flags: {
    sync: 'local',
    columns: ['note_id', 'child_id', 'kind', 'raised_by', 'raised_at', 'task_id'],
    confidential: ['kind'],
  },
  clinical_policy: {
    sync: 'synced',
    columns: ['therapist_note_access', 'coordinators_see_score_totals', 'norm_choices'],
  },
  outcome_instruments: {
    sync: 'synced',
    columns: ['code', 'version', 'definition'],
  },
  outcome_scores: {
    sync: 'synced',
    columns: [
      'child_id',
      'instrument_code',
      'instrument_version',
      'administered_on',
      'informant',
      'administered_by',
      'scores',
      'total',
      'deleted_at',
    ],
  },
} as const satisfies TableDeclarations;

declare module '../../db/schema' {
  interface Tables {
    therapy: typeof therapyTables;
  }
}
