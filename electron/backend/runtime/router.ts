// The backend: the vault's state machine, the idle timer, and the router that every call passes
// through (docs/architecture.md, "From a click to a row"; the sender check belongs to the transport).
import type { UserSummary } from '../../../shared/contract';
import { EventEmitter } from 'node:events';
import type { z } from 'zod';
import {
  procedures,
  isProcedureName,
  PROCEDURE_ID_FIELDS,
  type LockEventReason,
  type LockReason,
  type ProcedureName,
  type SessionInfo,
  type VaultState,
} from '../../../shared/contract';
import type { BackendEvent } from '../../../shared/bridge';
import { AppError, type Envelope } from '../../../shared/errors';
import { isAllowed } from '../../../shared/permissions';
import type { BackendApi, BackendOptions, PasswordKdf } from '../api';
import {
  composeAuditTargets,
  composeHandlers,
  composeIdScope,
  composeSchema,
  type Domain,
} from './composition';
import type {
  AuditDeclaration,
  AuditTarget,
  AuditTargets,
  CallContext,
  Handler,
  Handlers,
} from './call-context';
import type { WriteContext } from '../db/data-layer';
import { checkPages, isCorruptionError, isDiskFullError } from '../db/sqlcipher';
import { deviceIdOf, openPreferences, rememberLanguage } from '../preferences';
import { actorOf } from '../records/actor';
import type { Schema } from '../db/schema';
import { requireIdsInScope } from '../records/scope';
import { readSettings } from '../vault/settings';
import { dailyBackupTarget, makeDailyBackup, recordDailyBackup } from '../vault/daily-backups';
import type { KeyringBody } from '../vault/keyring';
import { todayIn } from '../../../shared/time';
import { accountSlotSources, findUserById, languageOf } from '../domains/access';
import { AUTO_SYNC_INTERVAL_MS, autoSyncStep, type AutoSyncState } from '../domains/sync';
import { Backoff } from '../vault/backoff';
import type { ProgressSink } from '../vault/progress';
import { progressEvents } from './progress-events';
import { DEFAULT_KDF } from '../vault/crypto';
import { isDemoVault, vaultPresence, type OpenVault } from '../vault/vault';
import type { AuditDetail, AuditRecord } from '../audit-log';

/** How long after the day's first sign-in its automatic backup starts. */
const AUTOMATIC_BACKUP_DELAY_MS = 10_000;

/** What the automatic backup's thread needs: the vault's folder and key, its keyring, the file. */
export interface AutomaticBackupJob {
  folder: string;
  dataKeyHex: string;
  keyring: KeyringBody;
  target: string;
}

/** Runs the automatic backup elsewhere and calls `done` with the failure's reason, or null. */
export type AutomaticBackupRunner = (
  job: AutomaticBackupJob,
  done: (error: string | null) => void,
) => void;

/** Recovery mode is an administrator reset one click away: it locks after one idle minute. */
export const RECOVERY_IDLE_MS = 60_000;

/**
 * Mutations that cannot run inside the call's one transaction: a lock closes the database, and
 * a re-key must run outside any transaction (it keeps its own pending-keyring order instead);
 * a backup attaches its copy (never inside a transaction), a restore closes the vault; a sync
 * applies each bundle in a transaction of its own, with foreign keys set aside; a join file's
 * snapshot attaches its copy, as a backup does.
 */
const OWN_TRANSACTION = new Set<string>([
  'session.lock',
  'vault.rotateKey',
  'backup.create',
  'backup.restore',
  'sync.now',
  'sync.addComputer',
]);

type State =
  | { kind: 'closed' }
  | { kind: 'recovery'; vault: OpenVault }
  /** `openCaseFile`: the child whose case file this session last opened (an audited view). */
  | { kind: 'unlocked'; vault: OpenVault; userId: string; openCaseFile?: string };

/** Zod issues → field path → i18n key. Custom messages are keys already; built-in ones become 'invalid'. */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    // An unknown key is reported against itself, so the caller sees which one.
    const paths =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((k) => [...base, k].join('.'))
        : [base.join('.') || '_'];
    const key =
      issue.code !== 'unrecognized_keys' && /^[a-zA-Z.]{1,40}$/.test(issue.message)
        ? issue.message
        : 'invalid';
    for (const path of paths) fields[path] ??= key;
  }
  return fields;
}

