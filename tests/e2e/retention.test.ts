// Retention end to end in Chromium: a coordinator's contact from six years ago; the administrator
// sets the contacts log's period, sees the record in the review list and deletes its content with
// a reason, the dialog driven by keyboard only. axe-core finds nothing on the screen or the dialog.
import { format, parseISO, subDays } from 'date-fns';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../shared/time';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall } from '../support/harness';
import { createVaultWithStaff, firstSignIn } from '../support/seed';

const TIME_ZONE = 'Asia/Manila';
const ADMIN = {
  displayName: 'Amihan Retentionadmin Reyes',
  username: 'amihan.retention',
  password: 'lantern orchard velvet 4729 kayak',
};
const COORDINATOR = {
  displayName: 'Dalisay Retentioncoord Ramos',
  username: 'dalisay.retention',
  temporaryPassword: 'harbor pepper quilt 3391 ember',
  password: 'maple thunder cobalt 8120 fjord',
};
const daysAgo = (days: number): string =>
  format(subDays(parseISO(todayIn(TIME_ZONE)), days), 'yyyy-MM-dd');

let run: E2eRun;
let page: Page;
let caseCode = '';

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  page = run.page;
  await createVaultWithStaff(run.harness, ADMIN, TIME_ZONE, [
    { member: COORDINATOR, role: 'coordinator', shelterScope: [] },
  ]);
  await firstSignIn(run.harness, COORDINATOR);
  const child = expectOk(
    await harnessCall(run.harness, 'children.register', {
      legalName: 'Ligaya Fictional Retentionchild',
      birth: { kind: 'dob', dateOfBirth: '2009-04-05' },
      sex: 'female',
      languages: ['Waray'],
      referralSource: 'Fictional barangay hall',
      referralDate: daysAgo(2400),
      intakeDate: daysAgo(2399),
    }),
  );
  caseCode = child.caseCode;
  expectOk(
    await harnessCall(run.harness, 'contacts.save', {
      childId: child.id,
      kind: 'phone_call',
      occurredOn: daysAgo(2200),
      withWhom: 'Fictional Tita Rosa',
      supervised: false,
      concerns: 'Fictional: asked where the shelter is',
    }),
  );
  expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  await page.goto(run.harness.url);
});

afterAll(async () => {
  await run?.close();
});

describe('retention', () => {
  it('the administrator sets a period, reviews the record past it and deletes its content', async () => {
    await page.getByLabel('Username', { exact: true }).fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Retention' })
      .click();
    await onScreen(page, 'Retention', 'retention');
    await page.getByLabel('Contacts log: keep for (months)').fill('60');
    await page.getByRole('button', { name: 'Save the period for Contacts log' }).click();
    const heading = page.getByRole('heading', {
      name: 'Contacts log: 1 record older than 60 months',
    });
    await heading.waitFor();
    expect(await page.getByRole('cell', { name: caseCode, exact: true }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'retention with a record due');

    // The dialog by keyboard only.
    await page.getByRole('button', { name: new RegExp(`record of ${caseCode}`) }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: "Delete this record's content" });
    await dialog.waitFor();
    await expectNoAxeViolations(page, 'retention deletion dialog');
    await dialog.getByLabel('Reason for deleting').focus();
    await page.keyboard.type('Fictional: past the five years the policy allows');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(
      await dialog
        .getByRole('button', { name: 'Delete for good' })
        .evaluate((el) => el.matches(':focus')),
    ).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText('The content was deleted. A record of the deletion was kept.').waitFor();
    await page.getByText('No record of this kind is past its period.').waitFor();
    await page.getByRole('heading', { name: 'Latest deletions' }).waitFor();
    expect(await page.getByText('Fictional: past the five years the policy allows').count()).toBe(
      1,
    );
    await expectNoAxeViolations(page, 'retention after the deletion');
  });
});
