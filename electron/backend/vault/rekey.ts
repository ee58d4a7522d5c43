// Re-keying the database so that it can say how far it is. PRAGMA rekey rewrites every page in one
// blocking call that reports nothing until it ends; instead the database is copied table by table
// into a new file under the new key (counting rows as they are copied), checked as a backup is
// (both integrity checks, the same rows in every table), and renamed over the old file. Until the
// rename the folder holds the old database, after it the new one; the pending keyring written
// before the copy (vault.ts rotateDataKey) opens it, so a crash at any moment leaves a vault that
// opens with the old key or the new one.
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { DATABASE_FILE, openDatabase, type Db } from '../db/sqlcipher';
import { fsyncDir } from './atomic-file';
import { databaseSound, tableCounts } from './backup';
import type { StagedProgress } from './progress';

/** The staging folders a rotation works in, beside the vault (the same disk, so renames hold). */
const REKEY_FOLDER_PREFIX = '.rekey-';
const COPY_SCHEMA = 'rekey_copy';
/** Called once per copied row; returns NULL (the binding's functions return nothing). */
const ROW_FUNCTION = 'aruga_rekey_row';
const ROWS_PER_REPORT = 500;

/** A rotation's stages, of equal weight: rows copied, indexes and triggers made, copy checked. */
export const REKEY_STAGES = 3;

interface SchemaEntry {
  type: string;
  name: string;
  sql: string | null;
}

/**
 * The statement that makes `entry` in the copy: its own SQL aimed at the attached schema. SQLite
 * keeps the first keywords normalised ("CREATE TABLE name…"), which is what sqlcipher_export
 * relies on too. A virtual table would need its module: refused rather than copied wrongly.
 */
function createInCopy(entry: SchemaEntry): string {
  const head = /^CREATE (TABLE|UNIQUE\s+INDEX|INDEX|TRIGGER|VIEW)\s+/.exec(entry.sql ?? '');
  if (!head) throw new Error(`the re-key cannot copy ${entry.type} ${entry.name}`);
  return `CREATE ${head[1]!.replace(/\s+/, ' ')} ${COPY_SCHEMA}.${entry.sql!.slice(head[0].length)}`;
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The staging folders an interrupted rotation left beside the vault (a half-made copy). */
export function rekeyLeftovers(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.startsWith(REKEY_FOLDER_PREFIX));
}

export function removeRekeyLeftovers(folder: string): void {
  for (const name of rekeyLeftovers(folder))
    rmSync(join(folder, name), { recursive: true, force: true });
}

/** A checked copy of the database under a new key, in a staging folder beside the vault. */
export interface RekeyedCopy {
  path: string;
  /** Removes the staging folder and whatever is left in it. */
  discard(): void;
}

/**
 * Copies `db` into a new file under `newKey` inside one read transaction (a consistent snapshot),
 * then reopens the copy and checks it. Reports stage 0 in rows, stage 1 in schema objects, and
 * stage 2 once the check passed. Throws, leaving nothing behind, if any step fails.
 */
export function makeRekeyedCopy(
  folder: string,
  db: Db,
  newKey: Buffer,
  progress: StagedProgress,
): RekeyedCopy {
  const staging = mkdtempSync(join(folder, REKEY_FOLDER_PREFIX));
  const discard = () => rmSync(staging, { recursive: true, force: true });
  const path = join(staging, DATABASE_FILE);
  try {
    const { counts, version } = copyRows(db, path, newKey, progress);
    const copy = openDatabase(path, newKey);
    try {
      const sameRows = JSON.stringify(tableCounts(copy)) === JSON.stringify(counts);
      const sameVersion = Number(copy.pragma('user_version', { simple: true })) === version;
      if (!sameRows || !sameVersion || !databaseSound(copy))
        throw new AppError('CORRUPT', 'rekeyVerifyFailed');
    } finally {
      copy.close();
    }
    progress.completed(2);
    return { path, discard };
  } catch (error) {
    discard();
    throw error;
  }
}

