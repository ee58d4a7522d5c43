// Key-slot cryptography, pinned to values an earlier release wrote and to the construction
// itself (X25519, HKDF-SHA256, AES-256-GCM) rebuilt here from Node's primitives: a slot wrapped
// by any release must open in every later one, so none of these may drift. No vault is loaded.
import {
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  scryptSync,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  deriveKey,
  derivePasswordKey,
  generateSlotKeyPair,
  newDataKey,
  open,
  seal,
  TEST_ARGON2ID,
  TEST_SCRYPT_N,
  unwrapWithPrivateKey,
  wrapToPublicKey,
  type WrappedKey,
} from '../../electron/backend/vault/crypto';

/** A slot's key pair and a data key (the bytes 0…31) wrapped to it, as written by Aruga. */
const SLOT_PUBLIC = 'MCowBQYDK2VuAyEA+eaRMWafvlJ1sEzSzXFTrtz4o1ACzjF1/2KDWvpdGAs=';
const SLOT_PRIVATE = Buffer.from(
  'MC4CAQAwBQYDK2VuBCIEIBi+59DuEk0xqRzqldRn3CiFOv19Qhr+KQMNAgExJYlX',
  'base64',
);
const WRAPPED: WrappedKey = {
  iv: '+r/zwI1VJu9nk4jv',
  ct: 'MbdiRFnLh0mBzg9GHET2nVGOfsUhGT3oOfMan5AX924=',
  tag: 'rQHuCW4tplESCxP6tkYyqw==',
  ephemeralPublicKey: 'MCowBQYDK2VuAyEA8qauSQmRLyKpUw8vrtNV+phyfJpq6OC1xoHJNn7x5k4=',
};
const WRAPPED_AAD = 'aruga/slot/fixture';
const BYTES_0_TO_31 = Buffer.from(Array.from({ length: 32 }, (_, i) => i));

/** The wrap as documented, from Node's primitives: what a slot's owner computes to unwrap. */
function unwrapByHand(
  wrapped: WrappedKey,
  privateKeyDer: Buffer,
  recipientPublic: string,
  aad: string,
) {
  const shared = diffieHellman({
    privateKey: createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' }),
    publicKey: createPublicKey({
      key: Buffer.from(wrapped.ephemeralPublicKey, 'base64'),
      format: 'der',
      type: 'spki',
    }),
  });
  const salt = Buffer.from(wrapped.ephemeralPublicKey + recipientPublic, 'utf8');
  const key = Buffer.from(hkdfSync('sha256', shared, salt, 'aruga/wrap-data-key/v1', 32));
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(wrapped.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(wrapped.ct, 'base64')), decipher.final()]);
}

