// Migration 0020 (case records, shelters, placements) runs on a version-1 vault that holds data.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { migrate } from '../../electron/backend/db/migrate';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { tempFolder } from './support';

describe('migration 0020', () => {
  it('upgrades a version-1 database with users in it, keeping them', () => {
    const db = new Database(join(tempFolder(), 'v1.db'));
    db.pragma(`key = "x'${'ef'.repeat(32)}'"`);
    expect(migrate(db, SCHEMA.migrations.slice(0, 1))).toBe(1);
    db.prepare(
      `INSERT INTO users (id, username, display_name, role, created_at, updated_at)
       VALUES ('u1', 'old.admin', 'Fictional Old Admin', 'admin', 'x', 'x')`,
    ).run();
    expect(migrate(db, SCHEMA.migrations.slice(0, 2))).toBe(2);
    expect(db.prepare('SELECT username FROM users', { pluck: true }).all()).toEqual(['old.admin']);
    const objects = db
      .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')", { pluck: true })
      .all();
    expect(objects).toEqual(
      expect.arrayContaining([
        'children',
        'shelters',
        'beds',
        'placements',
        'consents',
        'family_members',
        'intake_accounts',
        'plan_goals',
        'plan_tasks',
        'legal_events',
        'child_status_changes',
        'placements_guard_insert',
        'placements_guard_update',
      ]),
    );
    db.close();
  });
});
