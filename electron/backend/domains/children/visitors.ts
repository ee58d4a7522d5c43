// A child's visitor list: every family member (their state follows from their flags) and people
// added to the list directly. The case team sees why; a therapist sees why for a child on their
// caseload (they plan conjoint sessions); the gate sees only names and the state.
import type { GateVisitor, Visitor, VisitorReason } from '../../../../shared/children/contract';
import { GATE_LIMIT } from '../../../../shared/children/contract';
import {
  canSeeSafetyFlags,
  foldForSearch,
  VISITOR_STATES,
  visitorStateOf,
  type ContactWish,
  type VisitorState,
} from '../../../../shared/children/vocabulary';
import { clockFor, type CaseActor, type CaseVault } from '../../records/actor';
import { childScope, onCaseload, requireOwned, requireVisibleChild } from '../../records/scope';
import { childOfMember, memberOfChild, relationshipFor } from './household-members';

interface FamilyFlagsRow {
  id: string;
  child_id: string;
  case_code: string;
  name: string;
  relationship: string;
  alleged_offender: number;
  no_contact_order: number;
  order_expires_on: string | null;
  supervised_only: number;
  child_wants_contact: ContactWish | null;
}

interface VisitorRow {
  id: string;
  child_id: string;
  case_code: string;
  name: string;
  relationship: string;
  state: VisitorState;
}

/** A family member of a household is on the visitor list of every child `c` of it. */
const FAMILY_COLUMNS = `f.id, c.id AS child_id, c.case_code, f.name,
  coalesce(${relationshipFor('f', 'c.id')}, '') AS relationship, f.alleged_offender,
  f.no_contact_order, f.order_expires_on, f.supervised_only, f.child_wants_contact`;
const VISITOR_COLUMNS = 'v.id, v.child_id, c.case_code, v.name, v.relationship, v.state';

function familyState(row: FamilyFlagsRow, today: string): VisitorState {
  return visitorStateOf(
    {
      allegedOffender: row.alleged_offender === 1,
      noContactOrder: row.no_contact_order === 1,
      orderExpiresOn: row.order_expires_on,
      supervisedOnly: row.supervised_only === 1,
    },
    today,
  );
}

function familyReasons(row: FamilyFlagsRow, today: string): VisitorReason[] {
  const reasons: VisitorReason[] = [];
  if (row.alleged_offender === 1) reasons.push('allegedOffender');
  if (row.no_contact_order === 1 && (!row.order_expires_on || row.order_expires_on >= today))
    reasons.push('noContactOrder');
  if (row.supervised_only === 1) reasons.push('supervisedOnly');
  if (row.child_wants_contact === 'no') reasons.push('childDoesNotWantContact');
  return reasons;
}

/** Whether the actor is told why: the roles that act on flags, a therapist for their caseload. */
function seesReasons(vault: CaseVault, actor: CaseActor, childId: string): boolean {
  if (canSeeSafetyFlags(actor.role)) return true;
  return actor.role === 'therapist' && onCaseload(vault, actor, childId);
}

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

export function visitorsOf(vault: CaseVault, actor: CaseActor, childId: string): Visitor[] {
  const child = requireVisibleChild(vault, actor, childId);
  const { today } = clockFor(vault, actor);
  const reasons = seesReasons(vault, actor, child.id);
  const family = vault.db
    .prepare(
      `SELECT ${FAMILY_COLUMNS} FROM family_members f JOIN children c ON c.id = $child
       WHERE f.deleted_at IS NULL AND ${memberOfChild('f', '$child')}`,
    )
    .all({ child: child.id }) as unknown as FamilyFlagsRow[];
  const direct = vault.db
    .prepare(
      `SELECT ${VISITOR_COLUMNS} FROM visitors v JOIN children c ON c.id = v.child_id
       WHERE v.child_id = ? AND v.deleted_at IS NULL`,
    )
    .all([child.id]) as unknown as VisitorRow[];
  return [
    ...family.map((row): Visitor => ({
      id: row.id,
      source: 'family',
      name: row.name,
      relationship: row.relationship,
      state: familyState(row, today),
      reasons: reasons ? familyReasons(row, today) : null,
    })),
    ...direct.map((row) => toDirectVisitor(row, reasons)),
  ].sort(byName);
}

