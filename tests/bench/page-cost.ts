// What one 4 KiB page costs to write and to read cold, plain and encrypted: the files it is
// measured on, and the sampler that measures it between an operation's own runs.
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '@signalapp/sqlcipher';
import { openDatabase, openPlainDatabaseForBenchmark } from '../../electron/backend/db/sqlcipher';
import { newDataKey } from '../../electron/backend/vault/crypto';
import { countingPages, cpuMs, median, type PagesPerRun } from './stats';
import type { PageOverhead } from './encryption-rule';

export type PageMode = 'plain' | 'encrypted' | 'encrypted without HMAC, diagnostic';

/** About 1,500 leaf pages of 200-byte rows, and lookups scattered over them. */
const PAGE_ROWS = 30_000;
/** About 45 pages a commit (table and index), a booking's size. */
const ROWS_PER_COMMIT = 16;

/** CPU time (ms) per page of one measured call. */
export interface PageCost {
  ms: number;
  pages: number;
}

/**
 * A small database on the vault's connection settings (synchronous FULL, WAL, secure delete),
 * plain or encrypted: an indexed table written as the app writes (rows at scattered keys, a few
 * dozen pages a commit) and a table read by random look-ups in a B-tree on a connection whose
 * page cache holds 8 pages, so each look-up reads its pages from the file (the OS cache warm).
 * Pages are counted from the process's system-call bytes, as the operations count theirs.
 */
export class PageFile {
  private readonly db: Database;
  private reader: Database | undefined;
  private readonly insert;
  private readonly body = randomBytes(150).toString('base64');
  private readonly open: () => Database;

  constructor(path: string, mode: PageMode) {
    const dataKey = newDataKey();
    this.open = () => {
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
    this.db = this.open();
    // The commits would otherwise checkpoint inside a timed call now and then: a raw copy of
    // frames into the database file, no cipher work, whose bytes count each page twice.
    this.db.pragma('wal_autocheckpoint = 0');
    this.db.exec(
      'CREATE TABLE pages (id TEXT PRIMARY KEY, code TEXT NOT NULL, body TEXT NOT NULL)',
    );
    this.db.exec('CREATE INDEX pages_code ON pages(code)');
    this.db.exec('CREATE TABLE appended (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    this.insert = this.db.prepare('INSERT INTO pages VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (let i = 0; i < PAGE_ROWS; i += 1) this.insert.run(this.row());
    })();
    this.checkpoint();
  }

  private row(): string[] {
    return [randomUUID(), randomUUID(), this.body];
  }

  /** One commit of ROWS_PER_COMMIT rows at scattered keys. */
  commit(): PageCost {
    const written: PagesPerRun[] = [];
    const start = cpuMs();
    countingPages(written, () =>
      this.db.transaction(() => {
        for (let i = 0; i < ROWS_PER_COMMIT; i += 1) this.insert.run(this.row());
      })(),
    );
    return { ms: cpuMs() - start, pages: written[0]!.written };
  }

  /** One bulk append of PAGE_ROWS rows to fresh pages, the best case (a diagnostic). */
  append(): PageCost {
    const append = this.db.prepare('INSERT INTO appended (body) VALUES (?)');
    const appended: PagesPerRun[] = [];
    const start = cpuMs();
    countingPages(appended, () =>
      this.db.transaction(() => {
        for (let i = 0; i < PAGE_ROWS; i += 1) append.run([this.body]);
      })(),
    );
    return { ms: cpuMs() - start, pages: appended[0]!.written };
  }

  /** `count` look-ups scattered over the appended rows, each reading its pages from the file. */
  lookups(count: number, from = 0): PageCost {
    if (!this.reader) {
      this.checkpoint();
      this.reader = this.open();
      this.reader.pragma('cache_size = 8');
    }
    const select = this.reader.prepare('SELECT body FROM appended WHERE id = ?');
    const read: PagesPerRun[] = [];
    const start = cpuMs();
    countingPages(read, () => {
      for (let i = from; i < from + count; i += 1) select.get([((i * 7919) % PAGE_ROWS) + 1]);
    });
    return { ms: cpuMs() - start, pages: read[0]!.read };
  }

  /** Untimed: copies the WAL into the file and empties it. */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.reader?.close();
    this.db.close();
  }
}

/** CPU time per page over one or more calls: their time ÷ their pages. */
export function perPage(...costs: PageCost[]): number {
  const sum = (field: keyof PageCost) => costs.reduce((total, cost) => total + cost[field], 0);
  return sum('ms') / Math.max(1, sum('pages'));
}

/**
 * SQLCipher's per-page overhead, measured between an operation's own runs: each `step` writes one
 * commit and makes LOOKUPS_PER_STEP cold look-ups on a plain and an encrypted PageFile, one after
 * the other, so the price is set under the same load, in the same stretch of the garbage collector's
 * cycle and the same process state as the runs it prices. Measured once per dataset size, minutes
 * from the operations, the price moved from +15 to +30 µs a page written between runs on a quiet
 * machine, more than the 20% the rule allows.
 */
export class PageCostSampler {
  private readonly files: [PageFile, PageFile];
  private write: [number[], number[]] = [[], []];
  private read: [number[], number[]] = [[], []];
  private commits = 0;

  constructor(folder: string) {
    this.files = [
      new PageFile(join(folder, 'page-cost-plain.db'), 'plain'),
      new PageFile(join(folder, 'page-cost-encrypted.db'), 'encrypted'),
    ];
    // The rows the look-ups read.
    for (const file of this.files) file.append();
  }

  /** Starts a new price: the next `overhead` is from the steps after this. */
  reset(): void {
    this.write = [[], []];
    this.read = [[], []];
  }

  step(): void {
    for (const [k, file] of this.files.entries()) {
      this.write[k]!.push(perPage(file.commit()));
      this.read[k]!.push(perPage(file.lookups(LOOKUPS_PER_STEP, this.commits * LOOKUPS_PER_STEP)));
    }
    this.commits += 1;
    // Untimed, as the per-page rounds do, so the WAL stays small.
    if (this.commits % 40 === 0) for (const file of this.files) file.checkpoint();
  }

  /** Encrypted − plain, per page: the median step's of each side. */
  overhead(): PageOverhead {
    if (this.write[0].length === 0) throw new Error('The per-page cost has no steps to price with');
    return {
      write: median(this.write[1]) - median(this.write[0]),
      coldRead: median(this.read[1]) - median(this.read[0]),
    };
  }

  close(): void {
    for (const file of this.files) file.close();
  }
}

/** Look-ups per step: a few dozen pages read cold, about as long as a commit takes. */
const LOOKUPS_PER_STEP = 20;
