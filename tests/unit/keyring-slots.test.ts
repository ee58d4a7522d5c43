// Key slots without a vault: what opens each one, the portable account credential, re-wrapping
// to a new data key, and the KDF upgrade at sign-in. (The vault suites cover the same paths
// through sign-in; these keep a mutation run of the keyring to seconds per mutant.)
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDataKey, type PasswordKdf } from '../../electron/backend/vault/crypto';
import {
  createCredential,
  createSlot,
  credentialSlot,
  kdfOf,
  newKeyringBody,
  openSlot,
  passwordKdfSchema,
  readKeyring,
  readKeyringFile,
  removeSlot,
  replaceSlot,
  rewrapSlot,
  slotIdFor,
  spendDecoyKdf,
  unlockSlot,
  writeKeyring,
} from '../../electron/backend/vault/keyring';
import { FAST_KDF, tempFolder } from './support/standalone';

const OLD_KDF: PasswordKdf = { alg: 'scrypt', params: { N: 2 ** 12, r: 8, p: 1 } };
const ID = 'c'.repeat(32);
const PASSWORD = 'Fictional-Pass-1';

describe('an account credential', () => {
  it('opens its slot on any keyring with its password alone, and nothing else does', async () => {
    const credential = await createCredential(PASSWORD, FAST_KDF);
    expect(credential.kdf).toMatchObject(FAST_KDF);
    const dataKey = newDataKey();
    const slot = credentialSlot(ID, credential, dataKey);
    expect(slot).toMatchObject({ id: ID, kind: 'user', portable: true });
    expect(await unlockSlot(slot, PASSWORD)).toEqual(dataKey);
    expect(await unlockSlot(slot, `${PASSWORD}x`)).toBeNull();
    // The same credential on another computer's keyring opens that computer's data key.
    const otherKey = newDataKey();
    expect(
      await unlockSlot(credentialSlot('d'.repeat(32), credential, otherKey), PASSWORD),
    ).toEqual(otherKey);
    // Written to a keyring file, the slot reads back portable.
    const path = join(tempFolder(), 'keyring.json');
    writeKeyring(path, replaceSlot(newKeyringBody(false), slot), dataKey);
    expect(readKeyringFile(path)!.body.slots[0]).toMatchObject({ id: ID, portable: true });
    // A portable private key is not sealed as a slot's own: without the flag it opens nothing.
    expect(await unlockSlot({ ...slot, portable: undefined }, PASSWORD)).toBeNull();
  });
});

describe('a slot', () => {
  it('a keyring file that is not there reads as none, not as damaged', () => {
    expect(readKeyringFile(join(tempFolder(), 'keyring.json'))).toBeNull();
  });

  it('takes the password in either Unicode form, as the username lookup does', async () => {
    const composed = 'Contraseña-Ferry-7';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const dataKey = newDataKey();
    const slot = await createSlot(ID, 'user', decomposed, dataKey, FAST_KDF);
    expect(await unlockSlot(slot, composed)).toEqual(dataKey);
    const body = newKeyringBody(false);
    expect(await slotIdFor(body, 'maría.fictional'.normalize('NFD'))).toBe(
      await slotIdFor(body, 'maría.fictional'),
    );
  });

  it('re-wrapped to a new data key opens that key with the same password', async () => {
    const slot = await createSlot(ID, 'user', PASSWORD, newDataKey(), FAST_KDF);
    const rotated = newDataKey();
    const rewrapped = rewrapSlot(slot, rotated);
    expect(rewrapped).toMatchObject({ id: ID, kdf: slot.kdf, publicKey: slot.publicKey });
    expect(await unlockSlot(rewrapped, PASSWORD)).toEqual(rotated);
  });

  it('made with another KDF is re-sealed under the new one, and opens with it', async () => {
    const dataKey = newDataKey();
    const slot = await createSlot(ID, 'user', PASSWORD, dataKey, OLD_KDF);
    expect(kdfOf(slot)).toEqual(OLD_KDF);
    const same = await openSlot(slot, PASSWORD, OLD_KDF);
    expect(same).toEqual({ dataKey, upgraded: null });
    expect(await openSlot(slot, PASSWORD)).toEqual({ dataKey, upgraded: null });
    const opened = await openSlot(slot, PASSWORD, FAST_KDF);
    expect(opened?.dataKey).toEqual(dataKey);
    const upgraded = opened!.upgraded!;
    expect(kdfOf(upgraded)).toEqual(FAST_KDF);
    expect(upgraded.kdf.salt).not.toBe(slot.kdf.salt);
    expect(upgraded).toMatchObject({ id: ID, publicKey: slot.publicKey });
    expect(await unlockSlot(upgraded, PASSWORD)).toEqual(dataKey);
    expect(await openSlot(slot, 'wrong', FAST_KDF)).toBeNull();
    // The right password with a data key wrapped to another slot opens nothing either.
    const other = await createSlot('e'.repeat(32), 'user', PASSWORD, dataKey, FAST_KDF);
    expect(await openSlot({ ...slot, wrappedDataKey: other.wrappedDataKey }, PASSWORD)).toBeNull();
  });

  it('replacing a slot keeps the others; removing one takes only it', async () => {
    const dataKey = newDataKey();
    const a = await createSlot('a'.repeat(32), 'user', PASSWORD, dataKey, FAST_KDF);
    const b = await createSlot('b'.repeat(32), 'user', PASSWORD, dataKey, FAST_KDF);
    const body = replaceSlot(replaceSlot(newKeyringBody(false), a), b);
    const a2 = rewrapSlot(a, newDataKey());
    const replaced = replaceSlot(body, a2);
    expect(replaced.slots.map((s) => s.id)).toEqual(['b'.repeat(32), 'a'.repeat(32)]);
    expect(replaced.slots[1]).toBe(a2);
    expect(removeSlot(replaced, 'b'.repeat(32)).slots).toEqual([a2]);
  });
});

describe('the keyring readers', () => {
  it('read a missing keyring as none and a written one as its body', async () => {
    const path = join(tempFolder(), 'keyring.json');
    expect(readKeyring(path)).toBeNull();
    const dataKey = newDataKey();
    const slot = await createSlot(ID, 'user', PASSWORD, dataKey, FAST_KDF);
    writeKeyring(path, replaceSlot(newKeyringBody(true), slot), dataKey);
    expect(readKeyring(path)).toEqual(readKeyringFile(path)!.body);
    expect(readKeyring(path)).toMatchObject({ demo: true, slots: [{ id: ID }] });
  });

  it('a join file names only a KDF and cost Aruga writes', () => {
    expect(passwordKdfSchema.parse(FAST_KDF)).toEqual(FAST_KDF);
    expect(passwordKdfSchema.parse(OLD_KDF)).toEqual(OLD_KDF);
    expect(
      passwordKdfSchema.safeParse({ alg: 'scrypt', params: { N: 2 ** 30, r: 8, p: 1 } }).success,
    ).toBe(false);
    expect(passwordKdfSchema.safeParse({ alg: 'pbkdf2', params: FAST_KDF.params }).success).toBe(
      false,
    );
  });

  it('the decoy runs a real derivation at the cost it is given', async () => {
    await expect(spendDecoyKdf(FAST_KDF)).resolves.toBeUndefined();
    // A cost scrypt refuses fails the decoy too: it is not skipped.
    await expect(spendDecoyKdf({ alg: 'scrypt', params: { N: 3, r: 8, p: 1 } })).rejects.toThrow();
  });
});
