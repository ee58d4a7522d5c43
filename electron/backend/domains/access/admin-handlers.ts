// Administrator procedures: staff accounts, settings, key rotation, the audit log.
import { AppError } from '../../../../shared/errors';
import { startOfDayInstant } from '../../../../shared/time';
import type { AuditTargets, Handlers } from '../../runtime/call-context';
import type { OpenVault } from '../../vault/vault';
import { requireAcceptablePassword } from './password-rules';
import { readSettings, writeSettings } from '../../vault/settings';
import { findUserById, findUserByUsername, insertUser, listUsers } from './users-repo';
import { addDays } from 'date-fns';
import { scopeShelterIds } from '../../records/scope';

/**
 * The shelters a user is given, by their names as stored. Each entry must name (or be the id of)
 * a shelter that exists: a typo would leave the person seeing no children, without a word.
 */
function existingShelterNames(vault: OpenVault, requested: readonly string[]): string[] {
  if (requested.length === 0) return [];
  const shelters = vault.db
    .prepare('SELECT id, name FROM shelters WHERE deleted_at IS NULL')
    .all() as { id: string; name: string }[];
  const byKey = new Map<string, string>();
  for (const { id, name } of shelters) {
    byKey.set(id.toLowerCase(), name);
    byKey.set(name.trim().toLowerCase(), name);
  }
  const names = requested.map((entry) => byKey.get(entry.trim().toLowerCase()));
  if (names.some((name) => name === undefined)) {
    throw new AppError('VALIDATION', 'validation', {
      fields: { shelterScope: 'shelterScope.unknown' },
    });
  }
  return [...new Set(names as string[])];
}

/** Ids of the shelters a scope names (by id or name), for an audit entry that names no text. */
function shelterIdsOf(vault: OpenVault, scope: readonly string[]): string[] {
  return scopeShelterIds(vault, { userId: '', role: 'caseworker', shelterScope: scope }).sort();
}

function activeAdminCount(vault: OpenVault): number {
  return Number(
    vault.db
      .prepare("SELECT count(*) FROM users WHERE role = 'admin' AND deleted_at IS NULL", {
        pluck: true,
      })
      .get(),
  );
}

type AdminHandlers = Pick<
  Handlers,
  | 'settings.get'
  | 'settings.update'
  | 'users.list'
  | 'users.create'
  | 'users.resetPassword'
  | 'users.update'
  | 'users.disable'
  | 'vault.rotateKey'
  | 'audit.list'
  | 'audit.verify'
  | 'audit.recordExport'
>;

