// The access domain's tables: staff accounts, the vault's settings and its backup policy.
// Each table says whether it is synced; the migrations in ./migrations create them, and
// tests/unit/schema.test.ts checks the two agree.
import type { TableDeclarations } from '../../db/schema';

export const accessTables = {
  // Organisation-wide: the time zone, idle lock and paper size are the same everywhere.
  vault_settings: {
    sync: 'synced',
    columns: ['idle_lock_minutes', 'time_zone', 'paper_size'],
  },
  // Where and how often this computer keeps its own backups.
  backup_policy: {
    sync: 'local',
    columns: ['keep_daily', 'keep_weekly', 'last_auto_at', 'last_auto_error'],
  },
  // `language` is the account's own screen language, the same on every computer.
  // `credential` lets the same password open every computer's own keyring slot (vault/keyring.ts).
  users: {
    sync: 'synced',
    columns: [
      'username',
      'display_name',
      'role',
      'shelter_scope',
      'must_change_password',
      'last_sign_in_at',
      'deleted_at',
      'credential',
      'language',
    ],
  },
} as const satisfies TableDeclarations;

declare module '../../db/schema' {
  interface Tables {
    access: typeof accessTables;
  }
}
