// The documents register: each of a child's papers (PSA birth certificate or late registration,
// court orders, IDs), where it is kept, and when one still to obtain is due or a held one expires.
// Today lists those due within a week or late, and held ones expiring within 30 days.
import type { ChildDocument, DocumentDue } from '../../../../shared/care/contract';
import {
  DOCUMENT_DUE_AHEAD_DAYS,
  DOCUMENT_EXPIRY_NOTICE_DAYS,
  type DocumentKind,
  type DocumentStatus,
} from '../../../../shared/care/vocabulary';
import { addDaysTo, clockFor, type CaseActor, type CaseVault } from '../../records/actor';
import { saveChildRecord } from '../../records/child-records';
import { pageOfRows, panelConditions } from '../../records/today-panel';
import type { TodayPanelPage, TodayPanelQuery } from '../../../../shared/today';

interface DocumentRow {
  id: string;
  child_id: string;
  kind: DocumentKind;
  status: DocumentStatus;
  reference: string | null;
  kept_where: string | null;
  due_on: string | null;
  expires_on: string | null;
  note: string | null;
  created_at: string;
}

function toDocument(row: DocumentRow): ChildDocument {
  return {
    id: row.id,
    childId: row.child_id,
    kind: row.kind,
    status: row.status,
    reference: row.reference,
    keptWhere: row.kept_where,
    dueOn: row.due_on,
    expiresOn: row.expires_on,
    note: row.note,
    recordedAt: row.created_at,
  };
}

/** A child's register (one seek on child_documents(child_id)), by kind then id. */
export function documentsOf(vault: CaseVault, childId: string): ChildDocument[] {
  return (
    vault.db
      .prepare(
        `SELECT * FROM child_documents WHERE child_id = ? AND deleted_at IS NULL
         ORDER BY kind, id`,
      )
      .all([childId]) as unknown as DocumentRow[]
  ).map(toDocument);
}

export interface DocumentInput {
  id?: string | undefined;
  childId: string;
  kind: DocumentKind;
  status: DocumentStatus;
  reference?: string | undefined;
  keptWhere?: string | undefined;
  dueOn?: string | undefined;
  expiresOn?: string | undefined;
  note?: string | undefined;
}

export function saveDocument(
  vault: CaseVault,
  actor: CaseActor,
  input: DocumentInput,
): ChildDocument {
  const held = input.status === 'held';
  return toDocument(
    saveChildRecord<'child_documents', DocumentRow>(vault, actor, 'child_documents', input, {
      values: {
        child_id: input.childId,
        kind: input.kind,
        status: input.status,
        reference: input.reference || null,
        kept_where: input.keptWhere || null,
        // A due date belongs to a paper still to obtain; once held, only its expiry matters.
        due_on: held ? null : (input.dueOn ?? null),
        expires_on: input.expiresOn ?? null,
        note: input.note || null,
      },
    }),
  );
}

/**
 * Today's documents of the children the actor sees: to obtain by a date within the week (or
 * late), and held ones expiring within 30 days (or expired), soonest first. Each half is a range
 * on its own partial index, so the list does not read the whole register.
 */
export function documentsDue(
  vault: CaseVault,
  actor: CaseActor,
  query: TodayPanelQuery,
): TodayPanelPage<DocumentDue> {
  const { today } = clockFor(vault, actor);
  const where = panelConditions(vault, actor, query);
  const { rows, total } = pageOfRows<{
    id: string;
    child_id: string;
    case_code: string;
    alias: string;
    kind: DocumentKind;
    status: DocumentStatus;
    on_date: string;
  }>(
    vault,
    {
      columns: 'd.id, d.child_id, c.case_code, c.alias, d.kind, d.status, d.on_date',
      from: `FROM (
         SELECT id, child_id, kind, status, due_on AS on_date
           FROM child_documents INDEXED BY child_documents_due
           WHERE status <> 'held' AND deleted_at IS NULL AND due_on <= $dueBy
         UNION ALL
         SELECT id, child_id, kind, status, expires_on AS on_date
           FROM child_documents INDEXED BY child_documents_expiry
           WHERE status = 'held' AND expires_on IS NOT NULL AND deleted_at IS NULL
             AND expires_on <= $expiresBy
       ) d
       JOIN children c ON c.id = d.child_id
       WHERE c.deleted_at IS NULL AND ${where.sql}`,
      order: 'd.on_date, d.id',
    },
    {
      dueBy: addDaysTo(today, DOCUMENT_DUE_AHEAD_DAYS),
      expiresBy: addDaysTo(today, DOCUMENT_EXPIRY_NOTICE_DAYS),
      ...where.params,
    },
    query,
  );
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      childId: r.child_id,
      caseCode: r.case_code,
      alias: r.alias,
      kind: r.kind,
      status: r.status,
      on: r.on_date,
      late: r.status === 'held' ? r.on_date <= today : r.on_date < today,
    })),
  };
}
