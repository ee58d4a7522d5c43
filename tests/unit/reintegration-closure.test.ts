// Case closure, through the services on a real vault: a case in aftercare proposed only once
// monitoring has reached its end and the last approved Aftercare Outcomes assessment meets the
// threshold, any other open case not placed at once; approved by a coordinator other than the
// proposer (the case is closed), or declined with a comment; a closed case is reopened with a
// reason, back to the status it was closed from. Each status change is on record.
import { describe, expect, it } from 'vitest';
import { dischargeChild } from '../../electron/backend/domains/shelters';
import {
  approveClosure,
  closureState,
  declineClosure,
  listVisits,
  proposeClosure,
  recordVisit,
  reopenCase,
} from '../../electron/backend/domains/reintegration';
import { composeHooks } from '../../electron/backend/runtime/composition';
import {
  aftercareOutcomes,
  familyReadiness,
  on,
  refusal,
  reintegrationFixture,
  safeVisit,
} from './support';

const p = reintegrationFixture();

/** A child discharged to kinship care on 2025-08-31, so monitoring runs to 2026-08-31. */
function childInAftercare() {
  const { childId, aunt } = p.placedChild();
  p.approved(p.author, familyReadiness(childId, { kind: 'kinship', memberIds: [aunt] }));
  dischargeChild(
    p.vault,
    p.author,
    { childId, at: on('2025-08-31'), destination: 'kinship_care', exitNote: 'Fictional note' },
    composeHooks().dischargeGuards,
    composeHooks().dischargeEffects,
  );
  return childId;
}

function recordEveryVisit(childId: string) {
  for (const visit of listVisits(p.vault, p.author, childId)) {
    recordVisit(p.vault, p.at(p.author, visit.dueOn), safeVisit(visit.id, visit.dueOn));
  }
}

const proposal = (childId: string) => ({
  childId,
  reason: 'Fictional: the return has held for a year',
  closingNote: 'Fictional closing note',
  childView: 'Fictional words: I want to stay with Tita',
  familyView: 'Fictional: the aunt feels ready to go on alone',
});

const statusOf = (childId: string) =>
  p.vault.db.prepare('SELECT status FROM children WHERE id = ?', { pluck: true }).get([childId]);

