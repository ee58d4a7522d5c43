// The every-screen tour: as whoever is signed in, visit every screen the main navigation offers
// (and the case file and its add dialogs, when the role has children), and on each one check the
// WCAG 2.2 AA rules with axe, that focus landed on the screen's heading, and that nothing is cut
// off at a 1280×720 window or at 200% zoom of it. The screens come from the navigation itself, so
// a new screen is toured without anyone adding it here. In Filipino or Cebuano it also fails on any
// heading, button or link still in English where the language has its own words.
import type { Locator, Page } from 'playwright-core';
import { isLanguage, LANGUAGES, type Language } from '../../shared/languages';
import { catalogueTexts, wordsIn } from './catalogue-words';
import { expectNoAxeViolations } from './axe';
import { expectReadableControls } from './contrast';
import { expectConsistentLook } from './look';
import { expectTitleNamesNoChild } from './window-title';

/** The languages the tour can read the app in: the words it looks for come from their catalogues. */
export type TourLanguage = Language;

/** A catalogue text as a pattern for a whole label: each {{placeholder}} stands for any text. */
function wholeText(text: string): string {
  return text
    .split(/\{\{[^}]*\}\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
}

export interface TourWords {
  mainNav: string;
  shortcuts: string;
  childrenNav: string;
  accountNav: string;
  /** The language picker on My account. */
  language: string;
  caseListLabel: string;
  signInTitle: string;
  username: string;
  password: string;
  signIn: string;
  signOut: string;
  /** The buttons on the case file that open a dialog to add a record ("Add …" in English). */
  adders: RegExp;
  /**
   * English texts that must not be seen on a screen in this language: those of the keys this
   * language translates (none for English), less any text this language itself also uses.
   */
  englishOnly: ReadonlySet<string>;
}

/** The words the tour (and a test signing in) looks for, read from the language's catalogue. */
export function tourWords(language: TourLanguage): TourWords {
  const english = catalogueTexts('en');
  const texts = catalogueTexts(language);
  const word = wordsIn(language);
  const adderKeys = [...english].filter(([, text]) => text.startsWith('Add ')).map(([key]) => key);
  const own = new Set(texts.values());
  const englishOnly = new Set(
    [...english]
      .filter(([key, text]) => !text.includes('{{') && texts.get(key) !== text && !own.has(text))
      .map(([, text]) => text),
  );
  return {
    mainNav: word('frame.mainNav'),
    shortcuts: word('shortcuts.title'),
    childrenNav: word('children.nav.children'),
    accountNav: word('frame.nav.account'),
    language: word('account.language'),
    caseListLabel: word('children.list.caption'),
    signInTitle: word('signIn.title'),
    username: word('signIn.username'),
    password: word('signIn.password'),
    signIn: word('signIn.submit'),
    signOut: word('frame.signOut'),
    adders: new RegExp(`^(?:${adderKeys.map((key) => wholeText(word(key))).join('|')})$`),
    englishOnly,
  };
}

/** The language the screen shows now (`<html lang>` follows it). */
export async function shownLanguage(page: Page): Promise<TourLanguage> {
  const lang = await page.locator('html').getAttribute('lang');
  if (!isLanguage(lang)) throw new Error(`<html lang> is ${lang}`);
  return lang;
}

/**
 * Signs in from the sign-in screen in whatever language it shows (it opens in the last person's)
 * and waits for the main navigation, in the language of the person's own account.
 */
export async function signInAsShown(page: Page, username: string, password: string) {
  const titles = LANGUAGES.map((language) => tourWords(language).signInTitle);
  await page
    .getByRole('heading', { level: 1, name: new RegExp(`^(?:${titles.join('|')})$`) })
    .waitFor({ timeout: 120_000 });
  const words = tourWords(await shownLanguage(page));
  await page.getByLabel(words.username, { exact: true }).fill(username);
  await page.getByLabel(words.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: words.signIn, exact: true }).click();
  // The key derivation of a sign-in takes a while on a loaded machine.
  await page.getByRole('navigation').first().waitFor({ timeout: 120_000 });
}

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

