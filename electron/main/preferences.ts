// Non-secret shell preferences (window bounds, language) in electron-store, in the same file
// the Node side opens with `conf`. Nothing sensitive is ever stored here.
import { ipcMain, screen, type Rectangle } from 'electron';
import Store from 'electron-store';
import { PREFERENCES_NAME } from '../backend/preferences';

export interface ShellPreferences {
  windowBounds?: Rectangle;
  language?: string;
}

export type PreferencesStore = Store<ShellPreferences>;

export function openShellPreferences(dataFolder: string): PreferencesStore {
  const store = new Store<ShellPreferences>({
    cwd: dataFolder,
    name: PREFERENCES_NAME,
    // Losing bounds or language to a damaged file is harmless; refusing to start is not.
    clearInvalidConfig: true,
  });
  // electron-store opens a sync IPC channel for renderer-side stores. Aruga has none, and
  // `aruga:call` is to stay the only channel a page can reach.
  ipcMain.removeAllListeners('electron-store-get-data');
  return store;
}

function isRectangle(value: unknown): value is Rectangle {
  if (typeof value !== 'object' || value === null) return false;
  const { x, y, width, height } = value as Record<string, unknown>;
  return [x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** Saved bounds, if they still overlap a connected display (monitors come and go). */
export function savedWindowBounds(store: PreferencesStore): Rectangle | undefined {
  const bounds: unknown = store.get('windowBounds');
  if (!isRectangle(bounds)) return undefined;
  const visible = screen.getAllDisplays().some(({ workArea: area }) => {
    return (
      bounds.x < area.x + area.width &&
      bounds.x + bounds.width > area.x &&
      bounds.y < area.y + area.height &&
      bounds.y + bounds.height > area.y
    );
  });
  return visible ? bounds : undefined;
}
