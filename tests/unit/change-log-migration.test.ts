// Migration 0050 takes confidential values out of change-log rows written before it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { migrate } from '../../electron/backend/db/migrate';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { tempFolder } from './support';

const logged = (table: string, columns: object) => [table, JSON.stringify(columns)];

describe('migration 0050', () => {
  it('marks the confidential columns of earlier change-log rows and keeps everything else', () => {
    const db = new Database(join(tempFolder(), 'v4.db'));
    db.pragma(`key = "x'${'cd'.repeat(32)}'"`);
    expect(migrate(db, SCHEMA.migrations.slice(0, 4))).toBe(4);
    const insert = db.prepare(
      `INSERT INTO change_log (hlc, device_id, user_id, table_name, row_id, op, columns)
       VALUES ('h', 'd', NULL, ?, 'r', 'update', ?)`,
    );
    for (const row of [
      logged('therapy_notes', { fields: '{"subjective":"Fictional secret"}', status: 'draft' }),
      logged('therapy_notes', { status: 'signed' }),
      logged('therapy_note_addenda', { body: 'Fictional correction', note_id: 'n1' }),
      logged('therapy_note_break_glass', { reason: 'Fictional reason', note_id: 'n1' }),
      logged('therapy_risk_flags', { kind: 'selfHarm', note_id: 'n1' }),
      logged('plan_tasks', { title: 'Fictional task' }),
    ]) {
      insert.run(row);
    }
    expect(migrate(db, SCHEMA.migrations.slice(0, 5))).toBe(5);
    const rows = db
      .prepare('SELECT columns FROM change_log ORDER BY seq', { pluck: true })
      .all()
      .map((c) => JSON.parse(c as string));
    const mark = { $confidential: true };
    expect(rows).toEqual([
      { fields: mark, status: 'draft' },
      { status: 'signed' },
      { body: mark, note_id: 'n1' },
      { reason: mark, note_id: 'n1' },
      { kind: mark, note_id: 'n1' },
      { title: 'Fictional task' },
    ]);
    db.close();
  });
});
