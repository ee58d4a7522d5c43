// Households shared by siblings: reading a child's household, its address and notes, moving a
// child into another child's household, each member's relationship to each child, and merging
// the same person recorded twice (offered when name, relationship and address are alike and the
// two are under siblings or one household; never done without a person's say).
import { AppError } from '../../../../shared/errors';
import type {
  Household,
  HouseholdChild,
  MergeCandidate,
  MergeCandidateMember,
} from '../../../../shared/children/households-contract';
import { fieldError, notFound, type CaseActor, type CaseVault } from '../../records/actor';
import { requireVisibleChild, visibleChildIds } from '../../records/scope';
import {
  belongsTo,
  childrenOfMember,
  ensureHousehold,
  memberOfChild,
  relationshipFor,
  requireVisibleMember,
} from './household-members';

interface MemberRow {
  id: string;
  child_id: string;
  household_id: string | null;
  name: string;
  relationship: string;
  phone: string | null;
  address: string | null;
  lives_in_household: number;
  household_access: number;
  alleged_offender: number;
  alleged_offender_since: string | null;
  no_contact_order: number;
  no_contact_order_date: string | null;
  order_expires_on: string | null;
  supervised_only: number;
  notes: string | null;
}

interface HouseholdRow {
  id: string;
  address: string | null;
  notes: string | null;
}

const byCaseCode = (a: HouseholdChild, b: HouseholdChild) => a.caseCode.localeCompare(b.caseCode);

function householdRow(vault: CaseVault, id: string | null): HouseholdRow | null {
  if (!id) return null;
  return (
    (vault.db
      .prepare('SELECT id, address, notes FROM households WHERE id = ? AND deleted_at IS NULL')
      .get([id]) as HouseholdRow | undefined) ?? null
  );
}

function householdIdOf(vault: CaseVault, childId: string): string | null {
  return vault.db
    .prepare('SELECT household_id FROM children WHERE id = ?', { pluck: true })
    .get([childId]) as string | null;
}

/** The children of the household (or the child alone) that the actor may see, by case code. */
function visibleChildren(vault: CaseVault, actor: CaseActor, ids: string[]): HouseholdChild[] {
  const visible = visibleChildIds(vault, actor, ids);
  if (visible.size === 0) return [];
  return (
    vault.db
      .prepare(
        `SELECT id, case_code AS caseCode FROM children
         WHERE id IN (SELECT value FROM json_each(?)) ORDER BY case_code`,
      )
      .all([JSON.stringify([...visible])]) as unknown as HouseholdChild[]
  ).sort(byCaseCode);
}

function membersOfChild(vault: CaseVault, childId: string): MemberRow[] {
  return vault.db
    .prepare(
      `SELECT f.* FROM family_members f WHERE f.deleted_at IS NULL AND ${memberOfChild('f', '$child')}
       ORDER BY f.name COLLATE NOCASE, f.id`,
    )
    .all({ child: childId }) as unknown as MemberRow[];
}

function relationshipOf(vault: CaseVault, memberId: string, childId: string): string | null {
  return (
    (vault.db
      .prepare(`SELECT ${relationshipFor('f', '$child')} FROM family_members f WHERE f.id = $id`, {
        pluck: true,
      })
      .get({ id: memberId, child: childId }) as string | null | undefined) ?? null
  );
}

