// Unlock time (KDF vs open-to-first-query) and a basic insert/select workload,
// encrypted and plain on the same SQLCipher binary.
import { v7 as uuidv7 } from 'uuid';
import { join } from 'node:path';
import type { Database } from '@signalapp/sqlcipher';
import {
  openDatabase,
  openPlainDatabaseForBenchmark,
} from '../../../electron/backend/db/sqlcipher';
import { createSlot, unlockSlot } from '../../../electron/backend/vault/keyring';
import { DEFAULT_KDF, newDataKey } from '../../../electron/backend/vault/crypto';
import {
  countingPages,
  measure,
  measurePair,
  median,
  type PagesPerRun,
  type ResultRow,
} from '../stats';
import { encryptionRows } from '../encryption-rule';
import { PageFile, perPage, type PageCostSampler, type PageMode } from '../page-cost';

export const SIZES = { S: 1_000, M: 10_000, L: 50_000 } as const;
export type SizeName = keyof typeof SIZES;

export async function unlockBench(folder: string, runs: number): Promise<ResultRow[]> {
  const dataKey = newDataKey();
  const slot = await createSlot(
    'a'.repeat(32),
    'user',
    'Bench-Password-Kite-77',
    dataKey,
    DEFAULT_KDF,
  );
  const kdf = await measure(
    runs,
    async () => (await unlockSlot(slot, 'Bench-Password-Kite-77'))?.fill(0),
    1,
  );
  // A populated vault file, opened cold each time: key pragma, HMAC check of every page, first query.
  const path = join(folder, 'unlock.db');
  const db = openDatabase(path, dataKey);
  fillRows(db, SIZES.M);
  db.close();
  const open = await measure(runs * 3, () => {
    const opened = openDatabase(path, dataKey);
    opened.prepare('SELECT count(*) FROM bench_rows').get();
    opened.close();
  });
  return [
    {
      operation: 'unlock: KDF (Argon2id m=19 MiB, t=2, p=1)',
      size: '-',
      p50Ms: kdf.p50,
      p95Ms: kdf.p95,
      runs: kdf.runs,
      // Its strength is the pinned cost (kdf-params.test.ts), not the time on this machine.
      target: '< 1000 ms',
      meetsTarget: kdf.p95 < 1000,
    },
    {
      operation: 'unlock: open to first query (M)',
      size: 'M',
      p50Ms: open.p50,
      p95Ms: open.p95,
      runs: open.runs,
      target: '< 50 ms',
      meetsTarget: open.p95 < 50,
    },
  ];
}

function fillRows(db: Database, count: number): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS bench_rows (id TEXT PRIMARY KEY, code TEXT NOT NULL, body TEXT NOT NULL, n INTEGER NOT NULL)',
  );
  db.exec('CREATE INDEX IF NOT EXISTS bench_rows_code ON bench_rows(code)');
  const insert = db.prepare('INSERT INTO bench_rows VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) insert.run([uuidv7(), `C${i}`, 'fictional '.repeat(20), i]);
  })();
}

/**
 * 100-row insert transactions and indexed point selects on a table already holding `size` rows.
 * Encrypted and plain take turns run by run (measurePair), so that neither one alone pays for JIT
 * warm-up or a change in machine load. Each row is judged by the encryption rule
 * (encryption-rule.ts): the insert is a write, priced by its pages; the selects are served from
 * the page cache.
 */
