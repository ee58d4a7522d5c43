// The shell's guards, run with stand-in Electron objects: navigation and window denial,
// permission denial, the IPC sender check, app:// path resolution and the --data override.
import type { BrowserWindow, IpcMainInvokeEvent, Session, WebContents } from 'electron';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, resolveRendererPath } from '../../electron/main/app-origin';
import { dataFolderOverride } from '../../electron/main/args';
import { hardenWebContents, lockDownSession } from '../../electron/main/hardening';
import { isTrustedSender } from '../../electron/main/sender';

type Listener = (...args: unknown[]) => unknown;

/** Records `on(...)` listeners and the window-open handler, like an EventEmitter would. */
function recorder() {
  const listeners = new Map<string, Listener[]>();
  const handlers: Record<string, Listener> = {};
  const target = {
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return target;
    },
    setWindowOpenHandler(handler: Listener) {
      handlers.windowOpen = handler;
    },
    setPermissionRequestHandler(handler: Listener) {
      handlers.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      handlers.permissionCheck = handler;
    },
    setDevicePermissionHandler(handler: Listener) {
      handlers.devicePermission = handler;
    },
  };
  /** Emits `name` with a preventable event; true if every listener prevented it. */
  const emitPreventable = (name: string, ...rest: unknown[]): boolean => {
    const registered = listeners.get(name) ?? [];
    if (registered.length === 0) return false;
    const event = { preventDefault: vi.fn() };
    for (const listener of registered) listener(event, ...rest);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { target, handlers, emitPreventable };
}

describe('hardenWebContents', () => {
  const { target, handlers, emitPreventable } = recorder();
  hardenWebContents(target as unknown as WebContents);

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])(
    'prevents %s',
    (name) => {
      expect(emitPreventable(name, 'https://example.org/')).toBe(true);
    },
  );

  it('denies every new window, including our own origin', () => {
    expect(handlers.windowOpen?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(handlers.windowOpen?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
  });
});

describe('lockDownSession', () => {
  const { target, handlers, emitPreventable } = recorder();
  lockDownSession(target as unknown as Session);

  it.each(['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal', 'unknown'])(
    'denies the %s permission request and check',
    (permission) => {
      const callback = vi.fn();
      handlers.permissionRequest?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(handlers.permissionCheck?.(null, permission, APP_ENTRY_URL, {})).toBe(false);
    },
  );

  it('denies device access and downloads', () => {
    expect(handlers.devicePermission?.({ deviceType: 'usb', origin: APP_ENTRY_URL })).toBe(false);
    expect(emitPreventable('will-download', {}, {})).toBe(true);
  });
});

describe('isTrustedSender', () => {
  const mainFrame = { parent: null, frameTreeNodeId: 1, url: APP_ENTRY_URL };
  const webContents = { mainFrame };
  const window = { webContents, isDestroyed: () => false } as unknown as BrowserWindow;
  const event = (sender: unknown, senderFrame: unknown) =>
    ({ sender, senderFrame }) as unknown as IpcMainInvokeEvent;

  it('accepts the main frame of our window on app://aruga/', () => {
    expect(isTrustedSender(event(webContents, mainFrame), window)).toBe(true);
    const routed = { ...mainFrame, url: 'app://aruga/index.html#/users' };
    expect(isTrustedSender(event(webContents, routed), window)).toBe(true);
  });

  it.each([
    ['another origin', { ...mainFrame, url: 'https://example.org/' }],
    ['file://', { ...mainFrame, url: 'file:///C:/aruga/index.html' }],
    ['a look-alike host', { ...mainFrame, url: 'app://aruga.evil/index.html' }],
    ['a look-alike prefix', { ...mainFrame, url: 'app://arugaevil/index.html' }],
    ['a subframe', { parent: mainFrame, frameTreeNodeId: 2, url: APP_ENTRY_URL }],
    ['another frame tree node', { parent: null, frameTreeNodeId: 7, url: APP_ENTRY_URL }],
    ['a destroyed frame', null],
  ])('rejects %s', (_label, frame) => {
    expect(isTrustedSender(event(webContents, frame), window)).toBe(false);
  });

  it('rejects other webContents and a missing or destroyed window', () => {
    expect(isTrustedSender(event({ mainFrame }, mainFrame), window)).toBe(false);
    expect(isTrustedSender(event(webContents, mainFrame), null)).toBe(false);
    const gone = { webContents, isDestroyed: () => true } as unknown as BrowserWindow;
    expect(isTrustedSender(event(webContents, mainFrame), gone)).toBe(false);
  });
});

describe('resolveRendererPath', () => {
  const root = path.resolve('/opt/aruga/dist/renderer');
  const at = (...parts: string[]) => path.join(root, ...parts);

  it.each([
    ['app://aruga/', at('index.html')],
    ['app://aruga/index.html', at('index.html')],
    ['app://aruga/assets/index-abc.js', at('assets', 'index-abc.js')],
    ['app://aruga/assets/Noto%20Sans.woff2', at('assets', 'Noto Sans.woff2')],
    ['app://aruga/users/42', at('index.html')],
    ['app://aruga/assets/./a.css', at('assets', 'a.css')],
  ])('serves %s', (url, expected) => {
    expect(resolveRendererPath(root, url)).toBe(expected);
  });

  it.each([
    ['app://aruga/../../etc/hosts.txt', at('etc', 'hosts.txt')],
    ['app://aruga/assets/%2e%2e/%2e%2e/secret.txt', at('secret.txt')],
    ['app://aruga/assets/../../../index.html', at('index.html')],
  ])('clamps the dot segments of %s at the root, as the URL parser does', (url, expected) => {
    expect(resolveRendererPath(root, url)).toBe(expected);
  });

  it.each([
    'app://aruga/%2e%2e%2fsecret.txt',
    'app://aruga/..%2f..%2fsecret.txt',
    'app://aruga/..%5c..%5csecret.txt',
    'app://aruga/assets%5c..%5c..%5csecret.txt',
    'app://aruga/C:/Windows/win.ini',
    'app://aruga/%00index.html',
    'app://aruga/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://aruga/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveRendererPath(root, url)).toBeNull();
  });

  it('never resolves outside the root, whatever the input', () => {
    const probes = ['..', '%2e%2e', '%252e%252e', '.%2e', '%2e.', '...', '....//', '%c0%ae%c0%ae'];
    for (const a of probes) {
      for (const b of probes) {
        const resolved = resolveRendererPath(root, `app://aruga/${a}/${b}/x.js`);
        if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true);
      }
    }
  });

  it('knows its own origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://aruga.evil/')).toBe(false);
    expect(isAppUrl('http://aruga/')).toBe(false);
  });
});

describe('dataFolderOverride', () => {
  it('reads --data <folder> and --data=<folder>, resolved', () => {
    expect(dataFolderOverride(['--data', 'vault-copy'])).toBe(path.resolve('vault-copy'));
    expect(dataFolderOverride(['--data=/srv/aruga'])).toBe(path.resolve('/srv/aruga'));
  });

  it('ignores Chromium switches and positionals, and an empty value', () => {
    expect(dataFolderOverride(['.', '--enable-logging', '--data', '/x'])).toBe(path.resolve('/x'));
    expect(dataFolderOverride(['--enable-logging'])).toBeNull();
    expect(dataFolderOverride(['--data='])).toBeNull();
    expect(dataFolderOverride([])).toBeNull();
  });
});
