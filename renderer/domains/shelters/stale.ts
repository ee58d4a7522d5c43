// What a write to shelters, beds or placements makes stale (see useApiMutation's `stale`): a
// procedure's name marks every input's answer.
import type { Stale } from '../../api/queries';

/** After a reservation, or a bed added or removed. */
export const BEDS_STALE: readonly Stale[] = ['beds.board', 'beds.occupancy'];

/** After a shelter or its beds change. */
export const SHELTERS_STALE: readonly Stale[] = ['shelters.list', 'shelters.names', ...BEDS_STALE];

/**
 * After any placement write: the case file, its timeline, the boards and the case lists (and the
 * agenda, since a caseworker's scope follows the child's shelter), and the conflicts to resolve,
 * since a transfer or discharge is how a bed given twice is resolved.
 */
export const PLACEMENTS_STALE: readonly Stale[] = [
  'children.get',
  'children.timeline',
  ...BEDS_STALE,
  'children.search',
  'dashboard.agenda',
  'sync.conflicts',
];
