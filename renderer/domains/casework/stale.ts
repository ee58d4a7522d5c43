// What a casework write makes stale: the child's file and timeline.
import type { Stale } from '../../api/queries';

export const caseworkStale = (childId: string): Stale[] => [
  ['children.get', { id: childId }],
  ['children.timeline', { id: childId }],
];

/** A conference also moves Today's reviews due. */
export const conferencesStale = (childId: string): Stale[] => [
  ...caseworkStale(childId),
  'conferences.reviewsDue',
];

/** A health record also moves the child's health list (a therapist's view). */
export const healthStale = (childId: string): Stale[] => [
  ...caseworkStale(childId),
  ['health.records', { childId }],
];
