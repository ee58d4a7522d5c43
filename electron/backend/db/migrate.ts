// Runs the schema migrations (the composed schema's, see db/schema.ts) not yet applied, each in one transaction, and
// records the last one's version in PRAGMA user_version. Foreign keys are off while a migration
// runs, as SQLite's own procedure for rebuilding a table asks, and checked before it commits.
import type { Db } from './sqlcipher';
import type { Migration } from './migrations/migration';

/**
 * `onStep(done, n)`: `done` of the n pending migrations have committed; told before each one
 * starts and once the last has (never when nothing is pending).
 */
export function migrate(
  db: Db,
  migrations: readonly Migration[],
  onStep?: (started: number, of: number) => void,
): number {
  const current = Number(db.pragma('user_version', { simple: true }) ?? 0);
  const pending = migrations.filter((m) => m.version > current);
  const enforced = Number(db.pragma('foreign_keys', { simple: true })) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    pending.forEach((migration, index) => {
      onStep?.(index, pending.length);
      db.transaction(() => {
        db.exec(migration.sql);
        if (db.pragma('foreign_key_check').length > 0)
          throw new Error(`Migration ${migration.name} broke a foreign key`);
        db.pragma(`user_version = ${migration.version}`);
      })();
    });
    if (pending.length > 0) onStep?.(pending.length, pending.length);
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return Number(db.pragma('user_version', { simple: true }));
}

export type { Migration } from './migrations/migration';
