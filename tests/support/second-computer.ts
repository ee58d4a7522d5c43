// A second computer of the organisation for end-to-end runs, until join files exist: a copy of
// the first computer's vault (the database, checkpointed, and its keyring, so every password works)
// with its own device id and the sharing identity the first computer's "add a computer" made for
// it. Nothing else of the first computer comes along: neither its device id nor its signing key.
import { cpSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Database } from '@signalapp/sqlcipher';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { DataLayer } from '../../electron/backend/db/data-layer';
import { unwrapWithRecoveryKey } from '../../electron/backend/vault/vault';
import { LOCK_FILE } from '../../electron/backend/vault/folder-lock';
import { openPreferences, PREFERENCES_NAME } from '../../electron/backend/preferences';
import { addComputer, adoptGrant, ownIdentity } from '../../electron/backend/domains/sync';
import { makeTempDir } from './temp';

/** Runs `work` on a vault's database, beside its running backend. */
export async function onVault<T>(
  dataFolder: string,
  recoveryKey: string,
  work: (db: Database) => T,
): Promise<T> {
  const key = await unwrapWithRecoveryKey(dataFolder, recoveryKey);
  const db = new Database(join(dataFolder, 'aruga.db'));
  try {
    db.pragma(`key = "x'${key.dataKeyHex}'"`);
    key.discard();
    // The running backend writes too (its automatic sync looks every few seconds): wait for its
    // transaction to end rather than fail with SQLITE_BUSY.
    db.pragma('busy_timeout = 10000');
    return work(db);
  } finally {
    db.close();
  }
}

/**
 * A new data folder for another computer: `source`'s vault as it stands (the computer must share
 * already), listed as `name`. `folder`, when given, is its sync folder instead of the source's.
 */
export async function copyAsAnotherComputer(
  source: string,
  recoveryKey: string,
  name: string,
  folder?: string,
): Promise<string> {
  const grant = await onVault(source, recoveryKey, (db) => {
    const deviceId = db
      .prepare('SELECT device_id FROM sync_identity', { pluck: true })
      .get() as string;
    const data = new DataLayer(db, SCHEMA.tables, () => ({ userId: null, deviceId }));
    const made = addComputer({ db, data }, ownIdentity(db, deviceId)!, name);
    db.pragma('wal_checkpoint(TRUNCATE)');
    return made;
  });
  const target = await makeTempDir('data-other');
  const skipped = new Set([LOCK_FILE, `${PREFERENCES_NAME}.json`]);
  cpSync(source, target, {
    recursive: true,
    filter: (path) => {
      const file = basename(path);
      return !skipped.has(file) && !file.endsWith('-wal') && !file.endsWith('-shm');
    },
  });
  await onVault(target, recoveryKey, (db) => {
    // Local tables: this computer's own signing key, and its own sync folder.
    db.prepare('DELETE FROM sync_identity').run();
    adoptGrant(db, grant);
    if (folder) db.prepare('UPDATE sync_settings SET folder = ?').run([folder]);
  });
  openPreferences(target).set('deviceId', grant.deviceId);
  return target;
}
