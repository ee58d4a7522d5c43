// Who may name a breach: anyone whose procedure takes one (the contract lets only the
// administrator), for an entry the register holds.
import type { IdScope } from '../../records/scope';
import { RETENTION_RULES } from './retention';

export const privacyIdScope: IdScope = {
  breach: (vault, actor, id) =>
    actor !== null &&
    vault.db
      .prepare('SELECT 1 FROM privacy_breaches WHERE id = ? AND deleted_at IS NULL')
      .get([id]) !== undefined,
  // A record a retention period applies to (only the administrator names one, to delete it).
  retainedRecord: (vault, actor, id) =>
    actor !== null &&
    Object.values(RETENTION_RULES).some(
      (rule) =>
        vault.db.prepare(`SELECT 1 FROM ${rule.table} WHERE id = ?`).get([id]) !== undefined,
    ),
};
