// Record scope: coordinators see every child; everyone else sees a child who is assigned to them,
// whose current placement is in one of their shelters, or who has no current placement and was
// registered by them; a therapist also sees the children on their caseload (a therapy plan or a
// session with them). Outside the scope a record does not exist (NOT_FOUND), so its existence
// is not revealed. The router checks every id a call carries here (ID_SCOPE), by the kind the
// contract gives it, before any service runs.
import { canSeeShelterAddress } from '../../../shared/shelters/vocabulary';
import { AppError } from '../../../shared/errors';
import { idValuesAt, type IdField, type IdKind } from '../../../shared/ids';
import type { Role } from '../../../shared/roles';
import { notFound, type CaseActor, type CaseVault } from './actor';
import { bedRowById, shelterRowById, type ChildRow } from './rows';

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
type IdVisible = (vault: CaseVault, actor: CaseActor | null, id: string) => boolean;

const childVisible = (vault: CaseVault, actor: CaseActor | null, childId: unknown) =>
  actor !== null &&
  typeof childId === 'string' &&
  visibleChildIds(vault, actor, [childId]).has(childId);

/** A child's record (placement, consent, …): visible when its child is. */
const ownedBy =
  (
    table:
      | 'placements'
      | 'consents'
      | 'family_members'
      | 'visitors'
      | 'plan_goals'
      | 'plan_tasks'
      | 'legal_events'
      | 'therapy_plans'
      | 'reintegration_assessments'
      | 'aftercare_visits',
  ): IdVisible =>
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

/** A therapist names only their own account; the case team any active therapist's. */
const therapistVisible = (vault: CaseVault, actor: CaseActor | null, id: string) => {
  if (actor === null) return false;
  const user = userRow(vault, id);
  if (!user || user.deleted_at || user.role !== 'therapist') return false;
  return actor.role !== 'therapist' || actor.userId === id;
};

/** A session: visible to its therapist, and to whoever sees one of its children. */
const sessionVisible: IdVisible = (vault, actor, id) => {
  if (actor === null) return false;
  const session = vault.db
    .prepare('SELECT therapist_id FROM therapy_sessions WHERE id = ? AND deleted_at IS NULL')
    .get([id]) as { therapist_id: string } | undefined;
  if (!session) return false;
  if (actor.role === 'therapist' && session.therapist_id === actor.userId) return true;
  const children = vault.db
    .prepare(
      'SELECT child_id FROM therapy_participants WHERE session_id = ? AND deleted_at IS NULL',
      { pluck: true },
    )
    .all([id]) as string[];
  return visibleChildIds(vault, actor, children).size > 0;
};

const userRow = (vault: CaseVault, id: string) =>
  vault.db.prepare('SELECT role, deleted_at FROM users WHERE id = ?').get([id]) as
    { role: Role; deleted_at: string | null } | undefined;

export const ID_SCOPE: Record<IdKind, IdVisible> = {
  child: childVisible,
  shelter: (vault, actor, id) =>
    actor !== null && shelterRowById(vault, id) !== null && shelterInScope(vault, actor, id),
  bed: (vault, actor, id) => {
    const bed = bedRowById(vault, id);
    return actor !== null && bed !== null && shelterInScope(vault, actor, bed.shelter_id);
  },
  placement: ownedBy('placements'),
  consent: ownedBy('consents'),
  familyMember: ownedBy('family_members'),
  visitor: ownedBy('visitors'),
  goal: ownedBy('plan_goals'),
  task: ownedBy('plan_tasks'),
  legalEvent: ownedBy('legal_events'),
  therapist: therapistVisible,
  therapyPlan: ownedBy('therapy_plans'),
  therapySession: sessionVisible,
  therapyLeave: (vault, actor, id) => {
    const therapistId = vault.db
      .prepare('SELECT therapist_id FROM therapist_leave WHERE id = ? AND deleted_at IS NULL', {
        pluck: true,
      })
      .get([id]) as string | undefined;
    return therapistId !== undefined && therapistVisible(vault, actor, therapistId);
  },
  therapyNote: (vault, actor, id) => {
    const note = vault.db
      .prepare('SELECT author_id, child_id FROM therapy_notes WHERE id = ? AND deleted_at IS NULL')
      .get([id]) as { author_id: string; child_id: string } | undefined;
    if (!actor || !note) return false;
    if (note.author_id === actor.userId) return true;
    // Content is checked again by the notes service; naming the note is what is decided here.
    const everyTherapistReads =
      actor.role === 'therapist' &&
      vault.db
        .prepare('SELECT therapist_note_access FROM clinical_policy', { pluck: true })
        .get() === 'allTherapists';
    return everyTherapistReads || childVisible(vault, actor, note.child_id);
  },
  reintegrationAssessment: ownedBy('reintegration_assessments'),
  aftercareVisit: ownedBy('aftercare_visits'),
  caseworker: (vault, actor, id) => {
    const user = userRow(vault, id);
    return actor !== null && !!user && !user.deleted_at && ASSIGNABLE_ROLES.includes(user.role);
  },
  // Disabled accounts included: resetting a password re-enables one.
  user: (vault, actor, id) =>
    actor !== null && (actor.role === 'admin' || actor.userId === id) && !!userRow(vault, id),
  administrator: (vault, _actor, id) => userRow(vault, id)?.role === 'admin',
};

/**
 * NOT_FOUND unless every id in the input names a record the actor may see. The error names the
 * field (the caller sent the id), so a form can show it where it was chosen.
 */
export function requireIdsInScope(
  vault: CaseVault,
  actor: CaseActor | null,
  fields: readonly IdField[],
  input: unknown,
): void {
  for (const field of fields) {
    for (const { path, id } of idValuesAt(input, field.path)) {
      if (!ID_SCOPE[field.kind](vault, actor, id)) {
        throw new AppError('NOT_FOUND', 'notFound', { fields: { [path]: 'notFound' } });
      }
    }
  }
}

/** A sub-record (family member, legal event, …) whose child the actor may see. */
export function requireOwned<R extends { child_id: string }>(
  vault: CaseVault,
  actor: CaseActor,
  table: 'family_members' | 'visitors' | 'legal_events' | 'plan_goals' | 'plan_tasks',
  id: string,
): R {
  const row = vault.db
    .prepare(`SELECT * FROM ${table} WHERE id = ? AND deleted_at IS NULL`)
    .get([id]) as R | undefined;
  if (!row) throw notFound();
  requireVisibleChild(vault, actor, row.child_id);
  return row;
}
