// Setup, sign-in, recovery, lock and one's own password.
import { AppError } from '../../../../shared/errors';
import type { AuditTargets, Handlers } from '../../runtime/call-context';
import { createVault, unwrapWithPassword, unwrapWithRecoveryKey } from '../../vault/vault';
import { requireAcceptablePassword } from './password-rules';
import { writeSettings } from '../../vault/settings';
import { findUserById, findUserByUsername, insertUser, listUsers } from './users-repo';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { lastLanguage, rememberLanguage } from '../../preferences';
import type { CallContext } from '../../runtime/call-context';

type SessionHandlers = Pick<
  Handlers,
  | 'app.status'
  | 'vault.create'
  | 'auth.signIn'
  | 'auth.recover'
  | 'auth.recoveryResetAdmin'
  | 'session.lock'
  | 'session.touch'
  | 'account.changePassword'
  | 'account.setLanguage'
>;

/** Refuses while the persisted back-off runs; counts a failure when `attempt` throws bad credentials. */
async function withBackoff<T>(
  ctx: CallContext,
  kind: 'password' | 'recoveryKey',
  attempt: () => Promise<T>,
): Promise<T> {
  const wait = ctx.backoff.retryAfterSeconds();
  if (wait > 0) throw new AppError('BACKOFF', 'backoff', { retryAfterSeconds: wait });
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof AppError && error.code === 'BAD_CREDENTIALS') {
      const retryAfterSeconds = ctx.backoff.recordFailure(kind);
      throw new AppError('BAD_CREDENTIALS', error.message, { retryAfterSeconds });
    }
    throw error;
  }
}

/**
 * An account made before accounts travelled has no credential, so no other computer can make a
 * slot for it. Its password is in hand only now, at sign-in: the credential made from it replaces
 * this computer's slot and goes into the (synced) row, with one unit of work for both. A failure
 * leaves the account as it was (the session stands; the next sign-in tries again).
 */
async function giveCredential(
  ctx: CallContext,
  userId: string,
  username: string,
  password: string,
): Promise<void> {
  const vault = ctx.vault();
  vault.beginWork();
  try {
    const credential = await vault.setUserSecret(username, password, ctx.kdf);
    vault.data.update('users', userId, { credential });
    vault.commitWork();
  } catch (error) {
    vault.rollbackWork();
    console.error(
      '[aruga] no credential made at sign-in:',
      error instanceof Error ? error.name : 'unknown',
    );
  }
}

