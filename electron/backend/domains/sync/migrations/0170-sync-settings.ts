// Where this computer syncs and after how many days a silent computer is flagged (local: each
// computer has its own folder path), and the typed reason a computer was removed (synced, with the
// removal). Its version is the next in the list, whatever its file number.
import { META, type Migration } from '../../../db/migrations/migration';

export const syncSettings: Migration = {
  version: 11,
  name: 'sync settings and removal reason',
  sql: `
    CREATE TABLE sync_settings (
      id TEXT PRIMARY KEY,
      folder TEXT,
      stale_days INTEGER NOT NULL CHECK (stale_days BETWEEN 1 AND 365),${META}
    );
    ALTER TABLE sync_computers ADD COLUMN removed_reason TEXT;
  `,
};
