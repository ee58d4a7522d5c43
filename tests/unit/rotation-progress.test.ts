// A key rotation copies the database under the new key table by table and says how far it is:
// rows copied, then indexes and triggers made, then the copy checked. Its events only grow and end
// at the total; what it leaves is the re-keyed vault alone, and a rotation that fails or is cut
// short leaves the vault as it was.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackendEvent, ProgressEvent } from '../../shared/bridge';
import { keyringPath } from '../../electron/backend/vault/keyring';
import { tableCounts } from '../../electron/backend/vault/backup';
import { ADMIN, fails, newVault, ok, openRaw, signIn } from './support';

function progressOf(backend: { onEvent(l: (e: BackendEvent) => void): () => void }) {
  const events: ProgressEvent[] = [];
  backend.onEvent((event) => {
    if (event.type === 'progress') events.push(event);
  });
  return events;
}

async function rowsIn(folder: string): Promise<number> {
  const db = await openRaw(folder, ADMIN);
  try {
    return Object.values(tableCounts(db)).reduce((sum, n) => sum + n, 0);
  } finally {
    db.close();
  }
}

describe('progress of a key rotation', () => {
  it('reports rows copied, schema made, copy checked: growing, ending at the total', async () => {
    const { folder, backend, admin } = await newVault();
    const rows = await rowsIn(folder);
    const events = progressOf(backend);

    await ok(backend, 'vault.rotateKey', {});

    // Three stages of the vault's row count, each reported as it was really done.
    const total = 3 * rows;
    expect(events.length).toBeGreaterThan(3);
    expect(new Set(events.map((e) => e.procedure))).toEqual(new Set(['vault.rotateKey']));
    expect(new Set(events.map((e) => e.total))).toEqual(new Set([total]));
    const done = events.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(done).size).toBe(done.length);
    expect(done[0]).toBe(0);
    expect(done).toContain(rows);
    expect(done).toContain(2 * rows);
    expect(done.at(-1)).toBe(total);

    // The re-keyed vault keeps working, then opens again at sign-in with everything in it.
    expect((await ok(backend, 'users.list', {})).map((u) => u.id)).toContain(admin.userId);
    expect(readdirSync(folder).filter((name) => name.startsWith('.rekey-'))).toEqual([]);
    expect(existsSync(keyringPath(folder, 'pending'))).toBe(false);
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, ADMIN.username, ADMIN.password);
    expect((await ok(backend, 'users.list', {})).map((u) => u.id)).toContain(admin.userId);
    const { ok: chainOk } = await ok(backend, 'audit.verify', {});
    expect(chainOk).toBe(true);
  });

  it('a rotation that fails part way leaves the vault, its key and its keyring as they were', async () => {
    const { folder, backend } = await newVault();
    // A table the copy cannot make (a virtual table needs its module): the copy stops there.
    const raw = await openRaw(folder, ADMIN);
    raw.exec('CREATE VIRTUAL TABLE scratch_words USING fts5(word)');
    raw.close();
    const keyringBefore = readFileSync(keyringPath(folder), 'utf8');

    expect((await fails(backend, 'vault.rotateKey', {})).code).toBe('INTERNAL');

    expect(readFileSync(keyringPath(folder), 'utf8')).toBe(keyringBefore);
    expect(existsSync(keyringPath(folder, 'pending'))).toBe(false);
    expect(readdirSync(folder).filter((name) => name.startsWith('.rekey-'))).toEqual([]);
    await ok(backend, 'users.list', {});
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, ADMIN.username, ADMIN.password);
  });

  it('the half-made copy of a rotation cut short is removed at the next unlock', async () => {
    const { folder, backend } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    mkdirSync(join(folder, '.rekey-cut'));
    writeFileSync(join(folder, '.rekey-cut', 'aruga.db'), 'half a copy');
    await signIn(backend, ADMIN.username, ADMIN.password);
    expect(existsSync(join(folder, '.rekey-cut'))).toBe(false);
  });
});