export function sessionHandlers(): SessionHandlers {
  return {
    'app.status': (ctx) => ({
      state: ctx.vaultState(),
      dataFolder: ctx.folder,
      demo: ctx.isDemo(),
      retryAfterSeconds: ctx.backoff.retryAfterSeconds(),
      language: lastLanguage(ctx.folder),
      session: ctx.sessionInfo(),
    }),

    'vault.create': async (ctx, input) => {
      if (ctx.vaultState() !== 'setup') throw new AppError('CONFLICT', 'vaultExists');
      requireAcceptablePassword('adminPassword', input.adminPassword, [
        input.adminUsername,
        input.adminDisplayName,
      ]);
      let adminId = '';
      const { vault, recoveryKey } = await createVault({
        folder: ctx.folder,
        adminUsername: input.adminUsername,
        adminPassword: input.adminPassword,
        kdf: ctx.kdf,
        schema: ctx.schema,
        context: ctx.writeContext,
        seed: (v, credential) =>
          v.data.transaction(() => {
            writeSettings(v, { ...DEFAULT_SETTINGS, timeZone: input.timeZone });
            adminId = insertUser(v, {
              username: input.adminUsername,
              displayName: input.adminDisplayName,
              role: 'admin',
              shelterScope: [],
              mustChangePassword: false,
              credential,
            });
          }),
      });
      vault.audit.append({
        actorId: adminId,
        action: 'vault.create',
        targetType: 'vault',
        targetId: null,
      });
      const session = ctx.startSession(vault, adminId, 'setup');
      return { recoveryKey, session };
    },

    'auth.signIn': async (ctx, input) => {
      if (ctx.vaultState() === 'setup') throw new AppError('BAD_CREDENTIALS', 'badCredentials');
      const username = input.username.trim().toLowerCase();
      return withBackoff(ctx, 'password', async () => {
        ctx.refuseIfDamaged();
        // The credentials are checked first: a wrong attempt leaves an open session as it was.
        const key = await unwrapWithPassword(ctx.folder, username, input.password, ctx.kdf);
        let travels = true;
        const session = ctx.replaceSession(() => {
          // A vault from an older Aruga is backed up and migrated here: the screen shows how far.
          const vault = key.open(ctx.schema, ctx.writeContext, ctx.onLockLost, ctx.progress);
          const user = findUserByUsername(vault, username);
          if (!user || !user.active) {
            vault.close();
            throw new AppError('BAD_CREDENTIALS', 'badCredentials');
          }
          travels = user.travels;
          return ctx.startSession(vault, user.id, 'password');
        });
        if (!travels) await giveCredential(ctx, session.userId, username, input.password);
        return session;
      });
    },

    'auth.recover': async (ctx, input) =>
      withBackoff(ctx, 'recoveryKey', async () => {
        ctx.refuseIfDamaged();
        const key = await unwrapWithRecoveryKey(ctx.folder, input.recoveryKey);
        const vault = ctx.replaceSession(() => {
          const opened = key.open(ctx.schema, ctx.writeContext, ctx.onLockLost);
          ctx.enterRecovery(opened);
          return opened;
        });
        const admins = listUsers(vault)
          .filter((u) => u.role === 'admin')
          .map(({ id, displayName, username }) => ({ id, displayName, username }));
        return { admins };
      }),

    'auth.recoveryResetAdmin': async (ctx, input) => {
      const vault = ctx.vault();
      const admin = findUserById(vault, input.userId);
      if (!admin || admin.role !== 'admin') throw new AppError('NOT_FOUND', 'notFound');
      requireAcceptablePassword('newPassword', input.newPassword, [
        admin.username,
        admin.displayName,
      ]);
      const credential = await vault.setUserSecret(admin.username, input.newPassword, ctx.kdf);
      vault.data.update('users', admin.id, {
        must_change_password: 0,
        deleted_at: null,
        credential,
      });
      vault.audit.append({
        actorId: admin.id,
        action: 'auth.recoveryResetAdmin',
        targetType: 'user',
        targetId: admin.id,
      });
      return ctx.startSession(vault, admin.id, 'recoveryKey');
    },

    'session.lock': (ctx, input) => {
      ctx.lock(input.reason);
      return null;
    },

    // Reaching the handler is the point: the call itself restarts the idle timer.
    'session.touch': () => null,

    'account.changePassword': async (ctx, input) => {
      const vault = ctx.vault();
      const user = ctx.user();
      // Proves the person at the keyboard is the account holder, not a passer-by on an open
      // session: so a guess here waits out the same back-off as at sign-in, and is audited.
      const wait = ctx.backoff.retryAfterSeconds();
      if (wait > 0) throw new AppError('BACKOFF', 'backoff', { retryAfterSeconds: wait });
      if (!(await vault.checkUserSecret(user.username, input.currentPassword, ctx.kdf))) {
        const retryAfterSeconds = ctx.backoff.recordFailure('password', { auditLater: false });
        ctx.auditFailedAttempt({
          actorId: user.id,
          action: 'account.changePassword',
          outcome: 'failed',
          targetType: 'user',
          targetId: user.id,
          detail: { reason: 'currentPasswordWrong' },
        });
        throw new AppError('VALIDATION', 'validation', {
          fields: { currentPassword: 'password.currentWrong' },
          retryAfterSeconds,
        });
      }
      if (input.newPassword === input.currentPassword) {
        throw new AppError('VALIDATION', 'validation', {
          fields: { newPassword: 'password.sameAsCurrent' },
        });
      }
      requireAcceptablePassword('newPassword', input.newPassword, [
        user.username,
        user.displayName,
      ]);
      const credential = await vault.setUserSecret(user.username, input.newPassword, ctx.kdf);
      vault.data.update('users', user.id, { must_change_password: 0, credential });
      return ctx.sessionInfo()!;
    },

    'account.setLanguage': (ctx, input) => {
      ctx.vault().data.update('users', ctx.user().id, { language: input.language });
      rememberLanguage(ctx.folder, input.language);
      return ctx.sessionInfo()!;
    },
  };
}

/** One's own password change names one's own account. */
export const sessionAuditTargets: Pick<AuditTargets, keyof SessionHandlers> = {
  'account.changePassword': { targetType: 'user', targetId: (_input, session) => session.userId },
  'account.setLanguage': { targetType: 'user', targetId: (_input, session) => session.userId },
};
