// Therapy scheduling, end to end in Chromium on the real backend: a therapist lands on Therapy
// today, creates a TF-CBT plan and a weekly 14-session series; the date beside the child's court
// testimony gets a warning and is moved; a double booking is refused with the clash named; the
// therapist marks attendance; the calendar shows the week (day, week and agenda, by keyboard);
// the caseworker sees the plan and attendance on the case file. axe on every new screen and
// dialog, and no console errors.
import { addDays, format, nextMonday, parseISO } from 'date-fns';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCalendarDate } from '../../shared/format';
import { todayIn } from '../../shared/time';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { pageHelpers } from '../support/page-helpers';
import { expectOk, harnessCall } from '../support/harness';
import { addStaff, createVaultWithStaff, firstSignIn, placeChild } from '../support/seed';

const TIME_ZONE = 'Asia/Manila';

// Every name here is fictional.
const ADMIN = {
  displayName: 'Amihan Fictional Reyes',
  username: 'amihan.admin',
  password: 'lantern orchard velvet 4729 kayak',
};
const COORDINATOR = {
  displayName: 'Dalisay Fictional Ramos',
  username: 'dalisay.coord',
  temporaryPassword: 'harbor pepper quilt 3391 ember',
  password: 'maple thunder cobalt 8120 fjord',
};
const CASEWORKER = {
  displayName: 'Tala Fictional Cruz',
  username: 'tala.worker',
  temporaryPassword: 'copper meadow giraffe 5813 tide',
  password: 'silent harbor tamarind 2046 drum',
};
const THERAPIST = {
  displayName: 'Luningning Fictional Santos',
  username: 'luning.therapist',
  temporaryPassword: 'amber falcon pebble 7710 reef',
  password: 'orchid lantern basalt 5521 cove',
};

let run: E2eRun;
let page: Page;
let childId = '';
let caseCode = '';

const today = todayIn(TIME_ZONE);
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
/** The series starts on a Monday at least three days ahead: every date is in the future. */
const FIRST = iso(nextMonday(addDays(parseISO(today), 2)));
/** The child testifies on the third Monday: that session is the one to move. */
const TESTIMONY = iso(addDays(parseISO(FIRST), 14));
const MOVED_TO = iso(addDays(parseISO(FIRST), 17));
const YESTERDAY = iso(addDays(parseISO(today), -1));

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  page = run.page;
}, 120_000);

afterAll(async () => {
  await run?.close();
});

const { button, field, dialog, statusSays, signIn } = pageHelpers(() => page);

/** The signed-in user's id, as the backend knows it. */
async function sessionUserId(): Promise<string | undefined> {
  const status = expectOk(await harnessCall(run.harness, 'app.status', {}));
  return status.session?.userId;
}

/** "Mon 12/07/2026, 9:00 AM – 10:00 AM", as session rows and occurrences are named. */
function when(date: string, start: string, end: string): string {
  const day = format(parseISO(date), 'EEE');
  const clock = (time: string) => format(parseISO(`${date}T${time}`), 'h:mm a');
  return `${day} ${formatCalendarDate(date)}, ${clock(start)} – ${clock(end)}`;
}

