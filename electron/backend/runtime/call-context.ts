// What a procedure handler may touch: the session state machine, never the transport.
import type { Schema } from '../db/schema';
import type { UserSummary } from '../../../shared/contract';
import type {
  LockReason,
  ProcedureName,
  ProcedureOutput,
  ProcedureParsedInput,
  SessionInfo,
  VaultState,
} from '../../../shared/contract';
import type { PasswordKdf } from '../api';
import type { AuditDetail, AuditRecord } from '../audit-log';
import type { WriteContext } from '../db/data-layer';
import type { Backoff } from '../vault/backoff';
import type { ProgressSink } from '../vault/progress';
import type { OpenVault } from '../vault/vault';

export interface AuditTarget {
  targetType: string;
  targetId: string | null;
  detail?: AuditDetail;
}

/**
 * A procedure's audit target, declared once beside its handler: the record's type and how to
 * read its id (and any detail: ids and codes, never content) from the input and the result.
 * The router writes the entry after the handler has succeeded.
 */
export interface AuditDeclaration<N extends ProcedureName> {
  targetType: string;
  targetId(input: ProcedureParsedInput<N>, output: ProcedureOutput<N>): string | null;
  detail?(input: ProcedureParsedInput<N>, output: ProcedureOutput<N>): AuditDetail | undefined;
}

export type AuditTargets = { [N in ProcedureName]?: AuditDeclaration<N> };

export interface CallContext {
  readonly folder: string;
  readonly kdf: PasswordKdf;
  readonly backoff: Backoff;
  /** Who and where, for the change log of the vault being opened. */
  readonly writeContext: () => WriteContext;
  /** The composed schema: what a vault being opened is migrated to and may write. */
  readonly schema: Schema;
  /** The open vault (signed in, or unlocked by the recovery key); LOCKED otherwise. */
  vault(): OpenVault;
  /** The signed-in user; LOCKED otherwise. */
  user(): UserSummary;
  /** Vault opened by the recovery key and nobody signed in yet. */
  inRecovery(): boolean;
  isDemo(): boolean;
  /** Sign `userId` in on an open vault; audits the sign-in and any failures since the last one. */
  startSession(
    vault: OpenVault,
    userId: string,
    via: 'password' | 'recoveryKey' | 'setup',
  ): SessionInfo;
  enterRecovery(vault: OpenVault): void;
  sessionInfo(): SessionInfo | null;
  vaultState(): VaultState;
  lock(reason: LockReason): void;
  /**
   * Names the record a mutation touched, for the router's audit entry, when it depends on more
   * than the input and the result (otherwise declare it: AuditTargets).
   */
  setAuditTarget(target: AuditTarget): void;
  /** An audit entry for a refused attempt, appended after the call's transaction rolls back. */
  auditFailedAttempt(record: AuditRecord): void;
  /** CORRUPT when this run of the app already found the database's pages damaged. */
  refuseIfDamaged(): void;
  /** Whether this run of the app found the vault damaged (its pages, or an unlock said CORRUPT). */
  vaultFoundDamaged(): boolean;
  /** A backup replaced the damaged vault: it may be opened again. */
  damagedVaultReplaced(): void;
  /** For the folder lock: another process took it over, so this one must lock at once. */
  onLockLost(): void;
  /** A join made this computer the one its join file names: its device id from now on. */
  adoptDeviceId(deviceId: string): void;
  /**
   * Closes whatever vault is open and runs `open` in its place (a sign-in replacing a session,
   * after its credentials were checked). The renderer is told of a lock only if `open` fails.
   */
  replaceSession<T>(open: () => T): T;
  /** This call of an audited view repeats a view already recorded: write no entry for it. */
  skipViewAudit(): void;
  /**
   * How far this call's work is, in units it has really done (vault/progress.ts); sent to the
   * renderer as progress events for a procedure declared with `progress: true`, else ignored.
   */
  progress: ProgressSink;
  /** Records from other computers were applied: the renderer asks for what it shows again. */
  announceSynced(): void;
  /** Notes that this session has `childId`'s case file open; true if it already had. */
  noteOpenCaseFile(childId: string): boolean;
}

export type Handler<N extends ProcedureName> = (
  ctx: CallContext,
  input: ProcedureParsedInput<N>,
) => ProcedureOutput<N> | Promise<ProcedureOutput<N>>;

export type Handlers = { [N in ProcedureName]: Handler<N> };
