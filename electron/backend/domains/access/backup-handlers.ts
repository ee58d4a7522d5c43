// The administrator's backups: "Back up now" to a chosen folder, and restore from a backup file.
import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { BackupUnlockInput, VaultUnlockInput } from '../../../../shared/backup/contract';
import { AppError } from '../../../../shared/errors';
import type { AuditTargets, CallContext, Handlers } from '../../runtime/call-context';
import { BACKUP_EXTENSION, stageBackup, type StagedBackup } from '../../vault/backup';
import { DATABASE_FILE, openDatabase, type Db } from '../../db/sqlcipher';
import { backupStatus, setRetention } from '../../vault/daily-backups';
import { StagedProgress } from '../../vault/progress';
import {
  fileStamp,
  restoreStagedBackup,
  salvageVault,
  unwrapWithPassword,
  unwrapWithRecoveryKey,
} from '../../vault/vault';

type BackupHandlers = Pick<
  Handlers,
  | 'backup.status'
  | 'backup.setRetention'
  | 'backup.create'
  | 'backup.inspect'
  | 'backup.restore'
  | 'backup.restoreDamaged'
  | 'backup.salvageDamaged'
>;

/** VALIDATION at `field` unless `path` is an absolute path to an existing folder or file. */
function requireExisting(path: string, kind: 'folder' | 'file', field: string): string {
  let found = false;
  try {
    const stat = statSync(path);
    found = isAbsolute(path) && (kind === 'folder' ? stat.isDirectory() : stat.isFile());
  } catch {
    found = false;
  }
  if (!found) {
    throw new AppError('VALIDATION', 'validation', {
      fields: { [field]: kind === 'folder' ? 'backup.folderMissing' : 'backup.fileMissing' },
    });
  }
  return path;
}

/** Unpacks and unlocks the backup beside the vault; the caller discards or restores it. */
function stage(
  ctx: CallContext,
  input: Required<BackupUnlockInput>,
  progress: StagedProgress,
): Promise<StagedBackup> {
  const file = requireExisting(input.file, 'file', 'file');
  return stageBackup(
    ctx.folder,
    file,
    (folder) =>
      input.unlockWith === 'recoveryKey'
        ? unwrapWithRecoveryKey(folder, input.recoveryKey)
        : unwrapWithPassword(folder, input.username, input.password),
    ctx.schema.version,
    progress,
  );
}

/** A restore's stages: the backup copied out and checked (stageBackup), then put in place. */
const restoreProgress = (ctx: CallContext) => new StagedProgress(ctx.progress, 3);

/**
 * With nobody signed in, the backup's own accounts decide: a password opens it only if it was an
 * administrator's when the backup was made (the recovery key always may).
 */
function stageAsAdministrator(
  ctx: CallContext,
  input: Required<BackupUnlockInput>,
  progress: StagedProgress,
): Promise<StagedBackup> {
  const file = requireExisting(input.file, 'file', 'file');
  return stageBackup(
    ctx.folder,
    file,
    async (folder) => {
      if (input.unlockWith === 'recoveryKey')
        return unwrapWithRecoveryKey(folder, input.recoveryKey);
      const key = await unwrapWithPassword(folder, input.username, input.password);
      const db = openDatabase(join(folder, DATABASE_FILE), Buffer.from(key.dataKeyHex, 'hex'));
      try {
        requireAdministrator(db, input.username, 'notAdministratorInBackup');
      } catch (error) {
        key.discard();
        throw error;
      } finally {
        db.close();
      }
      return key;
    },
    ctx.schema.version,
    progress,
  );
}

/** FORBIDDEN `refusal` unless `username` is an administrator's account in `db`. */
function requireAdministrator(db: Db, username: string, refusal: string): void {
  const admin = db
    .prepare(
      "SELECT 1 FROM users WHERE username = ? COLLATE NOCASE AND role = 'admin' AND deleted_at IS NULL",
    )
    .get([username.trim()]);
  if (!admin) throw new AppError('FORBIDDEN', refusal);
}

/** How an unlock with nobody signed in is recorded: the way, and the username if a password. */
function unlockedBy(input: VaultUnlockInput): Record<string, string> {
  return {
    unlockedWith: input.unlockWith,
    ...(input.unlockWith === 'password' ? { username: input.username.trim() } : {}),
  };
}

