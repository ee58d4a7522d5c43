// Sharing with other computers, end to end in Chromium on the real backend: the administrator
// starts sharing, saves the sync folder (typed: the harness has no OS dialog) and syncs now; a
// bundle another computer of the organisation left in the folder applies and its computer shows
// when it was last seen; removing it (keyboard only) with a typed reason makes its next bundle
// refused, in words. The other computer is made on the vault's database as adding one lists it,
// so the test holds its keys and writes its bundles itself. axe on each screen and the dialog.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { DataLayer } from '../../electron/backend/db/data-layer';
import { unwrapWithRecoveryKey } from '../../electron/backend/vault/vault';
import {
  addComputer,
  newBundleName,
  ownIdentity,
  sealBundle,
  type ComputerGrant,
} from '../../electron/backend/domains/sync';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall } from '../support/harness';
import { makeTempDir, removeDir } from '../support/temp';

const ADMIN = {
  displayName: 'Dalisay Syncadmin Ramos',
  username: 'dalisay.syncadmin',
  password: 'harbor tamarind kite 4417 dune',
};

let run: E2eRun;
let page: Page;
let recoveryKey = '';
let folder = '';
let other: ComputerGrant;

beforeAll(async () => {
  // Synced by hand only: the test counts what each Sync now applies.
  run = await startE2eRun({ open: false, backend: { autoSyncIntervalMs: 0 } });
  page = run.page;
  folder = await makeTempDir('sync-folder');
  recoveryKey = expectOk(
    await harnessCall(run.harness, 'vault.create', {
      adminDisplayName: ADMIN.displayName,
      adminUsername: ADMIN.username,
      adminPassword: ADMIN.password,
      timeZone: 'Asia/Manila',
    }),
  ).recoveryKey;
  expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  await page.goto(run.harness.url);
  await page.getByLabel('Username', { exact: true }).fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await onScreen(page, 'Users', 'users');
});

afterAll(async () => {
  await run?.close();
  if (folder) await removeDir(folder);
});

/** Runs `work` on this computer's vault database, beside the running backend. */
async function onVault<T>(work: (db: Database) => T): Promise<T> {
  const key = await unwrapWithRecoveryKey(run.dataFolder, recoveryKey);
  const db = new Database(join(run.dataFolder, 'aruga.db'));
  try {
    db.pragma(`key = "x'${key.dataKeyHex}'"`);
    key.discard();
    return work(db);
  } finally {
    db.close();
  }
}

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

/** A bundle the other computer writes into the folder: one new shelter of its making. */
function bundleFromOther(shelterName: string): string {
  const name = newBundleName();
  const hlc = `${String(Date.now()).padStart(15, '0')}-0000-${other.deviceId}`;
  const identity = {
    deviceId: other.deviceId,
    orgId: other.orgId,
    bundleKey: hex(other.bundleKey),
    signingKey: hex(other.signingKey),
    exchangeKey: hex(other.exchangeKey),
  };
  const file = sealBundle(identity, name, {
    author: other.deviceId,
    acks: [],
    changes: [
      {
        hlc,
        deviceId: other.deviceId,
        userId: null,
        table: 'shelters',
        rowId: `0190a000-0000-7000-8000-${String(Date.now()).padStart(12, '0').slice(-12)}`,
        op: 'insert',
        columns: {
          name: shelterName,
          type: 'ngo_shelter',
          sex_rule: 'any',
          min_age: 0,
          max_age: 18,
          capacity: 4,
        },
      },
    ],
  });
  writeFileSync(join(folder, name), file);
  return name;
}

/** Tab until `target` has focus (fails after 40 presses). */
async function tabTo(target: Locator): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tabbed 40 times without reaching the control');
}

const main = () => page.getByRole('main');

describe('sharing with other computers', () => {
  it('starts sharing, saves the sync folder and syncs now', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Computers', exact: true })
      .click();
    await onScreen(page, 'Computers', 'computers, not sharing');
    await page.getByLabel("This computer's name").fill('Fictional office laptop');
    await page.getByRole('button', { name: 'Start sharing with other computers' }).click();
    await page.getByRole('heading', { name: 'Sync now' }).waitFor();
    await page.getByLabel("This computer's sync folder").fill(folder);
    await page.getByRole('button', { name: 'Save sync settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Sync settings saved.' }).waitFor();
    // Sync now starts with the saved folder.
    expect(await page.getByRole('textbox', { name: 'Sync folder', exact: true }).inputValue()).toBe(
      folder,
    );
    await page.getByRole('button', { name: 'Sync now', exact: true }).click();
    await main()
      .getByText(
        "Applied 0 files of changes from other computers. Left this computer's changes in the folder.",
        { exact: false },
      )
      .waitFor();
    await expect(
      main().getByRole('cell', { name: 'Fictional office laptop (this computer)' }).count(),
    ).resolves.toBe(1);
    await expectNoAxeViolations(page, 'computers, sharing');
  });

  it('applies another computer’s bundle and shows when it was last seen', async () => {
    other = await onVault((db) => {
      const deviceId = db
        .prepare('SELECT device_id FROM sync_identity', { pluck: true })
        .get() as string;
      const data = new DataLayer(db, SCHEMA.tables, () => ({ userId: null, deviceId }));
      return addComputer({ db, data }, ownIdentity(db, deviceId)!, 'Fictional Cebu laptop');
    });
    bundleFromOther('Fictional Sync Home Cebu');
    await page.getByRole('button', { name: 'Sync now', exact: true }).click();
    await main()
      .getByText('Applied 1 file of changes from other computers.', { exact: false })
      .waitFor();
    const row = main().getByRole('row').filter({ hasText: 'Fictional Cebu laptop' });
    await row.getByText('Syncing').waitFor();
    expect(await row.getByRole('cell').nth(1).innerText()).toMatch(/^\d\d\/\d\d\/\d{4} /);
    const shelters = await onVault(
      (db) => db.prepare('SELECT name FROM shelters', { pluck: true }).all() as string[],
    );
    expect(shelters).toContain('Fictional Sync Home Cebu');
  });

  it('removes the lost computer by keyboard, with a reason, and refuses its next bundle', async () => {
    const remove = main().getByRole('button', { name: 'Remove Fictional Cebu laptop' });
    await tabTo(remove);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', {
      name: 'Remove Fictional Cebu laptop from the organisation?',
    });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'remove a computer');
    await tabTo(dialog.getByLabel('Why is it removed?'));
    await page.keyboard.type('Fictional: left on a jeepney');
    await tabTo(dialog.getByRole('button', { name: 'Remove computer' }));
    await page.keyboard.press('Enter');
    await main().getByText('Fictional Cebu laptop was removed.', { exact: false }).waitFor();
    expect(await dialog.count()).toBe(0);
    const row = main().getByRole('row').filter({ hasText: 'Fictional Cebu laptop' });
    await row.getByText('Removed: Fictional: left on a jeepney').waitFor();

    bundleFromOther('Fictional Home After Removal');
    await page.getByRole('button', { name: 'Sync now', exact: true }).click();
    await main().getByText('It comes from a computer removed from the organisation.').waitFor();
    const shelters = await onVault(
      (db) => db.prepare('SELECT name FROM shelters', { pluck: true }).all() as string[],
    );
    expect(shelters).not.toContain('Fictional Home After Removal');
    await expectNoAxeViolations(page, 'computers after a refusal');
  });
});
