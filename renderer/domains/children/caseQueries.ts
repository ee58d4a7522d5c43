// Which cached answers a case-record change makes stale. Nothing is kept outside TanStack Query's
// cache, which the auth layer clears on every lock.
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CaseFile } from '../../../shared/children/contract';
import { useApi } from '../../api/ApiContext';
import type { ApiError } from '../../api/client';
import { queryKey } from '../../api/queries';

/**
 * One child's case file. The first fetch opens it, which the backend audits as a view; a refetch
 * while the file is cached (after a change, or moving between the file and its edit form) is a
 * reload of the same opening, and says so. The file leaves the cache as soon as no screen shows
 * it, so coming back to it later is a new opening.
 */
export function useCaseFile(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const key = queryKey('children.get', { id });
  return useQuery<CaseFile, ApiError>({
    queryKey: key,
    queryFn: () =>
      api.call(
        'children.get',
        queryClient.getQueryData(key) === undefined ? { id } : { id, reload: true },
      ),
    gcTime: 0,
  });
}

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
