// The case file's casework records, end to end in Chromium on the real backend: a coordinator
// adds, by keyboard, the case against a flagged uncle with its hearing, an ALS enrolment and a
// case conference whose review falls due this week, which Today then lists. axe on each dialog
// and the file, and no console errors.
import { addDays, format, parseISO, subDays } from 'date-fns';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCalendarDate } from '../../shared/format';
import { todayIn } from '../../shared/time';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall } from '../support/harness';
import { pageHelpers } from '../support/page-helpers';
import { createVaultWithStaff, firstSignIn } from '../support/seed';

const TIME_ZONE = 'Asia/Manila';
const ADMIN = {
  displayName: 'Amihan Caseworkadmin Reyes',
  username: 'amihan.caseworkadmin',
  password: 'lantern orchard velvet 4729 kayak',
};
const COORDINATOR = {
  displayName: 'Dalisay Caseworkcoord Ramos',
  username: 'dalisay.caseworkcoord',
  temporaryPassword: 'harbor pepper quilt 3391 ember',
  password: 'maple thunder cobalt 8120 fjord',
};
const today = () => parseISO(todayIn(TIME_ZONE));
const iso = (d: Date) => format(d, 'yyyy-MM-dd');

let run: E2eRun;
let page: Page;
let child = { id: '', caseCode: '' };
const { button, field, dialog } = pageHelpers(() => page);

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  page = run.page;
  await createVaultWithStaff(run.harness, ADMIN, TIME_ZONE, [
    { member: COORDINATOR, role: 'coordinator', shelterScope: [] },
  ]);
  await firstSignIn(run.harness, COORDINATOR);
  child = expectOk(
    await harnessCall(run.harness, 'children.register', {
      legalName: 'Ligaya Fictional Caseworkchild',
      birth: { kind: 'dob', dateOfBirth: '2013-04-05' },
      sex: 'female',
      languages: ['Waray'],
      referralSource: 'Fictional barangay hall',
      referralDate: iso(subDays(today(), 30)),
      intakeDate: iso(subDays(today(), 30)),
    }),
  );
  expectOk(
    await harnessCall(run.harness, 'family.save', {
      childId: child.id,
      name: 'Ramon Fictional Uncle',
      relationship: 'Uncle',
      livesInHousehold: true,
      allegedOffender: true,
      noContactOrder: false,
    }),
  );
  expectOk(
    await harnessCall(run.harness, 'legal.save', {
      childId: child.id,
      kind: 'testimony',
      date: iso(addDays(today(), 12)),
      court: 'Fictional RTC Branch 7',
      caseNumber: 'CR-7',
    }),
  );
  expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  await page.goto(run.harness.url);
  // The vault's key derivation and five calls, on two cores shared with other runs.
}, 300_000);

afterAll(async () => {
  await run?.close();
});

/** Types into a field after moving the keyboard focus there. */
async function typeInto(target: Locator, text: string): Promise<void> {
  await target.focus();
  await page.keyboard.type(text);
}

/** Opens a dialog from its button with Enter, and returns it. */
async function openWithKeyboard(buttonName: string, title: string): Promise<Locator> {
  await button(buttonName).focus();
  await page.keyboard.press('Enter');
  const d = dialog(title);
  await d.waitFor();
  return d;
}

async function saveWithKeyboard(d: Locator): Promise<void> {
  await button('Save', d).focus();
  await page.keyboard.press('Enter');
  await d.waitFor({ state: 'detached' });
}

describe('casework records', () => {
  it('adds an accused, schooling and a case conference by keyboard; Today lists the review', async () => {
    await field('Username').fill(COORDINATOR.username);
    await field('Password').fill(COORDINATOR.password);
    await button('Sign in').click();
    await onScreen(page, 'Today', 'today (coordinator)');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Children' })
      .click();
    await page.getByRole('link', { name: child.caseCode }).click();
    await onScreen(page, new RegExp(child.caseCode), 'case file');

    // The legal detail starts folded behind its content note: opened from its heading's button.
    const legal = page
      .getByRole('region', { name: 'Legal detail per accused', exact: true })
      .getByRole('button', { name: 'Legal detail per accused', exact: true });
    await legal.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => legal.getAttribute('aria-expanded')).toBe('true');
    const accused = await openWithKeyboard('Add an accused', 'Add an accused');
    await field('Family member accused', accused).selectOption({
      label: 'Ramon Fictional Uncle (Uncle)',
    });
    await typeInto(field('Prosecutor', accused), 'Fictional Prosecutor Dela Paz');
    await field('Stage', accused).selectOption({ label: 'Trial' });
    await field('The child testifies by live link', accused).focus();
    await page.keyboard.press('Space');
    await typeInto(field('Support person', accused), 'Fictional house parent Ana');
    const hearing = accused.getByRole('checkbox', { name: /^Testimony on / });
    await hearing.focus();
    await page.keyboard.press('Space');
    await expectNoAxeViolations(page, 'accused dialog');
    await saveWithKeyboard(accused);
    const accusedRow = page.getByRole('row', { name: /Ramon Fictional Uncle \(family\)/ });
    await accusedRow.waitFor();
    expect(await accusedRow.innerText()).toContain(formatCalendarDate(iso(addDays(today(), 12))));

    const schooling = await openWithKeyboard('Add schooling', 'Add schooling');
    await field('Schooling', schooling).selectOption({ label: 'Alternative Learning System' });
    await typeInto(field('School or learning centre', schooling), 'Fictional ALS Center');
    await typeInto(field('Grade or level', schooling), 'Elementary');
    await expectNoAxeViolations(page, 'schooling dialog');
    await saveWithKeyboard(schooling);
    await page.getByRole('row', { name: /Fictional ALS Center/ }).waitFor();

    const conference = await openWithKeyboard(
      'Record a case conference',
      'Record a case conference',
    );
    await typeInto(field('Attendees', conference), 'Fictional social worker, psychologist');
    await typeInto(field('Minutes', conference), 'Fictional: prepared the child for testimony');
    const review = iso(addDays(today(), 3));
    await field('Next review', conference).fill(review);
    await expectNoAxeViolations(page, 'conference dialog');
    await saveWithKeyboard(conference);
    await page.getByRole('row', { name: /Fictional social worker, psychologist/ }).waitFor();
    await expectNoAxeViolations(page, 'case file with casework records');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Today' })
      .click();
    await onScreen(page, 'Today', 'today with a review due');
    const panel = page.locator('section[aria-labelledby="reviews-due-heading"]');
    await panel.getByRole('row', { name: new RegExp(formatCalendarDate(review)) }).waitFor();
    run.errors.assertNone();
  }, 400_000);
});
