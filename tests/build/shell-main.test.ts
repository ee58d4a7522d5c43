// Runs the bundled main process (dist/electron/main.cjs, what the installer ships) in Node with
// a stand-in for the `electron` module (support/electron-stand-in.cjs), since the Electron
// binary cannot be had here. Checks the shell's real start-up and wiring: the app:// scheme and
// its handler, the hardened window, the one IPC handler with its sender check reaching the real
// backend worker, locking on OS lock, and a clean quit that closes the vault.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, OUT_DIR } from '../../electron/tools/build-electron';
import { IPC_CHANNEL_CALL, IPC_CHANNEL_OUTPUT } from '../../shared/bridge';
import { PROJECT_ROOT } from './support/index';

interface Message {
  kind: string;
  [key: string]: unknown;
}

class Shell {
  private readonly inbox: Message[] = [];
  private waiting: ((message: Message) => void) | null = null;
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    child.on('message', (message: Message) => {
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve(message);
      } else this.inbox.push(message);
    });
    this.exited = new Promise((resolve) => child.on('exit', resolve));
  }

  next(): Promise<Message> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  async ask(message: Message): Promise<Message> {
    this.child.send(message);
    return this.next();
  }

  call(frameUrl: string, name: string, input: unknown = {}) {
    return this.ask({ kind: 'invoke', channel: IPC_CHANNEL_CALL, frameUrl, args: [name, input] });
  }
}

describe('the bundled Electron main process, on a stand-in for Electron', () => {
  let userData: string;
  let shell: Shell;
  let ready: Message;

  beforeAll(async () => {
    if (!existsSync(path.join(PROJECT_ROOT, 'dist', 'renderer', 'index.html'))) {
      throw new Error('dist/renderer is missing: run `npm run build:renderer` first');
    }
    await buildElectron();
    userData = await mkdtemp(path.join(os.tmpdir(), 'aruga-shell-'));
    const child = fork(path.join(OUT_DIR, 'main.cjs'), [], {
      execArgv: ['--require', path.join(PROJECT_ROOT, 'tests/build/support/electron-stand-in.cjs')],
      env: { ...process.env, STAND_IN_USER_DATA: userData },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    shell = new Shell(child);
    ready = await shell.next();
  }, 120_000);

  afterAll(() => {
    if (shell && shell.child.exitCode === null) shell.child.kill();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('starts without an error and loads its own page over app://', () => {
    expect(ready.kind).toBe('ready');
    expect(ready.url).toBe('app://aruga/index.html');
    expect(ready.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(ready.protocolHandlers).toEqual(['app']);
    expect(ready.menuCleared).toBe(true);
  });

  it('opens the window sandboxed and isolated, with the preload, no dev tools and no screen capture', () => {
    expect(ready.contentProtection).toBe(true);
    expect(ready.webPreferences).toMatchObject({
      preload: path.join(OUT_DIR, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
    });
  });

  it('hardens every web contents and the session', () => {
    expect(ready.webContentsEvents).toEqual(
      expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']),
    );
    expect(ready.sessionHardened).toEqual(
      expect.arrayContaining(['permissionRequest', 'permissionCheck', 'devicePermission']),
    );
  });

  it('serves the renderer with the security headers, and nothing outside it', async () => {
    const page = await shell.ask({ kind: 'fetch', scheme: 'app', url: 'app://aruga/index.html' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<!doctype html>');
    const csp = (page.headers as Record<string, string>)['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    for (const url of [
      'app://aruga/../../package.json',
      'app://aruga/%2e%2e/%2e%2e/package.json',
    ]) {
      const escape = await shell.ask({ kind: 'fetch', scheme: 'app', url });
      expect(escape.status, url).toBe(404);
    }
  });

  it('answers aruga:call from its own page through the backend worker, and refuses other frames', async () => {
    expect(ready.ipcHandlers).toEqual([IPC_CHANNEL_CALL, IPC_CHANNEL_OUTPUT]);
    // electron-store's own sync channel is removed: aruga:call (and aruga:output, which only
    // carries a report out) stay the only ways in.
    expect(ready.ipcListeners).toEqual([]);
    const status = await shell.call('app://aruga/index.html', 'app.status');
    expect(status.result).toMatchObject({
      ok: true,
      value: { state: 'setup', dataFolder: path.join(userData, 'vault') },
    });
    const foreign = await shell.call('https://example.org/', 'app.status');
    expect(foreign.result).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'forbidden' },
    });
  });

  it('prints or saves nothing for another frame, nor for a malformed request', async () => {
    const request = { mode: 'csv', content: 'a,b', fileName: 'report.csv' };
    const ask = (frameUrl: string, args: unknown[]) =>
      shell.ask({ kind: 'invoke', channel: IPC_CHANNEL_OUTPUT, frameUrl, args });
    expect((await ask('https://example.org/', [request])).result).toEqual({ done: false });
    for (const bad of [
      { ...request, fileName: '../../evil.csv' },
      { ...request, mode: 'exec' },
      { ...request, fileName: 'report.pdf' },
      'not a request',
    ])
      expect((await ask('app://aruga/index.html', [bad])).result).toEqual({ done: false });
  });

  it('answers input nested thousands of levels deep with VALIDATION, and keeps answering', async () => {
    // 10,000 levels: more than structured cloning into the worker can copy.
    const nested = await shell.ask({
      kind: 'invoke',
      channel: IPC_CHANNEL_CALL,
      frameUrl: 'app://aruga/index.html',
      args: ['app.status'],
      nestInput: 10_000,
    });
    expect(nested.result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const status = await shell.call('app://aruga/index.html', 'app.status');
    expect(status.result).toMatchObject({ ok: true, value: { state: 'setup' } });
  });

  it('locks the vault when the OS locks the screen', async () => {
    expect(ready.powerEvents).toEqual(expect.arrayContaining(['lock-screen', 'suspend']));
    await shell.call('app://aruga/index.html', 'vault.create', {
      adminDisplayName: 'Fictional Admin Reyes',
      adminUsername: 'admin.reyes',
      adminPassword: 'Kalamansi-Ferry-42-Lantern',
      timeZone: 'Asia/Manila',
    });
    await shell.ask({ kind: 'power', event: 'lock-screen' });
    // The lock is asynchronous in the worker; the next call is queued behind it.
    const status = await shell.call('app://aruga/index.html', 'app.status');
    expect(status.result).toMatchObject({ ok: true, value: { state: 'locked' } });
  }, 30_000);

  it('quits cleanly, closing the vault, and leaves its files in the data folder', async () => {
    await shell.ask({ kind: 'close-window' });
    const bye = await shell.ask({ kind: 'quit' });
    expect(bye.kind).toBe('quit');
    expect(await shell.exited).toBe(0);
    const files = readdirSync(path.join(userData, 'vault'));
    expect(files).toEqual(expect.arrayContaining(['aruga.db', 'keyring.json', 'preferences.json']));
    // A closed database leaves no write-ahead log behind.
    expect(files).not.toContain('aruga.db-wal');
    // One preferences file, two writers: the worker's device id and the shell's window bounds.
    const preferences = JSON.parse(
      readFileSync(path.join(userData, 'vault', 'preferences.json'), 'utf8'),
    );
    expect(preferences).toMatchObject({
      deviceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      windowBounds: { x: 10, y: 10, width: 1280, height: 800 },
    });
  });
});
