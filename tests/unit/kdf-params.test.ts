// The key-derivation costs a keyring may name: only the ones Aruga writes, so an edited file
// cannot make sign-in allocate gigabytes, nor weaken a slot to a cheap cost.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  deriveKey,
  isAllowedScrypt,
  LOOKUP_SCRYPT,
  open,
  seal,
} from '../../electron/backend/vault/crypto';

describe('key derivation parameters', () => {
  it('the production cost is N=2^17, r=8, p=1; the username lookup N=2^14', () => {
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