function copyRows(
  db: Db,
  path: string,
  newKey: Buffer,
  progress: StagedProgress,
): { counts: Record<string, number>; version: number } {
  let copied = 0;
  let total = 0;
  db.createFunction(ROW_FUNCTION, () => {
    copied += 1;
    if (copied % ROWS_PER_REPORT === 0) progress.within(0, copied, total);
  });
  // Rows go in table by table, in any order, and the triggers come last: no check may refuse
  // a row whose parent is not copied yet (set outside the transaction, where it takes effect).
  const enforced = Number(db.pragma('foreign_keys', { simple: true })) === 1;
  db.pragma('foreign_keys = OFF');
  db.prepare(`ATTACH DATABASE ? AS ${COPY_SCHEMA} KEY ?`).run([
    path,
    `x'${newKey.toString('hex')}'`,
  ]);
  try {
    return db.transaction(() => {
      const counts = tableCounts(db);
      total = Object.values(counts).reduce((sum, n) => sum + n, 0);
      progress.begin(Math.max(1, total));
      const entries = db
        .prepare(
          "SELECT type, name, sql FROM main.sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid",
        )
        .all() as unknown as SchemaEntry[];
      const tables = entries.filter((e) => e.type === 'table');
      for (const table of tables) db.exec(createInCopy(table));
      for (const { name } of tables) {
        db.exec(
          `INSERT INTO ${COPY_SCHEMA}.${quoted(name)} SELECT * FROM main.${quoted(name)} WHERE ${ROW_FUNCTION}() IS NULL`,
        );
        progress.within(0, copied, total);
      }
      if (existsInMain(db, 'sqlite_sequence')) {
        db.exec(`DELETE FROM ${COPY_SCHEMA}.sqlite_sequence`);
        db.exec(`INSERT INTO ${COPY_SCHEMA}.sqlite_sequence SELECT * FROM main.sqlite_sequence`);
      }
      progress.completed(0);
      // Indexes, triggers and views (an index made by a constraint has no SQL: it came with its table).
      const rest = entries.filter((e) => e.type !== 'table' && e.sql !== null);
      rest.forEach((entry, i) => {
        db.exec(createInCopy(entry));
        progress.within(1, i + 1, rest.length);
      });
      progress.completed(1);
      const version = Number(db.pragma('user_version', { simple: true }) ?? 0);
      db.pragma(`${COPY_SCHEMA}.user_version = ${version}`);
      return { counts, version };
    })();
  } finally {
    db.exec(`DETACH DATABASE ${COPY_SCHEMA}`);
    if (enforced) db.pragma('foreign_keys = ON');
  }
}

function existsInMain(db: Db, table: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM main.sqlite_master WHERE type = ? AND name = ?')
      .get(['table', table]) !== undefined
  );
}

/** How long a checkpoint may wait for a reader (the read twin letting go) before the rotation gives up. */
const CHECKPOINT_TRIES = 40;
const CHECKPOINT_PAUSE_MS = 50;

/**
 * Folds the log into the database file, so that file alone is the whole vault; then closes the
 * connection. CONFLICT if a reader kept the log from being folded: nothing has changed then.
 */
export function checkpointAndClose(db: Db): void {
  for (let attempt = 0; ; attempt += 1) {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy === 0) break;
    if (attempt === CHECKPOINT_TRIES) throw new AppError('CONFLICT', 'conflict');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, CHECKPOINT_PAUSE_MS);
  }
  db.close();
}

/**
 * Puts the checked copy in place of the database, whose connection `checkpointAndClose` ended.
 * The emptied log and its index move aside first (a connection still open elsewhere keeps its own
 * handles on them, and the new database starts fresh ones); the rename itself is atomic.
 */
export function swapInRekeyedCopy(folder: string, copy: RekeyedCopy): void {
  const database = join(folder, DATABASE_FILE);
  const aside = join(copy.path, '..');
  try {
    for (const suffix of ['-wal', '-shm'])
      if (existsSync(database + suffix))
        renameSync(database + suffix, join(aside, `replaced${suffix}`));
    renameSync(copy.path, database);
    fsyncDir(folder);
  } finally {
    copy.discard();
  }
}
