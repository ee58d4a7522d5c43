// A vault made by each released schema version opens with today's code, gets a verified backup
// before its first migration, migrates, and keeps its data; one from a newer Aruga is refused
// without a byte of it changing.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { readBackupHeader } from '../../electron/backend/vault/backup-file';
import { RELEASED_VERSIONS } from '../fixtures/make-vaults';
import { FIXTURE_VAULT } from '../fixtures/vaults';
import { backendAt, fails, inspectDatabase, ok, openRaw, signIn, tempFolder } from './support';

const FIXTURES = fileURLToPath(new URL('../fixtures/vaults/', import.meta.url));

/** A copy of the fixture: the committed files are never opened for writing. */
function copyOf(version: number): string {
  const folder = tempFolder();
  cpSync(join(FIXTURES, `v${version}`), folder, { recursive: true });
  return folder;
}

function fileHashes(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      // The vault's own files (the backend keeps its device id beside them in preferences.json).
      .filter((name) => name.startsWith('aruga.db') || name.startsWith('keyring'))
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(folder, name)))
          .digest('hex'),
      ]),
  );
}

describe('vaults made by each released schema version', () => {
  it('has a fixture for every released version before the current one', () => {
    expect(RELEASED_VERSIONS.at(-1)).toBeLessThan(SCHEMA.version);
    for (const version of RELEASED_VERSIONS)
      expect(existsSync(join(FIXTURES, `v${version}`, 'aruga.db'))).toBe(true);
  });

  for (const version of RELEASED_VERSIONS) {
    it(`opens a version ${version} vault, backs it up, migrates it and keeps its data`, async () => {
      const folder = copyOf(version);
      const backend = backendAt(folder);
      await signIn(backend, FIXTURE_VAULT.adminUsername, FIXTURE_VAULT.adminPassword);

      // The verified backup of the vault as it was, before the first migration ran.
      const backups = readdirSync(join(folder, 'backups'));
      expect(backups).toHaveLength(1);
      expect(backups[0]).toMatch(
        new RegExp(`^before-upgrade-v${version}-to-v${SCHEMA.version}-.+\\.aruga-backup$`),
      );
      expect(readBackupHeader(join(folder, 'backups', backups[0]!)).header.schemaVersion).toBe(
        version,
      );

      const db = await inspectDatabase(folder, FIXTURE_VAULT.recoveryKey);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA.version);
      const children = db.prepare('SELECT case_code, legal_name FROM children').all();
      db.close();
      expect(children).toEqual(
        version >= 2
          ? [{ case_code: FIXTURE_VAULT.caseCode, legal_name: 'Fictional Child Dalisay' }]
          : [],
      );

      const users = await ok(backend, 'users.list', {});
      expect(users.map((u) => u.username).sort()).toEqual(
        version >= 3
          ? [FIXTURE_VAULT.adminUsername, 'fixture.therapist']
          : [FIXTURE_VAULT.adminUsername],
      );
      expect((await ok(backend, 'audit.verify', {})).ok).toBe(true);
      // The vault keeps working: a write under today's schema.
      await ok(backend, 'backup.setRetention', { keepDaily: 5, keepWeekly: 2 });
      if (version >= 2) {
        const shelters = await ok(backend, 'shelters.list', {});
        expect(shelters.map((s) => s.name)).toEqual([FIXTURE_VAULT.shelterName]);
      }
    });
  }
});

describe('a vault written by a newer Aruga', () => {
  it('is refused with a clear message, and not one of its files changes', async () => {
    const folder = copyOf(RELEASED_VERSIONS.at(-1)!);
    const db = await openRaw(folder, {
      username: FIXTURE_VAULT.adminUsername,
      password: FIXTURE_VAULT.adminPassword,
    });
    db.pragma(`user_version = ${SCHEMA.version + 1}`);
    db.close();
    const before = fileHashes(folder);

    const backend = backendAt(folder);
    const error = await fails(backend, 'auth.signIn', {
      username: FIXTURE_VAULT.adminUsername,
      password: FIXTURE_VAULT.adminPassword,
    });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'vaultTooNew' });
    expect(fileHashes(folder)).toEqual(before);
    expect(existsSync(join(folder, 'backups'))).toBe(false);
  });
});
