// An unknown username must cost what a wrong password costs: the same key derivations, with the
// same parameters, or the time a sign-in takes would tell which usernames exist.
import { SCHEMA } from '../../electron/backend/runtime/composition';
import type * as Crypto from 'node:crypto';
import type * as HashWasm from 'hash-wasm';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors';
import { createVault, unwrapWithPassword } from '../../electron/backend/vault/vault';
import type { PasswordKdf } from '../../electron/backend/vault/crypto';
import { ADMIN, FAST_KDF, tempFolder } from './support';

type Derivation =
  | { alg: 'scrypt'; N: number; r: number; p: number; keyLength: number; saltLength: number }
  | { alg: 'argon2id'; m: number; t: number; p: number; keyLength: number; saltLength: number };
const derivations: Derivation[] = [];

// The real scrypt and Argon2id, watched: every derivation is recorded with its cost parameters.
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof Crypto>();
  const scrypt = (
    secret: unknown,
    salt: Buffer,
    keyLength: number,
    options: { N: number; r: number; p: number },
    callback: (err: Error | null, key: Buffer) => void,
  ) => {
    const { N, r, p } = options;
    derivations.push({ alg: 'scrypt', N, r, p, keyLength, saltLength: salt.length });
    real.scrypt(secret as string, salt, keyLength, options, callback);
  };
  return { ...real, default: { ...real, scrypt }, scrypt };
});
vi.mock('hash-wasm', async (importOriginal) => {
  const real = await importOriginal<typeof HashWasm>();
  const argon2id = (options: Parameters<typeof real.argon2id>[0]) => {
    derivations.push({
      alg: 'argon2id',
      m: options.memorySize,
      t: options.iterations,
      p: options.parallelism,
      keyLength: options.hashLength,
      saltLength: (options.salt as Buffer).length,
    });
    return real.argon2id(options);
  };
  return { ...real, argon2id };
});

async function derivationsOf(attempt: () => Promise<unknown>) {
  derivations.length = 0;
  const outcome = await attempt().then(
    () => 'unlocked',
    (error: unknown) => (error instanceof AppError ? error.message : String(error)),
  );
  return { outcome, derivations: [...derivations] };
}

const LOOKUP = { alg: 'scrypt', N: 2 ** 14, r: 8, p: 1, keyLength: 32, saltLength: 16 };

async function vaultWith(kdf: PasswordKdf): Promise<string> {
  const folder = tempFolder();
  const { vault } = await createVault({
    folder,
    adminUsername: ADMIN.username,
    adminPassword: ADMIN.password,
    kdf,
    schema: SCHEMA,
    context: () => ({ userId: null, deviceId: 'test' }),
    seed: () => undefined,
  });
  vault.close();
  return folder;
}

describe('sign-in timing does not reveal usernames', () => {
  it('an unknown username runs the same derivations, with the same parameters, as a wrong password', async () => {
    const folder = await vaultWith(FAST_KDF);
    for (const kdf of [FAST_KDF, undefined]) {
      const wrongPassword = await derivationsOf(() =>
        unwrapWithPassword(folder, ADMIN.username, 'not-the-password-1', kdf),
      );
      const unknownUser = await derivationsOf(() =>
        unwrapWithPassword(folder, 'nobody.fictional', 'not-the-password-1', kdf),
      );
      expect(wrongPassword.outcome).toBe('badCredentials');
      expect(unknownUser.outcome).toBe('badCredentials');
      // The username lookup, then the slot's own Argon2id.
      expect(wrongPassword.derivations).toEqual([
        LOOKUP,
        { alg: 'argon2id', m: 256, t: 1, p: 1, keyLength: 32, saltLength: 16 },
      ]);
      expect(unknownUser.derivations).toEqual(wrongPassword.derivations);
    }
  });

  it('at sign-in the decoy spends the KDF every slot is brought to, whatever the old slots use', async () => {
    const folder = await vaultWith({ alg: 'scrypt', params: { N: 2 ** 12, r: 8, p: 1 } });
    const unknownUser = await derivationsOf(() =>
      unwrapWithPassword(folder, 'nobody.fictional', 'not-the-password-1', FAST_KDF),
    );
    expect(unknownUser.derivations).toEqual([
      LOOKUP,
      { alg: 'argon2id', m: 256, t: 1, p: 1, keyLength: 32, saltLength: 16 },
    ]);
    // The account's own good sign-in brings its slot to that KDF (re-sealed once, then opened so).
    (await unwrapWithPassword(folder, ADMIN.username, ADMIN.password, FAST_KDF))
      .open(SCHEMA, () => ({ userId: null, deviceId: 'test' }))
      .close();
    const wrongPassword = await derivationsOf(() =>
      unwrapWithPassword(folder, ADMIN.username, 'not-the-password-1', FAST_KDF),
    );
    expect(wrongPassword.derivations).toEqual(unknownUser.derivations);
  });
});
