// A closure step changes the child's status: the case file, the case list, the timeline and the
// agenda show it, besides every reintegration answer.
import type { Stale } from '../../../api/queries';
import { reintegrationStale } from '../stale';

export const closureStale = (): readonly Stale[] => [
  ...reintegrationStale(),
  'children.get',
  'children.search',
  'children.timeline',
  'dashboard.agenda',
];
