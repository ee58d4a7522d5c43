// "Sync now" against one folder: each computer applies what it has not applied, writes what the
// folder lacks, relays what others made, refuses bad bundles one by one, and deletes bundles
// every current computer has applied.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childrenProcedures } from '../../shared/children/contract';
import { registerChild } from '../../electron/backend/domains/children';
import {
  newBundleName,
  sealBundle,
  syncFolder,
  removeComputer,
} from '../../electron/backend/domains/sync';
import {
  childInput,
  loggedClocks,
  sharingOrganisation,
  syncedDataHash,
  tempFolder,
  type SyncingComputer,
} from './support';

const register = (c: SyncingComputer, legalName: string) =>
  registerChild(
    c,
    c.actor,
    childrenProcedures['children.register'].input.parse(childInput({ legalName })),
  ).id;

const bundlesIn = (folder: string) => readdirSync(folder).filter((n) => /^[0-9a-f]{32}$/.test(n));

async function threeComputers() {
  const org = await sharingOrganisation(3);
  const [a, b, c] = org.computers() as [SyncingComputer, SyncingComputer, SyncingComputer];
  const folder = tempFolder();
  const sync = (computer: SyncingComputer, now?: Date) =>
    syncFolder(computer, computer.identity, folder, now);
  return { org, a, b, c, folder, sync };
}

