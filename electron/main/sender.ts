// Who may call the backend, the first check of every call. Type-only Electron imports keep this pure, so
// tests/build can exercise it with stand-in objects.
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { APP_ORIGIN } from './app-origin';

/** Only the main frame of our window, showing our own app:// page, may call the backend. */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  if (window === null || window.isDestroyed() || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  const mainFrame = window.webContents.mainFrame;
  return (
    frame !== null &&
    frame.parent === null &&
    frame.frameTreeNodeId === mainFrame.frameTreeNodeId &&
    frame.url.startsWith(`${APP_ORIGIN}/`)
  );
}
