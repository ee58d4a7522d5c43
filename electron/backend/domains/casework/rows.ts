// Reads a casework record by id for a write: NOT_FOUND unless it exists and its child is the actor's.
import { notFound, type CaseActor, type CaseVault } from '../../records/actor';
import { requireVisibleChild } from '../../records/scope';

export function requireCaseworkRow<R extends { child_id: string }>(
  vault: CaseVault,
  actor: CaseActor,
  table: 'accused_cases' | 'education_records' | 'case_conferences' | 'health_records',
  id: string,
): R {
  const row = vault.db
    .prepare(`SELECT * FROM ${table} WHERE id = ? AND deleted_at IS NULL`)
    .get([id]) as R | undefined;
  if (!row) throw notFound();
  requireVisibleChild(vault, actor, row.child_id);
  return row;
}
