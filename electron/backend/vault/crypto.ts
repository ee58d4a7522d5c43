// Key-slot cryptography: a memory-hard KDF, AES-256-GCM, and X25519 so the
// administrator can re-wrap a new data key to every slot without knowing anyone's password.
import { argon2id } from 'hash-wasm';
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt,
  type KeyObject,
} from 'node:crypto';

/** scrypt's cost parameters, as stored in a key slot. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** The password KDF before Argon2id: slots made with it still open, and are re-wrapped at sign-in. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** Cheaper cost for the username → slot-id lookup, which only slows down username guessing. */
export const LOOKUP_SCRYPT: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };

/** The test suites' cheaper cost (the same r and p; never written by the app itself). */
export const TEST_SCRYPT_N = [2 ** 12, 2 ** 14];

/**
 * The only KDF parameter sets a keyring may carry: the ones Aruga writes (and the tests' cheaper
 * N). Anything else is a tampered file, refused before it can make scrypt allocate gigabytes.
 */
export function isAllowedScrypt(params: ScryptParams): boolean {
  const allowedN = [DEFAULT_SCRYPT.N, LOOKUP_SCRYPT.N, ...TEST_SCRYPT_N];
  return allowedN.includes(params.N) && params.r === 8 && params.p === 1;
}

/** Argon2id's cost parameters, as stored in a key slot: memory in KiB, passes, lanes. */
export interface Argon2idParams {
  m: number;
  t: number;
  p: number;
}

/** A password KDF and its cost: what a slot records beside its salt, so the cost can be raised. */
export type PasswordKdf =
  { alg: 'scrypt'; params: ScryptParams } | { alg: 'argon2id'; params: Argon2idParams };

/** Production Argon2id cost: OWASP's first recommended setting (19 MiB, 2 passes, 1 lane). */
export const DEFAULT_ARGON2ID: Argon2idParams = { m: 19 * 1024, t: 2, p: 1 };
/** What every new or re-wrapped slot uses. */
export const DEFAULT_KDF: PasswordKdf = { alg: 'argon2id', params: DEFAULT_ARGON2ID };
/** The test suites' cheaper Argon2id cost (never written by the app itself). */
export const TEST_ARGON2ID: Argon2idParams = { m: 256, t: 1, p: 1 };

function isAllowedArgon2id(params: Argon2idParams): boolean {
  return [DEFAULT_ARGON2ID, TEST_ARGON2ID].some(
    (allowed) => allowed.m === params.m && allowed.t === params.t && allowed.p === params.p,
  );
}

/** Only the costs Aruga writes: a tampered cost must not make sign-in allocate gigabytes. */
export function isAllowedKdf(kdf: PasswordKdf): boolean {
  return kdf.alg === 'scrypt' ? isAllowedScrypt(kdf.params) : isAllowedArgon2id(kdf.params);
}

export function sameKdf(a: PasswordKdf, b: PasswordKdf): boolean {
  return a.alg === b.alg && JSON.stringify(a.params) === JSON.stringify(b.params);
}

/** The 32-byte key a password (or recovery key, or join code) derives under `kdf`. */
export async function derivePasswordKey(
  secret: string,
  salt: Buffer,
  kdf: PasswordKdf,
): Promise<Buffer> {
  if (kdf.alg === 'scrypt') return deriveKey(secret, salt, kdf.params);
  const key = await argon2id({
    password: secret,
    salt,
    iterations: kdf.params.t,
    parallelism: kdf.params.p,
    memorySize: kdf.params.m,
    hashLength: 32,
    outputType: 'binary',
  });
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
}

export function deriveKey(
  secret: string | Buffer,
  salt: Buffer,
  params: ScryptParams,
): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * 2 + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 32, { ...params, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export interface Sealed {
  iv: string;
  ct: string;
  tag: string;
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns null when the key is wrong or the data was altered (GCM cannot tell which). */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export interface SlotKeyPair {
  publicKey: string;
  privateKeyDer: Buffer;
}

export function generateSlotKeyPair(): SlotKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKeyDer: privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

export interface WrappedKey extends Sealed {
  ephemeralPublicKey: string;
}

function wrappingKey(shared: Buffer, ephemeralPublic: string, recipientPublic: string): Buffer {
  const salt = Buffer.from(ephemeralPublic + recipientPublic, 'utf8');
  return Buffer.from(hkdfSync('sha256', shared, salt, 'aruga/wrap-data-key/v1', 32));
}

function publicKeyObject(spkiBase64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
}

/** ECIES: wrap the data key to a slot's public key. */
export function wrapToPublicKey(dataKey: Buffer, recipientPublic: string, aad: string): WrappedKey {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublicKey = ephemeral.publicKey
    .export({ type: 'spki', format: 'der' })
    .toString('base64');
  const shared = diffieHellman({
    privateKey: ephemeral.privateKey,
    publicKey: publicKeyObject(recipientPublic),
  });
  const key = wrappingKey(shared, ephemeralPublicKey, recipientPublic);
  const sealed = seal(key, dataKey, aad);
  key.fill(0);
  shared.fill(0);
  return { ...sealed, ephemeralPublicKey };
}

export function unwrapWithPrivateKey(
  wrapped: WrappedKey,
  privateKeyDer: Buffer,
  recipientPublic: string,
  aad: string,
): Buffer | null {
  const privateKey = createPrivateKey({ key: privateKeyDer, format: 'der', type: 'pkcs8' });
  const shared = diffieHellman({
    privateKey,
    publicKey: publicKeyObject(wrapped.ephemeralPublicKey),
  });
  const key = wrappingKey(shared, wrapped.ephemeralPublicKey, recipientPublic);
  const dataKey = open(key, wrapped, aad);
  key.fill(0);
  shared.fill(0);
  return dataKey;
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}
