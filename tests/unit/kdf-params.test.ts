// The key-derivation costs a keyring may name: only the ones Aruga writes, so an edited file
// cannot make sign-in allocate gigabytes, nor weaken a slot to a cheap cost.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KDF,
  DEFAULT_SCRYPT,
  deriveKey,
  derivePasswordKey,
  isAllowedKdf,
  isAllowedScrypt,
  LOOKUP_SCRYPT,
  open,
  sameKdf,
  seal,
} from '../../electron/backend/vault/crypto';

describe('key derivation parameters', () => {
  it('new slots use Argon2id at 19 MiB, 2 passes, 1 lane', () => {
    expect(DEFAULT_KDF).toEqual({ alg: 'argon2id', params: { m: 19456, t: 2, p: 1 } });
  });

  it('allows exactly the Argon2id costs Aruga writes', () => {
    for (const params of [
      { m: 19456, t: 2, p: 1 },
      { m: 256, t: 1, p: 1 },
    ])
      expect(isAllowedKdf({ alg: 'argon2id', params }), JSON.stringify(params)).toBe(true);
    for (const params of [
      { m: 4 * 1024 * 1024, t: 2, p: 1 },
      { m: 19456, t: 1000, p: 1 },
      { m: 19456, t: 2, p: 64 },
      { m: 8, t: 1, p: 1 },
    ])
      expect(isAllowedKdf({ alg: 'argon2id', params }), JSON.stringify(params)).toBe(false);
    expect(isAllowedKdf({ alg: 'scrypt', params: DEFAULT_SCRYPT })).toBe(true);
    expect(isAllowedKdf({ alg: 'scrypt', params: { N: 2 ** 30, r: 8, p: 1 } })).toBe(false);
  });

  it('Argon2id derives the reference answer, and 32 bytes that depend on secret, salt and cost', async () => {
    // The same input through the reference C library (libargon2's argon2id_hash_raw, version 0x13).
    const known = await derivePasswordKey('password', Buffer.from('somesalt', 'utf8'), {
      alg: 'argon2id',
      params: { m: 256, t: 1, p: 1 },
    });
    expect(known.toString('hex')).toBe(
      '024ec0c1ac65d08d95f1e46fcc33801dc5dcee045470e74765b7f7381b50ecd5',
    );
    const kdf = { alg: 'argon2id', params: { m: 256, t: 1, p: 1 } } as const;
    const key = await derivePasswordKey('Fictional-Secret-1', Buffer.alloc(16, 7), kdf);
    expect(await derivePasswordKey('Fictional-Secret-1', Buffer.alloc(16, 7), kdf)).toEqual(key);
    expect(await derivePasswordKey('Fictional-Secret-2', Buffer.alloc(16, 7), kdf)).not.toEqual(
      key,
    );
    expect(await derivePasswordKey('Fictional-Secret-1', Buffer.alloc(16, 8), kdf)).not.toEqual(
      key,
    );
    expect(
      await derivePasswordKey('Fictional-Secret-1', Buffer.alloc(16, 7), {
        alg: 'argon2id',
        params: { m: 512, t: 1, p: 1 },
      }),
    ).not.toEqual(key);
  });

  it('the scrypt cost of older slots is N=2^17, r=8, p=1; the username lookup N=2^14', () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 131072, r: 8, p: 1 });
    expect(LOOKUP_SCRYPT).toEqual({ N: 16384, r: 8, p: 1 });
  });

  it('allows exactly the costs Aruga writes, and no other N, r or p', () => {
    for (const N of [2 ** 17, 2 ** 14, 2 ** 12])
      expect(isAllowedScrypt({ N, r: 8, p: 1 }), `N=${N}`).toBe(true);
    for (const params of [
      { N: 2 ** 30, r: 8, p: 1 },
      { N: 2 ** 10, r: 8, p: 1 },
      { N: 2 ** 17, r: 1, p: 1 },
      { N: 2 ** 17, r: 16, p: 1 },
      { N: 2 ** 17, r: 8, p: 2 },
      { N: 2 ** 17, r: 8, p: 0 },
    ])
      expect(isAllowedScrypt(params), JSON.stringify(params)).toBe(false);
  });

  it('derives 32 bytes that depend on the secret, the salt and the cost', async () => {
    const salt = Buffer.alloc(16, 7);
    const cheap = { N: 2 ** 12, r: 8, p: 1 };
    const key = await deriveKey('Fictional-Secret-1', salt, cheap);
    expect(key).toHaveLength(32);
    expect(await deriveKey('Fictional-Secret-1', salt, cheap)).toEqual(key);
    expect(await deriveKey('Fictional-Secret-2', salt, cheap)).not.toEqual(key);
    expect(await deriveKey('Fictional-Secret-1', Buffer.alloc(16, 8), cheap)).not.toEqual(key);
    expect(await deriveKey('Fictional-Secret-1', salt, { ...cheap, N: 2 ** 14 })).not.toEqual(key);
  });

  it('a scrypt error is passed on, never taken for a key', async () => {
    // N must be a power of two: scrypt refuses it rather than deriving a weaker key.
    await expect(
      deriveKey('Fictional-Secret-1', Buffer.alloc(16, 7), { N: 3000, r: 8, p: 1 }),
    ).rejects.toThrow();
  });

  it('two KDFs are the same only with the same algorithm and the same cost', () => {
    const argon = { alg: 'argon2id', params: { m: 256, t: 1, p: 1 } } as const;
    expect(sameKdf(argon, { alg: 'argon2id', params: { m: 256, t: 1, p: 1 } })).toBe(true);
    expect(sameKdf(argon, { alg: 'argon2id', params: { m: 256, t: 2, p: 1 } })).toBe(false);
    // The same numbers under another algorithm are another KDF.
    const scryptLike = { alg: 'scrypt', params: { m: 256, t: 1, p: 1 } } as never;
    expect(sameKdf(argon, scryptLike)).toBe(false);
    expect(sameKdf(DEFAULT_KDF, DEFAULT_KDF)).toBe(true);
  });

  it('a sealed value opens only with its key and its AAD', () => {
    const key = Buffer.alloc(32, 1);
    const sealed = seal(key, Buffer.from('fictional payload'), 'aad/one');
    expect(open(key, sealed, 'aad/one')?.toString()).toBe('fictional payload');
    expect(open(key, sealed, 'aad/two')).toBeNull();
    expect(open(Buffer.alloc(32, 2), sealed, 'aad/one')).toBeNull();
    expect(
      open(key, { ...sealed, tag: Buffer.alloc(16).toString('base64') }, 'aad/one'),
    ).toBeNull();
  });
});
