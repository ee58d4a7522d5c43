// Two long jobs end to end in Chromium, each watched through its bar: the administrator rotates
// the data key from Settings by keyboard alone, and the vault opens again under the new key; then
// a vault made by the oldest released Aruga is put in the data folder, and signing in to it shows
// the backup of the vault as it was, then each migration, before the first screen. Axe on each.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELEASED_VERSIONS } from '../fixtures/make-vaults';
import { FIXTURE_VAULT } from '../fixtures/vaults';
import { onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall } from '../support/harness';
import { createVaultWithStaff } from '../support/seed';

const ADMIN = {
  displayName: 'Lualhati Rekey Santos',
  username: 'lualhati.rekey',
  password: 'harbor kite mango 4417 lamp',
};

/**
 * Page script: keeps every value the bar labelled `label` shows and every text of the status
 * beside it, however briefly, in window.seen (a small vault's work is over in a moment).
 */
const recordBar = (label: string) => `(() => {
  const seen = { values: [], texts: [] };
  window.seen = seen;
  new MutationObserver(() => {
    const bar = document.querySelector('progress[aria-label="${label}"]');
    const value = bar?.getAttribute('aria-valuenow');
    if (value != null && value !== seen.values.at(-1)) seen.values.push(value);
    const text = bar?.parentElement?.querySelector('[role="status"]')?.textContent;
    if (text && text !== seen.texts.at(-1)) seen.texts.push(text);
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

type Seen = { values: string[]; texts: string[] };

let run: E2eRun;
let page: Page;

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  page = run.page;
  await createVaultWithStaff(run.harness, ADMIN, 'Asia/Manila', []);
  expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  await page.goto(run.harness.url);
  // The first screen after a cold start can take a while on a busy machine.
  await page
    .getByRole('heading', { level: 1, name: 'Sign in to Aruga' })
    .waitFor({ timeout: 120_000 });
});

afterAll(async () => {
  await run?.close();
});

async function signIn(username: string, password: string): Promise<void> {
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

function expectGrowingTo100(values: number[]): void {
  expect(values.length).toBeGreaterThan(0);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(values.every((v) => v >= 0 && v <= 100)).toBe(true);
}

describe('long work, watched', () => {
  it('rotates the data key by keyboard, with the bar in the dialog, and opens again after', async () => {
    await signIn(ADMIN.username, ADMIN.password);
    await onScreen(page, 'Users', 'users');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings', exact: true })
      .click();
    await onScreen(page, 'Settings', 'settings');
    await page.evaluate(recordBar('Rotate the data key?'));
    await page.getByRole('button', { name: 'Rotate data key…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Rotate the data key?' });
    await dialog.waitFor();
    // Keyboard only: Tab to the confirm button, then Enter.
    for (let i = 0; i < 5; i += 1) {
      const focused = (await page.evaluate("document.activeElement?.textContent ?? ''")) as string;
      if (focused === 'Rotate key') break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'The data key was rotated' }).waitFor();
    const { values } = (await page.evaluate('window.seen')) as Seen;
    expectGrowingTo100(values.map(Number));
    await onScreen(page, 'Settings', 'settings after rotation');

    expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
    await onScreen(page, 'Sign in to Aruga', 'sign in after rotation');
    await signIn(ADMIN.username, ADMIN.password);
    await onScreen(page, 'Users', 'users after rotation');
  });

  it('shows the backup, then each migration, while a sign-in upgrades an old vault', async () => {
    // Signed out however the first test ended.
    await harnessCall(run.harness, 'session.lock', { reason: 'signOut' });
    await onScreen(page, 'Sign in to Aruga', 'sign in before the old vault');
    // The oldest released vault takes this one's place.
    for (const name of readdirSync(run.dataFolder))
      if (name.startsWith('aruga.db') || name.startsWith('keyring'))
        rmSync(join(run.dataFolder, name));
    const fixture = fileURLToPath(
      new URL(`../fixtures/vaults/v${RELEASED_VERSIONS[0]}/`, import.meta.url),
    );
    cpSync(fixture, run.dataFolder, { recursive: true });
    await page.evaluate(recordBar('Upgrading the vault'));
    await signIn(FIXTURE_VAULT.adminUsername, FIXTURE_VAULT.adminPassword);
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 60_000 });
    const { values, texts } = (await page.evaluate('window.seen')) as Seen;
    expectGrowingTo100(values.map(Number));
    expect(texts.some((t) => t.startsWith('Making a backup of the vault as it was'))).toBe(true);
    expect(texts.some((t) => /^Upgrading: step \d+ of \d+$/.test(t))).toBe(true);
    await onScreen(page, /./, 'first screen after the upgrade');
  });
});
