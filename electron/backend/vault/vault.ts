// The vault's lifecycle: create, unlock (by password or recovery key), re-slot, rotate, close.
// Holds the only copy of the data key while unlocked; close() zeroes it (best effort: the key
// pragma string inside SQLCipher and V8 cannot be wiped from here, which is why the host ends
// the whole backend worker at every lock).
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { PasswordKdf } from './crypto';
import { AuditLog, GENESIS_HASH } from '../audit-log';
import { DataLayer, type WriteContext } from '../db/data-layer';
import { walDamaged } from '../db/wal-check';
import { migrate } from '../db/migrate';
import type { Schema } from '../db/schema';
import {
  BACKUP_EXTENSION,
  createBackup,
  putBackupInPlace,
  putStagedVaultInPlace,
  type BackupResult,
  type RestoreKind,
  type StagedBackup,
} from './backup';
import { DATABASE_FILE, openDatabase, type Db } from '../db/sqlcipher';
import { fsyncDir } from './atomic-file';
import { beginWork, commitWork, isWorkOpen, rollbackWork } from '../db/transactions';
import { DEFAULT_KDF, newDataKey } from './crypto';
import { lockFolder, type ReleaseLock } from './folder-lock';
import {
  createCredential,
  createSlot,
  credentialSchema,
  credentialSlot,
  kdfOf,
  keyringPath,
  newKeyringBody,
  readKeyring,
  readKeyringFile,
  RECOVERY_SLOT_ID,
  removeSlot,
  replaceSlot,
  rewrapSlot,
  slotIdFor,
  openSlot,
  spendDecoyKdf,
  verifyKeyring,
  writeKeyring,
  type AccountCredential,
  type KeyringBody,
  type KeyringFile,
  type KeySlot,
} from './keyring';
import { generateRecoveryKey, normalizeRecoveryKey } from './recovery-key';
import { v7 as uuidv7 } from 'uuid';
import type { SalvageCounts } from '../../../shared/backup/contract';
import { StagedProgress, type ProgressSink } from './progress';
import { stageSalvage } from './salvage';
import {
  checkpointAndClose,
  makeRekeyedCopy,
  removeRekeyLeftovers,
  REKEY_STAGES,
  swapInRekeyedCopy,
  type RekeyedCopy,
} from './rekey';

export type VaultPresence = 'none' | 'present';

/** An account as the keyring needs it: its username, whether it is active, its credential text. */
export interface AccountSlotSource {
  username: string;
  active: boolean;
  credential: string | null;
}

