// The care domain's tables: incidents, away episodes, the documents register and
// the contacts log. Each says whether it is synced; the
// migrations in ./migrations create them, and tests/unit/schema.test.ts checks the two agree.
import type { TableDeclarations } from '../../db/schema';

export const careTables = {
  incidents: {
    sync: 'synced',
    columns: [
      'child_id',
      'kind',
      'occurred_on',
      'occurred_time',
      'description',
      'informed',
      'informed_note',
      'follow_up',
      'deleted_at',
    ],
  },
  away_episodes: {
    sync: 'synced',
    columns: [
      'child_id',
      'placement_id',
      'kind',
      'left_at',
      'planned_return_on',
      'returned_at',
      'note',
      'incident_id',
      'deleted_at',
    ],
  },
  child_documents: {
    sync: 'synced',
    columns: [
      'child_id',
      'kind',
      'status',
      'reference',
      'kept_where',
      'due_on',
      'expires_on',
      'note',
      'deleted_at',
    ],
  },
  contact_log: {
    sync: 'synced',
    columns: [
      'child_id',
      'kind',
      'occurred_on',
      'with_whom',
      'supervised',
      'supervised_by',
      'device',
      'safety_plan_followed',
      'concerns',
      'deleted_at',
    ],
  },
} as const satisfies TableDeclarations;

declare module '../../db/schema' {
  interface Tables {
    care: typeof careTables;
  }
}
