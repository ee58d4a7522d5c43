// Salvage of a damaged vault with nobody signed in: a demo vault with one flipped byte in a data
// page of the children table is copied row by row into a new vault under the same keyring. The
// report names that table and the exact number of rows lost, every other table is complete, the
// new vault passes both integrity checks and its audit chain verifies, and the damaged files are
// kept aside exactly as they were.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import type { BackendApi } from '../../electron/backend/api';
import { createDemoVault, type DemoVault } from '../../electron/backend/demo/demo-vault';
import { databaseSound, tableCounts } from '../../electron/backend/vault/backup';
import { TABLE_UNITS } from '../../electron/backend/vault/salvage';
import { unwrapWithRecoveryKey } from '../../electron/backend/vault/vault';
import {
  ADMIN,
  addUser,
  backendAt,
  FAST_KDF,
  fails,
  newVault,
  ok,
  openRaw,
  signIn,
  tempFolder,
} from './support';

const PAGE = 4096;
const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const byRecoveryKey = (recoveryKey: string) => ({
  unlockWith: 'recoveryKey',
  username: '',
  password: '',
  recoveryKey,
});

/**
 * The page that holds `childId`'s row: the database is checkpointed and copied, that row alone
 * is rewritten, and the one page besides the header page whose bytes changed is the row's leaf
 * (SQLCipher gives every written page a fresh IV). The copy from before is put back.
 */
async function leafPageOf(folder: string, recoveryKey: string, childId: string): Promise<number> {
  const database = join(folder, 'aruga.db');
  const db = await openRaw(folder, { recoveryKey });
  db.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(database, `${database}.before`);
  const before = readFileSync(database);
  db.prepare(
    "UPDATE children SET gender_identity = coalesce(gender_identity, '') || 'x' WHERE id = ?",
  ).run([childId]);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const after = readFileSync(database);
  copyFileSync(`${database}.before`, database);
  const changed: number[] = [];
  for (let page = 1; page * PAGE <= before.length; page += 1) {
    const at = (page - 1) * PAGE;
    if (!before.subarray(at, at + PAGE).equals(after.subarray(at, at + PAGE))) changed.push(page);
  }
  const leaves = changed.filter((page) => page !== 1);
  expect(leaves).toHaveLength(1);
  return leaves[0]!;
}