describe('therapy scheduling', () => {
  it('sets up a shelter, a placed child with a court testimony, and the staff (through the harness)', async () => {
    await createVaultWithStaff(run.harness, ADMIN, TIME_ZONE, [
      { member: COORDINATOR, role: 'coordinator', shelterScope: [] },
    ]);
    await firstSignIn(run.harness, COORDINATOR);
    const placed = await placeChild(run.harness, {
      shelterName: 'Bahay Fictional Pag-asa',
      child: {
        legalName: 'Ligaya Fictional Bautista',
        birth: { kind: 'dob', dateOfBirth: '2013-08-02' },
        sex: 'female',
        languages: ['Waray'],
        referralSource: 'Fictional barangay referral',
        referralDate: '2026-10-01',
        intakeDate: '2026-10-02',
      },
      admittedOn: '2026-10-02',
      timeZone: TIME_ZONE,
    });
    childId = placed.childId;
    caseCode = placed.caseCode;
    expectOk(
      await harnessCall(run.harness, 'legal.save', {
        childId,
        kind: 'testimony',
        date: TESTIMONY,
        court: 'Fictional RTC Branch 7',
        caseNumber: 'CR-2026-0007',
      }),
    );
    expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
    expectOk(
      await harnessCall(run.harness, 'auth.signIn', {
        username: ADMIN.username,
        password: ADMIN.password,
      }),
    );
    await addStaff(run.harness, [
      { member: CASEWORKER, role: 'caseworker', shelterScope: [placed.shelterId] },
      { member: THERAPIST, role: 'therapist', shelterScope: [placed.shelterId] },
    ]);
    await firstSignIn(run.harness, CASEWORKER);
    await firstSignIn(run.harness, THERAPIST);
    expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  });

  it('lands the therapist on Therapy today, and creates a TF-CBT plan checked at the field', async () => {
    await page.goto(run.harness.url);
    await signIn(THERAPIST.username, THERAPIST.password, 'Therapy today');
    await onScreen(page, 'Therapy today', 'therapy today (empty)');
    await page.getByRole('link', { name: 'Caseload', exact: true }).click();
    await onScreen(page, 'Caseload', 'caseload (empty)');

    // The child is placed in the therapist's shelter: their therapy page opens from a referral link.
    await page.goto(`${run.harness.url}#/therapy/children/${childId}`);
    await onScreen(page, new RegExp(`^Therapy: ${caseCode}`), 'child therapy (no plan)');
    await button('New therapy plan').click();
    const plan = dialog('New therapy plan');
    await plan.waitFor();
    await field('Modality', plan).selectOption({ label: 'TF-CBT' });
    await field('Planned sessions', plan).fill('30');
    await field('Goals', plan).click();
    await plan.getByText('Plan 8 to 25 sessions.').waitFor();
    await expectNoAxeViolations(page, 'plan dialog with a field error');
    await field('Planned sessions', plan).fill('14');
    await field('Goals', plan).fill('Sleep through the night; name and manage big feelings.');
    await field("Therapist's gender", plan).selectOption({ label: 'Female' });
    await field('Language', plan).fill('Waray');
    await button('Save plan', plan).click();
    await statusSays('The therapy plan was saved.');
    await page.getByText('Not started (14 sessions planned)').waitFor();
    await expectNoAxeViolations(page, 'child therapy with a plan');
  });

  it('books a weekly 14-session series, moving the date beside the testimony', async () => {
    await button('Schedule a series').click();
    const series = dialog('Schedule a series');
    await series.waitFor();
    await field('First date', series).fill(FIRST);
    await field('Start time', series).fill('09:00');
    await expect(field('Number of sessions', series).inputValue()).resolves.toBe('14');
    await series.getByRole('checkbox', { name: 'Trauma narrative' }).check();
    await button('Check the dates', series).click();
    await series.getByText('0 refused, 1 with a warning.').waitFor();
    const testimonyDate = when(TESTIMONY, '09:00', '10:00');
    await series
      .getByText(/close to the child's court testimony/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'series dialog with the conflict check');

    await button(`Move ${testimonyDate}`, series).click();
    await field('New date', series).fill(MOVED_TO);
    await field('New start time', series).fill('09:00');
    await button('Move here', series).click();
    await series.getByText(/^Moved to Thu /).waitFor();
    await expect(series.getByLabel('Reason for going ahead').count()).resolves.toBe(0);
    await button('Book 14 sessions', series).click();
    await statusSays('14 sessions were booked.');
    await series.waitFor({ state: 'hidden' });

    const sessions = page.getByRole('region', { name: 'Sessions' });
    await sessions
      .getByRole('button', { name: `Change ${when(MOVED_TO, '09:00', '10:00')}` })
      .waitFor();
    await expect(
      sessions.getByRole('button', { name: `Change ${testimonyDate}` }).count(),
    ).resolves.toBe(0);
    const booked = expectOk(await harnessCall(run.harness, 'therapy.history', { childId }));
    expect(booked).toHaveLength(14);
  });

  it('refuses a double booking and names the clash', async () => {
    await button('Schedule one session').click();
    const one = dialog('Schedule one session');
    await one.waitFor();
    await field('Date', one).fill(FIRST);
    await field('Start time', one).fill('09:30');
    await button('Schedule', one).click();
    await one
      .getByRole('alert')
      .filter({ hasText: /^Refused: .* from 9:00 AM – 10:00 AM\.$/ })
      .waitFor();
    await expectNoAxeViolations(page, 'one-session dialog with a refusal');
    // The same dialog, nothing lost: yesterday afternoon is free.
    await field('Date', one).fill(YESTERDAY);
    await field('Start time', one).fill('14:00');
    await button('Schedule', one).click();
    await statusSays('The session was scheduled.');
    await one.waitFor({ state: 'hidden' });
    const history = expectOk(await harnessCall(run.harness, 'therapy.history', { childId }));
    expect(history).toHaveLength(15);
  });

  it('marks attendance and the progress line moves on', async () => {
    const sessions = page.getByRole('region', { name: 'Sessions' });
    await button(`Attendance for ${when(YESTERDAY, '14:00', '15:00')}`, sessions).click();
    const attendance = dialog('Attendance');
    await attendance.waitFor();
    await attendance.getByRole('radio', { name: 'Attended' }).check();
    await attendance.getByRole('checkbox', { name: 'Relaxation' }).check();
    await attendance.getByRole('checkbox', { name: 'Trauma narrative' }).uncheck();
    await expectNoAxeViolations(page, 'attendance dialog');
    await button('Save attendance', attendance).click();
    await statusSays('Attendance was saved.');
    await page.getByText('Phase 1 — stabilisation, session 1 of 14').waitFor();
    await sessions.getByRole('cell', { name: 'Attended' }).waitFor();

    // Changing and cancelling a session of the series: each dialog checked, then left unchanged.
    const first = when(FIRST, '09:00', '10:00');
    await button(`Change ${first}`, sessions).click();
    await dialog('Change or move the session').waitFor();
    await expectNoAxeViolations(page, 'change dialog');
    await page.keyboard.press('Escape');
    await button(`Cancel ${first}`, sessions).click();
    const cancel = dialog('Cancel the session');
    await cancel.waitFor();
    await cancel.getByRole('radio', { name: 'This and the following sessions' }).waitFor();
    await expectNoAxeViolations(page, 'cancel dialog');
    await button('Cancel', cancel).click();
    await cancel.waitFor({ state: 'hidden' });

    await page.getByRole('link', { name: 'Caseload', exact: true }).click();
    await onScreen(page, 'Caseload', 'caseload');
    await page.getByRole('cell', { name: /TF-CBT with .*: Phase 1 — stabilisation/ }).waitFor();
  });

  it('shows the week in the calendar, by keyboard, in day, week and agenda views', async () => {
    await page.goto(`${run.harness.url}#/therapy/calendar?date=${FIRST}`);
    await onScreen(page, 'Therapy calendar', 'calendar (week)');
    // Each session is a button named by its time, child and status.
    const event = page.locator('.schedule-calendar [role="button"]').first();
    await event.waitFor();
    expect(await event.getAttribute('aria-label')).toMatch(
      new RegExp(`^9:00 AM – 10:00 AM, ${caseCode} .+, Scheduled$`),
    );
    await event.focus();
    await page.keyboard.press('Enter');
    const details = dialog('Session');
    await details.waitFor();
    await expectNoAxeViolations(page, 'session details dialog');
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'hidden' });

    for (const view of ['Day', 'Agenda'] as const) {
      await button(view).click();
      await page.locator(`.schedule-calendar[data-view="${view.toLowerCase()}"]`).waitFor();
      await expectNoAxeViolations(page, `calendar (${view.toLowerCase()})`);
    }
    await button('Next week').click();
    await page.getByRole('heading', { level: 2, name: /^Week of / }).waitFor();
    // The printed week: the sheet is in the page, hidden on screen.
    await expect(page.locator('.schedule-sheet').count()).resolves.toBe(1);

    await page.getByRole('link', { name: 'Hours and leave', exact: true }).click();
    await onScreen(page, 'Hours and leave', 'hours and leave');
    await field('Monday from').fill('08:00');
    await button('Save hours').click();
    await page.getByText('Give both times, or neither for a day off.').waitFor();
    await field('Monday until').fill('17:00');
    await button('Save hours').click();
    await statusSays('The working hours were saved.');
    const hours = expectOk(
      await harnessCall(run.harness, 'therapy.availability', {
        therapistId: (await sessionUserId()) ?? '',
        from: today,
        to: today,
      }),
    );
    expect(hours.hours).toEqual([{ weekday: 1, start: '08:00', end: '17:00' }]);
    run.errors.assertNone();
  });

  it('shows the caseworker the plan and attendance on the case file', async () => {
    await button('Sign out').click();
    await signIn(CASEWORKER.username, CASEWORKER.password, 'Today');
    await page.goto(`${run.harness.url}#/cases/${childId}`);
    await page.getByRole('heading', { level: 1, name: caseCode }).waitFor();
    const therapy = page.getByRole('region', { name: 'Therapy', exact: true });
    await therapy.getByText('Phase 1 — stabilisation, session 1 of 14').waitFor();
    await therapy.getByRole('cell', { name: 'Attended' }).waitFor();
    await expect(therapy.getByRole('button', { name: /^Attendance for/ }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'case file with the therapy section');
    run.errors.assertNone();
  });

  it('lets the administrator change the soft rules', async () => {
    await button('Sign out').click();
    await signIn(ADMIN.username, ADMIN.password, 'Users');
    await page.getByRole('link', { name: 'Therapy rules', exact: true }).click();
    await onScreen(page, 'Therapy rules', 'therapy rules');
    await field('Most sessions a week').fill('2');
    await button('Save rules').click();
    await statusSays('The therapy rules were saved.');
    const rules = expectOk(await harnessCall(run.harness, 'therapy.rules', {}));
    expect(rules.tooManyPerWeek.max).toBe(2);
    run.errors.assertNone();
  });
});