function toDirectVisitor(row: VisitorRow, reasons: boolean): Visitor {
  return {
    id: row.id,
    source: 'direct',
    name: row.name,
    relationship: row.relationship,
    state: row.state,
    // Someone added directly has no flags: the state itself was the case team's decision.
    reasons: reasons ? [] : null,
  };
}

export function addVisitor(
  vault: CaseVault,
  actor: CaseActor,
  input: { childId: string; name: string; relationship: string; state: VisitorState },
): Visitor {
  const child = requireVisibleChild(vault, actor, input.childId);
  const id = vault.data.insert('visitors', {
    child_id: child.id,
    name: input.name,
    relationship: input.relationship,
    state: input.state,
  });
  const row = vault.db
    .prepare(
      `SELECT ${VISITOR_COLUMNS} FROM visitors v JOIN children c ON c.id = v.child_id
      WHERE v.id = ?`,
    )
    .get([id]) as unknown as VisitorRow;
  return toDirectVisitor(row, true);
}

export function removeVisitor(vault: CaseVault, actor: CaseActor, id: string): string {
  const row = requireOwned<VisitorRow>(vault, actor, 'visitors', id);
  vault.data.softDelete('visitors', row.id);
  return row.child_id;
}

/** `%`, `_` and `\` match themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The gate's look-up: visitors of the children in the actor's scope whose name, or whose
 * child's case code, contains `text`; at most GATE_LIMIT, by name. Only the state, never why.
 */
export function gateLookup(vault: CaseVault, actor: CaseActor, text: string): GateVisitor[] {
  const { today } = clockFor(vault, actor);
  const scope = childScope(vault, actor);
  const params = { like: likePattern(text.trim()), limit: GATE_LIMIT, ...scope.params };
  const match = `(name LIKE $like ESCAPE '\\' OR c.case_code LIKE $like ESCAPE '\\')
    AND c.deleted_at IS NULL AND ${scope.sql}`;
  const family = vault.db
    .prepare(
      `SELECT ${FAMILY_COLUMNS} FROM family_members f JOIN children c ON ${childOfMember('f', 'c')}
       WHERE f.deleted_at IS NULL AND ${match.replace('name LIKE', 'f.name LIKE')}
       ORDER BY f.name COLLATE NOCASE LIMIT $limit`,
    )
    .all(params) as unknown as FamilyFlagsRow[];
  const direct = vault.db
    .prepare(
      `SELECT ${VISITOR_COLUMNS} FROM visitors v JOIN children c ON c.id = v.child_id
       WHERE v.deleted_at IS NULL AND ${match.replace('name LIKE', 'v.name LIKE')}
       ORDER BY v.name COLLATE NOCASE LIMIT $limit`,
    )
    .all(params) as unknown as VisitorRow[];
  return gateList([
    ...family.map((row) => ({
      caseCode: row.case_code,
      name: row.name,
      state: familyState(row, today),
    })),
    ...direct.map((row) => ({ caseCode: row.case_code, name: row.name, state: row.state })),
  ]).slice(0, GATE_LIMIT);
}

/** The stricter of two states: a visitor refused or supervised for a child stays so. */
const stricter = (a: VisitorState, b: VisitorState) =>
  VISITOR_STATES.indexOf(a) >= VISITOR_STATES.indexOf(b) ? a : b;

/**
 * One row per person (the same name, whatever its case or accents), each child once with the
 * stricter state where the person is listed twice for that child; by name, then case code.
 */
function gateList(entries: { caseCode: string; name: string; state: VisitorState }[]) {
  const people = new Map<string, { name: string; children: Map<string, VisitorState> }>();
  for (const entry of entries) {
    const key = foldForSearch(entry.name);
    const person = people.get(key) ?? { name: entry.name, children: new Map() };
    const known = person.children.get(entry.caseCode);
    person.children.set(entry.caseCode, known ? stricter(known, entry.state) : entry.state);
    people.set(key, person);
  }
  return [...people.values()]
    .map((person): GateVisitor => ({
      name: person.name,
      children: [...person.children]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([caseCode, state]) => ({ caseCode, state })),
    }))
    .sort(byName);
}
