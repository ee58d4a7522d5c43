// Runs the backend in a worker thread and exposes it as a BackendApi: the one way the Electron
// shell and the browser harness reach it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { LockReason } from '../../shared/contract';
import type { BackendEvent } from '../../shared/bridge';
import type { Envelope } from '../../shared/errors';
import type { BackendApi, BackendOptions } from './api';
import { isPlainRead } from './read-routing';
import type { ReaderReply, ReaderRequest, WorkerData } from './worker';

export type HostMessage =
  | { kind: 'call'; id: number; name: string; input: unknown }
  | { kind: 'lock'; id: number; reason: LockReason }
  | { kind: 'close'; id: number };

export type WorkerMessage =
  | { kind: 'result'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; event: BackendEvent }
  /** The port of the backend's read-only twin, for plain reads. */
  | { kind: 'reader'; port: MessagePort };

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

/** A thread running the backend worker file, bundled or (through tsx) the TypeScript source. */
export function spawnBackendThread(workerFile: string, data: WorkerData): Worker {
  return workerFile.endsWith('.ts')
    ? new Worker(tsxBootstrap(workerFile), { eval: true, workerData: data })
    : new Worker(workerFile, { workerData: data });
}

const INTERNAL: Envelope<never> = { ok: false, error: { code: 'INTERNAL', message: 'internal' } };

/**
 * `workerFile` is the bundled worker in the packaged app; by default the TypeScript source runs
 * through tsx's loader (development, tests, harness).
 */
export async function startBackendWorker(
  options: BackendOptions,
  workerFile: string = DEV_WORKER,
): Promise<BackendApi> {
  if (!existsSync(workerFile)) throw new Error(`Backend worker not found: ${workerFile}`);
  const worker = spawnBackendThread(workerFile, { role: 'main', options, entry: workerFile });
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  /** Plain reads sent to the read-only twin, by id. */
  const reads = new Map<
    number,
    { name: string; input: unknown; resolve: (envelope: Envelope<unknown>) => void }
  >();
  let reader: MessagePort | null = null;
  const listeners = new Set<(event: BackendEvent) => void>();
  let nextId = 1;
  let dead: Error | null = null;

  worker.on('message', (message: WorkerMessage) => {
    if (message.kind === 'reader') {
      reader = message.port;
      reader.on('message', ({ id, answer }: ReaderReply) => {
        const read = reads.get(id);
        reads.delete(id);
        if (!read) return;
        if (answer === 'main') {
          void send({ kind: 'call', name: read.name, input: read.input } as HostMessage).then(
            read.resolve,
          );
        } else {
          read.resolve(answer);
          // Reading is activity: the idle timer lives in the main backend.
          void send({ kind: 'call', name: 'session.touch', input: {} } as HostMessage);
        }
      });
      // Should the twin ever stop, the main backend answers everything, including what was pending.
      reader.on('close', () => {
        reader = null;
        for (const [id, pendingRead] of reads) {
          reads.delete(id);
          void send({
            kind: 'call',
            name: pendingRead.name,
            input: pendingRead.input,
          } as HostMessage).then(pendingRead.resolve);
        }
      });
      reader.unref();
      return;
    }
    if (message.kind === 'event') {
      for (const listener of listeners) listener(message.event);
      return;
    }
    pending.get(message.id)?.(message.envelope);
    pending.delete(message.id);
  });
  const fail = (error: Error) => {
    dead = error;
    reader = null;
    for (const resolve of pending.values()) resolve(INTERNAL);
    for (const read of reads.values()) read.resolve(INTERNAL);
    pending.clear();
    reads.clear();
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

  const send = (
    message: Omit<HostMessage, 'id'> & { kind: HostMessage['kind'] },
  ): Promise<Envelope<unknown>> => {
    if (dead) return Promise.resolve(INTERNAL);
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ ...message, id } as HostMessage);
    });
  };

  /** A plain read goes to the twin, which answers it or hands it back to the main backend. */
  const read = (name: string, input: unknown, port: MessagePort): Promise<Envelope<unknown>> => {
    const id = nextId++;
    return new Promise((resolve) => {
      reads.set(id, { name, input, resolve });
      port.postMessage({ id, name, input } satisfies ReaderRequest);
    });
  };

  return {
    call: (name, input) =>
      reader && !dead && isPlainRead(name)
        ? read(name, input, reader)
        : send({ kind: 'call', name, input } as HostMessage),
    lock: async (reason) => {
      await send({ kind: 'lock', reason } as HostMessage);
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      if (!dead) await send({ kind: 'close' } as HostMessage);
      await worker.terminate();
    },
  };
}
