// The cost of SQLCipher's cipher_memory_security (every allocation wiped when freed, so freed
// pages of decrypted case data do not linger in the process). It is process-wide and cannot be
// turned off again, so this suite runs last and compares with the rows measured before it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '@signalapp/sqlcipher';
import type { ResultRow } from '../stats';
import { crudBench, pageCostBench, type SizeName } from './foundation';
import { PER_PAGE_MARGIN, RATIO_TARGET } from '../encryption-rule';
import { PageCostSampler } from '../page-cost';

const SUFFIX = ' + memory security';

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
  // Priced as the baseline was, between its own runs, with memory security on as for the rest.
  const pageCost = new PageCostSampler(dir);
  const rows = [...(await crudBench(dir, runs, sizes, pageCost)), ...pageCostBench(dir)];
  pageCost.close();
  const measured = rows.filter(
    (r) => !r.operation.includes('plain') && !r.operation.includes('diagnostic'),
  );
  const base = (operation: string, size: string) =>
    baseline.find((r) => r.operation === operation && r.size === size);
  // The vault runs with it off, so these rows say what turning it on would cost, and whether
  // the encryption rule would still hold, without a pass or fail of their own.
  return measured.map((row) => {
    const out: ResultRow = { ...row, operation: `${row.operation}${SUFFIX}` };
    delete out.encryptedPlainRatio;
    delete out.meetsTarget;
    delete out.target;
    if (row.operation.startsWith('select 100 by index')) {
      const plain = base('select 100 by index (plain)', row.size);
      if (plain) {
        out.encryptedPlainRatio = row.p50Ms / plain.p50Ms;
        out.target = `off in the vault; on, cached reads ${out.encryptedPlainRatio <= RATIO_TARGET ? 'would' : 'would not'} keep ratio ≤ ${RATIO_TARGET}`;
      }
    } else {
      const before = base(row.operation, row.size);
      if (before) {
        const times = row.p50Ms / before.p50Ms;
        out.target = `off in the vault; on, ${times.toFixed(2)} × without (${before.p50Ms.toFixed(3)} ms), ${times <= PER_PAGE_MARGIN ? 'within' : 'beyond'} the +${Math.round((PER_PAGE_MARGIN - 1) * 100)}% allowed`;
      }
    }
    return out;
  });
}
