// Migration 0030 (therapy scheduling) runs on a version-2 vault that holds case records.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { migrate } from '../../electron/backend/db/migrate';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { THERAPY_ERROR_KEYS } from '../../shared/therapy/vocabulary';
import { tempFolder } from './support';

describe('migration 0030', () => {
  it('upgrades a version-2 database with a child in it, keeping the child', () => {
    const db = new Database(join(tempFolder(), 'v2.db'));
    db.pragma(`key = "x'${'ab'.repeat(32)}'"`);
    expect(migrate(db, SCHEMA.migrations.slice(0, 2))).toBe(2);
    db.prepare(
      `INSERT INTO children (id, case_code, case_year, case_seq, legal_name, initials, search_text,
         birth_kind, date_of_birth, sex, referral_source, referral_date, intake_date, status,
         created_at, updated_at)
       VALUES ('c1', 'AR-2026-0001', 2026, 1, 'Fictional Ana', 'F.A.', 'fictional ana', 'dob',
         '2014-01-01', 'female', 'x', '2026-01-01', '2026-01-01', 'in_care', 'x', 'x')`,
    ).run();
    expect(migrate(db, SCHEMA.migrations.slice(0, 3))).toBe(3);
    expect(db.prepare('SELECT case_code FROM children', { pluck: true }).all()).toEqual([
      'AR-2026-0001',
    ]);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'", { pluck: true })
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'therapy_plans',
        'therapist_hours',
        'therapist_leave',
        'therapy_series',
        'therapy_sessions',
        'therapy_participants',
        'therapy_rules',
      ]),
    );
    // A session that ends before it starts, or a length outside the plan's range, cannot be stored.
    expect(() =>
      db
        .prepare(
          `INSERT INTO therapy_plans (id, child_id, therapist_id, modality, goals, frequency,
             session_minutes, planned_sessions, pref_therapist_gender, pref_time_of_day, status,
             started_on, created_at, updated_at)
           VALUES ('p1', 'c1', 'u1', 'tf_cbt', 'g', 'weekly', 30, 14, 'no_preference',
             'no_preference', 'active', '2026-01-01', 'x', 'x')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('lists each error key once', () => {
    expect(new Set(THERAPY_ERROR_KEYS).size).toBe(THERAPY_ERROR_KEYS.length);
  });
});
