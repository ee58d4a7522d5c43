// The foundation, end to end in Chromium on the real backend: setup → recovery key → administrator adds a
// caseworker → sign out → the caseworker signs in and must change the temporary password → idle
// lock → unlock back where they were → wrong passwords meet the back-off. axe on every screen,
// no console errors, and afterwards the leak check over every file the run left behind.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall } from '../support/harness';
import { assertNoLeaks } from '../support/leak-check';

/** Short enough to wait for, long enough that no step of the flow idles out by accident. */
const IDLE_LOCK_MS = 10_000;

// Every string typed here is a canary: none may appear in any file of the run.
const ADMIN = {
  displayName: 'Amihan Canarybird Reyes',
  username: 'amihan.canaryadmin',
  password: 'lantern orchard velvet 4729 kayak',
};
const CASEWORKER = {
  displayName: 'Tala Canaryfeather Cruz',
  username: 'tala.canaryworker',
  temporaryPassword: 'copper meadow giraffe 5813 tide',
  password: 'silent harbor tamarind 2046 drum',
};
const WRONG_PASSWORD = 'not the canary password 000';

let run: E2eRun;
let page: Page;
let recoveryKey = '';

beforeAll(async () => {
  run = await startE2eRun({ backend: { idleLockMsOverride: IDLE_LOCK_MS } });
  page = run.page;
});

afterAll(async () => {
  await run?.close();
});

// ---- screen helpers ---------------------------------------------------------------------------

function mainNav(): ReturnType<Page['getByRole']> {
  return page.getByRole('navigation', { name: 'Main' });
}

function field(label: string): ReturnType<Page['getByLabel']> {
  return page.getByLabel(label, { exact: true });
}

