// Which changes a sync folder lacks, and applying changes that arrived from other computers.
import type { Db } from '../../db/sqlcipher';
import type { DataLayer, Row } from '../../db/data-layer';
import {
  mergeChanges,
  UnmergeableChange,
  wallMsOf,
  type Change,
  type ChangeOp,
  type MergeResult,
} from '../../db/merge';
import { BundleRefused } from './errors';
import { syncedTables } from '../../db/schema';
import { emptyArrived } from '../privacy';

/** What sync uses of a vault: the database and the one write path. */
export interface SyncVault {
  db: Db;
  data: DataLayer;
}

/**
 * How far ahead of this computer's clock a change may be. A computer whose clock runs fast would
 * otherwise drag every other clock with it; its bundles wait until the difference is smaller.
 */
export const MAX_CLOCK_AHEAD_MS = 60 * 60 * 1000;

const HLC_PATTERN = /^\d{15}-[0-9a-f]{4}-(.+)$/;

/** Every change of a synced table this computer has and `folder` does not hold, oldest first. */
export function changesMissingFrom(vault: SyncVault, folder: string): Change[] {
  const synced = syncedTables(vault.data.tables);
  const rows = vault.db
    .prepare(
      `SELECT hlc, device_id, user_id, table_name, row_id, op, columns FROM change_log c
       WHERE table_name IN (${synced.map(() => '?').join(', ')})
         AND NOT EXISTS (SELECT 1 FROM sync_bundle_changes b WHERE b.folder = ? AND b.hlc = c.hlc)
       ORDER BY seq`,
    )
    .all([...synced, folder]) as {
    hlc: string;
    device_id: string;
    user_id: string | null;
    table_name: string;
    row_id: string;
    op: ChangeOp;
    columns: string;
  }[];
  return rows.map((r) => ({
    hlc: r.hlc,
    deviceId: r.device_id,
    userId: r.user_id,
    table: r.table_name,
    rowId: r.row_id,
    op: r.op,
    columns: JSON.parse(r.columns) as Row,
  }));
}

/** Records that `folder` holds these changes (written there, or read from there). */
export function markHeld(db: Db, folder: string, clocks: readonly string[]): void {
  const held = db.prepare('INSERT OR IGNORE INTO sync_bundle_changes (folder, hlc) VALUES (?, ?)');
  for (const hlc of clocks) held.run([folder, hlc]);
}

/**
 * Applies changes from other computers: refused whole (nothing applied) when one names a local
 * table, carries a clock that is not one, or is too far ahead of `now`. In the same transaction,
 * a record of a case deleted under retention that arrived (or was here when the deletion arrived)
 * is emptied: the tombstone wins over a change made before its computer heard of it. That
 * emptying is written after every change received, so it is the latest change of the row.
 */
export function applyChanges(
  vault: SyncVault,
  changes: readonly Change[],
  now: Date = new Date(),
  within?: () => void,
): MergeResult {
  let newest: string | null = null;
  const synced = new Set<string>(syncedTables(vault.data.tables));
  for (const change of changes) {
    const stamp = HLC_PATTERN.exec(change.hlc);
    if (!stamp || stamp[1] !== change.deviceId)
      throw new BundleRefused('malformed', `clock ${change.hlc}`);
    if (!synced.has(change.table)) throw new BundleRefused('malformed', `table ${change.table}`);
    if (wallMsOf(change.hlc) > now.getTime() + MAX_CLOCK_AHEAD_MS)
      throw new BundleRefused('clockAhead', change.hlc);
    if (newest === null || change.hlc > newest) newest = change.hlc;
  }
  let result: MergeResult;
  try {
    result = mergeChanges(vault.db, vault.data.tables, changes, () => {
      if (newest) vault.data.receive(newest);
      emptyArrived(vault, changes, now.toISOString());
      within?.();
    });
  } catch (error) {
    if (error instanceof UnmergeableChange) throw new BundleRefused('malformed', error.message);
    if (isConstraintError(error)) throw new BundleRefused('unmergeable', error.message);
    throw error;
  }
  if (newest) vault.data.receive(newest);
  return result;
}

function isConstraintError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}