/** Public calls that replace a damaged vault: only once this run found it damaged. */
function requireFoundDamaged(ctx: CallContext): void {
  if (ctx.vaultState() !== 'locked' || !ctx.vaultFoundDamaged())
    throw new AppError('CONFLICT', 'vaultNotDamaged');
}

export function backupHandlers(): BackupHandlers {
  return {
    'backup.status': (ctx) => backupStatus(ctx.vault()),

    'backup.setRetention': (ctx, input) => setRetention(ctx.vault(), input),

    'backup.create': (ctx, input) => {
      const folder = requireExisting(input.folder, 'folder', 'folder');
      const made = ctx
        .vault()
        .backupTo(join(folder, `aruga-${fileStamp()}${BACKUP_EXTENSION}`), ctx.progress);
      return { path: made.path, createdAt: made.createdAt, bytes: made.bytes };
    },

    'backup.inspect': async (ctx, input) => {
      const progress = new StagedProgress(ctx.progress, 2);
      const staged = await stage(ctx, input, progress);
      staged.discard();
      progress.finish();
      return staged.summary;
    },

    'backup.restore': async (ctx, input) => {
      const progress = restoreProgress(ctx);
      const staged = await stage(ctx, input, progress);
      const vault = ctx.vault();
      // Recorded in the vault being replaced (kept as the safety copy); the restored vault
      // records the restore in its own log as it is put in place.
      vault.audit.append({
        actorId: ctx.user().id,
        action: 'backup.restore',
        targetType: 'vault',
        targetId: null,
        detail: { backupCreatedAt: staged.summary.createdAt },
      });
      ctx.lock('signOut');
      const safetyCopy = restoreStagedBackup(ctx.folder, staged, ctx.schema, ctx.writeContext);
      progress.finish();
      return { safetyCopy };
    },

    // Public: the vault cannot be opened, so nobody can sign in to restore it.
    'backup.restoreDamaged': async (ctx, input) => {
      requireFoundDamaged(ctx);
      const progress = restoreProgress(ctx);
      const staged = await stageAsAdministrator(ctx, input, progress);
      const damagedCopy = restoreStagedBackup(ctx.folder, staged, ctx.schema, ctx.writeContext, {
        aside: 'damaged',
        detail: { replacedDamagedVault: 'yes', ...unlockedBy(input) },
      });
      progress.finish();
      ctx.damagedVaultReplaced();
      return { damagedCopy, summary: staged.summary };
    },

    // Public, like the restore above; the vault's own keyring and salvaged accounts authorise it.
    'backup.salvageDamaged': async (ctx, input) => {
      requireFoundDamaged(ctx);
      const key =
        input.unlockWith === 'recoveryKey'
          ? await unwrapWithRecoveryKey(ctx.folder, input.recoveryKey)
          : await unwrapWithPassword(ctx.folder, input.username, input.password);
      try {
        const result = salvageVault(
          ctx.folder,
          key,
          ctx.schema,
          ctx.writeContext,
          (db) => {
            if (input.unlockWith === 'password')
              requireAdministrator(db, input.username, 'notAdministrator');
          },
          unlockedBy(input),
          ctx.progress,
        );
        ctx.damagedVaultReplaced();
        return result;
      } finally {
        key.discard();
      }
    },
  };
}

/** Making and opening a backup are audited with when the backup was made; the restore by hand. */
export const backupAuditTargets: Pick<
  AuditTargets,
  'backup.setRetention' | 'backup.create' | 'backup.inspect'
> = {
  'backup.setRetention': {
    targetType: 'settings',
    targetId: () => null,
    detail: (input) => ({ keepDaily: input.keepDaily, keepWeekly: input.keepWeekly }),
  },
  'backup.create': {
    targetType: 'vault',
    targetId: () => null,
    detail: (_input, made) => ({ backupCreatedAt: made.createdAt }),
  },
  'backup.inspect': {
    targetType: 'vault',
    targetId: () => null,
    detail: (_input, summary) => ({ backupCreatedAt: summary.createdAt }),
  },
};
