// The exact shape the preload (and the browser harness) put on `window.aruga`.
import type { Envelope } from './errors';
import type { LockEventReason, ProcedureName } from './contract';
import { isNeutralFileName } from './reports/file-name';

export interface LockEvent {
  type: 'locked';
  reason: LockEventReason;
}

/**
 * How far a long call is (a procedure declared with `progress: true`: a backup, a restore, a
 * salvage): `done` of `total` units of work really done (bytes copied and read back, tables
 * salvaged). While one call runs, `done` only grows, and its last event has `done === total`.
 */
export interface ProgressEvent {
  type: 'progress';
  procedure: ProcedureName;
  done: number;
  total: number;
  /** What a job made of different kinds of work is doing now (a sign-in that upgrades the vault). */
  step?: ProgressStep;
}

/**
 * A sign-in that upgrades the vault: first the verified backup of the vault as it was (`bytes`,
 * the database's size), then migration `number` of `of`.
 */
export type ProgressStep =
  { kind: 'upgradeBackup'; bytes: number } | { kind: 'migration'; number: number; of: number };

/** A step of the right shape, or undefined: checked where an event crosses a boundary. */
export function parseProgressStep(value: unknown): ProgressStep | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, bytes, number, of } = value as Record<string, unknown>;
  const count = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (kind === 'upgradeBackup' && count(bytes)) return { kind, bytes };
  if (kind === 'migration' && count(number) && count(of)) return { kind, number, of };
  return undefined;
}

/**
 * Records written on other computers reached this vault (an automatic sync, or one this window did
 * not start): every answer on screen is asked for again. It carries nothing else.
 */
export interface SyncedEvent {
  type: 'synced';
}

export type BackendEvent = LockEvent | ProgressEvent | SyncedEvent;

/**
 * A report leaving the app: its whole HTML document (renderer/domains/reports/print) sent to the
 * system print dialog ('print') or saved as a PDF ('pdf'), or its tables as CSV text ('csv'),
 * saved where the user chooses.
 */
export interface OutputRequest {
  mode: 'print' | 'pdf' | 'csv';
  content: string;
  /** The suggested file name, from reportFileName: which report and period, never whose. */
  fileName: string;
}

/** Whether it was printed or saved (false: cancelled or failed); never the folder it went to. */
export interface OutputResult {
  done: boolean;
  fileName?: string;
}

export interface ArugaBridge {
  call(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribe to lock events; returns the unsubscribe function. */
  onLock(listener: (event: LockEvent) => void): () => void;
  /** Subscribe to the progress of long calls; returns the unsubscribe function. */
  onProgress(listener: (event: ProgressEvent) => void): () => void;
  /** Subscribe to syncs that brought other computers' records; returns the unsubscribe function. */
  onSynced(listener: () => void): () => void;
  /** Prints or saves a report (a document printed in a hidden window of its own, never the app's page). */
  output(request: OutputRequest): Promise<OutputResult>;
}

export const IPC_CHANNEL_CALL = 'aruga:call';
export const IPC_CHANNEL_EVENT = 'aruga:event';
export const IPC_CHANNEL_OUTPUT = 'aruga:output';
/** The largest report accepted (a long list with its embedded font). */
export const OUTPUT_MAX_BYTES = 8 * 1024 * 1024;

/** An output request of the right shape and size, or null: checked where it crosses a boundary. */
export function parseOutputRequest(value: unknown): OutputRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const { mode, content, fileName } = value as Record<string, unknown>;
  if (mode !== 'print' && mode !== 'pdf' && mode !== 'csv') return null;
  if (typeof content !== 'string' || content.length === 0 || content.length > OUTPUT_MAX_BYTES)
    return null;
  const extension = mode === 'csv' ? 'csv' : 'pdf';
  if (typeof fileName !== 'string' || !isNeutralFileName(fileName, extension)) return null;
  return { mode, content, fileName };
}
