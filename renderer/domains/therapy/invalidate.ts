// Any therapy write can change plans, calendars, the Today panel and the case file's section:
// they are all therapy.* queries, so a write makes every one of them stale.
import type { QueryClient } from '@tanstack/react-query';

export function invalidateTherapy(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => String(query.queryKey[0]).startsWith('therapy.'),
  });
}
