// Worker-thread entry: the backend runs off the main thread, so a long KDF, re-key or report never
// freezes the Electron window or the harness's HTTP server.
//
// The same file runs in three roles: the main backend ('main'), which owns the vault and answers
// every call; its read-only twin ('reader', see runtime/read-twin.ts), a thread the main one starts
// so plain reads need not queue behind a long call; and a short-lived 'checker' thread that runs
// the once-per-start page check on a connection of its own; and a short-lived 'backup' thread that
// makes the automatic daily backup on a connection of its own, so calls go on meanwhile. The host talks to the twin over a
// port the main backend hands it; the main backend alone tells the twin who is signed in.
//
// The twin, the checker and the backup thread are never terminate()d: a thread ended while it is inside the SQLCipher
// addon takes the whole process down (the addon cannot throw into a dying thread). They are asked
// to stop, or waited for, and end on their own.
import type { Worker } from 'node:worker_threads';
import { MessageChannel, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Envelope } from '../../shared/errors';
import type { BackendOptions } from './api';
import { checkPages, isCorruptionError, openDatabase } from './db/sqlcipher';
import { createBackend, type AutomaticBackupJob } from './runtime/router';
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
import { createBackupOnOwnConnection } from './vault/backup';
import { makeDailyBackup } from './vault/daily-backups';

/** Main backend → its twin. */
type TwinMessage =
  | { kind: 'session'; session: ReaderSession }
  | { kind: 'host'; port: MessagePort }
  | { kind: 'close' };

/** How long after an unlock the page check starts. */
const PAGE_CHECK_DELAY_MS = 2000;

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');
const data = workerData as WorkerData;
if (data.role === 'reader') runReader(port, data.folder, data.generation);
else if (data.role === 'checker') runChecker(port, data.folder, data.dataKeyHex);
else if (data.role === 'backup') runBackup(port, data.job);
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

  /** The host ends this worker at its lock: what comes after goes to the next one (handOn). */
  let ended = false;
  const hasEnded = () => ended;
  backend.onEvent((event) => {
    if (event.type === 'locked') {
      ended = true;
      announce(null);
    }
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
  /**
   * A pending check is cancelled (it runs at the next unlock); a running one, at most a second or
   * so, is waited for. A re-key must not rewrite pages under the checker's feet.
   */
  const stopChecker = async (): Promise<void> => {
    if (pending) clearTimeout(pending);
    pending = null;
    if (checker) await exited(checker);
  };
  let backupThread: Worker | null = null;
  backend.backupWith((job, done) => {
    const thread = spawnBackendThread(entry, { role: 'backup', job } satisfies WorkerData);
    backupThread = thread;
    thread.unref();
    let answered = false;
    const finish = (error: string | null) => {
      if (answered) return;
      answered = true;
      done(error);
    };
    thread.once('message', (result: BackupResultMessage) => finish(result.error));
    thread.once('error', (error) => {
      console.error('[aruga] the backup thread failed:', error.message);
      finish('storageFailed');
    });
    thread.once('exit', () => {
      if (backupThread === thread) backupThread = null;
      finish('storageFailed');
    });
  });
  /** A re-key, a restore or the end of the worker waits for a running backup to finish. */
  const stopHelpers = async (): Promise<void> => {
    await stopChecker();
    if (backupThread) await exited(backupThread);
  };
  /** Calls start in the order they came, also when one has to wait for the checker first. */
  let inOrder: Promise<void> = Promise.resolve();

  port.on('message', (message: HostMessage) => {
    switch (message.kind) {
      case 'call': {
        // A re-key and a restore replace the file: the twin lets go first.
        const rekey = message.name === 'vault.rotateKey' || message.name === 'backup.restore';
        if (rekey) announce(null);
        const ready = rekey ? inOrder.then(stopHelpers) : inOrder;
        inOrder = ready.then(() => {
          void backend.callUnlessEnded(hasEnded, message.name, message.input).then((envelope) => {
            if (envelope === 'handOn') return post({ kind: 'handOn', message });
            sync();
            answer(message.id, envelope);
          });
        });
        break;
      }
      case 'lock':
        void backend.lockUnlessEnded(hasEnded, message.reason).then((result) => {
          if (result === 'handOn') return post({ kind: 'handOn', message });
          sync();
          answer(message.id, { ok: true, value: null });
        });
        break;
      case 'close':
        void backend.close().then(async () => {
          await stopHelpers();
          const twinEnded = exited(twin);
          twin.postMessage({ kind: 'close' } satisfies TwinMessage);
          await twinEnded;
          answer(message.id, { ok: true, value: null });
          port.close();
        });
        break;
    }
  });
}

/** Resolves when the thread has ended, whether or not it failed (events.once would reject). */
function exited(thread: Worker): Promise<void> {
  return new Promise((resolve) => thread.once('exit', () => resolve()));
}

function runReader(parent: MessagePort, folder: string, generation: Int32Array): void {
  const replica = new ReadReplica(folder, generation);
  let host: MessagePort | null = null;
  parent.on('message', (message: TwinMessage) => {
    if (message.kind === 'session') replica.setSession(message.session);
    else if (message.kind === 'close') {
      // Between two calls (this thread runs one at a time): nothing is inside the addon now.
      replica.close();
      host?.close();
      parent.close();
    } else {
      host = message.port;
      message.port.on('message', (request: ReaderRequest) => {
        void replica
          .call(request.name, request.input)
          .catch((): ReaderAnswer => 'main')
          .then((answer) =>
            message.port.postMessage({ id: request.id, answer } satisfies ReaderReply),
          );
      });
    }
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

/** The backup thread's one message: the failure's reason (an i18n key), or null. */
type BackupResultMessage = { error: string | null };

function runBackup(parent: MessagePort, job: AutomaticBackupJob): void {
  const dataKey = Buffer.from(job.dataKeyHex, 'hex');
  try {
    const error = makeDailyBackup(job.target, (target) =>
      createBackupOnOwnConnection({ folder: job.folder, dataKey, keyring: job.keyring }, target),
    );
    parent.postMessage({ error } satisfies BackupResultMessage);
  } finally {
    dataKey.fill(0);
    parent.close();
  }
}
