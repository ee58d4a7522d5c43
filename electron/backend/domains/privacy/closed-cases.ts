// Retention of a closed case as a whole (docs/architecture.md, "Privacy duties"): every record
// naming the child is emptied of what it says, its family too unless a sibling still in the
// vault shares them. The case keeps one tombstone, on the child's row; each other row emptied
// gets a part tombstone (`part_of`), whose triggers (migration 0290) keep its content out of the
// change log here and as older changes of it arrive by sync. What stays is what statistics count
// without identity: the case code, sex, the age in years at intake, the referral source and
// dates, placements (shelter, bed, dates, exit destination), therapy plans' modality and sessions
// attended, closures' dates and status. Rows that statistics count stay undeleted; the others are
// soft-deleted as well, so no list, reminder or board shows them. Every column of every table
// that leads to the child is either emptied or kept here, by name (`CASE_COLUMNS`), so
// tests/unit/retention-cases.test.ts fails on a new column nobody decided about.
import { ageOn, type Birth } from '../../../../shared/children/vocabulary';
import type { SqlValue, TableName } from '../../db/data-layer';
import type { CaseVault } from '../../records/actor';

type Purged = Record<string, SqlValue>;

interface CaseTable {
  /** Each content column and what replaces it (NOT NULL columns take ''). */
  purged: Purged;
  /** The other columns: ids, codes, dates, flags and counts, none of them words about the child. */
  kept: readonly string[];
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
  child_status_changes: {
    purged: { reason: null },
    kept: ['child_id', 'from_status', 'to_status', 'changed_at'],
    counted: true,
  },
  consents: {
    purged: { agency: null, given_by: '', scope: '', withdrawn_reason: null },
    kept: ['child_id', 'type', 'given_on', 'withdrawn_on', 'given_by_member_id'],
  },
  household_relationships: {
    purged: { relationship: '' },
    kept: ['member_id', 'child_id'],
  },
  visitors: { purged: { name: '', relationship: '' }, kept: ['child_id', 'state'] },
  safety_flag_changes: {
    purged: { reason: '' },
    kept: ['child_id', 'family_member_id', 'change'],
  },
  intake_accounts: {
    purged: { account: '', reference: null },
    kept: ['child_id', 'recorded_at', 'recorded_by', 'held_where'],
  },
  intake_addenda: { purged: { text: '' }, kept: ['child_id', 'signed_at', 'signed_by'] },
  intake_reads: { purged: { reason: '' }, kept: ['child_id', 'reader_id', 'read_at'] },
  plan_goals: {
    purged: { goal_text: '', responsible: '' },
    kept: ['child_id', 'domain', 'target_date', 'status'],
  },
  plan_tasks: {
    purged: { title: '', responsible: null },
    kept: ['child_id', 'goal_id', 'due_date', 'done_on'],
  },
  legal_events: {
    purged: { court: '', case_number: '', notes: null },
    kept: ['child_id', 'kind', 'date', 'time'],
  },
  incidents: {
    purged: { description: '', informed_note: null, follow_up: null },
    // `informed`: the codes of who was told.
    kept: ['child_id', 'kind', 'occurred_on', 'occurred_time', 'informed'],
  },
  away_episodes: {
    purged: { note: null },
    kept: [
      'child_id',
      'placement_id',
      'kind',
      'left_at',
      'planned_return_on',
      'returned_at',
      'incident_id',
    ],
  },
  child_documents: {
    purged: { reference: null, kept_where: null, note: null },
    kept: ['child_id', 'kind', 'status', 'due_on', 'expires_on'],
  },
  contact_log: {
    purged: { with_whom: '', supervised_by: null, device: null, concerns: null },
    kept: ['child_id', 'kind', 'occurred_on', 'supervised', 'safety_plan_followed'],
  },
  accused_cases: {
    purged: { name: '', prosecutor: null, case_number: null, support_person: null, notes: null },
    kept: ['child_id', 'family_member_id', 'stage', 'live_link_testimony'],
  },
  education_records: {
    purged: { school: '', grade_level: '', attendance_notes: null },
    kept: ['child_id', 'kind', 'since'],
  },
  case_conferences: {
    purged: { attendees: '', minutes: '', decisions: null },
    kept: ['child_id', 'held_on', 'next_review_on'],
  },
  health_records: {
    purged: {
      held_at: '',
      checked_by: '',
      medicine: '',
      dose: '',
      philhealth_number: '',
      note: null,
    },
    kept: ['child_id', 'kind', 'date', 'until', 'philhealth_category'],
  },
  outcome_scores: {
    purged: { scores: '{}', administered_by: '' },
    kept: [
      'child_id',
      'instrument_code',
      'instrument_version',
      'administered_on',
      'informant',
      'total',
    ],
  },
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
    kept: [
      'child_id',
      'instrument_code',
      'instrument_version',
      'status',
      'household_kind',
      'visit_dates',
      'last_visit_on',
      'child_consulted',
      'not_safe',
      'submitted_at',
      'submitted_by',
      'approved_at',
      'approved_by',
    ],
  },
  aftercare_visits: {
    purged: {
      visited_by: null,
      safety_checks: null,
      school_attendance: null,
      observations: null,
      follow_up: null,
    },
    kept: [
      'child_id',
      'placement_id',
      'due_on',
      'visited_on',
      'child_seen',
      'seen_alone',
      'risk_change',
    ],
  },
  case_closures: {
    purged: {
      reason: '',
      closing_note: '',
      child_view: '',
      family_view: '',
      decline_comment: null,
      reopen_reason: null,
    },
    kept: [
      'child_id',
      'status',
      'outcomes_assessment_id',
      'proposed_by',
      'proposed_at',
      'decided_by',
      'decided_at',
      'reopened_by',
      'reopened_at',
    ],
    counted: true,
  },
  placements: {
    purged: { reason: '', exit_note: null, override_reason: null },
    kept: ['child_id', 'shelter_id', 'bed_id', 'start_at', 'end_at', 'exit_destination'],
    counted: true,
  },
  therapy_plans: {
    purged: { goals: '', custom_frequency: null, override_reason: null, pref_language: null },
    kept: [
      'child_id',
      'therapist_id',
      'modality',
      'frequency',
      'session_minutes',
      'planned_sessions',
      'pref_therapist_gender',
      'pref_time_of_day',
      'status',
      'started_on',
    ],
    counted: true,
  },
  therapy_participants: {
    purged: {},
    kept: ['session_id', 'child_id', 'caregiver_id', 'start_at', 'end_at', 'booked'],
    counted: true,
  },
  therapy_notes: {
    purged: { fields: '{}' },
    kept: [
      'session_id',
      'child_id',
      'plan_id',
      'author_id',
      'template',
      'status',
      'signed_at',
      'signed_by',
    ],
  },
  therapy_risk_flags: {
    purged: { kind: '' },
    kept: ['note_id', 'child_id', 'raised_by', 'raised_at', 'task_id'],
  },
} as const satisfies Partial<Record<TableName, CaseTable>>;

