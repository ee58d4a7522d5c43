// Retention with reviewed deletion (docs/architecture.md, "Privacy duties"): each kind of record
// names its table, the date its period counts from, and its content columns with the placeholder
// that replaces each. A deletion overwrites those columns through the data layer (so the change
// travels by sync like any other), soft-deletes the row, and writes a tombstone, whose trigger
// (migration 0290) replaces the content in the record's earlier change-log rows. What stays is
// what the record was and its dates, never what it said. secure_delete is on for every vault
// (db/sqlcipher.ts), so the overwritten text is not left in free pages either.
import { AppError } from '../../../../shared/errors';
import {
  DEFAULT_RETENTION_MONTHS,
  RETENTION_KINDS,
  RETENTION_PAGE,
  retentionCutoff,
  type RetainedRecord,
  type RetentionKind,
  type RetentionPeriod,
  type RetentionTombstone,
} from '../../../../shared/privacy/retention';
import type { SqlValue, TableName } from '../../db/data-layer';
import {
  addDaysTo,
  clockFor,
  dateOf,
  startOfDay,
  type CaseActor,
  type CaseVault,
} from '../../records/actor';
import { CHILD_PURGED, childAfterDeletion, emptyCase, purgedLeft } from './closed-cases';

interface KindRule {
  table: TableName &
    ('child_documents' | 'contact_log' | 'incidents' | 'therapy_notes' | 'children');
  /** SQL on the record (alias `r`): the calendar date its period counts from, when it has one. */
  countedOn?: string;
  /**
   * SQL on the record: the UTC instant it counts from otherwise. Its date is the one in the
   * vault's time zone (an approval at 07:30 in Manila is the day before in UTC), so it is
   * compared with the instant the day after the cutoff begins there.
   */
  countedAt?: string;
  /** SQL on the record: the child it is about (a record's `child_id` unless said). */
  child?: string;
  /** SQL on the record: what else makes it due (a case still closed). */
  when?: string;
  /** Each content column and what replaces it (NOT NULL columns take ''). */
  purged: Record<string, SqlValue>;
  /** Rows of another table that are part of the record (a note's addenda), emptied with it. */
  parts?: { table: TableName; parentColumn: string; purged: Record<string, SqlValue> }[];
}

export const RETENTION_RULES: Record<RetentionKind, KindRule> = {
  // A paper's number, where it is kept and the note; its kind, status and dates stay.
  documents: {
    table: 'child_documents',
    countedOn: 'r.expires_on',
    countedAt: 'r.created_at',
    purged: { reference: null, kept_where: null, note: null },
  },
  // With whom, supervised by whom, the device and account, the concerns; its kind and date stay.
  contacts: {
    table: 'contact_log',
    countedOn: 'r.occurred_on',
    purged: { with_whom: '', supervised_by: null, device: null, concerns: null },
  },
  // What happened, the note on who was told, the follow-up; its kind, date and who was told stay.
  incidents: {
    table: 'incidents',
    countedOn: 'r.occurred_on',
    purged: { description: '', informed_note: null, follow_up: null },
  },
  // The note's text and its addenda's; the session, template, author and signature (who signed
  // and when) stay. A signed note is locked, except for a note with a tombstone (migration 0320).
  sessionNotes: {
    table: 'therapy_notes',
    countedAt: 'COALESCE(r.signed_at, r.created_at)',
    purged: { fields: '{}' },
    parts: [{ table: 'therapy_note_addenda', parentColumn: 'note_id', purged: { body: '' } }],
  },
  // A case closed with an approved closure, counted from its latest approval: a re-opened case
  // is not closed, so never due. The child's identity here, every record of her and her family
  // (unless a sibling shares them) in closed-cases.ts; the case code and the counts stay.
  closedCases: {
    table: 'children',
    countedAt: `(SELECT max(k.decided_at) FROM case_closures k
                 WHERE k.child_id = r.id AND k.status = 'approved')`,
    child: 'r.id',
    when: "r.status = 'closed'",
    purged: CHILD_PURGED,
  },
};

const periodId = (kind: RetentionKind) => `retention-${kind}`;

/** The administrator's period; with no row yet, the kind's default (a row of null: no period). */
function monthsOf(vault: CaseVault, kind: RetentionKind): number | null {
  const row = vault.db
    .prepare('SELECT months FROM retention_periods WHERE id = ?')
    .get([periodId(kind)]) as { months: number | null } | undefined;
  return row ? row.months : DEFAULT_RETENTION_MONTHS[kind];
}

/** SQL: the record's date (`counted_on`) or instant (`counted_at`) its period counts from. */
const counted = (rule: KindRule) =>
  `${rule.countedOn ?? 'NULL'} AS counted_on, ${rule.countedAt ?? 'NULL'} AS counted_at`;

/** SQL: the record counts from the cutoff or before. */
function pastCutoff(rule: KindRule): string {
  const onDate = `${rule.countedOn} <= $cutoff`;
  const atInstant = `${rule.countedAt} < $cutoffAt`;
  if (rule.countedOn === undefined) return atInstant;
  if (rule.countedAt === undefined) return onDate;
  return `CASE WHEN ${rule.countedOn} IS NOT NULL THEN ${onDate} ELSE ${atInstant} END`;
}

