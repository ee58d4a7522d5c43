// "Every screen works by keyboard alone", end to end in Chromium on the real backend. The vault,
// two staff accounts and two shelters with rooms and beds are seeded through the harness; then,
// with no mouse at all (only Tab, Shift+Tab, Enter, Space, Escape, arrows and typed text), the
// caseworker's day: sign in, register a child, find her case file from the Children list, add a
// family member in a dialog and dismiss it with Escape, admit the child to a bed, record a court
// testimony, and save the child's placement history as a PDF; then the coordinator's bed board,
// lock and unlock. Every control the Tab key lands on must show a visible focus indicator, focus
// returns to the opener after every dialog; axe on every screen, no console errors.
import { format, parseISO, subDays } from 'date-fns';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCalendarDate, formatInstant } from '../../shared/format';
import { todayIn, zonedInstant } from '../../shared/time';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall } from '../support/harness';
import type { OutputRequest, OutputResult } from '../../shared/bridge';
import { pdfText, reportOutputs } from '../support/report-pdf';
import {
  chosenOption,
  describeFocus,
  expectVisibleFocus,
  hasFocus,
  isFocused,
  keyboardSignIn,
  keyboardSignOut,
  NOTHING,
  press,
  tabTo,
  typeDate as typeKeyDate,
  typeTime as typeKeyTime,
  type Target,
} from '../support/keyboard';
import { addStaff, createVaultWithStaff, firstSignIn } from '../support/seed';

const TIME_ZONE = 'Asia/Manila';

// Fictional people and places.
const ADMIN = {
  displayName: 'Amihan Keyboard Reyes',
  username: 'amihan.keyadmin',
  password: 'lantern orchard velvet 4729 kayak',
};
const COORDINATOR = {
  displayName: 'Dalisay Keyboard Ramos',
  username: 'dalisay.keycoord',
  temporaryPassword: 'harbor pepper quilt 3391 ember',
  password: 'maple thunder cobalt 8120 fjord',
};
const CASEWORKER = {
  displayName: 'Tala Keyboard Cruz',
  username: 'tala.keyworker',
  temporaryPassword: 'copper meadow giraffe 5813 tide',
  password: 'silent harbor tamarind 2046 drum',
};
const SHELTER_A = { name: 'Bahay Keyboard Pag-asa', rooms: { Sampaguita: ['Bed 1', 'Bed 2'] } };
const SHELTER_B = {
  name: 'Kanlungan Keyboard Annex',
  rooms: { 'Ilang-Ilang': ['Bed 1', 'Bed 2'] },
};
/** Reached in the bed list with ArrowDown twice from "Choose a bed". */
const ADMIT_BED = 'Ilang-Ilang · Bed 2';
const CHILD = {
  legalName: 'Isko Fictional Macaraeg',
  dateOfBirth: '2013-06-21',
  referralSource: 'Fictional WCPC desk',
};
const FAMILY = { name: 'Rosario Fictional Macaraeg', relationship: 'Grandmother' };
const ADMIT_REASON = 'Needs a safe place near school';

const today = todayIn(TIME_ZONE);
const daysAgo = (days: number): string => format(subDays(parseISO(today), days), 'yyyy-MM-dd');
const ADMIT = { date: daysAgo(2), time: '09:00' };
const TESTIMONY = {
  date: daysAgo(1),
  time: '14:30',
  court: 'Fictional RTC Branch 12',
  caseNumber: 'FC-2026-0117',
};

let run: E2eRun;
let page: Page;
let childId = '';
let caseCode = '';
/** The alias the registration form suggested and kept. */
let alias = '';
let outputs: ReturnType<typeof reportOutputs> | null = null;

beforeAll(async () => {
  run = await startE2eRun({
    open: false,
    output: (request: OutputRequest): Promise<OutputResult> =>
      outputs ? outputs.output(request) : Promise.resolve({ done: false }),
  });
  outputs = reportOutputs(run.browser.context, run.tempDir);
  page = run.page;
});

afterAll(async () => {
  await run?.close();
});

function dialog(name: string): Locator {
  return page.getByRole('dialog', { name, exact: true });
}

