// Backups end to end in Chromium: the administrator backs up to a typed folder (the harness has
// no OS dialog), watching the bar show the backend's progress, checks the file with their password, restores it after confirming, and Aruga
// locks onto the restored vault; then, with the database cut short, sign-in leads to the
// damaged-vault screen, which restores the same backup with nobody signed in. Axe on each screen.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall } from '../support/harness';
import { createVaultWithStaff } from '../support/seed';
import { makeTempDir, removeDir } from '../support/temp';

const ADMIN = {
  displayName: 'Tala Backupadmin Cruz',
  username: 'tala.backupadmin',
  password: 'ferry mango lantern 5821 reef',
};

let run: E2eRun;
let page: Page;
let usb: string;

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  page = run.page;
  usb = await makeTempDir('usb');
  await createVaultWithStaff(run.harness, ADMIN, 'Asia/Manila', []);
  expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  await page.goto(run.harness.url);
});

afterAll(async () => {
  await run?.close();
  if (usb) await removeDir(usb);
});

/** Page script: keeps every aria-valuenow the "Backing up…" bar takes, in window.barValues. */
const RECORD_BAR_VALUES = `(() => {
  const seen = [];
  window.barValues = seen;
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.target.getAttribute('aria-label') !== 'Backing up…') continue;
      const value = record.target.getAttribute('aria-valuenow');
      if (value !== null && value !== seen.at(-1)) seen.push(value);
    }
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-valuenow'] });
})()`;

async function signIn(): Promise<void> {
  await page.getByLabel('Username', { exact: true }).fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Waits for a screen that follows slow work (a key derivation at production cost, a salvage), or
 * fails with what the page shows instead.
 */
async function untilHeading(name: string): Promise<void> {
  try {
    await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 60_000 });
  } catch (error) {
    throw new Error(`"${name}" did not appear; the page shows: ${await page.innerText('body')}`, {
      cause: error,
    });
  }
}

describe('backups', () => {
  it('backs up now to a typed folder, and says where the checked file went', async () => {
    await signIn();
    await onScreen(page, 'Users', 'users');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Backups' })
      .click();
    await onScreen(page, 'Backups', 'backups');
    await page.getByLabel('Folder for the backup').fill(usb);
    // Every value the bar shows, however briefly (a small vault backs up in a moment).
    await page.evaluate(RECORD_BAR_VALUES);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByRole('status').filter({ hasText: 'Backup saved and checked' }).waitFor();
    const values = ((await page.evaluate('window.barValues')) as string[]).map(Number);
    // The bar showed the backend's real progress: values that only grow, some past the start.
    expect(values.length).toBeGreaterThan(0);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.every((v) => v >= 0 && v <= 100)).toBe(true);
    expect(Math.max(...values)).toBeGreaterThan(0);
    const files = readdirSync(usb);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^aruga-.+\.aruga-backup$/);
  });

  it('checks the backup, restores it after confirming, and locks onto it', async () => {
    const file = join(usb, readdirSync(usb)[0]!);
    await page.getByLabel('Backup file').fill(file);
    await page.getByLabel('Username', { exact: true }).fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Check the backup' }).click();
    await page.getByRole('heading', { name: 'This backup holds' }).waitFor();
    await onScreen(page, 'Backups', 'backup summary');
    await page.getByRole('button', { name: 'Restore this backup' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore the backup?' });
    await dialog.getByRole('button', { name: 'Restore and lock' }).click();
    await onScreen(page, 'Sign in to Aruga', 'sign in after restore');
    expect(readdirSync(join(run.dataFolder, 'safety-copies'))).toHaveLength(1);
    await signIn();
    await onScreen(page, 'Users', 'users after restore');
    expect(existsSync(join(run.dataFolder, 'aruga.db'))).toBe(true);
  });

  it('shows the damaged-vault screen for a cut-short database and restores from it', async () => {
    expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
    await onScreen(page, 'Sign in to Aruga', 'sign in before damage');
    const database = join(run.dataFolder, 'aruga.db');
    const bytes = readFileSync(database);
    writeFileSync(database, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await signIn();
    await untilHeading('The vault cannot be opened');
    await onScreen(page, 'The vault cannot be opened', 'damaged vault');

    await page.getByLabel('Backup file').fill(join(usb, readdirSync(usb)[0]!));
    await page.getByLabel('Username', { exact: true }).fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Restore this backup' }).press('Enter');
    const dialog = page.getByRole('dialog', {
      name: 'Put this backup in place of the damaged vault?',
    });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'damaged vault confirmation');
    // Keyboard only: Cancel has the focus first, Restore is the next stop.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await onScreen(page, 'The backup is in place', 'damaged vault restored');
    const kept = readdirSync(join(run.dataFolder, 'safety-copies')).filter((name) =>
      name.startsWith('damaged-'),
    );
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(run.dataFolder, 'safety-copies', kept[0]!, 'aruga.db'))).toHaveLength(
      Math.floor(bytes.length / 2),
    );
    await page.getByRole('button', { name: 'Go to sign-in' }).press('Enter');
    await onScreen(page, 'Sign in to Aruga', 'sign in after the damaged-vault restore');
    await signIn();
    await onScreen(page, 'Users', 'users after the damaged-vault restore');
  });
});
