// Applying changes made on other computers: per-column last-writer-wins by hybrid logical clock
// (the clock text ends with the device id, so equal times are settled by device id), as Actual
// Budget does. Each remote change is kept in the change log with its own clock, device and user,
// so it relays onward, and a row is always rebuilt as the fold of every change the log holds for
// it: the result does not depend on the order changes arrive in, and a change seen twice is
// skipped. A soft delete is an ordinary change of `deleted_at`.
import type { Db } from './sqlcipher';
import type { Row, SqlValue, TableName } from './data-layer';
import type { Schema } from './schema';
import { isWorkOpen } from './transactions';

export type ChangeOp = 'insert' | 'update' | 'delete';

/** One change-log row as it travels between computers. */
export interface Change {
  hlc: string;
  deviceId: string;
  userId: string | null;
  table: string;
  rowId: string;
  op: ChangeOp;
  columns: Row;
}

/** A change naming a table or column the data layer does not write, or holding a bad value. */
export class UnmergeableChange extends Error {}

export interface MergeResult {
  /** New to this computer and now in its change log. */
  received: number;
  /** Already in the change log (a duplicate or a relay of what arrived before). */
  known: number;
  /** Rows rebuilt from the log. */
  rows: number;
  /** Rows whose first change (their insert) has not arrived yet: rebuilt when it does. */
  waiting: number;
}

/** The wall-clock milliseconds a clock stamp carries. */
export function wallMsOf(hlc: string): number {
  return Number.parseInt(hlc.slice(0, hlc.indexOf('-')), 10);
}

/**
 * Applies `changes` in one transaction. Foreign keys and CHECK constraints stand aside while it
 * runs (a child's placement may arrive before the child, and two offline edits may each be valid
 * alone but not together: the conflicts list shows those), so it must run outside any other
 * transaction, where SQLite lets a connection change them. `within` runs inside its transaction.
 */
export function mergeChanges(
  db: Db,
  /** The tables the data layer writes: only these (and their writable columns) may change. */
  tables: Schema['tables'],
  changes: readonly Change[],
  /** Runs in the same transaction: the caller's record of where the changes came from. */
  within: () => void = () => undefined,
): MergeResult {
  if (isWorkOpen(db)) throw new Error('Remote changes are applied outside a unit of work');
  for (const change of changes) checkShape(tables, change);
  db.pragma('foreign_keys = OFF');
  if (Number(db.pragma('foreign_keys', { simple: true })) !== 0) {
    throw new Error('Remote changes are applied outside any transaction');
  }
  db.pragma('ignore_check_constraints = ON');
  try {
    return db.transaction(() => {
      db.exec('INSERT INTO sync_applying (id) VALUES (1)');
      const known = db.prepare('SELECT 1 FROM change_log WHERE hlc = ?', { pluck: true });
      const log = db.prepare(
        'INSERT INTO change_log (hlc, device_id, user_id, table_name, row_id, op, columns) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const touched = new Map<string, { table: TableName; rowId: string }>();
      // The columns of the changes logged now, by clock: the rebuild reads them from here rather
      // than parsing back the text it has just written.
      const arrived = new Map<string, Row>();
      // A trigger may rewrite a change as it is logged (a reviewed deletion's tombstone replaces
      // the content of a change of its record): then the rebuild reads the log, not the change
      // as sent, so a change made before it heard of the deletion brings no content back.
      const writes = db.prepare('SELECT total_changes()', { pluck: true });
      let received = 0;
      for (const c of changes) {
        if (arrived.has(c.hlc) || known.get([c.hlc]) !== undefined) continue;
        const before = Number(writes.get());
        log.run([c.hlc, c.deviceId, c.userId, c.table, c.rowId, c.op, JSON.stringify(c.columns)]);
        received += 1;
        if (Number(writes.get()) === before + 1) arrived.set(c.hlc, c.columns);
        touched.set(`${c.table}\u0000${c.rowId}`, { table: c.table as TableName, rowId: c.rowId });
      }
      let waiting = 0;
      for (const { table, rowId } of touched.values()) {
        const before = Number(writes.get());
        if (!rebuildRow(db, tables, table, rowId, arrived)) waiting += 1;
        // A trigger rewrote logged changes (a tombstone arrived): read the rest from the log.
        if (Number(writes.get()) > before + 1) arrived.clear();
      }
      db.exec('DELETE FROM sync_applying');
      within();
      return { received, known: changes.length - received, rows: touched.size - waiting, waiting };
    })();
  } finally {
    db.pragma('ignore_check_constraints = OFF');
    db.pragma('foreign_keys = ON');
  }
}

/** Writes the row as the fold of its logged changes; false while its insert has not arrived. */
function rebuildRow(
  db: Db,
  tables: Schema['tables'],
  table: TableName,
  rowId: string,
  arrived: ReadonlyMap<string, Row>,
): boolean {
  const logged = db
    .prepare(
      'SELECT hlc, op, user_id, columns FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY hlc DESC',
    )
    .all([table, rowId]) as {
    hlc: string;
    op: ChangeOp;
    user_id: string | null;
    columns: string;
  }[];
  const insert = logged.findLast((c) => c.op === 'insert');
  const latest = logged[0];
  if (!latest) return false;
  const writable = writableOf(tables, table);
  const values: Row = {};
  for (const change of logged) {
    const columns = arrived.get(change.hlc) ?? (JSON.parse(change.columns) as Row);
    for (const [column, value] of Object.entries(columns)) {
      if (!(column in values) && writable.has(column)) values[column] = value;
    }
  }
  const meta = { updated_at: isoOf(latest.hlc), updated_by: latest.user_id };
  const exists = db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get([rowId]) !== undefined;
  if (exists) {
    const all: Row = { ...values, ...meta, id: rowId };
    const sets = Object.keys(all)
      .filter((c) => c !== 'id')
      .map((c) => `${c} = $${c}`);
    db.prepare(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = $id`).run(all);
    return true;
  }
  if (!insert) return false;
  const all: Row = {
    ...values,
    ...meta,
    id: rowId,
    created_at: isoOf(insert.hlc),
    created_by: insert.user_id,
  };
  const names = Object.keys(all);
  db.prepare(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `$${n}`).join(', ')})`,
  ).run(all);
  return true;
}

function isoOf(hlc: string): string {
  return new Date(wallMsOf(hlc)).toISOString();
}

/** Each table's writable columns as a set, made once per schema: looked up for every column. */
const writableSets = new WeakMap<Schema['tables'], Map<string, Set<string>>>();

function writableOf(tables: Schema['tables'], table: TableName): Set<string> {
  let sets = writableSets.get(tables);
  if (!sets) writableSets.set(tables, (sets = new Map()));
  let set = sets.get(table);
  if (!set) sets.set(table, (set = new Set(tables[table].columns as readonly string[])));
  return set;
}

/** Table and column names go into SQL: only those the data layer itself may write. */
function checkShape(tables: Schema['tables'], change: Change): void {
  if (!Object.hasOwn(tables, change.table)) throw new UnmergeableChange(`table ${change.table}`);
  const writable = writableOf(tables, change.table as TableName);
  for (const [column, value] of Object.entries(change.columns)) {
    if (!writable.has(column)) throw new UnmergeableChange(`column ${change.table}.${column}`);
    if (!isSqlValue(value)) throw new UnmergeableChange(`value of ${change.table}.${column}`);
  }
}

function isSqlValue(value: unknown): value is SqlValue {
  return value === null || typeof value === 'string' || typeof value === 'number';
}
