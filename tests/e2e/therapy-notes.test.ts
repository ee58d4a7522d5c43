// Session notes and outcome scores, end to end in Chromium on the real backend: the therapist
// writes a SOAP note (autosaved), signs it and adds a signed addendum; enters scores (an
// out-of-range one refused at its field) and sees them drawn; the caseworker sees the session's
// attendance and that the note is signed, never a word of it; a coordinator breaks the glass
// with a reason, and the read is in the audit log and on the author's screen. axe on each screen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { pageHelpers } from '../support/page-helpers';
import { expectOk, harnessCall, signOutFully } from '../support/harness';
import { firstSignIn, insertAttendedSession } from '../support/seed';

const ADMIN = {
  displayName: 'Amihan Notesadmin Reyes',
  username: 'amihan.notesadmin',
  password: 'lantern orchard velvet 4729 kayak',
};
const COORDINATOR = {
  displayName: 'Dalisay Notescoord Ramos',
  username: 'dalisay.notescoord',
  temporaryPassword: 'harbor pepper quilt 3391 ember',
  password: 'maple thunder cobalt 8120 fjord',
};
const CASEWORKER = {
  displayName: 'Tala Notesworker Cruz',
  username: 'tala.notesworker',
  temporaryPassword: 'copper meadow giraffe 5813 tide',
  password: 'silent harbor tamarind 2046 drum',
};
const THERAPIST = {
  displayName: 'Luningning Notestherapist Santos',
  username: 'luningning.notestherapist',
  temporaryPassword: 'violet canyon pebble 7712 oar',
  password: 'amber lagoon trellis 6618 kite',
};
const SHELTER = 'Bahay Notesnest Pag-asa';
/** Typed into the note: none of it may reach the caseworker's screen. */
const SUBJECTIVE = 'Fictional child said the nightmares came back twice this week';
const ADDENDUM = 'Fictional correction: the nightmares came three times';

let run: E2eRun;
let page: Page;
let childId = '';
let caseCode = '';
let recoveryKey = '';

const ui = pageHelpers(() => page);
const { button, field } = ui;
/** Signs `member` in and waits for the main navigation. */
const signIn = (member: { username: string; password: string }) =>
  ui.signIn(member.username, member.password);

async function signOut(): Promise<void> {
  await signOutFully(page);
}

async function openChild(): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Clinical records', exact: true })
    .click();
  await onScreen(page, 'Clinical records', 'clinical records');
  await page.getByRole('link', { name: new RegExp(`^${caseCode} `) }).click();
  await onScreen(page, new RegExp(`Clinical record — ${caseCode}`), 'child clinical record');
}

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  page = run.page;
  const created = expectOk(
    await harnessCall(run.harness, 'vault.create', {
      adminDisplayName: ADMIN.displayName,
      adminUsername: ADMIN.username,
      adminPassword: ADMIN.password,
      timeZone: 'Asia/Manila',
    }),
  );
  recoveryKey = created.recoveryKey;
  const staff = [
    { member: COORDINATOR, role: 'coordinator' as const, shelterScope: [] },
    { member: CASEWORKER, role: 'caseworker' as const, shelterScope: [] },
    { member: THERAPIST, role: 'therapist' as const, shelterScope: [] },
  ];
  const ids: Record<string, string> = {};
  for (const { member, role, shelterScope } of staff) {
    ids[role] = expectOk(
      await harnessCall(run.harness, 'users.create', {
        displayName: member.displayName,
        username: member.username,
        role,
        shelterScope,
        temporaryPassword: member.temporaryPassword,
      }),
    ).id;
  }
  for (const { member } of staff) await firstSignIn(run.harness, member);
  // The coordinator registers the child, assigns the caseworker and plans the therapy.
  expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  expectOk(
    await harnessCall(run.harness, 'auth.signIn', {
      username: COORDINATOR.username,
      password: COORDINATOR.password,
    }),
  );
  expectOk(
    await harnessCall(run.harness, 'shelters.save', {
      name: SHELTER,
      type: 'ngo_shelter',
      address: 'Purok 3, Barangay Fictional, Tacloban City',
      sexRule: 'any',
      minAge: 0,
      maxAge: 25,
      capacity: 10,
    }),
  );
  const child = expectOk(
    await harnessCall(run.harness, 'children.register', {
      legalName: 'Ligaya Fictional Notesbautista',
      alias: 'R.D.V.',
      birth: { kind: 'dob', dateOfBirth: '2014-08-02' },
      sex: 'female',
      languages: ['Waray'],
      referralSource: 'LSWDO Fictional Outreach',
      referralDate: '2026-09-01',
      intakeDate: '2026-09-02',
      assignedCaseworkerId: ids.caseworker!,
    }),
  );
  childId = child.id;
  caseCode = child.caseCode;
  expectOk(
    await harnessCall(run.harness, 'therapy.savePlan', {
      childId,
      therapistId: ids.therapist!,
      modality: 'tf_cbt',
      goals: 'Fictional goal: sleep through the night',
      frequency: 'weekly',
      plannedSessions: 14,
      startedOn: '2026-09-10',
    }),
  );
  expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  await insertAttendedSession(run.dataFolder, recoveryKey, ids.therapist!, childId);
  await page.goto(run.harness.url);
}, 180_000);

afterAll(async () => {
  await run?.close();
});

