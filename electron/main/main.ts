// Aruga's Electron main process: a thin shell around the backend worker.
import { app, dialog, Menu, powerMonitor, session, type BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BackendApi } from '../backend/api';
import { startBackendWorker } from '../host/backend-host';
import { APP_ENTRY_URL } from './app-origin';
import { dataFolderOverride } from './args';
import { hardenWebContents, lockDownSession } from './hardening';
import { forwardBackendEvents, registerCallHandler, registerOutputHandler } from './ipc';
import { openShellPreferences, savedWindowBounds, type PreferencesStore } from './preferences';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow } from './window';

// Bundled to dist/electron/main.cjs: siblings are the preload and the backend worker.
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const WORKER_PATH = path.join(__dirname, 'backend-worker.cjs');
const RENDERER_ROOT = path.join(__dirname, '..', 'renderer');

let mainWindow: BrowserWindow | null = null;
let backend: BackendApi | null = null;

function dataFolder(): string {
  // In development `electron .` puts the app path first; a packaged app has only its own args.
  const args = process.argv.slice(app.isPackaged ? 1 : 2);
  return dataFolderOverride(args) ?? path.join(app.getPath('userData'), 'vault');
}

function lockBackend(): void {
  void backend?.lock('system');
}

function openWindow(preferences: PreferencesStore): BrowserWindow {
  const window = createMainWindow(PRELOAD_PATH, savedWindowBounds(preferences));
  window.once('ready-to-show', () => window.show());
  window.on('close', () => preferences.set('windowBounds', window.getNormalBounds()));
  window.on('closed', () => {
    mainWindow = null;
  });
  // A crashed page may have held records in memory: lock, then start the page afresh.
  window.webContents.on('render-process-gone', () => {
    lockBackend();
    if (!window.isDestroyed()) void window.loadURL(APP_ENTRY_URL);
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

async function boot(): Promise<void> {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  if (app.isPackaged) Menu.setApplicationMenu(null);
  lockDownSession(session.defaultSession);
  serveRenderer(RENDERER_ROOT);

  const folder = dataFolder();
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  backend = await startBackendWorker({ dataFolder: folder }, WORKER_PATH);
  const preferences = openShellPreferences(folder);

  registerCallHandler(backend, () => mainWindow);
  registerOutputHandler(() => mainWindow);
  forwardBackendEvents(backend, () => mainWindow);
  powerMonitor.on('lock-screen', lockBackend);
  powerMonitor.on('suspend', lockBackend);

  mainWindow = openWindow(preferences);
}

/** Quitting waits once for the backend to lock and close the database. */
function shutDownBackendOnQuit(): void {
  app.on('will-quit', (event) => {
    if (backend === null) return;
    event.preventDefault();
    const closing = backend;
    backend = null;
    void closing.close().finally(() => app.quit());
  });
}

registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  shutDownBackendOnQuit();
  boot().catch((error: unknown) => {
    dialog.showErrorBox(
      'Aruga could not start',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
  });
}
