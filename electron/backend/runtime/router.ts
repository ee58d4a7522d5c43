// The backend: the vault's state machine and the idle timer; every call passes through the router
// (dispatch.ts; docs/architecture.md, "From a click to a row"; the sender check belongs to the transport).
import { EventEmitter } from 'node:events';
import type {
  UserSummary,
  LockEventReason,
  LockReason,
  SessionInfo,
  VaultState,
} from '../../../shared/contract';
import type { BackendEvent } from '../../../shared/bridge';
import { AppError, type Envelope } from '../../../shared/errors';
import type { BackendApi, BackendOptions, ScryptParams } from '../api';
import { composeAuditTargets, composeHandlers, type Domain } from './composition';
import type { CallContext } from './call-context';
import { dispatch, toErrorShape, type Router } from './dispatch';
import type { WriteContext } from '../db/data-layer';
import { checkPages } from '../db/sqlcipher';
import { deviceIdOf, openPreferences } from '../preferences';
import { readSettings } from '../vault/settings';
import { findUserById } from '../domains/access';
import { Backoff } from '../vault/backoff';
import { DEFAULT_SCRYPT } from '../vault/crypto';
import { isDemoVault, vaultPresence, type OpenVault } from '../vault/vault';
import type { AuditDetail } from '../audit-log';

/** Recovery mode is an administrator reset one click away: it locks after one idle minute. */
export const RECOVERY_IDLE_MS = 60_000;

type State =
  | { kind: 'closed' }
  | { kind: 'recovery'; vault: OpenVault }
  /** `openCaseFile`: the child whose case file this session last opened (an audited view). */
  | { kind: 'unlocked'; vault: OpenVault; userId: string; openCaseFile?: string };

export class Backend implements BackendApi {
  private state: State = { kind: 'closed' };
  private readonly events = new EventEmitter();
  private readonly backoff: Backoff;
  private readonly deviceId: string;
  private readonly kdf: ScryptParams;
  private idleTimer: NodeJS.Timeout | null = null;
  /** The whole-file page check runs once per app start (the host carries this across workers). */
  private pagesChecked: boolean;
  private damaged = false;
  private pageChecker: ((dataKeyHex: string, done: (sound: boolean) => void) => void) | null = null;
  /** Calls run one at a time: a sign-in's KDF must not interleave with a lock. */
  private queue: Promise<unknown> = Promise.resolve();

  private readonly router: Router;

  constructor(
    private readonly options: BackendOptions,
    domains?: readonly Domain[],
  ) {
    this.router = {
      handlers: composeHandlers(domains),
      auditTargets: composeAuditTargets(domains),
      session: () => this.state,
      context: () => this.context(),
      restartIdleTimer: () => this.restartIdleTimer(),
    };
    this.backoff = new Backoff(options.dataFolder);
    this.deviceId = deviceIdOf(openPreferences(options.dataFolder));
    this.kdf = options.kdf ?? DEFAULT_SCRYPT;
    this.pagesChecked = options.pagesChecked ?? false;
    this.damaged = options.damaged ?? false;
  }

  call(name: string, input: unknown): Promise<Envelope<unknown>> {
    return this.enqueue(() => dispatch(this.router, name, input));
  }

  lock(reason: LockReason): Promise<void> {
    return this.enqueue(() => this.closeVault(reason));
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
    for (const failure of this.backoff.takePendingAndReset()) {
      vault.audit.append({
        actorId: null,
        action: 'auth.signInFailed',
        outcome: 'failed',
        at: failure.at,
        detail: { with: failure.kind },
      });
    }
    vault.data.update('users', userId, { last_sign_in_at: new Date().toISOString() });
    vault.audit.append({
      actorId: userId,
      action: 'auth.signIn',
      targetType: 'user',
      targetId: userId,
      detail: { via },
    });
    this.restartIdleTimer();
    return this.sessionInfo()!;
  }

  private enterRecovery(vault: OpenVault): void {
    this.state = { kind: 'recovery', vault };
    this.reviewOpenedVault(vault);
    for (const failure of this.backoff.takePendingAndReset()) {
      vault.audit.append({
        actorId: null,
        action: 'auth.signInFailed',
        outcome: 'failed',
        at: failure.at,
        detail: { with: failure.kind },
      });
    }
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
      console.error('[aruga] could not record the lock:', toErrorShape(error).code);
    } finally {
      this.state = { kind: 'closed' };
      vault.close();
    }
    if (notify) this.events.emit('event', { type: 'locked', reason } satisfies BackendEvent);
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
      refuseIfDamaged: () => this.refuseIfDamaged(),
      onLockLost: () => void this.lock('system'),
      replaceSession: (open) => this.replaceSession(open),
      skipViewAudit: () => undefined,
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
