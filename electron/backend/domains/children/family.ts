// Family and significant persons, and sibling groups.
import { v7 as uuidv7 } from 'uuid';
import { canSeeSafetyFlags, type ContactWish } from '../../../../shared/children/vocabulary';
import type { FamilyMember } from '../../../../shared/children/contract';
import type { Role } from '../../../../shared/roles';
import {
  clockFor,
  FieldErrors,
  fieldError,
  notFound,
  type CaseActor,
  type CaseVault,
} from '../../records/actor';
import { requireVisibleChild } from '../../records/scope';
import {
  belongsTo,
  ensureHousehold,
  memberOfChild,
  relationshipFor,
  requireVisibleMember,
} from './household-members';
import { writeRelationship } from './households';

interface FamilyRow {
  id: string;
  child_id: string;
  name: string;
  relationship: string;
  /** The relationship to the child asked about (see relationshipFor); null: not set yet. */
  child_relationship?: string | null;
  phone: string | null;
  address: string | null;
  barangay: string | null;
  lives_in_household: number;
  alleged_offender: number;
  alleged_offender_since: string | null;
  no_contact_order: number;
  no_contact_order_date: string | null;
  order_expires_on: string | null;
  supervised_only: number;
  household_access: number;
  child_wants_contact: ContactWish | null;
  notes: string | null;
}

/** An alleged offender or someone under a no-contact order: removing or clearing needs a reason. */
export function isFlagged(row: Pick<FamilyRow, 'alleged_offender' | 'no_contact_order'>): boolean {
  return row.alleged_offender === 1 || row.no_contact_order === 1;
}

function toFamilyMember(row: FamilyRow, role: Role, childId: string): FamilyMember {
  return {
    id: row.id,
    childId,
    name: row.name,
    relationship:
      row.child_relationship === undefined ? row.relationship : (row.child_relationship ?? ''),
    phone: row.phone,
    address: row.address,
    barangay: row.barangay,
    livesInHousehold: row.lives_in_household === 1,
    householdAccess: row.household_access === 1,
    childWantsContact: row.child_wants_contact,
    safety: canSeeSafetyFlags(role)
      ? {
          allegedOffender: row.alleged_offender === 1,
          allegedOffenderSince: row.alleged_offender_since,
          noContactOrder: row.no_contact_order === 1,
          noContactOrderDate: row.no_contact_order_date,
          orderExpiresOn: row.order_expires_on,
          supervisedOnly: row.supervised_only === 1,
        }
      : null,
    notes: row.notes,
  };
}

/** One family member as the child's file shows it: with the relationship to that child. */
function familyRowFor(vault: CaseVault, memberId: string, childId: string): FamilyRow {
  return vault.db
    .prepare(
      `SELECT f.*, ${relationshipFor('f', '$child')} AS child_relationship
       FROM family_members f WHERE f.id = $id`,
    )
    .get({ id: memberId, child: childId }) as unknown as FamilyRow;
}

/**
 * The child's family (the members of the child's household, see household-members.ts); the
 * safety flags are null for a role that may not see them.
 */
export function familyOf(vault: CaseVault, childId: string, role: Role): FamilyMember[] {
  return (
    vault.db
      .prepare(
        `SELECT f.*, ${relationshipFor('f', '$child')} AS child_relationship
         FROM family_members f WHERE f.deleted_at IS NULL AND ${memberOfChild('f', '$child')}
         ORDER BY f.name COLLATE NOCASE`,
      )
      .all({ child: childId }) as unknown as FamilyRow[]
  ).map((row) => toFamilyMember(row, role, childId));
}

export interface FamilyInput {
  id?: string | undefined;
  childId: string;
  name: string;
  relationship: string;
  phone?: string | undefined;
  address?: string | undefined;
  barangay?: string | undefined;
  livesInHousehold: boolean;
  allegedOffender: boolean;
  allegedOffenderSince?: string | undefined;
  noContactOrder: boolean;
  noContactOrderDate?: string | undefined;
  orderExpiresOn?: string | undefined;
  supervisedOnly?: boolean | undefined;
  householdAccess?: boolean | undefined;
  childWantsContact?: ContactWish | undefined;
  flagClearReason?: string | undefined;
  notes?: string | undefined;
}

/** What saving a family member did: the member, and whether a flag was cleared (for the audit). */
export interface SavedFamilyMember {
  member: FamilyMember;
  flagCleared: boolean;
}

export function saveFamilyMember(
  vault: CaseVault,
  actor: CaseActor,
  input: FamilyInput,
): FamilyMember {
  return writeFamilyMember(vault, actor, input).member;
}

/**
 * Adds a family member to the child's household, or edits one of it; the relationship saved is
 * the one to this child. Clearing a flag needs a reason, which is kept.
 */
