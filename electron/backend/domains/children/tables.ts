// The children domain's tables: the case file (children, status changes, consents, family,
// visitors, intake, case plan, legal events).
// Each table says whether it is synced; the migrations in ./migrations create them, and
// tests/unit/schema.test.ts checks the two agree.
import type { TableDeclarations } from '../../db/schema';

export const childrenTables = {
  children: {
    sync: 'synced',
    columns: [
      'case_code',
      'case_year',
      'case_seq',
      'legal_name',
      'preferred_name',
      'legal_initials',
      'alias',
      'search_text',
      'birth_kind',
      'date_of_birth',
      'estimated_age_years',
      'estimated_as_of',
      'sex',
      'gender_identity',
      'languages',
      'referral_source',
      'referral_date',
      'intake_date',
      'rescue_date',
      'referring_agency_ref',
      'status',
      'assigned_caseworker_id',
      'registered_by',
      'sibling_group_id',
      // Migration 0210.
      'household_id',
      'deleted_at',
    ],
  },
  child_status_changes: {
    sync: 'synced',
    // `reason`: migration 0270 (reintegration's), a reopening's reason.
    columns: ['child_id', 'from_status', 'to_status', 'changed_at', 'reason'],
  },
  consents: {
    sync: 'synced',
    columns: [
      'child_id',
      'type',
      'agency',
      'given_by',
      'given_on',
      'scope',
      'withdrawn_on',
      'withdrawn_reason',
      // Migration 0120.
      'given_by_member_id',
      'deleted_at',
    ],
  },
  family_members: {
    sync: 'synced',
    columns: [
      'child_id',
      'name',
      'relationship',
      'phone',
      'address',
      'barangay',
      'lives_in_household',
      'alleged_offender',
      'alleged_offender_since',
      'no_contact_order',
      'no_contact_order_date',
      'notes',
      // Migration 0120.
      'household_access',
      'order_expires_on',
      'supervised_only',
      'child_wants_contact',
      // Migration 0210.
      'household_id',
      'merged_into',
      'deleted_at',
    ],
  },
  // A household shared by siblings, and a member's relationship to each further child of it
  // (migration 0210).
  households: {
    sync: 'synced',
    columns: ['address', 'notes', 'deleted_at'],
  },
  household_relationships: {
    sync: 'synced',
    columns: ['member_id', 'child_id', 'relationship', 'deleted_at'],
  },
  // Visitors added directly, and the reasons flags were cleared (migration 0120).
  visitors: {
    sync: 'synced',
    columns: ['child_id', 'name', 'relationship', 'state', 'deleted_at'],
  },
  safety_flag_changes: {
    sync: 'synced',
    columns: ['child_id', 'family_member_id', 'change', 'reason'],
  },
  intake_accounts: {
    sync: 'synced',
    columns: ['child_id', 'account', 'recorded_at', 'recorded_by', 'held_where', 'reference'],
  },
  intake_addenda: {
    sync: 'synced',
    columns: ['child_id', 'text', 'signed_at', 'signed_by'],
  },
  /** Openings of an intake account with a reason (not the child's own team); the reason stays here. */
  intake_reads: {
    sync: 'local',
    columns: ['child_id', 'reader_id', 'reason', 'read_at'],
    confidential: ['reason'],
  },
  plan_goals: {
    sync: 'synced',
    columns: [
      'child_id',
      'domain',
      'goal_text',
      'responsible',
      'target_date',
      'status',
      'deleted_at',
    ],
  },
  plan_tasks: {
    sync: 'synced',
    columns: ['child_id', 'goal_id', 'title', 'due_date', 'responsible', 'done_on', 'deleted_at'],
  },
  legal_events: {
    sync: 'synced',
    columns: ['child_id', 'kind', 'date', 'time', 'court', 'case_number', 'notes', 'deleted_at'],
  },
} as const satisfies TableDeclarations;

declare module '../../db/schema' {
  interface Tables {
    children: typeof childrenTables;
  }
}
