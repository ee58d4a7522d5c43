// The reintegration report's lists hold open cases only: a child whose case was closed after
// her monitoring ended is no longer listed as in aftercare, while her visits in the period still
// count among those scheduled and done. Exact figures beside a child still in aftercare whose
// visits were not made. Open or closed is as the case stood at the period's end: a report for a
// period before the closure still lists her.
import { describe, expect, it } from 'vitest';
import { reintegrationReport } from '../../electron/backend/domains/reports';
import { dischargeChild } from '../../electron/backend/domains/shelters';
import {
  approveClosure,
  listVisits,
  proposeClosure,
  recordVisit,
} from '../../electron/backend/domains/reintegration';
import { composeHooks } from '../../electron/backend/runtime/composition';
import { addDaysTo } from '../../electron/backend/records/actor';
import { aftercareOutcomes, familyReadiness, on, reintegrationFixture, safeVisit } from './support';

const p = reintegrationFixture();
/** Monitoring of a discharge on 2025-08-31 runs to 2026-08-31. */
const YEAR = { from: '2025-09-01', to: '2026-08-31' };

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

const caseCode = (childId: string) =>
  p.vault.db.prepare('SELECT case_code FROM children WHERE id = ?', { pluck: true }).get([childId]);

/**
 * Two children in aftercare over YEAR: one's visits all made (the first `firstLate` days after it
 * was due) and her case closed on 2026-09-12, the other's none.
 */
function closedAndOpen(firstLate = 0) {
  const closed = childInAftercare();
  const open = childInAftercare();
  const visits = listVisits(p.vault, p.author, closed);
  for (const [i, visit] of visits.entries()) {
    const visitedOn = addDaysTo(visit.dueOn, i === 0 ? firstLate : 0);
    recordVisit(p.vault, p.at(p.author, visitedOn), safeVisit(visit.id, visitedOn));
  }
  const later = p.at(p.author, '2026-09-11');
  p.approved(later, aftercareOutcomes(closed, 4));
  proposeClosure(p.vault, later, {
    childId: closed,
    reason: 'Fictional: the return has held for a year',
    closingNote: 'Fictional closing note',
    childView: 'Fictional words',
    familyView: 'Fictional: the aunt feels ready',
  });
  approveClosure(p.vault, p.at(p.reviewer, '2026-09-12'), closed);
  return { closed, open, visits };
}

describe('reintegration report over a closed case', () => {
  it('lists only the open case, and counts both cases’ visits', () => {
    const { closed, open, visits } = closedAndOpen();
    // Through the day after the closure: she was closed by the period's end.
    const report = reintegrationReport(
      p.vault,
      p.at(p.reviewer, '2026-09-13'),
      { shelterId: null, from: YEAR.from, to: '2026-09-13' },
      'Fictional reviewer',
    );
    const n = visits.length;
    expect(n).toBeGreaterThan(0);
    expect(visits.every((v) => v.dueOn >= YEAR.from && v.dueOn <= YEAR.to)).toBe(true);
    // Both cases' visits: the closed one's all made, the open one's none.
    expect(report.visits).toEqual({
      scheduled: 2 * n,
      done: n,
      percent: 50,
    });
    expect(report.inAftercare).toEqual([
      {
        caseCode: caseCode(open),
        initials: expect.any(String),
        firstDueOn: visits[0]!.dueOn,
        lastDueOn: visits.at(-1)!.dueOn,
        scheduled: n,
        done: 0,
      },
    ]);
    // Overdue: every visit of the open case (all due before the period's last day); none of the closed one's.
    expect(report.overdueVisits.map((v) => v.caseCode)).toEqual(visits.map(() => caseCode(open)));
    const closedCode = caseCode(closed) as string;
    expect(JSON.stringify(report)).not.toContain(closedCode);
  });

  it('lists a case closed after the period as it stood then: in aftercare, its missed visit overdue', () => {
    // Her first visit was made 20 days late; the period ends 10 days after it was due.
    const { closed, open, visits } = closedAndOpen(20);
    const missed = visits[0]!;
    const report = reintegrationReport(
      p.vault,
      p.at(p.reviewer, '2026-09-13'),
      { shelterId: null, from: YEAR.from, to: addDaysTo(missed.dueOn, 10) },
      'Fictional reviewer',
    );
    // (The first test's two children were in aftercare then too.)
    expect(report.inAftercare.map((c) => c.caseCode)).toEqual(
      expect.arrayContaining([caseCode(closed), caseCode(open)]),
    );
    expect(report.overdueVisits).toContainEqual(
      expect.objectContaining({ caseCode: caseCode(closed), dueOn: missed.dueOn }),
    );
    // Waiting for approval is today's: her closure is approved, nothing of hers waits.
    expect(report.approvalsPending.map((a) => a.caseCode)).not.toContain(caseCode(closed));
  });
});