/** How long a screen may take to lay itself out again after the window changes size. */
const RELAYOUT_MS = 2000;

/**
 * Checks the screen at the 1280×720 window and at 200% zoom, then goes back to the window. A
 * screen gets a moment to fit: the calendar library lays itself out again only after a resize
 * has settled (on a busy machine, after the first check).
 */
async function expectFits(page: Page, label: string): Promise<void> {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    let problems = await cutOff(page);
    for (const start = Date.now(); problems.length > 0 && Date.now() - start < RELAYOUT_MS;) {
      await page.waitForTimeout(100);
      problems = await cutOff(page);
    }
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

/**
 * No heading, button or link on the page (a dialog's too) reads as English where this language
 * has its own words: a text left in code, or a catalogue key that fell back to English.
 */
export async function expectNoEnglishLeft(
  page: Page,
  words: TourWords,
  label: string,
): Promise<void> {
  if (words.englishOnly.size === 0) return;
  const shown = await page
    .locator(':root')
    .evaluate((root) =>
      [...root.querySelectorAll('h1, h2, h3, h4, h5, h6, button, a[href], caption, legend')]
        .filter((element) => element.getClientRects().length > 0)
        .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
  const english = [...new Set(shown.filter((text) => words.englishOnly.has(text)))];
  if (english.length > 0) {
    throw new Error(`English left on "${label}": ${english.map((t) => `"${t}"`).join(', ')}`);
  }
}

async function checkScreen(
  page: Page,
  words: TourWords,
  label: string,
  hidden: readonly string[],
): Promise<void> {
  await page.getByRole('main').getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
  await settled(page);
  await expectTitleNamesNoChild(page, hidden, label);
  await expectNoEnglishLeft(page, words, label);
  await expectWcag22(page, label);
  await expectReadableControls(page, label);
  await expectConsistentLook(page, label);
  await expectFits(page, label);
}

/** Opens each dialog `openers` finds, checks it, and closes it with Escape (focus returns). */
async function checkDialogs(
  page: Page,
  words: TourWords,
  openers: Locator,
  label: string,
  hidden: readonly string[],
): Promise<string[]> {
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
    await expectTitleNamesNoChild(page, hidden, `${label}: ${name}`);
    await expectNoEnglishLeft(page, words, `${label}: ${name}`);
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
 * the first child's case file with each of its "Add" dialogs. On every one of them the window
 * title holds none of `hidden` (a child's name, alias, initials, case code).
 */
export async function tourEveryScreen(
  page: Page,
  language: TourLanguage,
  hidden: readonly string[] = [],
): Promise<string[]> {
  const words = tourWords(language);
  await page.setViewportSize(VIEWPORTS.window);
  const nav = page.getByRole('navigation', { name: words.mainNav, exact: true });
  await nav.waitFor();
  const links = await nav.getByRole('link').allInnerTexts();
  const seen: string[] = [];

  for (const [i, name] of links.entries()) {
    await nav.getByRole('link').nth(i).click();
    // The first link may be the screen already shown: then nothing navigates.
    if (!(i === 0 && seen.length === 0)) await expectHeadingFocused(page, name);
    await checkScreen(page, words, name, hidden);
    seen.push(name);
  }

  // The cheat-sheet, opened with ? from the screen's heading.
  await page.getByRole('main').getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: words.shortcuts, exact: true });
  await sheet.waitFor();
  await expectNoEnglishLeft(page, words, words.shortcuts);
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
    await checkScreen(page, words, caseCode, hidden);
    seen.push(caseCode);
    const adders = page
      .getByRole('main')
      .getByRole('button', { name: words.adders, disabled: false });
    seen.push(...(await checkDialogs(page, words, adders, caseCode, hidden)));
  }
  return seen;
}
