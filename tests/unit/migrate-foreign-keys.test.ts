// A migration runs with foreign keys off and is checked before it commits, only in the tables its
// SQL can have broken a reference in: those it writes rows into or redefines, and those referring
// to a table it takes rows from. Each way of breaking a reference still fails and rolls back; a
// migration that touches none of them does not read the rest of the database.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { migrate, tablesToCheck } from '../../electron/backend/db/migrate';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { tempFolder } from './support';

const AT = `'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'`;
const SHELTER = `INSERT INTO shelters (id, name, type, sex_rule, min_age, max_age, capacity,
  created_at, updated_at) VALUES ('s1', 'Fictional Home', 'ngo_shelter', 'any', 0, 25, 20, ${AT})`;
const bed = (id: string, shelter: string) =>
  `INSERT INTO beds (id, shelter_id, label, created_at, updated_at)
   VALUES ('${id}', '${shelter}', 'Bed ${id}', ${AT})`;

/** A vault migrated to `version` (the newest unless said), with a shelter and its bed. */
function vaultAt(version = SCHEMA.version) {
  const db = new Database(join(tempFolder(), 'fk.db'));
  db.pragma(`key = "x'${'4f'.repeat(32)}'"`);
  migrate(
    db,
    SCHEMA.migrations.filter((m) => m.version <= version),
  );
  db.exec(`${SHELTER}; ${bed('b1', 's1')};`);
  return db;
}

const withNext = (sql: string) => [
  ...SCHEMA.migrations,
  { version: SCHEMA.version + 1, name: 'under test', sql },
];

describe('a migration that breaks a reference', () => {
  it.each([
    ['writes a row referring to nothing', bed('b2', 'missing'), 'beds'],
    ['points a row elsewhere', "UPDATE beds SET shelter_id = 'missing'", 'beds'],
    ['deletes a row referred to', "DELETE FROM shelters WHERE id = 's1'", 'beds'],
    ['changes the key referred to', "UPDATE shelters SET id = 's9' WHERE id = 's1'", 'beds'],
    [
      'rebuilds the table referred to without a row',
      `CREATE TABLE shelters_new (id TEXT PRIMARY KEY, name TEXT NOT NULL);
       INSERT INTO shelters_new SELECT id, name FROM shelters WHERE id <> 's1';
       DROP TABLE shelters;
       ALTER TABLE shelters_new RENAME TO shelters;`,
      'beds',
    ],
  ])('fails and rolls back when it %s', (_what, sql, table) => {
    const db = vaultAt();
    const before = db.prepare('SELECT * FROM beds ORDER BY id').all();
    expect(() => migrate(db, withNext(sql))).toThrow(
      `Migration under test broke a foreign key in ${table}`,
    );
    expect(Number(db.pragma('user_version', { simple: true }))).toBe(SCHEMA.version);
    expect(db.prepare('SELECT * FROM beds ORDER BY id').all()).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM shelters WHERE id = 's1'", { pluck: true }).get()).toBe(
      1,
    );
    db.close();
  });
});

describe('the tables a migration checks', () => {
  it('are only those it touched: the closed-case migration checks the tombstones alone', () => {
    const db = vaultAt(SCHEMA.version - 1);
    const newest = SCHEMA.migrations.at(-1)!;
    expect(tablesToCheck(db, newest.sql)).toEqual(['retention_tombstones']);
    // A reference already broken elsewhere (written with foreign keys off) is not read again.
    db.pragma('foreign_keys = OFF');
    db.exec(bed('b2', 'missing'));
    db.pragma('foreign_keys = ON');
    expect(migrate(db, SCHEMA.migrations)).toBe(SCHEMA.version);
    db.close();
  });

  it('leave out what comments and text say, and a key nobody refers to', () => {
    const db = vaultAt();
    expect(tablesToCheck(db, "-- DELETE FROM shelters\nSELECT 'DROP TABLE shelters';")).toEqual([]);
    expect(tablesToCheck(db, "UPDATE shelters SET name = 'Fictional Home 2'")).toEqual([
      'shelters',
    ]);
    expect(tablesToCheck(db, 'DELETE FROM beds')).toEqual(['placements']);
    db.close();
  });
});