describe('wrapping the data key to a key slot', () => {
  it('opens a data key an earlier release wrapped, with the slot’s private key', () => {
    expect(unwrapWithPrivateKey(WRAPPED, SLOT_PRIVATE, SLOT_PUBLIC, WRAPPED_AAD)).toEqual(
      BYTES_0_TO_31,
    );
    // The construction rebuilt by hand agrees, so the fixture is the documented format.
    expect(unwrapByHand(WRAPPED, SLOT_PRIVATE, SLOT_PUBLIC, WRAPPED_AAD)).toEqual(BYTES_0_TO_31);
  });

  it('opens nothing under another AAD, another recipient, or another key pair', () => {
    expect(unwrapWithPrivateKey(WRAPPED, SLOT_PRIVATE, SLOT_PUBLIC, 'aruga/slot/other')).toBeNull();
    // The recipient's public key is bound into the wrapping key: a slot copied under another
    // public key does not open.
    const other = generateSlotKeyPair();
    expect(unwrapWithPrivateKey(WRAPPED, SLOT_PRIVATE, other.publicKey, WRAPPED_AAD)).toBeNull();
    expect(unwrapWithPrivateKey(WRAPPED, other.privateKeyDer, SLOT_PUBLIC, WRAPPED_AAD)).toBeNull();
    const flipped = Buffer.from(WRAPPED.ct, 'base64');
    flipped[0]! ^= 1;
    expect(
      unwrapWithPrivateKey(
        { ...WRAPPED, ct: flipped.toString('base64') },
        SLOT_PRIVATE,
        SLOT_PUBLIC,
        WRAPPED_AAD,
      ),
    ).toBeNull();
  });

  it('wraps in the documented format, with a fresh ephemeral key each time', () => {
    const pair = generateSlotKeyPair();
    const dataKey = newDataKey();
    const a = wrapToPublicKey(dataKey, pair.publicKey, 'aruga/slot/a');
    const b = wrapToPublicKey(dataKey, pair.publicKey, 'aruga/slot/a');
    expect(unwrapByHand(a, pair.privateKeyDer, pair.publicKey, 'aruga/slot/a')).toEqual(dataKey);
    expect(unwrapWithPrivateKey(b, pair.privateKeyDer, pair.publicKey, 'aruga/slot/a')).toEqual(
      dataKey,
    );
    expect(a.ephemeralPublicKey).not.toBe(b.ephemeralPublicKey);
    expect(a.ct).not.toBe(b.ct);
    expect(Buffer.from(a.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(a.tag, 'base64')).toHaveLength(16);
    expect(Buffer.from(a.ct, 'base64')).toHaveLength(32);
    expect(unwrapWithPrivateKey(a, pair.privateKeyDer, pair.publicKey, 'aruga/slot/b')).toBeNull();
  });

  it('a slot key pair is X25519: the public key in SPKI, the private one in PKCS#8', () => {
    const pair = generateSlotKeyPair();
    const publicKey = createPublicKey({
      key: Buffer.from(pair.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    });
    const privateKey = createPrivateKey({ key: pair.privateKeyDer, format: 'der', type: 'pkcs8' });
    expect(publicKey.asymmetricKeyType).toBe('x25519');
    expect(privateKey.asymmetricKeyType).toBe('x25519');
    expect(createPublicKey(privateKey).export({ type: 'spki', format: 'der' })).toEqual(
      Buffer.from(pair.publicKey, 'base64'),
    );
    expect(generateSlotKeyPair().publicKey).not.toBe(pair.publicKey);
  });

  it('a data key is 32 random bytes', () => {
    const a = newDataKey();
    expect(a).toHaveLength(32);
    expect(newDataKey()).not.toEqual(a);
  });
});

describe('sealing with AES-256-GCM', () => {
  it('opens a value an earlier release sealed', () => {
    const sealed = {
      iv: 'WRVy2028QeVptMND',
      ct: 'nfeGfvWBAg6N+2zUG/kjpzEO',
      tag: 'rcZaZSXW+JRigdURAcI/5w==',
    };
    expect(open(Buffer.alloc(32, 0x11), sealed, 'aruga/fixture')?.toString()).toBe(
      'fictional data key',
    );
    expect(open(Buffer.alloc(32, 0x11), sealed, 'aruga/fixture2')).toBeNull();
  });

  it('seals in base64 with a fresh 12-byte IV and a 16-byte tag, as AES-256-GCM reads it', () => {
    const key = Buffer.alloc(32, 0x22);
    const sealed = seal(key, Buffer.from('fictional payload'), 'aruga/aad');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from('aruga/aad', 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    expect(
      Buffer.concat([
        decipher.update(Buffer.from(sealed.ct, 'base64')),
        decipher.final(),
      ]).toString(),
    ).toBe('fictional payload');
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.tag, 'base64')).toHaveLength(16);
    expect(seal(key, Buffer.from('fictional payload'), 'aruga/aad').iv).not.toBe(sealed.iv);
  });
});

describe('password key derivation', () => {
  it('scrypt gives RFC 7914’s test vector (its first 32 bytes)', async () => {
    const key = await deriveKey('password', Buffer.from('NaCl'), { N: 1024, r: 8, p: 16 });
    expect(key.toString('hex')).toBe(
      'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162',
    );
  });

  it('a slot under scrypt derives its key with scrypt at the slot’s cost', async () => {
    const salt = Buffer.alloc(16, 9);
    const params = { N: 2 ** 12, r: 8, p: 1 };
    expect(await derivePasswordKey('Fictional-Secret-1', salt, { alg: 'scrypt', params })).toEqual(
      scryptSync('Fictional-Secret-1', salt, 32, params),
    );
  });

  it('the cost of the oldest slots still derives, beyond Node’s default memory cap', async () => {
    const salt = Buffer.alloc(16, 3);
    const key = await deriveKey(Buffer.from('Fictional-Secret-1'), salt, DEFAULT_SCRYPT);
    expect(key).toEqual(
      scryptSync('Fictional-Secret-1', salt, 32, { ...DEFAULT_SCRYPT, maxmem: 256 * 1024 * 1024 }),
    );
  });

  it('the tests’ cheaper costs are the ones the keyring accepts besides the real ones', () => {
    expect(TEST_ARGON2ID).toEqual({ m: 256, t: 1, p: 1 });
    expect(TEST_SCRYPT_N).toEqual([4096, 16384]);
  });
});