/** Rows that belong to a record of the child through their parent (a note's addenda). */
const CASE_PARTS: {
  table: TableName;
  parentColumn: string;
  parent: keyof typeof CASE_TABLES;
  purged: Purged;
  kept: readonly string[];
}[] = [
  {
    table: 'therapy_note_addenda',
    parentColumn: 'note_id',
    parent: 'therapy_notes',
    purged: { body: '' },
    kept: ['note_id', 'author_id', 'signed_at'],
  },
  {
    table: 'therapy_note_break_glass',
    parentColumn: 'note_id',
    parent: 'therapy_notes',
    purged: { reason: '' },
    kept: ['note_id', 'reader_id', 'read_at', 'acknowledged_at'],
  },
  {
    table: 'reintegration_reviews',
    parentColumn: 'assessment_id',
    parent: 'reintegration_assessments',
    purged: { comment: null },
    kept: ['assessment_id', 'decision', 'reviewer_id', 'reviewed_at'],
  },
  {
    table: 'reintegration_overrides',
    parentColumn: 'assessment_id',
    parent: 'reintegration_assessments',
    purged: { reason: '' },
    kept: ['assessment_id', 'coordinator_id', 'overridden_at'],
  },
];

const MEMBER: CaseTable = {
  purged: { name: '', relationship: '', phone: null, address: null, barangay: null, notes: null },
  kept: [
    'child_id',
    'lives_in_household',
    'alleged_offender',
    'alleged_offender_since',
    'no_contact_order',
    'no_contact_order_date',
    'household_access',
    'order_expires_on',
    'supervised_only',
    'child_wants_contact',
    'household_id',
    'merged_into',
  ],
};
const HOUSEHOLD: CaseTable = { purged: { address: null, notes: null }, kept: [] };

