// `npm run bench -- --backup [--size L]`: a verified backup, its check (unpack, unlock, both
// integrity checks), a full restore and a key rotation (copied under the new key, checked,
// swapped in) of a demo vault of that size, timed once each, with the round trip and the
// rotation compared table by table (row count and content checksum).
import { TEST_ARGON2ID } from '../../../electron/backend/vault/crypto';
import { SCHEMA } from '../../../electron/backend/runtime/composition';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '@signalapp/sqlcipher';
import { createDemoVault } from '../../../electron/backend/demo/demo-vault';
import type { SizeName } from '../../../electron/backend/demo/sizes';
import type { ResultRow } from '../stats';
import { stageBackup, tableCounts } from '../../../electron/backend/vault/backup';
import {
  restoreStagedBackup,
  unwrapWithPassword,
  type OpenVault,
} from '../../../electron/backend/vault/vault';

const FAST_KDF = { alg: 'argon2id', params: TEST_ARGON2ID } as const;
const context = () => ({ userId: null, deviceId: 'bench' });

function digests(db: Database): Record<string, string> {
  return Object.fromEntries(
    Object.keys(tableCounts(db)).map((table) => {
      // Sorted rows, not rowid order: the sync tables have no rowid.
      const hash = createHash('sha256');
      const rows = db.prepare(`SELECT * FROM "${table}"`).all();
      for (const row of rows.map((r) => JSON.stringify(r)).sort()) hash.update(row);
      return [table, hash.digest('hex')];
    }),
  );
}

export interface BackupFigures {
  size: SizeName;
  bytes: number;
  backupMs: number;
  checkMs: number;
  restoreMs: number;
  rotateMs: number;
  /** Progress events the rotation sent: it must report as it goes, not only at the end. */
  rotateReports: number;
  tables: number;
  rowsEqual: boolean;
  contentEqual: boolean;
}

export async function backupBench(root: string, size: SizeName): Promise<BackupFigures> {
  const folder = join(root, `backup-${size}`);
  const out = join(root, `backup-${size}-usb`);
  mkdirSync(out, { recursive: true });
  const demo = await createDemoVault({ folder, size, kdf: FAST_KDF });
  const open = async (): Promise<OpenVault> =>
    (await unwrapWithPassword(folder, demo.adminUsername, demo.adminPassword)).open(
      SCHEMA,
      context,
    );

  let vault = await open();
  const before = { counts: tableCounts(vault.db), digests: digests(vault.db) };
  let start = performance.now();
  const made = vault.backupTo(join(out, 'bench.aruga-backup'));
  const backupMs = performance.now() - start;
  vault.close();

  start = performance.now();
  const staged = await stageBackup(
    folder,
    made.path,
    (f) => unwrapWithPassword(f, demo.adminUsername, demo.adminPassword),
    SCHEMA.version,
  );
  const checkMs = performance.now() - start;
  start = performance.now();
  restoreStagedBackup(folder, staged, SCHEMA, context);
  const restoreMs = performance.now() - start + checkMs;

  vault = await open();
  const after = { counts: tableCounts(vault.db), digests: digests(vault.db) };
  let rotateReports = 0;
  start = performance.now();
  await vault.rotateDataKey([demo.adminUsername], () => (rotateReports += 1));
  const rotateMs = performance.now() - start;
  vault.close();
  vault = await open();
  const rotated = { counts: tableCounts(vault.db), digests: digests(vault.db) };
  vault.close();
  // The restored log has one entry more (the restore) and its head moved with it.
  const skip = new Set(['audit_log', 'vault_meta']);
  const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    Object.keys(a).every((t) => skip.has(t) || a[t] === b[t]) &&
    Object.keys(a).length === Object.keys(b).length;
  return {
    size,
    bytes: made.bytes,
    backupMs,
    checkMs,
    restoreMs,
    rotateMs,
    rotateReports,
    tables: Object.keys(before.counts).length,
    rowsEqual:
      same(before.counts, after.counts) &&
      after.counts.audit_log === before.counts.audit_log! + 1 &&
      JSON.stringify(rotated.counts) === JSON.stringify(after.counts),
    contentEqual:
      same(before.digests, after.digests) &&
      JSON.stringify(rotated.digests) === JSON.stringify(after.digests),
  };
}

/** The operations' names in `npm run bench`'s table (`--only backup` selects them). */
export const BACKUP_OPERATIONS = {
  backup: 'backup: back up now',
  restore: 'backup: restore',
  rotate: 'backup: rotate the data key',
};

/**
 * Back up now and restore (check included) at each size, timed once each, for `npm run bench`'s
 * table; a round trip that changed any table's rows or content fails the run instead.
 */
export async function backupRows(root: string, sizes: readonly SizeName[]): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const size of sizes) {
    const figures = await backupBench(root, size);
    if (!figures.rowsEqual || !figures.contentEqual)
      throw new Error(`The backup round trip at ${size} did not give back the same data.`);
    const once = (operation: string, ms: number): ResultRow => ({
      operation,
      size,
      p50Ms: ms,
      p95Ms: ms,
      runs: 1,
    });
    rows.push(
      once(BACKUP_OPERATIONS.backup, figures.backupMs),
      once(BACKUP_OPERATIONS.restore, figures.restoreMs),
      once(BACKUP_OPERATIONS.rotate, figures.rotateMs),
    );
  }
  return rows;
}
