// Migration 0090 (sync) runs on a version-4 vault with case records in it: children and intake
// accounts are rebuilt without their one-row-only constraints, every row and reference kept, and
// the guards still refuse a local double placement.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { migrate } from '../../electron/backend/db/migrate';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { tempFolder } from './support';

const AT = '2026-01-01T02:00:00.000Z';

describe('migration 0090', () => {
  it('keeps every child, intake account and placement, and the references between them', () => {
    const db = new Database(join(tempFolder(), 'v4.db'));
    db.pragma(`key = "x'${'cd'.repeat(32)}'"`);
    db.pragma('foreign_keys = ON');
    expect(migrate(db, SCHEMA.migrations.slice(0, 4))).toBe(4);
    db.exec(`
      INSERT INTO shelters (id, name, type, sex_rule, min_age, max_age, capacity, created_at, updated_at)
        VALUES ('s1', 'Fictional Home', 'ngo_shelter', 'any', 0, 25, 4, '${AT}', '${AT}');
      INSERT INTO beds (id, shelter_id, label, created_at, updated_at)
        VALUES ('b1', 's1', 'Bed 1', '${AT}', '${AT}'), ('b2', 's1', 'Bed 2', '${AT}', '${AT}');
      INSERT INTO children (id, case_code, case_year, case_seq, legal_name, initials, search_text,
         birth_kind, date_of_birth, sex, referral_source, referral_date, intake_date, status,
         created_at, updated_at)
       VALUES ('c1', 'AR-2026-0001', 2026, 1, 'Fictional Ana', 'F.A.', 'fictional ana', 'dob',
         '2014-01-01', 'female', 'x', '2026-01-01', '2026-01-01', 'in_care', '${AT}', '${AT}');
      INSERT INTO intake_accounts (id, child_id, account, recorded_at, created_at, updated_at)
        VALUES ('i1', 'c1', 'Fictional account', '${AT}', '${AT}', '${AT}');
      INSERT INTO placements (id, child_id, shelter_id, bed_id, start_at, reason, created_at, updated_at)
        VALUES ('p1', 'c1', 's1', 'b1', '${AT}', 'Rescue', '${AT}', '${AT}');
    `);
    expect(migrate(db, SCHEMA.migrations)).toBe(SCHEMA.version);
    expect(Number(db.pragma('foreign_keys', { simple: true }))).toBe(1);
    expect(db.prepare('SELECT id, case_code FROM children').all()).toEqual([
      { id: 'c1', case_code: 'AR-2026-0001' },
    ]);
    expect(db.prepare('SELECT child_id FROM intake_accounts', { pluck: true }).all()).toEqual([
      'c1',
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // References still point at the rebuilt table: a placement of an unknown child is refused.
    expect(() =>
      db.exec(`INSERT INTO placements (id, child_id, shelter_id, bed_id, start_at, reason, created_at, updated_at)
        VALUES ('p2', 'nobody', 's1', 'b2', '2026-02-01T02:00:00.000Z', 'Rescue', '${AT}', '${AT}')`),
    ).toThrow(/FOREIGN KEY/);
    // A second open stay in the same bed is still refused for a local write.
    db.exec(`INSERT INTO children (id, case_code, case_year, case_seq, legal_name, legal_initials,
       search_text, birth_kind, date_of_birth, sex, referral_source, referral_date, intake_date,
       status, created_at, updated_at)
     VALUES ('c2', 'AR-2026-0002', 2026, 2, 'Fictional Bea', 'F.B.', 'fictional bea', 'dob',
       '2014-01-01', 'female', 'x', '2026-01-01', '2026-01-01', 'intake', '${AT}', '${AT}')`);
    expect(() =>
      db.exec(`INSERT INTO placements (id, child_id, shelter_id, bed_id, start_at, reason, created_at, updated_at)
        VALUES ('p3', 'c2', 's1', 'b1', '2026-02-01T02:00:00.000Z', 'Rescue', '${AT}', '${AT}')`),
    ).toThrow(/placement.bedOverlap/);
    db.close();
  });
});
