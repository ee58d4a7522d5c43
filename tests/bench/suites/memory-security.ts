// The cost of SQLCipher's cipher_memory_security (every allocation wiped when freed, so freed
// pages of decrypted case data do not linger in the process). It is process-wide and cannot be
// turned off again, so this suite runs last and compares with the rows measured before it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '@signalapp/sqlcipher';
import type { ResultRow } from '../stats';
import { crudBench, pageCostBench, type SizeName } from './foundation';

const SUFFIX = ' + memory security';
/** Reads served from the page cache: within this of plain. */
const CACHED_READ_RATIO = 1.3;
/** Writes and cold reads: within the measured per-page cost, plus this margin. */
const PER_PAGE_MARGIN = 1.2;

export async function memorySecurityBench(
  folder: string,
  runs: number,
  sizes: SizeName[],
  baseline: readonly ResultRow[],
): Promise<ResultRow[]> {
  const probe = new Database(':memory:');
  probe.pragma(`key = "x'${'00'.repeat(32)}'"`);
  probe.pragma('cipher_memory_security = ON');
  probe.close();
  const dir = join(folder, 'memory-security');
  mkdirSync(dir, { recursive: true });
  const measured = [...(await crudBench(dir, runs, sizes)), ...pageCostBench(dir)].filter(
    (r) => !r.operation.includes('plain') && !r.operation.includes('diagnostic'),
  );
  const base = (operation: string, size: string) =>
    baseline.find((r) => r.operation === operation && r.size === size);
  return measured.map((row) => {
    const out: ResultRow = { ...row, operation: `${row.operation}${SUFFIX}` };
    delete out.encryptedPlainRatio;
    if (row.operation.startsWith('select 100 by index')) {
      const plain = base('select 100 by index (plain)', row.size);
      if (plain) {
        out.encryptedPlainRatio = row.p50Ms / plain.p50Ms;
        out.target = `cached reads: ratio ≤ ${CACHED_READ_RATIO} vs plain`;
        out.meetsTarget = out.encryptedPlainRatio <= CACHED_READ_RATIO;
      }
    } else {
      const before = base(row.operation, row.size);
      if (before) {
        out.target = `≤ ${PER_PAGE_MARGIN} × without (${before.p50Ms.toFixed(3)} ms)`;
        out.meetsTarget = row.p50Ms <= before.p50Ms * PER_PAGE_MARGIN;
      }
    }
    return out;
  });
}
