// A keyring written by this version of Aruga (tests/unit/support/keyring-v2.json, made once with
// a fixed data key) must open with every later version: the labels, AADs, key derivations and
// MACs are a file format, and changing any of them on both sides at once would pass a round trip
// while locking every existing vault.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivePasswordKey, newDataKey, open } from '../../electron/backend/vault/crypto';
import {
  type AccountCredential,
  createCredential,
  credentialSchema,
  credentialSlot,
  kdfOf,
  openSlot,
  readKeyringFile,
  RECOVERY_SLOT_ID,
  slotIdFor,
  unlockSlot,
  verifyKeyring,
  writeKeyring,
} from '../../electron/backend/vault/keyring';
import { FAST_KDF, tempFolder } from './support/standalone';

const FIXTURE = new URL('./support/keyring-v2.json', import.meta.url).pathname;
const DATA_KEY = '5a'.repeat(16) + 'c3'.repeat(16);
const USERNAME = 'fixture.admin';
const PASSWORD = 'Fixture-Password-Lantern-7';
const RECOVERY_KEY = 'FIXTURE-RECOVERY-KEY';

// A fictional account's credential (tests/unit/support/credential-v1.json, made once): it travels
// between computers in the users row, so its AAD is a format as much as the keyring's are.
const CREDENTIAL_FIXTURE = new URL('./support/credential-v1.json', import.meta.url).pathname;
const CREDENTIAL_PASSWORD = 'Fictional-Credential-Heron-4';
const credentialAad = (publicKey: string) => `aruga/credential/v1/${publicKey}/private`;

async function openCredentialPrivateKey(credential: AccountCredential, password: string) {
  const kek = await derivePasswordKey(
    password,
    Buffer.from(credential.kdf.salt, 'base64'),
    kdfOf(credential),
  );
  return open(kek, credential.sealedPrivateKey, credentialAad(credential.publicKey));
}

function fixture() {
  const file = readKeyringFile(FIXTURE)!;
  const slot = (id: string) => file.body.slots.find((s) => s.id === id)!;
  return { file, slot };
}

describe('the keyring file format', () => {
  it('a username finds its slot by the same lookup', async () => {
    const { file } = fixture();
    expect(await slotIdFor(file.body, USERNAME)).toBe('fae9b934b91facdd495c6b0566bfbd44');
    expect(await slotIdFor(file.body, 'fixture.other')).not.toBe(
      'fae9b934b91facdd495c6b0566bfbd44',
    );
  });

  it('the password and the recovery key unwrap the same data key; a wrong secret unwraps nothing', async () => {
    const { file, slot } = fixture();
    const user = slot(await slotIdFor(file.body, USERNAME));
    expect((await unlockSlot(user, PASSWORD))?.toString('hex')).toBe(DATA_KEY);
    expect((await unlockSlot(slot(RECOVERY_SLOT_ID), RECOVERY_KEY))?.toString('hex')).toBe(
      DATA_KEY,
    );
    expect(await unlockSlot(user, `${PASSWORD}x`)).toBeNull();
    // A slot's sealed parts are bound to its id: the same parts under another id open nothing.
    expect(await unlockSlot({ ...user, id: 'b'.repeat(32) }, PASSWORD)).toBeNull();
  });

  it('the data key authenticates the whole file and every slot, and keeps its checkpoint', () => {
    const { file } = fixture();
    const verified = verifyKeyring(file, Buffer.from(DATA_KEY, 'hex'));
    expect(verified).toMatchObject({ tampered: false, plantedSlots: 0 });
    expect(verified.body.checkpoint).toEqual({
      seq: 3,
      hash: 'ab'.repeat(32),
      at: '2026-03-02T08:00:00.000Z',
    });
    const planted = { ...file, mac: '0'.repeat(64) };
    expect(verifyKeyring(planted, Buffer.from(DATA_KEY, 'hex'))).toMatchObject({
      tampered: true,
      plantedSlots: 0,
    });
  });

  it('writing the same body with the same key gives the same MACs and checksum', () => {
    const { file } = fixture();
    const path = join(tempFolder(), 'keyring.json');
    writeKeyring(path, file.body, Buffer.from(DATA_KEY, 'hex'));
    const written = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    expect(written).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  });

  it('an account credential written before opens its slot on a new keyring', async () => {
    const credential = credentialSchema.parse(JSON.parse(readFileSync(CREDENTIAL_FIXTURE, 'utf8')));
    const dataKey = newDataKey();
    const slot = credentialSlot('d'.repeat(32), credential, dataKey);
    expect(await unlockSlot(slot, CREDENTIAL_PASSWORD)).toEqual(dataKey);
    expect(await unlockSlot(slot, `${CREDENTIAL_PASSWORD}x`)).toBeNull();
  });

  it('a new credential seals its private key under the same AAD', async () => {
    const credential = await createCredential(CREDENTIAL_PASSWORD, FAST_KDF);
    expect(await openCredentialPrivateKey(credential, CREDENTIAL_PASSWORD)).not.toBeNull();
    // A re-sealed (upgraded) credential slot keeps that AAD as well.
    const slot = credentialSlot('d'.repeat(32), credential, newDataKey());
    const opened = await openSlot(slot, CREDENTIAL_PASSWORD, {
      alg: 'scrypt',
      params: { N: 2 ** 12, r: 8, p: 1 },
    });
    const { kdf, publicKey, sealedPrivateKey } = opened!.upgraded!;
    expect(
      await openCredentialPrivateKey({ kdf, publicKey, sealedPrivateKey }, CREDENTIAL_PASSWORD),
    ).not.toBeNull();
  });
});
