// The administrator's privacy duties end to end in Chromium. First an access request about the
// coordinator (a staff member is a data subject too): picked from the accounts, previewed, saved
// as a PDF and read back; it names the child she worked with by case code only, never by name or
// by what the records say. Then retention: a coordinator's contact and incident from six years
// ago; the administrator sets each kind's period, sees the record in the review list and deletes
// its content with a reason, the first dialog driven by keyboard only. Last, a case closed eleven
// years ago: listed under Closed cases, deleted by keyboard, and a tombstone shown with its case
// code and closure date. axe-core finds nothing on the screens or the dialogs.
import { join } from 'node:path';
import { Database } from '@signalapp/sqlcipher';
import { format, parseISO, subDays } from 'date-fns';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../shared/time';
import { unwrapWithRecoveryKey } from '../../electron/backend/vault/vault';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall } from '../support/harness';
import { pdfInfo, pdfText, reportOutputs } from '../support/report-pdf';
import { addStaff, firstSignIn } from '../support/seed';

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
const APPROVER = {
  displayName: 'Tala Retentionapprover Cruz',
  username: 'tala.retention',
  temporaryPassword: 'copper meadow lilac 5512 otter',
  password: 'willow garnet prism 6634 sable',
};
const daysAgo = (days: number): string =>
  format(subDays(parseISO(todayIn(TIME_ZONE)), days), 'yyyy-MM-dd');

const CHILD_NAME = 'Ligaya Fictional Retentionchild';
const INCIDENT_CANARY = 'Fictional canary: she argued over a phone at the study table';
const CLOSED_NAME = 'Marisol Fictional Closedcase';

let run: E2eRun;
let page: Page;
let caseCode = '';
let closedCode = '';
/** The closure's date, eleven years ago, as the screen writes it. */
let closedOn = '';
// The harness's stand-in for Electron's print window: PDFs land in the run's folder.
let outputs: ReturnType<typeof reportOutputs> | null = null;

