// Runs the backend in a worker thread and exposes it as a BackendApi: the one way the Electron
// shell and the browser harness reach it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LockReason } from '../../shared/contract';
import type { BackendEvent } from '../../shared/bridge';
import type { Envelope } from '../../shared/errors';
import { inputProblem } from '../../shared/input-bounds';
import type { BackendApi, BackendOptions } from './api';

export type HostMessage =
  | { kind: 'call'; id: number; name: string; input: unknown }
  | { kind: 'lock'; id: number; reason: LockReason }
  | { kind: 'close'; id: number };

export type WorkerMessage =
  | { kind: 'result'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; event: BackendEvent };

const DEV_WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

const INTERNAL: Envelope<never> = { ok: false, error: { code: 'INTERNAL', message: 'internal' } };

/**
 * The calls sent to the worker and not yet answered. Every one is settled exactly once and then
 * forgotten: by the worker's answer, by the worker's end, or at once when it cannot be sent.
 */
export class PendingCalls {
  private readonly waiting = new Map<number, (envelope: Envelope<unknown>) => void>();
  private nextId = 1;

  get size(): number {
    return this.waiting.size;
  }

  /** Registers a call and posts it; a post that throws answers `unsent` and leaves nothing behind. */
  start(post: (id: number) => void, unsent: Envelope<unknown>): Promise<Envelope<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      try {
        post(id);
      } catch {
        this.settle(id, unsent);
      }
    });
  }

  settle(id: number, envelope: Envelope<unknown>): void {
    const resolve = this.waiting.get(id);
    this.waiting.delete(id);
    resolve?.(envelope);
  }

  settleAll(envelope: Envelope<unknown>): void {
    for (const id of [...this.waiting.keys()]) this.settle(id, envelope);
  }
}

/** The answer to an input the transport will not carry (see shared/input-bounds). */
function refusedInput(input: unknown): Envelope<never> | null {
  const problem = inputProblem(input);
  if (problem === null) return null;
  const field = problem === 'tooLarge' ? 'tooLong' : 'invalid';
  return { ok: false, error: { code: 'VALIDATION', message: 'validation', fields: { _: field } } };
}

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

/**
 * `workerFile` is the bundled worker in the packaged app; by default the TypeScript source runs
 * through tsx's loader (development, tests, harness).
 */
export async function startBackendWorker(
  options: BackendOptions,
  workerFile: string = DEV_WORKER,
): Promise<BackendApi> {
  if (!existsSync(workerFile)) throw new Error(`Backend worker not found: ${workerFile}`);
  const worker = workerFile.endsWith('.ts')
    ? new Worker(tsxBootstrap(workerFile), { eval: true, workerData: options })
    : new Worker(workerFile, { workerData: options });
  const pending = new PendingCalls();
  const listeners = new Set<(event: BackendEvent) => void>();
  let dead: Error | null = null;

  worker.on('message', (message: WorkerMessage) => {
    if (message.kind === 'event') {
      for (const listener of listeners) listener(message.event);
      return;
    }
    pending.settle(message.id, message.envelope);
  });
  const fail = (error: Error) => {
    dead = error;
    pending.settleAll(INTERNAL);
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
    unsent: Envelope<unknown> = INTERNAL,
  ): Promise<Envelope<unknown>> => {
    if (dead) return Promise.resolve(INTERNAL);
    return pending.start((id) => worker.postMessage({ ...message, id } as HostMessage), unsent);
  };

  return {
    // The one way the shell's IPC handler and the harness reach the backend: inputs are bounded
    // here, before structured cloning could throw on them.
    call: (name, input) => {
      const refused = refusedInput(input);
      if (refused) return Promise.resolve(refused);
      const unsent: Envelope<never> = {
        ok: false,
        error: { code: 'VALIDATION', message: 'validation', fields: { _: 'invalid' } },
      };
      return send({ kind: 'call', name, input } as HostMessage, unsent);
    },
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
