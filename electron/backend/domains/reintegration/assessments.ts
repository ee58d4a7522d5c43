// Readiness and outcomes assessments: a caseworker drafts (autosaved), submits; a coordinator
// other than its author approves it or returns it with a comment; a returned one is revised and
// submitted again. Approved is final (the table refuses any later change). Each write is audited
// by the router through the domain's audit targets.
import { AppError } from '../../../../shared/errors';
import {
  answerProblems,
  scoreAnswers,
  type Answers,
  type ReintegrationInstrument,
} from '../../../../shared/reintegration/instruments';
import {
  emptyPlan,
  type Assessment,
  type AssessmentReview,
  type AssessmentSaveInput,
  type QueueEntry,
  type ReintegrationPlan,
} from '../../../../shared/reintegration/contract';
import {
  isEditable,
  PLAN_STAGES,
  type AssessmentStatus,
  type HouseholdKind,
  type Recommendation,
} from '../../../../shared/reintegration/vocabulary';
import {
  clockFor,
  FieldErrors,
  notFound,
  type CaseActor,
  type CaseVault,
} from '../../records/actor';
import { requireVisibleChild } from '../../records/scope';
import { memberOfChild } from '../children';
import { flaggedHousehold, householdFlags, readPolicy } from './gates';
import { findInstrument } from './instruments';

interface AssessmentRow {
  id: string;
  child_id: string;
  instrument_code: string;
  instrument_version: number;
  status: AssessmentStatus;
  household_kind: HouseholdKind | null;
  household_label: string | null;
  household_member_ids: string;
  visit_dates: string;
  last_visit_on: string | null;
  interviewed: string | null;
  answers: string;
  evidence: string;
  child_consulted: number | null;
  consulted_how: string | null;
  not_consulted_why: string | null;
  child_wishes: string | null;
  recommendation: Recommendation | null;
  plan: string;
  submitted_at: string | null;
  submitted_by: string | null;
  created_by: string | null;
  created_by_name: string | null;
}

const SELECT = `SELECT a.*, u.display_name AS created_by_name FROM reintegration_assessments a
  LEFT JOIN users u ON u.id = a.created_by`;

function rowById(vault: CaseVault, actor: CaseActor, id: string): AssessmentRow {
  const row = vault.db.prepare(`${SELECT} WHERE a.id = ? AND a.deleted_at IS NULL`).get([id]) as
    AssessmentRow | undefined;
  if (!row) throw notFound();
  requireVisibleChild(vault, actor, row.child_id);
  return row;
}

function householdOf(row: AssessmentRow) {
  return row.household_kind
    ? {
        kind: row.household_kind,
        label: row.household_label ?? '',
        memberIds: JSON.parse(row.household_member_ids) as string[],
      }
    : null;
}

/** An outcomes instrument scored against the policy's closure threshold, when one is set. */
export function withPolicyThreshold(
  vault: CaseVault,
  instrument: ReintegrationInstrument,
): ReintegrationInstrument {
  const { closureThreshold } = readPolicy(vault);
  return instrument.kind === 'outcomes' && closureThreshold !== null
    ? { ...instrument, closureThreshold }
    : instrument;
}

/** The score of the answers, made "not safe" by any flag on the household as it is now. */
function scoreOf(vault: CaseVault, row: AssessmentRow, instrument: ReintegrationInstrument) {
  const score = scoreAnswers(
    withPolicyThreshold(vault, instrument),
    JSON.parse(row.answers) as Answers,
  );
  const household = householdOf(row);
  const flags = household ? householdFlags(vault, row.child_id, household) : [];
  return flags.length === 0
    ? score
    : { ...score, notSafe: true, notSafeReasons: [...flags, ...score.notSafeReasons] };
}

/** The stored plan over an empty one, so a plan saved before a field existed still reads whole. */
function planOf(row: AssessmentRow): ReintegrationPlan {
  const stored = JSON.parse(row.plan) as Partial<ReintegrationPlan>;
  const empty = emptyPlan();
  return {
    stages: { ...empty.stages, ...stored.stages },
    services: { ...empty.services, ...stored.services },
    responsible: stored.responsible ?? '',
  };
}

/** A stage marked begun or done needs its date, and the stages' dates follow their order. */
function planProblems(plan: ReintegrationPlan, errors: FieldErrors): void {
  let previous: string | null = null;
  for (const stage of PLAN_STAGES) {
    const { plannedOn, status } = plan.stages[stage];
    if (status !== 'notStarted' && !plannedOn)
      errors.add(`plan.stages.${stage}.plannedOn`, 'reintegration.stageDate');
    if (plannedOn && previous && plannedOn < previous)
      errors.add(`plan.stages.${stage}.plannedOn`, 'reintegration.stageOrder');
    previous = plannedOn ?? previous;
  }
}

