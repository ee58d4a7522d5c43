// Family reintegration, end to end in Chromium on the real backend, for a child whose mother is
// flagged as alleged offender: the readiness assessment of the mother's household is forced to
// "not safe" and the discharge there is refused; the aunt's household is assessed, submitted,
// returned with a comment, revised and approved; the child is discharged to kinship care and the
// follow-up visits schedule themselves; a visit with risk "worse" puts an urgent task on Today;
// the comparison shows two Aftercare Outcomes administrations. axe on every screen and dialog;
// the dialogs new to the end-to-end suite are driven by keyboard.
import { addDays, format, parseISO } from 'date-fns';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureInput } from '../../shared/contract';
import type { Answers } from '../../shared/reintegration/instruments';
import { DEFAULT_VISIT_CADENCE, visitSchedule } from '../../shared/reintegration/monitoring';
import { formatCalendarDate } from '../../shared/format';
import { todayIn } from '../../shared/time';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { pageHelpers } from '../support/page-helpers';
import { expectOk, harnessCall, signOutFully } from '../support/harness';
import { addStaff, createVaultWithStaff, firstSignIn, placeChild } from '../support/seed';

const TIME_ZONE = 'Asia/Manila';

// Every name here is fictional.
const ADMIN = {
  displayName: 'Bituin Fictional Aquino',
  username: 'bituin.admin',
  password: 'lagoon saffron pylon 6034 mango',
};
const COORDINATOR = {
  displayName: 'Marikit Fictional Dizon',
  username: 'marikit.coord',
  temporaryPassword: 'quartz willow ferry 1187 cocoa',
  password: 'granite poppy nebula 9042 sail',
};
const CASEWORKER = {
  displayName: 'Hiraya Fictional Lim',
  username: 'hiraya.worker',
  temporaryPassword: 'velvet canyon otter 2290 bloom',
  password: 'indigo marsh lantern 7315 reed',
};

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const today = todayIn(TIME_ZONE);
const daysAgo = (n: number) => iso(addDays(parseISO(today), -n));
const INTAKE = daysAgo(200);
const MOTHERS_HOME = "Mother's home";
const AUNTS_HOME = "Aunt Corazon's home";
const RETURN_COMMENT = 'Please add the second home visit and what the school said.';

let run: E2eRun;
let page: Page;
let childId = '';
let caseCode = '';
let motherId = '';
let caseworkerId = '';
/** The two Aftercare Outcomes administrations' ids. */
const outcomes: string[] = [];

const CHILD = {
  legalName: 'Mayumi Fictional Santos',
  birth: { kind: 'dob', dateOfBirth: '2012-03-14' },
  sex: 'female',
  languages: ['Cebuano'],
  referralSource: 'Fictional police referral',
  referralDate: INTAKE,
  intakeDate: INTAKE,
} satisfies ProcedureInput<'children.register'>;

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  page = run.page;
  // Each sign-in starts a backend worker; on a busy machine a screen can take a while.
  page.setDefaultTimeout(90_000);
}, 180_000);

afterAll(async () => {
  await run?.close();
});

const { button, field, dialog, statusSays, signIn } = pageHelpers(() => page);

async function openCaseFile(): Promise<void> {
  await page.goto(`${run.harness.url}#/cases/${childId}`);
  await page.getByRole('heading', { level: 1, name: caseCode }).waitFor();
}

const assessmentsSection = () =>
  page.getByRole('region', { name: 'Reintegration assessments', exact: true });

/** Opens an assessment from the case file's table, by its household. */
async function openAssessment(household: string): Promise<void> {
  await openCaseFile();
  await assessmentsSection()
    .getByRole('link', {
      name: `Open the Family Reintegration Readiness assessment of ${household}`,
    })
    .click();
  await page
    .getByRole('heading', { level: 1, name: 'Family Reintegration Readiness, version 1' })
    .waitFor();
  await page.getByText(`Household: ${household}`).waitFor();
}

/** Presses Tab until `target` has the focus: the way a keyboard user reaches a control. */
async function tabTo(target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('The control was not reached with Tab.');
}