function section(name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** Waits for a polite status message (role=status) containing `text`. */
async function statusSays(text: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

const typeDate = (isoDate: string): Promise<void> => typeKeyDate(page, isoDate);
const typeTime = (time: string): Promise<void> => typeKeyTime(page, time);
const signIn = (username: string, password: string): Promise<void> =>
  keyboardSignIn(page, username, password);
const signOut = (): Promise<void> => keyboardSignOut(page);

// ---- the flow ---------------------------------------------------------------------------------

// Sign-ins run a real key derivation: on a loaded machine the seeding alone takes minutes.
describe('keyboard-only flow', { timeout: 900_000 }, () => {
  it('seeds a vault, staff, shelters with rooms and beds (through the harness)', async () => {
    await createVaultWithStaff(run.harness, ADMIN, TIME_ZONE, [
      { member: COORDINATOR, role: 'coordinator', shelterScope: [] },
    ]);
    // Each replaces their temporary password on first sign-in: the coordinator adds the
    // shelters, then the caseworker is given them.
    await firstSignIn(run.harness, COORDINATOR);
    for (const shelter of [SHELTER_A, SHELTER_B]) {
      const saved = expectOk(
        await harnessCall(run.harness, 'shelters.save', {
          name: shelter.name,
          type: 'ngo_shelter',
          sexRule: 'any',
          minAge: 0,
          maxAge: 17,
          capacity: 4,
        }),
      );
      for (const [room, beds] of Object.entries(shelter.rooms)) {
        for (const label of beds) {
          expectOk(
            await harnessCall(run.harness, 'beds.save', { shelterId: saved.id, room, label }),
          );
        }
      }
    }

    expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
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

    await page.goto(run.harness.url);
    // The first load on a busy machine can take a while.
    await page
      .getByRole('heading', { level: 1, name: 'Sign in to Aruga' })
      .waitFor({ timeout: 120_000 });
    await onScreen(page, 'Sign in to Aruga', 'sign in');
  });

  it('signs in with the keyboard: username, Tab, password, Enter', async () => {
    await signIn(CASEWORKER.username, CASEWORKER.password);
    await onScreen(page, 'Today', 'today (caseworker)');
  });

  it('registers a child with the keyboard alone', async () => {
    // The skip link comes first and moves focus to the screen's content.
    await press(page, { role: 'link', name: 'Skip to main content' });
    expect(await hasFocus(page.getByRole('main'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await isFocused(page, { role: 'link', name: 'Register a child' })).toBe(true);
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await onScreen(page, 'Register a child', 'register form');

    await tabTo(page, { role: 'textbox', name: 'Legal name' });
    await page.keyboard.type(CHILD.legalName);
    // The alias the form suggests is kept: made-up initials, never the real ones.
    const aliasField = page.getByLabel('Alias', { exact: true });
    await expect.poll(() => aliasField.inputValue()).not.toBe('');
    alias = await aliasField.inputValue();
    await tabTo(page, { role: 'textbox', name: 'Date of birth' });
    await typeDate(CHILD.dateOfBirth);
    expect(await page.getByLabel('Date of birth', { exact: true }).inputValue()).toBe(
      CHILD.dateOfBirth,
    );
    await tabTo(page, { role: 'combobox', name: 'Sex' });
    await page.keyboard.type('M');
    expect(await chosenOption(page.getByRole('combobox', { name: 'Sex', exact: true }))).toBe(
      'Male',
    );
    await tabTo(page, { role: 'textbox', name: 'Referral source' });
    await page.keyboard.type(CHILD.referralSource);
    await tabTo(page, { role: 'textbox', name: 'Referral date' });
    await typeDate(daysAgo(5));
    await tabTo(page, { role: 'textbox', name: 'Intake date' });
    await typeDate(daysAgo(4));
    await expectNoAxeViolations(page, 'register form, filled in');
    await press(page, { role: 'button', name: 'Register child' });

    await statusSays('The child was registered with case code');
    const heading = page.getByRole('main').getByRole('heading', { level: 1 });
    caseCode = (await heading.innerText()).trim();
    expect(caseCode).toMatch(/^AR-\d{4}-\d{4}$/);
    childId = /#\/cases\/([^/?]+)/.exec(page.url())?.[1] ?? '';
    expect(childId).not.toBe('');
    expect(await page.locator('.case-initials').innerText()).toBe(alias);
    await expectNoAxeViolations(page, 'case file of the registered child');
  });

  it("goes to the Children list by the main navigation and opens the child's case file", async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await press(page, { role: 'link', name: 'Children', within: nav }, 'Enter', { backward: true });
    await onScreen(page, 'Children', 'children list');
    const list = page.getByRole('table', {
      name: 'Children in your care, by case code and alias',
    });
    await list.getByRole('link', { name: caseCode, exact: true }).waitFor();
    await press(page, { role: 'link', name: caseCode, within: list });
    await onScreen(page, caseCode, 'case file');
    expect(new URL(page.url()).hash).toBe(`#/cases/${childId}`);
  });

  it('adds a family member in a dialog, and dismisses it with Escape, focus returning each time', async () => {
    const family = section('Family and significant persons');
    const opener: Target = { role: 'button', name: 'Add family member', within: family };
    await press(page, opener);
    const add = dialog('Add a family member or significant person');
    await add.waitFor();
    // Focus moved into the dialog, to its first field.
    expect(await isFocused(page, { role: 'textbox', name: 'Name', within: add })).toBe(true);
    await expectVisibleFocus(page);
    await expectNoAxeViolations(page, 'family dialog');

    await page.keyboard.type(FAMILY.name);
    await page.keyboard.press('Tab');
    expect(await isFocused(page, { role: 'textbox', name: 'Relationship', within: add })).toBe(
      true,
    );
    await page.keyboard.type(FAMILY.relationship);
    const household = "Lives in the child's household";
    await press(page, { role: 'checkbox', name: household, within: add }, 'Space');
    expect(await add.getByRole('checkbox', { name: household, exact: true }).isChecked()).toBe(
      true,
    );
    expect(await add.getByLabel('Name', { exact: true }).inputValue()).toBe(FAMILY.name);
    await press(page, { role: 'button', name: 'Save person', within: add });

    await add.waitFor({ state: 'hidden' });
    await statusSays('The person was added.');
    const row = family.getByRole('row').filter({ hasText: FAMILY.relationship });
    await row.waitFor();
    expect(await row.innerText()).toContain('Lives there');
    // Back on the button that opened the dialog, and it shows it.
    await expect.poll(() => isFocused(page, opener)).toBe(true);
    await expectVisibleFocus(page);
    await expectNoAxeViolations(page, 'case file with a family member');

    // Opened again and dismissed with Escape: nothing saved, focus back on the opener.
    await page.keyboard.press('Enter');
    await add.waitFor();
    expect(await isFocused(page, { role: 'textbox', name: 'Name', within: add })).toBe(true);
    await page.keyboard.type('Never saved');
    await page.keyboard.press('Escape');
    await add.waitFor({ state: 'hidden' });
    await expect.poll(() => isFocused(page, opener)).toBe(true);
    await expectVisibleFocus(page);
    expect(await family.getByRole('row').count()).toBe(2);
  });

  it('admits the child to a bed with the keyboard alone', async () => {
    const placement = section('Placement');
    expect(await placement.innerText()).toContain('Not placed in a shelter now.');
    // The placement section comes before the family section: back up to it.
    await press(page, { role: 'button', name: 'Admit to a bed', within: placement }, 'Enter', {
      backward: true,
    });
    const admit = dialog(`Admit ${caseCode} to a bed`);
    await admit.waitFor();
    const shelter: Target = { role: 'combobox', name: 'Shelter', within: admit };
    const bed: Target = { role: 'combobox', name: 'Bed', within: admit };
    // The dialog opens on its first field.
    expect(await isFocused(page, shelter)).toBe(true);
    await expectVisibleFocus(page);
    await admit.getByRole('option', { name: SHELTER_B.name }).waitFor({ state: 'attached' });
    await expectNoAxeViolations(page, 'admit dialog');

    // A closed select chooses by type-ahead: the first letters of the option.
    await page.keyboard.type(SHELTER_B.name.slice(0, 5));
    await expect
      .poll(() => chosenOption(admit.getByRole('combobox', { name: 'Shelter' })))
      .toBe(SHELTER_B.name);
    // The bed list of that shelter, then ArrowDown past "Choose a bed" to the second bed.
    await admit.getByRole('option', { name: ADMIT_BED }).waitFor({ state: 'attached' });
    await tabTo(page, bed);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => chosenOption(admit.getByRole('combobox', { name: 'Bed' })))
      .toBe(ADMIT_BED);

    await tabTo(page, { role: 'textbox', name: 'Start date', within: admit });
    await typeDate(ADMIT.date);
    expect(await admit.getByLabel('Start date', { exact: true }).inputValue()).toBe(ADMIT.date);
    await tabTo(page, { role: 'textbox', name: 'Start time', within: admit });
    await typeTime(ADMIT.time);
    expect(await admit.getByLabel('Start time', { exact: true }).inputValue()).toBe(ADMIT.time);
    await tabTo(page, { role: 'textbox', name: 'Reason', within: admit });
    await page.keyboard.type(ADMIT_REASON);
    await expectNoAxeViolations(page, 'admit dialog, filled in');
    await press(page, { role: 'button', name: 'Admit', within: admit });

    const where = `${ADMIT_BED} at ${SHELTER_B.name}`;
    await statusSays(`${caseCode} was admitted to ${where}.`);
    await admit.waitFor({ state: 'hidden' });
    const history = placement.getByRole('table', { name: 'Placements, newest first' });
    const shown = formatInstant(zonedInstant(ADMIT.date, ADMIT.time, TIME_ZONE), TIME_ZONE);
    await expect
      .poll(async () =>
        (await history.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).slice(0, 4),
      )
      .toEqual([SHELTER_B.name, ADMIT_BED, shown, 'Current']);
    expect(await placement.innerText()).not.toContain('Not placed in a shelter now.');
    // Focus is not lost when the Admit button gives way to Transfer and Discharge.
    await expect.poll(() => describeFocus(page)).not.toBe(NOTHING);
    expect(
      await placement.evaluate((element) => element.contains(element.ownerDocument.activeElement)),
    ).toBe(true);
    await expectVisibleFocus(page);
    await expectNoAxeViolations(page, 'case file with the placement');
  });

  it('records a court testimony in a dialog, focus returning to its opener', async () => {
    const legal = section('Legal events');
    const opener: Target = { role: 'button', name: 'Add legal event', within: legal };
    await press(page, opener);
    const add = dialog('Add a legal event');
    await add.waitFor();
    // The dialog opens on its first field, the kind: type-ahead's "T" chooses Testimony.
    expect(await isFocused(page, { role: 'combobox', name: 'Kind', within: add })).toBe(true);
    await expectVisibleFocus(page);
    await page.keyboard.type('T');
    expect(await chosenOption(add.getByRole('combobox', { name: 'Kind', exact: true }))).toBe(
      'Testimony',
    );
    await tabTo(page, { role: 'textbox', name: 'Date', within: add });
    await typeDate(TESTIMONY.date);
    await tabTo(page, { role: 'textbox', name: 'Time', within: add });
    await typeTime(TESTIMONY.time);
    expect(await add.getByLabel('Time', { exact: true }).inputValue()).toBe(TESTIMONY.time);
    await tabTo(page, { role: 'textbox', name: 'Court', within: add });
    await page.keyboard.type(TESTIMONY.court);
    await tabTo(page, { role: 'textbox', name: 'Case number', within: add });
    await page.keyboard.type(TESTIMONY.caseNumber);
    await expectNoAxeViolations(page, 'legal event dialog, filled in');
    await press(page, { role: 'button', name: 'Save legal event', within: add });

    await add.waitFor({ state: 'hidden' });
    await statusSays('The legal event was added.');
    const row = legal.getByRole('row').filter({ hasText: TESTIMONY.court });
    await row.waitFor();
    expect(await row.innerText()).toContain('Testimony');
    expect(await row.innerText()).toContain(formatCalendarDate(TESTIMONY.date));
    await expect.poll(() => isFocused(page, opener)).toBe(true);
    await expectVisibleFocus(page);
    await expectNoAxeViolations(page, 'case file with the testimony');
  });

  it("saves the child's placement history as a PDF, with the testimony in it", async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await press(page, { role: 'link', name: 'Reports', within: nav }, 'Enter', { backward: true });
    await onScreen(page, 'Reports', 'reports');
    // The report by type-ahead: "I" is the individual placement history.
    await tabTo(page, { role: 'combobox', name: 'Report' });
    await page.keyboard.type('I');
    await expect
      .poll(() => chosenOption(page.getByRole('combobox', { name: 'Report', exact: true })))
      .toBe('Individual placement history');
    // The child: typed, found with Enter, chosen with its button.
    await tabTo(page, { role: 'searchbox', name: 'Find the child' });
    await page.keyboard.type(caseCode);
    await page.keyboard.press('Enter');
    await press(page, { role: 'button', name: `Choose ${caseCode}` });
    await page.getByText(`Chosen: ${caseCode} (${alias})`).waitFor();
    // A period that holds the admission and the testimony.
    await tabTo(page, { role: 'textbox', name: 'From' });
    await typeDate(daysAgo(30));
    await tabTo(page, { role: 'textbox', name: 'To' });
    await typeDate(today);
    await press(page, { role: 'button', name: 'Show preview' });
    const preview = page.getByRole('region', { name: /^Preview — \d+ pages?$/ });
    await preview.waitFor();
    await expect.poll(() => preview.innerText()).toContain(TESTIMONY.court);
    await expectNoAxeViolations(page, 'placement history preview');

    await press(page, { role: 'button', name: 'Save as PDF' });
    await expect
      .poll(() => outputs!.saved.some((s) => s.mode === 'pdf'), { timeout: 60_000 })
      .toBe(true);
    const saved = outputs!.saved.find((s) => s.mode === 'pdf')!;
    const text = pdfText(saved.file).replace(/\s+/g, ' ');
    expect(text).toContain('Individual placement history');
    expect(text).toContain(caseCode);
    expect(text).toContain('Testimony');
    expect(text).toContain(TESTIMONY.court);
    expect(text).not.toContain(CHILD.legalName);
    // Focus stays on the button that saved it.
    expect(await isFocused(page, { role: 'button', name: 'Save as PDF' })).toBe(true);
    await expectVisibleFocus(page);
    run.errors.assertNone();
    await signOut();
  });

  it("shows the child's alias on the coordinator's bed board, shelter and date chosen by keyboard", async () => {
    await signIn(COORDINATOR.username, COORDINATOR.password);
    await onScreen(page, 'Today', 'today (coordinator)');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await press(page, { role: 'link', name: 'Bed board', within: nav });
    await onScreen(page, 'Bed board', 'bed board');
    const controls = page.getByRole('group', { name: 'Choose the shelter and date' });
    const shelter: Target = { role: 'combobox', name: 'Shelter', within: controls };
    await page
      .getByRole('region', { name: `${SHELTER_A.name} on ${formatCalendarDate(today)}` })
      .waitFor();

    // The first shelter is shown; ArrowDown picks the next one.
    await tabTo(page, shelter);
    await page.keyboard.press('ArrowDown');
    await page
      .getByRole('region', { name: `${SHELTER_B.name} on ${formatCalendarDate(today)}` })
      .waitFor();

    // The day before the admission: the bed is vacant.
    await tabTo(page, { role: 'textbox', name: 'As of', within: controls });
    await typeDate(daysAgo(3));
    const boardBefore = page.getByRole('region', {
      name: `${SHELTER_B.name} on ${formatCalendarDate(daysAgo(3))}`,
    });
    const bedCard = (board: Locator) =>
      board
        .getByRole('list', { name: 'Beds in Ilang-Ilang' })
        .getByRole('listitem')
        .filter({ hasText: 'Bed 2' });
    await bedCard(boardBefore).waitFor();
    expect(await bedCard(boardBefore).innerText()).toContain('Vacant');

    // The admission date: the child, by case code and alias, in the bed. Back to the shelter
    // and forward again, so focus enters the date at its first (month) part.
    await tabTo(page, shelter, { backward: true });
    await tabTo(page, { role: 'textbox', name: 'As of', within: controls });
    await typeDate(ADMIT.date);
    const boardThen = page.getByRole('region', {
      name: `${SHELTER_B.name} on ${formatCalendarDate(ADMIT.date)}`,
    });
    await bedCard(boardThen)
      .getByRole('link', { name: `${caseCode} (${alias})`, exact: true })
      .waitFor();
    expect(await bedCard(boardThen).innerText()).toContain('Occupied');
    expect(new URL(page.url()).hash).toContain(`asOf=${ADMIT.date}`);
    await expectNoAxeViolations(page, 'bed board on the admission date');
  });

  it('locks with Lock now and unlocks by keyboard, back on the same screen', async () => {
    const before = new URL(page.url()).hash;
    await press(page, { role: 'button', name: 'Lock now' }, 'Enter', { backward: true });
    await onScreen(page, 'Aruga is locked', 'locked');
    expect(await page.content()).not.toContain(COORDINATOR.displayName);
    await signIn(COORDINATOR.username, COORDINATOR.password);
    await onScreen(page, 'Bed board', 'bed board after unlock');
    expect(new URL(page.url()).hash).toBe(before);
    await page
      .getByRole('region', { name: `${SHELTER_B.name} on ${formatCalendarDate(ADMIT.date)}` })
      .getByRole('link', { name: `${caseCode} (${alias})`, exact: true })
      .waitFor();
    run.errors.assertNone();
  });
});