export async function crudBench(
  folder: string,
  runs: number,
  sizes: SizeName[],
  pageCost: PageCostSampler,
): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const size of sizes) {
    const modes = ['encrypted', 'plain'] as const;
    const dbs = modes.map((mode) => {
      const path = join(folder, `crud-${size}-${mode}.db`);
      const db =
        mode === 'encrypted'
          ? openDatabase(path, newDataKey())
          : openPlainDatabaseForBenchmark(path);
      fillRows(db, SIZES[size]);
      return db;
    });
    const pages = { insert: [[], []], select: [[], []] } as Record<
      'insert' | 'select',
      [PagesPerRun[], PagesPerRun[]]
    >;
    const work = dbs.map((db, k) => {
      const insert = db.prepare('INSERT INTO bench_rows VALUES (?, ?, ?, ?)');
      const select = db.prepare('SELECT * FROM bench_rows WHERE code = ?');
      return {
        insert: (r: number) =>
          countingPages(pages.insert[k]!, () =>
            db.transaction(() => {
              for (let i = 0; i < 100; i += 1)
                insert.run([uuidv7(), `N${r}-${i}`, 'fictional '.repeat(20), i]);
            })(),
          ),
        select: (r: number) =>
          countingPages(pages.select[k]!, () => {
            for (let i = 0; i < 100; i += 1)
              select.get([`C${(r * 7919 + i * 104729) % SIZES[size]}`]);
          }),
      };
    });
    for (const op of ['insert', 'select'] as const) {
      const operation = op === 'insert' ? 'insert 100 rows' : 'select 100 by index';
      // Each operation's per-page price is set between its own runs (PageCostSampler).
      pageCost.reset();
      const step = () => pageCost.step();
      const [encrypted, plain] = await measurePair(
        op === 'insert' ? runs : runs * 10,
        work[0]![op],
        work[1]![op],
        [step, step],
      );
      // The timed runs: measurePair's untimed warm-up runs come first.
      const timed = pages[op][0].slice(-encrypted.runs);
      rows.push(
        ...encryptionRows(
          operation,
          size,
          encrypted,
          plain,
          timed,
          pageCost.overhead(),
          op === 'select',
        ),
      );
    }
    for (const db of dbs) db.close();
  }
  return rows;
}

/**
 * Where the encrypted/plain ratio comes from: the cost per 4 KiB page of writing and of reading
 * cold (page cache off), plain, encrypted as the vault is, and encrypted without the page HMAC.
 * The last is a diagnostic only (the vault never turns its HMAC off): it splits the cost between
 * AES-256-CBC and HMAC-SHA512 in this build's crypto provider. Pages are written and read as the
 * app does (PageFile), and timed in CPU time (cpuMs), the unit the operations' per-page rule
 * compares in. The bulk append of fresh pages it was measured with before is kept as a
 * diagnostic row.
 */
export function pageCostBench(folder: string): ResultRow[] {
  const modes: PageMode[] = ['plain', 'encrypted', 'encrypted without HMAC, diagnostic'];
  const byMode = modes.map(() => ({
    write: [] as number[],
    append: [] as number[],
    read: [] as number[],
  }));
  // The modes take turns within each round, so a change in machine load falls on all of them.
  for (let round = 0; round < PAGE_ROUNDS; round += 1) {
    for (const [m, mode] of modes.entries()) {
      const file = new PageFile(join(folder, `pages-${m}.db`), mode);
      const commits = Array.from({ length: PAGE_COMMITS }, () => file.commit());
      byMode[m]!.write.push(perPage(...commits));
      file.checkpoint();
      byMode[m]!.append.push(perPage(file.append()));
      byMode[m]!.read.push(perPage(file.lookups(PAGE_LOOKUPS)));
      file.close();
    }
  }
  // The median round, as the case operations report their median run.
  return modes.flatMap((mode, m) => [
    pageRow(`write one 4 KiB page (${mode})`, median(byMode[m]!.write)),
    pageRow(`bulk append, diagnostic: write one 4 KiB page (${mode})`, median(byMode[m]!.append)),
    pageRow(`read one 4 KiB page cold (${mode})`, median(byMode[m]!.read)),
  ]);
}

const PAGE_LOOKUPS = 3_000;
const PAGE_ROUNDS = 7;
const PAGE_COMMITS = 40;

/** The median round is both p50 and p95, like a one-off measurement. */
const pageRow = (operation: string, ms: number): ResultRow => ({
  operation,
  size: '-',
  p50Ms: ms,
  p95Ms: ms,
  runs: PAGE_ROUNDS,
});
