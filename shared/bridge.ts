// The exact shape the preload (and the browser harness) put on `window.aruga`.
import type { Envelope } from './errors';
import type { LockEventReason } from './contract';

export interface BackendEvent {
  type: 'locked';
  reason: LockEventReason;
}

export interface ArugaBridge {
  call(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribe to lock events; returns the unsubscribe function. */
  onLock(listener: (event: BackendEvent) => void): () => void;
}

export const IPC_CHANNEL_CALL = 'aruga:call';
export const IPC_CHANNEL_EVENT = 'aruga:event';
