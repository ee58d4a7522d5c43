// The one write path: every insert, update and soft delete fills the metadata
// columns and appends to the change log (table, row, changed columns, HLC, device, user), which
// is what later lets two offline computers exchange and merge change bundles.
import { v7 as uuidv7 } from 'uuid';
import type { Db } from './sqlcipher';
import { HybridLogicalClock } from './hlc';
import { atomically } from './transactions';
import type { Columns, Schema, TableName } from './schema';

export type { TableName } from './schema';

export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

/** What the change log holds for a confidential column: no column value is ever an object. */
export const CONFIDENTIAL_MARK = { $confidential: true } as const;

/** Filled on every row by the data layer itself. */
export const METADATA_COLUMNS = ['id', 'created_at', 'updated_at', 'created_by', 'updated_by'];

/**
 * What the schema holds besides the declared tables (Schema.tables): the audit chain and the change log are written by their
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
export type WritableRow<T extends TableName> = Partial<Record<Columns<T>, SqlValue>>;

export interface WriteContext {
  userId: string | null;
  deviceId: string;
}

export class DataLayer {
  private readonly clock: HybridLogicalClock;

  constructor(
    private readonly db: Db,
    /** Every table this data layer may write: the composed schema's. */
    readonly tables: Schema['tables'],
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
    if (!(this.tables[table].columns as readonly string[]).includes('deleted_at')) {
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
    const allowed = this.tables[table]?.columns as readonly string[] | undefined;
    if (!allowed) throw new Error(`Unknown table ${table}`);
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
    for (const column of this.tables[table].confidential ?? []) {
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
