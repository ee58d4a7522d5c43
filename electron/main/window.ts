// The one application window (every security option spelled out).
import { app, BrowserWindow, type Rectangle } from 'electron';
import { APP_TITLE, guardWindowTitle } from './window-title';

const DEFAULT_SIZE = { width: 1280, height: 800 };

export function createMainWindow(
  preloadPath: string,
  bounds: Rectangle | undefined,
): BrowserWindow {
  const window = new BrowserWindow({
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: APP_TITLE,
    backgroundColor: '#f4f6f5',
    autoHideMenuBar: true,
    webPreferences: {
      // Reviewed (electronegativity PRELOAD_JS_CHECK): the preload only exposes `aruga.call`,
      // `aruga.onLock` and `aruga.output` through contextBridge; tests/build/preload.test.ts
      // enforces that.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click must not open links in new windows (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      // Chromium's spellchecker can fetch dictionaries from the network and sees every typed
      // word; case notes stay on this machine.
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  // Case files must not leak through screen capture: recorders, remote-access tools or spyware
  // on a shared laptop see a blank window (Windows 10 2004+ excludes it from capture entirely).
  window.setContentProtection(true);
  guardWindowTitle(window);
  return window;
}
