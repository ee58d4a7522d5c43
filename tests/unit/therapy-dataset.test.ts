// The generated therapy schedule (demo and benchmark datasets) obeys what the scheduler enforces:
// no therapist, child or room double-booked, every session inside working hours, at most one a
// week per child, each occurrence its own row with its series id.
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataLayer } from '../../electron/backend/db/data-layer';
import { migrate } from '../../electron/backend/db/migrate';
import { openPlainDatabaseForBenchmark } from '../../electron/backend/db/sqlcipher';
import { generateDataset, type GenerateResult } from '../../electron/backend/demo/generate';
import { checkOccurrences, type Booking } from '../../electron/backend/domains/therapy';
import type { CaseVault } from '../../electron/backend/records/actor';
import { tempFolder } from './support';

const NOW = new Date('2026-11-29T04:00:00.000Z');
let vault: CaseVault;
let result: GenerateResult;
let therapists: string[];

beforeAll(() => {
  const db = openPlainDatabaseForBenchmark(join(tempFolder(), 'therapy.db'));
  migrate(db, SCHEMA.migrations);
  vault = {
    db,
    data: new DataLayer(db, SCHEMA.tables, () => ({ userId: null, deviceId: 'test' })),
  };
  vault.data.insert(
    'vault_settings',
    { idle_lock_minutes: 5, time_zone: 'Asia/Manila', paper_size: 'A4' },
    'settings',
  );
  therapists = Array.from({ length: 10 }, (_, i) =>
    vault.data.insert('users', {
      username: `gen.therapist${i}`,
      display_name: `Generated therapist ${i}`,
      role: 'therapist',
      shelter_scope: '[]',
      must_change_password: 0,
    }),
  );
  result = generateDataset(vault, { size: 'S', seed: 2026, now: NOW, therapists });
});

const count = (sql: string) => Number(vault.db.prepare(sql, { pluck: true }).get());

describe('generated therapy (size S)', () => {
  it('writes the size’s sessions, in 14-session series with a plan each', () => {
    expect(result.counts.therapySessions).toBe(5_000);
    expect(count('SELECT count(*) FROM therapy_sessions')).toBe(5_000);
    expect(count('SELECT count(*) FROM therapy_participants')).toBe(5_000);
    expect(
      count('SELECT max(n) FROM (SELECT count(*) AS n FROM therapy_sessions GROUP BY series_id)'),
    ).toBe(14);
    expect(
      count('SELECT count(*) FROM therapy_sessions WHERE series_id IS NULL OR plan_id IS NULL'),
    ).toBe(0);
    expect(
      count(
        `SELECT count(*) FROM therapy_sessions WHERE status = 'scheduled' AND start_at <= '${NOW.toISOString()}'`,
      ),
    ).toBe(0);
  });

  it('double-books no therapist, child or room', () => {
    const overlaps = (join: string) =>
      count(
        `SELECT count(*) FROM therapy_sessions a JOIN therapy_sessions b ON ${join}
         AND a.id < b.id AND a.start_at < b.end_at AND b.start_at < a.end_at
         WHERE a.status IN ('scheduled', 'attended') AND b.status IN ('scheduled', 'attended')
           AND a.deleted_at IS NULL AND b.deleted_at IS NULL`,
      );
    expect(overlaps('a.therapist_id = b.therapist_id')).toBe(0);
    expect(overlaps('a.room_key = b.room_key')).toBe(0);
    expect(
      count(
        `SELECT count(*) FROM therapy_participants a JOIN therapy_participants b
         ON a.child_id = b.child_id AND a.id < b.id AND a.start_at < b.end_at AND b.start_at < a.end_at
         WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL`,
      ),
    ).toBe(0);
  });

  it('passes the scheduler’s own check: inside working hours, no clash, no soft rule', () => {
    const rows = vault.db
      .prepare(
        `SELECT s.id, s.therapist_id, s.room, s.room_key, s.plan_id, s.start_at, s.end_at, p.child_id
         FROM therapy_sessions s JOIN therapy_participants p ON p.session_id = s.id
         WHERE s.status = 'scheduled' ORDER BY s.id LIMIT 300`,
      )
      .all() as {
      id: string;
      therapist_id: string;
      room: string;
      room_key: string;
      plan_id: string;
      start_at: string;
      end_at: string;
      child_id: string;
    }[];
    expect(rows.length).toBe(300);
    for (const row of rows) {
      const booking: Booking = {
        therapistId: row.therapist_id,
        childIds: [row.child_id],
        room: row.room,
        roomKey: row.room_key,
        planId: row.plan_id,
        plannedComponents: [],
      };
      const [checked] = checkOccurrences(
        vault,
        'Asia/Manila',
        booking,
        [{ date: row.start_at.slice(0, 10), startAt: row.start_at, endAt: row.end_at }],
        new Set([row.id]),
      );
      expect({ id: row.id, conflicts: checked!.conflicts, broken: checked!.broken }).toEqual({
        id: row.id,
        conflicts: [],
        broken: [],
      });
    }
  });
});
