// Who may name a computer: anyone signed in whose procedure takes one (the contract's access list
// decides who that is), for a computer the organisation's list holds.
import type { IdScope } from '../../records/scope';

export const syncIdScope: IdScope = {
  computer: (vault, actor, id) =>
    actor !== null &&
    vault.db.prepare('SELECT 1 FROM sync_computers WHERE id = ?').get([id]) !== undefined,
};
