// Syncthing end to end: two Syncthing instances on 127.0.0.1, each with its own home, ports and
// folder, configured through their config files (no discovery, no relays, no announcements) to
// share one folder between two harness backends. Each backend syncs on its own while unlocked, so
// a change saved on A appears on B with no one pressing anything, and back. The time of one
// change's journey (save on A to readable on B) is printed. In CI the binary must be there (.ci/run
// installs Debian's syncthing); elsewhere the test is skipped, saying why, when it is absent.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, harnessCall, startTestHarness, type TestHarness } from '../support/harness';
import { makeTempDir, removeDir } from '../support/temp';

const hasSyncthing = spawnSync('syncthing', ['--version']).status === 0;
if (!hasSyncthing && process.env.CI) throw new Error('CI must have syncthing: .ci/run installs it');
if (!hasSyncthing) console.warn('Skipping the Syncthing end-to-end test: no syncthing on PATH.');

const ADMIN = {
  displayName: 'Habagat Fictional Admin',
  username: 'habagat.admin',
  password: 'typhoon lighthouse 6620 shoal',
};
/** Each computer's backend looks at its folder this often. */
const LOOK_MS = 500;
const WAIT_MS = 90_000;

interface Peer {
  home: string;
  folder: string;
  guiPort: number;
  listenPort: number;
  apiKey: string;
  deviceId: string;
  process?: ChildProcess;
}

let root = '';
const peers: Peer[] = [];
const harnesses: TestHarness[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function makePeer(name: string): Promise<Peer> {
  const home = join(root, `syncthing-${name}`);
  const folder = join(root, `folder-${name}`);
  mkdirSync(folder, { recursive: true });
  // Syncthing shares a folder only where its marker is.
  mkdirSync(join(folder, '.stfolder'));
  const made = spawnSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder'], {
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(`syncthing generate failed: ${made.stderr}`);
  const deviceId = /Device ID: ([A-Z0-9-]{63})/.exec(`${made.stdout}${made.stderr}`)?.[1];
  if (!deviceId) throw new Error('syncthing generate did not say its device id');
  return {
    home,
    folder,
    guiPort: await freePort(),
    listenPort: await freePort(),
    apiKey: `fictional-key-${name}-${Date.now()}`,
    deviceId,
  };
}

/** Each peer's whole config: the shared folder, the other peer at a loopback address, no WAN. */
function writeConfig(self: Peer, other: Peer): void {
  const generated = readFileSync(join(self.home, 'config.xml'), 'utf8');
  const version = /<configuration version="(\d+)"/.exec(generated)?.[1] ?? '35';
  const device = (peer: Peer, name: string) => `
    <device id="${peer.deviceId}" name="${name}" compression="metadata" introducer="false">
      <address>tcp://127.0.0.1:${peer.listenPort}</address>
    </device>`;
  writeFileSync(
    join(self.home, 'config.xml'),
    `<configuration version="${version}">
  <folder id="aruga-sync" label="Aruga sync" path="${self.folder}" type="sendreceive"
          rescanIntervalS="1" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="true">
    <filesystemType>basic</filesystemType>
    <device id="${self.deviceId}"></device>
    <device id="${other.deviceId}"></device>
    <minDiskFree unit="%">0</minDiskFree>
  </folder>
  ${device(self, 'self')}
  ${device(other, 'other')}
  <gui enabled="true" tls="false">
    <address>127.0.0.1:${self.guiPort}</address>
    <apikey>${self.apiKey}</apikey>
  </gui>
  <options>
    <listenAddress>tcp://127.0.0.1:${self.listenPort}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <urAccepted>-1</urAccepted>
    <crashReportingEnabled>false</crashReportingEnabled>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <startBrowser>false</startBrowser>
    <minHomeDiskFree unit="%">0</minHomeDiskFree>
  </options>
</configuration>
`,
  );
}

async function until<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = await probe().catch(() => null);
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`Waited ${WAIT_MS} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function startPeer(peer: Peer): void {
  const log = openSync(join(root, `${peer.deviceId.slice(0, 7)}.log`), 'a');
  peer.process = spawn(
    'syncthing',
    ['serve', `--home=${peer.home}`, '--no-browser', '--no-restart', '--no-upgrade'],
    { stdio: ['ignore', log, log], env: { ...process.env, STNOUPGRADE: '1' } },
  );
}

async function connected(peer: Peer, other: Peer): Promise<true | null> {
  const response = await fetch(`http://127.0.0.1:${peer.guiPort}/rest/system/connections`, {
    headers: { 'X-API-Key': peer.apiKey },
  });
  const body = (await response.json()) as {
    connections: Record<string, { connected: boolean }>;
  };
  return body.connections[other.deviceId]?.connected ? true : null;
}

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

describe.skipIf(!hasSyncthing)('two computers over Syncthing on loopback', () => {
  beforeAll(async () => {
    root = await makeTempDir('syncthing');
    const [a, b] = [await makePeer('a'), await makePeer('b')];
    peers.push(a, b);
    writeConfig(a, b);
    writeConfig(b, a);
    for (const peer of peers) startPeer(peer);

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
    await until('the two Syncthing instances to connect', () => connected(a, b));
  }, 300_000);

  afterAll(async () => {
    for (const harness of harnesses.splice(0)) await harness.dispose();
    for (const peer of peers) peer.process?.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
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
