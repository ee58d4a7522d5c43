// A keyring written by this version of Aruga (tests/unit/support/keyring-v2.json, made once with
// a fixed data key) must open with every later version: the labels, AADs, key derivations and
// MACs are a file format, and changing any of them on both sides at once would pass a round trip
// while locking every existing vault.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  readKeyringFile,
  RECOVERY_SLOT_ID,
  slotIdFor,
  unlockSlot,
  verifyKeyring,
  writeKeyring,
} from '../../electron/backend/vault/keyring';
import { tempFolder } from './support/standalone';

const FIXTURE = new URL('./support/keyring-v2.json', import.meta.url).pathname;
const DATA_KEY = '5a'.repeat(16) + 'c3'.repeat(16);
const USERNAME = 'fixture.admin';
const PASSWORD = 'Fixture-Password-Lantern-7';
const RECOVERY_KEY = 'FIXTURE-RECOVERY-KEY';

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
});
