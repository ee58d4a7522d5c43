// Retention of a closed case as a whole (docs/architecture.md, "Privacy duties"): every record
// naming the child is emptied of what it says, its family too unless a sibling still in the
// vault shares them. The case keeps one tombstone, on the child's row; each other row emptied
// gets a part tombstone (`part_of`), whose triggers (migration 0290) keep its content out of the
// change log here and as older changes of it arrive by sync. What stays is what statistics count
// without identity: the case code, sex, the age in years at intake, the referral source and
// dates, placements (shelter, bed, dates, exit destination), therapy plans' modality and sessions
// attended, closures' dates and status. Rows that statistics count stay undeleted; the others are
// soft-deleted as well, so no list, reminder or board shows them.
import { ageOn, type Birth } from '../../../../shared/children/vocabulary';
import type { SqlValue, TableName } from '../../db/data-layer';
import type { CaseVault } from '../../records/actor';

type Purged = Record<string, SqlValue>;

interface CaseTable {
  /** Each content column and what replaces it (NOT NULL columns take ''). */
  purged: Purged;
  /** Counted by the statistics (a stay, a plan's modality, a closure): kept undeleted. */
  counted?: true;
}

/** The child's own row: identity goes, the case code and what statistics count stay. */
export const CHILD_PURGED: Purged = {
  legal_name: '',
  preferred_name: null,
  legal_initials: '',
  alias: '',
  search_text: '',
  date_of_birth: null,
  gender_identity: null,
  languages: '[]',
  referring_agency_ref: null,
  rescue_date: null,
};

/**
 * Every table whose rows name the child by `child_id`, but the family (shared by a household,
 * so chosen by `householdRows`). tests/unit/retention-cases.test.ts fails on a table with a
 * `child_id` that is neither here nor the family.
 */
export const CASE_TABLES = {
  child_status_changes: { purged: { reason: null }, counted: true },
  consents: { purged: { agency: null, given_by: '', scope: '', withdrawn_reason: null } },
  household_relationships: { purged: { relationship: '' } },
  visitors: { purged: { name: '', relationship: '' } },
  safety_flag_changes: { purged: { reason: '' } },
  intake_accounts: { purged: { account: '', reference: null } },
  intake_addenda: { purged: { text: '' } },
  intake_reads: { purged: { reason: '' } },
  plan_goals: { purged: { goal_text: '', responsible: '' } },
  plan_tasks: { purged: { title: '', responsible: null } },
  legal_events: { purged: { court: '', case_number: '', notes: null } },
  incidents: { purged: { description: '', informed_note: null, follow_up: null } },
  away_episodes: { purged: { note: null } },
  child_documents: { purged: { reference: null, kept_where: null, note: null } },
  contact_log: {
    purged: { with_whom: '', supervised_by: null, device: null, concerns: null },
  },
  accused_cases: {
    purged: { name: '', prosecutor: null, case_number: null, support_person: null, notes: null },
  },
  education_records: { purged: { school: '', attendance_notes: null } },
  case_conferences: { purged: { attendees: '', minutes: '', decisions: null } },
  health_records: {
    purged: {
      held_at: '',
      checked_by: '',
      medicine: '',
      dose: '',
      philhealth_number: '',
      note: null,
    },
  },
  outcome_scores: { purged: { scores: '{}' } },
  reintegration_assessments: {
    purged: {
      household_label: null,
      household_member_ids: '[]',
      interviewed: null,
      answers: '{}',
      evidence: '{}',
      consulted_how: null,
      not_consulted_why: null,
      child_wishes: null,
      recommendation: null,
      plan: '{}',
    },
  },
  aftercare_visits: {
    purged: {
      visited_by: null,
      safety_checks: null,
      school_attendance: null,
      observations: null,
      follow_up: null,
    },
  },
  case_closures: {
    purged: {
      closing_note: '',
      child_view: '',
      family_view: '',
      decline_comment: null,
      reopen_reason: null,
    },
    counted: true,
  },
  placements: {
    purged: { reason: '', exit_note: null, override_reason: null },
    counted: true,
  },
  therapy_plans: {
    purged: { goals: '', custom_frequency: null, override_reason: null },
    counted: true,
  },
  therapy_participants: { purged: {}, counted: true },
  therapy_notes: { purged: { fields: '{}' } },
  therapy_risk_flags: { purged: { kind: '' } },
} as const satisfies Partial<Record<TableName, CaseTable>>;

