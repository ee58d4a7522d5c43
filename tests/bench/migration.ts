// `npx tsx tests/bench/migration.ts [--size L] [--data <folder>] [--runs 3] [--whole]`: how long the newest
// migration takes at sign-in on a vault of the size. Builds once, in --data, an encrypted vault at
// the schema before the newest migration, filled by the benchmark's generator (the demo tool's
// dataset, with its therapists), then migrates a fresh copy of it to the newest version, --runs
// times, each on a new connection, and prints each time; --whole also times a whole-database
// foreign_key_check on the migrated copy (what every migration ran before it checked only the
// tables it touched).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { DataLayer } from '../../electron/backend/db/data-layer';
import { migrate } from '../../electron/backend/db/migrate';
import { openDatabase, type Db } from '../../electron/backend/db/sqlcipher';
import { generateDataset } from '../../electron/backend/demo/generate';
import { DATASET_SIZES, isSizeName, type SizeName } from '../../electron/backend/demo/sizes';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'L' },
    data: { type: 'string', default: '.dev-data/migration-bench' },
    runs: { type: 'string', default: '3' },
    whole: { type: 'boolean', default: false },
  },
});
const size: SizeName = (() => {
  const name = values.size.toUpperCase();
  if (!isSizeName(name)) throw new Error(`Unknown --size ${values.size}: use S, M or L.`);
  return name;
})();
const newest = SCHEMA.migrations.at(-1)!;
const older = SCHEMA.migrations.filter((m) => m.version < newest.version);
const folder = join(values.data, `${size}-v${newest.version - 1}`);
const source = join(folder, 'aruga.db');
const keyFile = join(folder, 'key.hex');

function build(): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(keyFile, key.toString('hex'));
  const db = openDatabase(source, key);
  migrate(db, older);
  const data = new DataLayer(db, SCHEMA.tables, () => ({ userId: null, deviceId: 'bench' }));
  const started = performance.now();
  const user = (username: string, role: 'coordinator' | 'caseworker' | 'therapist') =>
    data.insert('users', {
      username,
      display_name: `Bench ${username}`,
      role,
      shelter_scope: '[]',
      must_change_password: 0,
    });
  const { coordinator, caseworker, therapists } = data.transaction(() => {
    data.insert(
      'vault_settings',
      { idle_lock_minutes: 5, time_zone: 'Asia/Manila', paper_size: 'A4' },
      'settings',
    );
    return {
      coordinator: user('bench.coordinator', 'coordinator'),
      caseworker: user('bench.cw', 'caseworker'),
      therapists: Array.from({ length: DATASET_SIZES[size].therapists }, (_, t) =>
        user(`bench.th${t}`, 'therapist'),
      ),
    };
  });
  const { counts } = generateDataset(
    { db, data },
    {
      size,
      seed: 2026,
      now: new Date('2026-06-01T02:00:00.000Z'),
      actorId: coordinator,
      caseworkers: [{ id: caseworker, shelters: [] }],
      therapists,
    },
  );
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  console.log(
    `Built ${source} at schema ${newest.version - 1} in ${Math.round((performance.now() - started) / 1000)} s:`,
    JSON.stringify(counts),
  );
}

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

if (!existsSync(keyFile)) build();
const key = Buffer.from(readFileSync(keyFile, 'utf8'), 'hex');
const copy = join(folder, 'copy.db');
for (let run = 1; run <= Number(values.runs); run += 1) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  copyFileSync(source, copy);
  const db: Db = openDatabase(copy, key);
  const [version, ms] = timed(() => migrate(db, SCHEMA.migrations));
  const wholeMs = values.whole ? timed(() => db.pragma('foreign_key_check'))[1] : null;
  db.close();
  console.log(
    `run ${run}: schema ${newest.version - 1} → ${version} (${newest.name}) in ${Math.round(ms)} ms` +
      (wholeMs === null ? '' : `; a whole-database foreign_key_check: ${Math.round(wholeMs)} ms`),
  );
}
for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
