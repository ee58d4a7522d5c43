// Legal events: hearings, filings and the other dates of the child's case in court.
import { type LegalEventKind } from '../../../../shared/children/vocabulary';
import type { LegalEvent } from '../../../../shared/children/contract';
import { notFound, type CaseActor, type CaseVault } from '../../records/actor';
import { requireOwned, requireVisibleChild } from '../../records/scope';

interface LegalRow {
  id: string;
  child_id: string;
  kind: LegalEventKind;
  date: string;
  time: string | null;
  court: string;
  case_number: string;
  notes: string | null;
}

function toLegalEvent(row: LegalRow): LegalEvent {
  return {
    id: row.id,
    childId: row.child_id,
    kind: row.kind,
    date: row.date,
    time: row.time,
    court: row.court,
    caseNumber: row.case_number,
    notes: row.notes,
  };
}

export function legalEventsOf(vault: CaseVault, childId: string): LegalEvent[] {
  return (
    vault.db
      .prepare(
        `SELECT * FROM legal_events WHERE child_id = ? AND deleted_at IS NULL
         ORDER BY date DESC, time DESC`,
      )
      .all([childId]) as unknown as LegalRow[]
  ).map(toLegalEvent);
}

export interface LegalInput {
  id?: string | undefined;
  childId: string;
  kind: LegalEventKind;
  date: string;
  time?: string | undefined;
  court: string;
  caseNumber: string;
  notes?: string | undefined;
}

/** Hearings may be in the future: that is what therapy scheduling plans around. */
export function saveLegalEvent(vault: CaseVault, actor: CaseActor, input: LegalInput): LegalEvent {
  const existing = input.id ? requireOwned<LegalRow>(vault, actor, 'legal_events', input.id) : null;
  if (existing && existing.child_id !== input.childId) throw notFound();
  const child = requireVisibleChild(vault, actor, input.childId);
  const values = {
    child_id: child.id,
    kind: input.kind,
    date: input.date,
    time: input.time ?? null,
    court: input.court,
    case_number: input.caseNumber,
    notes: input.notes || null,
  };
  const id = existing?.id ?? vault.data.insert('legal_events', values);
  if (existing) vault.data.update('legal_events', id, values);
  return toLegalEvent(
    vault.db.prepare('SELECT * FROM legal_events WHERE id = ?').get([id]) as unknown as LegalRow,
  );
}

export function removeLegalEvent(vault: CaseVault, actor: CaseActor, id: string): string {
  const row = requireOwned<LegalRow>(vault, actor, 'legal_events', id);
  vault.data.softDelete('legal_events', row.id);
  return row.child_id;
}

/** The children's court testimonies dated between two calendar dates (inclusive), by child. */
export function testimoniesBetween(
  vault: CaseVault,
  childIds: readonly string[],
  from: string,
  to: string,
): { childId: string; date: string }[] {
  if (childIds.length === 0) return [];
  return (
    vault.db
      .prepare(
        `SELECT child_id, date FROM legal_events
         WHERE child_id IN (SELECT value FROM json_each($ids)) AND kind = 'testimony'
           AND date BETWEEN $from AND $to AND deleted_at IS NULL`,
      )
      .all({ ids: JSON.stringify(childIds), from, to }) as { child_id: string; date: string }[]
  ).map((row) => ({ childId: row.child_id, date: row.date }));
}
