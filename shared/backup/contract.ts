// Backups and restore: procedures and types. Part of the access domain's slice of the contract
// (only the administrator makes or restores a backup); merged in shared/contract.ts.
import { z } from 'zod';
import { procedure } from '../procedure';
import type { Role } from '../roles';
import { safeText } from '../text';
import { PASSWORD_MAX_LENGTH } from '../password-policy';

const ADMIN: readonly Role[] = ['admin'];

/** A folder or file as the administrator types it (or Electron's dialog fills it in). */
export const pathSchema = safeText().trim().min(1, 'required').max(1000, 'tooLong');

/** The ways to open a key slot: a username and password, or the recovery key. */
const unlockWayFields = {
  unlockWith: z.enum(['password', 'recoveryKey']),
  username: safeText().trim().max(64, 'tooLong'),
  password: safeText().max(PASSWORD_MAX_LENGTH, 'tooLong'),
  recoveryKey: safeText().max(200, 'tooLong'),
};

/** Only the fields of the chosen way are required. */
function requireChosenWay(
  input: {
    unlockWith: 'password' | 'recoveryKey';
    username: string;
    password: string;
    recoveryKey: string;
  },
  ctx: z.RefinementCtx,
): void {
  const required =
    input.unlockWith === 'password'
      ? (['username', 'password'] as const)
      : (['recoveryKey'] as const);
  for (const field of required)
    if (input[field].trim() === '')
      ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
}

/** What opens a backup: any password that was valid when it was made (with its username), or the recovery key. */
export const backupUnlockSchema = z
  .strictObject({ file: pathSchema, ...unlockWayFields })
  .superRefine(requireChosenWay);
export type BackupUnlockInput = z.input<typeof backupUnlockSchema>;

/** What opens the vault's own keyring for a salvage: an administrator's password, or the recovery key. */
export const vaultUnlockSchema = z.strictObject(unlockWayFields).superRefine(requireChosenWay);
export type VaultUnlockInput = z.input<typeof vaultUnlockSchema>;

/** A table some of whose rows could not be read; `rows` is null when not even their number could be. */
export interface LostRows {
  table: string;
  rows: number | null;
}

/** What a salvage copied, and what it could not read. */
export interface SalvageCounts {
  tables: number;
  rowsCopied: number;
  lost: LostRows[];
}

export interface BackupMade {
  /** The file's full path, to tell the administrator where it went. */
  path: string;
  createdAt: string;
  bytes: number;
}

/** What the administrator sees before confirming a restore. */
export interface BackupSummary {
  createdAt: string;
  /** The Aruga version that wrote it, and its schema version. */
  appVersion: string;
  schemaVersion: number;
  counts: { users: number; children: number; shelters: number; placements: number };
}

/** How many automatic backups are kept: the newest daily ones, and one from each earlier week. */
export const RETENTION = {
  daily: { min: 1, max: 60, default: 7 },
  weekly: { min: 0, max: 52, default: 4 },

  /**
   * With nobody signed in, once this run of Aruga found the vault damaged: copies every readable
   * row into a new vault under the same accounts and puts it in place, the damaged files kept
   * aside untouched (`damagedCopy`). The vault's own keyring opens it: an administrator's password
   * (checked in the salvaged accounts), or the recovery key.
   */
  'backup.salvageDamaged': procedure<SalvageCounts & { damagedCopy: string }>()({
    input: vaultUnlockSchema,
    access: 'public',
    kind: 'mutation',
  }),
} as const;

export const retentionSchema = z.strictObject({
  keepDaily: z.number().int().min(RETENTION.daily.min).max(RETENTION.daily.max),
  keepWeekly: z.number().int().min(RETENTION.weekly.min).max(RETENTION.weekly.max),
});
export type Retention = z.infer<typeof retentionSchema>;

/** The automatic backups, for the warning every signed-in person sees when the last one failed. */
export interface BackupStatus extends Retention {
  /** The data folder's backup folder, where the automatic ones go. */
  folder: string;
  lastAutomatic: { at: string; ok: true } | { at: string; ok: false; reason: string } | null;
}

export const backupProcedures = {
  'backup.status': procedure<BackupStatus>()({
    input: z.strictObject({}),
    access: ['admin', 'coordinator', 'caseworker', 'therapist'],
    kind: 'query',
  }),

  'backup.setRetention': procedure<BackupStatus>()({
    input: retentionSchema,
    access: ADMIN,
    kind: 'mutation',
  }),

  /** A verified backup file in `folder` (a USB drive, say); its name says when it was made. */
  'backup.create': procedure<BackupMade>()({
    input: z.strictObject({ folder: pathSchema }),
    access: ADMIN,
    kind: 'mutation',
    progress: true,
  }),

  /** Unlocks a backup and summarises it; changes nothing (audited: a backup was opened). */
  'backup.inspect': procedure<BackupSummary>()({
    input: backupUnlockSchema,
    access: ADMIN,
    kind: 'mutation',
    progress: true,
  }),

  /**
   * Replaces the vault with the backup and locks. The current vault is kept as a safety copy
   * first; a failed restore leaves it as it was.
   */
  'backup.restore': procedure<{ safetyCopy: string }>()({
    input: backupUnlockSchema,
    access: ADMIN,
    kind: 'mutation',
    progress: true,
  }),

  /**
   * With nobody signed in, once this run of Aruga found the vault damaged: puts a backup in its
   * place. A password that was an administrator's when the backup was made, or the recovery key,
   * authorises it; the damaged files are kept aside untouched (`damagedCopy`).
   */
  'backup.restoreDamaged': procedure<{ damagedCopy: string; summary: BackupSummary }>()({
    input: backupUnlockSchema,
    access: 'public',
    kind: 'mutation',
    progress: true,
  }),

  /**
   * With nobody signed in, once this run of Aruga found the vault damaged: copies every readable
   * row into a new vault under the same accounts and puts it in place, the damaged files kept
   * aside untouched (`damagedCopy`). The vault's own keyring opens it: an administrator's password
   * (checked in the salvaged accounts), or the recovery key.
   */
  'backup.salvageDamaged': procedure<SalvageCounts & { damagedCopy: string }>()({
    input: vaultUnlockSchema,
    access: 'public',
    kind: 'mutation',
    progress: true,
  }),
} as const;