export class Backend implements BackendApi {
  private state: State = { kind: 'closed' };
  private readonly events = new EventEmitter();
  private readonly backoff: Backoff;
  /** This computer's id in the change log; a join gives it the one its join file holds. */
  private deviceId: string;
  private readonly kdf: PasswordKdf;
  private idleTimer: NodeJS.Timeout | null = null;
  private autoSyncTimer: NodeJS.Timeout | null = null;
  /** The whole-file page check runs once per app start (the host carries this across workers). */
  private pagesChecked: boolean;
  private damaged = false;
  /** An unlock in this worker answered CORRUPT: the damaged-vault restore is open. */
  private unlockFoundDamage = false;
  private pageChecker: ((dataKeyHex: string, done: (sound: boolean) => void) => void) | null = null;
  private backupRunner: AutomaticBackupRunner | null = null;
  /** Calls run one at a time: a sign-in's KDF must not interleave with a lock. */
  private queue: Promise<unknown> = Promise.resolve();

  private readonly handlers: Handlers;
  private readonly auditTargets: AuditTargets;
  private readonly schema: Schema;
  private readonly idScope: ReturnType<typeof composeIdScope>;

  constructor(
    private readonly options: BackendOptions,
    domains?: readonly Domain[],
  ) {
    this.handlers = composeHandlers(domains);
    this.auditTargets = composeAuditTargets(domains);
    this.schema = composeSchema(domains);
    this.idScope = composeIdScope(domains);
    this.backoff = new Backoff(options.dataFolder);
    this.deviceId = deviceIdOf(openPreferences(options.dataFolder));
    this.kdf = options.kdf ?? DEFAULT_KDF;
    this.pagesChecked = options.pagesChecked ?? false;
    this.damaged = options.damaged ?? false;
  }

  call(name: string, input: unknown): Promise<Envelope<unknown>> {
    return this.enqueue(() => this.dispatch(name, input));
  }

  lock(reason: LockReason): Promise<void> {
    return this.enqueue(() => this.closeVault(reason));
  }

  /**
   * call() and lock() for a worker that the host ends at its lock (worker.ts). Once `ended()`
   * holds when its turn in the queue comes, a call made in the session that ended is answered
   * here (LOCKED), but a lock, or a call that needs no session (a sign-in, the app's status),
   * runs nowhere here: 'handOn' has the host give it to the next worker. Otherwise a sign-in
   * queued behind a sign-out would open its session in this worker, whose end locks it.
   */
  callUnlessEnded(
    ended: () => boolean,
    name: string,
    input: unknown,
  ): Promise<Envelope<unknown> | 'handOn'> {
    return this.enqueue<Envelope<unknown> | 'handOn'>(() =>
      ended() && isProcedureName(name) && procedures[name].access === 'public'
        ? 'handOn'
        : this.dispatch(name, input),
    );
  }

  lockUnlessEnded(ended: () => boolean, reason: LockReason): Promise<'handOn' | 'done'> {
    return this.enqueue(() => {
      if (ended()) return 'handOn';
      this.closeVault(reason);
      return 'done';
    });
  }

  private enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Who is signed in and the data key, for the worker's read-only twin (see reader.ts); null
   * while locked or in recovery. The key stays inside the backend's worker threads.
   */
  readSession(): { userId: string; dataKeyHex: string } | null {
    if (this.state.kind !== 'unlocked') return null;
    return { userId: this.state.userId, dataKeyHex: this.state.vault.exportDataKeyHex() };
  }

