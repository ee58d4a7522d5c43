// What the OS shows of the window (title bar, taskbar, window switcher): the title the page set,
// which is only ever a screen's name and the app's (never a person's name or a case code), or
// else just the app's name. A title Chromium makes up by itself (from the URL, which holds
// record ids) never reaches the OS.
import type { BrowserWindow, Event } from 'electron';

export const APP_TITLE = 'Aruga';

export function guardWindowTitle(window: Pick<BrowserWindow, 'on' | 'setTitle'>): void {
  window.on('page-title-updated', (event: Event, title: string, explicitSet: boolean) => {
    if (explicitSet && title.trim() !== '') return;
    event.preventDefault();
    window.setTitle(APP_TITLE);
  });
}
