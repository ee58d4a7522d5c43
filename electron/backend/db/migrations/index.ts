// The core's part of the schema: what no domain owns. The foundation creates the vault's own
// row, the audit log and the change log (and the first tables of the access domain, which
// declares them); 0050 marks confidential values in the change log. Every other migration lives
// in the folder of the domain whose tables it makes (electron/backend/domains/<d>/migrations),
// and the composition root sorts them all by version (see composeSchema).
// Files are named with spaced numbers (0010, 0020, …) so a later one can go in between while
// unreleased. `version` is what PRAGMA user_version records in a vault: it only grows, and a
// released migration never changes.
import type { SchemaPart, TableDeclarations } from '../schema';
import { foundation } from './0010-foundation';
import { changeLogConfidential } from './0050-change-log-confidential';

const coreTables = {
  // This vault's own id and audit head: each computer keeps its own chain.
  vault_meta: { sync: 'local', columns: ['vault_id'] },
} as const satisfies TableDeclarations;

declare module '../schema' {
  interface Tables {
    core: typeof coreTables;
  }
}

export const coreSchema: SchemaPart = {
  migrations: [foundation, changeLogConfidential],
  tables: coreTables,
};
