// Readiness assessments and the hard safety gates, through the services on a real vault: a
// household with a flagged member is "not safe" and never recommended for return; submission
// needs every required answer, a home visit and the child's voice; a coordinator other than the
// author approves or returns; approved is locked; a discharge to family or kinship care needs an
// approved, safe, recent assessment of that household, and only the age rule can be overridden.
// Such a discharge schedules the follow-up visits; a visit with a worse risk or a failed safety
// check makes urgent tasks; visits past due and not recorded are overdue.
import { describe, expect, it } from 'vitest';
import { saveFamilyMember } from '../../electron/backend/domains/children';
import { dischargeChild } from '../../electron/backend/domains/shelters';
import {
  approveAssessment,
  overrideAgeRule,
  readPolicy,
  returnAssessment,
  submitAssessment,
  writePolicy,
  listVisits,
  recordVisit,
  overdueVisits,
  URGENT_TASK_TITLE,
} from '../../electron/backend/domains/reintegration';
import { composeHooks } from '../../electron/backend/runtime/composition';
import type { CaseActor } from '../../electron/backend/records/actor';
import type { DischargeDestination } from '../../shared/shelters/vocabulary';
import { familyReadiness, on, refusal, reintegrationFixture } from './support';

const p = reintegrationFixture();
/** Today's panel, asked for more rows than the fixture holds. */
const EVERY_ROW = { offset: 0, limit: 100 };

/** A placed child with a mother flagged as alleged offender (living at home) and an aunt. */
const childWithFamily = () => p.placedChild({ mother: true });

const discharge = (childId: string, destination: DischargeDestination, at = on('2025-08-31')) =>
  dischargeChild(
    p.vault,
    p.author,
    { childId, at, destination, exitNote: 'Fictional exit note' },
    composeHooks().dischargeGuards,
    composeHooks().dischargeEffects,
  );

/** A kinship assessment by the author, submitted and approved by the reviewer. */
const approvedKinship = (childId: string, aunt: string, overrides: Record<string, unknown> = {}) =>
  p.approved(p.author, familyReadiness(childId, { kind: 'kinship', memberIds: [aunt] }, overrides));

describe('a household with a flagged member', () => {
  it('is "not safe" whatever the answers, naming the member and the flag', () => {
    const { childId } = childWithFamily();
    // The mother lives at home: she counts even when the list leaves her off.
    const draft = p.save(
      p.author,
      familyReadiness(
        childId,
        { kind: 'family', memberIds: [] },
        { recommendation: 'remainInCare' },
      ),
    );
    expect(draft.score.bandKey).toBe('ready');
    expect(draft.score.notSafe).toBe(true);
    expect(draft.score.notSafeReasons).toEqual([
      { kind: 'allegedOffender', relationship: 'Mother' },
    ]);
  });

  it('is refused as the recommendation, and the refused save writes nothing', () => {
    const { childId, mother } = childWithFamily();
    const count = () =>
      Number(
        p.vault.db.prepare('SELECT count(*) FROM reintegration_assessments', { pluck: true }).get(),
      );
    const before = count();
    const input = familyReadiness(childId, { kind: 'family', memberIds: [mother] });
    expect(refusal(() => p.save(p.author, input))).toMatchObject({
      code: 'VALIDATION',
      fields: { recommendation: 'reintegration.householdFlagged' },
      details: { flag: 'allegedOffender', relationship: 'Mother' },
    });
    expect(count()).toBe(before);
  });

  it('a no-contact order refuses it too, and a flag set after approval stops the discharge', () => {
    const { childId, aunt } = childWithFamily();
    approvedKinship(childId, aunt);
    saveFamilyMember(p.vault, p.author, {
      id: aunt,
      childId,
      name: 'Fictional Lorna Dela Cruz',
      relationship: 'Aunt',
      livesInHousehold: false,
      allegedOffender: false,
      noContactOrder: true,
      noContactOrderDate: '2025-08-20',
    });
    expect(refusal(() => discharge(childId, 'kinship_care'))).toMatchObject({
      code: 'CONFLICT',
      message: 'reintegration.householdFlagged',
      details: { flag: 'noContactOrder', relationship: 'Aunt' },
    });
  });
});

