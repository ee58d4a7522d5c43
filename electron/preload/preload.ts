// The preload: exposes exactly `window.aruga` = { call, onLock, onProgress, onSynced, output } through
// contextBridge. Never ipcRenderer itself, never `send`/`on` for arbitrary channels, never
// process.env. Bundled to CommonJS because sandboxed preloads cannot be ES modules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  IPC_CHANNEL_CALL,
  IPC_CHANNEL_EVENT,
  IPC_CHANNEL_OUTPUT,
  parseProgressStep,
  type ArugaBridge,
  type BackendEvent,
  type LockEvent,
  type ProgressEvent,
  type OutputRequest,
  type OutputResult,
} from '../../shared/bridge';
import type { Envelope } from '../../shared/errors';

/** Backend events, copied field by field: nothing else the IPC message carries reaches the page. */
function onBackendEvent(listener: (event: BackendEvent) => void): () => void {
  // The IpcRendererEvent stays here: it carries `sender`, which must never reach the page.
  const forward = (_event: IpcRendererEvent, event: BackendEvent): void => listener(event);
  ipcRenderer.on(IPC_CHANNEL_EVENT, forward);
  return () => {
    ipcRenderer.removeListener(IPC_CHANNEL_EVENT, forward);
  };
}

const bridge: ArugaBridge = {
  call(name: string, input: unknown): Promise<Envelope<unknown>> {
    return ipcRenderer.invoke(IPC_CHANNEL_CALL, name, input) as Promise<Envelope<unknown>>;
  },
  onLock(listener: (event: LockEvent) => void): () => void {
    return onBackendEvent((event) => {
      if (event.type === 'locked') listener({ type: 'locked', reason: event.reason });
    });
  },
  onProgress(listener: (event: ProgressEvent) => void): () => void {
    return onBackendEvent((event) => {
      if (event.type !== 'progress') return;
      const { procedure, done, total } = event;
      const step = parseProgressStep(event.step);
      listener({ type: 'progress', procedure, done, total, ...(step ? { step } : {}) });
    });
  },
  onSynced(listener: () => void): () => void {
    return onBackendEvent((event) => {
      if (event.type === 'synced') listener();
    });
  },
  output(request: OutputRequest): Promise<OutputResult> {
    return ipcRenderer.invoke(IPC_CHANNEL_OUTPUT, request) as Promise<OutputResult>;
  },
};

contextBridge.exposeInMainWorld('aruga', bridge);