describe('session notes and outcome scores', () => {
  it('the therapist writes a SOAP note, signs it and adds a signed addendum', async () => {
    await signIn(THERAPIST);
    await openChild();
    const sessions = page.getByRole('region', { name: 'Sessions and notes' });
    await sessions.getByRole('button', { name: /^Write the note of the session on / }).click();
    await onScreen(page, `Session note — ${caseCode} (R.D.V.)`, 'note draft');
    expect(await field('SOAP').isChecked()).toBe(true);
    const subjective = field('Subjective');
    // Each field has its help text.
    expect(await subjective.getAttribute('aria-describedby')).toBeTruthy();
    await subjective.fill(SUBJECTIVE);
    await field('Objective').fill('Fictional: calm, good eye contact');
    await field('Assessment').fill('Fictional: stabilisation skills in use');
    await field('Plan').fill('Fictional: begin the trauma narrative next week');
    await page
      .getByRole('status')
      .filter({ hasText: /^Draft saved at / })
      .waitFor();

    await button('Sign the note').click();
    const confirm = page.getByRole('dialog', { name: 'Sign this note?' });
    await expectNoAxeViolations(page, 'sign confirmation');
    await button('Sign and lock', confirm).click();
    await page.getByRole('status').filter({ hasText: 'The note is signed and locked.' }).waitFor();
    await page.getByText(`Signed by ${THERAPIST.displayName}`).first().waitFor();
    // Signed: no field can be typed in any more.
    expect(await page.locator('textarea').count()).toBe(1);

    await field('Addendum').fill(ADDENDUM);
    await button('Sign the addendum').click();
    await page
      .getByRole('status')
      .filter({ hasText: 'The addendum is signed and added.' })
      .waitFor();
    const addenda = page.getByRole('region', { name: 'Addenda' });
    await addenda.getByText(ADDENDUM).waitFor();
    await expectNoAxeViolations(page, 'signed note with addendum');
    run.errors.assertNone();
  });

  it('score entry refuses an out-of-range score at its field, then draws a chart', async () => {
    await openChild();
    await button('Enter scores').click();
    await field('Instrument').selectOption({
      label: 'Child and Adolescent Trauma Screen, ages 7–17',
    });
    await field('Who answered').selectOption({ label: 'The child' });
    const symptoms = field('Symptom severity');
    await symptoms.fill('75');
    await page.getByText("Outside this scale's range.").waitFor();
    expect(await symptoms.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'score entry with a field error');
    await symptoms.fill('22');
    await button('Save the scores').click();
    await page.getByRole('status').filter({ hasText: 'The scores are saved.' }).waitFor();
    const chart = page.getByTestId('score-chart');
    await chart.locator('.recharts-line-curve, .recharts-line-dots').first().waitFor();
    // The cut-offs are drawn as lines, labelled with their band.
    await chart.getByText('Moderate from 15').waitFor();
    await chart.getByText('Probable PTSD from 21').waitFor();
    const table = page.getByRole('table', { name: /^Scores over time: / });
    await table.getByRole('cell', { name: 'Probable PTSD', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'scores with chart');
    run.errors.assertNone();
    await signOut();
  });

  it('the caseworker sees attendance and that the note is signed, and no word of it', async () => {
    await signIn(CASEWORKER);
    await openChild();
    const sessions = page.getByRole('region', { name: 'Sessions and notes' });
    await sessions.getByRole('cell', { name: 'Attended', exact: true }).waitFor();
    await sessions.getByRole('cell', { name: /^Signed / }).waitFor();
    const html = await page.content();
    for (const words of [SUBJECTIVE, ADDENDUM, 'nightmares']) expect(html).not.toContain(words);
    expect(await sessions.getByRole('link').count()).toBe(0);
    expect(await sessions.getByRole('button').count()).toBe(0);
    run.errors.assertNone();
    await signOut();
  });

  it('a coordinator reads the note only by breaking the glass, and the read is audited', async () => {
    await signIn(COORDINATOR);
    await openChild();
    await page
      .getByRole('button', { name: /^Break glass to read the note of the session on / })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Break glass: read a confidential note' });
    await expectNoAxeViolations(page, 'break-glass dialog');
    await field('Why you need to read this note', dialog).fill('short');
    await button('Read the note', dialog).click();
    await dialog.getByText('Say a little more about why you need to read this note.').waitFor();
    await field('Why you need to read this note', dialog).fill(
      'Fictional safety planning meeting needs the clinical picture',
    );
    await button('Read the note', dialog).click();
    const reading = page.getByRole('region', { name: 'You broke the glass to read this note' });
    await reading.getByText(SUBJECTIVE).waitFor();
    await expectNoAxeViolations(page, 'note read by breaking the glass');
    run.errors.assertNone();
    await signOut();

    await signIn(ADMIN);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit log', exact: true })
      .click();
    await onScreen(page, 'Audit log', 'audit log');
    await field('Action').selectOption({ label: 'Read a session note' });
    await button('Apply filters').click();
    const entries = page.getByRole('region', { name: 'Audit entries' });
    await entries.getByText(COORDINATOR.displayName).first().waitFor();
    await entries.getByText(`Session note in case ${caseCode}`).first().waitFor();
    expect(await page.content()).not.toContain(SUBJECTIVE);
    await signOut();
  });

  it("the note's author is shown who broke the glass, and why", async () => {
    await signIn(THERAPIST);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Clinical records', exact: true })
      .click();
    const banner = page.getByRole('region', { name: 'A coordinator read your notes' });
    await banner
      .getByText(/Fictional safety planning meeting needs the clinical picture/)
      .waitFor();
    await expectNoAxeViolations(page, 'break-glass banner');
    await button('Acknowledge', banner).click();
    await banner.waitFor({ state: 'detached' });
    run.errors.assertNone();
  });
});
