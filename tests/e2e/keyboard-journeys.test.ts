// Note writing, transfer and discharge by keyboard alone, end to end in Chromium on the real
// backend. A therapist opens a session the child attended, writes its SOAP note and signs it in a
// confirmation that keeps focus. A coordinator unfolds a section kept behind a content note, turns
// the privacy screen off, transfers the child to another shelter and discharges her in dialogs
// that trap focus and give it back to their opener, then quick-hides the screen. Only Tab,
// Shift+Tab, Enter, Space, Escape, arrows and typed text; every stop shows a visible focus
// indicator, axe finds nothing on every screen, and the window title never shows the child's
// names, alias or case code (not with the privacy screen off, not after quick-hide).
import { format, parseISO, subDays } from 'date-fns';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../shared/time';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall } from '../support/harness';
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
  typeDate,
  typeTime,
  type Target,
} from '../support/keyboard';
import {
  addStaff,
  createVaultWithStaff,
  firstSignIn,
  insertAttendedSession,
  placeChild,
} from '../support/seed';
import { expectTitleNamesNoChild } from '../support/window-title';

const TIME_ZONE = 'Asia/Manila';
const today = todayIn(TIME_ZONE);
const daysAgo = (days: number): string => format(subDays(parseISO(today), days), 'yyyy-MM-dd');

// Fictional people and places.
const ADMIN = {
  displayName: 'Amihan Keyjourney Reyes',
  username: 'amihan.keyjourney',
  password: 'lantern orchard velvet 4729 kayak',
};
const COORDINATOR = {
  displayName: 'Dalisay Keyjourney Ramos',
  username: 'dalisay.keyjourney',
  temporaryPassword: 'harbor pepper quilt 3391 ember',
  password: 'maple thunder cobalt 8120 fjord',
};
const THERAPIST = {
  displayName: 'Liwayway Keyjourney Santos',
  username: 'liwayway.keyjourney',
  temporaryPassword: 'orchid basalt pillow 7702 comet',
  password: 'quartz lagoon saffron 6614 brook',
};
const SHELTER_A = 'Bahay Keyjourney Pag-asa';
const SHELTER_B = 'Kanlungan Keyjourney Annex';
const CHILD = { legalName: 'Maricel Fictional Keyjourney', alias: 'K.J.Y.' };
const SUBJECTIVE = 'Fictional: slept through the night twice this week';
const TRANSFER = { date: daysAgo(1), time: '09:00', reason: 'Closer to her school' };
const EXIT_NOTE = 'Fictional: placed with a foster family after the case conference';

let run: E2eRun;
let page: Page;
let caseCode = '';
/** What the window title must never show. */
let hidden: string[] = [];

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  page = run.page;
});

