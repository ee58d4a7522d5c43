// Case closure, the one way a case is closed. Any open case not placed in a shelter may be
// proposed for closure; one in aftercare only once monitoring has reached its end (every scheduled
// follow-up visit made, the last one's due date come) and the last approved outcomes assessment
// meets the closure threshold in every domain. The proposal carries a reason, a closing note and
// the child's and the family's views; a coordinator other than the proposer approves it (the case
// is closed) or declines it with a comment. A closed case is reopened with a reason, back to the
// status it was closed from. The status change goes through the children domain's recordStatus,
// where case status lives; every step is audited by the router.
import { AppError } from '../../../../shared/errors';
import type {
  CaseClosure,
  ClosureProposalInput,
  ClosureState,
} from '../../../../shared/reintegration/contract';
import { scoreAnswers, type Answers } from '../../../../shared/reintegration/instruments';
import type { ClosureStatus } from '../../../../shared/reintegration/vocabulary';
import type { ChildStatus } from '../../../../shared/children/vocabulary';
import { recordStatus, requireVisibleChild } from '../children';
import { clockFor, type CaseActor, type CaseVault } from '../../records/actor';
import { withPolicyThreshold } from './assessments';
import { findInstrument } from './instruments';
import { outcomesCodes } from './outcomes';

interface ClosureRow {
  id: string;
  child_id: string;
  status: ClosureStatus;
  reason: string;
  closing_note: string;
  child_view: string;
  family_view: string;
  proposed_by: string;
  proposed_at: string;
  decided_at: string | null;
  decline_comment: string | null;
  reopen_reason: string | null;
  reopened_at: string | null;
  proposed_by_name: string | null;
  decided_by_name: string | null;
  reopened_by_name: string | null;
}

const toClosure = (r: ClosureRow): CaseClosure => ({
  id: r.id,
  childId: r.child_id,
  status: r.status,
  reason: r.reason,
  closingNote: r.closing_note,
  childView: r.child_view,
  familyView: r.family_view,
  proposedBy: r.proposed_by,
  proposedByName: r.proposed_by_name,
  proposedAt: r.proposed_at,
  decidedByName: r.decided_by_name,
  decidedAt: r.decided_at,
  declineComment: r.decline_comment,
  reopenReason: r.reopen_reason,
  reopenedByName: r.reopened_by_name,
  reopenedAt: r.reopened_at,
});

function closuresOf(vault: CaseVault, childId: string): ClosureRow[] {
  return vault.db
    .prepare(
      `SELECT k.*, p.display_name AS proposed_by_name, d.display_name AS decided_by_name,
         r.display_name AS reopened_by_name
       FROM case_closures k
       LEFT JOIN users p ON p.id = k.proposed_by
       LEFT JOIN users d ON d.id = k.decided_by
       LEFT JOIN users r ON r.id = k.reopened_by
       WHERE k.child_id = ? ORDER BY k.proposed_at DESC, k.id DESC`,
    )
    .all([childId]) as unknown as ClosureRow[];
}

/** Every scheduled visit made, and the last one's due date come. */
function monitoringEnded(vault: CaseVault, childId: string, today: string): boolean {
  const row = vault.db
    .prepare(
      `SELECT count(*) AS visits, max(due_on) AS last_due,
         sum(CASE WHEN visited_on IS NULL THEN 1 ELSE 0 END) AS open
       FROM aftercare_visits WHERE child_id = ? AND deleted_at IS NULL`,
    )
    .get([childId]) as { visits: number; last_due: string | null; open: number | null };
  return row.visits > 0 && (row.open ?? 0) === 0 && row.last_due !== null && row.last_due <= today;
}

/** The last approved outcomes assessment, scored against the closure threshold in force. */
function lastOutcomes(vault: CaseVault, childId: string): ClosureState['lastOutcomes'] {
  // `+status` keeps SQLite on the child's index: on the status index it read every approved
  // assessment of every child (30 ms a case file at size M).
  const row = vault.db
    .prepare(
      `SELECT id, instrument_code, instrument_version, answers, approved_at
       FROM reintegration_assessments
       WHERE child_id = ? AND +status = 'approved' AND deleted_at IS NULL
         AND instrument_code IN (SELECT value FROM json_each(?))
       ORDER BY approved_at DESC LIMIT 1`,
    )
    .get([childId, JSON.stringify(outcomesCodes(vault))]) as
    | {
        id: string;
        instrument_code: string;
        instrument_version: number;
        answers: string;
        approved_at: string;
      }
    | undefined;
  if (!row) return null;
  const instrument = withPolicyThreshold(
    vault,
    findInstrument(vault, row.instrument_code, row.instrument_version),
  );
  const score = scoreAnswers(instrument, JSON.parse(row.answers) as Answers);
  return { id: row.id, approvedAt: row.approved_at, meetsClosure: score.meetsClosure === true };
}

export function closureState(vault: CaseVault, actor: CaseActor, childId: string): ClosureState {
  const child = requireVisibleChild(vault, actor, childId);
  const { today } = clockFor(vault, actor);
  const closures = closuresOf(vault, child.id);
  const ended = monitoringEnded(vault, child.id, today);
  const outcomes = lastOutcomes(vault, child.id);
  const monitored = child.status === 'aftercare';
  return {
    monitored,
    canReopen: child.status === 'closed',
    monitoringEnded: ended,
    lastOutcomes: outcomes,
    canPropose:
      child.status !== 'closed' &&
      child.status !== 'in_care' &&
      (!monitored || (ended && outcomes?.meetsClosure === true)) &&
      closures[0]?.status !== 'proposed',
    closures: closures.map(toClosure),
  };
}

