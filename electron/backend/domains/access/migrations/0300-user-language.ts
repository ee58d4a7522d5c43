// Each account's own screen language, kept with the account so it follows the person to every
// computer of the organisation. No CHECK on the value: a language added later needs no table
// rebuild; the contract validates what is written and the reader falls back to English.
import type { Migration } from '../../../db/migrations/migration';

export const userLanguage: Migration = {
  version: 20,
  name: 'user language',
  sql: `ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'en';`,
};
