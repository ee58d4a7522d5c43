// Timing helpers for `npm run bench`: wall-clock percentiles over repeated runs, and pages counted.
import { existsSync, readFileSync } from 'node:fs';

export interface Sample {
  p50: number;
  p95: number;
  runs: number;
}

/** One side of measurePair: wall time, and CPU time (cpuMs) per run in the order run. */
export interface PairedSample extends Sample {
  cpuP50: number;
  cpuRuns: number[];
}

/**
 * CPU time this process has used, in ms (user and system; getrusage counts it to the nanosecond).
 * Unlike the wall clock it leaves out waiting: for a commit's fsync to reach the disk, and for a
 * core while other processes run. SQLite and its cipher run on the calling thread, so this is
 * their work, with whatever V8's helper threads did meanwhile.
 */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The upper median: the middle value, or the higher of the two middle ones. */
export function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed. */
export async function measure(
  runs: number,
  fn: (i: number) => unknown,
  warmup = Math.min(3, runs),
): Promise<Sample> {
  for (let i = 0; i < warmup; i += 1) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs };
}

/**
 * Times two variants of one operation (encrypted and plain) run by run: run i of one, then run i of
 * the other. Run i of each does the same work, and the encryption rule compares them run by run,
 * so the two runs of a pair should meet the same machine: the same load, the same point in the
 * garbage collector's cycle. In blocks of a hundred runs a side, a block's drift (±1 ms a booking,
 * block to block) fell whole on one side and set the rule's verdict.
 * The pairs take turns at going first (a, b; then b, a), because the first of a pair pays for what
 * the process then remembers for the second: a booking's new dates' time-zone offsets, looked up
 * once and kept, were 0.1–0.3 ms of every encrypted booking when the encrypted side always went first.
 * `before[k](i)`, when given, runs untimed just before each timed run `i` of variant `k`.
 */
export async function measurePair(
  runs: number,
  a: (i: number) => unknown,
  b: (i: number) => unknown,
  before?: readonly [(i: number) => unknown, (i: number) => unknown],
): Promise<[PairedSample, PairedSample]> {
  const times: [number[], number[]] = [[], []];
  const cpu: [number[], number[]] = [[], []];
  const fns = [a, b] as const;
  for (const fn of fns) for (let i = 0; i < Math.min(3, runs); i += 1) await fn(i);
  for (let i = 0; i < runs; i += 1) {
    for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const fn = fns[k]!;
      await before?.[k]!(i);
      const start = performance.now();
      const startCpu = cpuMs();
      await fn(i);
      cpu[k]!.push(cpuMs() - startCpu);
      times[k]!.push(performance.now() - start);
    }
  }
  const sorted = (xs: readonly number[]) => [...xs].sort((x, y) => x - y);
  return times.map((t, k) => {
    const wall = sorted(t);
    return {
      p50: percentile(wall, 50),
      p95: percentile(wall, 95),
      runs: t.length,
      cpuP50: percentile(sorted(cpu[k]!), 50),
      cpuRuns: cpu[k]!,
    };
  }) as [PairedSample, PairedSample];
}

export interface ResultRow {
  operation: string;
  size: string;
  p50Ms: number;
  p95Ms: number;
  runs: number;
  /** The median run's CPU time, where the per-page rule compares in it (encryption-rule.ts). */
  cpuP50Ms?: number;
  /** Encrypted p50 ÷ plain p50 on the same workload, where both were run. */
  encryptedPlainRatio?: number;
  /** Pages one run read from the database files and appended to the WAL (medians), if counted. */
  pagesRead?: number;
  pagesWritten?: number;
  /** The target for p95 (ms) or ratio, when it sets one. */
  target?: string;
  meetsTarget?: boolean;
}

/** Pages one run read from the database files, and pages it appended to the WAL. */
export interface PagesPerRun {
  read: number;
  written: number;
}

/** Linux counts each process's system-call bytes; elsewhere pages are not counted (shown as 0). */
const IO_COUNTERS = '/proc/self/io';
const canCountPages = existsSync(IO_COUNTERS);

/** Bytes this process has read and written through system calls. */
function ioBytes(): { read: number; written: number } {
  if (!canCountPages) return { read: 0, written: 0 };
  const io = readFileSync(IO_COUNTERS, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(io)?.[1]);
  return { read: field('rchar'), written: field('wchar') };
}

const PAGE_BYTES = 4096;
/** A WAL frame: a 24-byte header and the page. */
const WAL_FRAME_BYTES = PAGE_BYTES + 24;

/**
 * Runs `run`, adding the pages it read from the files and appended to the WAL to `into`. SQLite
 * reads and writes a page per system call, so the bytes count the pages.
 */
export function countingPages<T>(into: PagesPerRun[], run: () => T): T {
  const before = ioBytes();
  const result = run();
  const after = ioBytes();
  into.push({
    read: Math.round((after.read - before.read) / PAGE_BYTES),
    written: Math.round((after.written - before.written) / WAL_FRAME_BYTES),
  });
  return result;
}

/**
 * `--only a,b`: whether the operation `name` is one the run asked for (its name holds one of the
 * comma-separated texts), so one generated dataset serves several rows.
 */
export function selects(only: string | undefined, name: string): boolean {
  return !only || only.split(',').some((text) => name.includes(text.trim()));
}
