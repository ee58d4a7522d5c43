// Runs the backend in a worker thread and exposes it as a BackendApi: the one way the Electron
// shell and the browser harness reach it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker, MessagePort } from 'node:worker_threads';
import { text } from 'node:stream/consumers';
import type { BackendEvent } from '../../shared/bridge';
import type { Envelope } from '../../shared/errors';
import { inputProblem } from '../../shared/input-bounds';
import type { BackendApi, BackendOptions } from '../backend/api';
import { isPlainRead } from '../backend/runtime/read-routing';
import {
  spawnBackendThread,
  type HostMessage,
  type ReaderReply,
  type ReaderRequest,
  type WorkerMessage,
} from '../backend/runtime/threads';

const DEV_WORKER = fileURLToPath(new URL('../backend/worker.ts', import.meta.url));

const INTERNAL: Envelope<never> = { ok: false, error: { code: 'INTERNAL', message: 'internal' } };

/**
 * The calls sent to the worker and not yet answered. Every one is settled exactly once and then
 * forgotten: by the worker's answer, by the worker's end, or at once when it cannot be sent.
 */
export class PendingCalls {
  private readonly waiting = new Map<number, (envelope: Envelope<unknown>) => void>();
  private readonly idleWaiters: (() => void)[] = [];
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
    this.take(id)?.(envelope);
  }

  /** Forgets a call without answering it, and gives back what answers it (to answer later). */
  take(id: number): ((envelope: Envelope<unknown>) => void) | undefined {
    const resolve = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    return resolve;
  }

  /** Resolves once no call is waiting. */
  idle(): Promise<void> {
    if (this.waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
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

/** A message the worker did not run because it had locked first, and what answers its sender. */
interface HandedOn {
  message: Omit<HostMessage, 'id'>;
  resolve: (envelope: Envelope<unknown>) => void;
}

/**
 * Where a plain read goes, given the calls in flight on the twin and on the main backend: the twin
 * unless it is busy and the main backend is not. Either answers a plain read alike; a screen's
 * first calls (Today after sign-in asks for seven at once) then run two at a time, one per core,
 * instead of queueing on the twin while the main backend waits.
 */
export function readGoesToTwin(twinInFlight: number, mainInFlight: number): boolean {
  return twinInFlight === 0 || mainInFlight > 0;
}

interface WorkerHandle {
  worker: Worker;
  /** What this worker handed on, in order, for the next worker to run first. */
  handedOn: HandedOn[];
  /** `unsent` answers a message that cannot be posted (see PendingCalls.start). */
  send(message: Omit<HostMessage, 'id'>, unsent?: Envelope<unknown>): Promise<Envelope<unknown>>;
  /** A procedure call: plain reads go to the read-only twin (see readGoesToTwin), the rest to the backend. */
  call(name: string, input: unknown, unsent: Envelope<unknown>): Promise<Envelope<unknown>>;
  /** Resolves once no call is waiting for this worker or its twin. */
  idle(): Promise<void>;
  isDead(): boolean;
}

async function spawnWorker(
  options: BackendOptions,
  workerFile: string,
  onMessage: (message: WorkerMessage) => void,
): Promise<WorkerHandle> {
  const worker = spawnBackendThread(workerFile, { role: 'main', options, entry: workerFile });
  const pending = new PendingCalls();
  /** Plain reads sent to the read-only twin, and what to send the backend should it hand one back. */
  const reads = new PendingCalls();
  const readCalls = new Map<number, { name: string; input: unknown }>();
  let reader: MessagePort | null = null;
  let dead: Error | null = null;
  const handedOn: HandedOn[] = [];

  const send = (message: Omit<HostMessage, 'id'>, unsent: Envelope<unknown> = INTERNAL) => {
    if (dead) return Promise.resolve(INTERNAL);
    return pending.start((id) => worker.postMessage({ ...message, id } as HostMessage), unsent);
  };
  const sendCall = (name: string, input: unknown, unsent?: Envelope<unknown>) =>
    send({ kind: 'call', name, input } as HostMessage, unsent);

  const attachReader = (port: MessagePort) => {
    reader = port;
    port.on('message', ({ id, answer }: ReaderReply) => {
      const read = readCalls.get(id);
      readCalls.delete(id);
      if (!read) return;
      if (answer === 'main') {
        void sendCall(read.name, read.input).then((envelope) => reads.settle(id, envelope));
        return;
      }
      reads.settle(id, answer);
      // Reading is activity: the idle timer lives in the main backend.
      void sendCall('session.touch', {});
    });
    // Should the twin ever stop, the main backend answers everything, including what was pending.
    port.on('close', () => {
      reader = null;
      for (const [id, read] of readCalls) {
        readCalls.delete(id);
        void sendCall(read.name, read.input).then((envelope) => reads.settle(id, envelope));
      }
    });
    port.unref();
  };

  worker.on('message', (message: WorkerMessage) => {
    if (message.kind === 'result') pending.settle(message.id, message.envelope);
    else if (message.kind === 'handOn') {
      const { id, ...rest } = message.message;
      const resolve = pending.take(id);
      if (resolve) handedOn.push({ message: rest, resolve });
    } else if (message.kind === 'reader') attachReader(message.port);
    else onMessage(message);
  });
  const fail = (error: Error) => {
    dead = error;
    reader = null;
    readCalls.clear();
    pending.settleAll(INTERNAL);
    reads.settleAll(INTERNAL);
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
    handedOn,
    isDead: () => dead !== null,
    idle: async () => {
      await reads.idle();
      await pending.idle();
    },
    send,
    call: (name, input, unsent) => {
      const twin = reader;
      if (!twin || dead || !isPlainRead(name)) return sendCall(name, input, unsent);
      if (!readGoesToTwin(reads.size, pending.size)) return sendCall(name, input, unsent);
      return reads.start((id) => {
        twin.postMessage({ id, name, input } satisfies ReaderRequest);
        // After the post: one that throws (uncloneable input) leaves nothing to hand back.
        readCalls.set(id, { name, input });
      }, unsent);
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
      const handedOn = old.handedOn.splice(0);
      if (closed) {
        for (const { resolve } of handedOn) resolve(INTERNAL);
        return old;
      }
      current = await spawn();
      // What the old worker handed on goes first, in order: it was sent before anything that is
      // still waiting for `ready`.
      for (const { message, resolve } of handedOn) void current.send(message).then(resolve);
      return current;
    })();
  }

  async function retire(handle: WorkerHandle): Promise<void> {
    if (!handle.isDead()) await handle.send({ kind: 'close' });
    await handle.worker.terminate();
  }

  const send = async (message: Omit<HostMessage, 'id'>, unsent?: Envelope<unknown>) =>
    (await ready).send(message, unsent);

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
      return ready.then((handle) => handle.call(name, input, unsent));
    },
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
