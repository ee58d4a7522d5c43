// `npm run bench`: p50/p95 per operation and dataset size, and the encrypted/plain ratio.
// `npm run bench -- --only therapy[,case file]`: only the operations whose name holds one of them.
// `npm run bench -- --ui [--size L] [--runs 10] [--only "case file"] [--data dir]`: the screens in
// Chromium instead (tests/bench/ui.ts); `--data` keeps the demo vault it builds in `dir` for the
// next run.
// `npm run bench -- --backup [--size L]`: backup, check, restore and key-rotation times, and the round trip;
// a plain run puts the backup and restore times at every size in its table too.
// `npm run bench -- --crash [--trials 1000] [--seed n]`: the crash test (tests/crash) many times;
// prints kills, corruptions and lost writes, and exits non-zero if any write was lost or damaged.
// `npm run bench -- --sync [--size L] [--runs 10] [--only export,import,join,Syncthing]`: only the
// sync rows: export and import of 10,000 changes (a plain run has these too), a join at --size
// (join-file size, code to usable vault) and one change's journey through two local Syncthing
// instances (skipped, saying why, without syncthing).
// Prints a table and writes tests/bench/results.json (ignored by git) for comparison across commits;
// a UI run replaces only the UI rows of its size there.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { casesBench } from './suites/cases';
import { memorySecurityBench } from './suites/memory-security';
import { crudBench, pageCostBench, unlockBench, type SizeName } from './suites/foundation';
import { PageCostSampler } from './page-cost';
import { selects, type ResultRow } from './stats';
import { uiBench } from './ui';
import { runCrashTest } from '../crash/crash-test';
import { BACKUP_OPERATIONS, backupBench, backupRows } from './suites/backup';
import { isSizeName } from '../../electron/backend/demo/sizes';
import { syncBench } from './suites/sync';
import { joinBench } from './suites/sync-join';
import { syncthingBench } from './suites/sync-syncthing';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    ui: { type: 'boolean', default: false },
    size: { type: 'string', default: 'L' },
    runs: { type: 'string', default: '10' },
    crash: { type: 'boolean', default: false },
    backup: { type: 'boolean', default: false },
    sync: { type: 'boolean', default: false },
    trials: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '2026' },
    only: { type: 'string' },
    data: { type: 'string' },
  },
});

