// The reintegration domain's tables: instruments, assessments and their review, the policy,
// follow-up visits, and case closure.
// Each table says whether it is synced; the migrations in ./migrations create them, and
// tests/unit/schema.test.ts checks the two agree.
import type { TableDeclarations } from '../../db/schema';

export const reintegrationTables = {
  reintegration_instruments: {
    sync: 'synced',
    columns: ['code', 'version', 'definition'],
  },
  reintegration_assessments: {
    sync: 'synced',
    columns: [
      'child_id',
      'instrument_code',
      'instrument_version',
      'status',
      'household_kind',
      'household_label',
      'household_member_ids',
      'visit_dates',
      'last_visit_on',
      'interviewed',
      'answers',
      'evidence',
      'child_consulted',
      'consulted_how',
      'not_consulted_why',
      'child_wishes',
      'recommendation',
      'not_safe',
      'submitted_at',
      'submitted_by',
      'approved_at',
      'approved_by',
      'deleted_at',
      // Migration 0110.
      'plan',
    ],
  },
  reintegration_reviews: {
    sync: 'synced',
    columns: ['assessment_id', 'decision', 'comment', 'reviewer_id', 'reviewed_at'],
  },
  reintegration_overrides: {
    sync: 'synced',
    columns: ['assessment_id', 'reason', 'coordinator_id', 'overridden_at'],
  },
  reintegration_policy: {
    sync: 'synced',
    columns: [
      'assessment_max_age_days',
      'visit_cadence',
      // Migration 0110.
      'outcomes_first_after_months',
      'outcomes_then_every_months',
      'closure_threshold',
    ],
  },
  aftercare_visits: {
    sync: 'synced',
    columns: [
      'child_id',
      'placement_id',
      'due_on',
      'visited_on',
      'visited_by',
      'child_seen',
      'seen_alone',
      'safety_checks',
      'school_attendance',
      'observations',
      'risk_change',
      'follow_up',
      'deleted_at',
    ],
  },
  // Case closure (migration 0110).
  case_closures: {
    sync: 'synced',
    columns: [
      'child_id',
      'status',
      'reason',
      'closing_note',
      'child_view',
      'family_view',
      'outcomes_assessment_id',
      'proposed_by',
      'proposed_at',
      'decided_by',
      'decided_at',
      'decline_comment',
      'reopen_reason',
      'reopened_by',
      'reopened_at',
    ],
  },
} as const satisfies TableDeclarations;

declare module '../../db/schema' {
  interface Tables {
    reintegration: typeof reintegrationTables;
  }
}