/** The records of `kind` past its period and not deleted yet (a soft-deleted one still holds content). */
function dueFrom(kind: RetentionKind): string {
  const rule = RETENTION_RULES[kind];
  return `FROM ${rule.table} r JOIN children c ON c.id = ${rule.child ?? 'r.child_id'}
    WHERE ${pastCutoff(rule)} ${rule.when ? `AND ${rule.when}` : ''}
      AND NOT EXISTS (SELECT 1 FROM retention_tombstones t
                      WHERE t.record_table = '${rule.table}' AND t.record_id = r.id)`;
}

/** The last date a record may count from and be due, and the instant the day after begins. */
function cutoffOf(
  vault: CaseVault,
  actor: CaseActor,
  kind: RetentionKind,
): { cutoff: string; cutoffAt: string } | null {
  const months = monthsOf(vault, kind);
  if (months === null) return null;
  const { today, timeZone } = clockFor(vault, actor);
  const cutoff = retentionCutoff(today, months);
  return { cutoff, cutoffAt: startOfDay(addDaysTo(cutoff, 1), timeZone) };
}

/** The calendar date a record counts from, an instant's in the vault's time zone. */
const countedFrom = (
  row: { counted_on: string | null; counted_at: string | null },
  timeZone: string,
): string => row.counted_on ?? dateOf(row.counted_at!, timeZone);

function countDue(vault: CaseVault, actor: CaseActor, kind: RetentionKind): number {
  const cutoff = cutoffOf(vault, actor, kind);
  if (cutoff === null) return 0;
  return Number(vault.db.prepare(`SELECT count(*) ${dueFrom(kind)}`, { pluck: true }).get(cutoff));
}

function periodOf(vault: CaseVault, actor: CaseActor, kind: RetentionKind): RetentionPeriod {
  return { kind, months: monthsOf(vault, kind), due: countDue(vault, actor, kind) };
}

/** The tombstones shown (a closed case's parts are not): a closed case's with its code and closure. */
const TOMBSTONES = `SELECT t.id, t.kind, t.reason, t.created_at, u.display_name AS deleted_by,
    c.case_code, ${RETENTION_RULES.closedCases.countedAt!.replaceAll('r.id', 'c.id')} AS closed_at
  FROM retention_tombstones t LEFT JOIN users u ON u.id = t.created_by
    LEFT JOIN children c ON t.record_table = 'children' AND c.id = t.record_id
  WHERE t.part_of IS NULL`;

interface TombstoneRow {
  id: string;
  kind: RetentionKind;
  reason: string;
  created_at: string;
  deleted_by: string | null;
  case_code: string | null;
  closed_at: string | null;
}

const toTombstone = (r: TombstoneRow, timeZone: string): RetentionTombstone => ({
  id: r.id,
  kind: r.kind,
  reason: r.reason,
  deletedAt: r.created_at,
  deletedByName: r.deleted_by,
  caseCode: r.case_code,
  closedOn: r.closed_at === null ? null : dateOf(r.closed_at, timeZone),
});

/** The latest deletions shown under the periods. */
const RECENT_TOMBSTONES = 20;

export function retentionOverview(
  vault: CaseVault,
  actor: CaseActor,
): { periods: RetentionPeriod[]; tombstones: RetentionTombstone[] } {
  const rows = vault.db
    .prepare(`${TOMBSTONES} ORDER BY t.created_at DESC, t.id DESC LIMIT ?`)
    .all([RECENT_TOMBSTONES]) as unknown as TombstoneRow[];
  return {
    periods: RETENTION_KINDS.map((kind) => periodOf(vault, actor, kind)),
    tombstones: rows.map((r) => toTombstone(r, clockFor(vault, actor).timeZone)),
  };
}

export function retentionDue(
  vault: CaseVault,
  actor: CaseActor,
  kind: RetentionKind,
  offset = 0,
): { records: RetainedRecord[]; total: number; nextOffset: number | null } {
  const cutoff = cutoffOf(vault, actor, kind);
  if (cutoff === null) return { records: [], total: 0, nextOffset: null };
  const { timeZone } = clockFor(vault, actor);
  const rows = vault.db
    .prepare(
      `SELECT r.id, c.case_code, ${counted(RETENTION_RULES[kind])}
       ${dueFrom(kind)} ORDER BY COALESCE(counted_on, counted_at), r.id
       LIMIT $limit OFFSET $offset`,
    )
    .all({ ...cutoff, limit: RETENTION_PAGE + 1, offset }) as {
    id: string;
    case_code: string;
    counted_on: string | null;
    counted_at: string | null;
  }[];
  const page = rows.slice(0, RETENTION_PAGE);
  return {
    records: page.map((r) => ({
      id: r.id,
      kind,
      caseCode: r.case_code,
      countedFrom: countedFrom(r, timeZone),
    })),
    total: countDue(vault, actor, kind),
    nextOffset: rows.length > RETENTION_PAGE ? offset + RETENTION_PAGE : null,
  };
}

