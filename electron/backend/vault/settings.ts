// The vault's settings row: idle lock, time zone, paper size. Read by the router and every domain;
// the access domain's procedures change it.
import { DEFAULT_SETTINGS, type VaultSettings } from '../../../shared/settings';
import type { OpenVault } from './vault';

export const SETTINGS_ROW_ID = 'settings';

export function readSettings(vault: OpenVault): VaultSettings {
  const row = vault.db
    .prepare('SELECT * FROM vault_settings WHERE id = ?')
    .get([SETTINGS_ROW_ID]) as
    | { idle_lock_minutes: number; time_zone: string; paper_size: VaultSettings['paperSize'] }
    | undefined;
  if (!row) return DEFAULT_SETTINGS;
  return {
    idleLockMinutes: row.idle_lock_minutes,
    timeZone: row.time_zone,
    paperSize: row.paper_size,
  };
}

export function writeSettings(vault: OpenVault, settings: VaultSettings): void {
  const values = {
    idle_lock_minutes: settings.idleLockMinutes,
    time_zone: settings.timeZone,
    paper_size: settings.paperSize,
  };
  if (!vault.data.update('vault_settings', SETTINGS_ROW_ID, values)) {
    vault.data.insert('vault_settings', values, SETTINGS_ROW_ID);
  }
}
