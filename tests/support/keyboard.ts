// Driving the app with the keyboard alone (Tab, Shift+Tab, Enter, Space, Escape, arrows and typed
// text), for the keyboard-only end-to-end runs: reaching a control by Tab while checking that
// every stop shows a visible focus indicator, typing dates and times into Chromium's date and time
// inputs, and signing in.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { onScreen } from './axe';

/** How many Tab presses tabTo tries before giving up (the case file's sections are many). */
const MAX_TABS = 100;

/** What the Tab key can land on, matched like getByRole: a role and an exact accessible name. */
export interface Target {
  role: Parameters<Page['getByRole']>[0];
  name: string | RegExp;
  /** Narrows the match, e.g. to a dialog or a region. */
  within?: Locator;
}

/** A field with no role of its own (a password box), matched by its exact label. */
export interface LabelTarget {
  label: string;
  within?: Locator;
}

/** What describeFocus says when focus is on nothing (the page's body). */
export const NOTHING = '(nothing: body)';

// The in-page checks reach the document through an element's ownerDocument: the Node tsconfig
// has no DOM types, so what Playwright hands them is untyped.

/** A short, readable line about the focused element (role, name, tag), for failure messages. */
export function describeFocus(page: Page): Promise<string> {
  return page.locator(':root').evaluate((root, nothing: string) => {
    const doc = root.ownerDocument;
    const element = doc.activeElement;
    if (!element || element === doc.body) return nothing;
    const text = (value: string | null | undefined): string =>
      (value ?? '').replace(/\s+/g, ' ').trim();
    const byIds = (ids: string | null): string =>
      (ids ?? '')
        .split(/\s+/)
        .map((id: string) => doc.getElementById(id)?.textContent ?? '')
        .join(' ');
    const labels: string = [...(element.labels ?? [])]
      .map((label: { textContent: string | null }) => label.textContent)
      .join(' ');
    const name =
      text(element.getAttribute('aria-label')) ||
      text(byIds(element.getAttribute('aria-labelledby'))) ||
      text(labels) ||
      text(element.textContent).slice(0, 60);
    const type: string | null = element.getAttribute('type');
    const role: string | null = element.getAttribute('role');
    const tag = `${String(element.tagName).toLowerCase()}${type ? `[type=${type}]` : ''}`;
    return `${role ? `${role} ` : ''}<${tag}> "${name}"`;
  }, NOTHING);
}

/** Whether the focused element is one of those `target` matches. */
export function isFocused(page: Page, target: Target | LabelTarget): Promise<boolean> {
  const scope = target.within ?? page;
  return (
    'label' in target
      ? scope.getByLabel(target.label, { exact: true })
      : scope.getByRole(target.role, { name: target.name, exact: true })
  ).evaluateAll((elements) =>
    elements.some((element) => element === element.ownerDocument.activeElement),
  );
}

/** Whether the element `locator` finds has focus. */
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === element.ownerDocument.activeElement);
}

/**
 * The focused element's focus indicator: a visible outline (not `none`, wider than 0, not
 * transparent) or a box shadow. Null when there is one, else a description of what is missing.
 * When focus is on a date or time input's picker button (inside the input), the input's own style
 * is what shows, and is what is read.
 */
export function missingFocusIndicator(page: Page): Promise<string | null> {
  return page.locator(':root').evaluate((root) => {
    const doc = root.ownerDocument;
    const element = doc.activeElement;
    if (!element || element === doc.body) return 'nothing has focus';
    const style = doc.defaultView.getComputedStyle(element);
    const outlineColor: string = style.outlineColor;
    const outline =
      style.outlineStyle !== 'none' &&
      parseFloat(style.outlineWidth) > 0 &&
      outlineColor !== 'transparent' &&
      !/^rgba\(.*,\s*0\)$/.test(outlineColor);
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    if (outline || shadow) return null;
    return `outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow}`;
  });
}

/** Asserts the focused element shows where focus is. */
export async function expectVisibleFocus(page: Page): Promise<void> {
  const missing = await missingFocusIndicator(page);
  if (missing) {
    throw new Error(`No visible focus indicator on ${await describeFocus(page)}: ${missing}`);
  }
}

/**
 * Presses Tab (Shift+Tab when `backward`) until the focused element is `target`, checking on the
 * way that every control focus lands on shows it. Fails after MAX_TABS presses, listing every
 * stop it passed.
 */
