// The one IPC entry point: `aruga:call`, from our own page only.
import { ipcMain, type BrowserWindow } from 'electron';
import {
  IPC_CHANNEL_CALL,
  IPC_CHANNEL_EVENT,
  IPC_CHANNEL_OUTPUT,
  parseOutputRequest,
  type OutputResult,
} from '../../shared/bridge';
import type { AppErrorShape, Envelope } from '../../shared/errors';
import type { BackendApi } from '../backend/api';
import { outputReport } from './output';
import { isTrustedSender } from './sender';

function failure(code: AppErrorShape['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Registers the single `aruga:call` handler. It never throws: an exception's message would
 * reach the renderer, and only typed envelopes may.
 */
export function registerCallHandler(
  backend: BackendApi,
  getWindow: () => BrowserWindow | null,
): void {
  ipcMain.handle(
    IPC_CHANNEL_CALL,
    async (event, name: unknown, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event, getWindow())) return failure('FORBIDDEN', 'forbidden');
      if (typeof name !== 'string') return failure('VALIDATION', 'validation');
      try {
        return await backend.call(name, input);
      } catch {
        return failure('INTERNAL', 'internal');
      }
    },
  );
}

/** Registers `aruga:output`: a report, from our own page only, printed or saved. */
export function registerOutputHandler(getWindow: () => BrowserWindow | null): void {
  ipcMain.handle(IPC_CHANNEL_OUTPUT, async (event, request: unknown): Promise<OutputResult> => {
    const window = getWindow();
    const parsed = parseOutputRequest(request);
    if (window === null || !isTrustedSender(event, window) || parsed === null)
      return { done: false };
    try {
      return await outputReport(window, parsed);
    } catch {
      return { done: false };
    }
  });
}

/** Forwards backend events (e.g. an idle lock) to the page; returns the unsubscribe function. */
export function forwardBackendEvents(
  backend: BackendApi,
  getWindow: () => BrowserWindow | null,
): () => void {
  return backend.onEvent((event) => {
    const window = getWindow();
    if (window !== null && !window.isDestroyed()) window.webContents.send(IPC_CHANNEL_EVENT, event);
  });
}
