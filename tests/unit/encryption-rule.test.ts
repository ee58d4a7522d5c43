// How `npm run bench` judges an encrypted operation against the same workload on a plain database.
import { describe, expect, it } from 'vitest';
import { encryptionRows, type PageOverhead } from '../bench/encryption-rule';
import { measurePair, type PagesPerRun, type PairedSample } from '../bench/stats';

/** 20 µs more CPU a page written encrypted, 10 µs a page read cold. */
const PER_PAGE: PageOverhead = { write: 0.02, coldRead: 0.01 };

const sample = (cpuRuns: number[], wall = cpuRuns): PairedSample => {
  const sorted = [...wall].sort((a, b) => a - b);
  return {
    p50: sorted[Math.floor((sorted.length - 1) / 2)]!,
    p95: sorted.at(-1)!,
    runs: cpuRuns.length,
    cpuP50: [...cpuRuns].sort((a, b) => a - b)[Math.floor((cpuRuns.length - 1) / 2)]!,
    cpuRuns,
  };
};

const encryptedRow = (...args: Parameters<typeof encryptionRows>) => encryptionRows(...args)[0]!;

describe('the encryption rule', () => {
  it('prices each run by its own pages: reads in a minority of runs are paid for, not left out', () => {
    // Five bookings of 50 pages written; two also read 20 pages from the file. Each costs
    // exactly its pages' price, plus 10%.
    const pages: PagesPerRun[] = [0, 20, 0, 20, 0].map((read) => ({ read, written: 50 }));
    const plain = [2, 2, 2, 2, 2];
    const overhead = pages.map((p) => 1.1 * (p.read * 0.01 + p.written * 0.02));
    const encrypted = plain.map((ms, i) => ms + overhead[i]!);
    const row = encryptedRow('book', 'L', sample(encrypted), sample(plain), pages, PER_PAGE, false);
    expect(row).toMatchObject({ pagesRead: 0, pagesWritten: 50, meetsTarget: true });
    expect(row.target).toContain('within by');

    // Past +20% on every run: refused, and by how much.
    const over = plain.map((ms, i) => ms + (1.3 / 1.1) * overhead[i]!);
    const refused = encryptedRow('book', 'L', sample(over), sample(plain), pages, PER_PAGE, false);
    expect(refused.meetsTarget).toBe(false);
    expect(refused.target).toMatch(/over by 0\.1\d ms/);
  });

  it('pays each run for its own reads, even when the median pages read none', () => {
    // Runs 1 and 3 read 40 pages; every run costs its pages' price plus 10%. The median run on
    // both sides is run 1, a reading run (1.54 ms over plain), but the median pages are those of
    // a run that reads none: a budget from them (1.2 ms) would leave run 1's reads unpaid.
    const pages: PagesPerRun[] = [0, 40, 0, 40, 0].map((read) => ({ read, written: 50 }));
    const plain = [1, 2, 1.5, 2.5, 3];
    const encrypted = plain.map((ms, i) => ms + 1.1 * (pages[i]!.read * 0.01 + 1));
    const row = encryptedRow('book', 'L', sample(encrypted), sample(plain), pages, PER_PAGE, false);
    expect(row.meetsTarget).toBe(true);
  });

  it('judges by the median run, so one slow run (a checkpoint, a pause) decides nothing', () => {
    const pages: PagesPerRun[] = Array.from({ length: 5 }, () => ({ read: 0, written: 50 }));
    const plain = [2, 2, 2, 2, 2];
    const encrypted = [3, 3, 3, 9, 3];
    const row = encryptedRow('book', 'L', sample(encrypted), sample(plain), pages, PER_PAGE, false);
    expect(row.meetsTarget).toBe(true);
  });

  it('a warm read that touches no file page keeps within 1.3 × plain, in wall time', () => {
    const pages: PagesPerRun[] = Array.from({ length: 3 }, () => ({ read: 0, written: 0 }));
    const plain = sample([1, 1, 1]);
    const within = encryptedRow(
      'search',
      'L',
      sample([1.3, 1.3, 1.3]),
      plain,
      pages,
      PER_PAGE,
      true,
    );
    expect(within).toMatchObject({ target: 'ratio ≤ 1.3', meetsTarget: true });
    const beyond = encryptedRow(
      'search',
      'L',
      sample([1.31, 1.31, 1.31]),
      plain,
      pages,
      PER_PAGE,
      true,
    );
    expect(beyond.meetsTarget).toBe(false);
  });

  it('a warm read that reads pages may add 0.3 × plain for what the cache served, and its pages', () => {
    const pages: PagesPerRun[] = Array.from({ length: 3 }, () => ({ read: 10, written: 0 }));
    const plain = [1, 1, 1];
    // 0.3 × 1 + 1.2 × 10 × 0.01 = 0.42 ms allowed.
    const within = sample([1.41, 1.41, 1.41]);
    expect(
      encryptedRow('case file', 'L', within, sample(plain), pages, PER_PAGE, true).meetsTarget,
    ).toBe(true);
    const beyond = sample([1.43, 1.43, 1.43]);
    expect(
      encryptedRow('case file', 'L', beyond, sample(plain), pages, PER_PAGE, true).meetsTarget,
    ).toBe(false);
    // Read cold, the same time is far beyond its pages alone (0.12 ms).
    expect(
      encryptedRow('case file', 'L', within, sample(plain), pages, PER_PAGE, false).meetsTarget,
    ).toBe(false);
  });

  it('holds the p95 target as well, and refuses pages that do not match the runs', () => {
    const pages: PagesPerRun[] = Array.from({ length: 3 }, () => ({ read: 0, written: 0 }));
    const row = encryptedRow(
      'week',
      'L',
      sample([31, 31, 31]),
      sample([30, 30, 30]),
      pages,
      PER_PAGE,
      true,
      30,
    );
    expect(row).toMatchObject({ meetsTarget: false });
    expect(row.target).toMatch(/^p95 < 30 ms, ratio ≤ 1\.3$/);
    const written = [{ read: 0, written: 5 }];
    expect(() =>
      encryptedRow('book', 'L', sample([1, 1]), sample([1, 1]), written, PER_PAGE, false),
    ).toThrow(/1 runs' pages for 2 runs/);
  });
});

describe('the encrypted and plain runs of an operation', () => {
  it('take turns at going first, so what the first run leaves for the second favours neither side', async () => {
    const order: string[] = [];
    const [a, b] = await measurePair(
      4,
      (i) => order.push(`a${i}`),
      (i) => order.push(`b${i}`),
      [(i) => order.push(`before a${i}`), (i) => order.push(`before b${i}`)],
    );
    // Three untimed warm-up runs a side, then the pairs.
    expect(order.slice(6)).toEqual([
      ...['before a0', 'a0', 'before b0', 'b0'],
      ...['before b1', 'b1', 'before a1', 'a1'],
      ...['before a2', 'a2', 'before b2', 'b2'],
      ...['before b3', 'b3', 'before a3', 'a3'],
    ]);
    // One timed run a side for each pair.
    expect(a.cpuRuns).toHaveLength(4);
    expect(b.cpuRuns).toHaveLength(4);
  });
});
