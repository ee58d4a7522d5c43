// Several computers of one organisation, each a copy of one starting vault (as a join makes
// them), opened straight from the database file with a raw key: no KDF per computer, so the
// convergence property can build fresh ones for every run. Each writes with its own device id.
import { SCHEMA } from '../../../electron/backend/runtime/composition';
import { copyFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openDatabase, type Db } from '../../../electron/backend/db/sqlcipher';
import { migrate } from '../../../electron/backend/db/migrate';
import { DataLayer } from '../../../electron/backend/db/data-layer';
import { syncedTables } from '../../../electron/backend/db/schema';
import { databasePath } from '../../../electron/backend/vault/vault';
import type { BackendApi, BackendOptions } from '../../../electron/backend/api';
import {
  addComputer,
  adoptGrant,
  startOrganisation,
  type ComputerGrant,
  type Identity,
} from '../../../electron/backend/domains/sync';
import { childrenProcedures } from '../../../shared/children/contract';
import { sheltersProcedures } from '../../../shared/shelters/contract';
import { registerChild, type CaseActor } from '../../../electron/backend/domains/children';
import { saveBed, saveShelter } from '../../../electron/backend/domains/shelters';
import { backendAt, ok, openServiceVault, tempFolder } from './backend';
import { COORDINATOR } from './placements';
import { childInput } from './cases';

export interface Computer {
  id: string;
  db: Db;
  data: DataLayer;
  actor: CaseActor;
  /** A folder of its own, for anything it keeps beside its vault. */
  home: string;
}

const open: Db[] = [];
afterAll(() => {
  for (const db of open.splice(0)) db.close();
});

/**
 * A starting vault prepared by `prepare` (on a computer of its own, 'origin'), and a way to make
 * any number of computers from it.
 */
export async function organisation(prepare: (origin: Computer) => void = () => undefined) {
  const vault = await openServiceVault();
  const key = Buffer.from(vault.exportDataKeyHex(), 'hex');
  const origin: Computer = {
    id: 'origin',
    db: vault.db,
    data: new DataLayer(vault.db, SCHEMA.tables, () => ({
      userId: COORDINATOR.userId,
      deviceId: 'origin',
    })),
    actor: COORDINATOR,
    home: vault.folder,
  };
  prepare(origin);
  vault.db.pragma('wal_checkpoint(TRUNCATE)');
  const template = databasePath(vault.folder);
  /** A computer whose vault is a copy of the starting one, writing as `id`. */
  const computer = (id: string): Computer => {
    const home = tempFolder();
    copyFileSync(template, join(home, 'aruga.db'));
    const db = openDatabase(join(home, 'aruga.db'), key);
    open.push(db);
    // Durability is not under test here, and a flush per commit would be most of the time.
    db.pragma('synchronous = OFF');
    migrate(db, SCHEMA.migrations);
    const data = new DataLayer(db, SCHEMA.tables, () => ({
      userId: COORDINATOR.userId,
      deviceId: id,
    }));
    return { id, db, data, actor: COORDINATOR, home };
  };
  return { origin, computer };
}

export interface SyncingComputer extends Computer {
  identity: Identity;
}

/**
 * An organisation whose starting vault lists `count` computers (the first one started sharing,
 * it added the others), and `computers()` to make them afresh from it, each with its own key.
 */
export async function sharingOrganisation(
  count: number,
  prepare: (origin: Computer) => void = () => undefined,
) {
  const grants: ComputerGrant[] = [];
  const org = await organisation((origin) => {
    prepare(origin);
    const first = startOrganisation(origin, 'computer-0', 'Fictional office laptop');
    grants.push({
      deviceId: first.deviceId,
      orgId: first.orgId,
      bundleKey: Buffer.from(first.bundleKey).toString('hex'),
      signingKey: Buffer.from(first.signingKey).toString('hex'),
      exchangeKey: Buffer.from(first.exchangeKey!).toString('hex'),
    });
    for (let i = 1; i < count; i += 1)
      grants.push(addComputer(origin, first, `Fictional shelter laptop ${i}`));
  });
  const computers = (): SyncingComputer[] =>
    grants.map((grant) => {
      const computer = org.computer(grant.deviceId);
      return { ...computer, identity: adoptGrant(computer.db, grant) };
    });
  return { ...org, computers };
}

