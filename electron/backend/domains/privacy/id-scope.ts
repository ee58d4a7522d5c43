// Who may name a breach: anyone whose procedure takes one (the contract lets only the
// administrator), for an entry the register holds.
import type { IdScope } from '../../records/scope';

export const privacyIdScope: IdScope = {
  breach: (vault, actor, id) =>
    actor !== null &&
    vault.db
      .prepare('SELECT 1 FROM privacy_breaches WHERE id = ? AND deleted_at IS NULL')
      .get([id]) !== undefined,
};