/** Rows that belong to a record of the child through their parent (a note's addenda). */
const CASE_PARTS: {
  table: TableName;
  parentColumn: string;
  parent: keyof typeof CASE_TABLES;
  purged: Purged;
}[] = [
  {
    table: 'therapy_note_addenda',
    parentColumn: 'note_id',
    parent: 'therapy_notes',
    purged: { body: '' },
  },
  {
    table: 'therapy_note_break_glass',
    parentColumn: 'note_id',
    parent: 'therapy_notes',
    purged: { reason: '' },
  },
  {
    table: 'reintegration_reviews',
    parentColumn: 'assessment_id',
    parent: 'reintegration_assessments',
    purged: { comment: null },
  },
  {
    table: 'reintegration_overrides',
    parentColumn: 'assessment_id',
    parent: 'reintegration_assessments',
    purged: { reason: '' },
  },
];

const MEMBER_PURGED: Purged = {
  name: '',
  relationship: '',
  phone: null,
  address: null,
  barangay: null,
  notes: null,
};
const HOUSEHOLD_PURGED: Purged = { address: null, notes: null };

/** One row to empty: its table, id, the placeholders, and whether it is soft-deleted too. */
export interface CaseRow {
  table: TableName;
  id: string;
  purged: Purged;
  softDelete: boolean;
}

const hasDeletedAt = (vault: CaseVault, table: TableName) =>
  vault.db.prepare("SELECT 1 FROM pragma_table_info(?) WHERE name = 'deleted_at'").get([table]) !==
  undefined;

const idsWhere = (vault: CaseVault, table: TableName, where: string, params: string[]) =>
  vault.db
    .prepare(`SELECT id FROM ${table} WHERE ${where}`, { pluck: true })
    .all(params) as string[];

/**
 * The family and household of the child: kept whole while another child still in the vault
 * belongs to the household (a sibling shares them); otherwise every member, and the household's
 * address and notes, go with the case.
 */
function householdRows(vault: CaseVault, childId: string): CaseRow[] {
  const child = vault.db
    .prepare('SELECT household_id FROM children WHERE id = ?')
    .get([childId]) as { household_id: string | null };
  const shared =
    child.household_id !== null &&
    vault.db
      .prepare('SELECT 1 FROM children WHERE household_id = ? AND id <> ? AND deleted_at IS NULL')
      .get([child.household_id, childId]) !== undefined;
  const own = idsWhere(vault, 'family_members', 'household_id IS NULL AND child_id = ?', [childId]);
  const members = shared
    ? own
    : [
        ...own,
        ...(child.household_id === null
          ? []
          : idsWhere(vault, 'family_members', 'household_id = ?', [child.household_id])),
      ];
  const rows: CaseRow[] = members.map((id) => ({
    table: 'family_members',
    id,
    purged: MEMBER_PURGED,
    softDelete: true,
  }));
  if (!shared && child.household_id !== null)
    rows.push({
      table: 'households',
      id: child.household_id,
      purged: HOUSEHOLD_PURGED,
      softDelete: true,
    });
  return rows;
}

/** Every row of the case but the child's own, in the order they are emptied. */
export function caseRows(vault: CaseVault, childId: string): CaseRow[] {
  const rows: CaseRow[] = [];
  for (const [name, rule] of Object.entries(CASE_TABLES) as [
    keyof typeof CASE_TABLES,
    CaseTable,
  ][]) {
    const softDelete = !rule.counted && hasDeletedAt(vault, name);
    const ids = idsWhere(vault, name, 'child_id = ?', [childId]);
    rows.push(...ids.map((id) => ({ table: name, id, purged: rule.purged, softDelete })));
    for (const part of CASE_PARTS.filter((p) => p.parent === name))
      rows.push(
        ...ids.flatMap((parentId) =>
          idsWhere(vault, part.table, `${part.parentColumn} = ?`, [parentId]).map((id) => ({
            table: part.table,
            id,
            purged: part.purged,
            softDelete: hasDeletedAt(vault, part.table),
          })),
        ),
      );
  }
  return [...rows, ...householdRows(vault, childId)];
}

