// Syncing on its own, for a folder another program fills (Syncthing on a LAN): while the vault is
// unlocked, the backend looks every few seconds whether the folder's bundles or this computer's
// own changes moved since it last synced, and if so syncs as Sync now does. So bundles apply soon
// after they arrive and this computer's changes are in the folder shortly after each save.
// A look, not fs.watch: a network or removable folder does not always report changes, and a
// directory listing and one indexed query cost next to nothing.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUNDLE_NAME } from './bundle';
import type { SyncVault } from './changes';
import { syncFolder, type FolderSyncReport } from './folder';
import { ownIdentity } from './identity';
import { syncStatus } from './settings';

/** How often an unlocked computer looks at its sync folder. */
export const AUTO_SYNC_INTERVAL_MS = 2_000;

export interface AutoSyncState {
  /** What the folder and this computer's changes looked like after the last sync. */
  fingerprint: string | null;
}

/** The folder's bundle names and this computer's newest change: what a sync would act on. */
function fingerprintOf(vault: SyncVault, deviceId: string, folder: string): string {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => BUNDLE_NAME.test(name));
  } catch {
    return 'folder missing';
  }
  const newest = vault.db
    .prepare('SELECT max(hlc) FROM change_log WHERE device_id = ?', { pluck: true })
    .get([deviceId]) as string | null;
  return `${names.sort().join(',')}|${newest ?? ''}`;
}

/**
 * One look: syncs with the saved folder when something moved since the last sync, and returns
 * its report (null when there was nothing to do, the computer does not share, no folder is
 * saved or it is missing now, as with a stick not plugged in).
 */
export function autoSyncStep(
  vault: SyncVault,
  deviceId: string,
  state: AutoSyncState,
  now: Date = new Date(),
): FolderSyncReport | null {
  const { sharing, folder: saved } = syncStatus(vault.db);
  const self = sharing ? ownIdentity(vault.db, deviceId) : null;
  if (!self || !saved) return null;
  const folder = resolve(saved);
  const before = fingerprintOf(vault, deviceId, folder);
  if (before === 'folder missing' || before === state.fingerprint) return null;
  const report = syncFolder(vault, self, folder, now);
  state.fingerprint = fingerprintOf(vault, deviceId, folder);
  return report;
}
