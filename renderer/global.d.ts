import type { ArugaBridge } from '../shared/bridge';

declare global {
  interface Window {
    /** Put there by the preload (Electron) or by the browser harness; same shape either way. */
    aruga: ArugaBridge;
  }
}
