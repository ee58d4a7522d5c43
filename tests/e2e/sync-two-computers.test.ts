// Two computers of one organisation, end to end in Chromium: two harness backends, each with its
// own data folder, sharing one sync folder. A caseworker on A registers and admits a child; a
// therapist on B sees her after Sync now. Both computers then give one bed to different children
// while "offline" (neither syncs); after a sync the coordinator on A sees the conflict on the bed
// board and resolves it there, with an ordinary transfer, and it leaves Conflicts to resolve.
// Last, no child's name appears in any file of the sync folder.
//
// B starts as a copy of A's vault made before either computer syncs (see second-computer.ts),
// standing in for the join file, which is not built yet.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureInput } from '../../shared/contract';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall, startTestHarness, type TestHarness } from '../support/harness';
import { assertNoLeaks } from '../support/leak-check';
import { addStaff, firstSignIn, type StaffMember } from '../support/seed';
import { copyAsAnotherComputer } from '../support/second-computer';
import { makeTempDir, removeDir } from '../support/temp';

const SHELTER = 'Bahay Fictional Tagpuan';
const ADMIN = {
  displayName: 'Marilag Fictional Admin',
  username: 'marilag.admin',
  password: 'coconut lantern ferry 2291 reef',
};
const member = (name: string, username: string, password: string): StaffMember => ({
  displayName: name,
  username,
  temporaryPassword: `temporary ${password}`,
  password,
});
const CASEWORKER = member('Perla Fictional Caseworker', 'perla.cw', 'mango harbor sail 8812 dune');
const THERAPIST = member('Ramon Fictional Therapist', 'ramon.th', 'kalamansi bridge 5530 tide');
const COORDINATOR = member('Liwayway Fictional Coord', 'liway.co', 'bamboo window 7741 cloud');

const child = (legalName: string) =>
  ({
    legalName,
    birth: { kind: 'dob', dateOfBirth: '2013-05-09' },
    sex: 'female',
    languages: ['Cebuano'],
    referralSource: 'Fictional police referral',
    referralDate: '2026-01-05',
    intakeDate: '2026-01-05',
  }) satisfies ProcedureInput<'children.register'>;
/** The children's names: the canaries of the leak check. */
const NAMES = ['Ligaya Canaryfirst Dizon', 'Rosalind Canarysecond Lim', 'Tala Canarythird Uy'];

let a: E2eRun;
let b: { harness: TestHarness; browser: BrowserSession; page: Page; folder: string };
let folder = '';
let recoveryKey = '';
const beds: Record<string, string> = {};
const children: { id: string; caseCode: string }[] = [];