const norm = (text: string | null) => (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
/** Alike enough to be offered for merge: name, relationship and address, ignoring case and spaces. */
const sameness = (m: MemberRow) =>
  `${norm(m.name)}\u0000${norm(m.relationship)}\u0000${norm(m.address)}`;

/** The sibling group's other children, when the child has one. */
function siblingIds(vault: CaseVault, childId: string): string[] {
  return vault.db
    .prepare(
      `SELECT s.id FROM children c JOIN children s ON s.sibling_group_id = c.sibling_group_id
       WHERE c.id = ? AND s.id <> c.id AND s.deleted_at IS NULL`,
      { pluck: true },
    )
    .all([childId]) as string[];
}

function candidateMember(vault: CaseVault, actor: CaseActor, m: MemberRow): MergeCandidateMember {
  return {
    id: m.id,
    name: m.name,
    relationship: m.relationship,
    address: m.address,
    caseCodes: visibleChildren(vault, actor, childrenOfMember(vault, m.id)).map((c) => c.caseCode),
  };
}

/**
 * Pairs of alike members, one of them the child's, the other the child's too or a visible
 * sibling's; the earlier recorded is the one kept.
 */
function mergeCandidates(vault: CaseVault, actor: CaseActor, childId: string): MergeCandidate[] {
  const own = membersOfChild(vault, childId);
  const pool = new Map(own.map((m) => [m.id, m]));
  for (const sibling of visibleChildIds(vault, actor, siblingIds(vault, childId)))
    for (const m of membersOfChild(vault, sibling)) pool.set(m.id, m);
  const ownIds = new Set(own.map((m) => m.id));
  const groups = new Map<string, MemberRow[]>();
  for (const m of pool.values()) groups.set(sameness(m), [...(groups.get(sameness(m)) ?? []), m]);
  const pairs: MergeCandidate[] = [];
  for (const group of groups.values()) {
    const [keep, ...rest] = group.sort((a, b) => a.id.localeCompare(b.id));
    for (const merge of rest) {
      if (!ownIds.has(keep!.id) && !ownIds.has(merge.id)) continue;
      pairs.push({
        keep: candidateMember(vault, actor, keep!),
        merge: candidateMember(vault, actor, merge),
      });
    }
  }
  return pairs.sort((a, b) => a.keep.name.localeCompare(b.keep.name));
}

export function householdOf(vault: CaseVault, actor: CaseActor, childId: string): Household {
  const child = requireVisibleChild(vault, actor, childId);
  const row = householdRow(vault, householdIdOf(vault, child.id));
  const memberIds = row
    ? (vault.db
        .prepare('SELECT id FROM children WHERE household_id = ? AND deleted_at IS NULL', {
          pluck: true,
        })
        .all([row.id]) as string[])
    : [child.id];
  const children = visibleChildren(vault, actor, memberIds).sort((a, b) =>
    a.id === child.id ? -1 : b.id === child.id ? 1 : byCaseCode(a, b),
  );
  const members = membersOfChild(vault, child.id).map((m) => ({
    id: m.id,
    name: m.name,
    relationships: children.map((c) => ({
      childId: c.id,
      relationship: relationshipOf(vault, m.id, c.id),
    })),
  }));
  const inHousehold = new Set(memberIds);
  const joinable = visibleChildren(
    vault,
    actor,
    siblingIds(vault, child.id).filter((id) => !inHousehold.has(id)),
  );
  return {
    id: row?.id ?? null,
    address: row?.address ?? null,
    notes: row?.notes ?? null,
    children,
    members,
    joinable,
    mergeCandidates: mergeCandidates(vault, actor, child.id),
  };
}

export function saveHousehold(
  vault: CaseVault,
  actor: CaseActor,
  input: { childId: string; address?: string | undefined; notes?: string | undefined },
): Household {
  const child = requireVisibleChild(vault, actor, input.childId);
  vault.data.transaction(() => {
    const id = ensureHousehold(vault, child);
    vault.data.update('households', id, {
      address: input.address || null,
      notes: input.notes || null,
    });
  });
  return householdOf(vault, actor, child.id);
}

/**
 * Moves every child and member of household `from` into `into`, and retires `from`; `into`
 * keeps its address unless it has none. Inside the caller's transaction.
 */
function absorbHousehold(vault: CaseVault, into: string, from: string): void {
  const ids = (table: 'children' | 'family_members') =>
    vault.db
      .prepare(`SELECT id FROM ${table} WHERE household_id = ? AND deleted_at IS NULL`, {
        pluck: true,
      })
      .all([from]) as string[];
  for (const id of ids('children')) vault.data.update('children', id, { household_id: into });
  for (const id of ids('family_members'))
    vault.data.update('family_members', id, { household_id: into });
  const target = householdRow(vault, into);
  const source = householdRow(vault, from);
  if (target && !target.address && source?.address)
    vault.data.update('households', into, { address: source.address });
  vault.data.softDelete('households', from);
}

/**
 * The child moves into the household of another child. A household the move leaves without
 * children comes along whole (its members and address), so nothing recorded is left behind.
 */
export function joinHousehold(
  vault: CaseVault,
  actor: CaseActor,
  input: { childId: string; householdOfChildId: string },
): void {
  if (input.childId === input.householdOfChildId)
    throw fieldError('householdOfChildId', 'household.self');
  const child = requireVisibleChild(vault, actor, input.childId);
  const other = requireVisibleChild(vault, actor, input.householdOfChildId);
  vault.data.transaction(() => {
    const into = ensureHousehold(vault, other);
    const from = ensureHousehold(vault, child);
    if (from === into) return;
    const left = vault.db
      .prepare(
        `SELECT count(*) FROM children WHERE household_id = ? AND id <> ? AND deleted_at IS NULL`,
        { pluck: true },
      )
      .get([from, child.id]) as number;
    if (left === 0) absorbHousehold(vault, into, from);
    else vault.data.update('children', child.id, { household_id: into });
  });
}

/** Sets the member's relationship to one child of its household. */
export function setRelationship(
  vault: CaseVault,
  actor: CaseActor,
  input: { memberId: string; childId: string; relationship: string },
): void {
  const child = requireVisibleChild(vault, actor, input.childId);
  if (!belongsTo(vault, input.memberId, child.id)) throw notFound();
  const member = vault.db
    .prepare('SELECT child_id FROM family_members WHERE id = ?')
    .get([input.memberId]) as { child_id: string };
  vault.data.transaction(() => {
    if (member.child_id === child.id) {
      vault.data.update('family_members', input.memberId, { relationship: input.relationship });
      return;
    }
    writeRelationship(vault, input.memberId, child.id, input.relationship);
  });
}

/** The member's own relationship to a child other than its first; replaces any earlier one. */
export function writeRelationship(
  vault: CaseVault,
  memberId: string,
  childId: string,
  relationship: string,
): void {
  const earlier = vault.db
    .prepare(
      `SELECT id FROM household_relationships
       WHERE member_id = ? AND child_id = ? AND deleted_at IS NULL`,
      { pluck: true },
    )
    .all([memberId, childId]) as string[];
  const [first, ...others] = earlier;
  if (first) vault.data.update('household_relationships', first, { relationship });
  else
    vault.data.insert('household_relationships', {
      member_id: memberId,
      child_id: childId,
      relationship,
    });
  for (const id of others) vault.data.softDelete('household_relationships', id);
}

/** Whether the two members' households are one, or hold siblings of one another. */
function related(vault: CaseVault, a: string, b: string): boolean {
  const aChildren = childrenOfMember(vault, a);
  const bChildren = new Set(childrenOfMember(vault, b));
  if (aChildren.some((id) => bChildren.has(id))) return true;
  return aChildren.some((id) => siblingIds(vault, id).some((s) => bChildren.has(s)));
}

const earliest = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b));
/** An order with no expiry holds until lifted, so it outlasts any dated one. */
function mergedExpiry(a: MemberRow, b: MemberRow): string | null {
  const undated = (m: MemberRow) => m.no_contact_order === 1 && !m.order_expires_on;
  if (undated(a) || undated(b)) return null;
  const dates = [a.order_expires_on, b.order_expires_on].filter((d): d is string => !!d).sort();
  return dates.at(-1) ?? null;
}

