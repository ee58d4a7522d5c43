// The child's health records and who may read them. The administrator chooses the roles
// (health_access); the child's own caseworker always may. A viewer not allowed gets no rows at
// all (null: the section is absent), and a write from one is refused.
import type { HealthRecord } from '../../../../shared/casework/health';
import {
  DEFAULT_HEALTH_READERS,
  HEALTH_READER_ROLES,
  type HealthKind,
  type HealthReaderRole,
  type PhilhealthCategory,
} from '../../../../shared/casework/vocabulary';
import { AppError } from '../../../../shared/errors';
import { isOneOf } from '../../../../shared/text';
import { clockFor, type CaseActor, type CaseVault } from '../../records/actor';
import type { ChildRow } from '../../records/rows';
import { saveChildRecord } from '../../records/child-records';
import { requireVisibleChild } from '../../records/scope';

const READERS_ROW_ID = 'readers';

export function healthReaders(vault: CaseVault): HealthReaderRole[] {
  const json = vault.db
    .prepare('SELECT roles FROM health_access WHERE id = ?', { pluck: true })
    .get([READERS_ROW_ID]) as string | undefined;
  if (json === undefined) return [...DEFAULT_HEALTH_READERS];
  return (JSON.parse(json) as unknown[]).filter((r) => isOneOf(HEALTH_READER_ROLES, r));
}

export function saveHealthReaders(
  vault: CaseVault,
  roles: readonly HealthReaderRole[],
): { roles: HealthReaderRole[] } {
  // Kept in the vocabulary's order, so the audit entry and the screen read alike.
  const values = { roles: JSON.stringify(HEALTH_READER_ROLES.filter((r) => roles.includes(r))) };
  if (!vault.data.update('health_access', READERS_ROW_ID, values))
    vault.data.insert('health_access', values, READERS_ROW_ID);
  return { roles: healthReaders(vault) };
}

/** Whether the actor may read (and so write) this child's health records. */
export function mayReadHealth(vault: CaseVault, actor: CaseActor, child: ChildRow): boolean {
  if (child.assigned_caseworker_id === actor.userId) return true;
  return (healthReaders(vault) as readonly string[]).includes(actor.role);
}

interface HealthRow {
  id: string;
  child_id: string;
  kind: HealthKind;
  date: string | null;
  until: string | null;
  held_at: string | null;
  checked_by: string | null;
  medicine: string | null;
  dose: string | null;
  philhealth_number: string | null;
  philhealth_category: PhilhealthCategory | null;
  note: string | null;
  created_at: string;
}

function toHealth(row: HealthRow): HealthRecord {
  return {
    id: row.id,
    childId: row.child_id,
    kind: row.kind,
    date: row.date,
    until: row.until,
    heldAt: row.held_at,
    checkedBy: row.checked_by,
    medicine: row.medicine,
    dose: row.dose,
    philhealthNumber: row.philhealth_number,
    philhealthCategory: row.philhealth_category,
    note: row.note,
    recordedAt: row.created_at,
  };
}

/** The child's records, the latest first (PhilHealth, undated, first), for a visible child. */
function healthRowsOf(vault: CaseVault, childId: string): HealthRecord[] {
  return (
    vault.db
      .prepare(
        `SELECT * FROM health_records WHERE child_id = ? AND deleted_at IS NULL
         ORDER BY date IS NOT NULL, date DESC, created_at DESC, id DESC`,
      )
      .all([childId]) as unknown as HealthRow[]
  ).map(toHealth);
}

/** The case file's section: the records, or null when the viewer may not read them. */
export function healthOf(
  vault: CaseVault,
  actor: CaseActor,
  child: ChildRow,
): HealthRecord[] | null {
  return mayReadHealth(vault, actor, child) ? healthRowsOf(vault, child.id) : null;
}

/** `health.records`: NOT_FOUND for a child out of scope, null for a viewer not allowed. */
export function healthRecords(
  vault: CaseVault,
  actor: CaseActor,
  childId: string,
): HealthRecord[] | null {
  return healthOf(vault, actor, requireVisibleChild(vault, actor, childId));
}

export interface HealthInput {
  id?: string | undefined;
  childId: string;
  kind: HealthKind;
  date?: string | undefined;
  until?: string | undefined;
  heldAt?: string | undefined;
  checkedBy?: string | undefined;
  medicine?: string | undefined;
  dose?: string | undefined;
  philhealthNumber?: string | undefined;
  philhealthCategory?: PhilhealthCategory | undefined;
  note?: string | undefined;
}

/** Only the fields of the record's kind are kept (the form may hold others from an earlier choice). */
function columnsOf(input: HealthInput) {
  const k = input.kind;
  return {
    kind: k,
    date: k === 'philhealth' ? null : (input.date ?? null),
    until: k === 'medicine' ? (input.until ?? null) : null,
    held_at: k === 'medico_legal' ? (input.heldAt ?? null) : null,
    checked_by: k === 'checkup' ? (input.checkedBy ?? null) : null,
    medicine: k === 'medicine' ? (input.medicine ?? null) : null,
    dose: k === 'medicine' ? (input.dose ?? null) : null,
    philhealth_number: k === 'philhealth' ? (input.philhealthNumber ?? null) : null,
    philhealth_category: k === 'philhealth' ? (input.philhealthCategory ?? null) : null,
    note: input.note || null,
  };
}

export function saveHealth(vault: CaseVault, actor: CaseActor, input: HealthInput): HealthRecord {
  const child = requireVisibleChild(vault, actor, input.childId);
  if (!mayReadHealth(vault, actor, child)) throw new AppError('FORBIDDEN', 'forbidden');
  return toHealth(
    saveChildRecord<'health_records', HealthRow>(vault, actor, 'health_records', input, {
      // A medicine may be planned to end later; what was examined or started is in the past.
      check: (errors) => errors.notFutureDate('date', input.date, clockFor(vault, actor)),
      values: { child_id: child.id, ...columnsOf(input) },
    }),
  );
}
