// The backend's read-only twin. It runs in a thread of its own on a second, read-only SQLCipher
// connection, so a quick read (a search keystroke) does not wait behind a long one (occupancy,
// the audit log) on the main backend thread. It answers only plain reads by a signed-in user:
// anything else — a mutation, an audited view, a call that would be refused or is malformed —
// goes back to the main backend, which checks, audits and answers it as before.
import { isProcedureName, PROCEDURE_ID_FIELDS, procedures } from '../../../shared/contract';
import { AppError, type Envelope } from '../../../shared/errors';
import { isAllowed } from '../../../shared/permissions';
import { composeHandlers, ID_SCOPE, SCHEMA } from './composition';
import type { CallContext, Handler, Handlers } from './call-context';
import { isCorruptionError } from '../db/sqlcipher';
import { actorOf } from '../records/actor';
import { requireIdsInScope } from '../records/scope';
import { findUserById } from '../domains/access';
import { isPlainRead } from './read-routing';
import { OpenVault } from '../vault/vault';

const HANDLERS: Handlers = composeHandlers();

/** What the main backend tells its twin: the signed-in user and the data key, or nobody. */
export type ReaderSession = { userId: string; dataKeyHex: string } | null;

/** 'main' sends the call to the main backend. */
export type ReaderAnswer = Envelope<unknown> | 'main';

export class ReadReplica {
  private session: { vault: OpenVault; userId: string; dataKeyHex: string } | null = null;

  /**
   * `generation` is shared with the main backend, which bumps it whenever the session changes
   * (a lock, a sign-in): an answer computed across such a change is not sent.
   */
  constructor(
    private readonly folder: string,
    private readonly generation: Int32Array,
  ) {}

  /** Opens, switches or (null) closes the read-only connection. */
  setSession(next: ReaderSession): void {
    if (next && this.session?.dataKeyHex === next.dataKeyHex) {
      this.session.userId = next.userId;
      return;
    }
    this.close();
    if (!next) return;
    const key = Buffer.from(next.dataKeyHex, 'hex');
    try {
      const vault = OpenVault.openReadOnly(this.folder, key, SCHEMA, () => ({
        userId: next.userId,
        deviceId: 'reader',
      }));
      this.session = { vault, userId: next.userId, dataKeyHex: next.dataKeyHex };
    } catch {
      key.fill(0); // the main backend answers everything until the next session
    }
  }

  close(): void {
    this.session?.vault.close();
    this.session = null;
  }

  async call(name: string, input: unknown): Promise<ReaderAnswer> {
    const session = this.session;
    if (!session || !isPlainRead(name) || !isProcedureName(name)) return 'main';
    const spec = procedures[name];
    const started = Atomics.load(this.generation, 0);
    try {
      const user = findUserById(session.vault, session.userId);
      if (!user || !user.active || !isAllowed(name, user.role)) return 'main';
      if (user.mustChangePassword && !spec.duringPasswordChange) return 'main';
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) return 'main';
      // The same scope check as the main backend's router: every id names a record in scope.
      const idFields = PROCEDURE_ID_FIELDS[name];
      if (idFields.length > 0)
        requireIdsInScope(session.vault, actorOf(user), ID_SCOPE, idFields, parsed.data);
      const handler = HANDLERS[name] as Handler<typeof name>;
      const value = await handler(this.context(session.vault), parsed.data as never);
      return Atomics.load(this.generation, 0) === started ? { ok: true, value } : 'main';
    } catch (error) {
      if (error instanceof AppError && Atomics.load(this.generation, 0) === started)
        return { ok: false, error: error.toShape() };
      // A damaged page, a re-keyed file, anything unexpected: the main backend decides.
      if (isCorruptionError(error)) this.close();
      return 'main';
    }
  }

  private context(vault: OpenVault): CallContext {
    const refuse = (): never => {
      throw new Error('the read-only twin cannot do this');
    };
    return {
      folder: this.folder,
      get kdf() {
        return refuse();
      },
      get backoff() {
        return refuse();
      },
      writeContext: () => ({ userId: this.session?.userId ?? null, deviceId: 'reader' }),
      schema: SCHEMA,
      vault: () => vault,
      user: () => {
        const user = this.session ? findUserById(vault, this.session.userId) : null;
        if (!user) throw new AppError('LOCKED', 'locked');
        return user;
      },
      inRecovery: () => false,
      isDemo: refuse,
      startSession: refuse,
      enterRecovery: refuse,
      sessionInfo: refuse,
      vaultState: refuse,
      lock: refuse,
      setAuditTarget: refuse,
      progress: refuse,
      auditFailedAttempt: refuse,
      refuseIfDamaged: refuse,
      vaultFoundDamaged: refuse,
      damagedVaultReplaced: refuse,
      onLockLost: refuse,
      adoptDeviceId: refuse,
      replaceSession: refuse,
      skipViewAudit: refuse,
      announceSynced: refuse,
      noteOpenCaseFile: refuse,
    };
  }
}
