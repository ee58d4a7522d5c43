// Backups and restore on real vaults: a round trip keeps every row, a backup opens with a password
// valid when it was made or with the recovery key, and every refusal leaves the vault untouched.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '@signalapp/sqlcipher';
import { createDemoVault, type DemoVault } from '../../electron/backend/demo/demo-vault';
import { fileSystem } from '../../electron/backend/vault/atomic-file';
import { SAFETY_COPIES_FOLDER, tableCounts } from '../../electron/backend/vault/backup';
import type { BackendApi } from '../../electron/backend/api';
import {
  ADMIN,
  backendAt,
  fails,
  FAST_KDF,
  inspectDatabase,
  newVault,
  ok,
  signIn,
  tempFolder,
} from './support';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every table's rows, sorted (some tables have no rowid), as one SHA-256 each. */
function tableDigests(db: Database): Record<string, string> {
  return Object.fromEntries(
    Object.keys(tableCounts(db)).map((table) => [
      table,
      createHash('sha256')
        .update(
          (db.prepare(`SELECT * FROM "${table}"`).all() as unknown[])
            .map((row) => JSON.stringify(row))
            .sort()
            .join('\n'),
        )
        .digest('hex'),
    ]),
  );
}

/** SHA-256 of each file that makes the vault, to show a refusal changed none of them. */
function vaultFiles(folder: string): Record<string, string> {
  return Object.fromEntries(
    ['aruga.db', 'keyring.json']
      .filter((name) => existsSync(join(folder, name)))
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(folder, name)))
          .digest('hex'),
      ]),
  );
}

const unlockWithKey = (file: string, recoveryKey: string) => ({
  file,
  unlockWith: 'recoveryKey',
  username: '',
  password: '',
  recoveryKey,
});
const unlockWithPassword = (file: string, username: string, password: string) => ({
  file,
  unlockWith: 'password',
  username,
  password,
  recoveryKey: '',
});

async function auditActions(db: Database): Promise<string[]> {
  return (
    db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]
  ).map((r) => r.action);
}

