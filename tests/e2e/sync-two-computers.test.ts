// Two computers of one organisation, end to end in Chromium: two harness backends, each with its
// own data folder, sharing one sync folder. A caseworker on A registers and admits a child; a
// therapist on B sees her after Sync now. Both computers then give one bed to different children
// while "offline" (neither syncs); after a sync the coordinator on A sees the conflict on the bed
// board and resolves it there, with an ordinary transfer, and it leaves Conflicts to resolve.
// Then both register a child offline under one case code (B was given A's case-code tag); the
// sync lists it on the coordinator's open Conflicts screen, she gives one child a new code by
// keyboard, the old code still finds her, and B has the new code after its next sync.
// Last, no child's name appears in any file of the sync folder or the join file.
//
// B joins through the real screens first: the administrator on A adds it (a join file and a
// one-time code on screen), and B's first-run screen joins with them, by keyboard alone: a wrong
// code is refused at its field and writes nothing; the right one shows B's own recovery key and
// its check, then sign-in, where every account's password works.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureInput } from '../../shared/contract';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall, startTestHarness, type TestHarness } from '../support/harness';
import { assertNoLeaks } from '../support/leak-check';
import { addStaff, firstSignIn, type StaffMember } from '../support/seed';
import { Database } from '@signalapp/sqlcipher';
import { unwrapWithRecoveryKey } from '../../electron/backend/vault/vault';
import { makeTempDir, removeDir } from '../support/temp';

const SHELTER = 'Bahay Fictional Tagpuan';
/** Longer than the slowest step (the join, on a loaded machine), so no session idles out midway. */
const IDLE_MS = 3_600_000;
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
const NAMES = [
  'Ligaya Canaryfirst Dizon',
  'Rosalind Canarysecond Lim',
  'Tala Canarythird Uy',
  'Amihan Canaryfourth Reyes',
  'Dalisay Canaryfifth Sy',
];

let a: E2eRun;
let b: { harness: TestHarness; browser: BrowserSession; page: Page; folder: string };
let folder = '';
let recoveryKey = '';
let joinFolder = '';
/** B's own recovery key, shown when it joined. */
let keyOfB = '';
const joinFile = { path: '', code: '' };
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
  a = await startE2eRun({
    open: false,
    backend: { autoSyncIntervalMs: 0, idleLockMsOverride: IDLE_MS },
  });
  a.page.setDefaultTimeout(180_000);
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
  for (const who of [THERAPIST, CASEWORKER]) await firstSignIn(a.harness, who);

  // The administrator adds B on A's Computers screen.
  joinFolder = await makeTempDir('join-stick');
  const page = a.page;
  expectOk(await harnessCall(a.harness, 'session.lock', { reason: 'signOut' }));
  await signInOnPage(page, a.harness.url, ADMIN);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Computers', exact: true })
    .click();
  await onScreen(page, 'Computers', 'computers before adding one');
  const form = page.getByRole('form', { name: 'Add a computer' });
  await form.getByLabel("The new computer's name").fill('Fictional shelter laptop B');
  await form.getByLabel('Folder for the join file').fill(joinFolder);
  await form.getByRole('button', { name: 'Add a computer' }).click();
  const codeList = page.getByRole('list', { name: 'One-time code' });
  await codeList.waitFor();
  await expectNoAxeViolations(page, 'one-time code on A');
  joinFile.code = (await codeList.locator('code').allInnerTexts()).join('-');
  const written = readdirSync(joinFolder);
  expect(written).toHaveLength(1);
  joinFile.path = join(joinFolder, written[0]!);
  await page.getByRole('button', { name: 'I have typed the code on the new computer' }).click();
  // The caseworker's is the last first sign-in: she stays signed in on A.
  await signInThroughHarness(a.harness, CASEWORKER);

  const harness = await startTestHarness({
    backend: { autoSyncIntervalMs: 0, idleLockMsOverride: IDLE_MS },
  });
  const browser = await launchBrowser();
  b = { harness, browser, page: browser.page, folder: harness.dataFolder };
  b.page.setDefaultTimeout(180_000);
}, 1_200_000);

