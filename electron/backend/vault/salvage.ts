// Salvage of a damaged database (docs/architecture.md, "Crash and damage"): one damaged page
// makes SQLCipher refuse every read that touches it, yet nearly every row is still readable with
// the key. This copies, table by table, every row that reads back into a new database under the
// same key, and counts the rows that could not be read. The damaged file is only ever read, and
// only as a copy in the staging folder.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LostRows, SalvageCounts } from '../../../shared/backup/contract';
import { AppError } from '../../../shared/errors';
import {
  DATABASE_FILE,
  isCorruptionError,
  openDamagedDatabase,
  openDatabase,
  type Db,
} from '../db/sqlcipher';
import { storageError } from './atomic-file';
import { KEYRING_FILE, writeKeyring, type KeyringBody } from './keyring';
import type { StagedProgress } from './progress';

interface SchemaRow {
  type: 'table' | 'index' | 'trigger' | 'view';
  name: string;
  sql: string;
}

type Row = Record<string, unknown>;

/** What one table gave: the rows read, and how many could not be (null: unknown). */
interface TableSalvage {
  rows: Row[];
  lost: number | null;
}

const ROWID = '__salvage_rowid';
/** What one table weighs in the salvage's progress. */
export const TABLE_UNITS = 1000;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The damaged database, read so that a damaged page costs only the rows on it: once SQLCipher
 * refuses a page, it refuses every later read on that connection too, so a refusal answers null
 * and opens a fresh connection for the next read.
 */
class DamagedReader {
  private db: Db;

  constructor(
    private readonly path: string,
    private readonly dataKey: Buffer,
  ) {
    this.db = openDamagedDatabase(path, dataKey);
  }