async function signIn(username: string, password: string): Promise<void> {
  await field('Username').fill(username);
  await field('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

function canaries(): string[] {
  const typed = [
    ADMIN.displayName,
    ADMIN.username,
    ADMIN.password,
    CASEWORKER.displayName,
    CASEWORKER.username,
    CASEWORKER.temporaryPassword,
    CASEWORKER.password,
    WRONG_PASSWORD,
  ];
  return recoveryKey ? [...typed, recoveryKey, recoveryKey.replaceAll('-', '')] : typed;
}

/** The leak check over the data folder and this run's temp folder; returns the files read. */
function checkLeaks(): Promise<string[]> {
  return assertNoLeaks({ roots: [run.dataFolder, run.tempDir], canaries: canaries() });
}

/** The form-level alert (role=alert) of the current screen. */
function alertText(): Promise<string> {
  return page.getByRole('alert').first().innerText();
}

// ---- the flow ---------------------------------------------------------------------------------

describe('foundation flow', () => {
  it('sets up the vault on first run', async () => {
    await onScreen(page, 'Set up Aruga', 'setup');
    await field('Your display name').fill(ADMIN.displayName);
    await field('Username').fill(ADMIN.username);
    await field('Password').fill(ADMIN.password);
    await field('Confirm password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create vault' }).click();
    await onScreen(page, 'Your recovery key', 'recovery key');
  });

  it('shows the recovery key once, in 8 groups, and asks for two of them back', async () => {
    const groups = await page
      .getByRole('region', { name: 'Recovery key in 8 groups' })
      .getByRole('listitem')
      .locator('code')
      .allInnerTexts();
    expect(groups).toHaveLength(8);
    for (const group of groups) expect(group).toMatch(/^[A-Z0-9]{4}$/);
    recoveryKey = groups.join('-');

    // The check is made with the key out of sight.
    await page.getByRole('button', { name: 'I have written it down' }).click();
    await page.getByRole('heading', { name: 'Check that you have it' }).waitFor();
    const shown = await page.locator('body').innerText();
    for (const group of groups) expect(shown).not.toMatch(new RegExp(`\\b${group}\\b`));
    await expectNoAxeViolations(page, 'recovery key check');
    const continueButton = page.getByRole('button', { name: 'Continue' });
    expect(await continueButton.isDisabled()).toBe(true);
    let asked = 0;
    for (let n = 1; n <= groups.length; n++) {
      const input = field(`Type group ${n}`);
      if ((await input.count()) === 0) continue;
      await input.fill(groups[n - 1]!.toLowerCase());
      asked++;
    }
    expect(asked).toBe(2);
    await continueButton.click();
    await onScreen(page, 'Users', 'users (administrator home)');
  });

  it('lets the administrator add a caseworker with a temporary password', async () => {
    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Display name', { exact: true }).fill(CASEWORKER.displayName);
    await form.getByLabel('Username', { exact: true }).fill(CASEWORKER.username);
    await form.getByLabel('Role', { exact: true }).selectOption('caseworker');
    // No shelter exists yet, so there is none to tick (and nothing to mistype).
    const shelters = form.getByRole('group', { name: 'Shelters' });
    await shelters.getByText('There are no shelters yet.', { exact: false }).waitFor();
    expect(await shelters.getByRole('checkbox').count()).toBe(0);
    await form.getByLabel('Temporary password', { exact: true }).fill(CASEWORKER.temporaryPassword);
    await form.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('status').filter({ hasText: 'was added' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: CASEWORKER.username });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Caseworker/);
    await expectNoAxeViolations(page, 'users after adding a caseworker');

    // While the vault is open its -wal and -shm files exist: they must be encrypted too.
    const files = await checkLeaks();
    expect(files.some((file) => file.endsWith('-wal'))).toBe(true);
  });

  it('shows the audit log with an intact hash chain', async () => {
    await mainNav().getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByRole('button', { name: 'Verify integrity' }).click();
    await page.getByRole('status').filter({ hasText: 'The audit log is intact' }).waitFor();
    await expectNoAxeViolations(page, 'audit log');
  });

  it('locks at once on Lock now and on quick-hide, and unlocks to the same screen', async () => {
    await mainNav().getByRole('link', { name: 'Settings', exact: true }).click();
    await onScreen(page, 'Settings', 'settings');
    await page.getByRole('button', { name: 'Lock now' }).click();
    await onScreen(page, 'Aruga is locked', 'locked (lock now)');
    // The lock screen says why: the user did it.
    await page.getByText('You locked Aruga.', { exact: false }).waitFor();
    expect(await page.content()).not.toContain(ADMIN.displayName);
    await signIn(ADMIN.username, ADMIN.password);
    await onScreen(page, 'Settings', 'settings after unlock');

    await page.keyboard.press('Control+Shift+L');
    // Blanked synchronously in the key handler, before the lock round-trip has finished.
    expect(await page.content()).not.toContain(ADMIN.displayName);
    await page.getByRole('heading', { level: 1, name: 'Aruga is locked' }).waitFor();
    await page.getByText('You hid the screen with Ctrl+Shift+L', { exact: false }).waitFor();
    await signIn(ADMIN.username, ADMIN.password);
    await onScreen(page, 'Settings', 'settings after quick-hide');
    const status = expectOk(await harnessCall(run.harness, 'app.status', {}));
    expect(status.session?.username).toBe(ADMIN.username);
  });

  it('signs out to the sign-in screen', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await onScreen(page, 'Sign in to Aruga', 'sign in');
    // Nothing of the administrator's session is left on screen.
    expect(await page.content()).not.toContain(ADMIN.displayName);
  });

  it('makes the caseworker replace the temporary password at first sign-in', async () => {
    await signIn(CASEWORKER.username, CASEWORKER.temporaryPassword);
    await onScreen(page, 'Choose a new password', 'forced password change');
    // No navigation to anything else until the password is changed.
    expect(await mainNav().count()).toBe(0);
    await field('Temporary password').fill(CASEWORKER.temporaryPassword);
    await field('New password').fill(CASEWORKER.password);
    await field('Confirm new password').fill(CASEWORKER.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await onScreen(page, 'Today', 'today (caseworker)');
    // A caseworker sees only the sections that are theirs: no staff accounts, audit or settings.
    expect(await mainNav().getByRole('link').allInnerTexts()).toEqual([
      'Today',
      'Children',
      'Bed board',
      'Clinical records',
      'My account',
      'Reports',
      'Sync',
      'Gate list',
    ]);
  });

  it('locks by itself after the idle time and drops what was on screen', async () => {
    const started = Date.now();
    await page
      .getByRole('heading', { level: 1, name: 'Aruga is locked' })
      .waitFor({ timeout: IDLE_LOCK_MS + 15_000 });
    expect(Date.now() - started).toBeGreaterThan(IDLE_LOCK_MS / 2);
    await page
      .getByText('Aruga locked itself after a time without activity', { exact: false })
      .waitFor();
    expect(await page.getByText('You locked Aruga', { exact: false }).count()).toBe(0);
    await expectNoAxeViolations(page, 'locked');
    expect(await page.content()).not.toContain(CASEWORKER.displayName);
    const status = expectOk(await harnessCall(run.harness, 'app.status', {}));
    expect(status.state).toBe('locked');
  });

  it('unlocks back to where the user was', async () => {
    await signIn(CASEWORKER.username, CASEWORKER.password);
    await onScreen(page, 'Today', 'today after unlock');
    expect(new URL(page.url()).hash).toBe('#/today');
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page
      .getByRole('heading', { level: 1, name: /Aruga is locked|Sign in to Aruga/ })
      .waitFor();
  });

  it('answers a wrong password generically, then with the back-off', async () => {
    await signIn(CASEWORKER.username, WRONG_PASSWORD);
    await expect.poll(alertText).toBe("That username and password don't match.");
    // An unknown username gets exactly the same answer.
    await signIn('nobody.canaryghost', WRONG_PASSWORD);
    await expect
      .poll(alertText)
      .toMatch(/^That username and password don't match\.$|^Too many attempts/);

    let backoff = '';
    for (let attempt = 0; attempt < 6 && !backoff; attempt++) {
      await signIn(CASEWORKER.username, WRONG_PASSWORD);
      await page.waitForTimeout(300);
      const text = await alertText();
      if (/Too many attempts/.test(text)) backoff = text;
    }
    expect(backoff).toMatch(/^Too many attempts\. Try again in \d+ seconds?\.$/);
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).isDisabled()).toBe(
      true,
    );
    // Asked before the axe scan, which can outlast a short back-off on a busy machine.
    const status = expectOk(await harnessCall(run.harness, 'app.status', {}));
    expect(status.retryAfterSeconds).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'sign in during back-off');
    run.errors.assertNone();
  });

  it('leaves no typed text and no plaintext SQLite in any file', async () => {
    expect(recoveryKey).toMatch(/^([A-Z0-9]{4}-){7}[A-Z0-9]{4}$/);
    const whileLocked = await checkLeaks();
    await run.stopHarness();
    const afterClose = await checkLeaks();
    const names = [...whileLocked, ...afterClose].map((file) => file.split(/[\\/]/).pop());
    // The check really read the vault: the database and the keyring at least.
    expect(names.some((name) => name?.endsWith('.db') || name?.endsWith('.sqlite'))).toBe(true);
    expect(names.some((name) => /keyring/i.test(name ?? ''))).toBe(true);
  });
});