function reviewsOf(vault: CaseVault, id: string): AssessmentReview[] {
  return (
    vault.db
      .prepare(
        `SELECT r.reviewed_at, r.decision, r.comment, u.display_name FROM reintegration_reviews r
         LEFT JOIN users u ON u.id = r.reviewer_id
         WHERE r.assessment_id = ? ORDER BY r.reviewed_at, r.created_at`,
      )
      .all([id]) as {
      reviewed_at: string;
      decision: 'returned' | 'approved';
      comment: string | null;
      display_name: string | null;
    }[]
  ).map((r) => ({
    at: r.reviewed_at,
    byName: r.display_name,
    decision: r.decision,
    comment: r.comment,
  }));
}

function overrideOf(vault: CaseVault, id: string): Assessment['ageOverride'] {
  const row = vault.db
    .prepare(
      `SELECT o.reason, o.overridden_at, u.display_name FROM reintegration_overrides o
       LEFT JOIN users u ON u.id = o.coordinator_id
       WHERE o.assessment_id = ? ORDER BY o.overridden_at DESC LIMIT 1`,
    )
    .get([id]) as
    { reason: string; overridden_at: string; display_name: string | null } | undefined;
  return row ? { reason: row.reason, byName: row.display_name, at: row.overridden_at } : null;
}

function toAssessment(vault: CaseVault, row: AssessmentRow): Assessment {
  const instrument = findInstrument(vault, row.instrument_code, row.instrument_version);
  return {
    id: row.id,
    childId: row.child_id,
    instrumentCode: row.instrument_code,
    instrumentVersion: row.instrument_version,
    status: row.status,
    household: householdOf(row),
    visitDates: JSON.parse(row.visit_dates) as string[],
    interviewed: row.interviewed ?? '',
    answers: JSON.parse(row.answers) as Answers,
    evidence: JSON.parse(row.evidence) as Record<string, string>,
    childVoice: {
      consulted: row.child_consulted === null ? null : row.child_consulted === 1,
      how: row.consulted_how ?? '',
      whyNot: row.not_consulted_why ?? '',
      wishes: row.child_wishes ?? '',
    },
    recommendation: row.recommendation,
    plan: planOf(row),
    score: scoreOf(vault, row, instrument),
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    submittedAt: row.submitted_at,
    reviews: reviewsOf(vault, row.id),
    ageOverride: overrideOf(vault, row.id),
  };
}

export function loadAssessment(vault: CaseVault, actor: CaseActor, id: string): Assessment {
  return toAssessment(vault, rowById(vault, actor, id));
}

/** A child's assessments, newest first. */
export function listAssessments(vault: CaseVault, actor: CaseActor, childId: string): Assessment[] {
  const child = requireVisibleChild(vault, actor, childId);
  const rows = vault.db
    .prepare(`${SELECT} WHERE a.child_id = ? AND a.deleted_at IS NULL ORDER BY a.created_at DESC`)
    .all([child.id]) as unknown as AssessmentRow[];
  return rows.map((row) => toAssessment(vault, row));
}

// ---- writing ----------------------------------------------------------------------------------

/** "Return to this household" is refused for a flagged household or a "not safe" result. */
function refuseUnsafeReturn(vault: CaseVault, row: AssessmentRow): void {
  if (row.recommendation !== 'thisHousehold') return;
  const instrument = findInstrument(vault, row.instrument_code, row.instrument_version);
  const score = scoreOf(vault, row, instrument);
  const flag = score.notSafeReasons.find(
    (r) => r.kind === 'allegedOffender' || r.kind === 'noContactOrder',
  );
  if (flag) throw flaggedHousehold(flag, 'recommendation');
  if (score.notSafe)
    throw new AppError('VALIDATION', 'validation', {
      fields: { recommendation: 'reintegration.assessmentNotSafe' },
    });
}

