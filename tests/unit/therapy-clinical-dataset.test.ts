// The generated clinical records (demo and benchmark datasets): a signed note for about 60% of
// the sessions, only for sessions attended and over, signed after they ended; the size's outcome
// scores, each within its instrument's ranges and banded as the app would band it.
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataLayer } from '../../electron/backend/db/data-layer';
import { migrate } from '../../electron/backend/db/migrate';
import { openPlainDatabaseForBenchmark } from '../../electron/backend/db/sqlcipher';
import { generateDataset, type GenerateResult } from '../../electron/backend/demo/generate';
import { builtInInstruments } from '../../electron/backend/domains/therapy';
import type { CaseVault } from '../../electron/backend/records/actor';
import { scoreProblems, totalScore } from '../../shared/therapy/measures';
import { tempFolder } from './support';

const NOW = new Date('2026-11-29T04:00:00.000Z');
let vault: CaseVault;
let result: GenerateResult;

beforeAll(() => {
  const db = openPlainDatabaseForBenchmark(join(tempFolder(), 'clinical.db'));
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
  const therapists = Array.from({ length: 10 }, (_, i) =>
    vault.data.insert('users', {
      username: `gen.clinician${i}`,
      display_name: `Generated clinician ${i}`,
      role: 'therapist',
      shelter_scope: '[]',
      must_change_password: 0,
    }),
  );
  result = generateDataset(vault, { size: 'S', seed: 2026, now: NOW, therapists });
});

const count = (sql: string) => Number(vault.db.prepare(sql, { pluck: true }).get());

describe('generated clinical records (size S)', () => {
  it('sign a note for about 60% of the sessions, each attended, over, and signed after it', () => {
    const share = result.counts.signedNotes / result.counts.therapySessions;
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.65);
    expect(count('SELECT count(*) FROM therapy_notes')).toBe(result.counts.signedNotes);
    expect(
      count(
        `SELECT count(*) FROM therapy_notes n JOIN therapy_sessions s ON s.id = n.session_id
         WHERE n.status <> 'signed' OR s.status <> 'attended' OR n.signed_at < s.end_at
           OR n.signed_at > '${NOW.toISOString()}' OR n.author_id <> s.therapist_id`,
      ),
    ).toBe(0);
  });

  it('write the size’s outcome scores, each in range with its total', () => {
    expect(result.counts.outcomeScores).toBe(300);
    const rows = vault.db
      .prepare('SELECT instrument_code, scores, total, administered_on FROM outcome_scores')
      .all() as {
      instrument_code: string;
      scores: string;
      total: number;
      administered_on: string;
    }[];
    expect(rows).toHaveLength(300);
    const instruments = builtInInstruments();
    for (const row of rows) {
      const instrument = instruments.find((i) => i.code === row.instrument_code)!;
      const scores = JSON.parse(row.scores) as Record<string, number>;
      expect(scoreProblems(instrument, scores)).toEqual({});
      expect(totalScore(instrument, scores)).toBe(row.total);
      expect(row.administered_on <= '2026-11-29').toBe(true);
    }
  });
});
