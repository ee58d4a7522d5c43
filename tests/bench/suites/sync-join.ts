// Join at a dataset size: the administrator's Add a computer on a demo vault of that size writes
// the join file (its size is reported); a backend at an empty data folder then joins with the
// file and its code, and the coordinator signs in and lists the children. The time from the code
// typed to that list is the figure (the target: under 60 s at L). Both backends use the
// production key-derivation cost, as the app does.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackendApi } from '../../../electron/backend/api';
import { createDemoVault } from '../../../electron/backend/demo/demo-vault';
import type { SizeName } from '../../../electron/backend/demo/sizes';
import { createBackend } from '../../../electron/backend/runtime/router';
import type { ProcedureName, ProcedureOutput } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';
import type { ResultRow } from '../stats';

const TARGET_MS = 60_000;

async function call<N extends ProcedureName>(
  backend: BackendApi,
  name: N,
  input: unknown,
): Promise<ProcedureOutput<N>> {
  const envelope = (await backend.call(name, input)) as Envelope<ProcedureOutput<N>>;
  if (!envelope.ok) throw new Error(`${name} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

/** A backend as the app makes it, with no daily backup or automatic sync to disturb the timing. */
const backendAt = (dataFolder: string): BackendApi =>
  createBackend({ dataFolder, automaticBackups: false, autoSyncIntervalMs: 0 });

export async function joinBench(root: string, size: SizeName): Promise<ResultRow[]> {
  const started = performance.now();
  const demo = await createDemoVault({ folder: join(root, `join-${size}-a`), size });
  console.log(
    `join bench ${size}: demo vault in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const a = backendAt(demo.folder);
  const b = backendAt(join(root, `join-${size}-b`));
  try {
    await call(a, 'auth.signIn', { username: demo.adminUsername, password: demo.adminPassword });
    await call(a, 'sync.start', { computerName: 'Bench office laptop' });
    const stick = join(root, `join-${size}-stick`);
    mkdirSync(stick);
    let start = performance.now();
    const added = await call(a, 'sync.addComputer', {
      computerName: 'Bench shelter laptop',
      folder: stick,
    });
    const addMs = performance.now() - start;
    const bytes = statSync(added.path).size;

    start = performance.now();
    await call(b, 'sync.join', { file: added.path, code: added.code });
    const joinMs = performance.now() - start;
    // Usable: the coordinator signs in and finds every child there.
    const { username, password } = demo.accounts.find((account) => account.role === 'coordinator')!;
    const coordinator = { username, password };
    await call(b, 'auth.signIn', coordinator);
    const children = await call(b, 'children.search', { limit: 1 });
    const usableMs = performance.now() - start;
    await call(a, 'auth.signIn', coordinator);
    if (children.total !== (await call(a, 'children.search', { limit: 1 })).total)
      throw new Error('the joined vault does not hold every child');
    const one = (operation: string, ms: number, extra: Partial<ResultRow> = {}): ResultRow => ({
      operation,
      size,
      p50Ms: ms,
      p95Ms: ms,
      runs: 1,
      ...extra,
    });
    return [
      one(`sync: add a computer (join file ${(bytes / 2 ** 20).toFixed(1)} MiB)`, addMs),
      one('sync: join, from the code to a usable vault', usableMs, {
        target: `< ${TARGET_MS / 1000} s`,
        meetsTarget: usableMs < TARGET_MS,
      }),
      one('sync: join (the join call alone)', joinMs),
    ];
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}