export function adminHandlers(): AdminHandlers {
  return {
    'settings.get': (ctx) => readSettings(ctx.vault()),

    'settings.update': (ctx, input) => {
      const vault = ctx.vault();
      const before = readSettings(vault);
      writeSettings(vault, input);
      const changed = (Object.keys(input) as (keyof typeof input)[]).filter(
        (k) => input[k] !== before[k],
      );
      ctx.setAuditTarget({
        targetType: 'settings',
        targetId: null,
        detail: { changed: changed.join(',') },
      });
      return readSettings(vault);
    },

    'users.list': (ctx) => listUsers(ctx.vault()),

    'users.create': async (ctx, input) => {
      const vault = ctx.vault();
      if (findUserByUsername(vault, input.username)) {
        throw new AppError('CONFLICT', 'conflict', { fields: { username: 'username.taken' } });
      }
      requireAcceptablePassword('temporaryPassword', input.temporaryPassword, [
        input.username,
        input.displayName,
      ]);
      const shelterScope = existingShelterNames(vault, input.shelterScope);
      // One unit of work (see the router): the row, its audit entry, then the keyring, or none.
      const credential = await vault.setUserSecret(
        input.username,
        input.temporaryPassword,
        ctx.kdf,
      );
      const id = insertUser(vault, {
        ...input,
        shelterScope,
        mustChangePassword: true,
        credential,
      });
      return findUserById(vault, id)!;
    },

    'users.resetPassword': async (ctx, input) => {
      const vault = ctx.vault();
      const user = findUserById(vault, input.userId);
      if (!user) throw new AppError('NOT_FOUND', 'notFound');
      requireAcceptablePassword('temporaryPassword', input.temporaryPassword, [
        user.username,
        user.displayName,
      ]);
      const credential = await vault.setUserSecret(user.username, input.temporaryPassword, ctx.kdf);
      // Resetting a disabled account re-enables it: the administrator has just given it a way in.
      vault.data.update('users', user.id, {
        must_change_password: 1,
        deleted_at: null,
        credential,
      });
      return null;
    },

    // The key slot is found by username and holds no role or scope, and every call reads the
    // signed-in user's row afresh: the person keeps their password and sees the new scope at once.
    'users.update': (ctx, input) => {
      const vault = ctx.vault();
      const user = findUserById(vault, input.userId);
      if (!user) throw new AppError('NOT_FOUND', 'notFound');
      if (!user.active) throw new AppError('CONFLICT', 'userDisabled');
      const roleChanges = input.role !== user.role;
      if (roleChanges && user.id === ctx.user().id) {
        throw new AppError('VALIDATION', 'validation', { fields: { role: 'role.ownRole' } });
      }
      if (roleChanges && user.role === 'admin' && activeAdminCount(vault) <= 1) {
        throw new AppError('VALIDATION', 'validation', { fields: { role: 'role.lastAdmin' } });
      }
      const shelterScope = existingShelterNames(vault, input.shelterScope);
      vault.data.update('users', user.id, {
        role: input.role,
        shelter_scope: JSON.stringify(shelterScope),
      });
      ctx.setAuditTarget({
        targetType: 'user',
        targetId: user.id,
        detail: {
          oldRole: user.role,
          newRole: input.role,
          oldShelters: shelterIdsOf(vault, user.shelterScope).join(','),
          newShelters: shelterIdsOf(vault, shelterScope).join(','),
        },
      });
      return findUserById(vault, user.id)!;
    },

    'users.disable': async (ctx, input) => {
      const vault = ctx.vault();
      if (input.userId === ctx.user().id) throw new AppError('CONFLICT', 'cannotDisableSelf');
      const user = findUserById(vault, input.userId);
      if (!user) throw new AppError('NOT_FOUND', 'notFound');
      await vault.removeUserSlot(user.username);
      // Its credential no longer travels: every computer drops its slot when this arrives.
      vault.data.update('users', user.id, { credential: null });
      vault.data.softDelete('users', user.id);
      return null;
    },

    'vault.rotateKey': async (ctx) => {
      const vault = ctx.vault();
      // Only active staff and the recovery key get the new key: never a departed user's slot,
      // nor one planted in the keyring file.
      const active = listUsers(vault).filter((u) => u.active);
      const droppedSlots = await vault.rotateDataKey(
        active.map((u) => u.username),
        ctx.progress,
      );
      ctx.setAuditTarget({ targetType: 'vault', targetId: null, detail: { droppedSlots } });
      return { rotatedAt: new Date().toISOString() };
    },

    'audit.list': (ctx, input) => {
      const vault = ctx.vault();
      const { timeZone } = readSettings(vault);
      // Filter dates are calendar dates in the vault's zone; `to` is inclusive.
      return vault.audit.list({
        actorId: input.actorId,
        action: input.action,
        fromInstant: input.from ? startOfDayInstant(input.from, timeZone) : undefined,
        toInstant: input.to
          ? new Date(addDays(new Date(startOfDayInstant(input.to, timeZone)), 1)).toISOString()
          : undefined,
        beforeSeq: input.beforeSeq,
        limit: input.limit,
      });
    },

    'audit.verify': (ctx) => {
      const vault = ctx.vault();
      const chain = vault.audit.verify();
      // Recorded in the authenticated keyring when an unlock found the log behind its checkpoint.
      const rollback = vault.keyring.rollback;
      const olderThanCheckpoint = rollback
        ? { checkpointSeq: rollback.checkpointSeq, databaseSeq: rollback.databaseSeq }
        : null;
      return { ...chain, ok: chain.ok && olderThanCheckpoint === null, olderThanCheckpoint };
    },

    // The entry is the point: the renderer records that it showed or printed a secret.
    'audit.recordExport': () => null,
  };
}

/** The record each audited administrator procedure names; settings and key rotation set theirs by hand. */
export const adminAuditTargets: Pick<AuditTargets, keyof AdminHandlers> = {
  'users.create': {
    targetType: 'user',
    targetId: (_input, user) => user.id,
    detail: (input) => ({ role: input.role }),
  },
  'users.resetPassword': { targetType: 'user', targetId: (input) => input.userId },
  'users.disable': { targetType: 'user', targetId: (input) => input.userId },
  'audit.recordExport': {
    targetType: 'export',
    targetId: () => null,
    detail: (input) => ({ kind: input.kind }),
  },
};
