// Case records, end to end in Chromium on the real backend: a coordinator sets up two shelters and
// their beds; a caseworker registers a child (after the form has refused bad input), records a
// family member flagged as alleged offender and the intake account, admits the child, transfers
// them, is refused a second child's overlapping admission to the same bed, and discharges the
// child; search finds "Niño" by "nino" and lists only aliases; the coordinator's bed board shows
// the beds today and on the transfer date. axe on every screen and dialog, no console errors,
// and the leak check over every file the run left behind.
import { format, parseISO, subDays } from 'date-fns';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCalendarDate, formatInstant } from '../../shared/format';
import { todayIn, zonedInstant } from '../../shared/time';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { watchBridgeCalls, type BridgeCallWatch } from '../support/bridge-calls';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { pageHelpers } from '../support/page-helpers';
import { expectOk, harnessCall, signOutFully } from '../support/harness';
import { assertNoLeaks } from '../support/leak-check';
import { addStaff, createVaultWithStaff, firstSignIn } from '../support/seed';

const TIME_ZONE = 'Asia/Manila';

// Every string typed here is fictional, and each long enough one is a canary: none may appear
// in any file of the run.
const ADMIN = {
  displayName: 'Amihan Canaryadmin Reyes',
  username: 'amihan.canaryadmin',
  password: 'lantern orchard velvet 4729 kayak',
};
const COORDINATOR = {
  displayName: 'Dalisay Canarycoord Ramos',
  username: 'dalisay.canarycoord',
  temporaryPassword: 'harbor pepper quilt 3391 ember',
  password: 'maple thunder cobalt 8120 fjord',
};
const CASEWORKER = {
  displayName: 'Tala Canaryworker Cruz',
  username: 'tala.canaryworker',
  temporaryPassword: 'copper meadow giraffe 5813 tide',
  password: 'silent harbor tamarind 2046 drum',
};
const SHELTER_A = {
  name: 'Bahay Canaryhaven Pag-asa',
  type: 'NGO shelter',
  address: 'Purok 7 Canaryville, Barangay Fictional, Tacloban City',
  capacity: '3',
};
const SHELTER_B = {
  name: 'Kanlungan Canarynest Annex',
  type: 'Temporary shelter',
  address: 'Sitio Canarybrook, Barangay Imaginary, Ormoc City',
  capacity: '2',
};
const ROOM_A = 'Sampaguita';
const ROOM_B = 'Ilang-Ilang';
const TRANSFER_BED = 'Annex cot';
const CHILD_1 = {
  legalName: 'Niño Fictional Dela Cruz',
  preferredName: 'Nonoy Canarykid',
  alias: 'K.T.S.',
  dateOfBirth: '2014-03-15',
  sex: 'Male',
  referralSource: 'WCPC Canary Referral Desk',
};
const CHILD_2 = {
  legalName: 'Ligaya Fictional Bautista',
  alias: 'M.R.V.',
  dateOfBirth: '2015-08-02',
  sex: 'Female',
  referralSource: 'LSWDO Canary Outreach',
};
/** Registered with the legal name not known yet. */
const CHILD_3 = {
  preferredName: 'Bituin Canarystar',
  alias: 'D.J.',
  dateOfBirth: '2016-01-20',
  sex: 'Female',
  referralSource: 'DSWD Canary Hotline',
};
const FAMILY = {
  name: 'Rogelio Canaryuncle Dela Cruz',
  relationship: 'Uncle',
  phone: '0917-555-0199',
  address: 'Sitio Canaryhill, Barangay Fictional',
};
const INTAKE_ACCOUNT = 'Fictional intake account for the end-to-end test';
const ADMIT_REASON = 'Canary admission reason: needs a safe place';
const TRANSFER_REASON = 'Canary transfer reason: closer to school';
const CLASH_REASON = 'Canary clash reason: should never be saved';
const EXIT_NOTE = 'Canary exit note: returns to a safe relative, monitored';
/** 10,000 characters, made of a canary so any copy of it would be found. */
const LONG_NAME = 'Canarylong'.repeat(1000);

// Dates: admitted 3 days ago, transferred 2 days ago, discharged now (in the vault's zone).
const today = todayIn(TIME_ZONE);
const daysAgo = (days: number): string => format(subDays(parseISO(today), days), 'yyyy-MM-dd');
const REFERRAL_DATE = daysAgo(5);
const INTAKE_DATE = daysAgo(4);
const OFFENDER_SINCE = daysAgo(6);
const ADMIT = { date: daysAgo(3), time: '09:00' };
const TRANSFER = { date: daysAgo(2), time: '10:00' };
/** Inside the first child's stay in the first bed (3 days ago 09:00 → 2 days ago 10:00). */
const CLASH = { date: daysAgo(3), time: '12:00' };
const FUTURE_BIRTH = format(subDays(parseISO(today), -400), 'yyyy-MM-dd');

