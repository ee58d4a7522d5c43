// Worker-thread entry: the backend runs off the main thread, so a long KDF, re-key or report never
// freezes the Electron window or the harness's HTTP server (DESIGN.md §1).
import { parentPort, workerData } from 'node:worker_threads';
import type { Envelope } from '../../shared/errors';
import type { BackendOptions } from './api';
import { Backend } from './backend';
import type { HostMessage, WorkerMessage } from './host';

const port = parentPort;
if (!port) throw new Error('worker.ts must run in a worker thread');

const backend = new Backend(workerData as BackendOptions);
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
backend.onEvent((event) => post({ kind: 'event', event }));
backend.onPagesChecked(({ damaged }) => post({ kind: 'pagesChecked', damaged }));

port.on('message', (message: HostMessage) => {
  switch (message.kind) {
    case 'call':
      void backend
        .call(message.name, message.input)
        .then((envelope) => answer(message.id, envelope));
      break;
    case 'lock':
      void backend.lock(message.reason).then(() => answer(message.id, { ok: true, value: null }));
      break;
    case 'close':
      void backend.close().then(() => {
        answer(message.id, { ok: true, value: null });
        port.close();
      });
      break;
  }
});
