// Verified backups and restore (docs/architecture.md, "Backups and restore").
//
// A backup is an encrypted copy of the database made by sqlcipher_export under the same data
// key, plus the signed keyring of that moment, in one file (backup-file.ts). It is written under
// a temporary name, fsynced, read back and checked (both integrity checks, the same row count in
// every table) and only then renamed, so a file with the final name is always a good backup.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BackupSummary } from '../../../shared/backup/contract';
import { AppError } from '../../../shared/errors';
import { version as APP_VERSION } from '../../../package.json';
import { AuditLog, type AuditDetail } from '../audit-log';
import { DATABASE_FILE, openDatabase, type Db } from '../db/sqlcipher';
import { fsyncDir, storageError } from './atomic-file';
import { extractDatabase, readBackupHeader, writeBackupFile } from './backup-file';
import { lockFolder } from './folder-lock';
import { StagedProgress, type ProgressSink } from './progress';
import {
  KEYRING_FILE,
  keyringPath,
  PENDING_KEYRING_FILE,
  PREVIOUS_KEYRING_FILE,
  readKeyring,
  writeKeyring,
  type AuditCheckpoint,
  type KeyringBody,
} from './keyring';

export { BACKUP_EXTENSION } from './backup-file';

/** What a backup is made from: an open database, its key and its keyring. */
export interface BackupSource {
  folder: string;
  db: Db;
  dataKey: Buffer;
  keyring: KeyringBody;
}

export interface BackupResult {
  path: string;
  createdAt: string;
  bytes: number;
  counts: Record<string, number>;
}

