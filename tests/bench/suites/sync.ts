// Sync: export and import of one bundle of 10,000 changes between two computers of one
// organisation (the target: each under 2 s), and the bundle's bytes per change. Computer A
// makes the changes (children registered, then edited), writes them to a folder as one bundle;
// computer B, a copy of the starting vault, applies that folder. Each run starts from a fresh B
// (and, for the export, a folder A has never written to).
import { TEST_ARGON2ID } from '../../../electron/backend/vault/crypto';
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { SCHEMA } from '../../../electron/backend/runtime/composition';
import { createVault, databasePath } from '../../../electron/backend/vault/vault';
import { openDatabase, type Db } from '../../../electron/backend/db/sqlcipher';
import { migrate } from '../../../electron/backend/db/migrate';
import { DataLayer } from '../../../electron/backend/db/data-layer';
import {
  addComputer,
  adoptGrant,
  startOrganisation,
  syncFolder,
  type ComputerGrant,
  type Identity,
} from '../../../electron/backend/domains/sync';
import { registerChild, type CaseActor } from '../../../electron/backend/domains/children';
import { childrenProcedures } from '../../../shared/children/contract';
import { percentile, type ResultRow } from '../stats';

export const SYNC_CHANGES = 10_000;
const TARGET_MS = 2000;
const ACTOR: CaseActor = { userId: 'bench-coordinator', role: 'coordinator', shelterScope: [] };

interface Computer {
  db: Db;
  data: DataLayer;
  identity: Identity;
}

/** The starting vault (shared, two computers listed) and a way to open copies of it. */
async function organisation(folder: string) {
  const home = join(folder, 'sync-origin');
  mkdirSync(home, { recursive: true });
  const { vault } = await createVault({
    folder: home,
    adminUsername: 'bench.admin',
    adminPassword: 'Bench-Lantern-Harbor-73',
    kdf: { alg: 'argon2id', params: TEST_ARGON2ID },
    schema: SCHEMA,
    context: () => ({ userId: null, deviceId: 'origin' }),
    seed: () => undefined,
  });
  const key = Buffer.from(vault.exportDataKeyHex(), 'hex');
  const origin = { db: vault.db, data: vault.data };
  const first = startOrganisation(origin, randomUUID(), 'Bench office laptop');
  const grants: ComputerGrant[] = [
    {
      deviceId: first.deviceId,
      orgId: first.orgId,
      bundleKey: Buffer.from(first.bundleKey).toString('hex'),
      signingKey: Buffer.from(first.signingKey).toString('hex'),
      exchangeKey: Buffer.from(first.exchangeKey!).toString('hex'),
    },
    addComputer(origin, first, 'Bench shelter laptop'),
  ];
  vault.db.pragma('wal_checkpoint(TRUNCATE)');
  const template = databasePath(home);
  let copies = 0;
  const open = (grant: ComputerGrant): Computer => {
    copies += 1;
    const dir = join(folder, `sync-copy-${copies}`);
    mkdirSync(dir, { recursive: true });
    copyFileSync(template, join(dir, 'aruga.db'));
    const db = openDatabase(join(dir, 'aruga.db'), key);
    migrate(db, SCHEMA.migrations);
    const data = new DataLayer(db, SCHEMA.tables, () => ({
      userId: ACTOR.userId,
      deviceId: grant.deviceId,
    }));
    return { db, data, identity: adoptGrant(db, grant) };
  };
  return { a: () => open(grants[0]!), b: () => open(grants[1]!), close: () => vault.close() };
}

/** Registers children on `a`, then edits them, until it has logged `count` changes of its own. */
function makeChanges(a: Computer, count: number): void {
  const logged = () =>
    a.db
      .prepare('SELECT count(*) FROM change_log WHERE device_id = ?', { pluck: true })
      .get([a.identity.deviceId]) as number;
  const input = (i: number) =>
    childrenProcedures['children.register'].input.parse({
      legalName: `Bench Child ${i}`,
      birth: { kind: 'dob', dateOfBirth: '2012-05-04' },
      sex: i % 2 === 0 ? 'female' : 'male',
      languages: ['Cebuano', 'Filipino'],
      referralSource: 'Bench barangay hall',
      referralDate: '2024-01-10',
      intakeDate: '2024-01-10',
    });
  const children: string[] = [];
  a.data.transaction(() => {
    // Counted every hundred children: a count after each one would be most of the set-up.
    while (logged() < count * 0.7)
      for (let i = 0; i < 100; i += 1)
        children.push(registerChild(a, ACTOR, input(children.length)).id);
    const edits = count - logged();
    for (let i = 0; i < edits; i += 1)
      a.data.update('children', children[i % children.length]!, {
        referral_source: `Bench referral ${i}`,
      });
  });
}

/** Wall-clock and CPU milliseconds of `f` (CPU time is steadier on a machine shared with others). */
function ms(f: () => void, cpu: number[]): number {
  const start = performance.now();
  const used = process.cpuUsage();
  f();
  const { user, system } = process.cpuUsage(used);
  cpu.push((user + system) / 1000);
  return performance.now() - start;
}

function row(operation: string, times: number[], extra: Partial<ResultRow> = {}): ResultRow {
  const sorted = [...times].sort((x, y) => x - y);
  const p95 = percentile(sorted, 95);
  return {
    operation,
    size: `${SYNC_CHANGES / 1000}k changes`,
    p50Ms: percentile(sorted, 50),
    p95Ms: p95,
    runs: sorted.length,
    target: `p95 < ${TARGET_MS} ms`,
    meetsTarget: p95 < TARGET_MS,
    ...extra,
  };
}

/** Export and import rows, and the bundle's bytes per change. */
export async function syncBench(folder: string, runs: number): Promise<ResultRow[]> {
  const org = await organisation(folder);
  const a = org.a();
  makeChanges(a, SYNC_CHANGES);
  const exports: number[] = [];
  const exportsCpu: number[] = [];
  let bundleFolder = '';
  for (let i = 0; i < runs; i += 1) {
    bundleFolder = join(folder, `sync-folder-${i}`);
    mkdirSync(bundleFolder);
    exports.push(ms(() => syncFolder(a, a.identity, bundleFolder), exportsCpu));
  }
  const [bundle] = readdirSync(bundleFolder);
  const bytes = statSync(join(bundleFolder, bundle!)).size;
  const imports: number[] = [];
  const importsCpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const b = org.b();
    // B applies the one bundle; its own acknowledgement goes to a folder of its own copy.
    const own = join(folder, `sync-import-${i}`);
    mkdirSync(own);
    copyFileSync(join(bundleFolder, bundle!), join(own, bundle!));
    imports.push(
      ms(() => {
        const report = syncFolder(b, b.identity, own);
        if (report.applied.length !== 1) throw new Error('the bundle did not apply');
      }, importsCpu),
    );
    b.db.close();
  }
  a.db.close();
  org.close();
  return [
    row('sync: export a bundle', exports),
    row('sync: import a bundle', imports),
    row('sync: export a bundle (CPU time)', exportsCpu),
    row('sync: import a bundle (CPU time)', importsCpu),
    {
      operation: `sync: bundle bytes per change (${Math.round(bytes / 1024)} KiB in all)`,
      size: `${SYNC_CHANGES / 1000}k changes`,
      p50Ms: bytes / SYNC_CHANGES,
      p95Ms: bytes / SYNC_CHANGES,
      runs: 1,
    },
  ];
}
