// The vault's lifecycle: create, unlock (by password or recovery key), re-slot, rotate, close.
// Holds the only copy of the data key while unlocked; close() zeroes it (best effort: the key
// pragma string inside SQLCipher and V8 cannot be wiped from here).
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ScryptParams } from '../api';
import { AuditLog, GENESIS_HASH } from '../audit-log';
import { DataLayer, type WriteContext } from '../db/data-layer';
import { migrate } from '../db/migrations';
import { DATABASE_FILE, openDatabase, rekeyDatabase, type Db } from '../db/sqlcipher';
import { newDataKey } from './crypto';
import {
  createSlot,
  keyringPath,
  newKeyringBody,
  readKeyring,
  RECOVERY_SLOT_ID,
  removeSlot,
  replaceSlot,
  rewrapSlot,
  slotIdFor,
  spendDecoyKdf,
  unlockSlot,
  writeKeyring,
  type KeyringBody,
} from './keyring';
import { generateRecoveryKey, normalizeRecoveryKey } from './recovery-key';
import { v7 as uuidv7 } from 'uuid';

export type VaultPresence = 'none' | 'present';

export function databasePath(folder: string): string {
  return join(folder, DATABASE_FILE);
}

/** 'none' only when neither the keyring nor the database exists: never set up over old data. */
export function vaultPresence(folder: string): VaultPresence {
  return existsSync(keyringPath(folder)) || existsSync(databasePath(folder)) ? 'present' : 'none';
}

export function isDemoVault(folder: string): boolean {
  try {
    return readKeyring(keyringPath(folder))?.demo ?? false;
  } catch {
    return false;
  }
}

export class OpenVault {
  readonly data: DataLayer;
  readonly audit: AuditLog;

  private constructor(
    readonly folder: string,
    readonly db: Db,
    private dataKey: Buffer,
    public keyring: KeyringBody,
    context: () => WriteContext,
  ) {
    this.data = new DataLayer(db, context);
    this.audit = new AuditLog(db);
  }