  onEvent(listener: (event: BackendEvent) => void): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }

  async close(): Promise<void> {
    await this.queue;
    this.closeVault('system');
    this.events.removeAllListeners();
  }

  // ---- the router --------------------------------------------------------------------------
  private async dispatch(name: string, rawInput: unknown): Promise<Envelope<unknown>> {
    if (!isProcedureName(name))
      return { ok: false, error: new AppError('NOT_FOUND', 'notFound').toShape() };
    const spec = procedures[name];
    const ctx = this.context();
    if ('progress' in spec && spec.progress === true) ctx.progress = this.progressOf(name);
    let auditTarget: AuditTarget | null = null;
    let failedAttempt: AuditRecord | null = null;
    ctx.setAuditTarget = (target) => {
      auditTarget = target;
    };
    ctx.auditFailedAttempt = (record) => {
      failedAttempt = record;
    };
    let work: OpenVault | null = null;
    let viewAlreadyAudited = false;
    ctx.skipViewAudit = () => {
      viewAlreadyAudited = true;
    };
    try {
      // Session and permission are checked before the input is even parsed.
      if (spec.access === 'recovery') {
        if (this.state.kind !== 'recovery') throw new AppError('LOCKED', 'notInRecovery');
        this.restartIdleTimer();
      } else if (name === 'session.lock' && this.state.kind === 'recovery') {
        // Recovery mode locks like any session ("Lock now", the OS lock, quick hide).
      } else if (spec.access !== 'public') {
        if (this.state.kind !== 'unlocked') throw new AppError('LOCKED', 'locked');
        const user = ctx.user();
        if (!isAllowed(name, user.role)) {
          this.state.vault.audit.append({ actorId: user.id, action: name, outcome: 'denied' });
          throw new AppError('FORBIDDEN', 'forbidden');
        }
        if (user.mustChangePassword && !spec.duringPasswordChange) {
          throw new AppError('PASSWORD_CHANGE_REQUIRED', 'passwordChangeRequired');
        }
        this.restartIdleTimer();
      }
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        throw new AppError('VALIDATION', 'validation', { fields: fieldErrors(parsed.error) });
      }
      // Every id the input carries names a record the caller may see, or the call is NOT_FOUND.
      const idFields = PROCEDURE_ID_FIELDS[name];
      if (idFields.length > 0) {
        const actor = this.state.kind === 'unlocked' ? actorOf(ctx.user()) : null;
        requireIdsInScope(ctx.vault(), actor, this.idScope, idFields, parsed.data);
      }
      const handler = this.handlers[name] as Handler<typeof name>;
      // One transaction for the handler's rows, its audit row and the keyring (written last).
      if (spec.kind === 'mutation' && spec.access !== 'public' && !OWN_TRANSACTION.has(name)) {
        work = this.state.kind === 'closed' ? null : this.state.vault;
        work?.beginWork();
      }
      const value = await handler(ctx, parsed.data as never);
      const declared = this.auditTargets[name] as AuditDeclaration<typeof name> | undefined;
      if (declared) {
        const input = parsed.data as never;
        auditTarget = {
          targetType: declared.targetType,
          targetId: declared.targetId(input, value),
          detail: declared.detail?.(input, value),
        };
      }
      if (
        (spec.kind === 'mutation' ||
          ('auditView' in spec && spec.auditView === true && !viewAlreadyAudited)) &&
        Array.isArray(spec.access) &&
        this.state.kind === 'unlocked'
      ) {
        const target = auditTarget as AuditTarget | null;
        this.state.vault.audit.append({
          actorId: this.state.userId,
          action: name,
          targetType: target?.targetType ?? null,
          targetId: target?.targetId ?? null,
          detail: target?.detail ?? null,
        });
      }
      work?.commitWork();
      return { ok: true, value };
    } catch (error) {
      if (work && this.state.kind !== 'closed' && this.state.vault === work) work.rollbackWork();
      const attempt = failedAttempt as AuditRecord | null;
      if (attempt && this.state.kind !== 'closed') this.appendQuietly(this.state.vault, attempt);
      const shape = this.toErrorShape(error);
      if (shape.code === 'CORRUPT' && spec.access === 'public' && this.state.kind === 'closed')
        this.unlockFoundDamage = true;
      return { ok: false, error: shape };
    }
  }

  /** Progress events for one call of `name`, to whoever listens (the host, then the renderer). */
  private progressOf(name: ProcedureName): ProgressSink {
    return progressEvents(name, (event) => this.events.emit('event', event));
  }

  private appendQuietly(vault: OpenVault, record: AuditRecord): void {
    try {
      vault.audit.append(record);
    } catch (error) {
      console.error('[aruga] audit append failed:', this.toErrorShape(error).code);
    }
  }

  private toErrorShape(error: unknown) {
    if (error instanceof AppError) return error.toShape();
    if (isDiskFullError(error)) return new AppError('STORAGE', 'diskFull').toShape();
    if (isCorruptionError(error)) return new AppError('CORRUPT', 'databaseDamaged').toShape();
    // Logged for the developer; the renderer only ever sees the code.
    console.error(
      '[aruga] internal error',
      process.env.ARUGA_DEBUG ? error : error instanceof Error ? error.name : typeof error,
    );
    return new AppError('INTERNAL', 'internal').toShape();
  }

  // ---- state -------------------------------------------------------------------------------
  private vaultState(): VaultState {
    if (this.state.kind === 'unlocked') return 'unlocked';
    if (this.state.kind === 'recovery') return 'recovery';
    return vaultPresence(this.options.dataFolder) === 'none' ? 'setup' : 'locked';
  }

  private writeContext = (): WriteContext => ({
    userId: this.state.kind === 'unlocked' ? this.state.userId : null,
    deviceId: this.deviceId,
  });

  private currentUser(): UserSummary {
    if (this.state.kind !== 'unlocked') throw new AppError('LOCKED', 'locked');
    const user = findUserById(this.state.vault, this.state.userId);
    if (!user || !user.active) throw new AppError('LOCKED', 'locked');
    return user;
  }

  private sessionInfo(): SessionInfo | null {
    if (this.state.kind !== 'unlocked') return null;
    const user = this.currentUser();
    return {
      userId: user.id,
      displayName: user.displayName,
      username: user.username,
      role: user.role,
      mustChangePassword: user.mustChangePassword,
      language: languageOf(this.state.vault, user.id),
      settings: readSettings(this.state.vault),
    };
  }

  private startSession(
    vault: OpenVault,
    userId: string,
    via: 'password' | 'recoveryKey' | 'setup',
  ): SessionInfo {
    // From recovery the same vault stays open; anything else open is closed first.
    if (this.state.kind !== 'closed' && this.state.vault !== vault)
      this.closeVault('signOut', false);
    const fresh = this.state.kind === 'closed';
    this.state = { kind: 'unlocked', vault, userId };
    if (fresh) this.reviewOpenedVault(vault);
    if (fresh) this.startAutoSync(vault);
    if (fresh && via !== 'setup' && this.options.automaticBackups !== false) {
      // A little after sign-in, so the first screens get the cores; calls then wait their turn.
      const timer = setTimeout(
        () => void this.enqueue(() => this.automaticBackup(vault)),
        this.options.automaticBackupDelayMs ?? AUTOMATIC_BACKUP_DELAY_MS,
      );
      timer.unref?.();
    }
    this.auditPendingFailures(vault);
    vault.data.update('users', userId, { last_sign_in_at: new Date().toISOString() });
    vault.audit.append({
      actorId: userId,
      action: 'auth.signIn',
      targetType: 'user',
      targetId: userId,
      detail: { via },
    });
    this.restartIdleTimer();
    const session = this.sessionInfo()!;
    // The next sign-in screen on this computer speaks the language of the last person here.
    rememberLanguage(this.options.dataFolder, session.language);
    return session;
  }

  private enterRecovery(vault: OpenVault): void {
    this.state = { kind: 'recovery', vault };
    this.reviewOpenedVault(vault);
    this.auditPendingFailures(vault);
    vault.audit.append({
      actorId: null,
      action: 'auth.recoveryKeyUnlock',
      targetType: 'vault',
      targetId: null,
    });
    this.restartIdleTimer();
  }

  /**
   * What an unlock found, recorded for the administrator: planted key slots (dropped), a damaged
   * keyring replaced by the previous good one, a database older than the keyring's checkpoint.
   * Then the whole file's page check, once per app start, after the sign-in has answered.
   */
  /** The sign-in failures kept since the vault was last open, audited now that it is. */
  private auditPendingFailures(vault: OpenVault): void {
    for (const failure of this.backoff.takePendingAndReset()) {
      vault.audit.append({
        actorId: null,
        action: 'auth.signInFailed',
        outcome: 'failed',
        at: failure.at,
        detail: { with: failure.kind },
      });
    }
  }

  private reviewOpenedVault(vault: OpenVault): void {
    const { findings } = vault;
    const checkpoint = vault.keyring.checkpoint;
    // Recorded once: until the log passes the old mark, every unlock would find it again.
    /** What the unlock found wrong, for the administrator: a failed outcome on the vault. */
    const report = (action: string, detail?: AuditDetail) =>
      vault.audit.append({
        actorId: null,
        action,
        outcome: 'failed',
        targetType: 'vault',
        targetId: null,
        ...(detail ? { detail } : {}),
      });
    if (checkpoint && !vault.keyring.rollback && !vault.audit.reaches(checkpoint)) {
      vault.recordRollback(vault.audit.checkpoint().seq);
      report('vault.rollbackDetected', { checkpointSeq: checkpoint.seq });
    }
    if (findings.tampered) report('vault.keyringTampered', { plantedSlots: findings.plantedSlots });
    if (findings.restoredFromPrevious) report('vault.keyringRestored');
    // Re-written from what was authenticated: planted slots are gone from the file too.
    if (findings.tampered || findings.restoredFromPrevious) vault.writeCheckpoint();
    if (this.pagesChecked) return;
    if (this.pageChecker) {
      this.pageChecker(
        vault.exportDataKeyHex(),
        (sound) => void this.enqueue(() => this.recordPageCheck(sound)),
      );
    } else {
      setImmediate(() => void this.enqueue(() => this.checkPagesOnce(vault)));
    }
  }

  /**
   * Today's backup, if there is none yet. With a runner (the worker's backup thread) this queue
   * only starts it and later records how it went, so calls go on meanwhile; without one (unit
   * tests of the router alone) it runs here, in turn.
   */
  private automaticBackup(vault: OpenVault): void {
    if (this.state.kind === 'closed' || this.state.vault !== vault) return;
    const target = dailyBackupTarget(vault, todayIn(readSettings(vault).timeZone));
    if (!target) return;
    const record = (error: string | null) => {
      if (error) console.error('[aruga] the automatic backup failed:', error);
      // After a lock the outcome cannot be kept; the next day's backup tries again.
      if (this.state.kind !== 'closed' && this.state.vault === vault)
        recordDailyBackup(vault, error);
    };
    if (!this.backupRunner) {
      record(makeDailyBackup(target, (file) => vault.backupTo(file)));
      return;
    }
    const job = {
      folder: vault.folder,
      dataKeyHex: vault.exportDataKeyHex(),
      keyring: vault.keyring,
      target,
    };
    this.backupRunner(job, (error) => void this.enqueue(() => record(error)));
  }

  /** The page check on this backend's own connection and queue (no worker to run it beside). */
  private checkPagesOnce(vault: OpenVault): void {
    if (this.pagesChecked || this.state.kind === 'closed' || this.state.vault !== vault) return;
    let sound = false;
    try {
      sound = checkPages(vault.db);
    } catch {
      sound = false;
    }
    this.recordPageCheck(sound);
  }

  /** A damaged page locks the vault at once; sign-in then answers "database damaged". */
  private recordPageCheck(sound: boolean): void {
    if (this.pagesChecked) return;
    this.pagesChecked = true;
    this.damaged = !sound;
    this.events.emit('internal', { pagesChecked: true, damaged: this.damaged });
    if (!sound) {
      console.error('[aruga] the database failed its page check');
      this.closeVault('damaged');
    }
  }

  /**
   * Runs the once-per-start page check elsewhere: the worker gives it a thread of its own, so
   * the 0.8 s it takes on a large vault delays no call. `done` is not called if it could not run.
   */
  checkPagesWith(checker: (dataKeyHex: string, done: (sound: boolean) => void) => void): void {
    this.pageChecker = checker;
  }

  /** Runs the automatic backup in a thread of its own (the worker's), so no call waits for it. */
  backupWith(runner: AutomaticBackupRunner): void {
    this.backupRunner = runner;
  }

  /** For the worker: the page check's result, carried to the next worker by the host. */
  onPagesChecked(listener: (result: { damaged: boolean }) => void): void {
    this.events.on('internal', listener);
  }

  /** Refuses to open a vault whose pages failed the check earlier in this run of the app. */
  refuseIfDamaged(): void {
    if (this.damaged) throw new AppError('CORRUPT', 'databaseDamaged');
  }

  /** Closes the database and drops the key; tells the renderer so it drops every cached record. */
  private closeVault(reason: LockEventReason, notify = true): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.autoSyncTimer) clearInterval(this.autoSyncTimer);
    this.autoSyncTimer = null;
    if (this.state.kind === 'closed') return;
    const { vault } = this.state;
    try {
      if (this.state.kind === 'unlocked') {
        vault.audit.append({
          actorId: this.state.userId,
          action: 'session.lock',
          detail: { reason },
        });
      }
      // The audit head goes into the authenticated keyring at every lock.
      vault.writeCheckpoint();
    } catch (error) {
      // A full disk must never keep the vault open: lock anyway.
      console.error('[aruga] could not record the lock:', this.toErrorShape(error).code);
    } finally {
      this.state = { kind: 'closed' };
      vault.close();
    }
    if (notify) this.events.emit('event', { type: 'locked', reason } satisfies BackendEvent);
  }

  /** While unlocked, sync with the saved folder whenever it or this computer's changes move. */
  private startAutoSync(vault: OpenVault): void {
    const ms = this.options.autoSyncIntervalMs ?? AUTO_SYNC_INTERVAL_MS;
    if (ms <= 0) return;
    if (this.autoSyncTimer) clearInterval(this.autoSyncTimer);
    const state: AutoSyncState = { fingerprint: null };
    this.autoSyncTimer = setInterval(
      () => void this.enqueue(() => this.autoSync(vault, state)),
      ms,
    );
    this.autoSyncTimer.unref?.();
  }

  private async autoSync(vault: OpenVault, state: AutoSyncState): Promise<void> {
    if (this.state.kind !== 'unlocked' || this.state.vault !== vault) return;
    try {
      const report = autoSyncStep(vault, this.deviceId, state);
      if (!report || (report.applied.length === 0 && !report.written && !report.refused.length))
        return;
      if (report.applied.length > 0) {
        // As after Sync now: accounts made, changed or disabled elsewhere reach this keyring.
        await vault.syncAccountSlots(accountSlotSources(vault));
        // The screens learn of records that arrived with no one asking.
        this.events.emit('event', { type: 'synced' } satisfies BackendEvent);
      }
      // Audited as Sync now is, marked as the computer's own doing.
      vault.audit.append({
        actorId: this.state.userId,
        action: 'sync.now',
        targetType: 'syncFolder',
        detail: {
          applied: report.applied.length,
          refused: report.refused.length,
          written: report.written !== null,
          deleted: report.deleted.length,
          automatic: true,
        },
      });
    } catch (error) {
      // A folder that vanished mid-sync or a full disk: the next look tries again.
      console.error('[aruga] the automatic sync failed:', this.toErrorShape(error).code);
    }
  }

  private replaceSession<T>(open: () => T): T {
    const hadSession = this.state.kind !== 'closed';
    this.closeVault('signOut', false);
    try {
      return open();
    } catch (error) {
      if (hadSession) this.events.emit('event', { type: 'locked', reason: 'signOut' });
      throw error;
    }
  }

  private restartIdleTimer(): void {
    if (this.state.kind === 'closed') return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const ms =
      this.state.kind === 'recovery'
        ? Math.min(RECOVERY_IDLE_MS, this.options.idleLockMsOverride ?? RECOVERY_IDLE_MS)
        : (this.options.idleLockMsOverride ??
          readSettings(this.state.vault).idleLockMinutes * 60_000);
    this.idleTimer = setTimeout(() => void this.lock('idle'), ms);
    this.idleTimer.unref?.();
  }

  private context(): CallContext {
    return {
      folder: this.options.dataFolder,
      kdf: this.kdf,
      backoff: this.backoff,
      writeContext: this.writeContext,
      schema: this.schema,
      vault: () => {
        if (this.state.kind === 'closed') throw new AppError('LOCKED', 'locked');
        return this.state.vault;
      },
      user: () => this.currentUser(),
      inRecovery: () => this.state.kind === 'recovery',
      isDemo: () => isDemoVault(this.options.dataFolder),
      startSession: (vault, userId, via) => this.startSession(vault, userId, via),
      enterRecovery: (vault) => this.enterRecovery(vault),
      sessionInfo: () => this.sessionInfo(),
      vaultState: () => this.vaultState(),
      lock: (reason) => this.closeVault(reason),
      setAuditTarget: () => undefined,
      auditFailedAttempt: () => undefined,
      progress: () => undefined,
      refuseIfDamaged: () => this.refuseIfDamaged(),
      vaultFoundDamaged: () => this.damaged || this.unlockFoundDamage,
      damagedVaultReplaced: () => {
        this.unlockFoundDamage = false;
        // The restored copy passed both integrity checks when it was staged.
        if (this.damaged) {
          this.damaged = false;
          this.events.emit('internal', { pagesChecked: true, damaged: false });
        }
      },
      onLockLost: () => void this.lock('system'),
      adoptDeviceId: (deviceId) => {
        openPreferences(this.options.dataFolder).set('deviceId', deviceId);
        this.deviceId = deviceId;
      },
      replaceSession: (open) => this.replaceSession(open),
      skipViewAudit: () => undefined,
      announceSynced: () => this.events.emit('event', { type: 'synced' } satisfies BackendEvent),
      noteOpenCaseFile: (childId) => {
        if (this.state.kind !== 'unlocked') return false;
        const already = this.state.openCaseFile === childId;
        this.state.openCaseFile = childId;
        return already;
      },
    };
  }
}

/** `domains` defaults to the app's own (composition.ts); tests may add one, e.g. a discharge guard. */
export function createBackend(options: BackendOptions, domains?: readonly Domain[]): Backend {
  return new Backend(options, domains);
}