afterAll(async () => {
  await run?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Main' });
const dialog = (name: string) => page.getByRole('dialog', { name, exact: true });
const section = (name: string) => page.getByRole('region', { name, exact: true });

async function statusSays(text: string | RegExp): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}

/** The screen `title` is shown, axe finds nothing, and the window title names no child. */
async function reached(title: string | RegExp, label: string): Promise<void> {
  await onScreen(page, title, label);
  await expectTitleNamesNoChild(page, hidden, label);
}

/** Whether focus is inside `scope`. */
function focusWithin(scope: Locator): Promise<boolean> {
  return scope.evaluate((element) => element.contains(element.ownerDocument.activeElement));
}

describe('note writing, transfer and discharge by keyboard', { timeout: 300_000 }, () => {
  it('seeds a vault, a coordinator, a therapist, two shelters and a child in therapy', async () => {
    const recoveryKey = await createVaultWithStaff(run.harness, ADMIN, TIME_ZONE, []);
    const [, therapistId] = await addStaff(run.harness, [
      { member: COORDINATOR, role: 'coordinator', shelterScope: [] },
      { member: THERAPIST, role: 'therapist', shelterScope: [] },
    ]);
    await firstSignIn(run.harness, THERAPIST);
    await firstSignIn(run.harness, COORDINATOR);
    const placed = await placeChild(run.harness, {
      shelterName: SHELTER_A,
      child: {
        legalName: CHILD.legalName,
        alias: CHILD.alias,
        birth: { kind: 'dob', dateOfBirth: '2013-02-11' },
        sex: 'female',
        languages: [],
        referralSource: 'Fictional referral desk',
        referralDate: daysAgo(8),
        intakeDate: daysAgo(7),
      },
      admittedOn: daysAgo(6),
      timeZone: TIME_ZONE,
    });
    caseCode = placed.caseCode;
    hidden = [CHILD.legalName, 'Maricel', CHILD.alias, caseCode];
    const annex = expectOk(
      await harnessCall(run.harness, 'shelters.save', {
        name: SHELTER_B,
        type: 'ngo_shelter',
        sexRule: 'any',
        minAge: 0,
        maxAge: 18,
        capacity: 4,
      }),
    );
    expectOk(await harnessCall(run.harness, 'beds.save', { shelterId: annex.id, label: 'Bed 1' }));
    expectOk(
      await harnessCall(run.harness, 'therapy.savePlan', {
        childId: placed.childId,
        therapistId: therapistId!,
        modality: 'tf_cbt',
        goals: 'Fictional goal: sleep through the night',
        frequency: 'weekly',
        plannedSessions: 12,
        startedOn: daysAgo(6),
      }),
    );
    expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
    await insertAttendedSession(run.dataFolder, recoveryKey, therapistId!, placed.childId);
    await page.goto(run.harness.url);
    // The first load on a busy machine can take a while.
    await page
      .getByRole('heading', { level: 1, name: 'Sign in to Aruga' })
      .waitFor({ timeout: 120_000 });
    await onScreen(page, 'Sign in to Aruga', 'sign in');
  });

  it('the therapist opens the session and writes its note', async () => {
    await keyboardSignIn(page, THERAPIST.username, THERAPIST.password);
    await nav().waitFor();
    await press(page, { role: 'link', name: 'Clinical records', within: nav() }, 'Enter', {
      backward: true,
    });
    await reached('Clinical records', 'clinical records');
    await press(page, { role: 'link', name: `${caseCode} (${CHILD.alias})` });
    await reached(`Clinical record — ${caseCode} (${CHILD.alias})`, 'child clinical record');
    expect(await page.title()).toBe('Clinical record — Aruga');

    await press(page, { role: 'button', name: /^Write the note of the session on / });
    await reached(`Session note — ${caseCode} (${CHILD.alias})`, 'note draft');
    const soap = page.getByRole('radio', { name: 'SOAP', exact: true });
    expect(await soap.isChecked()).toBe(true);
    await tabTo(page, { role: 'textbox', name: 'Subjective' });
    await page.keyboard.type(SUBJECTIVE);
    await tabTo(page, { role: 'textbox', name: 'Objective' });
    await page.keyboard.type('Fictional: calm, good eye contact');
    await tabTo(page, { role: 'textbox', name: 'Assessment' });
    await page.keyboard.type('Fictional: grounding skills in use');
    await tabTo(page, { role: 'textbox', name: 'Plan' });
    await page.keyboard.type('Fictional: continue weekly sessions');
    await statusSays(/^Draft saved at /);
    await expectNoAxeViolations(page, 'note draft, written');
  });

  it('the therapist signs the note in a confirmation that keeps focus', async () => {
    const opener: Target = { role: 'button', name: 'Sign the note' };
    await press(page, opener);
    const confirm = dialog('Sign this note?');
    await confirm.waitFor();
    await expectVisibleFocus(page);
    await expectNoAxeViolations(page, 'sign confirmation');
    await expectFocusTrapped(page, confirm);
    // Escape: not signed, focus back on the opener.
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => isFocused(page, opener)).toBe(true);
    await expectVisibleFocus(page);

    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await press(page, { role: 'button', name: 'Sign and lock', within: confirm });
    await statusSays('The note is signed and locked.');
    await page.getByText(`Signed by ${THERAPIST.displayName}`).first().waitFor();
    expect(await page.getByRole('textbox', { name: 'Subjective' }).count()).toBe(0);
    expect(await page.locator('main').innerText()).toContain(SUBJECTIVE);
    await expect.poll(() => describeFocus(page)).not.toBe(NOTHING);
    await expectVisibleFocus(page);
    await expectNoAxeViolations(page, 'signed note');
    await expectTitleNamesNoChild(page, hidden, 'signed note');
    await keyboardSignOut(page);
  });

  it('the coordinator opens the case file and unfolds a section kept behind a content note', async () => {
    await keyboardSignIn(page, COORDINATOR.username, COORDINATOR.password);
    await reached('Today', 'today (coordinator)');
    await press(page, { role: 'link', name: 'Children', within: nav() }, 'Enter', {
      backward: true,
    });
    await reached('Children', 'children list');
    await press(page, { role: 'link', name: caseCode });
    await reached(caseCode, 'case file');

    const incidents = section('Incidents');
    const fold: Target = { role: 'button', name: 'Incidents', within: incidents };
    const button = incidents.getByRole('button', { name: 'Incidents', exact: true });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await press(page, fold);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await incidents.getByText('No incidents recorded.').waitFor();
    await expectNoAxeViolations(page, 'case file with incidents unfolded');
    // Folded again with Space.
    await page.keyboard.press('Space');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
  });

  it("turns the privacy screen off: names show in the file, never in the window's title", async () => {
    const names = section('Names');
    expect(await names.innerText()).not.toContain(CHILD.legalName);
    await press(page, { role: 'checkbox', name: 'Privacy screen' }, 'Space', { backward: true });
    await expect.poll(() => names.innerText()).toContain(CHILD.legalName);
    await expectNoAxeViolations(page, 'case file, names shown');
    await expectTitleNamesNoChild(page, hidden, 'case file, names shown');
    expect(await page.title()).toBe('Case file — Aruga');
  });

  it('transfers the child in a dialog that keeps focus and gives it back to its opener', async () => {
    const placement = section('Placement');
    const opener: Target = { role: 'button', name: 'Transfer', within: placement };
    await press(page, opener);
    const transfer = dialog(`Transfer ${caseCode}`);
    await transfer.waitFor();
    const shelter: Target = { role: 'combobox', name: 'Shelter', within: transfer };
    expect(await isFocused(page, shelter)).toBe(true);
    await expectVisibleFocus(page);
    await expectNoAxeViolations(page, 'transfer dialog');
    await expectFocusTrapped(page, transfer);

    await transfer.getByRole('option', { name: SHELTER_B }).waitFor({ state: 'attached' });
    await page.keyboard.type(SHELTER_B.slice(0, 5));
    await expect
      .poll(() => chosenOption(transfer.getByRole('combobox', { name: 'Shelter' })))
      .toBe(SHELTER_B);
    await transfer.getByRole('option', { name: 'Bed 1' }).waitFor({ state: 'attached' });
    await tabTo(page, { role: 'combobox', name: 'Bed', within: transfer });
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => chosenOption(transfer.getByRole('combobox', { name: 'Bed' })))
      .toBe('Bed 1');
    await tabTo(page, { role: 'textbox', name: 'Date', within: transfer });
    await typeDate(page, TRANSFER.date);
    await tabTo(page, { role: 'textbox', name: 'Time', within: transfer });
    await typeTime(page, TRANSFER.time);
    await tabTo(page, { role: 'textbox', name: 'Reason', within: transfer });
    await page.keyboard.type(TRANSFER.reason);
    await expectNoAxeViolations(page, 'transfer dialog, filled in');
    await press(page, { role: 'button', name: 'Transfer', within: transfer });

    await transfer.waitFor({ state: 'hidden' });
    await statusSays(`${caseCode} was transferred to Bed 1 at ${SHELTER_B}.`);
    await expect.poll(() => isFocused(page, opener)).toBe(true);
    await expectVisibleFocus(page);
    await expectNoAxeViolations(page, 'case file after the transfer');
  });

  it('discharges the child, Escape first leaving everything as it was', async () => {
    const placement = section('Placement');
    const opener: Target = { role: 'button', name: 'Discharge', within: placement };
    await press(page, opener);
    const discharge = dialog(`Discharge ${caseCode}`);
    await discharge.waitFor();
    await expectNoAxeViolations(page, 'discharge dialog');
    await expectFocusTrapped(page, discharge);
    await page.keyboard.press('Escape');
    await discharge.waitFor({ state: 'hidden' });
    await expect.poll(() => isFocused(page, opener)).toBe(true);
    await expectVisibleFocus(page);

    await page.keyboard.press('Enter');
    await discharge.waitFor();
    // Date and time stay at now; the destination by type-ahead ("Fo", past Family reintegration).
    await tabTo(page, { role: 'combobox', name: 'Destination', within: discharge });
    await page.keyboard.type('Fo');
    await expect
      .poll(() => chosenOption(discharge.getByRole('combobox', { name: 'Destination' })))
      .toBe('Foster care');
    await tabTo(page, { role: 'textbox', name: 'Exit note', within: discharge });
    await page.keyboard.type(EXIT_NOTE);
    await press(page, { role: 'button', name: 'Discharge', within: discharge });
    await discharge.waitFor({ state: 'hidden' });
    await statusSays(`${caseCode} was discharged.`);
    // The Discharge button is gone with the placement: focus stays in the placement section.
    await expect.poll(() => describeFocus(page)).not.toBe(NOTHING);
    expect(await focusWithin(placement)).toBe(true);
    await expectVisibleFocus(page);
    await expectNoAxeViolations(page, 'case file after the discharge');
  });

  it("quick-hide clears the window's title at once, names shown or not", async () => {
    expect(await section('Names').innerText()).toContain(CHILD.legalName);
    await page.keyboard.press('Control+Shift+L');
    expect(await page.title()).toBe('Aruga');
    expect(await page.content()).not.toContain(CHILD.legalName);
    await reached('Aruga is locked', 'locked by quick-hide');
    await keyboardSignIn(page, COORDINATOR.username, COORDINATOR.password);
    await reached(caseCode, 'case file after quick-hide');
    run.errors.assertNone();
  });
});
