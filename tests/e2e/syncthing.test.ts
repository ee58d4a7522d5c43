// Syncthing end to end: two Syncthing instances on 127.0.0.1, each with its own home, ports and
// folder, configured through their config files (no discovery, no relays, no announcements) to
// share one folder between two harness backends. Each backend syncs on its own while unlocked, so
// a change saved on A appears on B with no one pressing anything, and back. The time of one
// change's journey (save on A to readable on B) is printed. In CI the binary must be there (.ci/run
// installs Debian's syncthing); elsewhere the test is skipped, saying why, when it is absent.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, harnessCall, startTestHarness, type TestHarness } from '../support/harness';
import {
  hasSyncthing,
  pairConnected,
  startSyncthingPair,
  stopSyncthing,
  until,
  type Peer,
} from '../support/syncthing';
import { makeTempDir, removeDir } from '../support/temp';

const present = hasSyncthing();
if (!present && process.env.CI) throw new Error('CI must have syncthing: .ci/run installs it');
if (!present) console.warn('Skipping the Syncthing end-to-end test: no syncthing on PATH.');

const ADMIN = {
  displayName: 'Habagat Fictional Admin',
  username: 'habagat.admin',
  password: 'typhoon lighthouse 6620 shoal',
};
/** Each computer's backend looks at its folder this often. */
const LOOK_MS = 500;

let root = '';
const peers: Peer[] = [];
const harnesses: TestHarness[] = [];

async function usernamesOn(harness: TestHarness): Promise<string[]> {
  return expectOk(await harnessCall(harness, 'users.list', {})).map((u) => u.username);
}

async function addUser(harness: TestHarness, username: string): Promise<void> {
  expectOk(
    await harnessCall(harness, 'users.create', {
      displayName: `Fictional ${username}`,
      username,
      role: 'caseworker',
      shelterScope: [],
      temporaryPassword: 'temporary orchid 3391 lagoon',
    }),
  );
}

describe.skipIf(!present)('two computers over Syncthing on loopback', () => {
  beforeAll(async () => {
    root = await makeTempDir('syncthing');
    const [a, b] = await startSyncthingPair(root);
    peers.push(a, b);

    // Computer A shares with its Syncthing folder; B joins with a join file, with its own folder.
    const harnessA = await startTestHarness({ backend: { autoSyncIntervalMs: LOOK_MS } });
    harnesses.push(harnessA);
    expectOk(
      await harnessCall(harnessA, 'vault.create', {
        adminDisplayName: ADMIN.displayName,
        adminUsername: ADMIN.username,
        adminPassword: ADMIN.password,
        timeZone: 'Asia/Manila',
      }),
    );
    expectOk(await harnessCall(harnessA, 'sync.start', { computerName: 'Fictional LAN laptop A' }));
    expectOk(await harnessCall(harnessA, 'sync.saveSettings', { folder: a.folder, staleDays: 7 }));
    const joinFolder = join(root, 'join');
    mkdirSync(joinFolder);
    const added = expectOk(
      await harnessCall(harnessA, 'sync.addComputer', {
        computerName: 'Fictional LAN laptop B',
        folder: joinFolder,
      }),
    );
    const harnessB = await startTestHarness({ backend: { autoSyncIntervalMs: LOOK_MS } });
    harnesses.push(harnessB);
    expectOk(
      await harnessCall(harnessB, 'sync.join', {
        file: added.path,
        code: added.code,
        syncFolder: b.folder,
      }),
    );
    expectOk(
      await harnessCall(harnessB, 'auth.signIn', {
        username: ADMIN.username,
        password: ADMIN.password,
      }),
    );
    await pairConnected(a, b);
  }, 300_000);

  afterAll(async () => {
    for (const harness of harnesses.splice(0)) await harness.dispose();
    await stopSyncthing(peers);
    if (root) await removeDir(root);
  });

  it('a change saved on A appears on B with no manual step, and back', async () => {
    const [harnessA, harnessB] = harnesses as [TestHarness, TestHarness];
    const saved = Date.now();
    await addUser(harnessA, 'made.on.a');
    await until('the user made on A to reach B', async () =>
      (await usernamesOn(harnessB)).includes('made.on.a') ? true : null,
    );
    const journeyMs = Date.now() - saved;
    console.info(`One change from save on A to visible on B through Syncthing: ${journeyMs} ms`);

    await addUser(harnessB, 'made.on.b');
    await until('the user made on B to reach A', async () =>
      (await usernamesOn(harnessA)).includes('made.on.b') ? true : null,
    );
    expect((await usernamesOn(harnessA)).sort()).toEqual((await usernamesOn(harnessB)).sort());
  }, 300_000);
});
