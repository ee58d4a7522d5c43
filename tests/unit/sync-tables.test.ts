// Every table in the migrated schema is declared synced or local, so a table added by a later
// migration cannot be forgotten by sync: this fails until it is declared.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { migrate, SCHEMA_VERSION } from '../../electron/backend/db/migrate';
import { CONFIDENTIAL_COLUMNS, TABLES } from '../../electron/backend/db/data-layer';
import { LOCAL_STORES, SYNCED_TABLES, TABLE_SYNC } from '../../electron/backend/domains/sync';
import { tempFolder } from './support';

function schemaTables(): string[] {
  const db = new Database(join(tempFolder(), 'tables.db'));
  db.pragma(`key = "x'${'6b'.repeat(32)}'"`);
  expect(migrate(db)).toBe(SCHEMA_VERSION);
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
    const undeclared = tables.filter((t) => !(t in TABLE_SYNC) && !(t in LOCAL_STORES));
    expect(undeclared).toEqual([]);
    const declared = [...Object.keys(TABLE_SYNC), ...Object.keys(LOCAL_STORES)];
    expect(declared.filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('syncs only tables written through the data layer, and keeps the vault meta row local', () => {
    for (const table of SYNCED_TABLES) expect(Object.keys(TABLES)).toContain(table);
    expect(TABLE_SYNC.vault_meta).toBe('local');
    expect(Object.keys(LOCAL_STORES)).not.toContain('children');
    expect(SYNCED_TABLES).toContain('placements');
  });

  it('keeps local every table whose change log holds only a mark for a confidential column', () => {
    // A bundle is made of the change log: synced, such a table would arrive without its text.
    const confidential = Object.keys(CONFIDENTIAL_COLUMNS);
    expect(confidential).toContain('therapy_notes');
    for (const table of confidential) expect(SYNCED_TABLES).not.toContain(table);
  });
});
