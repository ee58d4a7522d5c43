// Two Syncthing instances on 127.0.0.1, each with its own home, ports and folder, configured
// through their config files (no discovery, no relays, no announcements) to share one folder:
// the Syncthing end-to-end test and the sync bench's journey row both use them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const hasSyncthing = (): boolean => spawnSync('syncthing', ['--version']).status === 0;

/** The folder's full rescan interval in seconds (Syncthing's default is an hour). */
export const SYNCTHING_RESCAN_S = 1;

export interface Peer {
  home: string;
  folder: string;
  guiPort: number;
  listenPort: number;
  apiKey: string;
  deviceId: string;
  process?: ChildProcess;
}

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

async function makePeer(root: string, name: string): Promise<Peer> {
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

/**
 * Each peer's whole config: the shared folder (watched for changes, which Syncthing sends after
 * `fsWatcherDelayS`; rescanned every second besides), the other peer at a loopback address, no WAN.
 */
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
          rescanIntervalS="${SYNCTHING_RESCAN_S}" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="true">
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

/** Polls `probe` every `everyMs` until it answers non-null, for at most `waitMs`. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null>,
  { waitMs = 90_000, everyMs = 250 }: { waitMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const found = await probe().catch(() => null);
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`Waited ${waitMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

function startPeer(root: string, peer: Peer): void {
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

/** Two configured, running peers under `root` sharing one folder (each at its `folder`). */
export async function startSyncthingPair(root: string): Promise<[Peer, Peer]> {
  const a = await makePeer(root, 'a');
  const b = await makePeer(root, 'b');
  writeConfig(a, b);
  writeConfig(b, a);
  startPeer(root, a);
  startPeer(root, b);
  return [a, b];
}

/** Waits until the two peers see each other. */
export const pairConnected = (a: Peer, b: Peer): Promise<true> =>
  until('the two Syncthing instances to connect', () => connected(a, b));

/** Stops the peers and gives them a moment to let go of their files. */
export async function stopSyncthing(peers: readonly Peer[]): Promise<void> {
  for (const peer of peers) peer.process?.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
}
