// Saving one of a child's records (a care or casework entry) from the case file: a new one without
// an id, a correction with it. What every such save does alike lives here: the record corrected
// must be one the actor sees and belong to the same child, the domain's own checks answer as field
// errors, then one insert or update, and the stored row is read back. The domain keeps its rules:
// its checks and the columns it keeps for each kind.
import type { WritableRow } from '../db/data-layer';
import { FieldErrors, type CaseActor, type CaseVault } from './actor';
import { requireOwned, requireVisibleChild, type ChildRecordTable } from './scope';

export interface ChildRecordSave<T extends ChildRecordTable, R> {
  /** The domain's own checks on the input, given the record corrected (null for a new one). */
  check?: (errors: FieldErrors, existing: R | null) => void;
  /** The row's columns, `child_id` among them. */
  values: WritableRow<T>;
}

/** Checks and writes the record, and returns its stored row (after any refusal, nothing is written). */
export function saveChildRecord<
  T extends ChildRecordTable,
  R extends { id: string; child_id: string },
>(
  vault: CaseVault,
  actor: CaseActor,
  table: T,
  input: { id?: string | undefined; childId: string },
  { check, values }: ChildRecordSave<T, R>,
): R {
  const existing = input.id ? requireOwned<R>(vault, actor, table, input.id) : null;
  const errors = new FieldErrors();
  // Another child's record is not this one's to correct.
  if (existing && existing.child_id !== input.childId) errors.add('childId', 'notFound');
  check?.(errors, existing);
  errors.throwIfAny();
  requireVisibleChild(vault, actor, input.childId);
  const id = existing?.id ?? vault.data.insert(table, values);
  if (existing) vault.data.update(table, id, values);
  return vault.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get([id]) as unknown as R;
}
