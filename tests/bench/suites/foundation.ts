// Unlock time (KDF vs open-to-first-query) and a basic insert/select workload,
// encrypted and plain on the same SQLCipher binary.
import { v7 as uuidv7 } from 'uuid';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '@signalapp/sqlcipher';
import {
  openDatabase,
  openPlainDatabaseForBenchmark,
} from '../../../electron/backend/db/sqlcipher';
import { createSlot, unlockSlot } from '../../../electron/backend/vault/keyring';
import { DEFAULT_KDF, newDataKey } from '../../../electron/backend/vault/crypto';
import {
  countingPages,
  cpuMs,
  measure,
  measurePair,
  type PagesPerRun,
  type ResultRow,
} from '../stats';
import { encryptionRows, type PageOverhead } from '../encryption-rule';

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
 * Encrypted and plain run in alternating rounds (measurePair), so that neither one alone pays for
 * JIT warm-up or a change in machine load. Given the per-page cost, each row is judged by the
 * encryption rule (encryption-rule.ts): the insert is a write, priced by its pages; the selects
 * are served from the page cache. Without it (the memory-security suite's rerun), the rows carry
 * times only.
 */
export async function crudBench(
  folder: string,
  runs: number,
  sizes: SizeName[],
  perPage?: PageOverhead,
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
    const measured = {
      insert: await measurePair(runs, work[0]!.insert, work[1]!.insert),
      select: await measurePair(runs * 10, work[0]!.select, work[1]!.select),
    };
    for (const db of dbs) db.close();
    for (const op of ['insert', 'select'] as const) {
      const operation = op === 'insert' ? 'insert 100 rows' : 'select 100 by index';
      const [encrypted, plain] = measured[op];
      if (perPage) {
        // The timed runs: measurePair's untimed warm-up runs come first.
        const timed = pages[op][0].slice(-encrypted.runs);
        rows.push(
          ...encryptionRows(operation, size, encrypted, plain, timed, perPage, op === 'select'),
        );
      } else {
        for (const [k, sample] of [encrypted, plain].entries())
          rows.push({
            operation: `${operation} (${modes[k]!})`,
            size,
            p50Ms: sample.p50,
            p95Ms: sample.p95,
            runs: sample.runs,
          });
      }
    }
  }
  return rows;
}

/**
 * Where the encrypted/plain ratio comes from: the cost per 4 KiB page of writing and of reading
 * cold (page cache off), plain, encrypted as the vault is, and encrypted without the page HMAC.
 * The last is a diagnostic only (the vault never turns its HMAC off): it splits the cost between
 * AES-256-CBC and HMAC-SHA512 in this build's crypto provider. Pages are counted as the case
 * operations count theirs (system-call bytes), and both are timed in CPU time (cpuMs), the unit
 * the operations' per-page rule compares in.
 *
 * A page is written as the app writes: rows at scattered keys of an indexed table, a few dozen
 * pages per commit, on connections with the vault's own settings (synchronous FULL, secure
 * delete). The bulk append of fresh pages it was measured with before is kept as a diagnostic
 * row. Reads are random lookups in a B-tree, as the app's are.
 */