/**
 * Merges `mergeId` into `keepId`: the two households become one, `mergeId`'s relationships and
 * consents carry over, the kept person holds every flag either had (a flag is never lost in a
 * merge), and `mergeId` is retired with a pointer to the kept one. Returns the children affected.
 */
export function mergeMembers(
  vault: CaseVault,
  actor: CaseActor,
  input: { keepId: string; mergeId: string },
): { childIds: string[] } {
  if (input.keepId === input.mergeId) throw fieldError('mergeId', 'household.mergeSelf');
  const keep = requireVisibleMember<MemberRow>(vault, actor, input.keepId);
  const merge = requireVisibleMember<MemberRow>(vault, actor, input.mergeId);
  if (sameness(keep) !== sameness(merge) || !related(vault, keep.id, merge.id))
    throw new AppError('CONFLICT', 'household.notMergeable');
  const mergeChildren = childrenOfMember(vault, merge.id);
  const relationships = new Map(
    mergeChildren.map((id) => [id, relationshipOf(vault, merge.id, id)] as const),
  );
  vault.data.transaction(() => {
    const into = keep.household_id ?? ensureHousehold(vault, { id: keep.child_id });
    const from = merge.household_id ?? ensureHousehold(vault, { id: merge.child_id });
    if (from !== into) absorbHousehold(vault, into, from);
    for (const [childId, relationship] of relationships) {
      if (!relationship || relationshipOf(vault, keep.id, childId)) continue;
      writeRelationship(vault, keep.id, childId, relationship);
    }
    const anyOf = (column: keyof MemberRow) => (keep[column] === 1 || merge[column] === 1 ? 1 : 0);
    vault.data.update('family_members', keep.id, {
      phone: keep.phone ?? merge.phone,
      notes: keep.notes ?? merge.notes,
      lives_in_household: anyOf('lives_in_household'),
      household_access: anyOf('household_access'),
      alleged_offender: anyOf('alleged_offender'),
      alleged_offender_since: earliest(keep.alleged_offender_since, merge.alleged_offender_since),
      no_contact_order: anyOf('no_contact_order'),
      no_contact_order_date: earliest(keep.no_contact_order_date, merge.no_contact_order_date),
      order_expires_on: mergedExpiry(keep, merge),
      supervised_only: anyOf('supervised_only'),
    });
    const consents = vault.db
      .prepare('SELECT id FROM consents WHERE given_by_member_id = ?', { pluck: true })
      .all([merge.id]) as string[];
    for (const id of consents) vault.data.update('consents', id, { given_by_member_id: keep.id });
    const oldRelationships = vault.db
      .prepare(
        'SELECT id FROM household_relationships WHERE member_id = ? AND deleted_at IS NULL',
        { pluck: true },
      )
      .all([merge.id]) as string[];
    for (const id of oldRelationships) vault.data.softDelete('household_relationships', id);
    vault.data.update('family_members', merge.id, { merged_into: keep.id });
    vault.data.softDelete('family_members', merge.id);
  });
  return { childIds: childrenOfMember(vault, keep.id) };
}
