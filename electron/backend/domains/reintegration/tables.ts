// The reintegration domain's tables: instruments, assessments and their review, the policy, follow-up visits.
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
    columns: ['assessment_max_age_days', 'visit_cadence'],
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
} as const satisfies TableDeclarations;

declare module '../../db/schema' {
  interface Tables {
    reintegration: typeof reintegrationTables;
  }
}
