// Record scope: coordinators see every child; everyone else sees a child who is assigned to them,
// whose current placement is in one of their shelters, or who has no current placement and was
// registered by them; a therapist also sees the children on their caseload (a therapy plan or a
// session with them). Outside the scope a record does not exist (NOT_FOUND), so its existence
// is not revealed. The router checks every id a call carries (requireIdsInScope), by the kind the
// contract gives it, before any service runs; each domain gives the rules for its own kinds
// (`idScope` of its Domain) and the composition root gathers them.
import { canSeeShelterAddress } from '../../../shared/shelters/vocabulary';
import { AppError } from '../../../shared/errors';
import { idValuesAt, type IdField, type IdKind } from '../../../shared/ids';
import type { Role } from '../../../shared/roles';
import { notFound, type CaseActor, type CaseVault } from './actor';
import type { ChildRow } from './rows';
import type { TableName } from '../db/schema';

export function seesAllChildren(actor: Pick<CaseActor, 'role'>): boolean {
  return actor.role === 'coordinator';
}

/** Coordinators and administrators manage every shelter; others work in the ones in their scope. */
export function seesAllShelters(actor: Pick<CaseActor, 'role'>): boolean {
  return seesAllChildren(actor) || canSeeShelterAddress(actor.role);
}

/** Shelters named in the actor's scope, by id or by name (case-insensitive). */
export function scopeShelterIds(vault: CaseVault, actor: CaseActor): string[] {
  if (actor.shelterScope.length === 0) return [];
  const wanted = new Set(actor.shelterScope.map((entry) => entry.trim().toLowerCase()));
  const shelters = vault.db
    .prepare('SELECT id, name FROM shelters WHERE deleted_at IS NULL')
    .all() as { id: string; name: string }[];
  return shelters
    .filter((s) => wanted.has(s.id.toLowerCase()) || wanted.has(s.name.trim().toLowerCase()))
    .map((s) => s.id);
}

export interface ChildScope {
  /** A condition on the children table aliased `c`. */
  sql: string;
  params: Record<string, string>;
}

const OPEN = 'sp.end_at IS NULL AND sp.deleted_at IS NULL';

/** A therapist's caseload: the children of their plans and of their sessions. */
const CASELOAD = `
      UNION ALL
      SELECT tp.child_id FROM therapy_plans tp
        WHERE tp.therapist_id = $scopeUser AND tp.deleted_at IS NULL
      UNION ALL
      SELECT pa.child_id FROM therapy_sessions ts
        JOIN therapy_participants pa ON pa.session_id = ts.id AND pa.deleted_at IS NULL
        WHERE ts.therapist_id = $scopeUser AND ts.deleted_at IS NULL`;

/**
 * One set of ids built once per query (SQLite materialises the IN list), rather than two
 * correlated look-ups for each of 10k children.
 */
export function childScope(vault: CaseVault, actor: CaseActor): ChildScope {
  if (seesAllChildren(actor)) return { sql: '1', params: {} };
  return {
    sql: `c.id IN (
      SELECT a.id FROM children a WHERE a.assigned_caseworker_id = $scopeUser
      UNION ALL
      SELECT sp.child_id FROM placements sp WHERE ${OPEN}
        AND sp.shelter_id IN (SELECT value FROM json_each($scopeShelters))
      UNION ALL
      SELECT r.id FROM children r WHERE r.registered_by = $scopeUser
        AND NOT EXISTS (SELECT 1 FROM placements sp WHERE sp.child_id = r.id AND ${OPEN})
      ${actor.role === 'therapist' ? CASELOAD : ''})`,
    params: {
      scopeUser: actor.userId,
      scopeShelters: JSON.stringify(scopeShelterIds(vault, actor)),
    },
  };
}

/** Whether the child is on the therapist's caseload (a therapy plan or a session with them). */
export function onCaseload(vault: CaseVault, actor: CaseActor, childId: string): boolean {
  return (
    vault.db
      .prepare(
        `SELECT 1 FROM (SELECT NULL AS id WHERE 0 ${CASELOAD}) c WHERE c.id = $child LIMIT 1`,
      )
      .get({ scopeUser: actor.userId, child: childId }) !== undefined
  );
}