export function setRetentionPeriod(
  vault: CaseVault,
  actor: CaseActor,
  input: { kind: RetentionKind; months: number | null },
): RetentionPeriod {
  const id = periodId(input.kind);
  if (!vault.data.update('retention_periods', id, { months: input.months }))
    vault.data.insert('retention_periods', { kind: input.kind, months: input.months }, id);
  return periodOf(vault, actor, input.kind);
}

/**
 * Removes the content of one record past its period and leaves its tombstone. Runs inside the
 * caller's unit of work: if any of the content is still found afterwards, it throws and nothing
 * is changed.
 */
export function deleteRetained(
  vault: CaseVault,
  actor: CaseActor,
  input: { kind: RetentionKind; id: string; reason: string },
): RetentionTombstone {
  const rule = RETENTION_RULES[input.kind];
  const cutoff = cutoffOf(vault, actor, input.kind);
  const row = vault.db
    .prepare(`SELECT r.*, ${counted(rule)} ${dueFrom(input.kind)} AND r.id = $id`)
    .get({ cutoff: '', cutoffAt: '', ...cutoff, id: input.id }) as
    Record<string, SqlValue> | undefined;
  if (!row) {
    const deleted = vault.db
      .prepare('SELECT 1 FROM retention_tombstones WHERE record_table = ? AND record_id = ?')
      .get([rule.table, input.id]);
    const exists = vault.db.prepare(`SELECT 1 FROM ${rule.table} WHERE id = ?`).get([input.id]);
    if (exists && !deleted) throw new AppError('CONFLICT', 'privacy.retentionNotDue');
    throw new AppError('NOT_FOUND', 'notFound');
  }
  const parts = (rule.parts ?? []).flatMap((part) =>
    (
      vault.db
        .prepare(`SELECT * FROM ${part.table} WHERE ${part.parentColumn} = ?`)
        .all([input.id]) as Record<string, SqlValue>[]
    ).map((partRow) => ({ table: part.table, purged: part.purged, row: partRow })),
  );
  const contentOf = (purged: Record<string, SqlValue>, of: Record<string, SqlValue>) =>
    Object.keys(purged)
      .map((column) => of[column])
      .filter(
        (value): value is string => typeof value === 'string' && value !== '' && value !== '{}',
      );
  const { nowIso } = clockFor(vault, actor);
  // The tombstone first: it is what lets a signed note be emptied (migration 0320), and its
  // trigger keeps every change of the record logged from here on free of the content.
  const id = vault.data.insert('retention_tombstones', {
    kind: input.kind,
    record_table: rule.table,
    record_id: input.id,
    reason: input.reason,
    purged: JSON.stringify(rule.purged),
  });
  if (input.kind === 'closedCases') {
    vault.data.update('children', input.id, {
      ...childAfterDeletion(vault, input.id),
      deleted_at: row.deleted_at ?? nowIso,
    });
    if (purgedLeft(vault, 'children', input.id, rule.purged) > 0)
      throw new Error(`Retention: content of children ${input.id} still held`);
    emptyCase(vault, id, input.id, nowIso);
    return tombstoneById(vault, id, clockFor(vault, actor).timeZone);
  }
  vault.data.update(rule.table, input.id, {
    ...rule.purged,
    deleted_at: row.deleted_at ?? nowIso,
  });
  for (const part of parts) vault.data.update(part.table, String(part.row.id), part.purged);
  const left =
    contentLeft(vault, rule.table, input.id, contentOf(rule.purged, row)) +
    parts.reduce(
      (sum, part) =>
        sum + contentLeft(vault, part.table, String(part.row.id), contentOf(part.purged, part.row)),
      0,
    );
  if (left > 0) throw new Error(`Retention: content of ${rule.table} ${input.id} still held`);
  return tombstoneById(vault, id, clockFor(vault, actor).timeZone);
}

const tombstoneById = (vault: CaseVault, id: string, timeZone: string) =>
  toTombstone(
    vault.db.prepare(`${TOMBSTONES} AND t.id = ?`).get([id]) as unknown as TombstoneRow,
    timeZone,
  );

/** How many places (the row's columns, its change-log values) still hold any of `content`. */
export function contentLeft(
  vault: CaseVault,
  table: TableName,
  rowId: string,
  content: readonly string[],
): number {
  if (content.length === 0) return 0;
  const row = vault.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get([rowId]) as Record<
    string,
    SqlValue
  >;
  const inRow = Object.values(row).filter((v) => typeof v === 'string' && content.includes(v));
  const logged = vault.db
    .prepare(
      `SELECT e.value FROM change_log c, json_each(c.columns) e
       WHERE c.table_name = ? AND c.row_id = ? AND e.type = 'text'`,
      { pluck: true },
    )
    .all([table, rowId]) as string[];
  return inRow.length + logged.filter((v) => content.includes(v)).length;
}
