// Which cached answers a case-record change makes stale. Nothing is kept outside TanStack Query's
// cache, which the auth layer clears on every lock.
import { usePrefetchQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseFile } from '../../../shared/children/contract';
import { useApi } from '../../api/ApiContext';
import type { ApiError } from '../../api/client';
import { queryKey, type Stale } from '../../api/queries';

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
  const options = {
    queryKey: key,
    queryFn: () =>
      api.call(
        'children.get',
        queryClient.getQueryData(key) === undefined ? { id } : { id, reload: true },
      ),
    gcTime: 0,
  };
  // Asked for during render, not after the screen has committed and painted its first frame.
  usePrefetchQuery<CaseFile, ApiError>(options);
  return useQuery<CaseFile, ApiError>(options);
}

/**
 * What any change to one child's records makes stale: their file and timeline, lists, agenda.
 * A household and its people are shared by siblings, so a flag set on one child's file changes
 * every sibling's visitors and household: those go stale for every child.
 */
export const childStale = (id: string): Stale[] => [
  ['children.get', { id }],
  ['children.timeline', { id }],
  ['children.revealName', { id }],
  'visitors.list',
  'households.get',
  'visitors.gate',
  'children.search',
  'dashboard.agenda',
];

/** Sibling links change other children's files too. */
export const ALL_CHILDREN_STALE: readonly Stale[] = [
  'children.get',
  'children.timeline',
  'children.search',
];