function parseCredential(text: string): AccountCredential | null {
  try {
    const parsed = credentialSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The data folder's own backups: daily ones and the one made before each upgrade. */
export const BACKUPS_FOLDER = 'backups';

export function backupsFolder(dataFolder: string): string {
  return join(dataFolder, BACKUPS_FOLDER);
}

/** A file-name-safe instant: 2026-12-01T09-30-00-000Z. */
export function fileStamp(at = new Date()): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

export function databasePath(folder: string): string {
  return join(folder, DATABASE_FILE);
}

/** 'none' only when neither the keyring nor the database exists: never set up over old data. */
export function vaultPresence(folder: string): VaultPresence {
  return existsSync(keyringPath(folder)) ||
    existsSync(keyringPath(folder, 'previous')) ||
    existsSync(databasePath(folder))
    ? 'present'
    : 'none';
}

export function isDemoVault(folder: string): boolean {
  try {
    return readKeyring(keyringPath(folder))?.demo ?? false;
  } catch {
    return false;
  }
}

/** What an unlock found wrong with the keyring; the backend audits it once the log is open. */
export interface KeyringFindings {
  /** Slots nobody created through Aruga: dropped, never used, reported as tampering. */
  plantedSlots: number;
  tampered: boolean;
  /** The current keyring was damaged and the previous good one opened the vault. */
  restoredFromPrevious: boolean;
}

const NO_FINDINGS: KeyringFindings = {
  plantedSlots: 0,
  tampered: false,
  restoredFromPrevious: false,
};

/** A data key a slot unwrapped, with the (authenticated) keyring it came from. */
interface Unwrapped {
  source: 'current' | 'previous' | 'pending';
  keyring: KeyringBody;
  dataKey: Buffer;
  findings: KeyringFindings;
  /** The slot that opened, re-sealed under the current KDF, to write once the vault is open. */
  upgraded: KeySlot | null;
}

function isEmptyFile(path: string): boolean {
  try {
    return statSync(path).size === 0;
  } catch {
    return false;
  }
}

export interface OpenOptions {
  findings?: KeyringFindings;
  /** Runs if another process takes the folder lock: the caller must close the vault. */
  onLockLost?: () => void;
  /** A verified backup before the first migration of an upgrade (not for a staged restore). */
  backupBeforeUpgrade?: boolean;
  /** Setup: the database is new, so version 0 is expected. */
  creating?: boolean;
  /** An upgrade's progress: its backup, then each migration (upgradeProgress). */
  onProgress?: ProgressSink;
}

/**
 * An upgrade at unlock in equal stages: the backup before it (reported in its own units), then
 * one per migration, each with the step it is at, for the sign-in screen's words.
 */
function upgradeProgress(sink: ProgressSink | undefined, migrations: number, bytes: number) {
  const UNIT = 1000;
  const total = (1 + migrations) * UNIT;
  return {
    backup: (done: number, of: number) =>
      sink?.(Math.floor((UNIT * Math.min(done, of)) / Math.max(1, of)), total, {
        kind: 'upgradeBackup',
        bytes,
      }),
    migration: (done: number, of: number) =>
      sink?.((1 + done) * UNIT, total, {
        kind: 'migration',
        number: Math.min(done + 1, of),
        of,
      }),
  };
}

export class OpenVault {
  /** The connection and what works through it; a key rotation opens the re-keyed file anew. */
  private connection: { db: Db; data: DataLayer; audit: AuditLog };
  /** Keyring waiting for the open unit of work to commit (see beginWork). */
  private staged: KeyringBody | null = null;
  private closed = false;

  private constructor(
    readonly folder: string,
    db: Db,
    private dataKey: Buffer,
    public keyring: KeyringBody,
    readonly findings: KeyringFindings,
    private readonly releaseLock: ReleaseLock,
    readonly schema: Schema,
    private readonly context: () => WriteContext,
  ) {
    this.connection = this.connect(db);
  }

  get db(): Db {
    return this.connection.db;
  }

  get data(): DataLayer {
    return this.connection.data;
  }

  get audit(): AuditLog {
    return this.connection.audit;
  }

  private connect(db: Db) {
    return {
      db,
      data: new DataLayer(db, this.schema.tables, this.context),
      audit: new AuditLog(db),
    };
  }

  /**
   * Takes the folder lock, opens and migrates the database. The key is the vault's from now on.
   * A vault written by a newer Aruga is refused before anything is written to it; an older one
   * gets a verified backup in backups/ before its first migration runs.
   */
  static open(
    folder: string,
    dataKey: Buffer,
    keyring: KeyringBody,
    schema: Schema,
    context: () => WriteContext,
    options: OpenOptions = {},
  ): OpenVault {
    const { findings = NO_FINDINGS, onLockLost, backupBeforeUpgrade = true } = options;
    // An emptied file would open as a new database (and be written to): refuse it untouched.
    // So would a damaged log be silently cut short and reset (db/wal-check.ts).
    if (
      !options.creating &&
      (isEmptyFile(databasePath(folder)) || walDamaged(`${databasePath(folder)}-wal`))
    )
      throw new AppError('CORRUPT', 'databaseDamaged');
    const release = lockFolder(folder, onLockLost);
    let db: Db | null = null;
    try {
      db = openDatabase(databasePath(folder), dataKey);
      const version = Number(db.pragma('user_version', { simple: true }) ?? 0);
      if (version > schema.version) throw new AppError('CONFLICT', 'vaultTooNew');
      // Only setup starts from nothing: an existing vault at version 0 is an emptied file, which
      // must stay as it was for an expert, not become a fresh empty vault.
      if (version === 0 && !options.creating) throw new AppError('CORRUPT', 'databaseDamaged');
      const upgrade = upgradeProgress(
        options.onProgress,
        schema.migrations.filter((m) => m.version > version).length,
        statSync(databasePath(folder)).size,
      );
      if (backupBeforeUpgrade && version > 0 && version < schema.version) {
        mkdirSync(backupsFolder(folder), { recursive: true });
        createBackup(
          { folder, db, dataKey, keyring },
          join(
            backupsFolder(folder),
            `before-upgrade-v${version}-to-v${schema.version}-${fileStamp()}${BACKUP_EXTENSION}`,
          ),
          upgrade.backup,
        );
      }
      migrate(db, schema.migrations, upgrade.migration);
      // A rotation cut short leaves its half-made copy; the vault it would have become is gone.
      removeRekeyLeftovers(folder);
      return new OpenVault(folder, db, dataKey, keyring, findings, release, schema, context);
    } catch (error) {
      db?.close();
      release();
      throw error;
    }
  }

  /**
   * A second, read-only connection to a vault another connection keeps open and migrated: for the
   * reader thread, so reads run beside a long query (WAL lets them see every committed write).
   */
  static openReadOnly(
    folder: string,
    dataKey: Buffer,
    schema: Schema,
    context: () => WriteContext,
  ): OpenVault {
    const db = openDatabase(databasePath(folder), dataKey);
    db.pragma('query_only = ON');
    const keyring = readKeyring(keyringPath(folder));
    if (!keyring) {
      db.close();
      throw new AppError('CORRUPT', 'keyringMissing');
    }
    // No folder lock: the main connection holds it, and this one never writes.
    return new OpenVault(
      folder,
      db,
      dataKey,
      keyring,
      NO_FINDINGS,
      () => undefined,
      schema,
      context,
    );
  }

  /**
   * Gives `username` a new credential that opens with `secret` and this keyring's slot for it,
   * replacing any old one. Returns the credential as text, for the account's (synced) row, so the
   * same password opens the slot every other computer makes from it.
   */
  async setUserSecret(username: string, secret: string, kdf: PasswordKdf): Promise<string> {
    const credential = await createCredential(secret, kdf);
    const id = await slotIdFor(this.keyring, username);
    this.saveKeyring(
      replaceSlot(this.pendingKeyring(), credentialSlot(id, credential, this.dataKey)),
    );
    return JSON.stringify(credential);
  }

  /**
   * Brings this keyring in line with the organisation's accounts as they stand after a sync: a
   * slot for each active account's current credential (wrapping this computer's own data key),
   * and none for a disabled account or a replaced credential. A credential that does not parse
   * (or asks for a KDF cost Aruga never writes) is left out. Returns whether the keyring changed.
   */
  async syncAccountSlots(accounts: readonly AccountSlotSource[]): Promise<boolean> {
    const before = this.pendingKeyring();
    const current = new Map<string, { username: string; credential: AccountCredential }>();
    for (const { username, active, credential } of accounts) {
      const parsed = active && credential ? parseCredential(credential) : null;
      if (parsed) current.set(parsed.publicKey, { username, credential: parsed });
    }
    // A portable slot for a key no active account holds: a changed password or a disabled account.
    let body: KeyringBody = {
      ...before,
      slots: before.slots.filter((s) => !s.portable || current.has(s.publicKey)),
    };
    for (const [publicKey, { username, credential }] of current) {
      if (body.slots.some((s) => s.publicKey === publicKey)) continue;
      const id = await slotIdFor(body, username);
      body = replaceSlot(body, credentialSlot(id, credential, this.dataKey));
    }
    // A disabled account's slot made here before accounts travelled is found by its username.
    if (body.slots.some((s) => s.kind === 'user' && !s.portable)) {
      for (const { username } of accounts.filter((a) => !a.active))
        body = removeSlot(body, await slotIdFor(body, username));
    }
    const changed =
      body.slots.length !== before.slots.length ||
      body.slots.some((slot, i) => slot !== before.slots[i]);
    if (changed) this.saveKeyring(body);
    return changed;
  }

  /** `kdf` is the one new slots use: an unknown username spends it, as a real slot would. */
  async checkUserSecret(username: string, secret: string, kdf: PasswordKdf): Promise<boolean> {
    const id = await slotIdFor(this.keyring, username);
    const slot = this.keyring.slots.find((s) => s.kind === 'user' && s.id === id);
    if (!slot) {
      await spendDecoyKdf(kdf);
      return false;
    }
    const opened = await openSlot(slot, secret);
    opened?.dataKey.fill(0);
    return opened !== null;
  }

  /**
   * Puts in place a slot that sign-in re-sealed under the current KDF (same key pair, same data
   * key). Best effort: if the keyring cannot be written now, the old slot still opens and the
   * next sign-in tries again.
   */
  adoptUpgradedSlot(slot: KeySlot): void {
    const old = this.keyring.slots.find((s) => s.id === slot.id);
    if (!old || old.publicKey !== slot.publicKey) return;
    try {
      this.saveKeyring(replaceSlot(this.keyring, slot));
    } catch {
      // A full disk or a read-only folder: nothing is lost, the slot stays as it was.
    }
  }

  async removeUserSlot(username: string): Promise<void> {
    this.saveKeyring(removeSlot(this.pendingKeyring(), await slotIdFor(this.keyring, username)));
  }

  /**
   * New random data key, the database re-encrypted under it (rekey.ts: copied, checked, swapped
   * in, reporting rows copied), and the new key wrapped only to the slots of `activeUsernames`
   * and the recovery slot: a slot that belongs to nobody active (a departed user's, or one
   * planted in the file) is dropped, not re-wrapped. The new keyring is written first as a
   * pending file and promoted after the swap, so a crash at any point leaves a keyring that opens
   * the database (unlock tries the pending file when the current one no longer fits). Returns
   * how many slots were dropped.
   */
  async rotateDataKey(
    activeUsernames: readonly string[],
    onProgress?: ProgressSink,
  ): Promise<number> {
    const keep = new Set([RECOVERY_SLOT_ID]);
    for (const username of activeUsernames) keep.add(await slotIdFor(this.keyring, username));
    const kept = this.keyring.slots.filter((s) => keep.has(s.id));
    const progress = new StagedProgress(onProgress, REKEY_STAGES);
    removeRekeyLeftovers(this.folder);
    const next = newDataKey();
    const body: KeyringBody = {
      ...this.keyring,
      slots: kept.map((s) => rewrapSlot(s, next)),
      checkpoint: this.audit.checkpoint(),
    };
    const pending = keyringPath(this.folder, 'pending');
    let copy: RekeyedCopy;
    let signed: KeyringBody;
    try {
      signed = writeKeyring(pending, body, next);
      copy = makeRekeyedCopy(this.folder, this.db, next, progress);
    } catch (error) {
      next.fill(0);
      rmSync(pending, { force: true });
      throw error;
    }
    try {
      checkpointAndClose(this.db);
    } catch (error) {
      copy.discard();
      next.fill(0);
      rmSync(pending, { force: true });
      throw error;
    }
    // From here the old connection is closed: whatever happens, the vault must reopen.
    swapInRekeyedCopy(this.folder, copy);
    renameSync(pending, keyringPath(this.folder));
    // The previous keyring holds the old key, which no longer opens anything: drop it.
    rmSync(keyringPath(this.folder, 'previous'), { force: true });
    fsyncDir(this.folder);
    this.connection = this.connect(openDatabase(databasePath(this.folder), next));
    const droppedSlots = this.keyring.slots.length - kept.length;
    this.dataKey.fill(0);
    this.dataKey = next;
    this.keyring = signed;
    progress.finish();
    return droppedSlots;
  }

  /** A verified backup of this vault as it is now (see backup.ts). */
  backupTo(target: string, onProgress?: ProgressSink): BackupResult {
    return createBackup(
      { folder: this.folder, db: this.db, dataKey: this.dataKey, keyring: this.keyring },
      target,
      onProgress,
    );
  }

  /** Raw key: for the escape hatch (recovery CLI) and the backend's own read-only twin. */
  exportDataKeyHex(): string {
    return this.dataKey.toString('hex');
  }

  /**
   * Records the audit log's current head in the keyring (at every lock and key-slot change), so
   * a database rolled back behind it is noticed. Best effort at lock: a full disk must not stop
   * the vault from locking.
   */
  writeCheckpoint(): void {
    this.saveKeyring(this.keyring);
  }

  /** Marks the keyring with a rollback seen at unlock; Verify integrity reports it from then on. */
  recordRollback(databaseSeq: number): void {
    const checkpointSeq = this.keyring.checkpoint?.seq ?? 0;
    this.saveKeyring({
      ...this.keyring,
      rollback: { detectedAt: new Date().toISOString(), checkpointSeq, databaseSeq },
    });
  }

  // ---- one unit of work per call: database writes, audit row and keyring together ------------
  beginWork(): void {
    beginWork(this.db);
    this.staged = null;
  }

  /** The keyring is written last, after every row: a failure before it leaves neither. */
  commitWork(): void {
    const staged = this.staged;
    this.staged = null;
    let signed: KeyringBody | null = null;
    try {
      if (staged) signed = this.writeKeyringNow(staged);
    } catch (error) {
      rollbackWork(this.db);
      throw error;
    }
    try {
      commitWork(this.db);
    } catch (error) {
      // The rows did not commit: put the keyring back as it was, so neither change remains.
      if (signed) this.writeKeyringNow(this.keyring);
      throw error;
    }
    if (signed) this.keyring = signed;
  }

  rollbackWork(): void {
    this.staged = null;
    rollbackWork(this.db);
  }

  private pendingKeyring(): KeyringBody {
    return this.staged ?? this.keyring;
  }

  private saveKeyring(body: KeyringBody): void {
    if (isWorkOpen(this.db)) {
      this.staged = body;
      return;
    }
    this.keyring = this.writeKeyringNow(body);
  }

  /** Keeps the last good keyring as keyring.previous.json, then writes the new one. */
  private writeKeyringNow(body: KeyringBody): KeyringBody {
    const withCheckpoint = { ...body, checkpoint: this.laterCheckpoint(body) };
    writeKeyring(keyringPath(this.folder, 'previous'), this.keyring, this.dataKey);
    return writeKeyring(keyringPath(this.folder), withCheckpoint, this.dataKey);
  }

  /** The log's head, unless a detected rollback left the keyring's mark higher. */
  private laterCheckpoint(body: KeyringBody) {
    const head = this.audit.checkpoint();
    const old = body.checkpoint;
    return body.rollback && old && old.seq > head.seq ? old : head;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (isWorkOpen(this.db)) rollbackWork(this.db);
      this.db.close();
    } finally {
      this.dataKey.fill(0);
      this.releaseLock();
    }
  }
}

export interface CreateVaultOptions {
  folder: string;
  adminUsername: string;
  adminPassword: string;
  kdf: PasswordKdf;
  demo?: boolean;
  /** The composed schema (runtime/composition.ts): the migrations to run and the tables. */
  schema: Schema;
  context: () => WriteContext;
  /**
   * First rows (administrator, settings), written before the keyring makes the vault real; the
   * administrator's credential (as text) belongs in their account's row.
   */
  seed: (vault: OpenVault, adminCredential: string) => void;
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
  const adminCredential = await createCredential(options.adminPassword, options.kdf);
  keyring = replaceSlot(keyring, credentialSlot(adminSlotId, adminCredential, dataKey));
  keyring = replaceSlot(
    keyring,
    await createSlot(RECOVERY_SLOT_ID, 'recovery', recoveryKey, dataKey, options.kdf),
  );
  let vault: OpenVault | null = null;
  try {
    vault = OpenVault.open(options.folder, dataKey, keyring, options.schema, options.context, {
      creating: true,
    });
    const at = new Date().toISOString();
    vault.db
      .prepare(
        `INSERT INTO vault_meta (id, vault_id, audit_head_seq, audit_head_hash, created_at, updated_at)
         VALUES ('vault', ?, 0, ?, ?, ?)`,
      )
      .run([uuidv7(), GENESIS_HASH, at, at]);
    options.seed(vault, JSON.stringify(adminCredential));
    vault.keyring = writeKeyring(
      keyringPath(options.folder),
      { ...keyring, checkpoint: vault.audit.checkpoint() },
      dataKey,
    );
    return { vault, recoveryKey };
  } catch (error) {
    vault?.close();
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(databasePath(options.folder) + suffix, { force: true });
    throw error;
  }
}

interface Candidate {
  source: Unwrapped['source'];
  file: KeyringFile;
}

/** The current keyring (or, when it is damaged or gone, the previous good one) and any pending one. */
function loadKeyrings(folder: string): Candidate[] {
  let current: Candidate | null = null;
  let damaged: unknown = null;
  try {
    const file = readKeyringFile(keyringPath(folder));
    if (file) current = { source: 'current', file };
  } catch (error) {
    damaged = error;
  }
  if (!current) {
    let previous: KeyringFile | null = null;
    try {
      previous = readKeyringFile(keyringPath(folder, 'previous'));
    } catch {
      previous = null;
    }
    if (!previous) throw damaged ?? new AppError('CORRUPT', 'keyringMissing');
    current = { source: 'previous', file: previous };
  }
  if (!existsSync(databasePath(folder))) throw new AppError('CORRUPT', 'databaseMissing');
  let pending: KeyringFile | null = null;
  try {
    pending = readKeyringFile(keyringPath(folder, 'pending'));
  } catch {
    pending = null; // a half-written pending file means the re-key never started
  }
  return pending ? [current, { source: 'pending', file: pending }] : [current];
}

/** Unwraps with `slot`, then authenticates the keyring with the key it gave. */
async function unwrapFrom(
  candidate: Candidate,
  slot: KeySlot,
  secret: string,
  upgradeTo?: PasswordKdf,
): Promise<Unwrapped | null> {
  const opened = await openSlot(slot, secret, upgradeTo);
  if (!opened) return null;
  const { dataKey } = opened;
  const verified = verifyKeyring(candidate.file, dataKey);
  if (!verified.body.slots.includes(slot)) {
    // The slot that answered is not one Aruga made: never use what it gave.
    dataKey.fill(0);
    return null;
  }
  return {
    source: candidate.source,
    keyring: verified.body,
    dataKey,
    findings: {
      plantedSlots: verified.plantedSlots,
      tampered: verified.tampered,
      restoredFromPrevious: candidate.source === 'previous',
    },
    upgraded: opened.upgraded,
  };
}

export interface UnlockedKey {
  /** Opens the vault with this key (takes the folder lock); the key then belongs to the vault. */
  open(
    schema: Schema,
    context: () => WriteContext,
    onLockLost?: () => void,
    /** An upgrade's progress, when the vault needs one (OpenOptions.onProgress). */
    onProgress?: ProgressSink,
  ): OpenVault;
  /** The raw key, for the escape hatch (which must work when the database does not open). */
  readonly dataKeyHex: string;
  /** The authenticated keyring that key came from (a salvage keeps its slots). */
  readonly keyring: KeyringBody;
  discard(): void;
}

/** Tries the current keyring, then an interrupted rotation's pending one; promotes whichever fits. */
function firstFitting(folder: string, keys: Unwrapped[]): UnlockedKey {
  const discard = () => {
    for (const { dataKey } of keys) dataKey.fill(0);
  };
  return {
    get dataKeyHex() {
      // The pending keyring wins only if the re-key ran; without opening, the current one is the answer.
      return keys[0]!.dataKey.toString('hex');
    },
    get keyring() {
      return keys[0]!.keyring;
    },
    discard,
    open(schema, context, onLockLost, onProgress) {
      let lastError: unknown = new AppError('BAD_CREDENTIALS', 'badCredentials');
      for (const unwrapped of keys) {
        try {
          const vault = OpenVault.open(
            folder,
            unwrapped.dataKey,
            unwrapped.keyring,
            schema,
            context,
            {
              findings: unwrapped.findings,
              onLockLost,
              onProgress,
            },
          );
          if (unwrapped.source === 'pending')
            renameSync(keyringPath(folder, 'pending'), keyringPath(folder));
          else rmSync(keyringPath(folder, 'pending'), { force: true });
          if (unwrapped.upgraded) vault.adoptUpgradedSlot(unwrapped.upgraded);
          for (const other of keys) if (other !== unwrapped) other.dataKey.fill(0);
          return vault;
        } catch (error) {
          lastError = error;
          if (error instanceof AppError && error.message === 'vaultInUse') break;
        }
      }
      discard();
      throw lastError;
    },
  };
}

/**
 * BAD_CREDENTIALS for an unknown username or a wrong password alike. Opens nothing yet. With
 * `kdf` (sign-in: the KDF new slots use), an unknown username spends exactly that derivation, and
 * a slot made with another KDF or cost is re-sealed under it once the vault opens. Without it (a
 * backup's keyring, never re-written), the decoy spends the first user slot's own.
 */
export async function unwrapWithPassword(
  folder: string,
  username: string,
  password: string,
  kdf?: PasswordKdf,
): Promise<UnlockedKey> {
  const keys: Unwrapped[] = [];
  for (const candidate of loadKeyrings(folder)) {
    const keyring = candidate.file.body;
    const slotId = await slotIdFor(keyring, username);
    const slot = keyring.slots.find((s) => s.kind === 'user' && s.id === slotId);
    if (!slot) {
      const someUser = keyring.slots.find((s) => s.kind === 'user');
      await spendDecoyKdf(kdf ?? (someUser ? kdfOf(someUser) : DEFAULT_KDF));
      continue;
    }
    const unwrapped = await unwrapFrom(candidate, slot, password, kdf);
    if (unwrapped) keys.push(unwrapped);
  }
  if (keys.length === 0) throw new AppError('BAD_CREDENTIALS', 'badCredentials');
  return firstFitting(folder, keys);
}

export async function unwrapWithRecoveryKey(
  folder: string,
  typedKey: string,
): Promise<UnlockedKey> {
  const normalized = normalizeRecoveryKey(typedKey);
  const keys: Unwrapped[] = [];
  for (const candidate of loadKeyrings(folder)) {
    const slot = candidate.file.body.slots.find((s) => s.kind === 'recovery');
    if (!slot || !normalized) continue;
    const unwrapped = await unwrapFrom(candidate, slot, normalized);
    if (unwrapped) keys.push(unwrapped);
  }
  if (keys.length === 0) throw new AppError('BAD_CREDENTIALS', 'recoveryKeyWrong');
  return firstFitting(folder, keys);
}

export async function unlockWithPassword(
  folder: string,
  username: string,
  password: string,
  schema: Schema,
  context: () => WriteContext,
): Promise<OpenVault> {
  return (await unwrapWithPassword(folder, username, password)).open(schema, context);
}

export async function unlockWithRecoveryKey(
  folder: string,
  typedKey: string,
  schema: Schema,
  context: () => WriteContext,
): Promise<OpenVault> {
  return (await unwrapWithRecoveryKey(folder, typedKey)).open(schema, context);
}

/**
 * Replaces the (closed) vault in `folder` with a staged backup; see putBackupInPlace. The staged
 * copy is migrated in its staging folder first, without a backup of its own: it is one already.
 */
export function restoreStagedBackup(
  folder: string,
  staged: StagedBackup,
  schema: Schema,
  context: () => WriteContext,
  how?: RestoreKind,
): string {
  return putBackupInPlace(
    folder,
    staged,
    (stagedFolder, dataKey, keyring) =>
      OpenVault.open(stagedFolder, dataKey, keyring, schema, context, {
        backupBeforeUpgrade: false,
      }),
    how,
  );
}

/**
 * Replaces the (closed, damaged) vault in `folder` with a salvage of it (salvage.ts) under the
 * same keyring: `authorise` sees the salvaged database before anything moves, the damaged files
 * go untouched to safety-copies/damaged-<time>/, and the salvaged vault's log records what was
 * lost. Returns the counts and where the damaged files went.
 */
export function salvageVault(
  folder: string,
  key: UnlockedKey,
  schema: Schema,
  context: () => WriteContext,
  authorise: (db: Db) => void,
  detail: Record<string, string>,
  onProgress?: ProgressSink,
): SalvageCounts & { damagedCopy: string } {
  // A stage per table, then one for putting the salvaged vault in place.
  const progress = new StagedProgress(onProgress, 1);
  const staged = stageSalvage(folder, key.dataKeyHex, key.keyring, progress);
  try {
    const db = openDatabase(databasePath(staged.folder), Buffer.from(staged.dataKeyHex, 'hex'));
    try {
      authorise(db);
    } finally {
      db.close();
    }
  } catch (error) {
    staged.discard();
    throw error;
  }
  const { counts } = staged;
  const lost = counts.lost.map((l) => `${l.table}: ${l.rows ?? 'unknown'}`).join('; ');
  const damagedCopy = putStagedVaultInPlace(
    folder,
    staged,
    (stagedFolder, dataKey, keyring) =>
      OpenVault.open(stagedFolder, dataKey, keyring, schema, context, {
        backupBeforeUpgrade: false,
      }),
    'damaged',
    {
      action: 'vault.salvaged',
      detail: { ...detail, rowsCopied: counts.rowsCopied, lost: lost === '' ? 'none' : lost },
    },
  );
  progress.finish();
  return { ...counts, damagedCopy };
}
