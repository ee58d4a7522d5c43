// Adding a computer with a join file, and joining with one (docs/architecture.md, "Sync between
// computers"). On the computer that adds: the new computer is listed (its keys made here), and a
// consistent snapshot of the vault, under a key made for this file alone and without this
// computer's own sync keys, goes into the join file with the new computer's grant, sealed under a
// one-time code. On the new computer: the code opens the file, the snapshot becomes its vault
// under a data key of its own with a keyring of its own (a slot for every account's credential
// and a recovery slot for a new recovery key of its own), and, given its sync folder, a first
// sync brings what was recorded since the file was made.
import { renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { STALE_DAYS, type JoinResult } from '../../../../shared/sync/contract';
import { AppError } from '../../../../shared/errors';
import { version as APP_VERSION } from '../../../../package.json';
import { DATABASE_FILE, openDatabase, rekeyDatabase } from '../../db/sqlcipher';
import type { Schema } from '../../db/schema';
import type { WriteContext } from '../../db/data-layer';
import { fsyncDir, storageError } from '../../vault/atomic-file';
import { exportDatabase, schemaVersionOf, stagingFolder, VAULT_FILES } from '../../vault/backup';
import { copyOut, sha256OfFile } from '../../vault/backup-file';
import { newDataKey, type PasswordKdf } from '../../vault/crypto';
import { lockFolder } from '../../vault/folder-lock';
import {
  createSlot,
  keyringPath,
  newKeyringBody,
  readKeyring,
  RECOVERY_SLOT_ID,
  replaceSlot,
} from '../../vault/keyring';
import { generateRecoveryKey } from '../../vault/recovery-key';
import { readSettings } from '../../vault/settings';
import { StagedProgress, type ProgressSink } from '../../vault/progress';
import { OpenVault } from '../../vault/vault';
import { accountSlotSources } from '../access';
import { addComputer, adoptGrant, ownIdentity, type Identity } from './identity';
import {
  extractJoinDatabase,
  JOIN_EXTENSION,
  newJoinCode,
  openJoinFile,
  writeJoinFile,
} from './join-file';
import { syncFolder } from './folder';
import { saveSyncSettings } from './settings';

export interface MadeJoinFile {
  computerId: string;
  /** The one-time code: shown once on screen, never stored. */
  code: string;
  path: string;
}

/**
 * Lists a new computer named `name` and writes its join file into `folder`. Progress: four
 * stages of the snapshot's bytes (exported and cleaned, hashed, written, read back and checked).
 * The computer stays listed if the file cannot be written; the administrator may remove it.
 */
export async function makeJoinFile(
  vault: OpenVault,
  self: Identity,
  name: string,
  folder: string,
  kdf: PasswordKdf,
  onProgress?: ProgressSink,
): Promise<MadeJoinFile> {
  const progress = new StagedProgress(onProgress, 4);
  const grant = addComputer(vault, self, name);
  const staging = stagingFolder(vault.folder, 'join');
  const target = join(folder, `aruga-${randomBytes(6).toString('hex')}${JOIN_EXTENSION}`);
  const temp = join(folder, `.${basename(target)}.tmp`);
  const databaseKey = newDataKey();
  try {
    const snapshot = join(staging, DATABASE_FILE);
    exportDatabase(vault.db, databaseKey, snapshot);
    withoutThisComputersKeys(snapshot, databaseKey);
    progress.begin(statSync(snapshot).size);
    progress.completed(0);
    const databaseSha256 = sha256OfFile(snapshot);
    progress.completed(1);
    const code = newJoinCode();
    await writeJoinFile(
      temp,
      code,
      kdf,
      {
        grant,
        computerName: name,
        createdAt: new Date().toISOString(),
        schemaVersion: schemaVersionOf(vault.db),
        databaseKey: databaseKey.toString('hex'),
      },
      snapshot,
      databaseSha256,
      progress.bytesOf(2),
    );
    // Read back as the new computer will, so a bad stick is found here, not at the other end.
    const { databaseOffset, databaseBytes } = joinFileLayout(temp, snapshot);
    const readBack = copyOut(
      temp,
      databaseOffset,
      databaseBytes,
      join(staging, 'verify.db'),
      new AppError('CORRUPT', 'sync.joinFileVerifyFailed'),
      progress.bytesOf(3),
    );
    if (readBack !== databaseSha256) throw new AppError('CORRUPT', 'sync.joinFileVerifyFailed');
    renameSync(temp, target);
    fsyncDir(folder);
    progress.finish();
    return { computerId: grant.deviceId, code, path: target };
  } catch (error) {
    rmSync(temp, { force: true });
    throw error instanceof AppError ? error : storageError(error);
  } finally {
    databaseKey.fill(0);
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The snapshot is the file's tail: its offset follows from the two sizes. */
function joinFileLayout(file: string, snapshot: string) {
  const databaseBytes = statSync(snapshot).size;
  return { databaseBytes, databaseOffset: statSync(file).size - databaseBytes };
}

/**
 * This computer's private sync keys and its own sync folder never leave it: removed from the
 * snapshot, with their pages overwritten (secure_delete) and the log folded in.
 */
function withoutThisComputersKeys(snapshot: string, key: Buffer): void {
  const db = openDatabase(snapshot, key);
  try {
    db.pragma('secure_delete = ON');
    db.prepare('DELETE FROM sync_identity').run();
    db.prepare('DELETE FROM sync_settings').run();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

export interface JoinInput {
  file: string;
  code: string;
  /** The sync folder this computer will use: given, the first sync runs at once. */
  syncFolder?: string | undefined;
}

/**
 * Makes this computer's vault in `dataFolder` (which has none) from a join file. A wrong code or
 * a damaged file is refused before anything is written. Progress: stages of the snapshot's bytes
 * (copied out and checked; re-keyed under this computer's own data key; keyring made and put in
 * place; and the first sync, when a folder is given). Returns this computer's id, the sync, and
 * this computer's recovery key (its own: it opens this data key alone), to be shown once.
 */
export async function joinOrganisation(
  dataFolder: string,
  input: JoinInput,
  schema: Schema,
  kdf: PasswordKdf,
  onProgress?: ProgressSink,
): Promise<JoinResult> {
  const opened = await openJoinFile(input.file, input.code);
  const { payload, grant } = opened;
  if (payload.schemaVersion > schema.version) throw new AppError('CONFLICT', 'sync.joinFileTooNew');
  const progress = new StagedProgress(onProgress, input.syncFolder ? 4 : 3);
  progress.begin(payload.databaseBytes);
  const context = (): WriteContext => ({ userId: null, deviceId: grant.deviceId });
  const ownKey = newDataKey();
  const staging = stagingFolder(dataFolder, 'join');
  try {
    const snapshot = join(staging, DATABASE_FILE);
    extractJoinDatabase(input.file, opened, snapshot, progress.bytesOf(0));
    const copy = openDatabase(snapshot, Buffer.from(payload.databaseKey, 'hex'));
    try {
      rekeyDatabase(copy, ownKey);
      adoptGrant(copy, grant);
    } finally {
      copy.close();
    }
    progress.completed(1);
    const recoveryKey = generateRecoveryKey();
    const keyring = replaceSlot(
      newKeyringBody(false),
      await createSlot(RECOVERY_SLOT_ID, 'recovery', recoveryKey, ownKey, kdf),
    );
    const vault = OpenVault.open(staging, Buffer.from(ownKey), keyring, schema, context, {
      backupBeforeUpgrade: false,
    });
    let timeZone: string;
    try {
      timeZone = readSettings(vault).timeZone;
      await vault.syncAccountSlots(accountSlotSources(vault));
      vault.audit.append({
        actorId: null,
        action: 'sync.join',
        targetType: 'computer',
        targetId: grant.deviceId,
        detail: { appVersion: APP_VERSION },
      });
      vault.writeCheckpoint();
    } finally {
      vault.close();
    }
    putInPlace(staging, dataFolder);
    progress.completed(2);
    const sync = input.syncFolder
      ? await firstSync(dataFolder, ownKey, schema, context, input.syncFolder)
      : null;
    progress.finish();
    return {
      computerId: grant.deviceId,
      computerName: payload.computerName,
      firstSync: sync,
      recoveryKey,
      timeZone,
    };
  } catch (error) {
    throw error instanceof AppError ? error : storageError(error);
  } finally {
    ownKey.fill(0);
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Moves the staged vault's files into the empty data folder, under its folder lock. */
function putInPlace(staging: string, dataFolder: string): void {
  const release = lockFolder(dataFolder);
  try {
    for (const name of VAULT_FILES)
      if (exists(join(staging, name))) renameSync(join(staging, name), join(dataFolder, name));
    fsyncDir(dataFolder);
  } finally {
    release();
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The first sync with this computer's folder, saved as its sync folder; audited as Sync now. */
async function firstSync(
  dataFolder: string,
  key: Buffer,
  schema: Schema,
  context: () => WriteContext,
  folder: string,
): Promise<JoinResult['firstSync']> {
  const keyring = readKeyring(keyringPath(dataFolder));
  if (!keyring) throw new AppError('CORRUPT', 'keyringMissing');
  const vault = OpenVault.open(dataFolder, Buffer.from(key), keyring, schema, context);
  try {
    const self = ownIdentity(vault.db, context().deviceId)!;
    vault.data.transaction(() =>
      saveSyncSettings(vault, { folder, staleDays: STALE_DAYS.default }),
    );
    const report = syncFolder(vault, self, folder);
    // Accounts made or changed there since the file was written open this keyring too.
    await vault.syncAccountSlots(accountSlotSources(vault));
    const counts = { applied: report.applied.length, refused: report.refused.length };
    vault.audit.append({
      actorId: null,
      action: 'sync.now',
      targetType: 'syncFolder',
      targetId: null,
      detail: { ...counts, written: report.written !== null, deleted: report.deleted.length },
    });
    vault.writeCheckpoint();
    return counts;
  } finally {
    vault.close();
  }
}
