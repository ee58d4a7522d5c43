// Every table is either synced (its changes travel in bundles and merge on every computer) or
// local to this computer. The type makes a new entry in TABLES fail to compile until it is
// declared here; tests/unit/sync-tables.test.ts does the same for every table in the schema.
import type { TableName } from '../../db/data-layer';

export type TableSync = 'synced' | 'local';

/** The tables written through the data layer (TABLES). */
export const TABLE_SYNC: { readonly [T in TableName]: TableSync } = {
  // This vault's own id and audit head: each computer keeps its own chain.
  vault_meta: 'local',
  // Organisation-wide: the time zone, idle lock and paper size are the same everywhere.
  vault_settings: 'synced',
  // Where and how often this computer keeps its own backups.
  backup_policy: 'local',
  users: 'synced',
  shelters: 'synced',
  beds: 'synced',
  children: 'synced',
  child_status_changes: 'synced',
  consents: 'synced',
  family_members: 'synced',
  visitors: 'synced',
  safety_flag_changes: 'synced',
  intake_accounts: 'synced',
  plan_goals: 'synced',
  plan_tasks: 'synced',
  legal_events: 'synced',
  placements: 'synced',
  therapy_plans: 'synced',
  therapist_hours: 'synced',
  therapist_leave: 'synced',
  therapy_series: 'synced',
  therapy_sessions: 'synced',
  therapy_participants: 'synced',
  therapy_rules: 'synced',
  // The change log holds only a mark for these tables' confidential columns (never a second copy
  // of what only clinicians may read), and a bundle is made of the change log: until bundles
  // carry those values some other way, clinical records stay on the computer they were written on.
  therapy_notes: 'local',
  therapy_note_addenda: 'local',
  therapy_note_break_glass: 'local',
  therapy_risk_flags: 'local',
  clinical_policy: 'synced',
  outcome_instruments: 'synced',
  outcome_scores: 'synced',
  reintegration_instruments: 'synced',
  reintegration_assessments: 'synced',
  reintegration_reviews: 'synced',
  reintegration_overrides: 'synced',
  reintegration_policy: 'synced',
  aftercare_visits: 'synced',
  // A removal must reach every computer, so the list itself travels.
  sync_computers: 'synced',
};

/** The tables written by their own code, never by the data layer: all local. */
export const LOCAL_STORES: Readonly<Record<string, string>> = {
  audit_log: "this computer's hash chain",
  change_log: 'what bundles are made of, not a table that merges',
  sync_applying: 'marks the transaction that applies remote changes',
  sync_identity: "this computer's signing key and the organisation's bundle key",
  sync_bundles: 'what was read from and written to each sync folder',
  sync_bundle_changes: 'which changes each sync folder holds',
  sync_acks: 'which bundles each computer said it applied',
};

export const SYNCED_TABLES: readonly TableName[] = (Object.keys(TABLE_SYNC) as TableName[]).filter(
  (table) => TABLE_SYNC[table] === 'synced',
);

export function isSyncedTable(table: string): table is TableName {
  return (SYNCED_TABLES as readonly string[]).includes(table);
}
