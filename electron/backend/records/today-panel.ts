// One page of a Today panel's rows of the children the actor sees, with the true total, and the
// shelter filter Today's own lists use: every domain's panel pages and filters the same way.
import { CHILD_STATUSES } from '../../../shared/children/vocabulary';
import type { TodayPanelQuery } from '../../../shared/today';
import type { CaseActor, CaseVault } from './actor';
import { childScope } from './scope';

/** A condition on children `c`: placed in `$shelterId` now. */
export const PLACED_IN_SHELTER_NOW = `EXISTS (SELECT 1 FROM placements fp WHERE fp.child_id = c.id
  AND fp.end_at IS NULL AND fp.deleted_at IS NULL AND fp.shelter_id = $shelterId)`;

/** A condition on children `c`: the case is not closed (a list the status index can serve). */
export const OPEN_CASE = `c.status IN (${CHILD_STATUSES.filter((s) => s !== 'closed')
  .map((s) => `'${s}'`)
  .join(', ')})`;

/**
 * The actor's scope and the panel's shelter filter, as one condition on children `c`. Closed
 * cases are left out, as from Today's own lists: nothing is due on them.
 */
export function panelConditions(
  vault: CaseVault,
  actor: CaseActor,
  query: Pick<TodayPanelQuery, 'shelterId'>,
): { sql: string; params: Record<string, string> } {
  const scope = childScope(vault, actor);
  // Not OPEN_CASE: a list of statuses would draw some panels' plans onto the status index.
  const open = `c.status <> 'closed' AND ${scope.sql}`;
  if (!query.shelterId) return { sql: open, params: scope.params };
  return {
    sql: `${open} AND ${PLACED_IN_SHELTER_NOW}`,
    params: { ...scope.params, shelterId: query.shelterId },
  };
}

/**
 * `SELECT columns from ORDER BY order`, one page of it, and the count of every row `from` gives.
 * `from` holds the FROM and WHERE clauses; the children table is `c`.
 */
export function pageOfRows<Row>(
  vault: CaseVault,
  sql: { columns: string; from: string; order: string },
  params: Record<string, string | number>,
  page: Pick<TodayPanelQuery, 'offset' | 'limit'>,
): { rows: Row[]; total: number } {
  const total = vault.db.prepare(`SELECT count(*) ${sql.from}`, { pluck: true }).get(params);
  const rows = vault.db
    .prepare(`SELECT ${sql.columns} ${sql.from} ORDER BY ${sql.order} LIMIT $limit OFFSET $offset`)
    .all({ ...params, limit: page.limit, offset: page.offset }) as Row[];
  return { rows, total: total as number };
}