/**
 * A therapy session the child took part in (its participants, its notes, her plan's): why it was
 * cancelled or overridden may speak of her, so it goes, unless another child still in the vault
 * took part (a group's reasons are the group's, as a household a sibling shares stays). Sessions
 * attended are counted, so the row stays undeleted.
 */
const SESSION: CaseTable = {
  purged: { status_reason: null, override_reason: '' },
  // `room`: the shelter's room, not the child's.
  kept: [
    'therapist_id',
    'plan_id',
    'series_id',
    'kind',
    'start_at',
    'end_at',
    'shelter_id',
    'room',
    'room_key',
    'status',
    'components',
    'planned_components',
  ],
  counted: true,
};

/** Tables that lead to the child but say nothing about her: nothing in them is emptied. */
const NOTHING_SAID: Partial<Record<TableName, readonly string[]>> = {
  // A bed reserved for her is freed (`bedsReservedFor`); its room and label are the shelter's.
  beds: ['shelter_id', 'room', 'label', 'reserved_for_child_id'],
  therapy_series: [
    'therapist_id',
    'plan_id',
    'interval_weeks',
    'weekdays',
    'start_date',
    'start_time',
    'duration_minutes',
    'until_date',
    'occurrence_count',
  ],
  accused_case_events: ['accused_case_id', 'legal_event_id'],
};

/**
 * Every table that leads to the child, with what is emptied and what is kept of each column:
 * the test over the migrated schema compares it with the tables' columns.
 */
export const CASE_COLUMNS: Partial<Record<TableName, { purged: Purged; kept: readonly string[] }>> =
  {
    children: {
      purged: CHILD_PURGED,
      // The age at intake replaces the birth (`childAfterDeletion`); the referral source (an
      // agency, not her) and the dates are what the statistics count.
      kept: [
        'case_code',
        'case_year',
        'case_seq',
        'birth_kind',
        'estimated_age_years',
        'estimated_as_of',
        'sex',
        'referral_source',
        'referral_date',
        'intake_date',
        'status',
        'assigned_caseworker_id',
        'registered_by',
        'sibling_group_id',
        'household_id',
      ],
    },
    ...(CASE_TABLES as Partial<Record<TableName, CaseTable>>),
    ...Object.fromEntries(CASE_PARTS.map((p) => [p.table, p])),
    family_members: MEMBER,
    households: HOUSEHOLD,
    therapy_sessions: SESSION,
    ...Object.fromEntries(
      Object.entries(NOTHING_SAID).map(([table, kept]) => [table, { purged: {}, kept }]),
    ),
  };

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

const idsWhere = (
  vault: CaseVault,
  table: TableName,
  where: string,
  params: string[] | Record<string, string>,
) =>
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
    purged: MEMBER.purged,
    softDelete: true,
  }));
  if (!shared && child.household_id !== null)
    rows.push({
      table: 'households',
      id: child.household_id,
      purged: HOUSEHOLD.purged,
      softDelete: true,
    });
  return rows;
}

