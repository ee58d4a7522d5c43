// The one write path: every insert, update and soft delete fills the metadata
// columns and appends to the change log (table, row, changed columns, HLC, device, user), which
// is what later lets two offline computers exchange and merge change bundles.
import { v7 as uuidv7 } from 'uuid';
import type { Db } from './sqlcipher';
import { HybridLogicalClock } from './hlc';
import { atomically } from './transactions';

export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

/** Writable columns per table. Metadata columns are filled here, never by callers. */
export const TABLES = {
  vault_meta: ['vault_id'],
  vault_settings: ['idle_lock_minutes', 'time_zone', 'paper_size'],
  backup_policy: ['keep_daily', 'keep_weekly', 'last_auto_at', 'last_auto_error'],
  users: [
    'username',
    'display_name',
    'role',
    'shelter_scope',
    'must_change_password',
    'last_sign_in_at',
    'deleted_at',
  ],
  // Children and shelters (migration 0020).
  shelters: ['name', 'type', 'address', 'sex_rule', 'min_age', 'max_age', 'capacity', 'deleted_at'],
  beds: ['shelter_id', 'room', 'label', 'reserved_for_child_id', 'deleted_at'],
  children: [
    'case_code',
    'case_year',
    'case_seq',
    'legal_name',
    'preferred_name',
    'initials',
    'search_text',
    'birth_kind',
    'date_of_birth',
    'estimated_age_years',
    'estimated_as_of',
    'sex',
    'gender_identity',
    'languages',
    'referral_source',
    'referral_date',
    'intake_date',
    'rescue_date',
    'referring_agency_ref',
    'status',
    'assigned_caseworker_id',
    'registered_by',
    'sibling_group_id',
    'deleted_at',
  ],
  child_status_changes: ['child_id', 'from_status', 'to_status', 'changed_at'],
  consents: [
    'child_id',
    'type',
    'agency',
    'given_by',
    'given_on',
    'scope',
    'withdrawn_on',
    'withdrawn_reason',
    'given_by_member_id',
    'deleted_at',
  ],
  family_members: [
    'child_id',
    'name',
    'relationship',
    'phone',
    'address',
    'lives_in_household',
    'alleged_offender',
    'alleged_offender_since',
    'no_contact_order',
    'no_contact_order_date',
    'notes',
    'household_access',
    'order_expires_on',
    'supervised_only',
    'child_wants_contact',
    'deleted_at',
  ],
  // Visitors added directly, and the reasons flags were cleared (migration 0120).
  visitors: ['child_id', 'name', 'relationship', 'state', 'deleted_at'],
  safety_flag_changes: ['child_id', 'family_member_id', 'change', 'reason'],
  intake_accounts: ['child_id', 'account', 'recorded_at', 'recorded_by'],
  plan_goals: [
    'child_id',
    'domain',
    'goal_text',
    'responsible',
    'target_date',
    'status',
    'deleted_at',
  ],
  plan_tasks: ['child_id', 'goal_id', 'title', 'due_date', 'responsible', 'done_on', 'deleted_at'],
  legal_events: ['child_id', 'kind', 'date', 'time', 'court', 'case_number', 'notes', 'deleted_at'],
  placements: [
    'child_id',
    'shelter_id',
    'bed_id',
    'start_at',
    'end_at',
    'reason',
    'exit_destination',
    'exit_note',
    'override_reason',
    'deleted_at',
  ],
  // Therapy scheduling (migration 0030).
  therapy_plans: [
    'child_id',
    'therapist_id',
    'modality',
    'goals',
    'frequency',
    'custom_frequency',
    'session_minutes',
    'planned_sessions',
    'pref_therapist_gender',
    'pref_language',
    'pref_time_of_day',
    'status',
    'started_on',
    'override_reason',
    'deleted_at',
  ],
  therapist_hours: ['therapist_id', 'weekday', 'start_time', 'end_time', 'deleted_at'],
  therapist_leave: ['therapist_id', 'kind', 'start_at', 'end_at', 'note', 'deleted_at'],
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
    'deleted_at',
  ],
  therapy_sessions: [
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
    'status_reason',
    'components',
    'planned_components',
    'override_reason',
    'deleted_at',
  ],
  therapy_participants: [
    'session_id',
    'child_id',
    'caregiver_id',
    'start_at',
    'end_at',
    'booked',
    'deleted_at',
  ],
  therapy_rules: ['rules'],
  // Session notes and outcome measures (migration 0040).
  therapy_notes: [
    'session_id',
    'child_id',
    'plan_id',
    'author_id',
    'template',
    'fields',
    'status',
    'signed_at',
    'signed_by',
    'deleted_at',
  ],
  therapy_note_addenda: ['note_id', 'author_id', 'body', 'signed_at'],
  therapy_note_break_glass: ['note_id', 'reader_id', 'reason', 'read_at', 'acknowledged_at'],
  therapy_risk_flags: ['note_id', 'child_id', 'kind', 'raised_by', 'raised_at', 'task_id'],
  clinical_policy: ['therapist_note_access', 'coordinators_see_score_totals', 'norm_choices'],
  outcome_instruments: ['code', 'version', 'definition'],
  outcome_scores: [
    'child_id',
    'instrument_code',
    'instrument_version',
    'administered_on',
    'informant',
    'administered_by',
    'scores',
    'total',
    'deleted_at',
  ],
  // Family reintegration (migration 0060).
  reintegration_instruments: ['code', 'version', 'definition'],
  reintegration_assessments: [
    'child_id',
    'instrument_code',
    'instrument_version',
    'status',
    'household_kind',
    'household_label',
    'household_member_ids',
    'visit_dates',
    'last_visit_on',
    'interviewed',
    'answers',
    'evidence',
    'child_consulted',
    'consulted_how',
    'not_consulted_why',
    'child_wishes',
    'recommendation',
    'not_safe',
    'submitted_at',
    'submitted_by',
    'approved_at',
    'approved_by',
    'deleted_at',
  ],
  reintegration_reviews: ['assessment_id', 'decision', 'comment', 'reviewer_id', 'reviewed_at'],
  reintegration_overrides: ['assessment_id', 'reason', 'coordinator_id', 'overridden_at'],
  reintegration_policy: ['assessment_max_age_days', 'visit_cadence'],
  aftercare_visits: [
    'child_id',
    'placement_id',
    'due_on',
    'visited_on',
    'visited_by',
    'child_seen',
    'seen_alone',
    'safety_checks',
    'school_attendance',
    'observations',
    'risk_change',
    'follow_up',
    'deleted_at',
  ],
  // The organisation's computers (migration 0090).
  sync_computers: ['name', 'public_key', 'case_tag', 'removed_at'],
} as const satisfies Record<string, readonly string[]>;
export type TableName = keyof typeof TABLES;

