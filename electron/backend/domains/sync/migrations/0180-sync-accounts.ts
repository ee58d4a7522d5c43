// Staff accounts across computers, and a new bundle key at each removal of a computer.
// Accounts: an account's credential (its password's KDF salt and cost, its
// public key and its private key sealed under the password) travels in its users row, so each
// computer can give the same password a slot in its own keyring for its own data key
// (docs/architecture.md, "Sync between computers"). Bundle keys: each computer's X25519 key (its
// public half listed with the computer, its private half in its own identity row), and the keys
// made at removals, each sealed to every remaining computer (synced). Its version is the next in the list, whatever
// its file number.
import { META, type Migration } from '../../../db/migrations/migration';

export const syncAccounts: Migration = {
  version: 14,
  name: 'sync accounts',
  sql: `
    ALTER TABLE users ADD COLUMN credential TEXT;

    ALTER TABLE sync_computers ADD COLUMN exchange_key TEXT;
    ALTER TABLE sync_identity ADD COLUMN exchange_key TEXT;
    CREATE TABLE sync_bundle_keys (
      id TEXT PRIMARY KEY,
      key_id TEXT NOT NULL,
      generation INTEGER NOT NULL,
      computer_id TEXT NOT NULL,
      sealed TEXT NOT NULL,${META}
    );
    CREATE INDEX sync_bundle_keys_key ON sync_bundle_keys(key_id);
  `,
};