/** Closes computers a test is done with and removes their folders (a property makes hundreds). */
export function closeComputers(computers: readonly Computer[]): void {
  for (const computer of computers) {
    open.splice(open.indexOf(computer.db), 1);
    computer.db.close();
    rmSync(computer.home, { recursive: true, force: true });
  }
}

/** A hash over every synced table's rows (id and writable columns): equal data, equal hash. */
export function syncedDataHash(db: Db): string {
  const hash = createHash('sha256');
  for (const table of syncedTables(SCHEMA.tables)) {
    const columns = ['id', ...SCHEMA.tables[table].columns];
    const rows = db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY id`).all();
    hash.update(`${table}\n${JSON.stringify(rows)}\n`);
  }
  return hash.digest('hex');
}

/** The change log's clocks, for "nothing was added". */
export function loggedClocks(db: Db): string[] {
  return db.prepare('SELECT hlc FROM change_log ORDER BY hlc', { pluck: true }).all() as string[];
}

/** What the starting vault holds for case tests: shelters with their beds, children not placed. */
export interface Ground {
  shelters: string[];
  /** Beds by shelter. */
  beds: string[][];
  children: string[];
}

export const GROUND_NAMES = [
  'Fictional Amihan',
  'Fictional Bituin',
  'Fictional Dalisay',
  'Fictional Hiraya',
];

export function registerOn(c: Computer, legalName: string): string {
  return registerChild(
    c,
    c.actor,
    childrenProcedures['children.register'].input.parse(
      childInput({ legalName, referralDate: '2024-01-10', intakeDate: '2024-01-10' }),
    ),
  ).id;
}

/** Fills `ground` on the starting vault: `shelters` homes of `beds` beds, `children` children. */
export function prepareGround(
  origin: Computer,
  ground: Ground,
  { shelters = 1, beds = 4, children = 3 } = {},
): void {
  for (let s = 1; s <= shelters; s += 1) {
    const input = sheltersProcedures['shelters.save'].input.parse({
      name: `Fictional Home ${s}`,
      type: 'ngo_shelter',
      sexRule: 'any',
      minAge: 0,
      maxAge: 25,
      capacity: 20,
    });
    const { id } = saveShelter(origin, origin.actor, input);
    let saved: string[] = [];
    for (let b = 1; b <= beds; b += 1)
      saved = saveBed(origin, origin.actor, { shelterId: id, label: `Bed ${b}` }).beds.map(
        (bed) => bed.id,
      );
    ground.shelters.push(id);
    ground.beds.push(saved);
  }
  for (let i = 0; i < children; i += 1) ground.children.push(registerOn(origin, GROUND_NAMES[i]!));
}

/**
 * A computer joining the organisation of the vault `a` has open, as an administrator does it:
 * *Add a computer* on `a` writes a join file, and a backend at a new data folder joins with the
 * file and its code (and syncs with `syncFolder` at once, if given). Returns B's folder and backend
 * (made with `extra` options, e.g. an automatic sync).
 */
export async function joinComputer(
  a: BackendApi,
  name: string,
  syncFolder?: string,
  extra: Partial<BackendOptions> = {},
): Promise<{ folder: string; backend: BackendApi; computerId: string }> {
  const added = await ok(a, 'sync.addComputer', { computerName: name, folder: tempFolder() });
  const folder = tempFolder();
  const backend = backendAt(folder, extra);
  await ok(backend, 'sync.join', { file: added.path, code: added.code, syncFolder });
  return { folder, backend, computerId: added.computerId };
}
