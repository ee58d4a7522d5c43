// This computer's sync settings: its sync folder and after how many days a computer that has not
// synced is flagged. One local row, written through the data layer like the backup policy.
import { STALE_DAYS, type SyncSettings, type SyncStatus } from '../../../../shared/sync/contract';
import type { Db } from '../../db/sqlcipher';
import type { SyncVault } from './changes';

const SETTINGS_ROW_ID = 'settings';

export function syncStatus(db: Db): SyncStatus {
  const row = db
    .prepare('SELECT folder, stale_days FROM sync_settings WHERE id = ?')
    .get([SETTINGS_ROW_ID]) as { folder: string | null; stale_days: number } | undefined;
  // The read-only thread has no device id: a signing key here means this computer shares.
  const sharing = db.prepare('SELECT 1 FROM sync_identity LIMIT 1').get() !== undefined;
  return {
    sharing,
    folder: row?.folder ?? null,
    staleDays: row?.stale_days ?? STALE_DAYS.default,
  };
}

export function saveSyncSettings(vault: SyncVault, settings: SyncSettings): void {
  const values = { folder: settings.folder, stale_days: settings.staleDays };
  if (!vault.data.update('sync_settings', SETTINGS_ROW_ID, values))
    vault.data.insert('sync_settings', values, SETTINGS_ROW_ID);
}
