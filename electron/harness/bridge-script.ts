// The browser side of the harness: a classic script, served at /__harness/bridge.js, that puts on
// `window.aruga` exactly the ArugaBridge shape the Electron preload exposes (shared/bridge.ts).
// It is plain ES2020 text rather than compiled TypeScript so nothing a bundler adds can leak in.

export const BRIDGE_PATH = '/__harness/bridge.js';
export const CALL_PATH = '/__harness/call';
/** The page's calls go over one WebSocket, as Electron's IPC is one channel (see bridgeScript). */
export const SOCKET_PATH = '/__harness/socket';
export const EVENTS_PATH = '/__harness/events';
export const OUTPUT_PATH = '/__harness/output';
export const TOKEN_HEADER = 'x-aruga-token';

/**
 * The bridge script with this run's token embedded. Calls travel over one WebSocket, not a fetch
 * each: a fetch's round trip through Chromium's network stack costs several milliseconds (and six
 * at most run at once), which the screens' timings then carried; Electron's IPC costs a fraction
 * of one, as the socket does.
 */
export function bridgeScript(token: string): string {
  return `(() => {
  'use strict';
  const TOKEN = ${JSON.stringify(token)};
  const internal = () => ({ ok: false, error: { code: 'INTERNAL', message: 'internal' } });
  // Listeners by event type: 'locked', 'progress' and 'synced', as the preload forwards them.
  const listeners = { locked: new Set(), progress: new Set(), synced: new Set() };
  let source = null;

  function openEvents() {
    source = new EventSource(${JSON.stringify(EVENTS_PATH)} + '?token=' + encodeURIComponent(TOKEN));
    source.onmessage = (message) => {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch {
        return;
      }
      if (!event || !Object.hasOwn(listeners, event.type)) return;
      for (const listener of [...listeners[event.type]]) {
        try {
          listener(event);
        } catch (error) {
          console.error(error);
        }
      }
    };
  }

  // One event stream for every kind, open while anyone listens.
  function subscribe(type, listener) {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    listeners[type].add(listener);
    if (source === null) openEvents();
    return () => {
      listeners[type].delete(listener);
      if (Object.values(listeners).every((set) => set.size === 0) && source !== null) {
        source.close();
        source = null;
      }
    };
  }

  // The calls' socket, opened at the first call and again after it closes; each call waits for
  // the answer carrying its id. A call in flight when the socket closes gets the internal error.
  let socket = null;
  let nextId = 1;
  const pending = new Map();

  function openSocket() {
    socket ??= new Promise((resolve, reject) => {
      const url = new URL(${JSON.stringify(SOCKET_PATH)}, location.href);
      url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('token', TOKEN);
      const ws = new WebSocket(url);
      ws.onopen = () => resolve(ws);
      ws.onmessage = (message) => {
        let answer;
        try {
          answer = JSON.parse(message.data);
        } catch {
          return;
        }
        const done = answer && pending.get(answer.id);
        if (!done) return;
        pending.delete(answer.id);
        done(answer.envelope);
      };
      ws.onclose = () => {
        socket = null;
        reject(new Error('closed'));
        for (const done of pending.values()) done(internal());
        pending.clear();
      };
    });
    return socket;
  }

  const bridge = Object.freeze({
    // Like ipcRenderer.invoke behind the preload: resolves to the backend's envelope.
    async call(name, input) {
      try {
        const socket = await openSocket();
        const id = nextId++;
        return await new Promise((resolve) => {
          pending.set(id, resolve);
          socket.send(JSON.stringify({ id, name, input }));
        });
      } catch {
        return internal();
      }
    },
    // Like the preload's output: the harness's stand-in for Electron's print window and save dialog.
    async output(request) {
      try {
        const response = await fetch(${JSON.stringify(OUTPUT_PATH)}, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ${JSON.stringify(TOKEN_HEADER)}: TOKEN },
          body: JSON.stringify(request),
          credentials: 'omit',
          cache: 'no-store',
        });
        const result = await response.json();
        return result && result.done === true
          ? { done: true, fileName: String(result.fileName ?? '') }
          : { done: false };
      } catch {
        return { done: false };
      }
    },
    onLock(listener) {
      return subscribe('locked', listener);
    },
    onProgress(listener) {
      return subscribe('progress', listener);
    },
    // Nothing from the event reaches the listener, as behind the preload.
    onSynced(listener) {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return subscribe('synced', () => listener());
    },
  });

  Object.defineProperty(window, 'aruga', { value: bridge, enumerable: true });
})();
`;
}
