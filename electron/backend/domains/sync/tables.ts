// The sync domain's tables. The organisation's list of computers is written through the data layer;
// the rest of sync's bookkeeping is written by its own code and stays on this computer (LOCAL_STORES).
// Each table says whether it is synced; the migrations in ./migrations create them, and
// tests/unit/schema.test.ts checks the two agree.
import type { TableDeclarations } from '../../db/schema';

export const syncTables = {
  // A removal must reach every computer, so the list itself travels.
  sync_computers: {
    sync: 'synced',
    columns: ['name', 'public_key', 'case_tag', 'removed_at', 'removed_reason', 'exchange_key'],
  },
  // Each bundle key made at a removal, sealed to each remaining computer's X25519 key.
  sync_bundle_keys: {
    sync: 'synced',
    columns: ['key_id', 'generation', 'computer_id', 'sealed'],
  },
  // This computer's sync folder (its path differs on every computer) and staleness warning.
  sync_settings: {
    sync: 'local',
    columns: ['folder', 'stale_days'],
  },
} as const satisfies TableDeclarations;

declare module '../../db/schema' {
  interface Tables {
    sync: typeof syncTables;
  }
}

/** The tables written by their own code, never by the data layer: all local. */
export const LOCAL_STORES: Readonly<Record<string, string>> = {
  audit_log: "this computer's hash chain",
  change_log: 'what bundles are made of, not a table that merges',
  sync_applying: 'marks the transaction that applies remote changes',
  sync_identity: "this computer's signing and X25519 keys and the organisation's first bundle key",
  sync_bundles: 'what was read from and written to each sync folder',
  sync_bundle_changes: 'which changes each sync folder holds',
  sync_acks: 'which bundles each computer said it applied',
};
