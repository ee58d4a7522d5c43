// Worker-thread entry: the backend runs off the main thread, so a long KDF, re-key or report never
// freezes the Electron window or the harness's HTTP server.
//
// The same file runs in three roles: the main backend ('main'), which owns the vault and answers
// every call; its read-only twin ('reader', see runtime/read-twin.ts), a thread the main one starts
// so plain reads need not queue behind a long call; and a short-lived 'checker' thread that runs
// the once-per-start page check on a connection of its own. The host talks to the twin over a
// port the main backend hands it; the main backend alone tells the twin who is signed in.
import type { Worker } from 'node:worker_threads';
import { MessageChannel, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Envelope } from '../../shared/errors';
import type { BackendOptions } from './api';
import { checkPages, isCorruptionError, openDatabase } from './db/sqlcipher';
import { createBackend } from './runtime/router';
import {
  spawnBackendThread,
  type HostMessage,
  type ReaderReply,
  type ReaderRequest,
  type WorkerData,
  type WorkerMessage,
} from './runtime/threads';
import { ReadReplica, type ReaderAnswer, type ReaderSession } from './runtime/read-twin';
import { databasePath } from './vault/vault';

/** Main backend → its twin. */
type TwinMessage =
  { kind: 'session'; session: ReaderSession } | { kind: 'host'; port: MessagePort };

/** How long after an unlock the page check starts. */
const PAGE_CHECK_DELAY_MS = 2000;

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
const data = workerData as WorkerData;
if (data.role === 'reader') runReader(port, data.folder, data.generation);
else if (data.role === 'checker') runChecker(port, data.folder, data.dataKeyHex);
else runMain(port, data.options, data.entry);

function runMain(port: MessagePort, options: BackendOptions, entry: string): void {
  const backend = createBackend(options);
  const post = (message: WorkerMessage) => port.postMessage(message);
  /** Always answers: an envelope that cannot be cloned becomes INTERNAL, so no call waits forever. */
  const answer = (id: number, envelope: Envelope<unknown>) => {
    try {
      post({ kind: 'result', id, envelope });
    } catch {
      post({
        kind: 'result',
        id,
        envelope: { ok: false, error: { code: 'INTERNAL', message: 'internal' } },
      });
    }
  };

  const generation = new Int32Array(new SharedArrayBuffer(4));
  const twin: Worker = spawnBackendThread(entry, {
    role: 'reader',
    folder: options.dataFolder,
    generation,
  } satisfies WorkerData);
  twin.unref();
  twin.on('error', (error) => console.error('[aruga] reader thread failed:', error.message));
  const toHost = new MessageChannel();
  twin.postMessage({ kind: 'host', port: toHost.port2 } satisfies TwinMessage, [toHost.port2]);
  port.postMessage({ kind: 'reader', port: toHost.port1 } satisfies WorkerMessage, [toHost.port1]);

  let announced = '';
  /** Tells the twin about a new session (or none) once; bumps the generation first. */
  const announce = (session: ReaderSession) => {
    const key = session ? `${session.userId}:${session.dataKeyHex}` : '';
    if (key === announced) return;
    announced = key;
    Atomics.add(generation, 0, 1);
    twin.postMessage({ kind: 'session', session } satisfies TwinMessage);
  };
  const sync = () => announce(backend.readSession());

  backend.onEvent((event) => {
    if (event.type === 'locked') announce(null);
    post({ kind: 'event', event });
  });
  backend.onPagesChecked(({ damaged }) => post({ kind: 'pagesChecked', damaged }));

  let checker: Worker | null = null;
  let pending: NodeJS.Timeout | null = null;
  backend.checkPagesWith((dataKeyHex, done) => {
    if (checker || pending) return;
    // Not at once: the first screen after sign-in gets both cores, then the check runs.
    pending = setTimeout(() => {
      pending = null;
      startChecker(dataKeyHex, done);
    }, PAGE_CHECK_DELAY_MS);
  });
  const startChecker = (dataKeyHex: string, done: (sound: boolean) => void) => {
    const thread = spawnBackendThread(entry, {
      role: 'checker',
      folder: options.dataFolder,
      dataKeyHex,
    } satisfies WorkerData);
    checker = thread;
    thread.unref();
    thread.once('message', (result: CheckerResult) => {
      if (result.sound !== null) done(result.sound);
    });
    thread.once('error', (error) => console.error('[aruga] page check failed:', error.message));
    thread.once('exit', () => {
      if (checker === thread) checker = null;
    });
  };
  /** A re-key rewrites every page under the checker's feet: it stops, and runs at the next unlock. */
  const stopChecker = () => {
    if (pending) clearTimeout(pending);
    pending = null;
    void checker?.terminate();
  };

  port.on('message', (message: HostMessage) => {
    switch (message.kind) {
      case 'call':
        // A re-key rewrites every page: the twin lets go of the old key first.
        if (message.name === 'vault.rotateKey') {
          announce(null);
          stopChecker();
        }
        void backend.call(message.name, message.input).then((envelope) => {
          sync();
          answer(message.id, envelope);
        });
        break;
      case 'lock':
        void backend.lock(message.reason).then(() => {
          sync();
          answer(message.id, { ok: true, value: null });
        });
        break;
      case 'close':
        void backend.close().then(async () => {
          stopChecker();
          await twin.terminate();
          answer(message.id, { ok: true, value: null });
          port.close();
        });
        break;
    }
  });
}

function runReader(parent: MessagePort, folder: string, generation: Int32Array): void {
  const replica = new ReadReplica(folder, generation);
  parent.on('message', (message: TwinMessage) => {
    if (message.kind === 'session') replica.setSession(message.session);
    else
      message.port.on('message', (request: ReaderRequest) => {
        void replica
          .call(request.name, request.input)
          .catch((): ReaderAnswer => 'main')
          .then((answer) =>
            message.port.postMessage({ id: request.id, answer } satisfies ReaderReply),
          );
      });
  });
}

/** The checker's one message: null when it could not open the database to check it. */
type CheckerResult = { sound: boolean | null };

function runChecker(parent: MessagePort, folder: string, dataKeyHex: string): void {
  const key = Buffer.from(dataKeyHex, 'hex');
  let sound: boolean | null = null;
  try {
    const db = openDatabase(databasePath(folder), key);
    try {
      db.pragma('query_only = ON');
      sound = checkPages(db);
    } finally {
      db.close();
    }
  } catch (error) {
    // Not opening is not proof of damage: the main connection, which did open, decides later.
    if (isCorruptionError(error)) sound = false;
  } finally {
    key.fill(0);
  }
  parent.postMessage({ sound } satisfies CheckerResult);
  parent.close();
}
