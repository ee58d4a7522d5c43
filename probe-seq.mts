import { Database } from '@signalapp/sqlcipher';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
const dir = mkdtempSync(join(tmpdir(), 'ps-'));
const io = () => Number(/^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))![1]);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const body = 'fictional '.repeat(20);
const open = (m: string) => { const db = new Database(join(dir, m)); if (m === 'enc') db.pragma(`key = "x'${randomBytes(32).toString('hex')}'"`);
  db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL'); db.pragma('cache_size = -65536');
  db.exec('CREATE TABLE s (id INTEGER PRIMARY KEY, body TEXT)'); db.exec('CREATE TABLE r (id TEXT PRIMARY KEY, body TEXT)');
  const s = db.prepare('INSERT INTO s (body) VALUES (?)'), r = db.prepare('INSERT INTO r VALUES (?,?)');
  db.transaction(() => { for (let i = 0; i < 60000; i++) { s.run([body]); r.run([randomUUID(), body]); } })(); db.pragma('wal_checkpoint(TRUNCATE)');
  return { db, s, r }; };
const d = { enc: open('enc'), pla: open('pla') };
const res: Record<string, { c: number[]; p: number[] }> = {};
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (let round = 0; round < 150; round++) for (const kind of ['s', 'r'] as const) for (const k of [20, 200]) for (const m of ['enc', 'pla'] as const) {
  const x = d[m]; const st = x[kind]; const w0 = io(), c0 = cpu();
  x.db.transaction(() => { for (let i = 0; i < k; i++) kind === 's' ? st.run([body]) : st.run([randomUUID(), body]); })();
  const key = `${kind}${k}${m}`; (res[key] ??= { c: [], p: [] }).c.push(cpu() - c0); res[key].p.push((io() - w0) / 4120);
  if (round % 10 === 9) x.db.pragma('wal_checkpoint(TRUNCATE)');
}
for (const kind of ['s', 'r']) for (const k of [20, 200]) { const e = res[`${kind}${k}enc`], p = res[`${kind}${k}pla`];
  const o = med(e.c) - med(p.c); console.log(`${kind === 's' ? 'append' : 'random'} ${k} rows: pages ${med(e.p)}/${med(p.p)} cpu ${med(e.c).toFixed(3)}/${med(p.c).toFixed(3)} overhead ${(o / med(e.p) * 1000).toFixed(1)} µs/page`); }
rmSync(dir, { recursive: true, force: true });
