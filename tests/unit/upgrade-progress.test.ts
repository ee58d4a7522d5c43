// A sign-in that upgrades a vault made by an older Aruga says what it is doing: the verified backup
// of the vault as it was (its size), then migration k of n. Its events only grow and end at the
// total; an ordinary sign-in sends none.
import { cpSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../shared/bridge';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { RELEASED_VERSIONS } from '../fixtures/make-vaults';
import { FIXTURE_VAULT } from '../fixtures/vaults';
import { backendAt, ok, signIn, tempFolder } from './support';

const FIXTURES = fileURLToPath(new URL('../fixtures/vaults/', import.meta.url));

describe('progress of a sign-in that upgrades the vault', () => {
  it('reports the backup, then each migration in turn, growing to the total', async () => {
    const version = RELEASED_VERSIONS[0];
    const folder = tempFolder();
    cpSync(join(FIXTURES, `v${version}`), folder, { recursive: true });
    const bytes = statSync(join(folder, 'aruga.db')).size;
    const backend = backendAt(folder);
    const events: ProgressEvent[] = [];
    backend.onEvent((event) => {
      if (event.type === 'progress') events.push(event);
    });

    await signIn(backend, FIXTURE_VAULT.adminUsername, FIXTURE_VAULT.adminPassword);

    const pending = SCHEMA.migrations.filter((m) => m.version > version).length;
    expect(pending).toBeGreaterThan(0);
    const total = (1 + pending) * 1000;
    expect(new Set(events.map((e) => e.procedure))).toEqual(new Set(['auth.signIn']));
    expect(new Set(events.map((e) => e.total))).toEqual(new Set([total]));
    const done = events.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(total);

    // First the backup, measured in its own work, then the migrations, one after another.
    const firstMigration = events.findIndex((e) => e.step?.kind === 'migration');
    const backup = events.slice(0, firstMigration);
    expect(backup.length).toBeGreaterThan(1);
    for (const e of backup) expect(e.step).toEqual({ kind: 'upgradeBackup', bytes });
    expect(backup.at(-1)!.done).toBe(1000);
    const steps = events.slice(firstMigration).map((e) => e.step);
    expect(steps.map((s) => (s?.kind === 'migration' ? s.number : null))).toEqual(
      Array.from({ length: pending }, (_, k) => k + 1).concat(pending),
    );
    for (const s of steps) expect(s).toMatchObject({ kind: 'migration', of: pending });

    // Once upgraded, a sign-in has nothing to report.
    events.length = 0;
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, FIXTURE_VAULT.adminUsername, FIXTURE_VAULT.adminPassword);
    expect(events).toEqual([]);
  });
});
