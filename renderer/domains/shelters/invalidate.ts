// What a write to beds or placements makes stale. Keys are [procedure, input], so invalidating by
// the procedure name alone refreshes every input's entry.
import type { QueryClient } from '@tanstack/react-query';
import type { ProcedureName } from '../../../shared/contract';

function invalidate(queryClient: QueryClient, names: readonly ProcedureName[]): void {
  for (const name of names) void queryClient.invalidateQueries({ queryKey: [name] });
}

/** After a reservation, or a bed added or removed. */
export function invalidateBeds(queryClient: QueryClient): void {
  invalidate(queryClient, ['beds.board', 'beds.occupancy']);
}

/** After a shelter or its beds change. */
export function invalidateShelters(queryClient: QueryClient): void {
  invalidate(queryClient, ['shelters.list', 'shelters.names', 'beds.board', 'beds.occupancy']);
}

/**
 * After any placement write: the case file, its timeline, the boards and the case lists (and the
 * agenda, since a caseworker's scope follows the child's shelter).
 */
export function invalidatePlacements(queryClient: QueryClient): void {
  invalidate(queryClient, [
    'children.get',
    'children.timeline',
    'beds.board',
    'beds.occupancy',
    'children.search',
    'dashboard.agenda',
  ]);
}
