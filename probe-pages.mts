// Per-page cipher cost by transaction size: CPU overhead (encrypted − plain) per WAL frame written.
import { Database } from '@signalapp/sqlcipher';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const dir = mkdtempSync(join(tmpdir(), 'pp-'));
const sync = process.argv[2] ?? 'FULL';
const io = () => { const s = readFileSync('/proc/self/io', 'utf8'); return Number(/^wchar: (\d+)$/m.exec(s)![1]); };
const ior = () => { const s = readFileSync('/proc/self/io', 'utf8'); return Number(/^rchar: (\d+)$/m.exec(s)![1]); };
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const open = (mode: string) => {
  const p = join(dir, `${mode}.db`);
  rmSync(p, { force: true });
  const db = new Database(p);
  if (mode === 'enc') db.pragma(`key = "x'${randomBytes(32).toString('hex')}'"`);
  db.pragma('journal_mode = WAL'); db.pragma(`synchronous = ${sync}`); db.pragma('secure_delete = ON');
  db.pragma('cache_size = -65536');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, code TEXT, body TEXT, n INT)');
  db.exec('CREATE INDEX t_code ON t(code)');
  const ins = db.prepare('INSERT INTO t VALUES (?,?,?,?)');
  db.transaction(() => { for (let i = 0; i < 60000; i++) ins.run([randomUUID(), randomUUID(), 'fictional '.repeat(20), i]); })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { db, ins };
};
const dbs = { enc: open('enc'), pla: open('pla') };
const body = 'fictional '.repeat(20);
const sizes = [1, 2, 4, 8, 16, 64, 256, 1024]; const reads: number[] = [];
const res: Record<string, { cpu: number[]; pages: number[] }> = {};
for (let round = 0; round < Number(process.argv[3] ?? 100); round++) {
  for (const k of sizes) for (const m of ['enc', 'pla'] as const) {
    const { db, ins } = dbs[m];
    const w0 = io(), r0 = ior(), c0 = cpu();
    db.transaction(() => { for (let i = 0; i < k; i++) ins.run([randomUUID(), randomUUID(), body, i]); })();
    const c = cpu() - c0, w = (io() - w0) / 4120; reads.push((ior()-r0)/4096);
    (res[`${m}${k}`] ??= { cpu: [], pages: [] }).cpu.push(c); res[`${m}${k}`].pages.push(w);
    if (round % 10 === 9) db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const k of sizes) {
  const e = res[`enc${k}`], p = res[`pla${k}`];
  const over = med(e.cpu) - med(p.cpu); const pg = med(e.pages);
  console.log(`rows ${k}: pages enc ${pg.toFixed(1)} pla ${med(p.pages).toFixed(1)}; cpu enc ${med(e.cpu).toFixed(3)} pla ${med(p.cpu).toFixed(3)} ms; overhead ${over.toFixed(3)} ms = ${(over / pg * 1000).toFixed(1)} µs/page`);
}
console.log('reads per txn median', med(reads), 'max', Math.max(...reads));
// bulk: one 30k-row sequential transaction, sync OFF, as pageCostBench
for (const m of ['enc','pla'] as const) { const {db} = dbs[m]; db.exec('CREATE TABLE b (id INTEGER PRIMARY KEY, body TEXT)'); }
const bulk: Record<string, number[]> = {enc: [], pla: []};
for (let r = 0; r < 7; r++) for (const m of ['enc','pla'] as const) { const {db} = dbs[m]; db.exec('DELETE FROM b'); db.pragma('wal_checkpoint(TRUNCATE)'); const bi = db.prepare('INSERT INTO b (body) VALUES (?)'); const w0 = io(), c0 = cpu(); db.transaction(() => { for (let i = 0; i < 30000; i++) bi.run([body]); })(); bulk[m].push((cpu()-c0)/((io()-w0)/4120)); db.pragma('wal_checkpoint(TRUNCATE)'); }
console.log(`bulk per page: enc ${(med(bulk.enc)*1000).toFixed(1)} pla ${(med(bulk.pla)*1000).toFixed(1)} µs; overhead ${((med(bulk.enc)-med(bulk.pla))*1000).toFixed(1)} µs/page`);
rmSync(dir, { recursive: true, force: true });