/** Every table's row count: what a verified copy must match. */
export function tableCounts(db: Db, schema = 'main'): Record<string, number> {
  const tables = db
    .prepare(
      `SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      { pluck: true },
    )
    .all() as string[];
  return Object.fromEntries(
    tables.map((name) => [
      name,
      Number(db.prepare(`SELECT count(*) FROM ${schema}."${name}"`, { pluck: true }).get() ?? 0),
    ]),
  );
}

/** Both checks: SQLite's structure check and SQLCipher's MAC over every page. */
export function databaseSound(db: Db): boolean {
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  return (
    integrity.length === 1 &&
    integrity[0]!.integrity_check === 'ok' &&
    db.pragma('cipher_integrity_check').length === 0
  );
}

export function schemaVersionOf(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }) ?? 0);
}

/** A private folder beside the vault for the work in progress; the same disk, so renames hold. */
export function stagingFolder(dataFolder: string, kind: 'backup' | 'restore' | 'join'): string {
  return mkdtempSync(join(dataFolder, `.${kind}-`));
}

/**
 * Writes a verified backup of `source` to `target` (which must not exist yet). STORAGE when the
 * disk refuses (nothing is left behind), CORRUPT "backupVerifyFailed" when the written copy did
 * not check out (then nothing is left either).
 *
 * Progress is four stages of the copy's size in bytes: the export (sqlcipher_export says nothing
 * while it runs, so it counts once done), the file written chunk by chunk, the file read back
 * chunk by chunk, and the checks of the copy read back.
 */
export function createBackup(
  source: BackupSource,
  target: string,
  onProgress?: ProgressSink,
): BackupResult {
  const progress = new StagedProgress(onProgress, 4);
  if (existsSync(target)) throw new AppError('CONFLICT', 'backupExists');
  const staging = stagingFolder(source.folder, 'backup');
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const createdAt = new Date().toISOString();
  try {
    const copy = join(staging, DATABASE_FILE);
    const { counts, checkpoint } = exportDatabase(source.db, source.dataKey, copy);
    progress.begin(statSync(copy).size);
    progress.completed(0);
    const keyringCopy = join(staging, KEYRING_FILE);
    writeKeyring(keyringCopy, { ...source.keyring, checkpoint }, source.dataKey);
    writeBackupFile(
      temp,
      {
        createdAt,
        appVersion: APP_VERSION,
        schemaVersion: schemaVersionOf(source.db),
        keyring: readFileSync(keyringCopy, 'utf8'),
      },
      copy,
      progress.bytesOf(1),
    );
    verifyBackupFile(temp, source.dataKey, counts, join(staging, 'verify.db'), progress);
    renameSync(temp, target);
    fsyncDir(dirname(target));
    progress.finish();
    const { header, databaseOffset } = readBackupHeader(target);
    return { path: target, createdAt, bytes: databaseOffset + header.databaseBytes, counts };
  } catch (error) {
    rmSync(temp, { force: true });
    throw error instanceof AppError ? error : storageError(error);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * A backup made on a connection of its own, beside the vault's (the automatic backup's thread):
 * WAL lets the vault's connection keep writing while this one reads its snapshot.
 */
export function createBackupOnOwnConnection(
  source: Omit<BackupSource, 'db'>,
  target: string,
): BackupResult {
  const db = openDatabase(join(source.folder, DATABASE_FILE), source.dataKey);
  try {
    return createBackup({ ...source, db }, target);
  } finally {
    db.close();
  }
}

/**
 * A consistent encrypted copy under `dataKey` (the vault's own for a backup, a new one for a join
 * file): counted and exported inside one read transaction, with the audit head of that same
 * snapshot for the copied keyring.
 */
export function exportDatabase(
  db: Db,
  dataKey: Buffer,
  copy: string,
): { counts: Record<string, number>; checkpoint: AuditCheckpoint } {
  db.prepare('ATTACH DATABASE ? AS backup_copy KEY ?').run([copy, `x'${dataKey.toString('hex')}'`]);
  try {
    return db.transaction(() => {
      const counts = tableCounts(db);
      const checkpoint = new AuditLog(db).checkpoint();
      db.prepare("SELECT sqlcipher_export('backup_copy')").get();
      db.pragma(`backup_copy.user_version = ${schemaVersionOf(db)}`);
      return { counts, checkpoint };
    })();
  } finally {
    db.exec('DETACH DATABASE backup_copy');
  }
}

/** Reads the written file back as a restore would and checks it against the source's counts. */
function verifyBackupFile(
  path: string,
  dataKey: Buffer,
  counts: Record<string, number>,
  scratch: string,
  progress: StagedProgress,
): void {
  extractDatabase(path, scratch, progress.bytesOf(2));
  const db = openDatabase(scratch, dataKey);
  try {
    const same = JSON.stringify(tableCounts(db)) === JSON.stringify(counts);
    if (!same || !databaseSound(db)) throw new AppError('CORRUPT', 'backupVerifyFailed');
  } finally {
    db.close();
  }
}

// ---- restore -----------------------------------------------------------------------------

export type BackupUnlock = (stagingFolder: string) => Promise<{ dataKeyHex: string }>;

/** A backup unpacked and unlocked in a staging folder beside the vault, not yet in place. */
export interface StagedBackup {
  summary: BackupSummary;
  folder: string;
  dataKeyHex: string;
  discard(): void;
}

const SUMMARY_TABLES = ['users', 'children', 'shelters', 'placements'] as const;

/**
 * Unpacks `backupPath` next to the vault and unlocks it with `unlock` (a password valid when it
 * was made, or the recovery key). Refuses a backup made by a newer Aruga, a damaged one, and
 * wrong credentials; the current vault is not touched.
 */
export async function stageBackup(
  dataFolder: string,
  backupPath: string,
  unlock: BackupUnlock,
  /** This Aruga's schema version: a backup from a newer one is refused before any KDF. */
  schemaVersion: number,
  /**
   * Stages of the backup's database size: its first two are the database copied out (bytes) and
   * then checked; a restore's third is putting it in place (putStagedVaultInPlace).
   */
  progress: StagedProgress = new StagedProgress(undefined, 2),
): Promise<StagedBackup> {
  const { header } = readBackupHeader(backupPath);
  if (header.schemaVersion > schemaVersion) throw new AppError('CONFLICT', 'backupTooNew');
  const folder = stagingFolder(dataFolder, 'restore');
  const discard = () => rmSync(folder, { recursive: true, force: true });
  try {
    progress.begin(header.databaseBytes);
    extractDatabase(backupPath, join(folder, DATABASE_FILE), progress.bytesOf(0));
    writeFileSync(join(folder, KEYRING_FILE), header.keyring, { mode: 0o600 });
    const { dataKeyHex } = await unlock(folder);
    const db = openDatabase(join(folder, DATABASE_FILE), Buffer.from(dataKeyHex, 'hex'));
    try {
      if (!databaseSound(db)) throw new AppError('CORRUPT', 'backupUnreadable');
      const all = tableCounts(db);
      progress.completed(1);
      const counts = Object.fromEntries(SUMMARY_TABLES.map((t) => [t, all[t] ?? 0]));
      return {
        summary: {
          createdAt: header.createdAt,
          appVersion: header.appVersion,
          schemaVersion: header.schemaVersion,
          counts: counts as BackupSummary['counts'],
        },
        folder,
        dataKeyHex,
        discard,
      };
    } finally {
      db.close();
    }
  } catch (error) {
    discard();
    throw error instanceof AppError ? error : storageError(error);
  }
}

/** The files that make a vault; everything else in the data folder stays (device id, backups). */
export const VAULT_FILES = [
  DATABASE_FILE,
  `${DATABASE_FILE}-wal`,
  `${DATABASE_FILE}-shm`,
  KEYRING_FILE,
  PREVIOUS_KEYRING_FILE,
  PENDING_KEYRING_FILE,
];

export const SAFETY_COPIES_FOLDER = 'safety-copies';

/**
 * Puts a staged backup in place of the vault, which must be closed. The staged copy is first
 * opened as a vault (migrated to this Aruga's schema, the restore recorded in its audit log);
 * then the current vault's files move to safety-copies/before-restore-<time>/ and the staged
 * files take their place, under the folder lock. Any failure puts every file back: the current
 * vault is untouched. Returns the safety copy's folder.
 */
export function putBackupInPlace(
  dataFolder: string,
  staged: StagedBackup,
  openStaged: OpenStaged,
  how: RestoreKind = { aside: 'before-restore' },
): string {
  return putStagedVaultInPlace(dataFolder, staged, openStaged, how.aside, {
    action: 'vault.restored',
    detail: { backupCreatedAt: staged.summary.createdAt, ...how.detail },
  });
}

/** Opens a staged vault (OpenVault.open in its staging folder). */
export type OpenStaged = (folder: string, dataKey: Buffer, keyring: KeyringBody) => StagedVault;

/**
 * Puts a staged vault (a backup's or a salvage's) in place of the closed vault: opened there first
 * (migrated, `entry` appended to its log, the keyring's checkpoint moved to it), then the current
 * files move to safety-copies/<aside>-<time>/ and the staged ones take their place, under the
 * folder lock; any failure moves every file back. Returns the folder the old files went to.
 */
export function putStagedVaultInPlace(
  dataFolder: string,
  staged: { folder: string; dataKeyHex: string; discard(): void },
  openStaged: OpenStaged,
  aside: RestoreKind['aside'],
  entry: { action: string; detail: AuditDetail },
): string {
  try {
    const keyring = readKeyring(keyringPath(staged.folder));
    if (!keyring) throw new AppError('CORRUPT', 'backupUnreadable');
    const vault = openStaged(staged.folder, Buffer.from(staged.dataKeyHex, 'hex'), keyring);
    try {
      vault.audit.append({ actorId: null, targetType: 'vault', targetId: null, ...entry });
      vault.writeCheckpoint();
    } finally {
      vault.close();
    }
    const safety = join(
      dataFolder,
      SAFETY_COPIES_FOLDER,
      `${aside}-${new Date().toISOString().replace(/[:.]/g, '-')}`,
    );
    mkdirSync(safety, { recursive: true });
    const release = lockFolder(dataFolder);
    try {
      swapFiles(dataFolder, staged.folder, safety);
    } finally {
      release();
    }
    return safety;
  } catch (error) {
    throw error instanceof AppError ? error : storageError(error);
  } finally {
    staged.discard();
  }
}

/**
 * Where the current vault's files go (`safety-copies/<aside>-<time>/`): a safety copy before an
 * administrator's restore, or the damaged files an expert may still rescue; and what the restored
 * vault's log records beside the backup's date.
 */
export interface RestoreKind {
  aside: 'before-restore' | 'damaged';
  detail?: Record<string, string>;
}

/** What putBackupInPlace needs of an opened vault (OpenVault, without importing it: no cycle). */
export interface StagedVault {
  audit: AuditLog;
  writeCheckpoint(): void;
  close(): void;
}

function swapFiles(dataFolder: string, stagedFolder: string, safety: string): void {
  const moved: [from: string, to: string][] = [];
  const move = (from: string, to: string) => {
    renameSync(from, to);
    moved.push([from, to]);
  };
  try {
    for (const name of VAULT_FILES)
      if (existsSync(join(dataFolder, name))) move(join(dataFolder, name), join(safety, name));
    for (const name of VAULT_FILES)
      if (existsSync(join(stagedFolder, name)))
        move(join(stagedFolder, name), join(dataFolder, name));
    fsyncDir(dataFolder);
  } catch (error) {
    for (const [from, to] of moved.reverse()) {
      try {
        renameSync(to, from);
      } catch {
        // Left where it is; the safety copy still holds the old vault's files.
      }
    }
    throw error;
  }
}