/** Creates a draft, or saves an editable one (autosave): partial answers are fine here. */
export function saveAssessment(
  vault: CaseVault,
  actor: CaseActor,
  input: AssessmentSaveInput,
): Assessment {
  const existing = input.id ? rowById(vault, actor, input.id) : null;
  if (existing && existing.child_id !== input.childId) throw notFound();
  if (existing && !isEditable(existing.status))
    throw new AppError('CONFLICT', 'reintegration.notEditable');
  const child = requireVisibleChild(vault, actor, input.childId);
  const code = existing?.instrument_code ?? input.instrumentCode;
  const version = existing?.instrument_version ?? input.instrumentVersion;
  const instrument = findInstrument(vault, code, version);
  const clock = clockFor(vault, actor);
  const errors = new FieldErrors();
  input.visitDates.forEach((date, i) => errors.notFutureDate(`visitDates.${i}`, date, clock));
  if (instrument.kind === 'readiness' && !input.household)
    errors.add('household', 'reintegration.householdNeeded');
  const members = input.household?.memberIds ?? [];
  const theirs = new Set(
    vault.db
      .prepare(
        `SELECT f.id FROM family_members f
         WHERE f.deleted_at IS NULL AND ${memberOfChild('f', '$child')}
         AND f.id IN (SELECT value FROM json_each($ids))`,
        { pluck: true },
      )
      .all({ child: child.id, ids: JSON.stringify(members) }) as string[],
  );
  members.forEach((id, i) => {
    if (!theirs.has(id)) errors.add(`household.memberIds.${i}`, 'reintegration.notThisChild');
  });
  for (const [key, problem] of Object.entries(answerProblems(instrument, input.answers, false)))
    errors.add(`answers.${key}`, problem);
  const domainKeys = new Set(instrument.domains.map((d) => d.key));
  for (const key of Object.keys(input.evidence))
    if (!domainKeys.has(key)) errors.add(`evidence.${key}`, 'reintegration.unknownItem');
  if (input.plan) planProblems(input.plan, errors);
  errors.throwIfAny();
  const visits = [...new Set(input.visitDates)].sort();
  const household = instrument.kind === 'readiness' ? input.household : null;
  const values = {
    child_id: child.id,
    instrument_code: code,
    instrument_version: version,
    household_kind: household?.kind ?? null,
    household_label: household?.label || null,
    household_member_ids: JSON.stringify([...new Set(members)]),
    visit_dates: JSON.stringify(visits),
    last_visit_on: visits.at(-1) ?? null,
    interviewed: input.interviewed || null,
    answers: JSON.stringify(input.answers),
    evidence: JSON.stringify(
      Object.fromEntries(Object.entries(input.evidence).filter(([, text]) => text.trim())),
    ),
    child_consulted: input.childConsulted === null ? null : input.childConsulted ? 1 : 0,
    consulted_how: input.consultedHow || null,
    not_consulted_why: input.notConsultedWhy || null,
    child_wishes: input.childWishes || null,
    recommendation: input.recommendation,
    ...(input.plan ? { plan: JSON.stringify(input.plan) } : {}),
  };
  // Written and checked in one transaction, so a refused recommendation saves nothing.
  return vault.data.transaction(() => {
    const id =
      existing?.id ??
      vault.data.insert('reintegration_assessments', { ...values, status: 'draft' });
    if (existing) vault.data.update('reintegration_assessments', id, values);
    const row = rowById(vault, actor, id);
    refuseUnsafeReturn(vault, row);
    return toAssessment(vault, row);
  });
}

/** Every required answer, a home visit, and the child's voice (how they were heard, or why not). */
function submissionProblems(row: AssessmentRow, instrument: ReintegrationInstrument): FieldErrors {
  const errors = new FieldErrors();
  const answers = JSON.parse(row.answers) as Answers;
  for (const [key, problem] of Object.entries(answerProblems(instrument, answers, true)))
    errors.add(`answers.${key}`, problem);
  if (!row.last_visit_on) errors.add('visitDates', 'reintegration.visitNeeded');
  if (row.child_consulted === null) errors.add('childConsulted', 'required');
  if (row.child_consulted === 1) {
    if (!row.consulted_how) errors.add('consultedHow', 'reintegration.consultedHow');
    if (!row.child_wishes) errors.add('childWishes', 'required');
  }
  if (row.child_consulted === 0 && !row.not_consulted_why)
    errors.add('notConsultedWhy', 'reintegration.notConsultedWhy');
  if (instrument.kind === 'readiness' && !row.recommendation)
    errors.add('recommendation', 'required');
  return errors;
}

export function submitAssessment(vault: CaseVault, actor: CaseActor, id: string): Assessment {
  const row = rowById(vault, actor, id);
  if (!isEditable(row.status)) throw new AppError('CONFLICT', 'reintegration.notEditable');
  const instrument = findInstrument(vault, row.instrument_code, row.instrument_version);
  submissionProblems(row, instrument).throwIfAny();
  refuseUnsafeReturn(vault, row);
  vault.data.update('reintegration_assessments', row.id, {
    status: 'submitted',
    submitted_at: clockFor(vault, actor).nowIso,
    submitted_by: actor.userId,
    not_safe: scoreOf(vault, row, instrument).notSafe ? 1 : 0,
  });
  return loadAssessment(vault, actor, row.id);
}

