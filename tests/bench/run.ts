// `npm run bench`: p50/p95 per operation and dataset size, and the encrypted/plain ratio.
// Prints a table and writes tests/bench/results.json (ignored by git) for comparison across commits.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { casesBench } from './suites/cases';
import { memorySecurityBench } from './suites/memory-security';
import { crudBench, pageCostBench, unlockBench, type SizeName } from './suites/foundation';
import type { ResultRow } from './stats';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, sizes: { type: 'string' } },
});
const sizes = (values.sizes?.split(',') ?? (values.quick ? ['S'] : ['S', 'M', 'L'])) as SizeName[];
const runs = values.quick ? 5 : 20;

const folder = mkdtempSync(join(tmpdir(), 'aruga-bench-'));
const rows: ResultRow[] = [];
try {
  rows.push(...(await unlockBench(folder, values.quick ? 3 : 10)));
  rows.push(...(await crudBench(folder, runs, sizes)));
  rows.push(...pageCostBench(folder));
  rows.push(...(await casesBench(folder, values.quick ? 20 : 100, sizes)));
  // Last: cipher_memory_security is process-wide and cannot be turned off again.
  rows.push(...(await memorySecurityBench(folder, runs, sizes, rows)));
} finally {
  rmSync(folder, { recursive: true, force: true });
}

// Per-page costs are a few hundredths of a millisecond: show them to the microsecond.
const fmt = (n: number | undefined) => (n === undefined ? '' : n.toFixed(n < 0.1 ? 3 : 2));
const table = rows.map((r) => ({
  operation: r.operation,
  size: r.size,
  'p50 ms': fmt(r.p50Ms),
  'p95 ms': fmt(r.p95Ms),
  'enc/plain': fmt(r.encryptedPlainRatio),
  target: r.target ?? '',
  ok: r.meetsTarget === undefined ? '' : r.meetsTarget ? 'yes' : 'NO',
}));
console.table(table);
const out = new URL('./results.json', import.meta.url);
writeFileSync(
  out,
  JSON.stringify(
    { at: new Date().toISOString(), node: process.version, quick: values.quick, rows },
    null,
    2,
  ),
);
console.log(`bench: ${rows.length} measurements written to tests/bench/results.json`);
