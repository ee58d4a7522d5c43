// The keyring file's two seals, each on its own: the checksum (accidental damage, checked before
// anything is derived) and the MAC under the data key (an edit by someone without the key).
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { newDataKey } from '../../electron/backend/vault/crypto';
import {
  createSlot,
  keyringPath,
  newKeyringBody,
  readKeyringFile,
  replaceSlot,
  verifyKeyring,
  writeKeyring,
  type KeyringBody,
} from '../../electron/backend/vault/keyring';
import { FAST_KDF, tempFolder } from './support/standalone';

interface RawFile {
  body: KeyringBody;
  mac: string;
  sha256: string;
}

/** A signed keyring with one user slot, written to a fresh folder (no vault needed). */
async function writtenKeyring() {
  const path = join(tempFolder(), 'keyring.json');
  const dataKey = newDataKey();
  const body = replaceSlot(
    newKeyringBody(false),
    await createSlot('a'.repeat(32), 'user', 'Fictional-Pass-1', dataKey, FAST_KDF),
  );
  writeKeyring(path, body, dataKey);
  const raw = () => JSON.parse(readFileSync(path, 'utf8')) as RawFile;
  const rewrite = (file: RawFile, fixChecksum: boolean) => {
    if (fixChecksum) file.sha256 = sha256Of(file);
    writeFileSync(path, JSON.stringify(file));
  };
  return { path, dataKey, raw, rewrite };
}

const sha256Of = (file: RawFile) =>
  createHash('sha256')
    .update(JSON.stringify([file.body, file.mac]))
    .digest('hex');

function damaged(read: () => unknown) {
  try {
    read();
  } catch (error) {
    return error instanceof AppError ? `${error.code}:${error.message}` : String(error);
  }
  return 'read without error';
}

describe('the keyring checksum', () => {
  it('a keyring as written reads back whole and authenticates', async () => {
    const k = await writtenKeyring();
    const file = readKeyringFile(k.path)!;
    expect(file.body.slots).toHaveLength(1);
    expect(verifyKeyring(file, k.dataKey)).toMatchObject({ tampered: false, plantedSlots: 0 });
  });

  it('one value changed, in valid JSON that fits the schema, is "keyring damaged"', async () => {
    const k = await writtenKeyring();
    const file = k.raw();
    file.body.demo = !file.body.demo;
    k.rewrite(file, false);
    expect(damaged(() => readKeyringFile(k.path))).toBe('CORRUPT:keyringDamaged');
  });

  it('the checksum covers the MAC too', async () => {
    const k = await writtenKeyring();
    const file = k.raw();
    file.mac = file.mac.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    k.rewrite(file, false);
    expect(damaged(() => readKeyringFile(k.path))).toBe('CORRUPT:keyringDamaged');
  });

  it('a checksum of the wrong length is "keyring damaged", not a crash', async () => {
    for (const length of [63, 65, 128]) {
      const k = await writtenKeyring();
      const file = k.raw();
      file.sha256 = sha256Of(file).padEnd(length, '0').slice(0, length);
      k.rewrite(file, false);
      expect(damaged(() => readKeyringFile(k.path))).toBe('CORRUPT:keyringDamaged');
    }
  });

  it('a body edited with a recomputed checksum reads, but fails the MAC: no checkpoint is trusted', async () => {
    const k = await writtenKeyring();
    const file = k.raw();
    file.body.checkpoint = { seq: 0, hash: '0'.repeat(64), at: '2020-01-01T00:00:00.000Z' };
    k.rewrite(file, true);
    const verified = verifyKeyring(readKeyringFile(k.path)!, k.dataKey);
    expect(verified).toMatchObject({ tampered: true, plantedSlots: 0 });
    expect(verified.body.checkpoint).toBeNull();
    // The slot itself still carries Aruga's MAC, so it is kept.
    expect(verified.body.slots).toHaveLength(1);
  });

  it('another data key cannot authenticate the keyring or any of its slots', async () => {
    const k = await writtenKeyring();
    const verified = verifyKeyring(readKeyringFile(k.path)!, newDataKey());
    expect(verified).toMatchObject({ tampered: true, plantedSlots: 1 });
    expect(verified.body.slots).toEqual([]);
  });
});

describe('what the keyring schema accepts', () => {
  it('a slot id is 32 hex digits or "recovery", nothing around them', async () => {
    for (const id of ['x' + 'a'.repeat(32), 'a'.repeat(32) + 'x', 'xrecovery', 'recoveryx']) {
      const k = await writtenKeyring();
      const file = k.raw();
      (file.body.slots[0] as { id: string }).id = id;
      k.rewrite(file, true);
      expect(
        damaged(() => readKeyringFile(k.path)),
        id,
      ).toBe('CORRUPT:keyringDamaged');
    }
  });

  it('a recorded rollback reads back as written', async () => {
    const path = join(tempFolder(), 'keyring.json');
    const rollback = { detectedAt: '2026-03-02T08:00:00.000Z', checkpointSeq: 9, databaseSeq: 4 };
    writeKeyring(path, { ...newKeyringBody(true), rollback }, newDataKey());
    expect(readKeyringFile(path)!.body).toMatchObject({ demo: true, rollback });
  });

  it('a slot is never built with a KDF cost Aruga does not write', async () => {
    await expect(
      createSlot('a'.repeat(32), 'user', 'Fictional-Pass-1', newDataKey(), {
        alg: 'scrypt',
        params: { N: 2 ** 10, r: 8, p: 1 },
      }),
    ).rejects.toThrow('unsupported KDF parameters');
    await expect(
      createSlot('a'.repeat(32), 'user', 'Fictional-Pass-1', newDataKey(), {
        alg: 'argon2id',
        params: { m: 8, t: 1, p: 1 },
      }),
    ).rejects.toThrow('unsupported KDF parameters');
  });

  it('the current, pending and previous keyrings have their own files', () => {
    expect(['current', 'pending', 'previous'].map((w) => keyringPath('/data', w as never))).toEqual(
      [
        join('/data', 'keyring.json'),
        join('/data', 'keyring.next.json'),
        join('/data', 'keyring.previous.json'),
      ],
    );
    expect(keyringPath('/data')).toBe(join('/data', 'keyring.json'));
  });
});
