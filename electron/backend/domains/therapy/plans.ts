// Therapy plans: one course of therapy for a child, with its therapist, goals, frequency, length
// and the child's own preferences; and the caseload lists built on them.
import {
  UNPLANNED_LIMIT,
  type CaseloadRow,
  type planFieldsSchema,
  type TherapistSummary,
  type TherapyPlan,
  type UnplannedChildren,
} from '../../../../shared/therapy/contract';
import type { TherapySoftRule } from '../../../../shared/therapy/vocabulary';
import type { z } from 'zod';
import { fieldError, notFound, type CaseActor, type CaseVault } from '../../records/actor';
import { childScope } from '../../records/scope';
import { overrideFor, readTherapyRules } from './rules';
import { planRowById, toPlan, type PlanRow } from './rows';

export type PlanInput = z.output<typeof planFieldsSchema>;

export interface PlanResult {
  plan: TherapyPlan;
  overridden: TherapySoftRule[];
}

export function listTherapists(vault: CaseVault): TherapistSummary[] {
  return (
    vault.db
      .prepare(
        `SELECT id, display_name FROM users WHERE role = 'therapist' AND deleted_at IS NULL
         ORDER BY display_name`,
      )
      .all() as { id: string; display_name: string }[]
  ).map((u) => ({ id: u.id, displayName: u.display_name }));
}

/** Whether the plan has begun: an attended session with it. */
function planUnderway(vault: CaseVault, planId: string): boolean {
  return (
    vault.db
      .prepare(
        `SELECT 1 FROM therapy_sessions WHERE plan_id = ? AND status = 'attended'
         AND deleted_at IS NULL LIMIT 1`,
      )
      .get([planId]) !== undefined
  );
}

/** Ids are in the caller's scope (the router checked them); the rest is checked here. */
export function savePlan(vault: CaseVault, _actor: CaseActor, input: PlanInput): PlanResult {
  const existing = input.id ? planRowById(vault, input.id) : null;
  if (input.id && !existing) throw notFound();
  if (existing && existing.child_id !== input.childId)
    throw fieldError('childId', 'therapy.planChild');
  if (input.frequency === 'custom' && !input.customFrequency)
    throw fieldError('customFrequency', 'required');
  const rules = readTherapyRules(vault);
  const broken: TherapySoftRule[] = [];
  if (
    rules.therapistChange.enabled &&
    existing &&
    existing.therapist_id !== input.therapistId &&
    existing.status === 'active' &&
    planUnderway(vault, existing.id)
  )
    broken.push('therapistChange');
  const overrideReason = overrideFor(broken, input.overrideReason);
  const values = {
    child_id: input.childId,
    therapist_id: input.therapistId,
    modality: input.modality,
    goals: input.goals,
    frequency: input.frequency,
    custom_frequency: input.frequency === 'custom' ? (input.customFrequency ?? null) : null,
    session_minutes: input.sessionMinutes,
    planned_sessions: input.plannedSessions,
    pref_therapist_gender: input.preferences.therapistGender,
    pref_language: input.preferences.language || null,
    pref_time_of_day: input.preferences.timeOfDay,
    status: input.status,
    started_on: input.startedOn,
    ...(overrideReason ? { override_reason: overrideReason } : {}),
  };
  const id = vault.data.transaction(() => {
    if (!existing) return vault.data.insert('therapy_plans', values);
    vault.data.update('therapy_plans', existing.id, values);
    return existing.id;
  });
  return { plan: toPlan(vault, planRowById(vault, id)!), overridden: broken };
}

export function plansOf(vault: CaseVault, childId: string): TherapyPlan[] {
  return (
    vault.db
      .prepare(
        `SELECT * FROM therapy_plans WHERE child_id = ? AND deleted_at IS NULL
         ORDER BY started_on DESC, id DESC`,
      )
      .all([childId]) as unknown as PlanRow[]
  ).map((row) => toPlan(vault, row));
}

/**
 * A therapist's caseload: the children of their plans and sessions. For the case team, the
 * children in their scope who have a plan.
 */
export function caseload(vault: CaseVault, actor: CaseActor): CaseloadRow[] {
  const scope = childScope(vault, actor);
  const mine = actor.role === 'therapist';
  const children = vault.db
    .prepare(
      `SELECT c.id, c.case_code, c.alias AS initials FROM children c
       WHERE c.deleted_at IS NULL AND ${scope.sql} AND c.id IN (
         SELECT child_id FROM therapy_plans
           WHERE deleted_at IS NULL AND ($mine = 0 OR therapist_id = $me)
         UNION
         SELECT pa.child_id FROM therapy_sessions ts
           JOIN therapy_participants pa ON pa.session_id = ts.id AND pa.deleted_at IS NULL
           WHERE $mine = 1 AND ts.therapist_id = $me AND ts.deleted_at IS NULL)
       ORDER BY c.case_code`,
    )
    .all({ ...scope.params, mine: mine ? 1 : 0, me: actor.userId }) as {
    id: string;
    case_code: string;
    initials: string;
  }[];
  return children.map((c) => ({
    child: { id: c.id, caseCode: c.case_code, initials: c.initials },
    plans: plansOf(vault, c.id)
      .filter((p) => p.status === 'active')
      .map((p) => ({
        id: p.id,
        modality: p.modality,
        therapistName: p.therapist.displayName,
        progress: p.progress,
      })),
  }));
}

/**
 * Where a first plan starts: the children in the actor's scope (for a therapist, those placed in
 * their shelters and their caseload) who are placed now and have no active plan. Case code and
 * initials only, as in every list, so the read is not audited (names are).
 */
export function unplannedChildren(vault: CaseVault, actor: CaseActor): UnplannedChildren {
  const scope = childScope(vault, actor);
  const where = `c.deleted_at IS NULL AND ${scope.sql}
    AND EXISTS (SELECT 1 FROM placements p
      WHERE p.child_id = c.id AND p.end_at IS NULL AND p.deleted_at IS NULL)
    AND NOT EXISTS (SELECT 1 FROM therapy_plans tp
      WHERE tp.child_id = c.id AND tp.status = 'active' AND tp.deleted_at IS NULL)`;
  // A coordinator's scope has no parameters, and the driver wants an array then.
  const params = Object.keys(scope.params).length > 0 ? scope.params : [];
  const rows = vault.db
    .prepare(
      `SELECT c.id, c.case_code, c.alias AS initials FROM children c WHERE ${where}
       ORDER BY c.case_code LIMIT ${UNPLANNED_LIMIT}`,
    )
    .all(params) as { id: string; case_code: string; initials: string }[];
  const total = vault.db
    .prepare(`SELECT count(*) FROM children c WHERE ${where}`, { pluck: true })
    .get(params) as number;
  return {
    rows: rows.map((c) => ({ id: c.id, caseCode: c.case_code, initials: c.initials })),
    total,
  };
}
