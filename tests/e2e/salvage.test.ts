// Salvage end to end in Chromium: a vault whose children's data page has one flipped byte signs
// in, the page check finds the damage and locks, the next sign-in leads to the damaged-vault
// screen, and the administrator salvages it by keyboard alone. The report names the table and the
// rows lost; the new vault opens with the same password and holds everything else. Axe on each
// screen.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/sqlcipher';
import { unwrapWithPassword } from '../../electron/backend/vault/vault';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall, startTestHarness, type TestHarness } from '../support/harness';
import { createVaultWithStaff, firstSignIn } from '../support/seed';

const ADMIN = {
  displayName: 'Amihan Salvageadmin Reyes',
  username: 'amihan.salvage',
  password: 'copper meadow lantern 4417 tide',
};
const COORDINATOR = {
  displayName: 'Bituin Salvagecoord Lim',
  username: 'bituin.salvage',
  temporaryPassword: 'harbor pepper quilt 3391 ember',
  password: 'maple thunder cobalt 8120 fjord',
};
const CHILDREN = ['Alon Fictional Uno', 'Bagwis Fictional Dos', 'Tala Fictional Tres'];
const PAGE_BYTES = 4096;

let run: E2eRun;
let page: Page;
/** The second start of Aruga on the damaged folder (the first one made the vault). */
let harness: TestHarness;

/** Flips one byte inside the children table's only page, with Aruga stopped. */
async function damageChildrenPage(folder: string): Promise<void> {
  const key = await unwrapWithPassword(folder, ADMIN.username, ADMIN.password);
  const database = join(folder, 'aruga.db');
  const db = openDatabase(database, Buffer.from(key.dataKeyHex, 'hex'));
  let root: number;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    // Three children fit on one page: the table's root is its one leaf.
    expect(db.prepare('SELECT count(*) FROM children', { pluck: true }).get()).toBe(3);
    root = Number(
      db
        .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'children'", { pluck: true })
        .get(),
    );
  } finally {
    db.close();
    key.discard();
  }
  const bytes = readFileSync(database);
  bytes[(root - 1) * PAGE_BYTES + 200]! ^= 0x5a;
  writeFileSync(database, bytes);
}

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  page = run.page;
  await createVaultWithStaff(run.harness, ADMIN, 'Asia/Manila', [
    { member: COORDINATOR, role: 'coordinator', shelterScope: [] },
  ]);
  await firstSignIn(run.harness, COORDINATOR);
  for (const legalName of CHILDREN) {
    expectOk(
      await harnessCall(run.harness, 'children.register', {
        legalName,
        birth: { kind: 'dob', dateOfBirth: '2013-04-05' },
        sex: 'female',
        languages: ['Waray'],
        referralSource: 'Fictional barangay hall',
        referralDate: '2026-11-20',
        intakeDate: '2026-11-21',
      }),
    );
  }
  expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  await run.stopHarness();
  await damageChildrenPage(run.dataFolder);
  // Aruga starts again on the same folder: its page check has not run yet in this start.
  harness = await startTestHarness({ dataFolder: run.dataFolder });
  await page.goto(harness.url);
}, 600_000);

afterAll(async () => {
  await harness?.dispose();
  await run?.close();
});

async function signIn(): Promise<void> {
  await page.getByLabel('Username', { exact: true }).fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function waitForHeading(name: string): Promise<void> {
  try {
    await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 90_000 });
  } catch (error) {
    throw new Error(`"${name}" did not appear; the page shows: ${await page.innerText('body')}`, {
      cause: error,
    });
  }
}

describe('salvage of a vault with a damaged data page', () => {
  it('the page check finds the damage, and the next sign-in shows the damaged-vault screen', async () => {
    await waitForHeading('Sign in to Aruga');
    await onScreen(page, 'Sign in to Aruga', 'sign in');
    await signIn();
    await waitForHeading('Users');
    // The page check runs two seconds after the unlock; on damage it locks, and says why.
    await waitForHeading('Aruga is locked');
    await onScreen(page, 'Aruga is locked', 'locked for damage');
    await page.getByText('Aruga found damaged pages in the vault').waitFor();
    await signIn();
    await waitForHeading('The vault cannot be opened');
    await onScreen(page, 'The vault cannot be opened', 'damaged vault');
  });

  it('salvages by keyboard alone and names the table and rows it lost', async () => {
    await page.getByRole('button', { name: 'Salvage what can be read' }).focus();
    await page.keyboard.press('Enter');
    // The salvage form puts the focus in its first field.
    await page.getByRole('heading', { name: 'Salvage what can be read', level: 2 }).waitFor();
    await page.keyboard.type(ADMIN.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Salvage this vault?' });
    await dialog.waitFor();
    await onScreen(page, 'The vault cannot be opened', 'salvage confirmation');
    // Cancel has the focus first, Salvage is the next stop.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitForHeading('The vault was salvaged');
    await onScreen(page, 'The vault was salvaged', 'salvage report');
    const lost = page.getByRole('table', { name: 'Rows that could not be read, by table' });
    expect(await lost.getByRole('row').allInnerTexts()).toEqual([
      expect.stringMatching(/Table\s+Rows lost/),
      expect.stringMatching(/^children\s+3 rows$/),
    ]);
  });

  it('the new vault opens with the same password and holds everything else', async () => {
    await page.getByRole('button', { name: 'Go to sign-in' }).press('Enter');
    // The salvaged vault is sound: the sign-in no longer says why the damaged one locked.
    await page.getByRole('heading', { level: 1, name: 'Sign in to Aruga' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Aruga is locked' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'sign in after salvage');
    await signIn();
    await onScreen(page, 'Users', 'users after salvage');
    // The name, with the username beneath it.
    await page.getByRole('cell', { name: new RegExp(`^${COORDINATOR.displayName}`) }).waitFor();
    const users = expectOk(await harnessCall(harness, 'users.list', {}));
    expect(users.map((u) => u.username).sort()).toEqual(
      [ADMIN.username, COORDINATOR.username].sort(),
    );
    expect(expectOk(await harnessCall(harness, 'audit.verify', {})).ok).toBe(true);
  });
});
