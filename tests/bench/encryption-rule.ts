// The rule every encrypted operation is judged by, against the same workload on a plain database:
// reads served from the page cache stay within RATIO_TARGET of plain; writes and cold reads cost
// no more than their pages × SQLCipher's measured per-page cost, plus PER_PAGE_MARGIN.
import { median, percentile, type PairedSample, type PagesPerRun, type ResultRow } from './stats';

/** Reads served from the page cache: encrypted p50 within this of plain. */
export const RATIO_TARGET = 1.3;
/** Writes and cold reads: overhead within the pages touched × the per-page overhead, plus this. */
export const PER_PAGE_MARGIN = 1.2;

/** The extra CPU cost (ms) of one encrypted 4 KiB page over a plain one, written and read cold. */
export interface PageOverhead {
  write: number;
  coldRead: number;
}

/** The median run's pages, for the table. */
export function medianPages(runs: readonly PagesPerRun[]): PagesPerRun {
  return { read: median(runs.map((r) => r.read)), written: median(runs.map((r) => r.written)) };
}

/**
 * The encrypted and plain rows of one operation. `pages` are the encrypted side's timed runs, in
 * the order measurePair ran them; run i of each side did the same work (the same child, week or
 * booking), so the two are compared run by run.
 *
 * An operation whose median run touches no file page is a cached read: encrypted p50 ≤
 * RATIO_TARGET × plain p50, in wall time. Any other is priced: each run's CPU overhead (encrypted
 * − plain, CPU time, the unit the per-page cost is measured in) may be its own pages' cost plus
 * PER_PAGE_MARGIN (and, for a warm read, RATIO_TARGET − 1 of plain for what the page cache
 * served), and the median run must be within. Each run is priced by its own pages because the
 * pages vary from run to run: 4 in 10 bookings at L read a few index pages from the file and most
 * do not, so the median run reads none, yet the reading runs raise the median CPU time; a budget
 * from the median pages set against the median time left those reads unpriced.
 *
 * A commit waits for its fsync (synchronous = FULL, both sides), and that wait is milliseconds set
 * by the disk and by other processes' I/O, not by the cipher: in wall time the difference of two
 * medians of it swamped the booking's 0.8 ms of encryption. p50 and p95 stay wall time, the fsync
 * included, since that is what a user waits for.
 */
export function encryptionRows(
  operation: string,
  size: string,
  encrypted: PairedSample,
  plain: PairedSample,
  pages: readonly PagesPerRun[],
  perPage: PageOverhead,
  warm: boolean,
  targetMs?: number,
): ResultRow[] {
  const typical = medianPages([...pages]);
  const priced = typical.read + typical.written > 0;
  const withinP95 = targetMs === undefined || encrypted.p95 < targetMs;
  const p95Target = targetMs === undefined ? '' : `p95 < ${targetMs} ms, `;
  let rule: string;
  let withinRule: boolean;
  if (priced) {
    if (encrypted.cpuRuns.length !== pages.length || plain.cpuRuns.length !== pages.length)
      throw new Error(`${operation}: ${pages.length} runs' pages for ${encrypted.runs} runs`);
    const excess = pages.map((p, i) => {
      const overhead = encrypted.cpuRuns[i]! - plain.cpuRuns[i]!;
      const cached = warm && p.written === 0 ? (RATIO_TARGET - 1) * plain.cpuRuns[i]! : 0;
      const paged = PER_PAGE_MARGIN * (p.read * perPage.coldRead + p.written * perPage.write);
      return overhead - cached - paged;
    });
    const typicalExcess = percentile(
      excess.sort((a, b) => a - b),
      50,
    );
    withinRule = typicalExcess <= 0;
    const µs = (ms: number) => `+${(ms * 1000).toFixed(1)} µs`;
    rule =
      `CPU overhead ≤ pages × per-page cost (${µs(perPage.write)} written, ` +
      `${µs(perPage.coldRead)} read) + ${Math.round((PER_PAGE_MARGIN - 1) * 100)}%` +
      `${warm && typical.written === 0 ? ` + ${(RATIO_TARGET - 1).toFixed(1)} × plain` : ''}, run by run: median run ` +
      `${withinRule ? 'within by' : 'over by'} ${Math.abs(typicalExcess).toFixed(2)} ms`;
  } else {
    withinRule = encrypted.p50 / plain.p50 <= RATIO_TARGET;
    rule = `ratio ≤ ${RATIO_TARGET}`;
  }
  return [
    {
      operation: `${operation} (encrypted)`,
      size,
      p50Ms: encrypted.p50,
      p95Ms: encrypted.p95,
      runs: encrypted.runs,
      ...(priced ? { cpuP50Ms: encrypted.cpuP50 } : {}),
      encryptedPlainRatio: encrypted.p50 / plain.p50,
      pagesRead: typical.read,
      pagesWritten: typical.written,
      target: `${p95Target}${rule}`,
      meetsTarget: withinRule && withinP95,
    },
    {
      operation: `${operation} (plain)`,
      size,
      p50Ms: plain.p50,
      p95Ms: plain.p95,
      runs: plain.runs,
      ...(priced ? { cpuP50Ms: plain.cpuP50 } : {}),
    },
  ];
}
