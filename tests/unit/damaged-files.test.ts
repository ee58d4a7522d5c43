// A damaged vault file gets a clear, typed answer at sign-in and is never written to, so an
// expert can still rescue it: the database and the keyring truncated, emptied, or replaced by
// another file, and a write-ahead log damaged in the middle. (Flipped bytes in the database:
// tests/unit/vault.test.ts and vault-hardening.test.ts.)
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { keyringPath } from '../../electron/backend/vault/keyring';
import { ADMIN, addUser, fails, newVault, ok, openRaw, signIn, tempFolder } from './support';

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
  const { folder, backend, recoveryKey } = await newVault();
  await addUser(backend, 'damage.test', 'caseworker');
  await ok(backend, 'session.lock', { reason: 'manual' });
  return { folder, backend, recoveryKey };
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

/** SQLCipher's default page size, so the log's frames are 24 + 4096 bytes after a 32-byte header. */
const FRAME = 24 + 4096;
const PROBES = 5;

/**
 * The vault as a crash leaves it: five committed transactions still in its -wal, not yet copied
 * into the database (the files are taken while the connection is open, as a power cut would).
 */
async function vaultWithLog() {
  const { folder, backend, recoveryKey } = await lockedVault();
  const db = await openRaw(folder, { recoveryKey });
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE wal_probe (n INTEGER)');
  for (let n = 1; n <= PROBES; n++) db.prepare('INSERT INTO wal_probe VALUES (?)').run([n]);
  const aside = tempFolder();
  for (const name of ['aruga.db', 'aruga.db-wal'])
    copyFileSync(join(folder, name), join(aside, name));
  db.close();
  for (const name of ['aruga.db', 'aruga.db-wal'])
    copyFileSync(join(aside, name), join(folder, name));
  return { folder, backend, recoveryKey, wal: join(folder, 'aruga.db-wal') };
}

function flipByte(path: string, index: number): void {
  const bytes = readFileSync(path);
  bytes[index] = bytes[index]! ^ 0x40;
  writeFileSync(path, bytes);
}

describe('a damaged write-ahead log', () => {
  const cases: [string, (wal: string) => void][] = [
    ['its header', (wal) => flipByte(wal, 20)],
    ['the first transaction, with later ones after it', (wal) => flipByte(wal, 32 + 24 + 200)],
  ];
  for (const [what, damage] of cases) {
    it(`${what} damaged: "database damaged", and no file is changed`, async () => {
      const { folder, backend, wal } = await vaultWithLog();
      damage(wal);
      const before = snapshot(folder);
      const error = await fails(backend, 'auth.signIn', {
        username: ADMIN.username,
        password: ADMIN.password,
      });
      expect(error).toMatchObject({ code: 'CORRUPT', message: 'databaseDamaged' });
      expect(snapshot(folder)).toEqual(before);
    });
  }

  it('torn at its end, as a crash leaves it, opens with every transaction before the torn one', async () => {
    const { folder, backend, recoveryKey, wal } = await vaultWithLog();
    const bytes = readFileSync(wal);
    writeFileSync(wal, bytes.subarray(0, bytes.length - FRAME / 2));
    await signIn(backend, ADMIN.username, ADMIN.password);
    await ok(backend, 'session.lock', { reason: 'manual' });
    const db = await openRaw(folder, { recoveryKey });
    const count = db.prepare('SELECT count(*) FROM wal_probe', { pluck: true }).get();
    db.close();
    expect(count).toBe(PROBES - 1);
  });
});