describe('salvaging a damaged vault', () => {
  let demo: DemoVault;
  let folder: string;
  let backend: BackendApi;
  let before: { counts: Record<string, number>; onLeaf: number; childIds: string[] };
  let damagedHash: string;

  beforeAll(async () => {
    folder = tempFolder();
    demo = await createDemoVault({ folder, size: 'S', kdf: FAST_KDF });
    const db = await openRaw(folder, { recoveryKey: demo.recoveryKey });
    const childIds = db.prepare('SELECT id FROM children ORDER BY rowid', { pluck: true }).all();
    const counts = tableCounts(db);
    db.close();
    const middle = childIds[Math.floor(childIds.length / 2)] as string;
    const leaf = await leafPageOf(folder, demo.recoveryKey, middle);
    const database = join(folder, 'aruga.db');
    const bytes = readFileSync(database);
    bytes[(leaf - 1) * PAGE + 200]! ^= 0x5a;
    writeFileSync(database, bytes);
    // The children on that page: the rows the flipped byte must cost, and no more. A connection
    // that met a damaged page refuses every later read, so each look-up has one of its own.
    const key = await unwrapWithRecoveryKey(folder, demo.recoveryKey);
    const onLeaf = childIds.filter((id) => {
      const db = new Database(database);
      try {
        db.pragma(`key = "x'${key.dataKeyHex}'"`);
        db.prepare('SELECT * FROM children WHERE id = ?').get([id]);
        return false;
      } catch {
        return true;
      } finally {
        db.close();
      }
    }).length;
    key.discard();
    before = { counts, onLeaf, childIds: childIds as string[] };
    damagedHash = hashOf(database);
    // As the host starts the next worker once the page check found the damage.
    backend = backendAt(folder, { pagesChecked: true, damaged: true });
    expect(
      await fails(backend, 'auth.signIn', {
        username: demo.adminUsername,
        password: demo.adminPassword,
      }),
    ).toMatchObject({ code: 'CORRUPT' });
  }, 60_000);

  it("refuses a password that is not an administrator's, and changes nothing", async () => {
    const caseworker = demo.accounts.find((a) => a.role === 'caseworker')!;
    expect(
      await fails(backend, 'backup.salvageDamaged', {
        unlockWith: 'password',
        username: caseworker.username,
        password: caseworker.password,
        recoveryKey: '',
      }),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'notAdministrator' });
    expect(hashOf(join(folder, 'aruga.db'))).toBe(damagedHash);
  });

  it('copies every readable row, names the table and the rows it lost, and the new vault verifies', async () => {
    expect(before.onLeaf).toBeGreaterThan(0);
    expect(before.onLeaf).toBeLessThan(before.childIds.length);
    const progress: number[] = [];
    let total = 0;
    backend.onEvent((event) => {
      if (event.type !== 'progress') return;
      progress.push(event.done);
      total = event.total;
    });
    const report = await ok(backend, 'backup.salvageDamaged', {
      unlockWith: 'password',
      username: demo.adminUsername,
      password: demo.adminPassword,
      recoveryKey: '',
    });
    expect(report.lost).toEqual([{ table: 'children', rows: before.onLeaf }]);
    expect(report.tables).toBe(Object.keys(before.counts).length);
    // A stage per table, then one for putting the new vault in place: growing, ending there.
    expect(total).toBe((report.tables + 1) * TABLE_UNITS);
    expect(progress).toEqual([...new Set(progress)].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(total);
    expect(hashOf(join(report.damagedCopy, 'aruga.db'))).toBe(damagedHash);

    const db = await openRaw(folder, { recoveryKey: demo.recoveryKey });
    try {
      expect(databaseSound(db)).toBe(true);
      const after = tableCounts(db);
      for (const [table, count] of Object.entries(before.counts)) {
        const expected = { children: count - before.onLeaf, audit_log: count + 1 }[table] ?? count;
        expect({ table, rows: after[table] }).toEqual({ table, rows: expected });
      }
      const salvaged = db
        .prepare("SELECT detail FROM audit_log WHERE action = 'vault.salvaged'", { pluck: true })
        .all() as string[];
      expect(salvaged.map((d) => JSON.parse(d))).toEqual([
        expect.objectContaining({
          lost: `children: ${before.onLeaf}`,
          unlockedWith: 'password',
          username: demo.adminUsername,
        }),
      ]);
    } finally {
      db.close();
    }
    // The same accounts open it, and its audit chain verifies.
    await signIn(backend, demo.adminUsername, demo.adminPassword);
    expect(await ok(backend, 'audit.verify', {})).toMatchObject({ ok: true });
    await ok(backend, 'session.lock', { reason: 'manual' });
  });

  it('is refused once the vault is sound again', async () => {
    expect(
      await fails(backend, 'backup.salvageDamaged', byRecoveryKey(demo.recoveryKey)),
    ).toMatchObject({ code: 'CONFLICT', message: 'vaultNotDamaged' });
  });
});

describe('salvaging a database cut short', () => {
  it('copies what the pages left hold, and the vault opens with the same password', async () => {
    const { folder, backend, recoveryKey } = await newVault();
    // A vault in use, whose newest pages hold its newest rows. A new vault's last pages hold its
    // schema instead, and a file that has lost a schema page cannot be salvaged (SQLite reads
    // the whole schema before any row): that is "salvageImpossible", told as such.
    for (let i = 0; i < 40; i += 1) await addUser(backend, `filler.${i}`, 'caseworker');
    await ok(backend, 'session.lock', { reason: 'manual' });
    const database = join(folder, 'aruga.db');
    const bytes = readFileSync(database);
    writeFileSync(database, bytes.subarray(0, bytes.length - 2 * PAGE));
    expect(
      await fails(backend, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password }),
    ).toMatchObject({ code: 'CORRUPT' });
    const report = await ok(backend, 'backup.salvageDamaged', byRecoveryKey(recoveryKey));
    expect(report.rowsCopied).toBeGreaterThan(0);
    expect(readFileSync(join(report.damagedCopy, 'aruga.db'))).toHaveLength(
      bytes.length - 2 * PAGE,
    );
    expect((await signIn(backend, ADMIN.username, ADMIN.password)).role).toBe('admin');
  });
});
