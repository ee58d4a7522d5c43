// First run, sign-in, lock and administration by keyboard alone, end to end in Chromium on the
// real backend: set up the vault and its first administrator, write down the recovery key and type
// two of its groups back, add a user, reset their password, change their role and disable them
// in dialogs (focus trapped inside, back on the opener after), set a retention period, lock with
// Lock now and with quick-hide (which clears the window title at once), sign out and in again.
// Only Tab, Shift+Tab, Enter, Space, Escape, arrows and typed text; every stop shows a visible
// focus indicator, and axe finds nothing on every screen reached.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import {
  chosenOption,
  describeFocus,
  expectFocusTrapped,
  expectVisibleFocus,
  isFocused,
  keyboardSignIn,
  keyboardSignOut,
  NOTHING,
  press,
  tabTo,
  type Target,
} from '../support/keyboard';

// Fictional people.
const ADMIN = {
  displayName: 'Amihan Keysetup Reyes',
  username: 'amihan.keysetup',
  password: 'lantern orchard velvet 4729 kayak',
};
const NEW_USER = {
  displayName: 'Bituin Keysetup Lopez',
  username: 'bituin.keysetup',
  temporaryPassword: 'harbor pepper quilt 3391 ember',
  resetPassword: 'orchid basalt pillow 7702 comet',
};
const RETENTION_MONTHS = '84';

let run: E2eRun;
let page: Page;

beforeAll(async () => {
  run = await startE2eRun();
  page = run.page;
});