describe('submission, review and the lock', () => {
  it('submission names every missing part: answers, a home visit, the child’s voice', () => {
    const { childId, aunt } = childWithFamily();
    const draft = p.save(p.author, {
      ...familyReadiness(childId, { kind: 'kinship', memberIds: [aunt] }),
      visitDates: [],
      answers: { offenderAccess: 1 },
      childConsulted: true,
      consultedHow: undefined,
      childWishes: undefined,
      recommendation: null,
    });
    const refused = refusal(() => submitAssessment(p.vault, p.author, draft.id));
    expect(refused).toMatchObject({ code: 'VALIDATION' });
    const fields = refused === 'ok' ? {} : refused.fields;
    expect(fields).toMatchObject({
      'answers.violence': 'required',
      'answers.wantsReturn': 'required',
      visitDates: 'reintegration.visitNeeded',
      consultedHow: 'reintegration.consultedHow',
      childWishes: 'required',
      recommendation: 'required',
    });
    expect(fields).not.toHaveProperty('answers.offenderAccess');
    const notConsulted = p.save(p.author, {
      ...familyReadiness(childId, { kind: 'kinship', memberIds: [aunt] }),
      id: draft.id,
      childConsulted: false,
    });
    expect(refusal(() => submitAssessment(p.vault, p.author, notConsulted.id))).toMatchObject({
      fields: { notConsultedWhy: 'reintegration.notConsultedWhy' },
    });
  });

  it('is returned with a comment, revised, resubmitted and approved by another coordinator; then locked', () => {
    const { childId, aunt } = childWithFamily();
    const draft = p.save(
      p.author,
      familyReadiness(childId, { kind: 'kinship', memberIds: [aunt] }),
    );
    expect(draft.status).toBe('draft');
    const submitted = submitAssessment(p.vault, p.author, draft.id);
    expect(submitted.status).toBe('submitted');
    // Locked while under review; nobody approves what they submitted.
    expect(
      refusal(() =>
        p.save(p.author, {
          ...familyReadiness(childId, { kind: 'kinship', memberIds: [aunt] }),
          id: draft.id,
        }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'reintegration.notEditable',
    });
    expect(refusal(() => approveAssessment(p.vault, p.author, draft.id))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'reintegration.ownAssessment',
    });
    const returned = returnAssessment(p.vault, p.reviewer, {
      id: draft.id,
      comment: 'Add the school visit',
    });
    expect(returned.status).toBe('returned');
    expect(returned.reviews).toMatchObject([
      { decision: 'returned', comment: 'Add the school visit', byName: 'Fictional reviewer' },
    ]);
    expect(refusal(() => approveAssessment(p.vault, p.reviewer, draft.id))).toMatchObject({
      code: 'CONFLICT',
      message: 'reintegration.notSubmitted',
    });
    const revised = p.save(p.author, {
      ...familyReadiness(childId, { kind: 'kinship', memberIds: [aunt] }),
      id: draft.id,
      visitDates: ['2025-08-10', '2025-08-20'],
    });
    expect(revised.visitDates).toEqual(['2025-08-10', '2025-08-20']);
    submitAssessment(p.vault, p.author, draft.id);
    const approved = approveAssessment(p.vault, p.reviewer, draft.id);
    expect(approved.status).toBe('approved');
    expect(approved.reviews.map((r) => r.decision)).toEqual(['returned', 'approved']);
    expect(
      refusal(() =>
        p.save(p.author, {
          ...familyReadiness(childId, { kind: 'kinship', memberIds: [aunt] }),
          id: draft.id,
        }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'reintegration.notEditable',
    });
    // Even a direct write cannot change an approved assessment.
    expect(() =>
      p.vault.data.update('reintegration_assessments', draft.id, { child_wishes: 'changed' }),
    ).toThrow(/assessment\.approved/);
  });

  it('keeps the instrument version it was made with', () => {
    const { childId, aunt } = childWithFamily();
    const draft = p.save(
      p.author,
      familyReadiness(childId, { kind: 'kinship', memberIds: [aunt] }),
    );
    const again = p.save(p.author, {
      ...familyReadiness(childId, { kind: 'kinship', memberIds: [aunt] }),
      id: draft.id,
      instrumentVersion: 7,
    });
    expect(again.instrumentVersion).toBe(1);
  });

  it('a member of another child’s family is refused', () => {
    const one = childWithFamily();
    const other = childWithFamily();
    expect(
      refusal(() =>
        p.save(
          p.author,
          familyReadiness(one.childId, { kind: 'kinship', memberIds: [other.aunt] }),
        ),
      ),
    ).toMatchObject({
      fields: { 'household.memberIds.0': 'reintegration.notThisChild' },
    });
  });
});

describe('the discharge gate', () => {
  it('family or kinship care needs an approved assessment of that kind of household', () => {
    const { childId, aunt } = childWithFamily();
    expect(refusal(() => discharge(childId, 'kinship_care'))).toMatchObject({
      code: 'CONFLICT',
      message: 'reintegration.noApprovedAssessment',
      details: { householdKind: 'kinship' },
    });
    // A draft or a submitted one is not enough.
    const draft = p.save(
      p.author,
      familyReadiness(childId, { kind: 'kinship', memberIds: [aunt] }),
    );
    submitAssessment(p.vault, p.author, draft.id);
    expect(refusal(() => discharge(childId, 'kinship_care'))).toMatchObject({
      message: 'reintegration.noApprovedAssessment',
    });
    approveAssessment(p.vault, p.reviewer, draft.id);
    // Approved kinship does not open the way to the mother's household.
    expect(refusal(() => discharge(childId, 'family_reintegration'))).toMatchObject({
      message: 'reintegration.noApprovedAssessment',
      details: { householdKind: 'family' },
    });
    const placement = discharge(childId, 'kinship_care');
    expect(placement.exitDestination).toBe('kinship_care');
    const status = p.vault.db
      .prepare('SELECT status FROM children WHERE id = ?', { pluck: true })
      .get([childId]);
    expect(status).toBe('aftercare');
  });

  it('the mother’s household is refused even with an approved assessment, naming the reason', () => {
    const { childId } = childWithFamily();
    const draft = p.save(
      p.author,
      familyReadiness(
        childId,
        { kind: 'family', memberIds: [] },
        { recommendation: 'remainInCare' },
      ),
    );
    submitAssessment(p.vault, p.author, draft.id);
    approveAssessment(p.vault, p.reviewer, draft.id);
    expect(refusal(() => discharge(childId, 'family_reintegration'))).toMatchObject({
      code: 'CONFLICT',
      message: 'reintegration.householdFlagged',
      details: { flag: 'allegedOffender', relationship: 'Mother' },
    });
  });

  it('an approved "not safe" result refuses the discharge, and cannot be overridden', () => {
    const { childId, aunt } = childWithFamily();
    const approved = approvedKinship(childId, aunt, {
      recommendation: 'foster',
      answers: { offenderAccess: -3 },
    });
    expect(approved.score.notSafeReasons).toEqual([
      { kind: 'safetyItem', itemKey: 'offenderAccess' },
    ]);
    expect(refusal(() => discharge(childId, 'kinship_care'))).toEqual({
      code: 'CONFLICT',
      message: 'reintegration.assessmentNotSafe',
      details: { assessmentId: approved.id },
    });
    expect(
      refusal(() =>
        overrideAgeRule(p.vault, p.reviewer, { id: approved.id, reason: 'Family insists on it' }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'reintegration.assessmentNotSafe',
    });
  });

  it('an assessment older than the policy allows is refused; the day count is from the last home visit', () => {
    const { childId, aunt } = childWithFamily();
    approvedKinship(childId, aunt, { visitDates: ['2025-05-20'] });
    // 2025-05-20 to 2025-08-31: 103 days, over the default 90.
    expect(refusal(() => discharge(childId, 'kinship_care'))).toMatchObject({
      code: 'CONFLICT',
      message: 'reintegration.assessmentTooOld',
      details: { ageDays: 103, maxAgeDays: 90 },
    });
    // Exactly 90 days after the visit is still within the rule.
    expect(refusal(() => discharge(childId, 'kinship_care', on('2025-08-18')))).toBe('ok');
  });

  it('the age rule follows the policy, and an override lets an old assessment through', () => {
    const { childId, aunt } = childWithFamily();
    const approved = approvedKinship(childId, aunt, { visitDates: ['2025-05-20'] });
    writePolicy(p.vault, { ...readPolicy(p.vault), assessmentMaxAgeDays: 60 });
    try {
      expect(refusal(() => discharge(childId, 'kinship_care', on('2025-07-25')))).toMatchObject({
        details: { ageDays: 66, maxAgeDays: 60 },
      });
      const overridden = overrideAgeRule(p.vault, p.reviewer, {
        id: approved.id,
        reason: 'Court set the return date; visit repeated by phone',
      });
      expect(overridden.ageOverride).toMatchObject({ byName: 'Fictional reviewer' });
      expect(refusal(() => discharge(childId, 'kinship_care'))).toBe('ok');
    } finally {
      writePolicy(p.vault, { ...readPolicy(p.vault), assessmentMaxAgeDays: 90 });
    }
  });

  it('only an approved readiness assessment can be overridden; other destinations are not gated', () => {
    const { childId, aunt } = childWithFamily();
    const draft = p.save(
      p.author,
      familyReadiness(childId, { kind: 'kinship', memberIds: [aunt] }),
    );
    expect(
      refusal(() =>
        overrideAgeRule(p.vault, p.reviewer, { id: draft.id, reason: 'Not approved yet' }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'reintegration.overrideNotApproved',
    });
    expect(refusal(() => discharge(childId, 'foster_care'))).toBe('ok');
  });
});

describe('follow-up visits', () => {
  const safe = { noOffenderContact: true, childFeelsSafe: true, noSignsOfHarm: true };
  const visit = (id: string, overrides: Record<string, unknown> = {}) => ({
    id,
    visitedOn: '2025-09-01',
    visitedBy: 'Fictional caseworker Reyes',
    childSeen: true,
    seenAlone: true,
    safetyChecks: safe,
    schoolAttendance: 'regular' as const,
    observations: 'Fictional observation',
    riskChange: 'same' as const,
    followUp: '',
    ...overrides,
  });
  const tasks = (childId: string) =>
    p.vault.db
      .prepare(
        'SELECT title, responsible, due_date FROM plan_tasks WHERE child_id = ? ORDER BY responsible',
      )
      .all([childId]) as { title: string; responsible: string | null; due_date: string }[];

  it('a discharge to kinship care schedules them from the cadence; other destinations do not', () => {
    const { childId, aunt } = childWithFamily();
    approvedKinship(childId, aunt);
    discharge(childId, 'kinship_care');
    const visits = listVisits(p.vault, p.author, childId);
    expect(visits.map((v) => v.dueOn)).toEqual([
      '2025-09-07',
      '2025-09-14',
      '2025-09-21',
      '2025-09-28',
      '2025-10-05',
      '2025-10-12',
      '2025-10-19',
      '2025-10-26',
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-04-30',
      '2026-06-30',
      '2026-08-31',
    ]);
    expect(visits.every((v) => v.record === null)).toBe(true);
    const foster = childWithFamily();
    discharge(foster.childId, 'foster_care');
    expect(listVisits(p.vault, p.author, foster.childId)).toEqual([]);
  });

  it('follows the configured cadence', () => {
    const { childId, aunt } = childWithFamily();
    approvedKinship(childId, aunt);
    const before = readPolicy(p.vault);
    writePolicy(p.vault, { ...before, visitCadence: [{ unit: 'month', every: 1, until: 12 }] });
    try {
      discharge(childId, 'kinship_care');
    } finally {
      writePolicy(p.vault, before);
    }
    expect(listVisits(p.vault, p.author, childId)).toHaveLength(12);
  });

  it('a worse risk or a failed safety check gives the caseworker and the coordinator an urgent task', () => {
    const { childId, aunt } = childWithFamily();
    p.vault.data.update('children', childId, { assigned_caseworker_id: p.author.userId });
    approvedKinship(childId, aunt);
    discharge(childId, 'kinship_care');
    const [first, second, third] = listVisits(p.vault, p.author, childId);
    const calm = recordVisit(p.vault, p.author, visit(first!.id));
    expect(calm.record).toMatchObject({ riskChange: 'same', childSeen: true });
    expect(tasks(childId)).toEqual([]);
    recordVisit(
      p.vault,
      p.author,
      visit(second!.id, { visitedOn: '2025-08-31', riskChange: 'worse' }),
    );
    expect(tasks(childId)).toEqual([
      { title: URGENT_TASK_TITLE, responsible: 'Fictional author', due_date: '2025-09-01' },
      { title: URGENT_TASK_TITLE, responsible: 'Fictional reviewer', due_date: '2025-09-01' },
    ]);
    recordVisit(
      p.vault,
      p.author,
      visit(third!.id, {
        visitedOn: '2025-09-01',
        safetyChecks: { ...safe, noSignsOfHarm: false },
      }),
    );
    expect(tasks(childId)).toHaveLength(4);
  });

  it('refuses a visit in the future, or seen alone without being seen, at its field', () => {
    const { childId, aunt } = childWithFamily();
    approvedKinship(childId, aunt);
    discharge(childId, 'kinship_care');
    const [first] = listVisits(p.vault, p.author, childId);
    expect(
      refusal(() =>
        recordVisit(
          p.vault,
          p.author,
          visit(first!.id, { visitedOn: '2025-09-02', childSeen: false }),
        ),
      ),
    ).toMatchObject({
      code: 'VALIDATION',
      fields: { visitedOn: 'date.future', seenAlone: 'reintegration.seenAlone' },
    });
    expect(listVisits(p.vault, p.author, childId)[0]!.record).toBeNull();
  });

  it('lists visits past due and not recorded as overdue, oldest first, for those who see the child', () => {
    const { childId, aunt } = childWithFamily();
    approvedKinship(childId, aunt);
    discharge(childId, 'kinship_care');
    const [first] = listVisits(p.vault, p.author, childId);
    recordVisit(p.vault, p.author, visit(first!.id, { visitedOn: '2025-09-01' }));
    const later = { ...p.author, now: new Date('2025-10-01T02:00:00.000Z') };
    const overdue = overdueVisits(p.vault, later, EVERY_ROW).items.filter(
      (v) => v.childId === childId,
    );
    // Due 09-14, 09-21 and 09-28; 09-07 was made; 10-05 is not yet due.
    expect(overdue.map((v) => [v.dueOn, v.daysOverdue])).toEqual([
      ['2025-09-14', 17],
      ['2025-09-21', 10],
      ['2025-09-28', 3],
    ]);
    const stranger: CaseActor = {
      userId: p.reviewer.userId,
      role: 'caseworker',
      shelterScope: [],
      now: later.now,
    };
    expect(overdueVisits(p.vault, stranger, EVERY_ROW)).toEqual({ items: [], total: 0 });
  });
});