describe('sync now with a folder', () => {
  it('carries each computer’s changes to the others, relayed through the one folder', async () => {
    const { a, b, c, sync, folder } = await threeComputers();
    register(a, 'Fictional Ana Cruz');
    expect(sync(a).written).not.toBeNull();
    expect(sync(a).written).toBeNull(); // nothing new: nothing written
    register(b, 'Fictional Bea Lim');
    expect(sync(b)).toMatchObject({ applied: [expect.any(String)], refused: [] });
    expect(sync(c).applied).toHaveLength(2);
    sync(a);
    expect(syncedDataHash(a.db)).toBe(syncedDataHash(b.db));
    expect(syncedDataHash(c.db)).toBe(syncedDataHash(b.db));
    // Relay across folders: C never shares a folder with A.
    const { a: a2, b: b2, c: c2 } = await threeComputers();
    const [f, g] = [tempFolder(), tempFolder()];
    register(a2, 'Fictional Carla Uy');
    syncFolder(a2, a2.identity, f);
    syncFolder(b2, b2.identity, f);
    syncFolder(b2, b2.identity, g);
    syncFolder(c2, c2.identity, g);
    expect(syncedDataHash(c2.db)).toBe(syncedDataHash(a2.db));
    expect(bundlesIn(folder).length).toBeGreaterThan(0);
  });

  it('refuses each bad bundle with its reason, applies the rest, and half-applies nothing', async () => {
    const { a, b, c, folder, sync } = await threeComputers();
    register(a, 'Fictional Ana Cruz');
    const good = sync(a).written!;
    const bytes = readFileSync(join(folder, good));
    writeFileSync(join(folder, newBundleName()), bytes.subarray(0, bytes.length - 7));
    const flipped = Buffer.from(bytes);
    flipped[40] = flipped[40]! ^ 0x80;
    writeFileSync(join(folder, newBundleName()), flipped);
    const other = await sharingOrganisation(1);
    const [stranger] = other.computers() as [SyncingComputer];
    const foreign = newBundleName();
    writeFileSync(
      join(folder, foreign),
      sealBundle(stranger.identity, foreign, {
        author: stranger.identity.deviceId,
        changes: [],
        acks: [],
      }),
    );
    register(c, 'Fictional Removed Sy');
    sync(c);
    removeComputer(b, c.identity.deviceId, 'Fictional: laptop stolen');
    const future = String(Date.now() + 3 * 86_400_000).padStart(15, '0');
    const early = newBundleName();
    writeFileSync(
      join(folder, early),
      sealBundle(a.identity, early, {
        author: a.identity.deviceId,
        acks: [],
        changes: [
          {
            hlc: `${future}-0000-${a.identity.deviceId}`,
            deviceId: a.identity.deviceId,
            userId: null,
            table: 'shelters',
            rowId: 'fictional-early-shelter',
            op: 'insert',
            columns: {
              name: 'Fictional Early Home',
              type: 'ngo_shelter',
              sex_rule: 'any',
              min_age: 0,
              max_age: 18,
              capacity: 4,
            },
          },
        ],
      }),
    );
    const report = sync(b);
    expect(report.applied).toEqual([good]);
    expect(report.refused.map((r) => r.reason).sort()).toEqual([
      'clockAhead',
      'removedComputer',
      'unreadable',
      'unreadable',
      'unreadable',
    ]);
    // Nothing of C's bundle: its child is not here, nor any change of its making.
    const fromC = b.db
      .prepare('SELECT count(*) FROM change_log WHERE device_id = ?', { pluck: true })
      .get([c.identity.deviceId]);
    expect(fromC).toBe(0);
    const names = b.db.prepare('SELECT legal_name FROM children', { pluck: true }).all();
    expect(names).toEqual(['Fictional Ana Cruz']);
    // Refused bundles are tried again: the early one applies once its time has come.
    const later = sync(b, new Date(Date.now() + 3 * 86_400_000));
    expect(later.applied).toEqual([early]);
    expect(
      b.db.prepare("SELECT name FROM shelters WHERE id = 'fictional-early-shelter'").get(),
    ).toEqual({ name: 'Fictional Early Home' });
  });

  it('deletes a bundle once every current computer has applied it; a replay changes nothing', async () => {
    const { a, b, c, folder, sync } = await threeComputers();
    register(a, 'Fictional Ana Cruz');
    const first = sync(a).written!;
    const bytes = readFileSync(join(folder, first));
    sync(b); // applies and acknowledges
    expect(sync(a).deleted).toEqual([]); // C has not applied it yet
    // C applies it last, knows every acknowledgement, and deletes it.
    expect(sync(c).deleted).toContain(first);
    expect(bundlesIn(folder)).not.toContain(first);
    // Acknowledgement-only bundles are replaced by their writer's next one, not accumulated.
    for (const computer of [a, b, c, a, b, c]) sync(computer);
    expect(bundlesIn(folder).length).toBeLessThanOrEqual(3);
    const before = { hash: syncedDataHash(b.db), clocks: loggedClocks(b.db) };
    writeFileSync(join(folder, first), bytes);
    expect(sync(b).applied).toEqual([]);
    const renamed = newBundleName();
    writeFileSync(join(folder, renamed), bytes);
    expect(sync(b).refused).toEqual([{ name: renamed, reason: 'unreadable' }]);
    expect(syncedDataHash(b.db)).toBe(before.hash);
    expect(loggedClocks(b.db)).toEqual(before.clocks);
    expect(syncedDataHash(c.db)).toBe(syncedDataHash(a.db));
  });

  it('refuses a removed computer’s bundles wherever the removal has arrived by sync', async () => {
    const { a, b, c, sync } = await threeComputers();
    // C is lost; A removes it and syncs. B has not heard of the removal yet.
    removeComputer(a, c.identity.deviceId, 'Fictional: laptop stolen from the van');
    sync(a);
    register(c, 'Fictional Stolen Laptop Child');
    const fromC = sync(c).written!;
    // B applies A's bundle (the removal) first, then refuses C's, whatever the folder's order.
    const report = sync(b);
    expect(report.refused).toEqual([{ name: fromC, reason: 'removedComputer' }]);
    expect(report.applied).toHaveLength(1);
    expect(
      b.db
        .prepare('SELECT removed_reason FROM sync_computers WHERE id = ?')
        .get([c.identity.deviceId]),
    ).toEqual({ removed_reason: 'Fictional: laptop stolen from the van' });
    const names = b.db.prepare('SELECT legal_name FROM children', { pluck: true }).all();
    expect(names).not.toContain('Fictional Stolen Laptop Child');
    // Its bundle is no longer awaited: it is deleted once the remaining computers have applied it.
    expect(sync(a).refused.map((r) => r.reason)).toEqual(['removedComputer']);
  });

  it('waits with a bundle whose row the database cannot take, and applies the rest', async () => {
    const { a, b, c, sync } = await threeComputers();
    const account = (on: SyncingComputer) =>
      on.data.insert('users', {
        username: 'fictional.same',
        display_name: 'Fictional Same Name',
        role: 'caseworker',
      });
    account(a);
    account(b);
    const waiting = sync(a).written!;
    register(c, 'Fictional Gina Paz');
    const fromC = sync(c).written!;
    const before = loggedClocks(b.db);
    const report = sync(b);
    expect(report.refused).toEqual([{ name: waiting, reason: 'unmergeable' }]);
    expect(report.applied).toEqual([fromC]);
    expect(loggedClocks(b.db).length).toBeGreaterThan(before.length);
    const names = b.db.prepare('SELECT legal_name FROM children', { pluck: true }).all();
    expect(names).toContain('Fictional Gina Paz');
    // Renaming one side lets it apply at the next sync.
    b.db
      .prepare("SELECT id FROM users WHERE username = 'fictional.same'", { pluck: true })
      .all()
      .forEach((id) => b.data.update('users', id as string, { username: 'fictional.same.b' }));
    expect(sync(b).applied).toContain(waiting);
  });
});