/** The child's sessions that no other child still in the vault took part in. */
function sessionRows(vault: CaseVault, childId: string): CaseRow[] {
  return idsWhere(
    vault,
    'therapy_sessions',
    `id IN (SELECT session_id FROM therapy_participants WHERE child_id = $child
            UNION SELECT session_id FROM therapy_notes WHERE child_id = $child
            UNION SELECT s.id FROM therapy_sessions s JOIN therapy_plans p ON p.id = s.plan_id
                  WHERE p.child_id = $child)
     AND NOT EXISTS (SELECT 1 FROM therapy_participants o JOIN children c ON c.id = o.child_id
                     WHERE o.session_id = therapy_sessions.id AND o.child_id <> $child
                       AND o.deleted_at IS NULL AND c.deleted_at IS NULL)`,
    { child: childId },
  ).map((id) => ({ table: 'therapy_sessions', id, purged: SESSION.purged, softDelete: false }));
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
  return [...rows, ...sessionRows(vault, childId), ...householdRows(vault, childId)];
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

const emptiedWithCase = (vault: CaseVault, row: CaseRow) =>
  vault.db
    .prepare(
      `SELECT 1 FROM retention_tombstones
       WHERE record_table = ? AND record_id = ? AND kind = 'closedCases'`,
    )
    .get([row.table, row.id]) !== undefined;

/**
 * Empties every row of the case but the child's own (which the caller has emptied under the
 * case's tombstone `tombstoneId`), each under a part tombstone written first: the tombstone is
 * what lets a locked row (a signed note, the intake account) be emptied. A row a closed case's
 * tombstone already covers is left as it is. Throws, rolling back the caller's unit of work, if
 * any content is still found.
 */
export function emptyCase(
  vault: CaseVault,
  tombstoneId: string,
  childId: string,
  nowIso: string,
): void {
  for (const row of caseRows(vault, childId)) {
    if (emptiedWithCase(vault, row)) continue;
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

/** The children a row leads to, by the same links `caseRows` follows. */
function childrenOf(vault: CaseVault, table: string, rowId: string): string[] {
  const ids = (sql: string) =>
    vault.db.prepare(sql, { pluck: true }).all({ id: rowId }) as string[];
  if (table === 'children') return [rowId];
  if (table === 'retention_tombstones')
    return ids(`SELECT record_id FROM retention_tombstones
                WHERE id = $id AND record_table = 'children' AND kind = 'closedCases'`);
  if (table in CASE_TABLES || table === 'family_members')
    return ids(`SELECT child_id FROM ${table} WHERE id = $id`);
  const part = CASE_PARTS.find((p) => p.table === table);
  if (part)
    return ids(`SELECT r.child_id FROM ${part.parent} r JOIN ${part.table} x
                ON x.${part.parentColumn} = r.id WHERE x.id = $id`);
  if (table === 'therapy_sessions')
    return ids(`SELECT child_id FROM therapy_participants WHERE session_id = $id
                UNION SELECT child_id FROM therapy_notes WHERE session_id = $id
                UNION SELECT p.child_id FROM therapy_sessions s JOIN therapy_plans p
                      ON p.id = s.plan_id WHERE s.id = $id`);
  if (table === 'households') return ids('SELECT id FROM children WHERE household_id = $id');
  return [];
}

/**
 * After changes from other computers are merged: a record of a deleted case that arrived
 * without a tombstone (made on a computer that had not heard of the deletion yet), or a record
 * of this computer's when the deletion arrives, is emptied as the deletion empties it, so the
 * tombstone wins whichever came first. The emptying is an ordinary change that travels on.
 */
export function emptyArrived(
  vault: CaseVault,
  rows: readonly { table: string; rowId: string }[],
  nowIso: string,
): void {
  if (!('retention_tombstones' in vault.data.tables)) return;
  const cases = new Map(
    (
      vault.db
        .prepare(
          `SELECT record_id, id FROM retention_tombstones
           WHERE record_table = 'children' AND kind = 'closedCases' AND part_of IS NULL`,
        )
        .all() as { record_id: string; id: string }[]
    ).map((t) => [t.record_id, t.id]),
  );
  if (cases.size === 0) return;
  const children = new Set<string>();
  for (const { table, rowId } of rows)
    for (const child of childrenOf(vault, table, rowId)) if (cases.has(child)) children.add(child);
  for (const child of children) emptyCase(vault, cases.get(child)!, child, nowIso);
}