export function writeFamilyMember(
  vault: CaseVault,
  actor: CaseActor,
  input: FamilyInput,
): SavedFamilyMember {
  const child = requireVisibleChild(vault, actor, input.childId);
  const existing = input.id ? requireVisibleMember<FamilyRow>(vault, actor, input.id) : null;
  if (existing && !belongsTo(vault, existing.id, child.id)) throw notFound();
  // A member first entered under a sibling keeps that relationship; this child's is its own.
  const ownRelationship = existing !== null && existing.child_id !== child.id;
  // A role that cannot see the flags cannot set or clear them either.
  const flags = canSeeSafetyFlags(actor.role);
  const flagCleared =
    flags &&
    existing !== null &&
    ((existing.alleged_offender === 1 && !input.allegedOffender) ||
      (existing.no_contact_order === 1 && !input.noContactOrder));
  const errors = new FieldErrors()
    .notFutureDate('allegedOffenderSince', input.allegedOffenderSince, clockFor(vault, actor))
    .notFutureDate('noContactOrderDate', input.noContactOrderDate, clockFor(vault, actor));
  if (flagCleared && !input.flagClearReason) errors.add('flagClearReason', 'safety.reasonRequired');
  errors.throwIfAny();
  const values = {
    name: input.name,
    ...(ownRelationship ? {} : { relationship: input.relationship }),
    phone: input.phone || null,
    address: input.address || null,
    barangay: input.barangay || null,
    lives_in_household: input.livesInHousehold ? 1 : 0,
    household_access: input.householdAccess ? 1 : 0,
    child_wants_contact: input.childWantsContact ?? null,
    notes: input.notes || null,
  };
  const safety = flags
    ? {
        alleged_offender: input.allegedOffender ? 1 : 0,
        alleged_offender_since: input.allegedOffender ? (input.allegedOffenderSince ?? null) : null,
        no_contact_order: input.noContactOrder ? 1 : 0,
        no_contact_order_date: input.noContactOrder ? (input.noContactOrderDate ?? null) : null,
        order_expires_on: input.noContactOrder ? (input.orderExpiresOn ?? null) : null,
        supervised_only: input.supervisedOnly ? 1 : 0,
      }
    : {};
  const id = vault.data.transaction(() => {
    const saved =
      existing?.id ??
      vault.data.insert('family_members', {
        ...values,
        ...safety,
        relationship: input.relationship,
        child_id: child.id,
        household_id: ensureHousehold(vault, child),
      });
    if (existing) vault.data.update('family_members', saved, { ...values, ...safety });
    if (ownRelationship) writeRelationship(vault, saved, child.id, input.relationship);
    if (flagCleared)
      recordFlagChange(vault, child.id, saved, 'flag_cleared', input.flagClearReason!);
    return saved;
  });
  return {
    member: toFamilyMember(familyRowFor(vault, id, child.id), actor.role, child.id),
    flagCleared,
  };
}

function recordFlagChange(
  vault: CaseVault,
  childId: string,
  memberId: string,
  change: 'flag_cleared' | 'removed',
  reason: string,
): void {
  vault.data.insert('safety_flag_changes', {
    child_id: childId,
    family_member_id: memberId,
    change,
    reason,
  });
}

/**
 * Removes a family member from the household (from every child of it); a flagged one only with a
 * reason, which is kept.
 */
export function removeFamilyMember(
  vault: CaseVault,
  actor: CaseActor,
  input: { id: string; reason?: string | undefined },
): { childId: string; flagged: boolean } {
  const row = requireVisibleMember<FamilyRow>(vault, actor, input.id);
  const flagged = isFlagged(row);
  if (flagged && !input.reason) throw fieldError('reason', 'safety.reasonRequired');
  vault.data.transaction(() => {
    if (flagged) recordFlagChange(vault, row.child_id, row.id, 'removed', input.reason!);
    vault.data.softDelete('family_members', row.id);
  });
  return { childId: row.child_id, flagged };
}

// ---- siblings --------------------------------------------------------------------------------
/** Puts two children in one sibling group, merging their groups if both had one. */
export function linkSiblings(
  vault: CaseVault,
  actor: CaseActor,
  input: { childId: string; siblingId: string },
): void {
  if (input.childId === input.siblingId) throw fieldError('siblingId', 'sibling.self');
  const child = requireVisibleChild(vault, actor, input.childId);
  const sibling = requireVisibleChild(vault, actor, input.siblingId);
  const group = child.sibling_group_id ?? sibling.sibling_group_id ?? uuidv7();
  vault.data.transaction(() => {
    const members = new Set([child.id, sibling.id]);
    for (const old of [child.sibling_group_id, sibling.sibling_group_id]) {
      if (!old || old === group) continue;
      const ids = vault.db
        .prepare('SELECT id FROM children WHERE sibling_group_id = ?', { pluck: true })
        .all([old]) as string[];
      ids.forEach((id) => members.add(id));
    }
    for (const id of members) vault.data.update('children', id, { sibling_group_id: group });
  });
}

/** Takes a child out of their sibling group; a group of one is dissolved. */
export function unlinkSibling(vault: CaseVault, actor: CaseActor, childId: string): void {
  const child = requireVisibleChild(vault, actor, childId);
  if (!child.sibling_group_id) return;
  vault.data.transaction(() => {
    vault.data.update('children', child.id, { sibling_group_id: null });
    const rest = vault.db
      .prepare('SELECT id FROM children WHERE sibling_group_id = ?', { pluck: true })
      .all([child.sibling_group_id]) as string[];
    if (rest.length === 1) vault.data.update('children', rest[0]!, { sibling_group_id: null });
  });
}

/**
 * The family members who may join the child in a conjoint therapy session: never an alleged
 * offender, never someone under a no-contact order.
 */
export function conjointCaregivers(
  vault: CaseVault,
  childId: string,
): { id: string; name: string; relationship: string }[] {
  return vault.db
    .prepare(
      `SELECT f.id, f.name, coalesce(${relationshipFor('f', '$child')}, '') AS relationship
       FROM family_members f
       WHERE f.deleted_at IS NULL AND ${memberOfChild('f', '$child')}
         AND f.alleged_offender = 0 AND f.no_contact_order = 0
       ORDER BY f.name COLLATE NOCASE`,
    )
    .all({ child: childId }) as { id: string; name: string; relationship: string }[];
}
