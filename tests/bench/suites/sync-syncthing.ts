// One change's journey through Syncthing on loopback: two backends, each syncing on its own with
// its own folder as the app does while unlocked (every AUTO_SYNC_INTERVAL_MS, the shipped 2 s), and
// two Syncthing instances sharing those folders (tests/support/syncthing.ts: changes watched and
// sent after 1 s, a full rescan every SYNCTHING_RESCAN_S). Each run waits a random part of the
// interval (a save falls anywhere between two looks, not just after B's), saves a new account on A
// and times until B lists it. Skipped, saying why, when syncthing is not installed.
import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendApi } from '../../../electron/backend/api';
import { AUTO_SYNC_INTERVAL_MS } from '../../../electron/backend/domains/sync';
import { createBackend } from '../../../electron/backend/runtime/router';
import { TEST_ARGON2ID } from '../../../electron/backend/vault/crypto';
import type { ProcedureName, ProcedureOutput } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';
import {
  SYNCTHING_RESCAN_S,
  hasSyncthing,
  pairConnected,
  startSyncthingPair,
  stopSyncthing,
  until,
  type Peer,
} from '../../support/syncthing';
import { percentile, type ResultRow } from '../stats';

const ADMIN = { username: 'bench.admin', password: 'typhoon lighthouse 6620 shoal' };

async function call<N extends ProcedureName>(
  backend: BackendApi,
  name: N,
  input: unknown,
): Promise<ProcedureOutput<N>> {
  const envelope = (await backend.call(name, input)) as Envelope<ProcedureOutput<N>>;
  if (!envelope.ok) throw new Error(`${name} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

export async function syncthingBench(root: string, runs: number): Promise<ResultRow[]> {
  if (!hasSyncthing()) {
    console.log('sync bench: the Syncthing journey is skipped: no syncthing on PATH.');
    return [];
  }
  const backend = (name: string) =>
    createBackend({
      dataFolder: join(root, `syncthing-vault-${name}`),
      // The set-up's key derivation is not what is measured.
      kdf: { alg: 'argon2id', params: TEST_ARGON2ID },
      automaticBackups: false,
      autoSyncIntervalMs: AUTO_SYNC_INTERVAL_MS,
    });
  const peers: Peer[] = [];
  const a = backend('a');
  const b = backend('b');
  try {
    peers.push(...(await startSyncthingPair(root)));
    const [peerA, peerB] = peers as [Peer, Peer];
    await call(a, 'vault.create', {
      adminDisplayName: 'Bench Fictional Admin',
      adminUsername: ADMIN.username,
      adminPassword: ADMIN.password,
      timeZone: 'Asia/Manila',
    });
    await call(a, 'sync.start', { computerName: 'Bench LAN laptop A' });
    await call(a, 'sync.saveSettings', { folder: peerA.folder, staleDays: 7 });
    const stick = join(root, 'syncthing-join');
    mkdirSync(stick);
    const added = await call(a, 'sync.addComputer', {
      computerName: 'Bench LAN laptop B',
      folder: stick,
    });
    await call(b, 'sync.join', { file: added.path, code: added.code, syncFolder: peerB.folder });
    await call(b, 'auth.signIn', ADMIN);
    await pairConnected(peerA, peerB);

    const journeys: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const username = `bench.journey.${i}`;
      await new Promise((resolve) => setTimeout(resolve, randomInt(AUTO_SYNC_INTERVAL_MS)));
      const saved = performance.now();
      await call(a, 'users.create', {
        displayName: `Bench Fictional ${i}`,
        username,
        role: 'caseworker',
        shelterScope: [],
        temporaryPassword: 'temporary orchid 3391 lagoon',
      });
      await until(
        `the account made on A to reach B (run ${i + 1})`,
        async () =>
          (await call(b, 'users.list', {})).some((user) => user.username === username)
            ? true
            : null,
        { everyMs: 25 },
      );
      journeys.push(performance.now() - saved);
    }
    const sorted = [...journeys].sort((x, y) => x - y);
    return [
      {
        operation: `sync: one change through Syncthing, save on A to visible on B (look every ${AUTO_SYNC_INTERVAL_MS / 1000} s, rescan ${SYNCTHING_RESCAN_S} s)`,
        size: 'loopback',
        p50Ms: percentile(sorted, 50),
        p95Ms: percentile(sorted, 95),
        runs: sorted.length,
      },
    ];
  } finally {
    await Promise.all([a.close(), b.close()]);
    await stopSyncthing(peers);
  }
}