export function requireVisibleChild(vault: CaseVault, actor: CaseActor, childId: string): ChildRow {
  const scope = childScope(vault, actor);
  const row = vault.db
    .prepare(
      `SELECT c.* FROM children c WHERE c.id = $id AND c.deleted_at IS NULL AND ${scope.sql}`,
    )
    .get({ id: childId, ...scope.params });
  if (!row) throw notFound();
  return row as unknown as ChildRow;
}

/** Ids of the given children that the actor may see. */
export function visibleChildIds(vault: CaseVault, actor: CaseActor, ids: string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const scope = childScope(vault, actor);
  const rows = vault.db
    .prepare(
      `SELECT c.id FROM children c WHERE c.id IN (SELECT value FROM json_each($ids))
       AND c.deleted_at IS NULL AND ${scope.sql}`,
      { pluck: true },
    )
    .all({ ids: JSON.stringify(ids), ...scope.params }) as string[];
  return new Set(rows);
}

export function shelterInScope(vault: CaseVault, actor: CaseActor, shelterId: string): boolean {
  return seesAllShelters(actor) || scopeShelterIds(vault, actor).includes(shelterId);
}

export function requireShelterInScope(vault: CaseVault, actor: CaseActor, shelterId: string): void {
  if (!shelterInScope(vault, actor, shelterId)) throw notFound();
}

/** Roles a child can be assigned to (what `staff.caseworkers` lists). */
export const ASSIGNABLE_ROLES: readonly Role[] = ['caseworker', 'coordinator'];

/** Whether the actor (null in recovery, before anyone signs in) may name this record. */
export type IdVisible = (vault: CaseVault, actor: CaseActor | null, id: string) => boolean;

/** A domain's scope rules, one for each id kind its contract declares (see shared/ids.ts). */
export type IdScope = { readonly [K in IdKind]?: IdVisible };

/** A child, by id: visible when it is in the actor's scope. */
export const childVisible = (vault: CaseVault, actor: CaseActor | null, childId: unknown) =>
  actor !== null &&
  typeof childId === 'string' &&
  visibleChildIds(vault, actor, [childId]).has(childId);

/** A child's record (placement, consent, …) in `table`: visible when its child is. */
export const ownedBy =
  (table: TableName): IdVisible =>
  (vault, actor, id) =>
    childVisible(
      vault,
      actor,
      vault.db
        .prepare(`SELECT child_id FROM ${table} WHERE id = ? AND deleted_at IS NULL`, {
          pluck: true,
        })
        .get([id]),
    );

/** A staff account's role and whether it is disabled, for the rules that name accounts. */
export const staffRow = (vault: CaseVault, id: string) =>
  vault.db.prepare('SELECT role, deleted_at FROM users WHERE id = ?').get([id]) as
    { role: Role; deleted_at: string | null } | undefined;

/**
 * NOT_FOUND unless every id in the input names a record the actor may see. The error names the
 * field (the caller sent the id), so a form can show it where it was chosen.
 */
export function requireIdsInScope(
  vault: CaseVault,
  actor: CaseActor | null,
  /** Every kind's rule, as the composition root gathered them from the domains. */
  scope: Readonly<Record<IdKind, IdVisible>>,
  fields: readonly IdField[],
  input: unknown,
): void {
  for (const field of fields) {
    for (const { path, id } of idValuesAt(input, field.path)) {
      if (!scope[field.kind](vault, actor, id)) {
        throw new AppError('NOT_FOUND', 'notFound', { fields: { [path]: 'notFound' } });
      }
    }
  }
}

/** The tables of records that belong to one child, each row naming it in `child_id`. */
export type ChildRecordTable =
  | 'family_members'
  | 'visitors'
  | 'legal_events'
  | 'plan_goals'
  | 'plan_tasks'
  | 'incidents'
  | 'away_episodes'
  | 'child_documents'
  | 'contact_log'
  | 'accused_cases'
  | 'education_records'
  | 'case_conferences'
  | 'health_records';

/**
 * A child's record (family member, legal event, incident, …) read by id for a write: NOT_FOUND
 * unless it exists and its child is the actor's.
 */
export function requireOwned<R extends { child_id: string }>(
  vault: CaseVault,
  actor: CaseActor,
  table: ChildRecordTable,
  id: string,
): R {
  const row = vault.db
    .prepare(`SELECT * FROM ${table} WHERE id = ? AND deleted_at IS NULL`)
    .get([id]) as R | undefined;
  if (!row) throw notFound();
  requireVisibleChild(vault, actor, row.child_id);
  return row;
}
