// What the OS shows of the window: Electron copies `document.title` into the title bar, the
// taskbar and the window switcher, where a passer-by reads it. It may name the screen and the app,
// never a child (name, alias, initials or case code).
import type { Page } from 'playwright-core';

/** Throws when the page's title holds any of `hidden` (case-insensitive), naming `where`. */
export async function expectTitleNamesNoChild(
  page: Page,
  hidden: readonly string[],
  where: string,
): Promise<void> {
  const title = await page.title();
  const found = hidden.filter((text) => title.toLowerCase().includes(text.toLowerCase()));
  if (found.length > 0) {
    throw new Error(`The window title on "${where}" is "${title}": it shows ${found.join(', ')}`);
  }
}