/**
 * The child's row once emptied: the birth date gives way to the age in whole years at intake
 * (so the statistics' age bands still count her), and the bed reserved for her is freed.
 */
export function childAfterDeletion(vault: CaseVault, childId: string): Record<string, SqlValue> {
  const row = vault.db
    .prepare(
      'SELECT birth_kind, date_of_birth, estimated_age_years, estimated_as_of, intake_date FROM children WHERE id = ?',
    )
    .get([childId]) as {
    birth_kind: 'dob' | 'estimated';
    date_of_birth: string | null;
    estimated_age_years: number | null;
    estimated_as_of: string | null;
    intake_date: string;
  };
  const birth: Birth =
    row.birth_kind === 'dob'
      ? { kind: 'dob', dateOfBirth: row.date_of_birth ?? row.intake_date }
      : {
          kind: 'estimated',
          estimatedAgeYears: row.estimated_age_years ?? 0,
          asOf: row.estimated_as_of ?? row.intake_date,
        };
  return {
    ...CHILD_PURGED,
    birth_kind: 'estimated',
    estimated_age_years: ageOn(birth, row.intake_date).age,
    estimated_as_of: row.intake_date,
  };
}

/** Beds still reserved for the child: the reservation is cleared, the bed stays. */
export const bedsReservedFor = (vault: CaseVault, childId: string) =>
  idsWhere(vault, 'beds', 'reserved_for_child_id = ?', [childId]);

/**
 * How many places still hold more than a placeholder in a purged column: the row's own, and the
 * same column in every change the log holds for the row.
 */
export function purgedLeft(vault: CaseVault, table: TableName, rowId: string, purged: Purged) {
  const columns = Object.keys(purged);
  if (columns.length === 0) return 0;
  const row = vault.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get([rowId]) as Record<
    string,
    SqlValue
  >;
  const inRow = columns.filter((c) => row[c] !== null && row[c] !== purged[c]).length;
  const logged = vault.db
    .prepare(
      `SELECT e.key, e.value FROM change_log c, json_each(c.columns) e
       WHERE c.table_name = ? AND c.row_id = ? AND e.key IN (SELECT value FROM json_each(?))`,
    )
    .all([table, rowId, JSON.stringify(columns)]) as { key: string; value: SqlValue }[];
  return inRow + logged.filter((e) => e.value !== null && e.value !== purged[e.key]).length;
}

/** The columns of `purged` whose value in `row` is content (neither null nor the placeholder). */
export function contentColumns(purged: Purged, row: Record<string, SqlValue>): Purged {
  return Object.fromEntries(
    Object.entries(purged).filter(([c, placeholder]) => row[c] !== null && row[c] !== placeholder),
  );
}

/**
 * Empties every row of the case but the child's own (which the caller has emptied under the
 * case's tombstone `tombstoneId`), each under a part tombstone written first: the tombstone is
 * what lets a locked row (a signed note, the intake account) be emptied. Throws, rolling back
 * the caller's unit of work, if any content is still found.
 */
export function emptyCase(
  vault: CaseVault,
  tombstoneId: string,
  childId: string,
  nowIso: string,
): void {
  for (const row of caseRows(vault, childId)) {
    vault.data.insert('retention_tombstones', {
      kind: 'closedCases',
      record_table: row.table,
      record_id: row.id,
      reason: '',
      purged: JSON.stringify(row.purged),
      part_of: tombstoneId,
    });
    const current = vault.db.prepare(`SELECT * FROM ${row.table} WHERE id = ?`).get([row.id]) as
      Record<string, SqlValue> | undefined;
    if (!current) continue;
    const patch: Purged = contentColumns(row.purged, current);
    if (row.softDelete && current.deleted_at === null) patch.deleted_at = nowIso;
    vault.data.update(row.table, row.id, patch);
    if (purgedLeft(vault, row.table, row.id, row.purged) > 0)
      throw new Error(`Retention: content of ${row.table} ${row.id} still held`);
  }
  for (const bed of bedsReservedFor(vault, childId))
    vault.data.update('beds', bed, { reserved_for_child_id: null });
}