/** A submitted assessment that someone other than its author or submitter may review. */
function reviewable(vault: CaseVault, actor: CaseActor, id: string): AssessmentRow {
  const row = rowById(vault, actor, id);
  if (row.status !== 'submitted') throw new AppError('CONFLICT', 'reintegration.notSubmitted');
  if (row.created_by === actor.userId || row.submitted_by === actor.userId)
    throw new AppError('FORBIDDEN', 'reintegration.ownAssessment');
  return row;
}

export function approveAssessment(vault: CaseVault, actor: CaseActor, id: string): Assessment {
  const row = reviewable(vault, actor, id);
  // The flags may have changed since submission: the gate is checked again.
  refuseUnsafeReturn(vault, row);
  const instrument = findInstrument(vault, row.instrument_code, row.instrument_version);
  const at = clockFor(vault, actor).nowIso;
  vault.data.insert('reintegration_reviews', {
    assessment_id: row.id,
    decision: 'approved',
    comment: null,
    reviewer_id: actor.userId,
    reviewed_at: at,
  });
  vault.data.update('reintegration_assessments', row.id, {
    status: 'approved',
    approved_at: at,
    approved_by: actor.userId,
    not_safe: scoreOf(vault, row, instrument).notSafe ? 1 : 0,
  });
  return loadAssessment(vault, actor, row.id);
}

export function returnAssessment(
  vault: CaseVault,
  actor: CaseActor,
  input: { id: string; comment: string },
): Assessment {
  const row = reviewable(vault, actor, input.id);
  vault.data.insert('reintegration_reviews', {
    assessment_id: row.id,
    decision: 'returned',
    comment: input.comment,
    reviewer_id: actor.userId,
    reviewed_at: clockFor(vault, actor).nowIso,
  });
  vault.data.update('reintegration_assessments', row.id, { status: 'returned' });
  return loadAssessment(vault, actor, row.id);
}

/**
 * The coordinator's override of the age rule for one approved readiness assessment. It sets
 * aside nothing else: a "not safe" result or a flagged household still refuses the discharge.
 */
export function overrideAgeRule(
  vault: CaseVault,
  actor: CaseActor,
  input: { id: string; reason: string },
): Assessment {
  const row = rowById(vault, actor, input.id);
  if (row.status !== 'approved' || !row.household_kind)
    throw new AppError('CONFLICT', 'reintegration.overrideNotApproved');
  const assessment = toAssessment(vault, row);
  const flag = assessment.score.notSafeReasons.find(
    (r) => r.kind === 'allegedOffender' || r.kind === 'noContactOrder',
  );
  if (flag) throw flaggedHousehold(flag);
  if (assessment.score.notSafe) throw new AppError('CONFLICT', 'reintegration.assessmentNotSafe');
  vault.data.insert('reintegration_overrides', {
    assessment_id: row.id,
    reason: input.reason,
    coordinator_id: actor.userId,
    overridden_at: clockFor(vault, actor).nowIso,
  });
  return loadAssessment(vault, actor, row.id);
}

/** Submitted assessments waiting for review, oldest first (a coordinator sees every child). */
export function reviewQueue(vault: CaseVault): QueueEntry[] {
  return (
    vault.db
      .prepare(
        `SELECT a.id, a.child_id, c.case_code, a.instrument_code, a.household_label,
           a.submitted_at, u.display_name AS submitted_by_name
         FROM reintegration_assessments a
         JOIN children c ON c.id = a.child_id
         LEFT JOIN users u ON u.id = a.submitted_by
         WHERE a.status = 'submitted' AND a.deleted_at IS NULL AND c.deleted_at IS NULL
         ORDER BY a.submitted_at`,
      )
      .all() as {
      id: string;
      child_id: string;
      case_code: string;
      instrument_code: string;
      household_label: string | null;
      submitted_at: string;
      submitted_by_name: string | null;
    }[]
  ).map((r) => ({
    id: r.id,
    childId: r.child_id,
    caseCode: r.case_code,
    instrumentCode: r.instrument_code,
    householdLabel: r.household_label,
    submittedAt: r.submitted_at,
    submittedByName: r.submitted_by_name,
  }));
}
