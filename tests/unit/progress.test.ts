// The progress a long call reports while it runs: a backup counts the bytes of its copy through
// each stage (exported, written, read back, checked), a restore the backup's database bytes (copied
// out, checked, put in place). The events only grow, end exactly at the total, and belong to the
// call that made them; other calls send none.
import { describe, expect, it } from 'vitest';
import type { BackendEvent, ProgressEvent } from '../../shared/bridge';
import type { ProcedureName } from '../../shared/contract';
import { readBackupHeader } from '../../electron/backend/vault/backup-file';
import { progressEvents } from '../../electron/backend/runtime/progress-events';
import type { BackendApi } from '../../electron/backend/api';
import { ADMIN, newVault, ok, signIn, tempFolder } from './support';

function progressOf(backend: BackendApi): ProgressEvent[] {
  const events: ProgressEvent[] = [];
  backend.onEvent((event: BackendEvent) => {
    if (event.type === 'progress') events.push(event);
  });
  return events;
}

/** Every event of one call: one total, `done` strictly growing, the last at the total. */
function expectOneRun(events: ProgressEvent[], procedure: ProcedureName, total: number): void {
  expect(events.length).toBeGreaterThan(2);
  expect(new Set(events.map((e) => e.procedure))).toEqual(new Set([procedure]));
  expect(new Set(events.map((e) => e.total))).toEqual(new Set([total]));
  const done = events.map((e) => e.done);
  expect(done).toEqual([...done].sort((a, b) => a - b));
  expect(new Set(done).size).toBe(done.length);
  expect(done.at(-1)).toBe(total);
}

describe('progress of a backup and a restore', () => {
  it('a backup reports four stages of its copy’s bytes, growing, ending at the total', async () => {
    const { backend } = await newVault();
    const events = progressOf(backend);
    await ok(backend, 'users.create', {
      displayName: 'Fictional Night Staff',
      username: 'night.staff',
      role: 'caseworker',
      shelterScope: [],
      temporaryPassword: 'Temporary-Kite-Reef-90',
    });
    expect(events).toEqual([]);

    const made = await ok(backend, 'backup.create', { folder: tempFolder() });
    const { databaseBytes } = readBackupHeader(made.path).header;
    expectOneRun(events, 'backup.create', 4 * databaseBytes);
    // A new vault is smaller than one chunk of the copies, so each stage counts whole once done.
    const d = databaseBytes;
    expect(events.map((e) => e.done)).toEqual([0, d, 2 * d, 3 * d, 4 * d]);
  });

  it('a restore reports the backup’s bytes copied out, checked and put in place', async () => {
    const { backend, recoveryKey } = await newVault();
    const made = await ok(backend, 'backup.create', { folder: tempFolder() });
    const events = progressOf(backend);
    await ok(backend, 'backup.restore', {
      file: made.path,
      unlockWith: 'recoveryKey',
      username: '',
      password: '',
      recoveryKey,
    });
    const { databaseBytes } = readBackupHeader(made.path).header;
    expectOneRun(events, 'backup.restore', 3 * databaseBytes);
    expect(events.map((e) => e.done)).toContain(2 * databaseBytes);
    await signIn(backend, ADMIN.username, ADMIN.password);
  });

  it('a backup refused before it starts sends no progress', async () => {
    const { backend, folder } = await newVault();
    const events = progressOf(backend);
    // A file where a folder should be: refused before any work.
    expect((await backend.call('backup.create', { folder: `${folder}/aruga.db` })).ok).toBe(false);
    expect(events).toEqual([]);
  });
});

describe('the progress meter', () => {
  it('sends only growth, at most one event per tenth of a percent, and always the total', () => {
    const sent: [number, number][] = [];
    const sink = progressEvents('backup.create', (e) => sent.push([e.done, e.total]));
    sink(0, 10_000);
    sink(5, 10_000); // the same tenth of a percent as 0
    sink(10, 10_000);
    sink(8, 10_000); // back: dropped
    sink(10, 10_000); // no growth: dropped
    sink(5_000, 10_000);
    sink(9_999, 10_000);
    sink(10_000, 10_000);
    sink(10_000, 10_000);
    expect(sent).toEqual([
      [0, 10_000],
      [10, 10_000],
      [5_000, 10_000],
      [9_999, 10_000],
      [10_000, 10_000],
    ]);
  });

  it('keeps the first total and scales a report on another one; ignores nonsense', () => {
    const sent: number[] = [];
    const sink = progressEvents('backup.create', (e) => sent.push(e.done));
    sink(1, 0);
    sink(Number.NaN, 100);
    sink(25, 100);
    sink(3, 4); // 75 of 100
    sink(200, 100); // past the end: the total
    expect(sent).toEqual([25, 75, 100]);
  });
});