async function signInOnPage(page: Page, url: string, who: { username: string; password: string }) {
  await page.goto(url);
  await page.getByLabel('Username', { exact: true }).fill(who.username);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function signInThroughHarness(
  harness: TestHarness,
  who: { username: string; password: string },
) {
  expectOk(await harnessCall(harness, 'session.lock', { reason: 'signOut' }));
  expectOk(
    await harnessCall(harness, 'auth.signIn', { username: who.username, password: who.password }),
  );
}

const syncNow = async (harness: TestHarness) =>
  expectOk(await harnessCall(harness, 'sync.now', { folder }));

beforeAll(async () => {
  folder = await makeTempDir('sync-folder');
  // Both sync by hand only: the conflict needs two computers that do not see each other.
  a = await startE2eRun({ open: false, backend: { autoSyncIntervalMs: 0 } });
  a.page.setDefaultTimeout(60_000);
  recoveryKey = expectOk(
    await harnessCall(a.harness, 'vault.create', {
      adminDisplayName: ADMIN.displayName,
      adminUsername: ADMIN.username,
      adminPassword: ADMIN.password,
      timeZone: 'Asia/Manila',
    }),
  ).recoveryKey;
  // The coordinator makes the shelter first: a staff member's shelter scope must name one.
  await addStaff(a.harness, [{ member: COORDINATOR, role: 'coordinator', shelterScope: [] }]);
  await firstSignIn(a.harness, COORDINATOR);
  const shelter = expectOk(
    await harnessCall(a.harness, 'shelters.save', {
      name: SHELTER,
      type: 'ngo_shelter',
      sexRule: 'any',
      minAge: 0,
      maxAge: 18,
      capacity: 6,
    }),
  );
  for (const label of ['Bed 1', 'Bed 2', 'Bed 3']) {
    const saved = expectOk(
      await harnessCall(a.harness, 'beds.save', { shelterId: shelter.id, label }),
    );
    beds[label] = saved.beds.find((bed) => bed.label === label)!.id;
  }
  await signInThroughHarness(a.harness, ADMIN);
  await addStaff(a.harness, [
    { member: CASEWORKER, role: 'caseworker', shelterScope: [SHELTER] },
    { member: THERAPIST, role: 'therapist', shelterScope: [SHELTER] },
  ]);
  expectOk(await harnessCall(a.harness, 'sync.start', { computerName: 'Fictional office A' }));
  expectOk(await harnessCall(a.harness, 'sync.saveSettings', { folder, staleDays: 7 }));
  // The caseworker's is the last first sign-in: she stays signed in on A.
  for (const who of [THERAPIST, CASEWORKER]) await firstSignIn(a.harness, who);

  const bFolder = await copyAsAnotherComputer(
    a.dataFolder,
    recoveryKey,
    'Fictional shelter laptop B',
  );
  const harness = await startTestHarness({
    dataFolder: bFolder,
    backend: { autoSyncIntervalMs: 0 },
  });
  const browser = await launchBrowser();
  b = { harness, browser, page: browser.page, folder: bFolder };
  b.page.setDefaultTimeout(60_000);
}, 600_000);

afterAll(async () => {
  await b?.browser.close();
  await b?.harness.dispose();
  if (b?.folder) await removeDir(b.folder);
  await a?.close();
  if (folder) await removeDir(folder);
});

describe('two computers sharing one sync folder', { timeout: 600_000 }, () => {
  it('a child registered and admitted on A is seen by a therapist on B after Sync now', async () => {
    // The caseworker is signed in on A.
    const ligaya = expectOk(await harnessCall(a.harness, 'children.register', child(NAMES[0]!)));
    children.push(ligaya);
    expectOk(
      await harnessCall(a.harness, 'placements.admit', {
        childId: ligaya.id,
        bedId: beds['Bed 1']!,
        startAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
        reason: 'Fictional referral',
      }),
    );
    await syncNow(a.harness);

    const page = b.page;
    await signInOnPage(page, b.harness.url, THERAPIST);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Caseload', exact: true })
      .click();
    await onScreen(page, 'Caseload', 'caseload on B before sync');
    expect(await page.getByRole('main').getByText(ligaya.caseCode).count()).toBe(0);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sync', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Sync now' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Sync folder', exact: true }).inputValue()).toBe(
      folder,
    );
    await page.getByRole('button', { name: 'Sync now', exact: true }).click();
    await page
      .getByRole('main')
      .getByText('Applied 1 file of changes from other computers.', { exact: false })
      .waitFor();
    await expectNoAxeViolations(page, 'sync now on B');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Caseload', exact: true })
      .click();
    await page.getByRole('main').getByText(ligaya.caseCode).first().waitFor();
    await expectNoAxeViolations(page, 'caseload on B after sync');
  });

  it('one bed given twice while offline is shown and resolved on the bed board', async () => {
    for (const name of NAMES.slice(1)) {
      children.push(expectOk(await harnessCall(a.harness, 'children.register', child(name))));
    }
    await syncNow(a.harness);
    await syncNow(b.harness);
    const [, rosalind, tala] = children as [unknown, { id: string }, { id: string }];
    const admitted = new Date(Date.now() - 2 * 3_600_000).toISOString();
    // Offline: A gives Bed 2 to Rosalind, B gives it to Tala; neither syncs in between.
    expectOk(
      await harnessCall(a.harness, 'placements.admit', {
        childId: rosalind.id,
        bedId: beds['Bed 2']!,
        startAt: admitted,
        reason: 'Fictional referral on A',
      }),
    );
    await signInThroughHarness(b.harness, COORDINATOR);
    expectOk(
      await harnessCall(b.harness, 'placements.admit', {
        childId: tala.id,
        bedId: beds['Bed 2']!,
        startAt: admitted,
        reason: 'Fictional referral on B',
      }),
    );
    await syncNow(b.harness);
    await syncNow(a.harness);
    await syncNow(b.harness);

    const page = a.page;
    expectOk(await harnessCall(a.harness, 'session.lock', { reason: 'signOut' }));
    await signInOnPage(page, a.harness.url, COORDINATOR);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Conflicts to resolve', exact: true }).click();
    await onScreen(page, 'Conflicts to resolve', 'conflicts listed');
    await page.getByRole('main').getByText('Bed 2').first().waitFor();

    await nav.getByRole('link', { name: 'Bed board', exact: true }).click();
    await onScreen(page, 'Bed board', 'bed board with a conflict');
    const card = page.getByRole('listitem').filter({ hasText: 'Conflict from two computers' });
    expect(await card.count()).toBe(1);
    await expect(card.locator('.bed-label').innerText()).resolves.toBe('Bed 2');
    await card.getByRole('link', { name: 'See both versions in Conflicts to resolve' }).waitFor();
    // The child the board shows second: open her case file from the marker and move her.
    await card.getByText('Also given to').getByRole('link').click();
    const note = page.getByRole('note', {
      name: "Conflict from two computers: this child's placement was recorded twice",
    });
    await note.waitFor();
    await expectNoAxeViolations(page, 'case file with a conflict');
    await page.getByRole('button', { name: 'Transfer', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Transfer / });
    await dialog.waitFor();
    const bed = dialog.getByLabel('Bed', { exact: true });
    await bed.locator('option', { hasText: 'Bed 3' }).waitFor({ state: 'attached' });
    await bed.selectOption({ label: 'Bed 3' });
    await dialog.getByLabel('Reason', { exact: true }).fill('Fictional: she sleeps in Bed 3');
    await expectNoAxeViolations(page, 'transfer dialog');
    await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
    await page.getByText(/was transferred to Bed 3/).waitFor();
    expect(await note.count()).toBe(0);

    await nav.getByRole('link', { name: 'Bed board', exact: true }).click();
    await onScreen(page, 'Bed board', 'bed board resolved');
    await page.getByRole('region', { name: new RegExp(SHELTER) }).waitFor();
    expect(
      await page.getByRole('listitem').filter({ hasText: 'Conflict from two computers' }).count(),
    ).toBe(0);
    await nav.getByRole('link', { name: 'Conflicts to resolve', exact: true }).click();
    await page.getByText("No conflicts: every computer's records fit together.").waitFor();
    await expectNoAxeViolations(page, 'no conflicts left');

    // The resolution travels: after the next sync B lists nothing either.
    await syncNow(a.harness);
    await syncNow(b.harness);
    expect(expectOk(await harnessCall(b.harness, 'sync.conflicts', {}))).toEqual([]);
  });

  it('leaves no child’s name in any file of the sync folder', async () => {
    const files = readdirSync(folder);
    expect(files.length).toBeGreaterThan(0);
    const read = await assertNoLeaks({ roots: [folder], canaries: NAMES });
    expect(read).toHaveLength(files.length);
    // The bundles are what carried the children to B: they are there, sealed.
    for (const file of files) expect(readFileSync(join(folder, file)).length).toBeGreaterThan(0);
  });
});