/**
 * Why a proposal cannot be made or approved now, if it cannot; the outcomes assessment that met
 * the threshold for a case in aftercare, null for any other.
 */
function requireClosable(vault: CaseVault, childId: string, status: ChildStatus, today: string) {
  if (status === 'closed') throw new AppError('CONFLICT', 'reintegration.notInAftercare');
  if (status === 'in_care') throw new AppError('CONFLICT', 'reintegration.closurePlaced');
  if (status !== 'aftercare') return null;
  if (!monitoringEnded(vault, childId, today))
    throw new AppError('CONFLICT', 'reintegration.monitoringNotEnded');
  const outcomes = lastOutcomes(vault, childId);
  if (!outcomes?.meetsClosure) throw new AppError('CONFLICT', 'reintegration.outcomesNotMet');
  return outcomes;
}

function closureById(vault: CaseVault, childId: string, id: string): CaseClosure {
  return toClosure(closuresOf(vault, childId).find((r) => r.id === id)!);
}

export function proposeClosure(
  vault: CaseVault,
  actor: CaseActor,
  input: ClosureProposalInput,
): CaseClosure {
  const child = requireVisibleChild(vault, actor, input.childId);
  const clock = clockFor(vault, actor);
  const outcomes = requireClosable(vault, child.id, child.status, clock.today);
  if (closuresOf(vault, child.id)[0]?.status === 'proposed')
    throw new AppError('CONFLICT', 'reintegration.closurePending');
  const id = vault.data.insert('case_closures', {
    child_id: child.id,
    status: 'proposed',
    reason: input.reason,
    closing_note: input.closingNote,
    child_view: input.childView,
    family_view: input.familyView,
    outcomes_assessment_id: outcomes?.id ?? null,
    proposed_by: actor.userId,
    proposed_at: clock.nowIso,
  });
  return closureById(vault, child.id, id);
}

/** The child's proposal waiting for a coordinator other than its proposer. */
function pending(vault: CaseVault, actor: CaseActor, childId: string) {
  const child = requireVisibleChild(vault, actor, childId);
  const latest = closuresOf(vault, child.id)[0];
  if (latest?.status !== 'proposed')
    throw new AppError('CONFLICT', 'reintegration.noClosurePending');
  if (latest.proposed_by === actor.userId)
    throw new AppError('FORBIDDEN', 'reintegration.ownClosure');
  return { child, latest };
}

export function approveClosure(vault: CaseVault, actor: CaseActor, childId: string): CaseClosure {
  const { child, latest } = pending(vault, actor, childId);
  const clock = clockFor(vault, actor);
  // A visit recorded "worse" since, or a new outcomes assessment, may have changed the picture.
  requireClosable(vault, child.id, child.status, clock.today);
  return vault.data.transaction(() => {
    vault.data.update('case_closures', latest.id, {
      status: 'approved',
      decided_by: actor.userId,
      decided_at: clock.nowIso,
    });
    recordStatus(vault, child.id, child.status, 'closed', clock.nowIso);
    return closureById(vault, latest.child_id, latest.id);
  });
}

export function declineClosure(
  vault: CaseVault,
  actor: CaseActor,
  input: { childId: string; comment: string },
): CaseClosure {
  const { latest } = pending(vault, actor, input.childId);
  vault.data.update('case_closures', latest.id, {
    status: 'declined',
    decided_by: actor.userId,
    decided_at: clockFor(vault, actor).nowIso,
    decline_comment: input.comment,
  });
  return closureById(vault, latest.child_id, latest.id);
}

/**
 * The status a closed case goes back to: the one it was closed from, aftercare for a discharge
 * that closed it (the child is no longer placed), intake when no change is on record.
 */
function statusBeforeClosing(vault: CaseVault, childId: string): ChildStatus {
  const from = vault.db
    .prepare(
      `SELECT from_status FROM child_status_changes
       WHERE child_id = ? AND to_status = 'closed' ORDER BY changed_at DESC, id DESC LIMIT 1`,
      { pluck: true },
    )
    .get([childId]) as ChildStatus | null | undefined;
  if (from === 'in_care') return 'aftercare';
  return from === undefined || from === null || from === 'closed' ? 'intake' : from;
}

/**
 * Reopens a closed case with a reason, kept on its approved closure when it has one and on the
 * status change either way (a case a discharge closed has no closure record).
 */
export function reopenCase(
  vault: CaseVault,
  actor: CaseActor,
  input: { childId: string; reason: string },
): ClosureState {
  const child = requireVisibleChild(vault, actor, input.childId);
  if (child.status !== 'closed') throw new AppError('CONFLICT', 'reintegration.notClosed');
  const latest = closuresOf(vault, child.id)[0];
  const clock = clockFor(vault, actor);
  vault.data.transaction(() => {
    if (latest?.status === 'approved')
      vault.data.update('case_closures', latest.id, {
        status: 'reopened',
        reopen_reason: input.reason,
        reopened_by: actor.userId,
        reopened_at: clock.nowIso,
      });
    const back = statusBeforeClosing(vault, child.id);
    recordStatus(vault, child.id, 'closed', back, clock.nowIso, input.reason);
  });
  return closureState(vault, actor, child.id);
}
