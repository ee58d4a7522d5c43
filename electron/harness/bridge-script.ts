// The browser side of the harness: a classic script, served at /__harness/bridge.js, that puts on
// `window.aruga` exactly the ArugaBridge shape the Electron preload exposes (shared/bridge.ts).
// It is plain ES2020 text rather than compiled TypeScript so nothing a bundler adds can leak in.

export const BRIDGE_PATH = '/__harness/bridge.js';
export const CALL_PATH = '/__harness/call';
export const EVENTS_PATH = '/__harness/events';
export const OUTPUT_PATH = '/__harness/output';
export const TOKEN_HEADER = 'x-aruga-token';

/** The bridge script with this run's token embedded. */
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

  const bridge = Object.freeze({
    // Like ipcRenderer.invoke behind the preload: resolves to the backend's envelope.
    async call(name, input) {
      try {
        const response = await fetch(${JSON.stringify(CALL_PATH)}, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ${JSON.stringify(TOKEN_HEADER)}: TOKEN },
          body: JSON.stringify({ name, input }),
          credentials: 'omit',
          cache: 'no-store',
        });
        return await response.json();
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