/** Starts a readiness assessment from the case file with the keyboard only. */
async function startReadinessByKeyboard(
  kind: "The child's family" | 'Kinship care',
  label: string,
  member: string,
): Promise<void> {
  await openCaseFile();
  const start = button('New assessment', assessmentsSection());
  await start.focus();
  await page.keyboard.press('Enter');
  const create = dialog('New assessment');
  await create.waitFor();
  // The dialog takes the focus; each control is reached with Tab and set from the keyboard.
  await tabTo(field('Instrument', create));
  await field('Instrument', create).selectOption({
    label: 'Family Reintegration Readiness (ARUGA-FRR v1)',
  });
  await tabTo(field('Whose household', create));
  await field('Whose household', create).selectOption({ label: kind });
  await tabTo(field("Household name (for example, the aunt's home)", create));
  await page.keyboard.type(label);
  const resident = create.getByRole('checkbox', { name: member, exact: true });
  await tabTo(resident);
  await page.keyboard.press('Space');
  await expect(resident.isChecked()).resolves.toBe(true);
  await expectNoAxeViolations(page, `new assessment dialog (${label})`);
  await tabTo(button('Start the assessment', create));
  await page.keyboard.press('Enter');
  await page
    .getByRole('heading', { level: 1, name: 'Family Reintegration Readiness, version 1' })
    .waitFor();
  await page.getByText(`Household: ${label} (${kind})`).waitFor();
}

/** The assessment form's autosave has caught up with the last change. */
async function autosaved(): Promise<void> {
  await page.getByText(/^Saved at /).waitFor();
}

/** Every item of an instrument, answered with `value` (as the harness sends it). */
async function allAnswered(code: string, value: number): Promise<Answers> {
  const instruments = expectOk(await harnessCall(run.harness, 'reintegration.instruments', {}));
  const instrument = instruments.find((i) => i.code === code)!;
  return Object.fromEntries(
    instrument.domains.flatMap((d) => d.items.map((item) => [item.key, value])),
  );
}

/** An Aftercare Outcomes administration written and submitted by the signed-in caseworker. */
async function outcomesAdministration(visitedOn: string, rating: number): Promise<string> {
  const input: ProcedureInput<'reintegration.save'> = {
    childId,
    instrumentCode: 'ARUGA-AO',
    instrumentVersion: 1,
    household: null,
    visitDates: [visitedOn],
    interviewed: 'The child and the house parent',
    answers: await allAnswered('ARUGA-AO', rating),
    evidence: {},
    childConsulted: true,
    consultedHow: 'A talk over drawing, at her pace',
    childWishes: 'I want to keep going to school.',
    recommendation: null,
  };
  const draft = expectOk(await harnessCall(run.harness, 'reintegration.save', input));
  expectOk(await harnessCall(run.harness, 'reintegration.submit', { id: draft.id }));
  return draft.id;
}

async function signInThroughHarness(member: { username: string; password: string }) {
  expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  expectOk(
    await harnessCall(run.harness, 'auth.signIn', {
      username: member.username,
      password: member.password,
    }),
  );
}