/**
 * Columns whose content is confidential beyond the row's readers (a note's text, an addendum, a
 * break-glass reason, the kind of a concern): the change log records that they changed, with
 * CONFIDENTIAL_MARK in place of the value, so it never becomes a second copy of what only
 * clinicians may read. Whoever needs the value (a sync bundle) reads it from the row itself.
 */
export const CONFIDENTIAL_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
  therapy_notes: ['fields'],
  therapy_note_addenda: ['body'],
  therapy_note_break_glass: ['reason'],
  therapy_risk_flags: ['kind'],
};
/** What the change log holds for a confidential column: no column value is ever an object. */
export const CONFIDENTIAL_MARK = { $confidential: true } as const;

/** Filled on every row by the data layer itself. */
export const METADATA_COLUMNS = ['id', 'created_at', 'updated_at', 'created_by', 'updated_by'];

/**
 * What the schema holds besides TABLES: the audit chain and the change log are written by their
 * own code (a change-logged audit row would log itself), and so is the audit head in vault_meta.
 */
export const WRITTEN_ELSEWHERE = {
  tables: [
    'audit_log',
    'change_log',
    // Sync's own bookkeeping (electron/backend/domains/sync), local to each computer.
    'sync_applying',
    'sync_identity',
    'sync_bundles',
    'sync_bundle_changes',
    'sync_acks',
  ],
  columns: { vault_meta: ['audit_head_seq', 'audit_head_hash'] } as Partial<
    Record<TableName, readonly string[]>
  >,
} as const;
type Columns<T extends TableName> = (typeof TABLES)[T][number];
export type WritableRow<T extends TableName> = Partial<Record<Columns<T>, SqlValue>>;