describe('backup and restore of a demo vault', () => {
  let demo: DemoVault;
  let backend: BackendApi;
  let backupPath: string;
  let before: {
    counts: Record<string, number>;
    digests: Record<string, string>;
    actions: string[];
  };

  beforeAll(async () => {
    const folder = tempFolder();
    demo = await createDemoVault({ folder, size: 'S', kdf: FAST_KDF });
    backend = backendAt(folder);
    await signIn(backend, demo.adminUsername, demo.adminPassword);
    const made = await ok(backend, 'backup.create', { folder: tempFolder() });
    backupPath = made.path;
    const db = await inspectDatabase(folder, demo.recoveryKey);
    before = {
      counts: tableCounts(db),
      digests: tableDigests(db),
      actions: await auditActions(db),
    };
    db.close();
  }, 120_000);

  it('writes one file, named for when it was made, and records it in the audit log', async () => {
    expect(readdirSync(join(backupPath, '..'))).toEqual([backupPath.split(/[\\/]/).pop()]);
    expect(backupPath).toMatch(/aruga-\d{4}-\d\d-\d\dT[\d-]+Z\.aruga-backup$/);
    expect(before.counts.children).toBe(200);
    const db = await inspectDatabase(demo.folder, demo.recoveryKey);
    expect((await auditActions(db)).at(-1)).toBe('backup.create');
    db.close();
  });

  it('summarises the backup before a restore and changes nothing', async () => {
    const files = vaultFiles(demo.folder);
    const summary = await ok(
      backend,
      'backup.inspect',
      unlockWithKey(backupPath, demo.recoveryKey),
    );
    expect(summary).toMatchObject({
      appVersion: '0.1.0',
      counts: { children: 200, shelters: 5, placements: before.counts.placements },
    });
    expect(vaultFiles(demo.folder)).toEqual(files);
    expect(readdirSync(demo.folder).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('restores with the recovery key: every row and its content as at the backup', async () => {
    // A change after the backup, which the restore must undo.
    await ok(backend, 'users.create', {
      displayName: 'Fictional Late Arrival',
      username: 'late.arrival',
      role: 'caseworker',
      shelterScope: [],
      temporaryPassword: 'Temporary-Kite-Reef-90',
    });
    const { safetyCopy } = await ok(
      backend,
      'backup.restore',
      unlockWithKey(backupPath, demo.recoveryKey),
    );
    expect((await ok(backend, 'app.status', {})).state).toBe('locked');

    const db = await inspectDatabase(demo.folder, demo.recoveryKey);
    const after = tableDigests(db);
    const actions = await auditActions(db);
    db.close();
    // The log as the backup holds it (before the backup's own entry), then the restore.
    expect(actions).toEqual([...before.actions.slice(0, -1), 'vault.restored']);
    const { audit_log: _a, vault_meta: _m, ...rest } = after;
    const { audit_log: _b, vault_meta: _n, ...expected } = before.digests;
    expect(rest).toEqual(expected);

    // The replaced vault is the safety copy, with the change and the restore in its log.
    expect(safetyCopy.startsWith(join(demo.folder, SAFETY_COPIES_FOLDER))).toBe(true);
    const old = await inspectDatabase(safetyCopy, demo.recoveryKey);
    expect(
      old.prepare("SELECT count(*) AS n FROM users WHERE username = 'late.arrival'").get(),
    ).toEqual({ n: 1 });
    expect((await auditActions(old)).slice(-2)).toEqual(['backup.restore', 'session.lock']);
    old.close();

    // The restored vault opens with the backup's passwords and keeps working.
    await signIn(backend, demo.adminUsername, demo.adminPassword);
    expect((await ok(backend, 'audit.verify', {})).ok).toBe(true);
  });
});

describe('opening a backup', () => {
  it('takes a password that was valid when it was made, even after it changed', async () => {
    const { backend, folder } = await newVault();
    const { path } = await ok(backend, 'backup.create', { folder: tempFolder() });
    await ok(backend, 'account.changePassword', {
      currentPassword: ADMIN.password,
      newPassword: 'Another-Harbor-Lantern-77',
    });
    const summary = await ok(
      backend,
      'backup.restore',
      unlockWithPassword(path, ADMIN.username, ADMIN.password),
    );
    expect(summary.safetyCopy).toContain(SAFETY_COPIES_FOLDER);
    // The restored keyring is the backup's: the old password opens it again.
    await signIn(backend, ADMIN.username, ADMIN.password);
    expect(existsSync(join(folder, 'aruga.db'))).toBe(true);
  });

  it('refuses a wrong password or recovery key and leaves the vault untouched', async () => {
    const { backend, folder } = await newVault();
    const { path } = await ok(backend, 'backup.create', { folder: tempFolder() });
    const files = vaultFiles(folder);
    expect(
      (
        await fails(
          backend,
          'backup.restore',
          unlockWithPassword(path, ADMIN.username, 'Wrong-Password-123'),
        )
      ).code,
    ).toBe('BAD_CREDENTIALS');
    expect((await fails(backend, 'backup.restore', unlockWithKey(path, 'AAAA-BBBB'))).code).toBe(
      'BAD_CREDENTIALS',
    );
    expect(vaultFiles(folder)).toEqual(files);
    expect((await ok(backend, 'app.status', {})).state).toBe('unlocked');
    expect(readdirSync(folder).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('refuses a damaged or truncated backup file, and a path that is no backup', async () => {
    const { backend, folder, recoveryKey } = await newVault();
    const { path } = await ok(backend, 'backup.create', { folder: tempFolder() });
    const bytes = readFileSync(path);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 100]! ^= 0x40;
    const damaged = join(tempFolder(), 'flipped.aruga-backup');
    writeFileSync(damaged, flipped);
    const truncated = join(tempFolder(), 'short.aruga-backup');
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 4096));
    const notABackup = join(tempFolder(), 'notes.txt');
    writeFileSync(notABackup, 'not a backup');
    for (const file of [damaged, truncated, notABackup]) {
      const error = await fails(backend, 'backup.inspect', unlockWithKey(file, recoveryKey));
      expect({ file, message: error.message }).toEqual({ file, message: 'backupUnreadable' });
    }
    const missing = await fails(
      backend,
      'backup.inspect',
      unlockWithKey(join(folder, 'none'), recoveryKey),
    );
    expect(missing.fields).toEqual({ file: 'backup.fileMissing' });
  });

  it('asks for the fields of the chosen way to unlock', async () => {
    const { backend } = await newVault();
    const error = await fails(backend, 'backup.inspect', unlockWithPassword('/x', '', ''));
    expect(error.fields).toMatchObject({ username: 'required', password: 'required' });
    const keyError = await fails(backend, 'backup.inspect', unlockWithKey('/x', ' '));
    expect(keyError.fields).toMatchObject({ recoveryKey: 'required' });
  });
});

describe('making a backup', () => {
  it('refuses a folder that does not exist', async () => {
    const { backend } = await newVault();
    const error = await fails(backend, 'backup.create', { folder: join(tempFolder(), 'usb') });
    expect(error.fields).toEqual({ folder: 'backup.folderMissing' });
    expect((await fails(backend, 'backup.create', { folder: 'relative/path' })).fields).toEqual({
      folder: 'backup.folderMissing',
    });
  });

  it('says the disk is full and leaves no file when the backup cannot be written', async () => {
    const { backend } = await newVault();
    const target = tempFolder();
    const real = fileSystem.writeSync;
    // The database's pages fail; the small keyring copy before them is written.
    vi.spyOn(fileSystem, 'writeSync').mockImplementation(((
      fd: number,
      bytes: Buffer,
      ...rest: unknown[]
    ) => {
      if (bytes.length > 4096) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      return (real as (...a: unknown[]) => number)(fd, bytes, ...rest);
    }) as typeof fileSystem.writeSync);
    const error = await fails(backend, 'backup.create', { folder: target });
    expect(error).toMatchObject({ code: 'STORAGE', message: 'diskFull' });
    expect(readdirSync(target)).toEqual([]);
    vi.restoreAllMocks();
    await ok(backend, 'backup.create', { folder: target });
    expect(readdirSync(target)).toHaveLength(1);
  });
});