beforeAll(async () => {
  run = await startE2eRun({
    open: false,
    output: (request) => (outputs ? outputs.output(request) : Promise.resolve({ done: false })),
  });
  outputs = reportOutputs(run.browser.context, run.tempDir);
  page = run.page;
  // Each sign-in starts a backend worker; on a busy machine a screen can take a while.
  page.setDefaultTimeout(180_000);
  const { recoveryKey } = expectOk(
    await harnessCall(run.harness, 'vault.create', {
      adminDisplayName: ADMIN.displayName,
      adminUsername: ADMIN.username,
      adminPassword: ADMIN.password,
      timeZone: TIME_ZONE,
    }),
  );
  await addStaff(run.harness, [
    { member: COORDINATOR, role: 'coordinator', shelterScope: [] },
    { member: APPROVER, role: 'coordinator', shelterScope: [] },
  ]);
  await firstSignIn(run.harness, APPROVER);
  await firstSignIn(run.harness, COORDINATOR);
  const child = expectOk(
    await harnessCall(run.harness, 'children.register', {
      legalName: CHILD_NAME,
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
  expectOk(
    await harnessCall(run.harness, 'incidents.save', {
      childId: child.id,
      kind: 'conflict',
      occurredOn: daysAgo(2190),
      description: INCIDENT_CANARY,
      informed: ['family'],
    }),
  );
  // A case closed with a coordinator's approval; the approval is then dated eleven years back in
  // its database, as the screens cannot date one in the past.
  const closed = expectOk(
    await harnessCall(run.harness, 'children.register', {
      legalName: CLOSED_NAME,
      birth: { kind: 'estimated', estimatedAgeYears: 14, asOf: daysAgo(4400) },
      sex: 'female',
      languages: ['Cebuano'],
      referralSource: 'Fictional barangay hall',
      referralDate: daysAgo(4400),
      intakeDate: daysAgo(4400),
    }),
  );
  closedCode = closed.caseCode;
  expectOk(
    await harnessCall(run.harness, 'reintegration.proposeClosure', {
      childId: closed.id,
      reason: 'Fictional: went home to her aunt',
      closingNote: 'Fictional closing note',
      childView: 'Fictional: she wanted to go home',
      familyView: 'Fictional: the aunt is ready',
    }),
  );
  expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  expectOk(
    await harnessCall(run.harness, 'auth.signIn', {
      username: APPROVER.username,
      password: APPROVER.password,
    }),
  );
  expectOk(await harnessCall(run.harness, 'reintegration.approveClosure', { childId: closed.id }));
  expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  const decided = `${daysAgo(4020)}T02:00:00.000Z`;
  closedOn = format(parseISO(daysAgo(4020)), 'MM/dd/yyyy');
  const key = await unwrapWithRecoveryKey(run.dataFolder, recoveryKey);
  const db = new Database(join(run.dataFolder, 'aruga.db'));
  try {
    db.pragma(`key = "x'${key.dataKeyHex}'"`);
    db.pragma('busy_timeout = 10000');
    db.prepare('UPDATE case_closures SET proposed_at = ?, decided_at = ? WHERE child_id = ?').run([
      decided,
      decided,
      closed.id,
    ]);
  } finally {
    key.discard();
    db.close();
  }
  await page.goto(run.harness.url);
}, 600_000);

afterAll(async () => {
  await run?.close();
});

const mainLink = (name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

describe('access request for a staff member', () => {
  it('the administrator exports everything held about the coordinator, children by case code only', async () => {
    await page.getByLabel('Username', { exact: true }).fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await mainLink('Reports').click();
    await onScreen(page, 'Reports', 'reports (administrator)');
    await page.getByLabel('Report', { exact: true }).selectOption({
      label: 'Access request: everything held about a staff member',
    });
    await page.getByLabel('Staff member', { exact: true }).selectOption({
      label: `${COORDINATOR.displayName} · ${COORDINATOR.username} (Coordinator)`,
    });
    await page.getByRole('button', { name: 'Show preview' }).click();
    const preview = page.getByRole('region', { name: /^Preview — \d+ pages?$/ });
    await preview.getByText('Actions they performed').first().waitFor();
    await expectNoAxeViolations(page, 'staff access request preview');
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await page
      .getByRole('status')
      .getByText(/^Saved staffAccessRequest-report-/)
      .waitFor();
    const saved = outputs!.saved.find((s) => /staffAccessRequest-report-.*\.pdf$/.test(s.file))!;
    const text = pdfText(saved.file).replace(/\s+/g, ' ');
    expect(text).toContain('CONFIDENTIAL');
    expect(text).toContain(`Page 1 of ${pdfInfo(saved.file).pages}`);
    expect(text).toContain(`Staff member ${COORDINATOR.displayName} (${COORDINATOR.username})`);
    expect(text).toContain('Password last set');
    // An account has no period: the header says on which day what it holds was held.
    expect(text).toContain(
      `All records held on ${format(parseISO(todayIn(TIME_ZONE)), 'MM/dd/yyyy')}`,
    );
    expect(text).not.toContain('Period:');
    // She registered the child and recorded the contact and the incident: counted, and the
    // child named by case code.
    expect(text).toContain('contact log');
    expect(text).toContain('incidents');
    expect(text).toContain(caseCode);
    expect(text).not.toContain(CHILD_NAME);
    expect(text).not.toContain('Fictional Tita Rosa');
    expect(text).not.toContain(INCIDENT_CANARY);
  });
});

describe('retention', () => {
  it('the administrator sets a period, reviews the record past it and deletes its content', async () => {
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
    // Every kind has a period (its default until set), so each has its list: this one is empty.
    await page
      .getByRole('region', { name: 'Contacts log: 0 records older than 60 months' })
      .getByText('No record of this kind is past its period.')
      .waitFor();
    await page.getByRole('heading', { name: 'Latest deletions' }).waitFor();
    expect(await page.getByText('Fictional: past the five years the policy allows').count()).toBe(
      1,
    );
    await expectNoAxeViolations(page, 'retention after the deletion');
  });

  it('an incident past its period: its content deleted, a tombstone kept', async () => {
    await page.getByLabel('Incidents: keep for (months)').fill('60');
    await page.getByRole('button', { name: 'Save the period for Incidents' }).click();
    await page.getByRole('heading', { name: 'Incidents: 1 record older than 60 months' }).waitFor();
    await page.getByRole('button', { name: new RegExp(`Incidents record of ${caseCode}`) }).click();
    const dialog = page.getByRole('dialog', { name: "Delete this record's content" });
    await dialog.getByText(/what happened, the note on who was told and the follow-up/).waitFor();
    await dialog.getByLabel('Reason for deleting').fill('Fictional: incidents are kept five years');
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText('The content was deleted. A record of the deletion was kept.').waitFor();
    await page.getByText('Fictional: incidents are kept five years').waitFor();
    await page
      .getByRole('region', { name: 'Incidents: 0 records older than 60 months' })
      .getByText('No record of this kind is past its period.')
      .waitFor();
  });

  it('a case closed eleven years ago: listed, deleted by keyboard, its tombstone kept', async () => {
    const heading = page.getByRole('heading', {
      name: 'Closed cases: 1 record older than 120 months',
    });
    await heading.waitFor();
    expect(await page.getByRole('cell', { name: closedCode, exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: closedOn, exact: true }).isVisible()).toBe(true);
    await page
      .getByRole('button', { name: new RegExp(`Closed cases record of ${closedCode}`) })
      .focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: "Delete this record's content" });
    await dialog.getByText(new RegExp(`The case ${closedCode}, closed on ${closedOn}`)).waitFor();
    await expectNoAxeViolations(page, 'retention closed-case dialog');
    await dialog.getByLabel('Reason for deleting').focus();
    await page.keyboard.type('Fictional: ten years after closure');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('The content was deleted. A record of the deletion was kept.').waitFor();
    await page
      .getByText(new RegExp(`^Closed case ${closedCode} \\(closed on ${closedOn}\\), deleted `))
      .waitFor();
    await page
      .getByRole('region', { name: 'Closed cases: 0 records older than 120 months' })
      .getByText('No record of this kind is past its period.')
      .waitFor();
    await expectNoAxeViolations(page, 'retention after deleting a closed case');
  });
});
