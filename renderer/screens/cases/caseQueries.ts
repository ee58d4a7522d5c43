// Which cached answers a case-record change makes stale. Nothing is kept outside TanStack Query's
// cache, which the auth layer clears on every lock.
import type { QueryClient } from '@tanstack/react-query';
import { queryKey } from '../../api/queries';

/** After any change to one child's records: their file and timeline, lists and the agenda. */
export function invalidateChild(queryClient: QueryClient, childId: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKey('children.get', { id: childId }) }),
    queryClient.invalidateQueries({ queryKey: queryKey('children.timeline', { id: childId }) }),
    queryClient.invalidateQueries({ queryKey: queryKey('children.revealName', { id: childId }) }),
    queryClient.invalidateQueries({ queryKey: ['children.search'] }),
    queryClient.invalidateQueries({ queryKey: ['dashboard.agenda'] }),
  ]);
}

/** Sibling links change other children's files too. */
export function invalidateAllChildren(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['children.get'] }),
    queryClient.invalidateQueries({ queryKey: ['children.timeline'] }),
    queryClient.invalidateQueries({ queryKey: ['children.search'] }),
  ]);
}
