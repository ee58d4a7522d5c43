// The casework domain's tables: the cases against each accused and their legal events, and
// the child's schooling, the case conferences, and her health records (with who may read them). Each
// says whether it is synced; the migrations in ./migrations create them, and
// tests/unit/schema.test.ts checks the two agree.
import type { TableDeclarations } from '../../db/schema';

export const caseworkTables = {
  accused_cases: {
    sync: 'synced',
    columns: [
      'child_id',
      'family_member_id',
      'name',
      'prosecutor',
      'case_number',
      'stage',
      'live_link_testimony',
      'support_person',
      'notes',
      'deleted_at',
    ],
  },
  accused_case_events: {
    sync: 'synced',
    columns: ['accused_case_id', 'legal_event_id', 'deleted_at'],
  },
  education_records: {
    sync: 'synced',
    columns: [
      'child_id',
      'kind',
      'school',
      'grade_level',
      'since',
      'attendance_notes',
      'deleted_at',
    ],
  },
  case_conferences: {
    sync: 'synced',
    columns: [
      'child_id',
      'held_on',
      'attendees',
      'minutes',
      'decisions',
      'next_review_on',
      'deleted_at',
    ],
  },
  health_records: {
    sync: 'synced',
    columns: [
      'child_id',
      'kind',
      'date',
      'until',
      'held_at',
      'checked_by',
      'medicine',
      'dose',
      'philhealth_number',
      'philhealth_category',
      'note',
      'deleted_at',
    ],
  },
  // The organisation's setting, alike on every computer.
  health_access: {
    sync: 'synced',
    columns: ['roles'],
  },
} as const satisfies TableDeclarations;

declare module '../../db/schema' {
  interface Tables {
    casework: typeof caseworkTables;
  }
}