describe('case closure', () => {
  it('is proposed only once monitoring has ended and the last outcomes meet the threshold', () => {
    const childId = childInAftercare();
    expect(closureState(p.vault, p.author, childId)).toMatchObject({
      monitoringEnded: false,
      lastOutcomes: null,
      canPropose: false,
      closures: [],
    });
    expect(refusal(() => proposeClosure(p.vault, p.author, proposal(childId)))).toMatchObject({
      code: 'CONFLICT',
      message: 'reintegration.monitoringNotEnded',
    });
    recordEveryVisit(childId);
    const after = p.at(p.author, '2026-09-10');
    expect(closureState(p.vault, after, childId).monitoringEnded).toBe(true);
    expect(refusal(() => proposeClosure(p.vault, after, proposal(childId)))).toMatchObject({
      message: 'reintegration.outcomesNotMet',
    });
    // Social support at 2.5 is below the 3.0 threshold.
    const answers = aftercareOutcomes(childId).answers;
    p.approved(after, aftercareOutcomes(childId, 3, { answers: { ...answers, peers: 2 } }));
    expect(closureState(p.vault, after, childId)).toMatchObject({
      lastOutcomes: { meetsClosure: false },
      canPropose: false,
    });
    p.approved(p.at(p.author, '2026-09-11'), aftercareOutcomes(childId, 3));
    expect(closureState(p.vault, p.at(p.author, '2026-09-11'), childId)).toMatchObject({
      lastOutcomes: { meetsClosure: true },
      canPropose: true,
    });
  });

  it('needs another coordinator’s approval, closes the case, and is reopened with a reason', () => {
    const childId = childInAftercare();
    recordEveryVisit(childId);
    const later = p.at(p.author, '2026-09-11');
    p.approved(later, aftercareOutcomes(childId, 4));
    const proposed = proposeClosure(p.vault, later, proposal(childId));
    expect(proposed).toMatchObject({
      status: 'proposed',
      proposedByName: 'Fictional author',
      childView: 'Fictional words: I want to stay with Tita',
    });
    expect(refusal(() => proposeClosure(p.vault, later, proposal(childId)))).toMatchObject({
      message: 'reintegration.closurePending',
    });
    expect(refusal(() => approveClosure(p.vault, later, childId))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'reintegration.ownClosure',
    });
    expect(statusOf(childId)).toBe('aftercare');
    const closed = approveClosure(p.vault, p.at(p.reviewer, '2026-09-12'), childId);
    expect(closed).toMatchObject({ status: 'approved', decidedByName: 'Fictional reviewer' });
    expect(statusOf(childId)).toBe('closed');
    expect(closureState(p.vault, later, childId).canPropose).toBe(false);

    const reopened = reopenCase(p.vault, p.at(p.author, '2026-10-01'), {
      childId,
      reason: 'Fictional: a new concern reported by the school',
    }).closures[0];
    expect(reopened).toMatchObject({
      status: 'reopened',
      reopenReason: 'Fictional: a new concern reported by the school',
      reopenedByName: 'Fictional author',
    });
    expect(statusOf(childId)).toBe('aftercare');
    expect(
      p.vault.db
        .prepare(
          `SELECT from_status, to_status FROM child_status_changes
           WHERE child_id = ? AND from_status IS NOT NULL AND changed_at >= '2026-09-12'
           ORDER BY changed_at DESC`,
        )
        .all([childId]),
    ).toEqual([
      { from_status: 'closed', to_status: 'aftercare' },
      { from_status: 'aftercare', to_status: 'closed' },
    ]);
    expect(
      refusal(() => reopenCase(p.vault, later, { childId, reason: 'Fictional again' })),
    ).toMatchObject({ code: 'CONFLICT', message: 'reintegration.notClosed' });
  });

  it('a declined proposal keeps the case open with the comment, and may be proposed again', () => {
    const childId = childInAftercare();
    recordEveryVisit(childId);
    const later = p.at(p.author, '2026-09-11');
    p.approved(later, aftercareOutcomes(childId, 4));
    proposeClosure(p.vault, later, proposal(childId));
    const declined = declineClosure(p.vault, p.at(p.reviewer, '2026-09-12'), {
      childId,
      comment: 'Fictional: one more visit after the school term starts',
    });
    expect(declined).toMatchObject({
      status: 'declined',
      declineComment: 'Fictional: one more visit after the school term starts',
    });
    expect(statusOf(childId)).toBe('aftercare');
    expect(refusal(() => approveClosure(p.vault, p.reviewer, childId))).toMatchObject({
      message: 'reintegration.noClosurePending',
    });
    const state = closureState(p.vault, later, childId);
    expect(state.canPropose).toBe(true);
    expect(state.closures.map((c) => c.status)).toEqual(['declined']);
  });

  it('a case outside aftercare needs only the proposal and the approval; a placed one neither', () => {
    const placed = p.placedChild().childId;
    expect(closureState(p.vault, p.author, placed)).toMatchObject({
      monitored: false,
      canPropose: false,
    });
    expect(refusal(() => proposeClosure(p.vault, p.author, proposal(placed)))).toMatchObject({
      code: 'CONFLICT',
      message: 'reintegration.closurePlaced',
    });

    const childId = p.child();
    expect(closureState(p.vault, p.author, childId)).toMatchObject({
      monitored: false,
      canPropose: true,
      canReopen: false,
    });
    expect(proposeClosure(p.vault, p.author, proposal(childId)).status).toBe('proposed');
    expect(statusOf(childId)).toBe('intake');
    approveClosure(p.vault, p.reviewer, childId);
    expect(statusOf(childId)).toBe('closed');
    expect(refusal(() => proposeClosure(p.vault, p.author, proposal(childId)))).toMatchObject({
      message: 'reintegration.notInAftercare',
    });
    expect(closureState(p.vault, p.author, childId).canReopen).toBe(true);
    const reopened = reopenCase(p.vault, p.author, { childId, reason: 'Fictional: new report' });
    expect(reopened).toMatchObject({ canReopen: false, canPropose: true });
    expect(reopened.closures[0]).toMatchObject({ status: 'reopened' });
    // Back to the status it was closed from.
    expect(statusOf(childId)).toBe('intake');
  });

  it('a discharge to "other" leaves the case open; it closes only through an approved proposal', () => {
    const { childId } = p.placedChild();
    const hooks = composeHooks();
    dischargeChild(
      p.vault,
      p.author,
      { childId, at: on('2025-08-31'), destination: 'other', exitNote: 'Fictional note' },
      hooks.dischargeGuards,
      hooks.dischargeEffects,
    );
    expect(statusOf(childId)).toBe('left_care');
    expect(closureState(p.vault, p.author, childId)).toMatchObject({
      monitored: false,
      canReopen: false,
      canPropose: true,
      closures: [],
    });
    proposeClosure(p.vault, p.author, proposal(childId));
    expect(statusOf(childId)).toBe('left_care');
    approveClosure(p.vault, p.reviewer, childId);
    expect(statusOf(childId)).toBe('closed');
    reopenCase(p.vault, p.author, { childId, reason: 'Fictional: she came back to the shelter' });
    expect(statusOf(childId)).toBe('left_care');
  });
});
