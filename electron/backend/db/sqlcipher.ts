// Opening the SQLCipher 4 database with a raw 256-bit key.
import { Database } from '@signalapp/sqlcipher';
import { AppError } from '../../../shared/errors';

export type Db = Database;
export const DATABASE_FILE = 'aruga.db';
/**
 * Page cache, negative = KiB (64 MiB). Every page read from disk is decrypted and its MAC checked,
 * so keeping decrypted pages in memory is what keeps encrypted reads close to plain ones.
 */
const CACHE_KIB = -65536;

function keyPragma(dataKey: Buffer): string {
  return `key = "x'${dataKey.toString('hex')}'"`;
}

/**
 * Opens the database. The first read decrypts page 1, so a wrong key or a damaged header fails
 * here; every other page is MAC-checked when it is read, and the whole file by checkPages, which
 * the backend runs once per app start after the first unlock rather than at every sign-in.
 */
export function openDatabase(path: string, dataKey: Buffer): Db {
  const db = new Database(path, { cacheStatements: true });
  try {
    db.pragma(keyPragma(dataKey));
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    applyConnectionSettings(db);
    return db;
  } catch (error) {
    db.close();
    throw error instanceof AppError ? error : new AppError('CORRUPT', 'databaseDamaged');
  }
}

/**
 * A damaged database's copy, opened to read what can still be read (vault/salvage.ts): read-only,
 * and with SQLite's writable_schema, without which a file cut short is refused whole (its header
 * counts more pages than the file holds); the missing pages then fail only the reads that need them.
 */
export function openDamagedDatabase(path: string, dataKey: Buffer): Db {
  const db = new Database(path, { cacheStatements: true });
  try {
    db.pragma(keyPragma(dataKey));
    db.pragma('writable_schema = ON');
    db.pragma('query_only = ON');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** SQLCipher's HMAC check over every page: false when any page was damaged or altered. */
export function checkPages(db: Db): boolean {
  return db.pragma('cipher_integrity_check').length === 0;
}

/** An unencrypted database on the same binary: only for the encrypted/plain benchmark ratio. */
export function openPlainDatabaseForBenchmark(path: string): Db {
  const db = new Database(path, { cacheStatements: true });
  applyConnectionSettings(db);
  return db;
}

/** The same settings for the vault and the benchmark's plain twin, so the ratio compares like with like. */
function applyConnectionSettings(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  // FULL syncs the WAL at every commit: a record the user saw saved survives a brownout or a
  // crash (NORMAL may lose the last commits). It costs one flush per save, not per row.
  db.pragma('synchronous = FULL');
  db.pragma(`cache_size = ${CACHE_KIB}`);
}

/** PRAGMA rekey re-encrypts every page under the new key. */
export function rekeyDatabase(db: Db, newKey: Buffer): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
  db.pragma('wal_checkpoint(TRUNCATE)');
}

export function isDiskFullError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}
