// A damaged vault file gets a clear, typed answer at sign-in and is never written to, so an
// expert can still rescue it: the database and the keyring truncated, emptied, or replaced by
// another file. (Flipped bytes: tests/unit/vault.test.ts and vault-hardening.test.ts.)
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { keyringPath } from '../../electron/backend/vault/keyring';
import { ADMIN, addUser, fails, newVault, ok } from './support';

/** Every vault file's SHA-256 (the back-off and preferences files change at any attempt). */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.startsWith('aruga.db') || name.startsWith('keyring'))
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(folder, name)))
          .digest('hex'),
      ]),
  );
}

type Damage = (path: string) => void;
const truncate: Damage = (path) => {
  const bytes = readFileSync(path);
  writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
};
const empty: Damage = (path) => writeFileSync(path, Buffer.alloc(0));
const noise: Damage = (path) => writeFileSync(path, randomBytes(readFileSync(path).length));
/** A plain, unencrypted SQLite database where ours should be. */
const otherDatabase: Damage = (path) => {
  writeFileSync(path, Buffer.alloc(0));
  const db = new Database(path);
  db.exec('CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES (1)');
  db.close();
};

async function lockedVault() {
  const { folder, backend } = await newVault();
  await addUser(backend, 'damage.test', 'caseworker');
  await ok(backend, 'session.lock', { reason: 'manual' });
  return { folder, backend };
}

describe('a damaged database', () => {
  const cases: [string, Damage][] = [
    ['truncated', truncate],
    ['emptied', empty],
    ['replaced by random bytes', noise],
    ['replaced by another SQLite file', otherDatabase],
  ];
  for (const [what, damage] of cases) {
    it(`${what}: "database damaged", and no file is changed`, async () => {
      const { folder, backend } = await lockedVault();
      damage(join(folder, 'aruga.db'));
      const before = snapshot(folder);
      const error = await fails(backend, 'auth.signIn', {
        username: ADMIN.username,
        password: ADMIN.password,
      });
      expect(error).toMatchObject({ code: 'CORRUPT', message: 'databaseDamaged' });
      expect(snapshot(folder)).toEqual(before);
    });
  }
});

describe('a damaged keyring (and its previous copy)', () => {
  const cases: [string, Damage][] = [
    ['truncated', truncate],
    ['emptied', empty],
    ['replaced by random bytes', noise],
  ];
  for (const [what, damage] of cases) {
    it(`${what}: "keyring damaged", and no file is changed`, async () => {
      const { folder, backend } = await lockedVault();
      damage(keyringPath(folder));
      damage(keyringPath(folder, 'previous'));
      const before = snapshot(folder);
      const error = await fails(backend, 'auth.signIn', {
        username: ADMIN.username,
        password: ADMIN.password,
      });
      expect(error).toMatchObject({ code: 'CORRUPT', message: 'keyringDamaged' });
      expect(snapshot(folder)).toEqual(before);
    });
  }
});