if (values.backup) {
  const size = values.size.toUpperCase();
  if (!isSizeName(size)) throw new Error(`Unknown --size ${values.size}: use S, M or L.`);
  const folder = mkdtempSync(join(tmpdir(), 'aruga-backup-'));
  try {
    const figures = await backupBench(folder, size);
    console.table([
      {
        ...figures,
        MB: (figures.bytes / 2 ** 20).toFixed(1),
        backupMs: Math.round(figures.backupMs),
        checkMs: Math.round(figures.checkMs),
        restoreMs: Math.round(figures.restoreMs),
        rotateMs: Math.round(figures.rotateMs),
      },
    ]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  process.exit(0);
}

if (values.crash) {
  const folder = mkdtempSync(join(tmpdir(), 'aruga-crash-'));
  let failed = true;
  try {
    const started = Date.now();
    const report = await runCrashTest({
      trials: Math.max(1, Number(values.trials) || 1000),
      seed: Number(values.seed) || 2026,
      folder,
      onTrial: (i, r) => {
        if ((i + 1) % 50 === 0)
          console.log(`${i + 1} trials: ${r.corruptions} corrupt, ${r.lostWrites} lost`);
      },
    });
    const { failures, ...figures } = report;
    console.table([{ ...figures, seconds: Math.round((Date.now() - started) / 1000) }]);
    for (const failure of failures.slice(0, 20)) console.log(failure);
    failed = report.corruptions + report.lostWrites + failures.length > 0;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}
const sizes = (values.sizes?.split(',') ?? (values.quick ? ['S'] : ['S', 'M', 'L'])) as SizeName[];
const runs = values.quick ? 5 : 20;

const out = new URL('./results.json', import.meta.url);
const rows: ResultRow[] = [];
let previous: ResultRow[] = [];
// `npm run mutation` keeps its scores in the same file: a bench run leaves them as they were.
const mutation = existsSync(out)
  ? (JSON.parse(readFileSync(out, 'utf8')) as { mutation?: unknown }).mutation
  : undefined;
if (values.ui) {
  const size = values.size.toUpperCase();
  if (!isSizeName(size)) throw new Error(`Unknown --size ${values.size}: use S, M or L.`);
  rows.push(
    ...(await uiBench(size, Math.max(1, Number(values.runs) || 10), values.only, values.data)),
  );
  if (existsSync(out)) {
    const old = JSON.parse(readFileSync(out, 'utf8')) as { rows: ResultRow[] };
    const measured = new Set(rows.map((r) => r.operation));
    previous = old.rows.filter(
      (r) =>
        !(r.operation.startsWith('ui: ') && r.size === size) ||
        (values.only !== undefined && !measured.has(r.operation)),
    );
  }
} else if (values.sync) {
  const size = values.size.toUpperCase();
  if (!isSizeName(size)) throw new Error(`Unknown --size ${values.size}: use S, M or L.`);
  const syncRuns = Math.max(1, Number(values.runs) || 10);
  const folder = mkdtempSync(join(tmpdir(), 'aruga-sync-'));
  try {
    if (selects(values.only, 'export') || selects(values.only, 'import'))
      rows.push(...(await syncBench(folder, syncRuns)));
    if (selects(values.only, 'join')) rows.push(...(await joinBench(folder, size)));
    if (selects(values.only, 'Syncthing')) rows.push(...(await syncthingBench(folder, syncRuns)));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  if (existsSync(out)) {
    const old = JSON.parse(readFileSync(out, 'utf8')) as { rows: ResultRow[] };
    // Only the rows this run measured are replaced.
    const measured = new Set(rows.map((r) => `${r.operation} ${r.size}`));
    previous = old.rows.filter((r) => !measured.has(`${r.operation} ${r.size}`));
  }
} else {
  const folder = mkdtempSync(join(tmpdir(), 'aruga-bench-'));
  try {
    rows.push(...(await unlockBench(folder, values.quick ? 3 : 10)));
    const pageCost = new PageCostSampler(folder);
    rows.push(...(await crudBench(folder, runs, sizes, pageCost)));
    pageCost.close();
    rows.push(...pageCostBench(folder));
    rows.push(...(await casesBench(folder, values.quick ? 20 : 100, sizes, values.only)));
    if (Object.values(BACKUP_OPERATIONS).some((name) => selects(values.only, name)))
      rows.push(...(await backupRows(folder, sizes)));
    if (!values.only) rows.push(...(await syncBench(folder, values.quick ? 3 : 5)));
    // Last: cipher_memory_security is process-wide and cannot be turned off again.
    rows.push(...(await memorySecurityBench(folder, runs, sizes, rows)));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// Per-page costs are a few hundredths of a millisecond: show them to the microsecond.
const fmt = (n: number | undefined) => (n === undefined ? '' : n.toFixed(n < 0.1 ? 3 : 2));
const table = rows.map((r) => ({
  operation: r.operation,
  size: r.size,
  'p50 ms': fmt(r.p50Ms),
  'p95 ms': fmt(r.p95Ms),
  'enc/plain': fmt(r.encryptedPlainRatio),
  'pages r/w': r.pagesRead === undefined ? '' : `${r.pagesRead}/${r.pagesWritten}`,
  target: r.target ?? '',
  ok: r.meetsTarget === undefined ? '' : r.meetsTarget ? 'yes' : 'NO',
}));
console.table(table);
writeFileSync(
  out,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      node: process.version,
      quick: values.quick,
      rows: [...previous, ...rows],
      ...(mutation === undefined ? {} : { mutation }),
    },
    null,
    2,
  ),
);
console.log(`bench: ${rows.length} measurements written to tests/bench/results.json`);