let run: E2eRun;
let page: Page;
let caseCode1 = '';
let caseCode2 = '';

const { button, field, dialog, statusSays, signIn } = pageHelpers(() => page);

let bridge: BridgeCallWatch;

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  page = run.page;
  bridge = await watchBridgeCalls(page);
});

afterAll(async () => {
  await run?.close();
});

// ---- helpers ----------------------------------------------------------------------------------

function mainNav(): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

async function goTo(link: string, title: string | RegExp, axeLabel: string): Promise<void> {
  await mainNav().getByRole('link', { name: link, exact: true }).click();
  await onScreen(page, title, axeLabel);
}

/** The text of everything a control is described by: its hint and its error message. */
function description(control: Locator): Promise<string> {
  return control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id: string) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** The case file section (a region named by its h2). */
function section(name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

async function signOut(): Promise<void> {
  await signOutFully(page);
}

/** MM/DD/YYYY h:mm a of a date and time in the vault's zone, as the placement table shows it. */
function shownInstant(moment: { date: string; time: string }): string {
  return formatInstant(zonedInstant(moment.date, moment.time, TIME_ZONE), TIME_ZONE);
}

async function childrenTotal(): Promise<number> {
  return expectOk(await harnessCall(run.harness, 'children.search', {})).total;
}

/** Opens a child's case file from the Children list, by case code. */
async function openCaseFile(caseCode: string): Promise<void> {
  await goTo('Children', 'Children', 'children list');
  await page.getByRole('link', { name: caseCode, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: caseCode }).waitFor();
}

function canaries(): string[] {
  return [
    ADMIN.displayName,
    ADMIN.username,
    ADMIN.password,
    COORDINATOR.displayName,
    COORDINATOR.username,
    COORDINATOR.temporaryPassword,
    COORDINATOR.password,
    CASEWORKER.displayName,
    CASEWORKER.username,
    CASEWORKER.temporaryPassword,
    CASEWORKER.password,
    SHELTER_A.name,
    SHELTER_A.address,
    SHELTER_B.name,
    SHELTER_B.address,
    CHILD_1.legalName,
    // The search key is folded ("nino fictional dela cruz"): it must be encrypted too.
    CHILD_1.legalName.normalize('NFD').replace(/\p{M}/gu, ''),
    CHILD_1.preferredName,
    CHILD_1.referralSource,
    CHILD_2.legalName,
    CHILD_2.referralSource,
    CHILD_3.preferredName,
    CHILD_3.referralSource,
    FAMILY.name,
    FAMILY.phone,
    FAMILY.address,
    INTAKE_ACCOUNT,
    ADMIT_REASON,
    TRANSFER_REASON,
    CLASH_REASON,
    EXIT_NOTE,
    LONG_NAME.slice(0, 40),
  ];
}

/** The leak check over the data folder and this run's temp folder; returns the files read. */
function checkLeaks(): Promise<string[]> {
  return assertNoLeaks({ roots: [run.dataFolder, run.tempDir], canaries: canaries() });
}

// ---- the flow ---------------------------------------------------------------------------------

describe('case records and placements flow', () => {
  it('sets up a vault with a coordinator (through the harness)', async () => {
    await createVaultWithStaff(run.harness, ADMIN, TIME_ZONE, [
      { member: COORDINATOR, role: 'coordinator', shelterScope: [] },
    ]);
    await firstSignIn(run.harness, COORDINATOR);
    expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
    await page.goto(run.harness.url);
    await signIn(COORDINATOR.username, COORDINATOR.password, 'Today');
  });

  it('lets the coordinator add two shelters with rooms and beds', async () => {
    await goTo('Shelters', 'Shelters', 'shelters (empty)');
    for (const shelter of [SHELTER_A, SHELTER_B]) {
      await button('Add shelter').click();
      const add = dialog('Add a shelter');
      await add.waitFor();
      if (shelter === SHELTER_A) await expectNoAxeViolations(page, 'add shelter dialog');
      await field('Name', add).fill(shelter.name);
      await field('Type', add).selectOption({ label: shelter.type });
      await field('Address', add).fill(shelter.address);
      await field('Sex rule', add).selectOption({ label: 'Girls and boys' });
      await field('Youngest age (years)', add).fill('0');
      await field('Oldest age (years)', add).fill('17');
      await field('Capacity (children)', add).fill(shelter.capacity);
      await button('Save shelter', add).click();
      await statusSays(`${shelter.name} was saved.`);
      await add.waitFor({ state: 'hidden' });
    }

    // Shelter A: two rooms, three beds. Shelter B: one bed outside any room.
    const bedsToAdd: [typeof SHELTER_A, string, string][] = [
      [SHELTER_A, ROOM_A, 'Bed 1'],
      [SHELTER_A, ROOM_A, 'Bed 2'],
      [SHELTER_A, ROOM_B, 'Bed 1'],
      [SHELTER_B, '', TRANSFER_BED],
    ];
    for (const shelter of [SHELTER_A, SHELTER_B]) {
      await button(`Manage beds of ${shelter.name}`).click();
      const beds = dialog(`Beds of ${shelter.name}`);
      await beds.waitFor();
      for (const [, room, label] of bedsToAdd.filter(([s]) => s === shelter)) {
        await field('Room (optional)', beds).fill(room);
        await field('Bed label', beds).fill(label);
        await button('Add bed', beds).click();
        const name = room ? `${room} · ${label}` : label;
        await beds
          .getByRole('status')
          .filter({ hasText: `${name} was added.` })
          .waitFor();
      }
      const rows = beds.getByRole('table', { name: 'Beds' }).getByRole('row');
      await expect
        .poll(() => rows.count())
        .toBe(bedsToAdd.filter(([s]) => s === shelter).length + 1);
      await expectNoAxeViolations(page, `beds dialog of ${shelter.name}`);
      await button('Close', beds).click();
      await beds.waitFor({ state: 'hidden' });
    }

    const table = page.getByRole('table', { name: 'Shelters, their rules and beds' });
    const rowA = table.getByRole('row').filter({ hasText: SHELTER_A.name });
    expect((await rowA.getByRole('cell').allInnerTexts()).slice(0, 6)).toEqual([
      SHELTER_A.name,
      SHELTER_A.type,
      'Girls and boys',
      '0–17',
      SHELTER_A.capacity,
      '3',
    ]);
    await expectNoAxeViolations(page, 'shelters with two shelters');
    await signOut();
  });

  it('adds a caseworker for both shelters, now that they exist (through the harness)', async () => {
    expectOk(
      await harnessCall(run.harness, 'auth.signIn', {
        username: ADMIN.username,
        password: ADMIN.password,
      }),
    );
    await addStaff(run.harness, [
      { member: CASEWORKER, role: 'caseworker', shelterScope: [SHELTER_A.name, SHELTER_B.name] },
    ]);
    await firstSignIn(run.harness, CASEWORKER);
    expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  });

  it('refuses a future date of birth and a 10,000-character name at the field, saving nothing', async () => {
    await signIn(CASEWORKER.username, CASEWORKER.password, 'Today');
    await expectNoAxeViolations(page, 'today (caseworker)');
    await goTo('Children', 'Children', 'children list (empty)');
    expect(await childrenTotal()).toBe(0);
    await page.getByRole('link', { name: 'Register a child', exact: true }).click();
    await onScreen(page, 'Register a child', 'register form');

    await field('Legal name').fill(LONG_NAME);
    await field('Date of birth').fill(FUTURE_BIRTH);
    await field('Sex').selectOption({ label: CHILD_1.sex });
    await field('Languages').fill('Waray');
    await button('Add language').click();
    await field('Referral source').fill(CHILD_1.referralSource);
    await field('Referral date').fill(REFERRAL_DATE);
    await field('Intake date').fill(INTAKE_DATE);
    await button('Register child').click();

    await expect.poll(() => description(field('Legal name'))).toContain('This is too long.');
    await expect
      .poll(() => description(field('Date of birth')))
      .toContain('This date is in the future.');
    expect(await field('Legal name').getAttribute('aria-invalid')).toBe('true');
    expect(await field('Date of birth').getAttribute('aria-invalid')).toBe('true');
    // What was typed is kept, and nothing reached the vault.
    expect(await field('Legal name').inputValue()).toHaveLength(10_000);
    expect(await field('Date of birth').inputValue()).toBe(FUTURE_BIRTH);
    expect(await field('Referral source').inputValue()).toBe(CHILD_1.referralSource);
    await expectNoAxeViolations(page, 'register form with errors');
    expect(await childrenTotal()).toBe(0);
    expect(new URL(page.url()).hash).toBe('#/cases/new');
  });

  it('registers the child once the name and date of birth are corrected', async () => {
    await field('Legal name').fill(CHILD_1.legalName);
    await field('Preferred name').fill(CHILD_1.preferredName);
    await field('Alias').fill(CHILD_1.alias);
    await field('Date of birth').fill(CHILD_1.dateOfBirth);
    await button('Register child').click();
    await statusSays('The child was registered with case code');
    caseCode1 = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    expect(caseCode1).toMatch(/^AR-\d{4}-\d{4}$/);
    await statusSays(`The child was registered with case code ${caseCode1}.`);
    expect(await childrenTotal()).toBe(1);
    // Names stay hidden on the case file until asked for.
    const names = page.getByRole('region', { name: 'Names' });
    expect(await names.innerText()).toContain('Hidden');
    expect(await page.content()).not.toContain(CHILD_1.legalName);
  });

  it('records a family member flagged as alleged offender', async () => {
    const family = section('Family and significant persons');
    await button('Add family member', family).click();
    const add = dialog('Add a family member or significant person');
    await add.waitFor();
    await field('Name', add).fill(FAMILY.name);
    await field('Relationship', add).fill(FAMILY.relationship);
    await field('Phone', add).fill(FAMILY.phone);
    await field('Address', add).fill(FAMILY.address);
    await field("Lives in the child's household", add).check();
    await field('Alleged offender', add).check();
    await field('Alleged offender since', add).fill(OFFENDER_SINCE);
    await expectNoAxeViolations(page, 'family dialog');
    await button('Save person', add).click();
    await add.waitFor({ state: 'hidden' });
    await statusSays('The person was added.');

    const row = family.getByRole('row').filter({ hasText: FAMILY.relationship });
    await row
      .getByText(`Alleged offender since ${formatCalendarDate(OFFENDER_SINCE)}`, { exact: true })
      .waitFor();
    // The person's name is hidden like the child's until "Show name".
    expect(await row.innerText()).not.toContain(FAMILY.name);
    expect(await row.innerText()).toContain('Hidden');
  });

  it('records the intake account once and keeps it collapsed behind the content note', async () => {
    const intake = section('Intake account');
    await button('Record intake account', intake).click();
    await field('Where the account is held', intake).selectOption({ label: 'Joint interview' });
    await field('Reference', intake).fill('Fictional joint interview JI-0001');
    await field("The child's account", intake).fill(INTAKE_ACCOUNT);
    await button('Save intake account', intake).click();
    await statusSays('The intake account was recorded.');

    // Collapsed: the content note and an Open button, but not the account itself.
    await button('Open intake account', intake).waitFor();
    expect(await intake.innerText()).toContain('Open it only if your work needs it now.');
    expect(await page.content()).not.toContain(INTAKE_ACCOUNT);
    await button('Open intake account', intake).click();
    await intake.getByText(INTAKE_ACCOUNT, { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'case file with the intake account open');
    await button('Close intake account', intake).click();
    await button('Open intake account', intake).waitFor();
    expect(await page.content()).not.toContain(INTAKE_ACCOUNT);
  });

  it('admits the child to a bed', async () => {
    const placement = section('Placement');
    expect(await placement.innerText()).toContain('Not placed in a shelter now.');
    await button('Admit to a bed', placement).click();
    const admit = dialog(`Admit ${caseCode1} to a bed`);
    await admit.waitFor();
    await field('Shelter', admit).selectOption({ label: SHELTER_A.name });
    await field('Bed', admit).selectOption({ label: `${ROOM_A} · Bed 1` });
    await field('Start date', admit).fill(ADMIT.date);
    await field('Start time', admit).fill(ADMIT.time);
    await field('Reason', admit).fill(ADMIT_REASON);
    await expectNoAxeViolations(page, 'admit dialog');
    await button('Admit', admit).click();
    await statusSays(`${caseCode1} was admitted to ${ROOM_A} · Bed 1 at ${SHELTER_A.name}.`);
    await admit.waitFor({ state: 'hidden' });

    const history = placement.getByRole('table', { name: 'Placements, newest first' });
    await expect
      .poll(async () =>
        (await history.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).slice(0, 4),
      )
      .toEqual([SHELTER_A.name, `${ROOM_A} · Bed 1`, shownInstant(ADMIT), 'Current']);
    expect(await placement.innerText()).not.toContain('Not placed in a shelter now.');
    await expectNoAxeViolations(page, 'case file with every section open');
  });

  it('transfers the child to a bed in the other shelter', async () => {
    const placement = section('Placement');
    await button('Transfer', placement).click();
    const transfer = dialog(`Transfer ${caseCode1}`);
    await transfer.waitFor();
    expect(await transfer.innerText()).toContain(
      `The placement at ${ROOM_A} · Bed 1 at ${SHELTER_A.name} ends at the same moment`,
    );
    await field('Shelter', transfer).selectOption({ label: SHELTER_B.name });
    await field('Bed', transfer).selectOption({ label: TRANSFER_BED });
    await field('Date', transfer).fill(TRANSFER.date);
    await field('Time', transfer).fill(TRANSFER.time);
    await field('Reason', transfer).fill(TRANSFER_REASON);
    await expectNoAxeViolations(page, 'transfer dialog');
    await button('Transfer', transfer).click();
    await statusSays(`${caseCode1} was transferred to ${TRANSFER_BED} at ${SHELTER_B.name}.`);
    await transfer.waitFor({ state: 'hidden' });

    // The old placement ends at the very instant the new one starts.
    const history = placement.getByRole('table', { name: 'Placements, newest first' });
    const rows = history.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    const newest = await rows.nth(1).getByRole('cell').allInnerTexts();
    const oldest = await rows.nth(2).getByRole('cell').allInnerTexts();
    expect(newest.slice(0, 4)).toEqual([
      SHELTER_B.name,
      TRANSFER_BED,
      shownInstant(TRANSFER),
      'Current',
    ]);
    expect(oldest.slice(0, 4)).toEqual([
      SHELTER_A.name,
      `${ROOM_A} · Bed 1`,
      shownInstant(ADMIT),
      shownInstant(TRANSFER),
    ]);
  });

  it("refuses a second child's overlapping admission to the same bed, naming the clash", async () => {
    await goTo('Children', 'Children', 'children list');
    await page.getByRole('link', { name: 'Register a child', exact: true }).click();
    await onScreen(page, 'Register a child', 'register form (second child)');
    await field('Legal name').fill(CHILD_2.legalName);
    await field('Alias').fill(CHILD_2.alias);
    await field('Date of birth').fill(CHILD_2.dateOfBirth);
    await field('Sex').selectOption({ label: CHILD_2.sex });
    await field('Referral source').fill(CHILD_2.referralSource);
    await field('Referral date').fill(REFERRAL_DATE);
    await field('Intake date').fill(INTAKE_DATE);
    await button('Register child').click();
    await statusSays('The child was registered with case code');
    caseCode2 = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    expect(caseCode2).toMatch(/^AR-\d{4}-\d{4}$/);
    expect(caseCode2).not.toBe(caseCode1);

    // The first bed is free now, but was the first child's while the second would start.
    const placement = section('Placement');
    await button('Admit to a bed', placement).click();
    const admit = dialog(`Admit ${caseCode2} to a bed`);
    await admit.waitFor();
    await field('Shelter', admit).selectOption({ label: SHELTER_A.name });
    await field('Bed', admit).selectOption({ label: `${ROOM_A} · Bed 1` });
    await field('Start date', admit).fill(CLASH.date);
    await field('Start time', admit).fill(CLASH.time);
    await field('Reason', admit).fill(CLASH_REASON);
    await button('Admit', admit).click();

    const alert = admit.getByRole('alert').filter({ hasText: 'is taken by' });
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      `${ROOM_A} · Bed 1 is taken by ${caseCode1} (${CHILD_1.alias}) from ` +
        `${formatCalendarDate(ADMIT.date)} to ${formatCalendarDate(TRANSFER.date)}.`,
    );
    // The dialog stays open with everything typed, so the user can choose again.
    expect(await field('Reason', admit).inputValue()).toBe(CLASH_REASON);
    expect(await field('Start date', admit).inputValue()).toBe(CLASH.date);
    await expectNoAxeViolations(page, 'admit dialog with a bed clash');
    await button('Cancel', admit).click();
    await admit.waitFor({ state: 'hidden' });

    // Nothing was saved: the second child is still not placed anywhere.
    expect(await placement.innerText()).toContain('Not placed in a shelter now.');
    expect(await placement.innerText()).toContain('No placements yet.');
    await goTo('Children', 'Children', 'children list with two children');
    const row = page.getByRole('row').filter({ hasText: caseCode2 });
    expect(await row.getByRole('cell').nth(4).innerText()).toBe('Not placed');
  });

  it('refuses a discharge before the current placement started, then discharges', async () => {
    await openCaseFile(caseCode1);
    const placement = section('Placement');
    await button('Discharge', placement).click();
    const discharge = dialog(`Discharge ${caseCode1}`);
    await discharge.waitFor();
    await expectNoAxeViolations(page, 'discharge dialog');

    // Required fields left empty, then an end before the start: each told at its field.
    await field('Date', discharge).fill(ADMIT.date);
    await button('Discharge', discharge).click();
    await expect
      .poll(() => description(field('Exit note', discharge)))
      .toContain('This is required.');
    expect(await description(field('Destination', discharge))).toContain('This is required.');
    await field('Destination', discharge).selectOption({ label: 'Foster care' });
    await field('Exit note', discharge).fill(EXIT_NOTE);
    await button('Discharge', discharge).click();
    await expect
      .poll(() => description(field('Date', discharge)))
      .toContain('This must be after the current placement started.');
    expect(await field('Exit note', discharge).inputValue()).toBe(EXIT_NOTE);
    await expectNoAxeViolations(page, 'discharge dialog with errors');
    expect(await placement.innerText()).toContain(SHELTER_B.name);

    // Now, as the dialog offered: today at the current time.
    await field('Date', discharge).fill(today);
    await button('Discharge', discharge).click();
    await statusSays(`${caseCode1} was discharged.`);
    await discharge.waitFor({ state: 'hidden' });
    // The case file reloads after the status message: wait for the ended placement.
    await placement.getByText('Not placed in a shelter now.', { exact: true }).waitFor();
    const newest = await placement
      .getByRole('table', { name: 'Placements, newest first' })
      .getByRole('row')
      .nth(1)
      .getByRole('cell')
      .allInnerTexts();
    expect(newest[0]).toBe(SHELTER_B.name);
    expect(newest[3]).toMatch(new RegExp(`^${formatCalendarDate(today).replaceAll('/', '\\/')} `));
    expect(newest.slice(5, 7)).toEqual(['Foster care', EXIT_NOTE]);
  });

  it('refuses a backdated edit that ends before the start or overlaps the next placement', async () => {
    const placement = section('Placement');
    const history = placement.getByRole('table', { name: 'Placements, newest first' });
    const firstStay = history.getByRole('row').filter({ hasText: SHELTER_A.name });
    const before = await firstStay.getByRole('cell').allInnerTexts();
    await button(
      `Edit dates of the placement at ${SHELTER_A.name} from ${shownInstant(ADMIT)}`,
      placement,
    ).click();
    const edit = dialog('Edit placement dates');
    await edit.waitFor();
    expect(await field('End date', edit).inputValue()).toBe(TRANSFER.date);
    await expectNoAxeViolations(page, 'edit dates dialog');

    // An end before the start.
    await field('End date', edit).fill(daysAgo(4));
    await button('Save dates', edit).click();
    await expect
      .poll(() => description(field('End date', edit)))
      .toContain('The end must be after the start.');

    // An end after the next placement started: two places at once.
    await field('End date', edit).fill(TRANSFER.date);
    await field('End time', edit).fill('11:00');
    await button('Save dates', edit).click();
    const alert = edit.getByRole('alert').filter({ hasText: 'already has a placement' });
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      `${caseCode1} (${CHILD_1.alias}) already has a placement from ` +
        `${formatCalendarDate(TRANSFER.date)} to ${formatCalendarDate(today)}. ` +
        'A child can be in only one place at a time.',
    );
    expect(await field('End time', edit).inputValue()).toBe('11:00');
    await expectNoAxeViolations(page, 'edit dates dialog with errors');
    await button('Cancel', edit).click();
    await edit.waitFor({ state: 'hidden' });
    expect(await firstStay.getByRole('cell').allInnerTexts()).toEqual(before);
  });

  it('finds "Niño" by "nino" and lists only case codes and aliases', async () => {
    await goTo('Children', 'Children', 'children list');
    const count = page.getByText(/^Showing \d+–\d+ of \d+ child/);
    await expect.poll(() => count.innerText()).toBe('Showing 1–2 of 2 children.');
    const list = page.getByRole('table', {
      name: 'Children in your care, by case code and alias',
    });
    let html = await page.content();
    for (const name of [CHILD_1.legalName, CHILD_2.legalName, 'Fictional', 'Nonoy']) {
      expect(html).not.toContain(name);
    }

    const search = page.getByRole('search', { name: 'Find a child' });
    await search.getByRole('searchbox', { name: 'Search', exact: true }).fill('nino');
    await expect.poll(() => count.innerText()).toBe('Showing 1–1 of 1 child.');
    const rows = list.getByRole('row');
    expect(await rows.count()).toBe(2);
    const cells = await rows.nth(1).getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 2)).toEqual([caseCode1, CHILD_1.alias]);
    html = await page.content();
    expect(html).not.toContain(CHILD_1.legalName);
    expect(html).not.toContain('Fictional');
    await expectNoAxeViolations(page, 'children list, searched');

    // The full name only on the case file, and only after "Show name": until then it is not on
    // the page, nor in anything the bridge answered since the run began.
    await list.getByRole('link', { name: caseCode1, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: caseCode1 }).waitFor();
    await section('Timeline').getByRole('list').waitFor();
    const names = page.getByRole('region', { name: 'Names' });
    expect(await page.content()).not.toContain(CHILD_1.legalName);
    await bridge.settled();
    const beforeReveal = bridge.calls.length;
    expect(bridge.calls.map((c) => c.name)).toContain('children.get');
    expect(bridge.calls.map((c) => c.name)).not.toContain('children.revealName');
    expect(bridge.calls.filter((c) => c.body.includes(CHILD_1.legalName))).toEqual([]);
    await button('Show name', names).click();
    await names.getByText(CHILD_1.legalName, { exact: true }).waitFor();
    await bridge.settled();
    const revealed = bridge.calls.slice(beforeReveal);
    expect(revealed.filter((c) => c.body.includes(CHILD_1.legalName)).map((c) => c.name)).toEqual([
      'children.revealName',
    ]);
    expect(await names.innerText()).toContain(CHILD_1.preferredName);
    const family = section('Family and significant persons');
    expect(await family.innerText()).toContain(FAMILY.name);
    await expectNoAxeViolations(page, 'case file with the name shown');
    await button('Hide name', names).click();
    await button('Show name', names).waitFor();
    expect(await page.content()).not.toContain(CHILD_1.legalName);
    await signOut();
  });

  it("shows the coordinator's bed board today and on the transfer date", async () => {
    await signIn(COORDINATOR.username, COORDINATOR.password, 'Today');
    await goTo('Bed board', 'Bed board', 'bed board');
    const controls = page.getByRole('group', { name: 'Choose the shelter and date' });
    await field('Shelter', controls).selectOption({ label: SHELTER_B.name });

    // Today, after the discharge: the transfer bed is vacant again.
    const boardToday = page.getByRole('region', {
      name: `${SHELTER_B.name} on ${formatCalendarDate(today)}`,
    });
    const cotToday = boardToday
      .getByRole('list', { name: 'Beds in No room' })
      .getByRole('listitem')
      .filter({ hasText: TRANSFER_BED });
    await cotToday.waitFor();
    expect(await cotToday.innerText()).toContain('Vacant');
    expect(await boardToday.innerText()).not.toContain(caseCode1);
    const occupancyToday = page
      .getByRole('region', { name: `All shelters on ${formatCalendarDate(today)}` })
      .getByRole('table', { name: 'Occupancy by shelter' });
    await occupancyToday.waitFor();
    expect(
      await occupancyToday
        .getByRole('row')
        .filter({ hasText: SHELTER_B.name })
        .getByRole('cell')
        .allInnerTexts(),
    ).toEqual([SHELTER_B.name, SHELTER_B.type, SHELTER_B.capacity, '1', '0', '0', '1']);
    await expectNoAxeViolations(page, 'bed board today, with the occupancy summary');

    // At the end of the transfer date: the child, by case code and alias, in the transfer bed.
    await field('As of', controls).fill(TRANSFER.date);
    const boardThen = page.getByRole('region', {
      name: `${SHELTER_B.name} on ${formatCalendarDate(TRANSFER.date)}`,
    });
    const cotThen = boardThen
      .getByRole('list', { name: 'Beds in No room' })
      .getByRole('listitem')
      .filter({ hasText: TRANSFER_BED });
    await cotThen.waitFor();
    expect(await cotThen.innerText()).toContain('Occupied');
    await cotThen
      .getByRole('link', { name: `${caseCode1} (${CHILD_1.alias})`, exact: true })
      .waitFor();
    expect(await cotThen.innerText()).toContain(`since ${formatCalendarDate(TRANSFER.date)}`);
    expect(new URL(page.url()).hash).toContain(`asOf=${TRANSFER.date}`);
    const occupancyThen = page
      .getByRole('region', { name: `All shelters on ${formatCalendarDate(TRANSFER.date)}` })
      .getByRole('table', { name: 'Occupancy by shelter' });
    await expect
      .poll(() =>
        occupancyThen
          .getByRole('row')
          .filter({ hasText: SHELTER_B.name })
          .getByRole('cell')
          .allInnerTexts(),
      )
      .toEqual([SHELTER_B.name, SHELTER_B.type, SHELTER_B.capacity, '1', '1', '0', '0']);
    await expectNoAxeViolations(page, 'bed board on the transfer date');

    // The first shelter that day: its first bed was left at the transfer, nobody else came.
    await field('Shelter', controls).selectOption({ label: SHELTER_A.name });
    const shelterAThen = page.getByRole('region', {
      name: `${SHELTER_A.name} on ${formatCalendarDate(TRANSFER.date)}`,
    });
    await shelterAThen.waitFor();
    expect(await shelterAThen.innerText()).toContain(
      `3 beds for a capacity of ${SHELTER_A.capacity}: 0 occupied, 0 reserved, 3 vacant.`,
    );
    const roomA = shelterAThen.getByRole('list', { name: `Beds in ${ROOM_A}` });
    expect(await roomA.getByRole('listitem').count()).toBe(2);
    // The day before, the child was there.
    await field('As of', controls).fill(ADMIT.date);
    const shelterABefore = page.getByRole('region', {
      name: `${SHELTER_A.name} on ${formatCalendarDate(ADMIT.date)}`,
    });
    await shelterABefore
      .getByRole('link', { name: `${caseCode1} (${CHILD_1.alias})`, exact: true })
      .waitFor();
    expect(await page.content()).not.toContain(CHILD_1.legalName);
    run.errors.assertNone();
  });

  it("after the coordinator signs out on a case file, the caseworker's sign-in starts at Today and asks nothing of it", async () => {
    await openCaseFile(caseCode1);
    await section('Timeline').getByRole('list').waitFor();
    await signOut();
    await bridge.settled();
    const signedOutAt = bridge.calls.length;
    // The headings show before their lists arrive: wait for the list itself.
    const agendaAnswered = bridge.answered((call) => call.name === 'dashboard.agenda');
    await signIn(CASEWORKER.username, CASEWORKER.password, 'Today');
    expect(new URL(page.url()).hash).toBe('#/today');
    await agendaAnswered;
    await bridge.settled();
    const calls = bridge.calls.slice(signedOutAt);
    expect(calls.map((c) => c.name)).toContain('dashboard.agenda');
    const aboutTheChild = calls.filter((c) => c.name.startsWith('children.'));
    expect(aboutTheChild.map((c) => c.name)).toEqual([]);
  });

  it('registers a child whose legal name is not known yet; Today lists it', async () => {
    await goTo('Children', 'Children', 'children list');
    await page.getByRole('link', { name: 'Register a child', exact: true }).click();
    await onScreen(page, 'Register a child', 'register form (third child)');
    await page.getByRole('checkbox', { name: 'Legal name not known yet', exact: true }).check();
    expect(await field('Legal name').count()).toBe(0);
    await field('Preferred name').fill(CHILD_3.preferredName);
    await field('Alias').fill(CHILD_3.alias);
    await field('Date of birth').fill(CHILD_3.dateOfBirth);
    await field('Sex').selectOption({ label: CHILD_3.sex });
    await field('Referral source').fill(CHILD_3.referralSource);
    await field('Referral date').fill(REFERRAL_DATE);
    await field('Intake date').fill(INTAKE_DATE);
    await expectNoAxeViolations(page, 'register form, legal name not known yet');
    await button('Register child').click();
    await statusSays('The child was registered with case code');
    const caseCode3 = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    expect(await page.locator('.case-initials').innerText()).toBe(CHILD_3.alias);

    await goTo('Today', 'Today', 'today with a legal name to find');
    const overdue = page.getByRole('region', { name: /^Overdue/ });
    const row = overdue.getByRole('row').filter({ hasText: caseCode3 });
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      `${formatCalendarDate(INTAKE_DATE)}\n4 days overdue`,
      `${caseCode3} ${CHILD_3.alias}`,
      'Legal name not yet known',
      '',
    ]);
  });

  it('audits the one reveal of the name as its view', async () => {
    await signOut();
    await signIn(ADMIN.username, ADMIN.password, 'Users');
    const { entries } = expectOk(
      await harnessCall(run.harness, 'audit.list', { action: 'children.revealName', limit: 50 }),
    );
    expect(entries.map((e) => [e.targetType, e.detail])).toEqual([['child', { section: 'name' }]]);
    // Left signed in: the leak check below reads the files of an open vault first.
  });

  it('leaves no typed text and no plaintext SQLite in any file', async () => {
    const whileOpen = await checkLeaks();
    expect(whileOpen.some((file) => file.endsWith('-wal'))).toBe(true);
    await run.stopHarness();
    const afterClose = await checkLeaks();
    const names = [...whileOpen, ...afterClose].map((file) => file.split(/[\\/]/).pop());
    expect(names.some((name) => name?.endsWith('.db') || name?.endsWith('.sqlite'))).toBe(true);
  });
});
