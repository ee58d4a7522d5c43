// Closing a case end to end in Chromium on the real backend: the status control offers no
// "Closed"; one coordinator proposes closing a case that never reached aftercare (a reason, a
// closing note, the child's and the family's views) by keyboard; another approves it; the closed
// case is reopened with a reason. axe finds nothing on the section or its dialogs.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall, signOutFully } from '../support/harness';
import { pageHelpers } from '../support/page-helpers';
import { createVaultWithStaff, firstSignIn } from '../support/seed';

const ADMIN = {
  displayName: 'Fictional Admin Reyes',
  username: 'admin.reyes',
  password: 'lantern orchard velvet 4729 kayak',
};
const PROPOSER = {
  displayName: 'Fictional Coordinator Lim',
  username: 'coord.lim',
  temporaryPassword: 'harbor pepper quilt 3391 ember',
  password: 'maple thunder cobalt 8120 fjord',
};
const APPROVER = {
  displayName: 'Fictional Coordinator Tan',
  username: 'coord.tan',
  temporaryPassword: 'willow canyon amber 5512 otter',
  password: 'copper lagoon zephyr 7741 maple',
};

let run: E2eRun;
let page: Page;
let caseCode = '';
let childId = '';
const { button, dialog, field, statusSays, signIn } = pageHelpers(() => page);

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  page = run.page;
  const h = run.harness;
  await createVaultWithStaff(h, ADMIN, 'Asia/Manila', [
    { member: PROPOSER, role: 'coordinator', shelterScope: [] },
    { member: APPROVER, role: 'coordinator', shelterScope: [] },
  ]);
  await firstSignIn(h, APPROVER);
  await firstSignIn(h, PROPOSER);
  const made = expectOk(
    await harnessCall(h, 'children.register', {
      legalName: 'Fictional Rosa Closure',
      alias: 'R.C.D.',
      birth: { kind: 'dob', dateOfBirth: '2013-03-04' },
      sex: 'female',
      languages: ['Cebuano'],
      referralSource: 'Fictional barangay hall',
      referralDate: '2026-01-10',
      intakeDate: '2026-01-10',
    }),
  );
  caseCode = made.caseCode;
  childId = made.id;
  expectOk(await harnessCall(h, 'session.lock', { reason: 'signOut' }));
}, 300_000);

afterAll(async () => {
  await run?.close();
});

async function openCaseFile(): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Children' })
    .click();
  await onScreen(page, 'Children', 'children list');
  await page.getByRole('link', { name: caseCode, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: caseCode }).waitFor();
}

const closureSection = () => page.getByRole('region', { name: 'Case closure', exact: true });

describe('case closure', () => {
  it('is proposed by keyboard, approved by another coordinator, and reopened with a reason', async () => {
    await page.goto(run.harness.url);
    // A loaded machine can take a while to open the app.
    await page.getByLabel('Username', { exact: true }).waitFor({ timeout: 120_000 });
    await signIn(PROPOSER.username, PROPOSER.password, 'Today');
    await openCaseFile();
    const status = page.getByRole('form', { name: 'Case status' });
    expect(await status.getByRole('option', { name: 'Closed' }).count()).toBe(0);

    const propose = button('Propose closing the case', closureSection());
    await propose.focus();
    await page.keyboard.press('Enter');
    const proposal = dialog('Propose closing the case');
    await proposal.waitFor();
    await field('Reason for closing', proposal).focus();
    await page.keyboard.type('Fictional: the family moved to Luzon with DSWD follow-up');
    await field('Closing note', proposal).focus();
    await page.keyboard.type('Fictional closing note');
    await field("The child's view, in the child's own words", proposal).focus();
    await page.keyboard.type('Fictional words: I want to go with Mama');
    await field("The family's view", proposal).focus();
    await page.keyboard.type('Fictional: the mother agrees');
    await expectNoAxeViolations(page, 'propose closure dialog');
    await button('Propose the closure', proposal).focus();
    await page.keyboard.press('Enter');
    await statusSays('The closure was proposed. A coordinator will review it.');
    await closureSection()
      .getByText('The closure proposal is waiting for another coordinator.')
      .waitFor();
    expect(
      expectOk(await harnessCall(run.harness, 'children.get', { id: childId, reload: true })).child
        .status,
    ).toBe('intake');
    await signOutFully(page);

    await signIn(APPROVER.username, APPROVER.password, 'Today');
    await openCaseFile();
    await closureSection().getByText('Fictional words: I want to go with Mama').waitFor();
    await expectNoAxeViolations(page, 'closure waiting for approval');
    await button('Approve the closure', closureSection()).click();
    await statusSays('The case is closed.');
    await page
      .getByText('This case is closed. It is reopened with a reason under Case closure.')
      .waitFor();

    await button('Reopen the case', closureSection()).focus();
    await page.keyboard.press('Enter');
    const reopen = dialog('Reopen the case');
    await reopen.waitFor();
    await field('Reason for reopening', reopen).focus();
    await page.keyboard.type('Fictional: a new report from the school');
    await expectNoAxeViolations(page, 'reopen dialog');
    await button('Reopen', reopen).focus();
    await page.keyboard.press('Enter');
    await statusSays('The case is reopened.');
    await page.getByRole('form', { name: 'Case status' }).waitFor();
    await expectNoAxeViolations(page, 'case file, reopened');
    run.errors.assertNone();
  });
});
