// A child's status changes, kept for the timeline: registration, admission, transfer and
// discharge all move the case on, from whichever domain makes the change.
import type { ChildStatus } from '../../../shared/children/vocabulary';
import type { CaseVault } from './actor';

/** Records a status change for the timeline; callers run it inside their transaction. */
export function recordStatus(
  vault: CaseVault,
  childId: string,
  from: ChildStatus | null,
  to: ChildStatus,
  at: string,
  /** Why, where the change needs one (a reopening). */
  reason: string | null = null,
): void {
  if (from === to) return;
  if (from !== null) vault.data.update('children', childId, { status: to });
  vault.data.insert('child_status_changes', {
    child_id: childId,
    from_status: from,
    to_status: to,
    changed_at: at,
    reason,
  });
}
