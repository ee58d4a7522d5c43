// What a care write makes stale: the child's file and timeline, and the bed board (away states).
import type { Stale } from '../../api/queries';

export const careStale = (childId: string): Stale[] => [
  ['children.get', { id: childId }],
  ['children.timeline', { id: childId }],
  'beds.board',
];
