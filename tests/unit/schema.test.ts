// The schema is declared twice: by the migrations' SQL and by the domains' table declarations
// (the columns the data layer may write, gathered in the composed schema). After every migration, on a real SQLCipher file, the two must name
// exactly the same tables and columns, so a new column cannot be written to one and not the other.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { migrate } from '../../electron/backend/db/migrate';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import {
  METADATA_COLUMNS,
  WRITTEN_ELSEWHERE,
  type TableName,
} from '../../electron/backend/db/data-layer';
import { tempFolder } from './support';

function migratedDatabase() {
  const db = new Database(join(tempFolder(), 'schema.db'));
  db.pragma(`key = "x'${'5a'.repeat(32)}'"`);
  expect(migrate(db, SCHEMA.migrations)).toBe(SCHEMA.version);
  return db;
}

describe('the data layer matches the migrated schema', () => {
  it('names every table the migrations create, and no other', () => {
    const db = migratedDatabase();
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", {
        pluck: true,
      })
      .all() as string[];
    expect(tables.sort()).toEqual(
      [...Object.keys(SCHEMA.tables), ...WRITTEN_ELSEWHERE.tables].sort(),
    );
    db.close();
  });

  it('names exactly the columns of every table: writable, metadata, and those written elsewhere', () => {
    const db = migratedDatabase();
    for (const table of Object.keys(SCHEMA.tables) as TableName[]) {
      const actual = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      const declared = [
        ...SCHEMA.tables[table].columns,
        ...METADATA_COLUMNS,
        ...(WRITTEN_ELSEWHERE.columns[table] ?? []),
      ];
      expect({ table, columns: actual.sort() }).toEqual({ table, columns: declared.sort() });
    }
    db.close();
  });
});
