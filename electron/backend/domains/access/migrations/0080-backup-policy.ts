// How many automatic backups the vault keeps, and how the last one went (for the warning a
// failed one must show). Its version is the next in the list (versions run 1, 2, 3 … without a
// gap), whatever its file number.
import { INSTANT, META, type Migration } from '../../../db/migrations/migration';

export const backupPolicy: Migration = {
  version: 7,
  name: 'backup policy',
  sql: `
    CREATE TABLE backup_policy (
      id TEXT PRIMARY KEY,
      keep_daily INTEGER NOT NULL CHECK (keep_daily BETWEEN 1 AND 60),
      keep_weekly INTEGER NOT NULL CHECK (keep_weekly BETWEEN 0 AND 52),
      last_auto_at TEXT ${INSTANT('last_auto_at')},
      last_auto_error TEXT,${META}
    );
  `,
};