export interface WriteContext {
  userId: string | null;
  deviceId: string;
}

export class DataLayer {
  private readonly clock: HybridLogicalClock;

  constructor(
    private readonly db: Db,
    private readonly context: () => WriteContext,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.clock = new HybridLogicalClock(context().deviceId, () => this.now().getTime());
    this.clock.observe(
      (db
        .prepare('SELECT hlc FROM change_log ORDER BY seq DESC LIMIT 1', { pluck: true })
        .get() as string) ?? null,
    );
  }

  /** The receive rule: after changes made elsewhere, the next local write is later than them all. */
  receive(stamp: string): void {
    this.clock.observe(stamp);
  }

  transaction<T>(fn: () => T): T {
    return atomically(this.db, fn);
  }

  insert<T extends TableName>(table: T, values: WritableRow<T>, id: string = uuidv7()): string {
    const columns = this.checkColumns(table, values);
    const at = this.now().toISOString();
    const { userId } = this.context();
    const all: Row = {
      ...pick(values, columns),
      id,
      created_at: at,
      updated_at: at,
      created_by: userId,
      updated_by: userId,
    };
    const names = Object.keys(all);
    this.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `$${n}`).join(', ')})`,
        )
        .run(all);
      this.logChange(table, id, 'insert', pick(values, columns));
    });
    return id;
  }

  /** Updates only the given columns. Returns false when no such row exists. */
  update<T extends TableName>(table: T, id: string, patch: WritableRow<T>): boolean {
    const columns = this.checkColumns(table, patch);
    if (columns.length === 0) return this.exists(table, id);
    const { userId } = this.context();
    const values: Row = {
      ...pick(patch, columns),
      updated_at: this.now().toISOString(),
      updated_by: userId,
      id,
    };
    const sets = [...columns, 'updated_at', 'updated_by'].map((c) => `${c} = $${c}`).join(', ');
    return this.transaction(() => {
      const { changes } = this.db.prepare(`UPDATE ${table} SET ${sets} WHERE id = $id`).run(values);
      if (changes === 0) return false;
      this.logChange(table, id, 'update', pick(patch, columns));
      return true;
    });
  }

  /** History matters: rows are marked deleted, never removed. */
  softDelete<T extends TableName>(table: T, id: string): boolean {
    if (!(TABLES[table] as readonly string[]).includes('deleted_at')) {
      throw new Error(`${table} has no soft delete`);
    }
    const at = this.now().toISOString();
    return this.transaction(() => {
      const { changes } = this.db
        .prepare(
          `UPDATE ${table} SET deleted_at = $at, updated_at = $at, updated_by = $by WHERE id = $id AND deleted_at IS NULL`,
        )
        .run({ at, by: this.context().userId, id });
      if (changes === 0) return false;
      this.logChange(table, id, 'delete', { deleted_at: at });
      return true;
    });
  }

  private exists(table: TableName, id: string): boolean {
    return this.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get([id]) !== undefined;
  }

  private checkColumns(table: TableName, values: object): string[] {
    const allowed = TABLES[table] as readonly string[];
    const columns = Object.keys(values).filter((k) => (values as Row)[k] !== undefined);
    const unknown = columns.filter((c) => !allowed.includes(c));
    if (unknown.length > 0) throw new Error(`Unknown columns for ${table}: ${unknown.join(', ')}`);
    return columns;
  }

  private logChange(
    table: TableName,
    rowId: string,
    op: 'insert' | 'update' | 'delete',
    values: Row,
  ): void {
    const { userId, deviceId } = this.context();
    const columns: Record<string, unknown> = { ...values };
    for (const column of CONFIDENTIAL_COLUMNS[table] ?? []) {
      if (column in columns) columns[column] = CONFIDENTIAL_MARK;
    }
    this.db
      .prepare(
        'INSERT INTO change_log (hlc, device_id, user_id, table_name, row_id, op, columns) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run([this.clock.next(), deviceId, userId, table, rowId, op, JSON.stringify(columns)]);
  }
}

function pick(values: object, columns: readonly string[]): Row {
  return Object.fromEntries(columns.map((c) => [c, (values as Row)[c] ?? null]));
}
