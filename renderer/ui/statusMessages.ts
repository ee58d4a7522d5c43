// One status message at a time. A confirmation shows until the user's next action (a click on a
// button or link, a submitted form), a newer message or an error replaces it, or a few seconds
// pass: a stale "Saved." never sits beside a new error, and banners never pile up.
import { useLayoutEffect, useState, useSyncExternalStore } from 'react';

export const STATUS_SHOWN_MS = 8_000;

let shown = 0;
let lastToken = 0;
const listeners = new Set<() => void>();

function show(token: number): void {
  if (shown === token) return;
  shown = token;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    document.addEventListener('click', clearOnAction, true);
    document.addEventListener('submit', clearOnAction, true);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      document.removeEventListener('click', clearOnAction, true);
      document.removeEventListener('submit', clearOnAction, true);
    }
  };
}

function clearOnAction(event: Event): void {
  const target = event.target as Element | null;
  if (event.type === 'submit' || target?.closest?.('button, a')) show(0);
}

/** Takes the one place for a message; whatever showed before is cleared. */
export function claimStatusSlot(): number {
  lastToken += 1;
  show(lastToken);
  return lastToken;
}

/**
 * Whether `text` is the message on screen now. A new text, or a new `version` of the same text
 * (the same message for a second save), claims the slot; `expires` lets it clear itself after
 * STATUS_SHOWN_MS.
 */
export function useStatusSlot(text: string | null, expires: boolean, version?: unknown): boolean {
  const [token, setToken] = useState(0);
  const current = useSyncExternalStore(
    subscribe,
    () => shown,
    () => shown,
  );
  useLayoutEffect(() => {
    setToken(text ? claimStatusSlot() : 0);
  }, [text, version]);
  const showing = text !== null && token !== 0 && token === current;
  useLayoutEffect(() => {
    if (!showing || !expires) return;
    const timer = setTimeout(() => {
      if (shown === token) show(0);
    }, STATUS_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [showing, expires, token]);
  return showing;
}
