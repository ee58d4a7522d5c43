// The shelters domain's tables: shelters, beds and placements.
// Each table says whether it is synced; the migrations in ./migrations create them, and
// tests/unit/schema.test.ts checks the two agree.
import type { TableDeclarations } from '../../db/schema';

export const sheltersTables = {
  shelters: {
    sync: 'synced',
    columns: [
      'name',
      'type',
      'address',
      'sex_rule',
      'min_age',
      'max_age',
      'capacity',
      'deleted_at',
    ],
  },
  beds: {
    sync: 'synced',
    columns: ['shelter_id', 'room', 'label', 'reserved_for_child_id', 'deleted_at'],
  },
  placements: {
    sync: 'synced',
    columns: [
      'child_id',
      'shelter_id',
      'bed_id',
      'start_at',
      'end_at',
      'reason',
      'exit_destination',
      'exit_note',
      'override_reason',
      'deleted_at',
    ],
  },
} as const satisfies TableDeclarations;

declare module '../../db/schema' {
  interface Tables {
    shelters: typeof sheltersTables;
  }
}
