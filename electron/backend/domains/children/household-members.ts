// Which family members belong to which child. A member belongs to every child of its household;
// a member without one (entered before households, or arriving from a computer not yet upgraded)
// belongs to its own child only. Every reader of a child's family goes through these, so a flag
// set once reaches every child of the household.
import type { CaseActor, CaseVault } from '../../records/actor';
import { notFound } from '../../records/actor';
import { visibleChildIds } from '../../records/scope';

/**
 * A condition on family_members `f`: the member belongs to the child whose id is `child`. Callers
 * ask for `f.deleted_at IS NULL` too; the household branch repeats it because the household index
 * is partial on it: without it inside the OR, SQLite cannot look each branch up in its own index
 * and reads every family member instead (at size L, some 700 pages for one case file).
 */
export const memberOfChild = (f: string, child: string): string =>
  `((${f}.household_id = (SELECT hc.household_id FROM children hc WHERE hc.id = ${child})
      AND ${f}.deleted_at IS NULL)
    OR (${f}.household_id IS NULL AND ${f}.child_id = ${child}))`;

/** A join condition: the child `c` is one the family member `f` belongs to. */
export const childOfMember = (f: string, c: string): string =>
  `(${c}.household_id = ${f}.household_id OR (${f}.household_id IS NULL AND ${c}.id = ${f}.child_id))`;

/**
 * The member's relationship to the child whose id is `child`: its own to that child, else the one
 * entered with the member if that child is the member's first; null when not set.
 */
export const relationshipFor = (f: string, child: string): string =>
  `COALESCE((SELECT r.relationship FROM household_relationships r
      WHERE r.member_id = ${f}.id AND r.child_id = ${child} AND r.deleted_at IS NULL
      ORDER BY r.created_at DESC LIMIT 1),
    CASE WHEN ${f}.child_id = ${child} THEN ${f}.relationship END)`;

/** The children (not deleted) a family member belongs to. */
export function childrenOfMember(vault: CaseVault, memberId: string): string[] {
  return vault.db
    .prepare(
      `SELECT c.id FROM family_members f JOIN children c ON ${childOfMember('f', 'c')}
       WHERE f.id = ? AND f.deleted_at IS NULL AND c.deleted_at IS NULL`,
      { pluck: true },
    )
    .all([memberId]) as string[];
}

/** Whether the actor sees at least one child the member belongs to. */
export function memberVisible(vault: CaseVault, actor: CaseActor | null, id: unknown): boolean {
  if (actor === null || typeof id !== 'string') return false;
  return visibleChildIds(vault, actor, childrenOfMember(vault, id)).size > 0;
}

/** The member (not deleted) if the actor sees a child it belongs to; else NOT_FOUND. */
export function requireVisibleMember<R>(vault: CaseVault, actor: CaseActor, id: string): R {
  const row = vault.db
    .prepare('SELECT * FROM family_members WHERE id = ? AND deleted_at IS NULL')
    .get([id]) as R | undefined;
  if (!row || !memberVisible(vault, actor, id)) throw notFound();
  return row;
}

/** Whether the member belongs to the child. */
export function belongsTo(vault: CaseVault, memberId: string, childId: string): boolean {
  return (
    vault.db
      .prepare(
        `SELECT 1 FROM family_members f
         WHERE f.id = $member AND f.deleted_at IS NULL AND ${memberOfChild('f', '$child')}`,
      )
      .get({ member: memberId, child: childId }) !== undefined
  );
}

/**
 * The child's household, made on first need; the child's members without one move into it.
 * Call inside the write's transaction.
 */
export function ensureHousehold(vault: CaseVault, child: { id: string }): string {
  const current = vault.db
    .prepare('SELECT household_id FROM children WHERE id = ?', { pluck: true })
    .get([child.id]) as string | null;
  if (current) return current;
  const id = vault.data.insert('households', { address: null, notes: null });
  vault.data.update('children', child.id, { household_id: id });
  const strays = vault.db
    .prepare(
      `SELECT id FROM family_members WHERE child_id = ? AND household_id IS NULL
       AND deleted_at IS NULL`,
      { pluck: true },
    )
    .all([child.id]) as string[];
  for (const member of strays) vault.data.update('family_members', member, { household_id: id });
  return id;
}
