// The bundled preload (exactly what ships) exposes only `window.aruga` with `call`, its event subscriptions and `output`.
// It runs here in a VM with a stand-in `electron` module that records what is
// exposed and which channels are used; anything else it tries to require fails the test.
import { build } from 'esbuild';
import { EventEmitter } from 'node:events';
import vm from 'node:vm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  IPC_CHANNEL_CALL,
  IPC_CHANNEL_EVENT,
  IPC_CHANNEL_OUTPUT,
  type ArugaBridge,
} from '../../shared/bridge';
import { bundleOptions } from '../../electron/tools/build-electron';

interface Loaded {
  exposed: Map<string, unknown>;
  ipcRenderer: EventEmitter & { invoke: ReturnType<typeof vi.fn> };
  required: string[];
}

async function bundledPreload(): Promise<string> {
  const result = await build({ ...bundleOptions('preload'), write: false, logLevel: 'silent' });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild produced no preload bundle');
  return file.text;
}

function run(code: string): Loaded {
  const exposed = new Map<string, unknown>();
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: vi.fn(async () => ({ ok: true, value: 'pong' })),
  });
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown) {
      if (exposed.has(key)) throw new Error(`exposed twice: ${key}`);
      exposed.set(key, api);
    },
    exposeInIsolatedWorld() {
      throw new Error('exposeInIsolatedWorld is not allowed');
    },
  };
  const required: string[] = [];
  const requireStub = (id: string): unknown => {
    required.push(id);
    if (id === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`the preload may not require ${id}`);
  };
  const module = { exports: {} };
  const context = vm.createContext({ require: requireStub, module, exports: module.exports });
  vm.runInContext(
    `(function (require, module, exports, __filename, __dirname) {${code}\n})(require, module, exports, '/app/preload.cjs', '/app')`,
    context,
  );
  return { exposed, ipcRenderer, required };
}

/** Every value reachable from `root` (own properties, prototypes excluded). */
function reachable(root: unknown, seen = new Set<unknown>()): Set<unknown> {
  if ((typeof root !== 'object' && typeof root !== 'function') || root === null || seen.has(root)) {
    return seen;
  }
  seen.add(root);
  for (const key of Reflect.ownKeys(root)) {
    const descriptor = Object.getOwnPropertyDescriptor(root, key);
    if (descriptor && 'value' in descriptor) reachable(descriptor.value, seen);
  }
  return seen;
}

describe('preload bundle', () => {
  let loaded: Loaded;
  let aruga: ArugaBridge;
  beforeAll(async () => {
    loaded = run(await bundledPreload());
    aruga = loaded.exposed.get('aruga') as ArugaBridge;
  });

  it('exposes exactly one global, aruga, with exactly call, onLock, onProgress, onSynced and output', () => {
    expect([...loaded.exposed.keys()]).toEqual(['aruga']);
    expect(Object.keys(aruga).sort()).toEqual([
      'call',
      'onLock',
      'onProgress',
      'onSynced',
      'output',
    ]);
    expect(typeof aruga.onProgress).toBe('function');
    expect(typeof aruga.output).toBe('function');
    expect(typeof aruga.call).toBe('function');
    expect(typeof aruga.onLock).toBe('function');
  });

  it('requires nothing but electron (no Node built-ins reach the page)', () => {
    expect(loaded.required).toEqual(['electron']);
  });

  it('never hands out ipcRenderer or its methods', () => {
    const values = reachable(aruga);
    expect(values.has(loaded.ipcRenderer)).toBe(false);
    for (const method of ['send', 'sendSync', 'invoke', 'on', 'once', 'postMessage']) {
      const fn = (loaded.ipcRenderer as unknown as Record<string, unknown>)[method];
      expect(values.has(fn), method).toBe(false);
    }
  });

  it('call(name, input) invokes aruga:call and returns the envelope', async () => {
    const input = { username: 'maria', password: 'correct horse battery' };
    await expect(aruga.call('auth.signIn', input)).resolves.toEqual({ ok: true, value: 'pong' });
    expect(loaded.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(
      IPC_CHANNEL_CALL,
      'auth.signIn',
      input,
    );
  });

  it('output(request) invokes aruga:output with the request alone', async () => {
    const request = { mode: 'pdf', content: '<!doctype html>', fileName: 'report.pdf' } as const;
    await aruga.output(request);
    expect(loaded.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNEL_OUTPUT, request);
  });

  it('onLock delivers lock events without the IPC event, and unsubscribes only its listener', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = aruga.onLock(first);
    const stopSecond = aruga.onLock(second);
    const ipcEvent = { sender: loaded.ipcRenderer, senderId: 0 };

    loaded.ipcRenderer.emit(IPC_CHANNEL_EVENT, ipcEvent, { type: 'locked', reason: 'idle' });
    expect(first).toHaveBeenCalledExactlyOnceWith({ type: 'locked', reason: 'idle' });
    expect(second).toHaveBeenCalledOnce();

    stopFirst();
    loaded.ipcRenderer.emit(IPC_CHANNEL_EVENT, ipcEvent, { type: 'locked', reason: 'system' });
    expect(first).toHaveBeenCalledOnce();
    expect(second).toHaveBeenLastCalledWith({ type: 'locked', reason: 'system' });

    stopSecond();
    expect(loaded.ipcRenderer.listenerCount(IPC_CHANNEL_EVENT)).toBe(0);
    for (const call of [...first.mock.calls, ...second.mock.calls]) {
      expect(reachable(call).has(loaded.ipcRenderer)).toBe(false);
    }
  });

  it('onSynced calls its listener with nothing, for synced events only', () => {
    const listener = vi.fn();
    const stop = aruga.onSynced(listener);
    const ipcEvent = { sender: loaded.ipcRenderer, senderId: 0 };
    loaded.ipcRenderer.emit(IPC_CHANNEL_EVENT, ipcEvent, { type: 'locked', reason: 'idle' });
    expect(listener).not.toHaveBeenCalled();
    loaded.ipcRenderer.emit(IPC_CHANNEL_EVENT, ipcEvent, { type: 'synced', extra: 'dropped' });
    expect(listener).toHaveBeenCalledExactlyOnceWith();
    stop();
    expect(loaded.ipcRenderer.listenerCount(IPC_CHANNEL_EVENT)).toBe(0);
  });
});