describe('family reintegration', { timeout: 900_000 }, () => {
  it('sets up a placed child, the mother flagged as alleged offender, an aunt, and two outcomes administrations (through the harness)', async () => {
    // Each sign-in starts a backend worker: the set-up keeps them few.
    await createVaultWithStaff(run.harness, ADMIN, TIME_ZONE, [
      { member: COORDINATOR, role: 'coordinator', shelterScope: [] },
    ]);
    await firstSignIn(run.harness, COORDINATOR);
    const placed = await placeChild(run.harness, {
      shelterName: 'Bahay Fictional Liwanag',
      child: CHILD,
      admittedOn: INTAKE,
      timeZone: TIME_ZONE,
    });
    childId = placed.childId;
    caseCode = placed.caseCode;
    const family = {
      childId,
      phone: '',
      address: '',
      noContactOrder: false,
      supervisedOnly: false,
      householdAccess: false,
      notes: '',
    };
    motherId = expectOk(
      await harnessCall(run.harness, 'family.save', {
        ...family,
        name: 'Rosario Fictional Santos',
        relationship: 'Mother',
        livesInHousehold: true,
        allegedOffender: true,
        allegedOffenderSince: INTAKE,
      }),
    ).id;
    expectOk(
      await harnessCall(run.harness, 'family.save', {
        ...family,
        name: 'Corazon Fictional Reyes',
        relationship: 'Aunt',
        livesInHousehold: false,
        allegedOffender: false,
      }),
    );

    await signInThroughHarness(ADMIN);
    await addStaff(run.harness, [
      { member: CASEWORKER, role: 'caseworker', shelterScope: [placed.shelterId] },
    ]);
    caseworkerId = expectOk(await harnessCall(run.harness, 'users.list', {})).find(
      (u) => u.username === CASEWORKER.username,
    )!.id;
    // Aftercare Outcomes at intake and six months on, written by the caseworker (approved later).
    await firstSignIn(run.harness, CASEWORKER);
    outcomes.push(await outcomesAdministration(daysAgo(198), 2));
    outcomes.push(await outcomesAdministration(daysAgo(15), 3));
    expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  });

  it("forces the mother's household to not safe, and refuses a return there", async () => {
    await page.goto(run.harness.url);
    await signIn(CASEWORKER.username, CASEWORKER.password, 'Today');
    await startReadinessByKeyboard("The child's family", MOTHERS_HOME, 'Mother');
    // The flag alone makes it not safe, before anything is rated.
    const result = page.getByRole('region', { name: 'Result' });
    await result.getByText('Not safe', { exact: true }).waitFor();
    await result.getByText('Mother: flagged as alleged offender').waitFor();
    await onScreen(page, 'Family Reintegration Readiness, version 1', "mother's household");

    // The safety item at its cut-off is a second reason.
    await field('No access by the offender').selectOption({ label: '-3: Serious problem' });
    await autosaved();
    await result
      .getByText('Safety item answered at or below its cut-off: No access by the offender')
      .waitFor();
    // Recommending a return to this household is refused at the field, and nothing else is lost.
    await field('Recommendation').selectOption({ label: 'Reintegrate into this household' });
    await page
      .getByText(
        'Refused: someone in this household is flagged as an alleged offender or is under a no-contact order.',
      )
      .waitFor();
    await expectNoAxeViolations(page, "mother's household, return refused");
    await field('Recommendation').selectOption({ label: 'Kinship care' });
    await autosaved();
    await page.getByRole('link', { name: 'Back to the case file' }).click();
    await assessmentsSection().getByText('Not safe', { exact: true }).waitFor();

    // The rest is written through the harness and submitted: its result stays "not safe".
    const draft = expectOk(await harnessCall(run.harness, 'reintegration.list', { childId })).find(
      (a) => a.household?.label === MOTHERS_HOME,
    )!;
    expect(draft.answers).toEqual({ offenderAccess: -3 });
    expect(draft.recommendation).toBe('kinship');
    expectOk(
      await harnessCall(run.harness, 'reintegration.save', {
        id: draft.id,
        childId,
        instrumentCode: 'ARUGA-FRR',
        instrumentVersion: 1,
        household: { kind: 'family', label: MOTHERS_HOME, memberIds: [motherId] },
        visitDates: [daysAgo(10)],
        interviewed: 'The mother, at the barangay hall',
        answers: { ...(await allAnswered('ARUGA-FRR', 0)), offenderAccess: -3 },
        evidence: {},
        childConsulted: true,
        consultedHow: 'A quiet talk with her caseworker',
        childWishes: 'I do not want to go back there.',
        recommendation: 'kinship',
      }),
    );
    const submitted = expectOk(
      await harnessCall(run.harness, 'reintegration.submit', { id: draft.id }),
    );
    expect(submitted.score.notSafe).toBe(true);
  });

  it("assesses the aunt's household and submits it", async () => {
    await startReadinessByKeyboard('Kinship care', AUNTS_HOME, 'Aunt');
    await onScreen(page, 'Family Reintegration Readiness, version 1', "aunt's household (draft)");
    await field('Date of a home visit').fill(daysAgo(3));
    await button('Add the visit').click();
    await field('Who was interviewed').fill('The aunt and her husband, at their home');
    const items = await page.locator('.assessment-form select[id]').all();
    // Every item on the scale: the selects before the child's voice and the recommendation.
    for (const item of items) {
      const options = await item.locator('option').allTextContents();
      if (options.includes('1: Mild strength'))
        await item.selectOption({ label: '1: Mild strength' });
    }
    await field('Evidence notes for Family safety').fill(
      'No one with a flag lives in or visits the home; the aunt keeps the mother away.',
    );
    await field('Was the child consulted?').selectOption({ label: 'Yes' });
    await field('How the child was consulted, in a way suited to their age').fill(
      'A walk and a drawing, with her caseworker',
    );
    await field("The child's wishes, in the child's own words").fill(
      'I want to live with Tita Cora and go to my old school.',
    );
    await field('Recommendation').selectOption({ label: 'Kinship care' });
    await autosaved();
    await button('Submit for review').click();
    await statusSays('The assessment was submitted for review.');
    await page.getByText('Submitted for review').first().waitFor();
    await expectNoAxeViolations(page, "aunt's household (submitted)");
    await signOutFully(page);
  });

  it("lets the coordinator approve the first and return the aunt's with a comment", async () => {
    await signIn(COORDINATOR.username, COORDINATOR.password, 'Today');
    // Not what this test is about: the outcomes administrations are approved, and the child gets
    // her caseworker, through the harness while the coordinator is signed in.
    for (const id of outcomes)
      expectOk(await harnessCall(run.harness, 'reintegration.approve', { id }));
    expectOk(
      await harnessCall(run.harness, 'children.update', {
        ...CHILD,
        id: childId,
        assignedCaseworkerId: caseworkerId,
      }),
    );
    await page.getByRole('link', { name: 'Assessments to review', exact: true }).click();
    await onScreen(page, 'Assessments to review', 'review queue');
    const queue = page.getByRole('table', { name: 'Submitted assessments, oldest first' });
    await queue.getByRole('row').filter({ hasText: MOTHERS_HOME }).getByRole('link').click();
    await page.getByText(`Household: ${MOTHERS_HOME}`).waitFor();
    await button('Approve').click();
    await statusSays('The assessment was approved.');

    await page.getByRole('link', { name: 'Assessments to review', exact: true }).click();
    await queue.getByRole('row').filter({ hasText: AUNTS_HOME }).getByRole('link').click();
    await page.getByText(`Household: ${AUNTS_HOME}`).waitFor();
    await field('Comments for the caseworker').fill(RETURN_COMMENT);
    await expectNoAxeViolations(page, 'assessment under review');
    await button('Return with comments').click();
    await statusSays('The assessment was returned to the caseworker.');
    await page
      .getByText(new RegExp(`^Returned by ${COORDINATOR.displayName} on .*: ${RETURN_COMMENT}$`))
      .waitFor();
    await signOutFully(page);
  });

  it('lets the caseworker revise and resubmit', async () => {
    await signIn(CASEWORKER.username, CASEWORKER.password, 'Today');
    await openAssessment(AUNTS_HOME);
    await page.getByText('Returned for revision').first().waitFor();
    await page.getByText(new RegExp(`: ${RETURN_COMMENT}$`)).waitFor();
    await field('Date of a home visit').fill(daysAgo(1));
    await button('Add the visit').click();
    await field('School place').selectOption({ label: '2: Clear strength' });
    await field('Evidence notes for Access to school and services').fill(
      'The school has kept her place and a teacher will check in weekly.',
    );
    await autosaved();
    await expectNoAxeViolations(page, "aunt's household (returned)");
    await button('Submit for review').click();
    await statusSays('The assessment was submitted for review.');
    await signOutFully(page);
  });

  it("approves the aunt's household, refuses a discharge to the mother, and discharges to kinship care", async () => {
    await signIn(COORDINATOR.username, COORDINATOR.password, 'Today');
    await page.getByRole('link', { name: 'Assessments to review', exact: true }).click();
    const queue = page.getByRole('table', { name: 'Submitted assessments, oldest first' });
    await queue.getByRole('row').filter({ hasText: AUNTS_HOME }).getByRole('link').click();
    await page.getByText(`Household: ${AUNTS_HOME}`).waitFor();
    await button('Approve').click();
    await statusSays('The assessment was approved.');
    await page.getByText(`Approved by ${COORDINATOR.displayName}`, { exact: false }).waitFor();

    await openCaseFile();
    await button('Discharge').click();
    const discharge = dialog(`Discharge ${caseCode}`);
    await discharge.waitFor();
    await field('Destination', discharge).selectOption({ label: 'Family reintegration' });
    await field('Exit note', discharge).fill('Return to the mother asked for by the family.');
    await button('Discharge', discharge).click();
    // The approved assessment of the mother's household does not open the door: she is flagged.
    await discharge
      .getByText(
        'Refused: someone in this household is flagged as an alleged offender or is under a no-contact order.',
      )
      .waitFor();
    await expectNoAxeViolations(page, 'discharge dialog, refused');

    await field('Destination', discharge).selectOption({ label: 'Kinship care' });
    await field('Exit note', discharge).fill(
      'To her aunt, after an approved readiness assessment.',
    );
    await button('Discharge', discharge).click();
    await statusSays(`${caseCode} was discharged.`);
    await discharge.waitFor({ state: 'hidden' });

    // The default cadence (weekly for 8 weeks, monthly until month 6, every 2 months until month
    // 12) gives 15 visits, not 12: 8 weekly, then months 3, 4, 5 and 6 (months 1 and 2 fall
    // inside the weekly run), then months 8, 10 and 12.
    const expected = visitSchedule(today, DEFAULT_VISIT_CADENCE);
    expect(expected).toHaveLength(15);
    const visits = page.getByRole('table', { name: 'Follow-up visits, by due date' });
    await visits
      .getByRole('cell', { name: formatCalendarDate(expected.at(-1)!), exact: true })
      .waitFor();
    expect(await visits.locator('tbody tr').count()).toBe(15);
    const scheduled = expectOk(await harnessCall(run.harness, 'reintegration.visits', { childId }));
    expect(scheduled.map((v) => v.dueOn)).toEqual(expected);
    await expectNoAxeViolations(page, 'case file with the follow-up visits');
    run.errors.assertNone();
  });

  it('records a visit with risk "worse", which puts an urgent task on Today', async () => {
    // The coordinator who approved the return records the first visit.
    await openCaseFile();
    const first = formatCalendarDate(visitSchedule(today, DEFAULT_VISIT_CADENCE)[0]!);
    const record = button(`Record the visit due ${first}`);
    await record.focus();
    await page.keyboard.press('Enter');
    const visit = dialog(`Visit due ${first}`);
    await visit.waitFor();
    await tabTo(field('School attendance', visit));
    await field('School attendance', visit).selectOption({ label: 'Irregular' });
    await tabTo(field('Observations', visit));
    await page.keyboard.type('She was quiet and did not want to talk about home.');
    await tabTo(field('Risk since the last visit', visit));
    await field('Risk since the last visit', visit).selectOption({ label: 'Worse' });
    await tabTo(field('Follow-up actions', visit));
    await page.keyboard.type('Visit again within the week with the coordinator.');
    await expectNoAxeViolations(page, 'visit dialog');
    await tabTo(button('Save the visit', visit));
    await page.keyboard.press('Enter');
    await statusSays(
      'The visit was recorded. Urgent tasks were added for the caseworker and the coordinator.',
    );
    await visit.waitFor({ state: 'hidden' });

    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await onScreen(page, 'Today', 'today with the urgent task');
    await page
      .getByText('Urgent: a follow-up visit raised a safety concern; review today')
      .first()
      .waitFor();
  });

  it('compares the two Aftercare Outcomes administrations', async () => {
    await openCaseFile();
    const outcomes = page.getByRole('article', { name: 'Aftercare Outcomes: —' });
    const table = outcomes.getByRole('table');
    const administrations = [formatCalendarDate(daysAgo(198)), formatCalendarDate(daysAgo(15))];
    for (const date of administrations)
      await table.getByRole('columnheader', { name: date }).waitFor();
    expect(await table.getByRole('columnheader').count()).toBe(4);
    await table.getByRole('row', { name: 'Safety 2.00 3.00 +1.00' }).waitFor();
    // The chart draws one point per administration on each domain's line.
    const chart = outcomes.getByTestId('comparison-chart');
    // The chart is drawn once it scrolls into view.
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('.recharts-line-dots').first().waitFor();
    await expect(
      chart.locator('.recharts-xAxis .recharts-cartesian-axis-tick').count(),
    ).resolves.toBe(2);
    expect(
      await chart.locator('.recharts-line-dots').first().locator('.recharts-dot').count(),
    ).toBe(2);
    await expectNoAxeViolations(page, 'case file with the comparison');
    run.errors.assertNone();
  });
});
