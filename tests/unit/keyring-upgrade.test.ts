// Slots made with scrypt, before Argon2id, still open, and each is re-sealed under the current KDF
// at its owner's next good sign-in: same key pair, same data key, a new salt and the new cost.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PasswordKdf } from '../../electron/backend/vault/crypto';
import {
  keyringPath,
  openSlot,
  readKeyring,
  readKeyringFile,
  RECOVERY_SLOT_ID,
  slotIdFor,
  unlockSlot,
  writeKeyring,
  type KeyringBody,
} from '../../electron/backend/vault/keyring';
import {
  ADMIN,
  addUser,
  backendAt,
  FAST_KDF,
  fails,
  newVault,
  ok,
  signIn,
  tempFolder,
} from './support';

const OLD_KDF: PasswordKdf = { alg: 'scrypt', params: { N: 2 ** 12, r: 8, p: 1 } };
const ARGON2ID_TEST = { alg: 'argon2id', params: { m: 256, t: 1, p: 1 } };

/** The back-off a wrong password starts (1 s, then 2 s) must pass before the next attempt. */
const waitOutBackoff = () => new Promise((resolve) => setTimeout(resolve, 2100));

async function slotOf(folder: string, username: string) {
  const body = readKeyring(keyringPath(folder))!;
  const id = await slotIdFor(body, username);
  return body.slots.find((s) => s.id === id)!;
}

describe('scrypt slots after the move to Argon2id', () => {
  it('an old keyring opens, and each slot is re-sealed under Argon2id at its owner’s next sign-in', async () => {
    // A vault made while scrypt was the KDF: every slot, the recovery one too, is scrypt.
    const { folder, backend: old } = await newVault({ kdf: OLD_KDF });
    const { temporaryPassword } = await addUser(old, 'old.therapist', 'therapist');
    await ok(old, 'session.lock', { reason: 'manual' });
    await old.close();
    const before = readKeyring(keyringPath(folder))!;
    expect(before.slots.map((s) => s.kdf.alg)).toEqual(['scrypt', 'scrypt', 'scrypt']);
    const adminBefore = await slotOf(folder, ADMIN.username);

    // The new Aruga: Argon2id for new and re-wrapped slots.
    const backend = backendAt(folder, { kdf: FAST_KDF });
    expect(
      await fails(backend, 'auth.signIn', {
        username: ADMIN.username,
        password: 'Wrong-Pass-Lantern-1',
      }),
    ).toMatchObject({ code: 'BAD_CREDENTIALS' });
    await waitOutBackoff();
    expect((await slotOf(folder, ADMIN.username)).kdf.alg).toBe('scrypt');
    await signIn(backend, ADMIN.username, ADMIN.password);

    const adminAfter = await slotOf(folder, ADMIN.username);
    expect(adminAfter.kdf).toEqual({ ...ARGON2ID_TEST, salt: expect.any(String) as unknown });
    expect(adminAfter.kdf.salt).not.toBe(adminBefore.kdf.salt);
    // The same key pair and wrapped data key: other computers' copies of the account still match.
    expect(adminAfter).toMatchObject({
      publicKey: adminBefore.publicKey,
      wrappedDataKey: adminBefore.wrappedDataKey,
      portable: true,
    });
    // Nobody else's slot changed: their passwords were not typed.
    expect((await slotOf(folder, 'old.therapist')).kdf.alg).toBe('scrypt');
    const recovery = readKeyring(keyringPath(folder))!.slots.find((s) => s.kind === 'recovery')!;
    expect(recovery.kdf.alg).toBe('scrypt');

    // The re-written keyring authenticates (a slot it did not sign would not open) and the new
    // slot opens with the password, and with nothing else.
    await ok(backend, 'session.lock', { reason: 'manual' });
    expect(
      await fails(backend, 'auth.signIn', {
        username: ADMIN.username,
        password: 'Wrong-Pass-Lantern-1',
      }),
    ).toMatchObject({ code: 'BAD_CREDENTIALS' });
    await waitOutBackoff();
    await signIn(backend, ADMIN.username, ADMIN.password);
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, 'old.therapist', temporaryPassword);
    expect((await slotOf(folder, 'old.therapist')).kdf.alg).toBe('argon2id');
    await ok(backend, 'session.lock', { reason: 'manual' });
    // Signed in as the admin again: the log records no tampered keyring.
    await signIn(backend, ADMIN.username, ADMIN.password);
    const { entries } = await ok(backend, 'audit.list', { limit: 200 });
    expect(entries.map((e) => e.action)).toContain('auth.signIn');
    expect(entries.map((e) => e.action)).not.toContain('vault.keyringTampered');
    // Eight sign-in attempts and two back-offs waited out.
  }, 180_000);
});

describe('the committed scrypt-era keyring', () => {
  const FIXTURE = new URL('./support/keyring-v2.json', import.meta.url).pathname;
  const DATA_KEY = '5a'.repeat(16) + 'c3'.repeat(16);
  const PASSWORD = 'Fixture-Password-Lantern-7';

  it('opens, re-seals under Argon2id, and the file round-trips with both kinds of slot', async () => {
    const file = readKeyringFile(FIXTURE)!;
    const user = file.body.slots.find((s) => s.kind === 'user')!;
    expect(user.kdf.alg).toBe('scrypt');
    expect(await openSlot(user, `${PASSWORD}x`, FAST_KDF)).toBeNull();
    const opened = (await openSlot(user, PASSWORD, FAST_KDF))!;
    expect(opened.dataKey.toString('hex')).toBe(DATA_KEY);
    const upgraded = opened.upgraded!;
    expect(upgraded.kdf.alg).toBe('argon2id');
    expect((await unlockSlot(upgraded, PASSWORD))?.toString('hex')).toBe(DATA_KEY);
    expect(await unlockSlot(upgraded, `${PASSWORD}x`)).toBeNull();
    // Already at the current KDF: nothing to re-seal.
    expect((await openSlot(upgraded, PASSWORD, FAST_KDF))!.upgraded).toBeNull();

    const path = `${tempFolder()}/keyring.json`;
    const body: KeyringBody = {
      ...file.body,
      slots: file.body.slots.map((s) => (s.id === user.id ? upgraded : s)),
    };
    writeKeyring(path, body, Buffer.from(DATA_KEY, 'hex'));
    const json = JSON.parse(readFileSync(path, 'utf8')) as { body: KeyringBody };
    const kinds = Object.fromEntries(json.body.slots.map((s) => [s.id, s.kdf]));
    expect(kinds[user.id]).toEqual({ ...ARGON2ID_TEST, salt: upgraded.kdf.salt });
    expect(kinds[RECOVERY_SLOT_ID]).toMatchObject({ alg: 'scrypt', params: { r: 8, p: 1 } });
    expect(readKeyringFile(path)!.body.slots).toHaveLength(file.body.slots.length);
  });
});
