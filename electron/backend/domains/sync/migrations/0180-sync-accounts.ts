// Staff accounts across computers: an account's credential (its password's KDF salt and cost, its
// public key and its private key sealed under the password) travels in its users row, so each
// computer can give the same password a slot in its own keyring for its own data key
// (docs/architecture.md, "Sync between computers"). Its version is the next in the list, whatever
// its file number.
import type { Migration } from '../../../db/migrations/migration';

export const syncAccounts: Migration = {
  version: 12,
  name: 'sync accounts',
  sql: `
    ALTER TABLE users ADD COLUMN credential TEXT;
  `,
};
