// Restoring over a damaged vault with nobody signed in: the backup's own accounts authorise it
// (an administrator's password from then, or the recovery key), the damaged files are kept aside
// exactly as they were, and the restored vault's log records it.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyringPath } from '../../electron/backend/vault/keyring';
import { ADMIN, addUser, fails, newVault, ok, openRaw, signIn, tempFolder } from './support';

const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A vault with a caseworker, a backup of it, and then its database cut in half. */
async function damagedVaultWithBackup() {
  const { folder, backend, recoveryKey } = await newVault();
  const { temporaryPassword } = await addUser(backend, 'case.worker', 'caseworker');
  const { path: file } = await ok(backend, 'backup.create', { folder: tempFolder() });
  await ok(backend, 'session.lock', { reason: 'manual' });
  const database = join(folder, 'aruga.db');
  const bytes = readFileSync(database);
  writeFileSync(database, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const damagedHash = hashOf(database);
  expect(
    await fails(backend, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password }),
  ).toMatchObject({ code: 'CORRUPT' });
  return { folder, backend, recoveryKey, file, temporaryPassword, damagedHash };
}

const byPassword = (file: string, username: string, password: string) => ({
  file,
  unlockWith: 'password',
  username,
  password,
  recoveryKey: '',
});

describe('restoring over a damaged vault', () => {
  it("takes an administrator's password from the backup, keeps the damaged files aside and audits it", async () => {
    const { folder, backend, recoveryKey, file, temporaryPassword, damagedHash } =
      await damagedVaultWithBackup();

    // A caseworker's password opens the backup, but does not authorise a restore.
    expect(
      await fails(
        backend,
        'backup.restoreDamaged',
        byPassword(file, 'case.worker', temporaryPassword),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'notAdministratorInBackup' });
    expect(hashOf(join(folder, 'aruga.db'))).toBe(damagedHash);

    const { damagedCopy, summary } = await ok(
      backend,
      'backup.restoreDamaged',
      byPassword(file, ADMIN.username, ADMIN.password),
    );
    expect(summary.counts.users).toBe(2);
    expect(damagedCopy).toContain(join(folder, 'safety-copies', 'damaged-'));
    expect(hashOf(join(damagedCopy, 'aruga.db'))).toBe(damagedHash);

    await signIn(backend, ADMIN.username, ADMIN.password);
    await ok(backend, 'session.lock', { reason: 'manual' });
    const db = await openRaw(folder, { recoveryKey });
    const restored = db
      .prepare("SELECT actor_id, detail FROM audit_log WHERE action = 'vault.restored'")
      .all() as { actor_id: string | null; detail: string }[];
    db.close();
    expect(restored).toHaveLength(1);
    expect(JSON.parse(restored[0]!.detail)).toMatchObject({
      replacedDamagedVault: 'yes',
      unlockedWith: 'password',
      username: ADMIN.username,
    });
  });

  it('takes the recovery key when the keyring is what was damaged', async () => {
    const { folder, backend, recoveryKey } = await newVault();
    const { path: file } = await ok(backend, 'backup.create', { folder: tempFolder() });
    await ok(backend, 'session.lock', { reason: 'manual' });
    for (const which of ['current', 'previous'] as const)
      writeFileSync(keyringPath(folder, which), 'not a keyring');
    expect(
      await fails(backend, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password }),
    ).toMatchObject({ code: 'CORRUPT', message: 'keyringDamaged' });
    const { damagedCopy } = await ok(backend, 'backup.restoreDamaged', {
      file,
      unlockWith: 'recoveryKey',
      username: '',
      password: '',
      recoveryKey,
    });
    expect(readFileSync(join(damagedCopy, 'keyring.json'), 'utf8')).toBe('not a keyring');
    expect((await signIn(backend, ADMIN.username, ADMIN.password)).role).toBe('admin');
  });

  it('is refused while the vault has not been found damaged, and changes nothing', async () => {
    const { folder, backend } = await newVault();
    const { path: file } = await ok(backend, 'backup.create', { folder: tempFolder() });
    await ok(backend, 'session.lock', { reason: 'manual' });
    const before = hashOf(join(folder, 'aruga.db'));
    expect(
      await fails(
        backend,
        'backup.restoreDamaged',
        byPassword(file, ADMIN.username, ADMIN.password),
      ),
    ).toMatchObject({ code: 'CONFLICT', message: 'vaultNotDamaged' });
    expect(hashOf(join(folder, 'aruga.db'))).toBe(before);
    expect(readdirSync(folder)).not.toContain('safety-copies');
  });

  it('opens to a recovery-key unlock that found the database damaged', async () => {
    const { folder, backend, recoveryKey } = await newVault();
    const { path: file } = await ok(backend, 'backup.create', { folder: tempFolder() });
    await ok(backend, 'session.lock', { reason: 'manual' });
    const database = join(folder, 'aruga.db');
    const bytes = readFileSync(database);
    writeFileSync(database, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await fails(backend, 'auth.recover', { recoveryKey })).toMatchObject({
      code: 'CORRUPT',
    });
    const { damagedCopy } = await ok(backend, 'backup.restoreDamaged', {
      file,
      unlockWith: 'recoveryKey',
      username: '',
      password: '',
      recoveryKey,
    });
    expect(readFileSync(join(damagedCopy, 'aruga.db'))).toHaveLength(Math.floor(bytes.length / 2));
  });
});
