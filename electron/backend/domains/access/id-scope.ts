// Who may name a staff account: an administrator any (disabled ones included: resetting a
// password re-enables one), everyone else their own; in recovery, an administrator's account.
import { staffRow, type IdScope } from '../../records/scope';

export const accessIdScope: IdScope = {
  user: (vault, actor, id) =>
    actor !== null && (actor.role === 'admin' || actor.userId === id) && !!staffRow(vault, id),
  administrator: (vault, _actor, id) => staffRow(vault, id)?.role === 'admin',
};
