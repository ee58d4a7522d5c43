// Runs the backend in a worker thread and exposes it as a BackendApi: the one way the Electron
// shell and the browser harness reach it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { text } from 'node:stream/consumers';
import type { LockReason } from '../../shared/contract';
import type { BackendEvent } from '../../shared/bridge';
import type { Envelope } from '../../shared/errors';
import type { BackendApi, BackendOptions } from './api';

export type HostMessage =
  | { kind: 'call'; id: number; name: string; input: unknown }
  | { kind: 'lock'; id: number; reason: LockReason }
  | { kind: 'close'; id: number };

export type WorkerMessage =
  | { kind: 'result'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; event: BackendEvent }
  | { kind: 'pagesChecked'; damaged: boolean };

const DEV_WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

interface TsxManifest {
  exports: { './esm/api': { import: { default: string } } };
}

/** Node 20 does not apply `--import tsx` to a worker's entry module, so register tsx first, then import. */
function tsxBootstrap(workerFile: string): string {
  // The ESM build of tsx's API, found through its package exports (require.resolve would give the CJS one).
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exported = (JSON.parse(readFileSync(manifest, 'utf8')) as TsxManifest).exports['./esm/api']
    .import.default;
  const tsxApi = pathToFileURL(join(dirname(manifest), exported)).href;
  const entry = pathToFileURL(workerFile).href;
  return `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

interface WorkerHandle {
  worker: Worker;
  send(message: Omit<HostMessage, 'id'>): Promise<Envelope<unknown>>;
  /** Resolves once no call is waiting for this worker. */
  idle(): Promise<void>;
  isDead(): boolean;
}

async function spawnWorker(
  options: BackendOptions,
  workerFile: string,
  onMessage: (message: WorkerMessage) => void,
): Promise<WorkerHandle> {
  const worker = workerFile.endsWith('.ts')
    ? new Worker(tsxBootstrap(workerFile), { eval: true, workerData: options })
    : new Worker(workerFile, { workerData: options });
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const idleWaiters: (() => void)[] = [];
  let nextId = 1;
  let dead: Error | null = null;
  const settle = (id: number, envelope: Envelope<unknown>) => {
    pending.get(id)?.(envelope);
    pending.delete(id);
    if (pending.size === 0) for (const wake of idleWaiters.splice(0)) wake();
  };

  worker.on('message', (message: WorkerMessage) => {
    if (message.kind === 'result') settle(message.id, message.envelope);
    else onMessage(message);
  });
  const fail = (error: Error) => {
    dead = error;
    for (const id of [...pending.keys()])
      settle(id, { ok: false, error: { code: 'INTERNAL', message: 'internal' } });
  };
  worker.on('error', (error) => {
    console.error('[aruga] backend worker failed:', error.message);
    fail(error);
  });
  worker.on('exit', () => fail(new Error('backend worker exited')));
  await new Promise<void>((resolve, reject) => {
    worker.once('online', resolve);
    worker.once('error', reject);
  });
  return {
    worker,
    isDead: () => dead !== null,
    idle: () =>
      pending.size === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve)),
    send: (message) => {
      if (dead)
        return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'internal' } });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ ...message, id } as HostMessage);
      });
    },
  };
}

/** What a test may ask of the running worker (never reachable from the renderer). */
export interface HostedBackend extends BackendApi {
  /** A V8 heap snapshot of the current backend worker, as text. */
  heapSnapshot(): Promise<string>;
  /** The current worker's thread id: a new one after every lock. */
  threadId(): number;
}

/**
 * `workerFile` is the bundled worker in the packaged app; by default the TypeScript source runs
 * through tsx's loader (development, tests, harness).
 *
 * At every lock the worker is ended and a fresh one started, so nothing the session decrypted
 * (the key pragma's text, query results, typed case notes) outlives the lock in the backend's heap.
 */
export async function startBackendWorker(
  options: BackendOptions,
  workerFile: string = DEV_WORKER,
): Promise<HostedBackend> {
  if (!existsSync(workerFile)) throw new Error(`Backend worker not found: ${workerFile}`);
  const listeners = new Set<(event: BackendEvent) => void>();
  let carried: Pick<BackendOptions, 'pagesChecked' | 'damaged'> = {};
  let closed = false;

  const onMessage = (message: WorkerMessage) => {
    if (message.kind === 'pagesChecked') {
      carried = { pagesChecked: true, damaged: message.damaged };
      return;
    }
    if (message.kind !== 'event') return;
    for (const listener of listeners) listener(message.event);
    if (message.event.type === 'locked' && !closed) replaceWorker();
  };
  const spawn = () => spawnWorker({ ...options, ...carried }, workerFile, onMessage);

  let current = await spawn();
  /** Calls wait for this while a locked worker is being replaced. */
  let ready: Promise<WorkerHandle> = Promise.resolve(current);

  function replaceWorker(): void {
    const old = current;
    ready = (async () => {
      // Let the call that locked (and any already queued) get their answers, then end it.
      await old.idle();
      await retire(old);
      if (closed) return old;
      current = await spawn();
      return current;
    })();
  }

  async function retire(handle: WorkerHandle): Promise<void> {
    if (!handle.isDead()) await handle.send({ kind: 'close' });
    await handle.worker.terminate();
  }

  const send = async (message: Omit<HostMessage, 'id'>) => (await ready).send(message);

  return {
    call: (name, input) => send({ kind: 'call', name, input } as HostMessage),
    lock: async (reason) => {
      await send({ kind: 'lock', reason } as HostMessage);
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      closed = true;
      const handle = await ready;
      await retire(handle);
    },
    heapSnapshot: async () => {
      const handle = await ready;
      return text(await handle.worker.getHeapSnapshot());
    },
    threadId: () => current.worker.threadId,
  };
}