export function pageCostBench(folder: string): ResultRow[] {
  const modes = ['plain', 'encrypted', 'encrypted without HMAC, diagnostic'] as const;
  const body = randomBytes(150).toString('base64');
  const perPage = modes.map(() => ({
    write: [] as number[],
    append: [] as number[],
    read: [] as number[],
  }));
  // The modes take turns within each round, so a change in machine load falls on all of them.
  for (let round = 0; round < PAGE_ROUNDS; round += 1) {
    for (const [m, mode] of modes.entries()) {
      const path = join(folder, `pages-${m}.db`);
      const dataKey = newDataKey();
      const open = () => {
        if (mode === 'plain') return openPlainDatabaseForBenchmark(path);
        if (mode === 'encrypted') return openDatabase(path, dataKey);
        // The vault's settings, less the HMAC (which is fixed when the file is created).
        const bare = new Database(path);
        bare.pragma(`key = "x'${dataKey.toString('hex')}'"`);
        bare.pragma('cipher_use_hmac = OFF');
        bare.pragma('journal_mode = WAL');
        bare.pragma('synchronous = FULL');
        bare.pragma('secure_delete = ON');
        return bare;
      };
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      const db = open();
      // The commits would otherwise checkpoint inside a timed call now and then: a raw copy of
      // frames into the database file, no cipher work, whose bytes count each page twice.
      db.pragma('wal_autocheckpoint = 0');
      db.exec('CREATE TABLE pages (id TEXT PRIMARY KEY, code TEXT NOT NULL, body TEXT NOT NULL)');
      db.exec('CREATE INDEX pages_code ON pages(code)');
      db.exec('CREATE TABLE appended (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
      const insert = db.prepare('INSERT INTO pages VALUES (?, ?, ?)');
      const row = () => [randomUUID(), randomUUID(), body];
      db.transaction(() => {
        for (let i = 0; i < PAGE_ROWS; i += 1) insert.run(row());
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
      // Small commits at scattered keys, as a booking or a save writes.
      const written: PagesPerRun[] = [];
      const start = cpuMs();
      for (let c = 0; c < PAGE_COMMITS; c += 1)
        countingPages(written, () =>
          db.transaction(() => {
            for (let i = 0; i < ROWS_PER_COMMIT; i += 1) insert.run(row());
          })(),
        );
      const pagesWritten = written.reduce((sum, r) => sum + r.written, 0);
      perPage[m]!.write.push((cpuMs() - start) / Math.max(1, pagesWritten));
      db.pragma('wal_checkpoint(TRUNCATE)');
      // The best case, for the diagnostic row: one bulk append of fresh pages.
      const append = db.prepare('INSERT INTO appended (body) VALUES (?)');
      const appended: PagesPerRun[] = [];
      const appendStart = cpuMs();
      countingPages(appended, () =>
        db.transaction(() => {
          for (let i = 0; i < PAGE_ROWS; i += 1) append.run([body]);
        })(),
      );
      perPage[m]!.append.push((cpuMs() - appendStart) / Math.max(1, appended[0]!.written));
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const reader = open();
      reader.pragma('cache_size = 8');
      const select = reader.prepare('SELECT body FROM appended WHERE id = ?');
      const read: PagesPerRun[] = [];
      const readStart = cpuMs();
      countingPages(read, () => {
        for (let i = 0; i < PAGE_LOOKUPS; i += 1) select.get([((i * 7919) % PAGE_ROWS) + 1]);
      });
      perPage[m]!.read.push((cpuMs() - readStart) / Math.max(1, read[0]!.read));
      reader.close();
    }
  }
  // The median round, as the case operations report their median run.
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return modes.flatMap((mode, m) => [
    pageRow(`write one 4 KiB page (${mode})`, median(perPage[m]!.write)),
    pageRow(`bulk append, diagnostic: write one 4 KiB page (${mode})`, median(perPage[m]!.append)),
    pageRow(`read one 4 KiB page cold (${mode})`, median(perPage[m]!.read)),
  ]);
}

/** About 1,500 leaf pages of 200-byte rows, and lookups scattered over them. */
const PAGE_ROWS = 30_000;
const PAGE_LOOKUPS = 3_000;
const PAGE_ROUNDS = 7;
/** About 45 pages a commit (table and index), a booking's size. */
const ROWS_PER_COMMIT = 16;
const PAGE_COMMITS = 40;

export function pageOverheadOf(rows: readonly ResultRow[]): PageOverhead {
  const cost = (operation: string) => {
    const row = rows.find((r) => r.operation === operation);
    if (!row) throw new Error(`The per-page measurement has no row "${operation}"`);
    return row.p50Ms;
  };
  return {
    write: cost('write one 4 KiB page (encrypted)') - cost('write one 4 KiB page (plain)'),
    coldRead:
      cost('read one 4 KiB page cold (encrypted)') - cost('read one 4 KiB page cold (plain)'),
  };
}

/** The median round is both p50 and p95, like a one-off measurement. */
const pageRow = (operation: string, ms: number): ResultRow => ({
  operation,
  size: '-',
  p50Ms: ms,
  p95Ms: ms,
  runs: PAGE_ROUNDS,
});