  read<T>(read: (db: Db) => T): T | null {
    try {
      return read(this.db);
    } catch (error) {
      if (!isCorruptionError(error)) throw error;
      this.db.close();
      this.db = openDamagedDatabase(this.path, this.dataKey);
      return null;
    }
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Every row of `table` that reads back. First the whole table at once; if a page of it is
 * damaged, the row ids come from any intact index over all its rows, and each row is looked up by
 * its id, so only the rows on damaged pages are lost and their number is known exactly. Without
 * an intact index (or a table without row ids) the lost count is unknown.
 */
function salvageTable(
  reader: DamagedReader,
  table: { name: string; columns: string[]; indexes: string[]; withoutRowid: boolean },
  /** Rows looked up one by one so far, of how many. */
  onRow: (done: number, total: number) => void,
): TableSalvage {
  const name = quote(table.name);
  const list = table.columns.map(quote).join(', ');
  const select = table.withoutRowid ? `SELECT ${list}` : `SELECT rowid AS ${ROWID}, ${list}`;
  const whole = reader.read((db) => db.prepare(`${select} FROM ${name}`).all() as Row[]);
  if (whole) return { rows: whole, lost: 0 };
  if (table.withoutRowid) return { rows: [], lost: null };

  let rowids: number[] | null = null;
  for (const index of table.indexes) {
    rowids = reader.read(
      (db) =>
        db
          .prepare(`SELECT rowid FROM ${name} INDEXED BY ${quote(index)}`, { pluck: true })
          .all() as number[],
    );
    if (rowids) break;
  }
  if (!rowids) return { rows: [], lost: null };
  const rows: Row[] = [];
  let lost = 0;
  for (const rowid of rowids) {
    const row = reader.read(
      (db) => db.prepare(`${select} FROM ${name} WHERE rowid = ?`).get([rowid]) as Row | undefined,
    );
    if (row) rows.push(row);
    else lost += 1;
    onRow(rows.length + lost, rowids.length);
  }
  return { rows, lost };
}

function insertRows(db: Db, table: string, rows: readonly Row[]): void {
  const first = rows[0];
  if (!first) return;
  const names = Object.keys(first);
  const columns = names.map((name) => (name === ROWID ? 'rowid' : quote(name))).join(', ');
  const insert = db.prepare(
    `INSERT INTO ${quote(table)} (${columns}) VALUES (${names.map(() => '?').join(', ')})`,
  );
  for (const row of rows) insert.run(names.map((name) => row[name]) as never);
}

/**
 * Copies every readable row of the database at `source` into a new database at `target`, under
 * the same key: tables first (foreign keys aside: a parent row may be among the lost), then the
 * rows, then indexes, triggers and views, and the schema version. CORRUPT "salvageImpossible"
 * when not even the list of tables can be read.
 */
export function salvageDatabase(
  source: string,
  target: string,
  dataKey: Buffer,
  /** One stage per table (a damaged one's rows one by one), put before the caller's own. */
  progress: StagedProgress,
): SalvageCounts {
  let reader: DamagedReader;
  try {
    reader = new DamagedReader(source, dataKey);
  } catch {
    throw new AppError('CORRUPT', 'salvageImpossible');
  }
  try {
    const schema = reader.read(
      (db) =>
        db
          .prepare(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
          )
          .all() as unknown as SchemaRow[],
    );
    const version = reader.read((db) => Number(db.pragma('user_version', { simple: true }) ?? 0));
    if (!schema || version === null) throw new AppError('CORRUPT', 'salvageImpossible');
    // Names only (the schema is read already): these reads cannot meet a damaged page.
    const tables = schema
      .filter((entry) => entry.type === 'table')
      .map((entry) => ({
        ...entry,
        withoutRowid: /\bWITHOUT\s+ROWID\b/i.test(entry.sql),
        columns: reader.read(
          (db) =>
            db
              .prepare('SELECT name FROM pragma_table_info(?)', { pluck: true })
              .all([entry.name]) as string[],
        )!,
        indexes: reader.read(
          (db) =>
            db
              .prepare('SELECT name FROM pragma_index_list(?) WHERE partial = 0', { pluck: true })
              .all([entry.name]) as string[],
        )!,
      }));
    const to = openDatabase(target, dataKey);
    try {
      to.pragma('foreign_keys = OFF');
      // Counted in thousandths of a table, so a damaged one read row by row moves the bar too.
      progress.begin(TABLE_UNITS, tables.length);
      return to.transaction(() => {
        const lost: LostRows[] = [];
        let rowsCopied = 0;
        for (const table of tables) to.exec(table.sql);
        for (const [index, table] of tables.entries()) {
          const salvaged = salvageTable(reader, table, (done, total) =>
            progress.within(index, done, total),
          );
          insertRows(to, table.name, salvaged.rows);
          rowsCopied += salvaged.rows.length;
          if (salvaged.lost !== 0) lost.push({ table: table.name, rows: salvaged.lost });
          progress.completed(index);
        }
        for (const entry of schema) if (entry.type !== 'table') to.exec(entry.sql);
        to.pragma(`user_version = ${version}`);
        return { tables: tables.length, rowsCopied, lost };
      })();
    } finally {
      to.close();
    }
  } finally {
    reader.close();
  }
}

/** A salvaged vault in a staging folder beside the damaged one, not yet in place. */
export interface StagedSalvage {
  folder: string;
  dataKeyHex: string;
  counts: SalvageCounts;
  discard(): void;
}

/**
 * Salvages the vault in `dataFolder` into a staging folder (`.salvage-*`, the same disk, so the
 * files can be renamed into place), with the keyring's slots as they are: the same passwords and
 * recovery key open it. The damaged database and its log are copied first and only the copies are
 * opened, so not even SQLite's own recovery of the log touches the originals.
 */
export function stageSalvage(
  dataFolder: string,
  dataKeyHex: string,
  keyring: KeyringBody,
  progress: StagedProgress,
): StagedSalvage {
  const folder = mkdtempSync(join(dataFolder, '.salvage-'));
  const discard = () => rmSync(folder, { recursive: true, force: true });
  const dataKey = Buffer.from(dataKeyHex, 'hex');
  try {
    const damaged = join(folder, 'damaged.db');
    copyFileSync(join(dataFolder, DATABASE_FILE), damaged);
    const wal = join(dataFolder, `${DATABASE_FILE}-wal`);
    if (existsSync(wal)) copyFileSync(wal, `${damaged}-wal`);
    const counts = salvageDatabase(damaged, join(folder, DATABASE_FILE), dataKey, progress);
    for (const suffix of ['', '-wal', '-shm']) rmSync(damaged + suffix, { force: true });
    writeKeyring(join(folder, KEYRING_FILE), keyring, dataKey);
    return { folder, dataKeyHex, counts, discard };
  } catch (error) {
    discard();
    throw error instanceof AppError ? error : storageError(error);
  } finally {
    dataKey.fill(0);
  }
}