afterAll(async () => {
  await run?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Main' });
const dialog = (name: string) => page.getByRole('dialog', { name, exact: true });

async function statusSays(text: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}

describe('first run, sign-in, lock and administration by keyboard', { timeout: 300_000 }, () => {
  it('sets up the vault and its first administrator', async () => {
    // The first load of a fresh app on a busy machine can take a while.
    await page
      .getByRole('heading', { level: 1, name: 'Set up Aruga' })
      .waitFor({ timeout: 120_000 });
    await onScreen(page, 'Set up Aruga', 'setup');
    expect(await page.title()).toBe('Set up Aruga — Aruga');
    await tabTo(page, { role: 'textbox', name: 'Your display name' });
    await page.keyboard.type(ADMIN.displayName);
    await tabTo(page, { role: 'textbox', name: 'Username' });
    await page.keyboard.type(ADMIN.username);
    await tabTo(page, { label: 'Password' });
    await page.keyboard.type(ADMIN.password);
    await tabTo(page, { label: 'Confirm password' });
    await page.keyboard.type(ADMIN.password);
    // The time zone keeps its default, Asia/Manila.
    await tabTo(page, { role: 'combobox', name: 'Time zone' });
    expect(await chosenOption(page.getByRole('combobox', { name: 'Time zone' }))).toContain(
      'Manila',
    );
    await expectNoAxeViolations(page, 'setup, filled in');
    await press(page, { role: 'button', name: 'Create vault' });
    await onScreen(page, 'Your recovery key', 'recovery key');
  });

  it('shows the recovery key, then takes two of its groups back typed', async () => {
    const groups = await page
      .getByRole('region', { name: 'Recovery key in 8 groups' })
      .getByRole('listitem')
      .locator('code')
      .allInnerTexts();
    expect(groups).toHaveLength(8);
    // Focus is on the screen's heading; the first control is printing the key.
    await tabTo(page, { role: 'button', name: 'Print recovery key' });
    await press(page, { role: 'button', name: 'I have written it down' });
    await page.getByRole('heading', { name: 'Check that you have it' }).waitFor();
    await expectNoAxeViolations(page, 'recovery key check');
    let asked = 0;
    for (let n = 1; n <= groups.length; n++) {
      const label = `Type group ${n}`;
      if ((await page.getByLabel(label, { exact: true }).count()) === 0) continue;
      await tabTo(page, { label });
      await page.keyboard.type(groups[n - 1]!.toLowerCase());
      asked++;
    }
    expect(asked).toBe(2);
    await press(page, { role: 'button', name: 'Continue' });
    await onScreen(page, 'Users', 'users (administrator home)');
    expect(await page.title()).toBe('Users — Aruga');
  });

  it('adds a user with the form', async () => {
    const form = page.getByRole('form', { name: 'Add a user' });
    await tabTo(page, { role: 'textbox', name: 'Display name', within: form });
    await page.keyboard.type(NEW_USER.displayName);
    await tabTo(page, { role: 'textbox', name: 'Username', within: form });
    await page.keyboard.type(NEW_USER.username);
    // A closed select chooses by type-ahead.
    await tabTo(page, { role: 'combobox', name: 'Role', within: form });
    await page.keyboard.type('Cas');
    await expect
      .poll(() => chosenOption(form.getByRole('combobox', { name: 'Role', exact: true })))
      .toBe('Caseworker');
    await tabTo(page, { label: 'Temporary password', within: form });
    await page.keyboard.type(NEW_USER.temporaryPassword);
    await expectNoAxeViolations(page, 'add a user, filled in');
    await press(page, { role: 'button', name: 'Add user', within: form });
    await statusSays(`${NEW_USER.displayName} was added.`);
    const row = page.getByRole('row').filter({ hasText: NEW_USER.username });
    await row.waitFor();
    expect(await row.innerText()).toContain('Caseworker');
    await expectNoAxeViolations(page, 'users with the new user');
  });

  it("resets the user's password in a dialog that keeps focus, which goes back to its opener", async () => {
    const opener: Target = { role: 'button', name: `Reset password for ${NEW_USER.displayName}` };
    // The table comes before the form: back up to the user's row.
    await press(page, opener, 'Enter', { backward: true });
    const reset = dialog(`Reset password for ${NEW_USER.displayName}`);
    await reset.waitFor();
    const field = { label: 'Temporary password', within: reset };
    expect(await isFocused(page, field)).toBe(true);
    await expectVisibleFocus(page);
    await expectNoAxeViolations(page, 'reset password dialog');
    await expectFocusTrapped(page, reset);
    expect(await isFocused(page, field)).toBe(true);

    // Escape leaves it unchanged and gives focus back.
    await page.keyboard.press('Escape');
    await reset.waitFor({ state: 'hidden' });
    await expect.poll(() => isFocused(page, opener)).toBe(true);
    await expectVisibleFocus(page);

    await page.keyboard.press('Enter');
    await reset.waitFor();
    await page.keyboard.type(NEW_USER.resetPassword);
    await press(page, { role: 'button', name: 'Set temporary password', within: reset });
    await reset.waitFor({ state: 'hidden' });
    await statusSays(`A temporary password was set for ${NEW_USER.displayName}.`);
    await expect.poll(() => isFocused(page, opener)).toBe(true);
    await expectVisibleFocus(page);
  });

  it("changes the user's role in a dialog that keeps focus, which goes back to its opener", async () => {
    const opener: Target = { role: 'button', name: `Edit access for ${NEW_USER.displayName}` };
    // Just before the Reset password button that has focus.
    await press(page, opener, 'Enter', { backward: true });
    const edit = dialog(`Edit access for ${NEW_USER.displayName}`);
    await edit.waitFor();
    const role = { role: 'combobox', name: 'Role', within: edit } as const;
    expect(await isFocused(page, role)).toBe(true);
    await expectNoAxeViolations(page, 'edit access dialog');
    await expectFocusTrapped(page, edit);
    await page.keyboard.type('Ther');
    await expect
      .poll(() => chosenOption(edit.getByRole('combobox', { name: 'Role', exact: true })))
      .toBe('Therapist');
    await press(page, { role: 'button', name: 'Save access', within: edit });
    await edit.waitFor({ state: 'hidden' });
    await statusSays(`The access of ${NEW_USER.displayName} was saved.`);
    const row = page.getByRole('row').filter({ hasText: NEW_USER.username });
    await expect.poll(() => row.innerText()).toContain('Therapist');
    await expect.poll(() => isFocused(page, opener)).toBe(true);
    await expectVisibleFocus(page);
  });

  it('disables the user after a confirmation', async () => {
    await press(page, { role: 'button', name: `Disable ${NEW_USER.displayName}` });
    const confirm = dialog(`Disable ${NEW_USER.displayName}?`);
    await confirm.waitFor();
    await expectNoAxeViolations(page, 'disable dialog');
    await press(page, { role: 'button', name: 'Disable user', within: confirm });
    await confirm.waitFor({ state: 'hidden' });
    await statusSays(`${NEW_USER.displayName} was disabled.`);
    const row = page.getByRole('row').filter({ hasText: NEW_USER.username });
    await expect.poll(() => row.innerText()).toContain('Disabled');
    // The row's buttons are gone with the account: focus must not fall to the page's body.
    expect(await describeFocus(page)).not.toBe(NOTHING);
    await expectVisibleFocus(page);
    await expectNoAxeViolations(page, 'users with a disabled user');
  });

  it('sets a retention period', async () => {
    await press(page, { role: 'link', name: 'Retention', within: nav() }, 'Enter', {
      backward: true,
    });
    await onScreen(page, 'Retention', 'retention');
    const months = { role: 'spinbutton', name: 'Contacts log: keep for (months)' } as const;
    await tabTo(page, months);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(RETENTION_MONTHS);
    await press(page, { role: 'button', name: 'Save the period for Contacts log' });
    await statusSays('The period for Contacts log was saved.');
    expect(await page.getByRole('spinbutton', { name: months.name }).inputValue()).toBe(
      RETENTION_MONTHS,
    );
    await expectNoAxeViolations(page, 'retention with a period');
  });

  it('locks with Lock now and unlocks on the same screen', async () => {
    await press(page, { role: 'button', name: 'Lock now' }, 'Enter', { backward: true });
    await onScreen(page, 'Aruga is locked', 'locked');
    expect(await page.content()).not.toContain(ADMIN.displayName);
    await keyboardSignIn(page, ADMIN.username, ADMIN.password);
    await onScreen(page, 'Retention', 'retention after unlock');
  });

  it("hides the screen and the window's title with Ctrl+Shift+L, even from inside a field", async () => {
    await tabTo(page, { role: 'spinbutton', name: 'Contacts log: keep for (months)' });
    expect(await page.title()).toBe('Retention — Aruga');
    await page.keyboard.press('Control+Shift+L');
    // Cleared in the key handler itself, before the lock's round trip.
    expect(await page.title()).toBe('Aruga');
    expect(await page.content()).not.toContain(ADMIN.displayName);
    await onScreen(page, 'Aruga is locked', 'locked by quick-hide');
    expect(await page.title()).not.toContain('Retention');
    await keyboardSignIn(page, ADMIN.username, ADMIN.password);
    await onScreen(page, 'Retention', 'retention after quick-hide');
  });

  it('signs out, and signs in again by keyboard', async () => {
    await keyboardSignOut(page);
    expect(await page.content()).not.toContain(ADMIN.displayName);
    // Sign-in opens on the username, with the password box next.
    await keyboardSignIn(page, ADMIN.username, ADMIN.password);
    await onScreen(page, 'Users', 'users after sign-in');
    // The first Tab after signing in reaches the skip link, which leads into the screen.
    await page.keyboard.press('Tab');
    expect(await isFocused(page, { role: 'link', name: 'Skip to main content' })).toBe(true);
    await expectVisibleFocus(page);
    run.errors.assertNone();
  });
});
