// Runs the schema migrations (migrations/index.ts) not yet applied, each in one transaction, and
// records the last one's version in PRAGMA user_version.
import type { Db } from './sqlcipher';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = Number(db.pragma('user_version', { simple: true }) ?? 0);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return Number(db.pragma('user_version', { simple: true }));
}

export { MIGRATIONS, SCHEMA_VERSION } from './migrations';
export type { Migration } from './migrations/migration';
