// The privacy domain's tables. The breach register travels to every computer (whichever
// computer the administrator uses must show the reminder), so its text is in the change log like
// any synced column (a confidential mark would keep it from travelling); the form asks for case
// codes, never children's names.
import type { TableDeclarations } from '../../db/schema';

export const privacyTables = {
  privacy_breaches: {
    sync: 'synced',
    columns: [
      'summary',
      'discovered_at',
      'notified',
      'npc_notified_on',
      'closed_at',
      'closing_note',
      'deleted_at',
    ],
  },
  // The administrator's retention period per kind of record (id `retention-<kind>`, the same on
  // every computer), and the tombstone each reviewed deletion leaves: both travel, so a deletion
  // made on one computer removes the content on every other (migration 0290).
  retention_periods: { sync: 'synced', columns: ['kind', 'months'] },
  retention_tombstones: {
    sync: 'synced',
    // `part_of`: a closed case's tombstone, on each further row its deletion emptied (0330).
    columns: ['kind', 'record_table', 'record_id', 'reason', 'purged', 'part_of'],
  },
} as const satisfies TableDeclarations;

declare module '../../db/schema' {
  interface Tables {
    privacy: typeof privacyTables;
  }
}
