// An unknown username must cost what a wrong password costs: the same key derivations, with the
// same parameters, or the time a sign-in takes would tell which usernames exist.
import { SCHEMA } from '../../electron/backend/runtime/composition';
import type * as Crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/errors';
import { createVault, unwrapWithPassword } from '../../electron/backend/vault/vault';
import { ADMIN, FAST_KDF, tempFolder } from './support';

interface Derivation {
  N: number;
  r: number;
  p: number;
  keyLength: number;
  saltLength: number;
}
const derivations: Derivation[] = [];

// The real scrypt, watched: every derivation is recorded with its cost parameters.
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
    derivations.push({ N, r, p, keyLength, saltLength: salt.length });
    real.scrypt(secret as string, salt, keyLength, options, callback);
  };
  return { ...real, default: { ...real, scrypt }, scrypt };
});

async function derivationsOf(attempt: () => Promise<unknown>) {
  derivations.length = 0;
  const outcome = await attempt().then(
    () => 'unlocked',
    (error: unknown) => (error instanceof AppError ? error.message : String(error)),
  );
  return { outcome, derivations: [...derivations] };
}

describe('sign-in timing does not reveal usernames', () => {
  it('an unknown username runs the same derivations, with the same parameters, as a wrong password', async () => {
    const folder = tempFolder();
    const { vault } = await createVault({
      folder,
      adminUsername: ADMIN.username,
      adminPassword: ADMIN.password,
      kdf: FAST_KDF,
      schema: SCHEMA,
      context: () => ({ userId: null, deviceId: 'test' }),
      seed: () => undefined,
    });
    vault.close();

    const wrongPassword = await derivationsOf(() =>
      unwrapWithPassword(folder, ADMIN.username, 'not-the-password-1'),
    );
    const unknownUser = await derivationsOf(() =>
      unwrapWithPassword(folder, 'nobody.fictional', 'not-the-password-1'),
    );
    expect(wrongPassword.outcome).toBe('badCredentials');
    expect(unknownUser.outcome).toBe('badCredentials');
    // The username lookup, then the slot's own cost.
    expect(wrongPassword.derivations).toEqual([
      { N: 2 ** 14, r: 8, p: 1, keyLength: 32, saltLength: 16 },
      { ...FAST_KDF, keyLength: 32, saltLength: 16 },
    ]);
    expect(unknownUser.derivations).toEqual(wrongPassword.derivations);
  });
});