afterAll(async () => {
  await b?.browser.close();
  await b?.harness.dispose();
  await a?.close();
  if (folder) await removeDir(folder);
  if (joinFolder) await removeDir(joinFolder);
});

/** Tab until `target` has focus (fails after 40 presses). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tabbed 40 times without reaching the control');
}

describe('two computers sharing one sync folder', { timeout: 900_000 }, () => {
  it('B joins from its first-run screen by keyboard, with its own recovery key', async () => {
    const page = b.page;
    await page.goto(b.harness.url);
    await page.getByRole('heading', { level: 1, name: 'Set up Aruga' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Join an organisation', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Join an organisation' }).waitFor();
    await expectNoAxeViolations(page, 'join screen');
    await tabTo(page, page.getByLabel('Join file', { exact: true }));
    await page.keyboard.type(joinFile.path);
    await tabTo(page, page.getByLabel('One-time code', { exact: true }));
    // One group off: refused at the field, with what was typed kept and nothing written.
    const wrong = joinFile.code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await page.keyboard.type(wrong);
    await tabTo(page, page.getByLabel('Sync folder (optional)', { exact: true }));
    await page.keyboard.type(folder);
    await page.keyboard.press('Enter');
    await page.getByText(/This code does not open the join file\./).waitFor();
    await expectNoAxeViolations(page, 'join refused');
    expect(await page.getByLabel('One-time code', { exact: true }).inputValue()).toBe(wrong);
    expect(readdirSync(b.folder).filter((name) => !name.startsWith('preferences'))).toEqual([]);
    expect(expectOk(await harnessCall(b.harness, 'app.status', {})).state).toBe('setup');

    await tabTo(page, page.getByLabel('One-time code', { exact: true }));
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(joinFile.code.toLowerCase());
    await page.keyboard.press('Enter');
    // B's own recovery key, shown once and checked as after set-up.
    await page.getByRole('heading', { level: 1, name: 'Your recovery key' }).waitFor();
    await expectNoAxeViolations(page, 'recovery key of the joined computer');
    const groups = await page
      .getByRole('region', { name: 'Recovery key in 8 groups' })
      .locator('code')
      .allInnerTexts();
    keyOfB = groups.join('-');
    await tabTo(page, page.getByRole('button', { name: 'I have written it down' }));
    await page.keyboard.press('Enter');
    await page
      .getByLabel(/^Type group \d$/)
      .first()
      .waitFor();
    // Two of the eight groups are asked for, each labelled with its number.
    for (let n = 1; n <= groups.length; n++) {
      const field = page.getByLabel(`Type group ${n}`, { exact: true });
      if ((await field.count()) === 0) continue;
      await tabTo(page, field);
      await page.keyboard.type(groups[n - 1]!);
    }
    await expectNoAxeViolations(page, 'recovery key check on B');
    await tabTo(page, page.getByRole('button', { name: 'Continue', exact: true }));
    await page.keyboard.press('Enter');
    await page
      .getByText('This computer joined the organisation as Fictional shelter laptop B.', {
        exact: false,
      })
      .waitFor();
    await expectNoAxeViolations(page, 'joined');
    await tabTo(page, page.getByRole('button', { name: 'Continue to sign in' }));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();

    // The key shown opens B's vault; A's recovery key does not.
    (await unwrapWithRecoveryKey(b.folder, keyOfB)).discard();
    await expect(unwrapWithRecoveryKey(b.folder, recoveryKey)).rejects.toThrow();
    // Every account's password works on B.
    for (const who of [ADMIN, CASEWORKER, THERAPIST, COORDINATOR]) {
      expectOk(
        await harnessCall(b.harness, 'auth.signIn', {
          username: who.username,
          password: who.password,
        }),
      );
      expectOk(await harnessCall(b.harness, 'session.lock', { reason: 'signOut' }));
    }
  });

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

  it('one case code given twice is listed on the open Conflicts screen, and one child gets a new code', async () => {
    // How a code is given twice: two computers added while both were offline picked one case-code
    // tag (a one-in-13,824 draw the screens cannot force). B is given A's tag in its own database,
    // as if its Add a computer had drawn it.
    const key = await unwrapWithRecoveryKey(b.folder, keyOfB);
    const db = new Database(join(b.folder, 'aruga.db'));
    try {
      db.pragma(`key = "x'${key.dataKeyHex}'"`);
      db.pragma('busy_timeout = 10000');
      db.prepare(
        `UPDATE sync_computers SET case_tag =
           (SELECT case_tag FROM sync_computers WHERE name = 'Fictional office A')
         WHERE name = 'Fictional shelter laptop B'`,
      ).run();
    } finally {
      key.discard();
      db.close();
    }
    // The coordinator on A still has Conflicts to resolve open, saying there are none.
    const page = a.page;
    await page.getByText("No conflicts: every computer's records fit together.").waitFor();
    // Offline, each computer registers a child: both take the same next code.
    const onA = expectOk(await harnessCall(a.harness, 'children.register', child(NAMES[3]!)));
    const onB = expectOk(await harnessCall(b.harness, 'children.register', child(NAMES[4]!)));
    expect(onB.caseCode).toBe(onA.caseCode);
    await syncNow(b.harness);
    await syncNow(a.harness);
    await syncNow(b.harness);

    // The sync on A brought B's child: the open screen lists the conflict with no reload.
    await page
      .getByRole('table', { name: 'One case code on two children: both versions' })
      .waitFor();
    await expectNoAxeViolations(page, 'a case code given twice');
    const give = page.getByRole('button', { name: /\(Second version\) a new case code$/ });
    await tabTo(page, give);
    await page.keyboard.press('Enter');
    const done = page.getByText(`Searching for ${onA.caseCode} still finds this child.`, {
      exact: false,
    });
    await done.waitFor();
    const newCode = /now has the case code (\S+)\./.exec(await done.innerText())![1]!;
    expect(newCode).not.toBe(onA.caseCode);
    await page.getByText("No conflicts: every computer's records fit together.").waitFor();
    await expectNoAxeViolations(page, 'case code given twice resolved');

    // On Children, the former code still finds both children, under two different codes.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Children', exact: true })
      .click();
    const search = page.getByRole('search', { name: 'Find a child' });
    await search.getByRole('searchbox', { name: 'Search', exact: true }).fill(onA.caseCode);
    const list = page.getByRole('table', { name: 'Children in your care, by case code and alias' });
    await list.getByRole('link', { name: newCode, exact: true }).waitFor();
    await expect.poll(() => list.getByRole('row').count()).toBe(3);
    await list.getByRole('link', { name: onA.caseCode, exact: true }).waitFor();
    await expectNoAxeViolations(page, 'children found by the former code');

    // It travels: after the next sync B has the new code and lists no conflict.
    await syncNow(a.harness);
    await syncNow(b.harness);
    expect(expectOk(await harnessCall(b.harness, 'sync.conflicts', {}))).toEqual([]);
    const onBNow = expectOk(await harnessCall(b.harness, 'children.search', { text: newCode }));
    expect(onBNow.rows.map((row) => row.caseCode)).toEqual([newCode]);
  });

  it('leaves no child’s name in any file of the sync folder or the join file', async () => {
    // The join file holds the whole vault as it stood: its staff and shelter names, sealed.
    const staff = [ADMIN, COORDINATOR, CASEWORKER].map((who) => who.displayName);
    expect(
      await assertNoLeaks({ roots: [joinFolder], canaries: [...NAMES, ...staff, SHELTER] }),
    ).toHaveLength(1);
    const files = readdirSync(folder);
    expect(files.length).toBeGreaterThan(0);
    const read = await assertNoLeaks({ roots: [folder], canaries: NAMES });
    expect(read).toHaveLength(files.length);
    // The bundles are what carried the children to B: they are there, sealed.
    for (const file of files) expect(readFileSync(join(folder, file)).length).toBeGreaterThan(0);
  });
});
