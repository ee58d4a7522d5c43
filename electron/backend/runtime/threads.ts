// The messages between the host and the backend's threads, and how a thread is started: kept
// apart from both sides so that neither imports the other.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { LockReason } from '../../../shared/contract';
import type { BackendEvent } from '../../../shared/bridge';
import type { Envelope } from '../../../shared/errors';
import type { BackendOptions } from '../api';
import type { ReaderAnswer } from './read-twin';
import type { AutomaticBackupJob } from './router';

export type HostMessage =
  | { kind: 'call'; id: number; name: string; input: unknown }
  | { kind: 'lock'; id: number; reason: LockReason }
  | { kind: 'close'; id: number };

export type WorkerMessage =
  | { kind: 'result'; id: number; envelope: Envelope<unknown> }
  /** The worker had locked before this message's turn came: the next worker takes it. */
  | { kind: 'handOn'; message: HostMessage }
  | { kind: 'event'; event: BackendEvent }
  | { kind: 'pagesChecked'; damaged: boolean }
  /** The port of the backend's read-only twin, for plain reads. */
  | { kind: 'reader'; port: MessagePort };

export type WorkerData =
  | { role: 'main'; options: BackendOptions; entry: string }
  | { role: 'reader'; folder: string; generation: Int32Array }
  | { role: 'checker'; folder: string; dataKeyHex: string }
  | { role: 'backup'; job: AutomaticBackupJob };

/** Host → twin, and back. */
export type ReaderRequest = { id: number; name: string; input: unknown };
export type ReaderReply = { id: number; answer: ReaderAnswer };

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
