// Every table in the migrated schema is declared synced or local (a table declaration cannot leave
// its sync policy out, and the tables sync itself writes are listed in LOCAL_STORES), so a table
// added by a later migration cannot be forgotten by sync: this fails until it is declared.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { migrate } from '../../electron/backend/db/migrate';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { syncedTables, type TableName } from '../../electron/backend/db/schema';
import { LOCAL_STORES } from '../../electron/backend/domains/sync';
import { tempFolder } from './support';

function schemaTables(): string[] {
  const db = new Database(join(tempFolder(), 'tables.db'));
  db.pragma(`key = "x'${'6b'.repeat(32)}'"`);
  expect(migrate(db, SCHEMA.migrations)).toBe(SCHEMA.version);
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", {
      pluck: true,
    })
    .all() as string[];
  db.close();
  return tables;
}

describe('sync accounts for every table', () => {
  it('declares every table in the schema synced or local, and names no other', () => {
    const tables = schemaTables();
    const undeclared = tables.filter((t) => !(t in SCHEMA.tables) && !(t in LOCAL_STORES));
    expect(undeclared).toEqual([]);
    const declared = [...Object.keys(SCHEMA.tables), ...Object.keys(LOCAL_STORES)];
    expect(declared.filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('syncs only tables written through the data layer, and keeps the vault meta row local', () => {
    const synced = syncedTables(SCHEMA.tables);
    for (const table of synced) expect(Object.keys(SCHEMA.tables)).toContain(table);
    expect(SCHEMA.tables.vault_meta.sync).toBe('local');
    expect(Object.keys(LOCAL_STORES)).not.toContain('children');
    expect(synced).toContain('placements');
  });

  it('keeps local every table whose change log holds only a mark for a confidential column', () => {
    // A bundle is made of the change log: synced, such a table would arrive without its text.
    const confidential = (Object.keys(SCHEMA.tables) as TableName[]).filter(
      (table) => (SCHEMA.tables[table].confidential ?? []).length > 0,
    );
    expect(confidential).toContain('therapy_notes');
    for (const table of confidential) expect(SCHEMA.tables[table].sync).toBe('local');
  });
});
