// The hard safety gates. A household that includes a family member flagged as alleged offender
// or under a no-contact order is never recommended for the child's return, and a discharge to
// family or kinship care needs an approved, recent, safe readiness assessment of that kind of
// household. Only the age rule can be set aside, by a coordinator, with a typed reason.
import { AppError } from '../../../../shared/errors';
import type { NotSafeReason } from '../../../../shared/reintegration/instruments';
import type { ReintegrationPolicy } from '../../../../shared/reintegration/contract';
import {
  DEFAULT_ASSESSMENT_MAX_AGE_DAYS,
  GATED_DESTINATIONS,
  type HouseholdKind,
} from '../../../../shared/reintegration/vocabulary';
import {
  DEFAULT_OUTCOMES_SCHEDULE,
  DEFAULT_VISIT_CADENCE,
  type CadenceStep,
} from '../../../../shared/reintegration/monitoring';
import { dateOf, daysBetween, type CaseVault } from '../../records/actor';
import { memberOfChild, relationshipFor } from '../children';
import type { DischargeGuard } from '../../runtime/domain';

export interface Household {
  kind: HouseholdKind;
  memberIds: readonly string[];
}

/**
 * The flags on a household as they are now: its listed members and, for the child's own family's
 * household, everyone recorded as living in it (so leaving someone off the list hides nothing);
 * the child's family is that of the child's household, shared with siblings.
 */
export function householdFlags(
  vault: CaseVault,
  childId: string,
  household: Household,
): NotSafeReason[] {
  const rows = vault.db
    .prepare(
      `SELECT coalesce(${relationshipFor('f', '$child')}, f.relationship) AS relationship,
         f.alleged_offender, f.no_contact_order FROM family_members f
       WHERE f.deleted_at IS NULL AND ${memberOfChild('f', '$child')}
         AND (f.alleged_offender = 1 OR f.no_contact_order = 1)
         AND (f.id IN (SELECT value FROM json_each($ids))
              OR ($family = 1 AND f.lives_in_household = 1))
       ORDER BY relationship`,
    )
    .all({
      child: childId,
      ids: JSON.stringify(household.memberIds),
      family: household.kind === 'family' ? 1 : 0,
    }) as { relationship: string; alleged_offender: number; no_contact_order: number }[];
  return rows.flatMap((row): NotSafeReason[] => [
    ...(row.alleged_offender === 1
      ? [{ kind: 'allegedOffender' as const, relationship: row.relationship }]
      : []),
    ...(row.no_contact_order === 1
      ? [{ kind: 'noContactOrder' as const, relationship: row.relationship }]
      : []),
  ]);
}

/** Refuses because of a flagged household member, naming the relationship and the flag. */
export function flaggedHousehold(reason: NotSafeReason, field?: string): AppError {
  const details = {
    flag: reason.kind,
    relationship: 'relationship' in reason ? reason.relationship : null,
  };
  return field
    ? new AppError('VALIDATION', 'validation', {
        fields: { [field]: 'reintegration.householdFlagged' },
        details,
      })
    : new AppError('CONFLICT', 'reintegration.householdFlagged', { details });
}

// ---- the policy -------------------------------------------------------------------------------
const POLICY_ID = '00000000-0000-7000-8000-000000000060';

interface PolicyRow {
  assessment_max_age_days: number;
  visit_cadence: string;
  outcomes_first_after_months: number;
  outcomes_then_every_months: number;
  closure_threshold: number | null;
}

export function readPolicy(vault: CaseVault): ReintegrationPolicy {
  const row = vault.db
    .prepare('SELECT * FROM reintegration_policy WHERE id = ?')
    .get([POLICY_ID]) as PolicyRow | undefined;
  return row
    ? {
        assessmentMaxAgeDays: row.assessment_max_age_days,
        visitCadence: JSON.parse(row.visit_cadence) as CadenceStep[],
        outcomesFirstAfterMonths: row.outcomes_first_after_months,
        outcomesThenEveryMonths: row.outcomes_then_every_months,
        closureThreshold: row.closure_threshold,
      }
    : {
        assessmentMaxAgeDays: DEFAULT_ASSESSMENT_MAX_AGE_DAYS,
        visitCadence: [...DEFAULT_VISIT_CADENCE],
        outcomesFirstAfterMonths: DEFAULT_OUTCOMES_SCHEDULE.firstAfterMonths,
        outcomesThenEveryMonths: DEFAULT_OUTCOMES_SCHEDULE.thenEveryMonths,
        closureThreshold: null,
      };
}

export function writePolicy(vault: CaseVault, policy: ReintegrationPolicy): ReintegrationPolicy {
  const values = {
    assessment_max_age_days: policy.assessmentMaxAgeDays,
    visit_cadence: JSON.stringify(policy.visitCadence),
    outcomes_first_after_months: policy.outcomesFirstAfterMonths,
    outcomes_then_every_months: policy.outcomesThenEveryMonths,
    closure_threshold: policy.closureThreshold,
  };
  const exists = vault.db
    .prepare('SELECT 1 FROM reintegration_policy WHERE id = ?')
    .get([POLICY_ID]);
  if (exists) vault.data.update('reintegration_policy', POLICY_ID, values);
  else vault.data.insert('reintegration_policy', values, POLICY_ID);
  return readPolicy(vault);
}

// ---- the discharge gate ---------------------------------------------------------------------

interface ApprovedRow {
  id: string;
  household_kind: HouseholdKind;
  household_member_ids: string;
  last_visit_on: string;
  not_safe: number;
  overridden: number;
}

/**
 * Discharge to family or kinship care: the latest approved readiness assessment of that kind of
 * household must exist, show no flagged member today, not be "not safe", and have had its last
 * home visit within the policy's days of the discharge (unless a coordinator overrode that rule).
 */
export const reintegrationDischargeGuard: DischargeGuard = (vault, request) => {
  const kind = GATED_DESTINATIONS[request.destination];
  if (!kind) return;
  // `+a.status`: by the child's index, not through every approved assessment.
  const latest = vault.db
    .prepare(
      `SELECT a.id, a.household_kind, a.household_member_ids, a.last_visit_on, a.not_safe,
         EXISTS (SELECT 1 FROM reintegration_overrides o WHERE o.assessment_id = a.id) AS overridden
       FROM reintegration_assessments a
       WHERE a.child_id = ? AND +a.status = 'approved' AND a.household_kind = ?
         AND a.deleted_at IS NULL
       ORDER BY a.approved_at DESC LIMIT 1`,
    )
    .get([request.child.id, kind]) as ApprovedRow | undefined;
  if (!latest)
    throw new AppError('CONFLICT', 'reintegration.noApprovedAssessment', {
      details: { householdKind: kind },
    });
  const flags = householdFlags(vault, request.child.id, {
    kind,
    memberIds: JSON.parse(latest.household_member_ids) as string[],
  });
  if (flags[0]) throw flaggedHousehold(flags[0]);
  if (latest.not_safe === 1)
    throw new AppError('CONFLICT', 'reintegration.assessmentNotSafe', {
      details: { assessmentId: latest.id },
    });
  const { assessmentMaxAgeDays } = readPolicy(vault);
  const age = daysBetween(latest.last_visit_on, dateOf(request.at, request.clock.timeZone));
  if (age > assessmentMaxAgeDays && latest.overridden === 0)
    throw new AppError('CONFLICT', 'reintegration.assessmentTooOld', {
      details: { assessmentId: latest.id, ageDays: age, maxAgeDays: assessmentMaxAgeDays },
    });
};
