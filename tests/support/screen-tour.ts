// The every-screen tour: as whoever is signed in, visit every screen the main navigation offers
// (and the case file and its add dialogs, when the role has children), and on each one check the
// WCAG 2.2 AA rules with axe, that focus landed on the screen's heading, and that nothing is cut
// off at a 1280×720 window or at 200% zoom of it. The screens come from the navigation itself, so
// a new screen is toured without anyone adding it here.
import type { Locator, Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { expectReadableControls } from './contrast';

/** The languages the tour can read the app in (the words it looks for come from their catalogues). */
export type TourLanguage = 'en';

interface TourWords {
  mainNav: string;
  shortcuts: string;
  childrenNav: string;
  caseListLabel: string;
  /** The buttons on the case file that open a dialog to add a record. */
  adders: RegExp;
}

const WORDS: Record<TourLanguage, TourWords> = {
  en: {
    mainNav: 'Main',
    shortcuts: 'Keyboard shortcuts',
    childrenNav: 'Children',
    caseListLabel: 'Children in your care, by case code and alias',
    adders: /^Add /,
  },
};

/** axe's tags for WCAG 2.2 level A and AA (each version's own rules). */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The window the app must fit, and the same window at 200% zoom (half the CSS pixels). */
export const VIEWPORTS = {
  window: { width: 1280, height: 720 },
  zoom200: { width: 640, height: 360 },
} as const;

export async function expectWcag22(page: Page, label: string): Promise<void> {
  await expectNoAxeViolations(page, label, (builder) => builder.withTags(WCAG_22_AA));
}

/**
 * Waits (up to 10 seconds) until no message in the main region says it is still loading
 * ("Loading…", "Preparing the report…"); the checks that follow run either way.
 */
async function settled(page: Page): Promise<void> {
  const main = page.getByRole('main');
  for (let tries = 0; tries < 100; tries++) {
    const busy = await main.evaluate((element) =>
      [...element.querySelectorAll('p, [role="status"]')].some((message) =>
        (message.textContent ?? '').trim().endsWith('…'),
      ),
    );
    if (!busy) return;
    await page.waitForTimeout(100);
  }
}

/**
 * What is cut off at this size: the main region (or the page) scrolling sideways, or a button or
 * link in the main region outside the window. Content inside its own sideways-scrolling box (a
 * wide table) stays reachable and is not counted.
 */
export function cutOff(page: Page): Promise<string[]> {
  return page.getByRole('main').evaluate((main) => {
    const doc = main.ownerDocument;
    const view = doc.defaultView;
    const width = doc.documentElement.clientWidth;
    const problems: string[] = [];
    if (main.scrollWidth > main.clientWidth + 1) {
      problems.push(`main scrolls sideways (${main.scrollWidth}px in ${main.clientWidth}px)`);
    }
    if (doc.documentElement.scrollWidth > width + 1) {
      problems.push(
        `the page scrolls sideways (${doc.documentElement.scrollWidth}px in ${width}px)`,
      );
    }
    // Boxes that scroll sideways themselves (a wide table): what is inside them is reachable.
    const scrollers = [...main.querySelectorAll('*')].filter((box) =>
      ['auto', 'scroll'].includes(view.getComputedStyle(box).overflowX),
    );
    for (const control of main.querySelectorAll('button, a[href], input, select, textarea')) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || scrollers.some((scroller) => scroller.contains(control))) continue;
      if (box.left < -1 || box.right > width + 1) {
        const name = (control.textContent ?? '').trim().slice(0, 40) || control.tagName;
        problems.push(
          `"${name}" lies outside the window (${Math.round(box.left)}–${Math.round(box.right)}px)`,
        );
      }
    }
    return problems;
  });
}

/** Checks the screen at the 1280×720 window and at 200% zoom, then goes back to the window. */
async function expectFits(page: Page, label: string): Promise<void> {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    const problems = await cutOff(page);
    if (problems.length > 0) {
      await page.setViewportSize(VIEWPORTS.window);
      throw new Error(
        `"${label}" at ${size} (${viewport.width}×${viewport.height}):\n  ${problems.join('\n  ')}`,
      );
    }
  }
  await page.setViewportSize(VIEWPORTS.window);
}

/** The level-1 heading has focus (it moved there after the navigation). */
async function expectHeadingFocused(page: Page, label: string): Promise<void> {
  const heading = page.getByRole('main').getByRole('heading', { level: 1 });
  for (let tries = 0; tries < 50; tries++) {
    if (await heading.evaluate((h) => h === h.ownerDocument.activeElement)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`focus did not move to the heading of "${label}"`);
}

async function checkScreen(page: Page, label: string): Promise<void> {
  await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
  await settled(page);
  await expectWcag22(page, label);
  await expectReadableControls(page, label);
  await expectFits(page, label);
}

/** Opens each dialog `openers` finds, checks it, and closes it with Escape (focus returns). */
async function checkDialogs(page: Page, openers: Locator, label: string): Promise<string[]> {
  const seen: string[] = [];
  const count = await openers.count();
  for (let i = 0; i < count; i++) {
    const opener = openers.nth(i);
    const name = (await opener.innerText()).trim();
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await settled(page);
    await expectWcag22(page, `${label}: ${name}`);
    await expectFits(page, `${label}: ${name}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    if (!(await opener.evaluate((element) => element === element.ownerDocument.activeElement))) {
      throw new Error(`focus did not return to "${name}" on ${label}`);
    }
    seen.push(`${label}: ${name}`);
  }
  return seen;
}

/**
 * Tours every screen of the signed-in role in `language` and returns what it checked, in order:
 * each screen of the main navigation, the cheat-sheet, and, where the role has a children list,
 * the first child's case file with each of its "Add" dialogs.
 */
export async function tourEveryScreen(page: Page, language: TourLanguage): Promise<string[]> {
  const words = WORDS[language];
  await page.setViewportSize(VIEWPORTS.window);
  const nav = page.getByRole('navigation', { name: words.mainNav, exact: true });
  await nav.waitFor();
  const links = await nav.getByRole('link').allInnerTexts();
  const seen: string[] = [];

  for (const [i, name] of links.entries()) {
    await nav.getByRole('link').nth(i).click();
    // The first link may be the screen already shown: then nothing navigates.
    if (!(i === 0 && seen.length === 0)) await expectHeadingFocused(page, name);
    await checkScreen(page, name);
    seen.push(name);
  }

  // The cheat-sheet, opened with ? from the screen's heading.
  await page.getByRole('main').getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: words.shortcuts, exact: true });
  await sheet.waitFor();
  await expectWcag22(page, words.shortcuts);
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'hidden' });
  seen.push(words.shortcuts);

  if (links.includes(words.childrenNav)) {
    await nav.getByRole('link', { name: words.childrenNav, exact: true }).click();
    const list = page.getByRole('table', { name: words.caseListLabel, exact: true });
    const first = list.getByRole('link').first();
    await first.waitFor();
    const caseCode = (await first.innerText()).trim();
    await first.click();
    await expectHeadingFocused(page, caseCode);
    await checkScreen(page, caseCode);
    seen.push(caseCode);
    const adders = page
      .getByRole('main')
      .getByRole('button', { name: words.adders, disabled: false });
    seen.push(...(await checkDialogs(page, adders, caseCode)));
  }
  return seen;
}
