// Aftercare Outcomes due dates and the closure threshold, through the services on a real vault:
// due at intake, after the policy's first months, then every so many months; a made assessment
// (not a draft) moves a child to the next one; only due or soon-due ones are listed, for those
// who see the child; the policy's threshold, when set, replaces the instrument's own.
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTCOMES_SCHEDULE, outcomesDueOn } from '../../shared/reintegration/monitoring';
import {
  outcomesDue,
  readPolicy,
  submitAssessment,
  writePolicy,
} from '../../electron/backend/domains/reintegration';
import type { CaseActor } from '../../electron/backend/records/actor';
import { aftercareOutcomes, reintegrationFixture } from './support';

const p = reintegrationFixture();
/** Today's panel, asked for more rows than the fixture holds. */
const EVERY_ROW = { offset: 0, limit: 100 };

const at = (date: string): CaseActor => p.at(p.author, date);

describe('the due dates', () => {
  it('are intake, 6 months, then yearly by default, in calendar months across year ends', () => {
    const dates = [0, 1, 2, 3].map((n) =>
      outcomesDueOn('2024-08-31', n, DEFAULT_OUTCOMES_SCHEDULE),
    );
    expect(dates).toEqual(['2024-08-31', '2025-02-28', '2026-02-28', '2027-02-28']);
    expect(outcomesDueOn('2024-08-31', 2, { firstAfterMonths: 3, thenEveryMonths: 6 })).toBe(
      '2025-05-31',
    );
  });

  it('list the next one not yet made, once due within 30 days, for those who see the child', () => {
    const childId = p.child({ intakeDate: '2025-03-10', referralDate: '2025-03-10' });
    const mine = (actor: CaseActor) =>
      outcomesDue(p.vault, actor, EVERY_ROW).items.filter((d) => d.childId === childId);
    // At intake: due, and overdue since.
    expect(mine(at('2025-04-01'))).toMatchObject([
      { administration: 0, dueOn: '2025-03-10', daysOverdue: 22 },
    ]);
    // Today lists a page at a time, with the true count of every case due.
    const all = outcomesDue(p.vault, at('2025-04-01'), EVERY_ROW);
    const page = outcomesDue(p.vault, at('2025-04-01'), { offset: 1, limit: 1 });
    expect(page.total).toBe(all.total);
    expect(page.items).toEqual(all.items.slice(1, 2));
    // A draft is not an administration; a submitted one is.
    const draft = p.save(
      at('2025-04-01'),
      aftercareOutcomes(childId, 2, { visitDates: ['2025-03-30'] }),
    );
    expect(mine(at('2025-04-01'))).toHaveLength(1);
    submitAssessment(p.vault, at('2025-04-01'), draft.id);
    // The 6-month one (2025-09-10) is not listed until 30 days ahead.
    expect(mine(at('2025-08-10'))).toEqual([]);
    expect(mine(at('2025-08-11'))).toMatchObject([
      { administration: 1, dueOn: '2025-09-10', daysOverdue: -30 },
    ]);
    const stranger: CaseActor = { ...p.author, role: 'caseworker', shelterScope: [] };
    expect(mine(stranger)).toEqual([]);
    // The policy's schedule moves it.
    const before = readPolicy(p.vault);
    try {
      writePolicy(p.vault, { ...before, outcomesFirstAfterMonths: 3 });
      expect(mine(at('2025-06-01'))).toMatchObject([{ administration: 1, dueOn: '2025-06-10' }]);
    } finally {
      writePolicy(p.vault, before);
    }
  });
});

describe('the closure threshold', () => {
  it('is every domain at 3.0 by default, and the policy’s threshold replaces it when set', () => {
    const childId = p.child();
    const answers = aftercareOutcomes(childId, 3).answers;
    const draft = p.save(
      p.author,
      aftercareOutcomes(childId, 3, { answers: { ...answers, peers: 2 } }),
    );
    // Social support is (3 + 2) / 2 = 2.5.
    expect(draft.score.domains.socialSupport).toBe(2.5);
    expect(draft.score.meetsClosure).toBe(false);
    const before = readPolicy(p.vault);
    try {
      writePolicy(p.vault, { ...before, closureThreshold: 2.5 });
      expect(
        p.save(p.author, {
          ...aftercareOutcomes(childId, 3),
          id: draft.id,
          answers: { ...answers, peers: 2 },
        }).score.meetsClosure,
      ).toBe(true);
    } finally {
      writePolicy(p.vault, before);
    }
    expect(readPolicy(p.vault).closureThreshold).toBeNull();
  });
});
