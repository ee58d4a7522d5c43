// Non-secret preferences via `conf`, the library electron-store is built on, in the
// same folder and file the Electron shell's electron-store uses. Nothing sensitive goes here.
import Conf from 'conf';
import { randomUUID } from 'node:crypto';
import { FALLBACK_LANGUAGE, isLanguage, type Language } from '../../shared/languages';

export interface Preferences {
  /** Identifies this computer in the change log, for merging offline change bundles later. */
  deviceId: string;
  language: string;
}

export const PREFERENCES_NAME = 'preferences';

export function openPreferences(dataFolder: string): Conf<Preferences> {
  return new Conf<Preferences>({
    cwd: dataFolder,
    configName: PREFERENCES_NAME,
    projectName: 'aruga',
    defaults: { deviceId: randomUUID(), language: FALLBACK_LANGUAGE },
  });
}

/** The device id, created and persisted on first use. */
export function deviceIdOf(prefs: Conf<Preferences>): string {
  if (!prefs.has('deviceId')) prefs.set('deviceId', randomUUID());
  // `defaults` are not written to disk by conf; store the value so it survives restarts.
  const id = prefs.get('deviceId');
  prefs.set('deviceId', id);
  return id;
}

/** The language this computer last showed (the last signed-in user's): sign-in opens in it. */
export function lastLanguage(dataFolder: string): Language {
  const language: unknown = openPreferences(dataFolder).get('language');
  return isLanguage(language) ? language : FALLBACK_LANGUAGE;
}

export function rememberLanguage(dataFolder: string, language: Language): void {
  const preferences = openPreferences(dataFolder);
  // Every sign-in remembers it, and mostly it is the same: a write (and its flush) only on change.
  if (preferences.get('language') !== language) preferences.set('language', language);
}
