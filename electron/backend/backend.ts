// The backend: the vault's state machine, the idle timer, and the router that every call passes
// through (DESIGN.md §4 steps 2–7; step 1, the sender check, belongs to the transport).
import { EventEmitter } from 'node:events';
import type { z } from 'zod';
import {
  procedures,
  isProcedureName,
  type LockReason,
  type SessionInfo,
  type VaultState,
} from '../../shared/contract';
import type { BackendEvent } from '../../shared/bridge';
import { AppError, type Envelope } from '../../shared/errors';
import { isAllowed } from '../../shared/permissions';
import type { BackendApi, BackendOptions, ScryptParams } from './api';
import type { AuditTarget, CallContext, Handler, Handlers } from './context';
import type { WriteContext } from './db/data-layer';
import { isCorruptionError } from './db/sqlcipher';
import { deviceIdOf, openPreferences } from './preferences';
import { adminHandlers } from './services/admin-handlers';
import { caseHandlers } from './services/cases/handlers';
import { sessionHandlers } from './services/session-handlers';
import { readSettings } from './services/settings-repo';
import { findUserById, type StaffUser } from './services/users-repo';
import { Backoff } from './vault/backoff';
import { DEFAULT_SCRYPT } from './vault/crypto';
import { isDemoVault, vaultPresence, type OpenVault } from './vault/vault';

type State =
  | { kind: 'closed' }
  | { kind: 'recovery'; vault: OpenVault }
  /** `openCaseFile`: the child whose case file this session last opened (an audited view). */
  | { kind: 'unlocked'; vault: OpenVault; userId: string; openCaseFile?: string };

const HANDLERS: Handlers = { ...sessionHandlers(), ...adminHandlers(), ...caseHandlers() };

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
  private readonly deviceId: string;
  private readonly kdf: ScryptParams;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Calls run one at a time: a sign-in's KDF must not interleave with a lock. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: BackendOptions) {
    this.backoff = new Backoff(options.dataFolder);
    this.deviceId = deviceIdOf(openPreferences(options.dataFolder));
    this.kdf = options.kdf ?? DEFAULT_SCRYPT;
  }

  call(name: string, input: unknown): Promise<Envelope<unknown>> {
    return this.enqueue(() => this.dispatch(name, input));
  }

  lock(reason: LockReason): Promise<void> {
    return this.enqueue(() => this.closeVault(reason));
  }

  private enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
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
    let auditTarget: AuditTarget | null = null;
    ctx.setAuditTarget = (target) => {
      auditTarget = target;
    };
    let viewAlreadyAudited = false;
    ctx.skipViewAudit = () => {
      viewAlreadyAudited = true;
    };
    try {
      // Session and permission are checked before the input is even parsed.
      if (spec.access === 'recovery') {
        if (this.state.kind !== 'recovery') throw new AppError('LOCKED', 'notInRecovery');
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
      const handler = HANDLERS[name] as Handler<typeof name>;
      const value = await handler(ctx, parsed.data as never);
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
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: this.toErrorShape(error) };
    }
  }

  private toErrorShape(error: unknown) {
    if (error instanceof AppError) return error.toShape();
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

  private currentUser(): StaffUser {
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
    if (this.state.kind === 'closed' || this.state.vault !== vault)
      this.closeVault('signOut', false);
    this.state = { kind: 'unlocked', vault, userId };
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
    this.closeVault('signOut', false);
    this.state = { kind: 'recovery', vault };
    this.backoff.takePendingAndReset();
    vault.audit.append({
      actorId: null,
      action: 'auth.recoveryKeyUnlock',
      targetType: 'vault',
      targetId: null,
    });
  }

  /** Closes the database and drops the key; tells the renderer so it drops every cached record. */
  private closeVault(reason: LockReason, notify = true): void {
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
    } finally {
      this.state = { kind: 'closed' };
      vault.close();
    }
    if (notify) this.events.emit('event', { type: 'locked', reason } satisfies BackendEvent);
  }

  private restartIdleTimer(): void {
    if (this.state.kind !== 'unlocked') return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const minutes = readSettings(this.state.vault).idleLockMinutes;
    const ms = this.options.idleLockMsOverride ?? minutes * 60_000;
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

export function createBackend(options: BackendOptions): BackendApi {
  return new Backend(options);
}
