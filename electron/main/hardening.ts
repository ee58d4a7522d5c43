// Shell-wide guards: no navigation, no new windows, no webviews, no permissions,
// no downloads. Applied to every webContents the app ever creates.
import type { Session, WebContents } from 'electron';

/** The app is one page loaded by the main process; the page itself may not go anywhere. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Aruga needs no web permission (camera, notifications, clipboard-read, …): deny every request
 * and every check. Downloads are refused too: exports go through the backend, which audits them.
 */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}
