// Automatic backups: one a day, at the first unlock of the day, into the data folder's backups/
// folder; the newest `keepDaily` are kept, and the last one of each of the `keepWeekly` weeks
// before them. How the last one went is kept in the vault, so a failure stays visible.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { RETENTION, type BackupStatus, type Retention } from '../../../shared/backup/contract';
import { storageError } from './atomic-file';
import { BACKUP_EXTENSION } from './backup';
import { backupsFolder, type OpenVault } from './vault';

const POLICY_ROW_ID = 'policy';
const DAILY = new RegExp(`^daily-(\\d{4}-\\d{2}-\\d{2})${BACKUP_EXTENSION.replace('.', '\\.')}$`);

export function dailyBackupName(isoDate: string): string {
  return `daily-${isoDate}${BACKUP_EXTENSION}`;
}

interface PolicyRow {
  keep_daily: number;
  keep_weekly: number;
  last_auto_at: string | null;
  last_auto_error: string | null;
}

function policyRow(vault: OpenVault): PolicyRow | undefined {
  return vault.db.prepare('SELECT * FROM backup_policy WHERE id = ?').get([POLICY_ROW_ID]) as
    PolicyRow | undefined;
}

function savePolicy(vault: OpenVault, values: Partial<PolicyRow>): void {
  if (!vault.data.update('backup_policy', POLICY_ROW_ID, values)) {
    vault.data.insert(
      'backup_policy',
      {
        keep_daily: RETENTION.daily.default,
        keep_weekly: RETENTION.weekly.default,
        last_auto_at: null,
        last_auto_error: null,
        ...values,
      },
      POLICY_ROW_ID,
    );
  }
}

export function backupStatus(vault: OpenVault): BackupStatus {
  const row = policyRow(vault);
  const at = row?.last_auto_at ?? null;
  return {
    folder: backupsFolder(vault.folder),
    keepDaily: row?.keep_daily ?? RETENTION.daily.default,
    keepWeekly: row?.keep_weekly ?? RETENTION.weekly.default,
    lastAutomatic:
      at === null
        ? null
        : row?.last_auto_error
          ? { at, ok: false, reason: row.last_auto_error }
          : { at, ok: true },
  };
}

export function setRetention(vault: OpenVault, retention: Retention): BackupStatus {
  savePolicy(vault, { keep_daily: retention.keepDaily, keep_weekly: retention.keepWeekly });
  pruneDailyBackups(backupsFolder(vault.folder), retention);
  return backupStatus(vault);
}

/** Where today's backup goes (`today` is the vault's calendar date); null when it exists already. */
export function dailyBackupTarget(vault: OpenVault, today: string): string | null {
  const folder = backupsFolder(vault.folder);
  let existing: string[] = [];
  try {
    existing = readdirSync(folder);
  } catch {
    existing = [];
  }
  return existing.includes(dailyBackupName(today)) ? null : join(folder, dailyBackupName(today));
}

/**
 * Makes the automatic backup at `target` wherever `make` runs it (the worker gives it a thread of
 * its own); the failure's reason, or null. Never throws.
 */
export function makeDailyBackup(target: string, make: (target: string) => void): string | null {
  try {
    mkdirSync(dirname(target), { recursive: true });
    make(target);
    return null;
  } catch (cause) {
    return storageError(cause).message;
  }
}

/**
 * Keeps how the automatic backup went (shown as a warning when it failed) and audits it; prunes
 * the old ones after a success. Never throws.
 */
export function recordDailyBackup(vault: OpenVault, error: string | null, now = new Date()): void {
  try {
    if (!error) {
      const { keepDaily, keepWeekly } = backupStatus(vault);
      pruneDailyBackups(backupsFolder(vault.folder), { keepDaily, keepWeekly });
    }
    savePolicy(vault, { last_auto_at: now.toISOString(), last_auto_error: error });
    vault.audit.append({
      actorId: null,
      action: 'backup.automatic',
      outcome: error ? 'failed' : 'ok',
      targetType: 'vault',
      targetId: null,
      ...(error ? { detail: { reason: error } } : {}),
    });
  } catch {
    // A disk too full to back up may be too full for this too; the console keeps the failure.
  }
}

/** The daily files to delete: all but the newest `keepDaily` and one per earlier week. */
export function dailyBackupsToPrune(names: readonly string[], retention: Retention): string[] {
  const dated = names
    .map((name) => ({ name, date: DAILY.exec(name)?.[1] }))
    .filter((f): f is { name: string; date: string } => f.date !== undefined)
    .sort((a, b) => b.date.localeCompare(a.date));
  const keep = new Set(dated.slice(0, retention.keepDaily).map((f) => f.name));
  const weeks = new Set<string>();
  for (const file of dated.slice(retention.keepDaily)) {
    const day = new Date(`${file.date}T12:00:00Z`);
    const week = `${getISOWeekYear(day)}-${getISOWeek(day)}`;
    if (weeks.has(week) || weeks.size >= retention.keepWeekly) continue;
    weeks.add(week);
    keep.add(file.name);
  }
  return dated.filter((f) => !keep.has(f.name)).map((f) => f.name);
}

function pruneDailyBackups(folder: string, retention: Retention): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of dailyBackupsToPrune(names, retention))
    rmSync(join(folder, name), { force: true });
}