export async function tabTo(
  page: Page,
  target: Target | LabelTarget,
  { backward = false } = {},
): Promise<void> {
  const passed: string[] = [];
  const invisible: string[] = [];
  for (let presses = 0; ; presses++) {
    if (await isFocused(page, target)) break;
    if (presses === MAX_TABS) {
      throw new Error(
        `Tabbed ${MAX_TABS} times without reaching ${'label' in target ? `the field "${target.label}"` : `${target.role} "${String(target.name)}"`}. ` +
          `Focus passed:\n  ${passed.join('\n  ')}`,
      );
    }
    await page.keyboard.press(backward ? 'Shift+Tab' : 'Tab');
    const here = await describeFocus(page);
    passed.push(here);
    const missing = here === NOTHING ? null : await missingFocusIndicator(page);
    if (missing) invisible.push(`${here}: ${missing}`);
  }
  if (invisible.length > 0) {
    throw new Error(`No visible focus indicator on:\n  ${invisible.join('\n  ')}`);
  }
  await expectVisibleFocus(page);
}

/** Tabs to `target` and presses a key on it (Enter by default). */
export async function press(
  page: Page,
  target: Target | LabelTarget,
  key = 'Enter',
  options: { backward?: boolean } = {},
): Promise<void> {
  await tabTo(page, target, options);
  await page.keyboard.press(key);
}

/** Types a calendar date (YYYY-MM-DD) into a focused en-US date input, segment by segment. */
export async function typeDate(page: Page, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-') as [string, string, string];
  await page.keyboard.type(`${month}${day}${year}`);
}

/** Types a wall-clock time (HH:mm) into a focused en-US time input: hour, minute, AM/PM. */
export async function typeTime(page: Page, time: string): Promise<void> {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  await page.keyboard.type(`${String(hour12).padStart(2, '0')}${String(minutes).padStart(2, '0')}`);
  await page.keyboard.type(hours < 12 ? 'A' : 'P');
}

/** The text of the option a select has chosen. */
export function chosenOption(select: Locator): Promise<string> {
  return select.evaluate((element) => String(element.selectedOptions[0]?.textContent ?? ''));
}

/** Signs in from the sign-in (or locked) screen: username, Tab, password, Enter. */
export async function keyboardSignIn(
  page: Page,
  username: string,
  password: string,
): Promise<void> {
  await tabTo(page, { role: 'textbox', name: 'Username' });
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  // The password box has no role of its own: check it by its label.
  expect(await hasFocus(page.getByLabel('Password', { exact: true }))).toBe(true);
  await expectVisibleFocus(page);
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  // A sign-in's key derivation and first screen take a while on a busy machine.
  await page
    .getByLabel('Password', { exact: true })
    .waitFor({ state: 'detached', timeout: 120_000 });
}

/** Signs out with the frame's button (before the screen in the tab order) and waits for sign-in. */
export async function keyboardSignOut(page: Page): Promise<void> {
  await press(page, { role: 'button', name: 'Sign out' }, 'Enter', { backward: true });
  await onScreen(page, 'Sign in to Aruga', 'sign in after sign-out');
}

/**
 * A modal dialog keeps focus: Tab from where focus is now walks through the dialog's controls and
 * comes back to the same control, never landing on anything outside the dialog (Chromium may pass
 * through the page's body once, where the browser's own toolbar would take focus). Ends where it
 * started.
 */
export async function expectFocusTrapped(page: Page, dialog: Locator): Promise<void> {
  const start = await page
    .locator(':root')
    .evaluateHandle((root) => root.ownerDocument.activeElement);
  const startedHere = (): Promise<boolean> =>
    start.evaluate((element) => element === element?.ownerDocument.activeElement);
  const passed: string[] = [await describeFocus(page)];
  // Tab may first walk the parts of a date or time input without leaving it.
  let left = false;
  expect(
    await dialog.evaluate((element) => element.contains(element.ownerDocument.activeElement)),
  ).toBe(true);
  for (let presses = 0; presses < MAX_TABS; presses++) {
    await page.keyboard.press('Tab');
    const here = await describeFocus(page);
    passed.push(here);
    if (here !== NOTHING) {
      const inside = await dialog.evaluate((element) =>
        element.contains(element.ownerDocument.activeElement),
      );
      if (!inside) throw new Error(`Focus left the dialog for ${here}:\n  ${passed.join('\n  ')}`);
      await expectVisibleFocus(page);
    }
    if (!(await startedHere())) left = true;
    else if (left) return;
  }
  throw new Error(`Focus never came back to where it started:\n  ${passed.join('\n  ')}`);
}