  static open(
    folder: string,
    dataKey: Buffer,
    keyring: KeyringBody,
    context: () => WriteContext,
    verify = true,
  ): OpenVault {
    const db = openDatabase(databasePath(folder), dataKey, { verifyPages: verify });
    try {
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return new OpenVault(folder, db, dataKey, keyring, context);
  }

  /**
   * A second, read-only connection to a vault another connection keeps open and migrated: for the
   * reader thread, so reads run beside a long query (WAL lets them see every committed write).
   */
  static openReadOnly(folder: string, dataKey: Buffer, context: () => WriteContext): OpenVault {
    const db = openDatabase(databasePath(folder), dataKey, { verifyPages: false });
    db.pragma('query_only = ON');
    const keyring = readKeyring(keyringPath(folder));
    if (!keyring) {
      db.close();
      throw new AppError('CORRUPT', 'keyringMissing');
    }
    return new OpenVault(folder, db, dataKey, keyring, context);
  }

  /** Gives `username` a slot that opens with `secret`, replacing any old one. */
  async setUserSecret(username: string, secret: string, kdf: ScryptParams): Promise<void> {
    const id = await slotIdFor(this.keyring, username);
    const slot = await createSlot(id, 'user', secret, this.dataKey, kdf);
    this.saveKeyring(replaceSlot(this.keyring, slot));
  }

  async checkUserSecret(username: string, secret: string): Promise<boolean> {
    const id = await slotIdFor(this.keyring, username);
    const slot = this.keyring.slots.find((s) => s.kind === 'user' && s.id === id);
    if (!slot) return false;
    const key = await unlockSlot(slot, secret);
    key?.fill(0);
    return key !== null;
  }

  async removeUserSlot(username: string): Promise<void> {
    this.saveKeyring(removeSlot(this.keyring, await slotIdFor(this.keyring, username)));
  }

  /**
   * New random data key, PRAGMA rekey, every slot re-wrapped. The new keyring is written first as
   * a pending file and promoted after the re-key, so a crash at any point leaves a keyring that
   * opens the database (unlock tries the pending file when the current one no longer fits).
   */
  rotateDataKey(): void {
    const next = newDataKey();
    const body = { ...this.keyring, slots: this.keyring.slots.map((s) => rewrapSlot(s, next)) };
    writeKeyring(keyringPath(this.folder, true), body);
    rekeyDatabase(this.db, next);
    renameSync(keyringPath(this.folder, true), keyringPath(this.folder));
    this.dataKey.fill(0);
    this.dataKey = next;
    this.keyring = body;
  }

  /** Raw key: for the escape hatch (recovery CLI) and the backend's own read-only twin. */
  exportDataKeyHex(): string {
    return this.dataKey.toString('hex');
  }

  private saveKeyring(body: KeyringBody): void {
    writeKeyring(keyringPath(this.folder), body);
    this.keyring = body;
  }

  close(): void {
    try {
      this.db.close();
    } finally {
      this.dataKey.fill(0);
    }
  }
}

export interface CreateVaultOptions {
  folder: string;
  adminUsername: string;
  adminPassword: string;
  kdf: ScryptParams;
  demo?: boolean;
  context: () => WriteContext;
  /** First rows (administrator, settings), written before the keyring makes the vault real. */
  seed: (vault: OpenVault) => void;
}

/** Creates the database and keyring. The keyring is written last, so a failed setup leaves no vault. */
export async function createVault(
  options: CreateVaultOptions,
): Promise<{ vault: OpenVault; recoveryKey: string }> {
  if (vaultPresence(options.folder) === 'present') throw new AppError('CONFLICT', 'vaultExists');
  const dataKey = newDataKey();
  const recoveryKey = generateRecoveryKey();
  let keyring = newKeyringBody(options.demo ?? false);
  const adminSlotId = await slotIdFor(keyring, options.adminUsername);
  keyring = replaceSlot(
    keyring,
    await createSlot(adminSlotId, 'user', options.adminPassword, dataKey, options.kdf),
  );
  keyring = replaceSlot(
    keyring,
    await createSlot(RECOVERY_SLOT_ID, 'recovery', recoveryKey, dataKey, options.kdf),
  );
  let vault: OpenVault | null = null;
  try {
    vault = OpenVault.open(options.folder, dataKey, keyring, options.context, false);
    const at = new Date().toISOString();
    vault.db
      .prepare(
        `INSERT INTO vault_meta (id, vault_id, audit_head_seq, audit_head_hash, created_at, updated_at)
         VALUES ('vault', ?, 0, ?, ?, ?)`,
      )
      .run([uuidv7(), GENESIS_HASH, at, at]);
    options.seed(vault);
    writeKeyring(keyringPath(options.folder), keyring);
    return { vault, recoveryKey };
  } catch (error) {
    vault?.close();
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(databasePath(options.folder) + suffix, { force: true });
    throw error;
  }
}

function loadKeyrings(folder: string): KeyringBody[] {
  const current = readKeyring(keyringPath(folder));
  if (!current) throw new AppError('CORRUPT', 'keyringMissing');
  if (!existsSync(databasePath(folder))) throw new AppError('CORRUPT', 'databaseMissing');
  let pending: KeyringBody | null = null;
  try {
    pending = readKeyring(keyringPath(folder, true));
  } catch {
    pending = null; // a half-written pending file means the re-key never started
  }
  return pending ? [current, pending] : [current];
}

/** Tries the current keyring, then an interrupted rotation's pending one; promotes whichever fits. */
function openFirstFitting(
  folder: string,
  keys: { keyring: KeyringBody; dataKey: Buffer }[],
  context: () => WriteContext,
): OpenVault {
  let lastError: unknown = new AppError('BAD_CREDENTIALS', 'badCredentials');
  for (const [index, { keyring, dataKey }] of keys.entries()) {
    try {
      const vault = OpenVault.open(folder, dataKey, keyring, context);
      if (index === 1) renameSync(keyringPath(folder, true), keyringPath(folder));
      else rmSync(keyringPath(folder, true), { force: true });
      for (const other of keys) if (other.dataKey !== dataKey) other.dataKey.fill(0);
      return vault;
    } catch (error) {
      lastError = error;
    }
  }
  for (const { dataKey } of keys) dataKey.fill(0);
  throw lastError;
}

/** BAD_CREDENTIALS for an unknown username or a wrong password alike. */
export async function unlockWithPassword(
  folder: string,
  username: string,
  password: string,
  context: () => WriteContext,
): Promise<OpenVault> {
  const keyrings = loadKeyrings(folder);
  const keys: { keyring: KeyringBody; dataKey: Buffer }[] = [];
  for (const keyring of keyrings) {
    const slotId = await slotIdFor(keyring, username);
    const slot = keyring.slots.find((s) => s.kind === 'user' && s.id === slotId);
    if (!slot) {
      await spendDecoyKdf(keyring.slots[0]?.kdf.params ?? { N: 2 ** 17, r: 8, p: 1 });
      continue;
    }
    const dataKey = await unlockSlot(slot, password);
    if (dataKey) keys.push({ keyring, dataKey });
  }
  if (keys.length === 0) throw new AppError('BAD_CREDENTIALS', 'badCredentials');
  return openFirstFitting(folder, keys, context);
}

export async function unlockWithRecoveryKey(
  folder: string,
  typedKey: string,
  context: () => WriteContext,
): Promise<OpenVault> {
  const normalized = normalizeRecoveryKey(typedKey);
  const keyrings = loadKeyrings(folder);
  const keys: { keyring: KeyringBody; dataKey: Buffer }[] = [];
  for (const keyring of keyrings) {
    const slot = keyring.slots.find((s) => s.kind === 'recovery');
    if (!slot || !normalized) continue;
    const dataKey = await unlockSlot(slot, normalized);
    if (dataKey) keys.push({ keyring, dataKey });
  }
  if (keys.length === 0) throw new AppError('BAD_CREDENTIALS', 'recoveryKeyWrong');
  return openFirstFitting(folder, keys, context);
}
