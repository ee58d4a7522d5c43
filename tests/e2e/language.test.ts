// Picking a language, end to end in Chromium on the real backend: a caseworker chooses Cebuano on
// My account by keyboard and the screens turn Cebuano at once (heading, navigation, a session's
// weekday); it is kept with her account through sign-out and sign-in, while another person on the
// same computer still reads English; and her report's language field starts at Cebuano and the
// saved PDF reads Cebuano. Every word looked for comes from the catalogues.
import { format, nextWednesday, parseISO } from 'date-fns';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputRequest, OutputResult } from '../../shared/bridge';
import { formatInstant } from '../../shared/format';
import { todayIn, zonedInstant } from '../../shared/time';
import { expectNoAxeViolations } from '../support/axe';
import { wordsIn } from '../support/catalogue-words';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall } from '../support/harness';
import { pdfText, reportOutputs } from '../support/report-pdf';
import { shownLanguage, signInAsShown, tourWords } from '../support/screen-tour';
import { addStaff, createVaultWithStaff, firstSignIn, placeChild } from '../support/seed';

const TIME_ZONE = 'Asia/Manila';
const today = todayIn(TIME_ZONE);
/** Admitted two days ago: an admission at 10:00 today is still in the future before 10:00. */
const admitted = todayIn(TIME_ZONE, new Date(Date.now() - 2 * 86_400_000));
const ceb = wordsIn('ceb');
const en = wordsIn('en');

// Fictional people and places.
const ADMIN = {
  displayName: 'Amihan Wika Reyes',
  username: 'amihan.wika',
  password: 'lantern orchard velvet 4729 kayak',
};
const COORDINATOR = {
  displayName: 'Dalisay Wika Ramos',
  username: 'dalisay.wika',
  temporaryPassword: 'harbor pepper quilt 3391 ember',
  password: 'maple thunder cobalt 8120 fjord',
};
const CASEWORKER = {
  displayName: 'Tala Wika Cruz',
  username: 'tala.wika',
  temporaryPassword: 'copper meadow giraffe 5813 tide',
  password: 'silent harbor tamarind 2046 drum',
};
const THERAPIST = {
  displayName: 'Liwayway Wika Santos',
  username: 'liwayway.wika',
  temporaryPassword: 'orchid basalt pillow 7702 comet',
  password: 'quartz lagoon saffron 6614 brook',
};
const SHELTER = 'Bahay Wika Pag-asa';
/** A session next Wednesday at 10:00: the case file lists it with its weekday. */
const SESSION_AT = zonedInstant(
  format(nextWednesday(parseISO(today)), 'yyyy-MM-dd'),
  '10:00',
  TIME_ZONE,
);

let run: E2eRun;
let page: Page;
let outputs: ReturnType<typeof reportOutputs> | null = null;
let caseCode = '';

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

const signIn = (person: { username: string; password: string }) =>
  signInAsShown(page, person.username, person.password);

async function signOut(): Promise<void> {
  const words = tourWords(await shownLanguage(page));
  await page.getByRole('button', { name: words.signOut, exact: true }).click();
}

function heading(name: string) {
  return page.getByRole('main').getByRole('heading', { level: 1, name, exact: true });
}

// Each step signs in at least once (a real key derivation): minutes on a loaded machine.
describe('picking a language', { timeout: 900_000 }, () => {
  it('seeds a vault, staff, a placed child with a therapy session (through the harness)', async () => {
    await createVaultWithStaff(run.harness, ADMIN, TIME_ZONE, [
      { member: COORDINATOR, role: 'coordinator', shelterScope: [] },
      { member: THERAPIST, role: 'therapist', shelterScope: [] },
    ]);
    await firstSignIn(run.harness, COORDINATOR);
    const placed = await placeChild(run.harness, {
      shelterName: SHELTER,
      child: {
        legalName: 'Isko Fictional Wika',
        alias: 'W.K.A.',
        birth: { kind: 'dob', dateOfBirth: '2012-03-14' },
        sex: 'male',
        languages: [],
        referralSource: 'Fictional referral desk',
        referralDate: admitted,
        intakeDate: admitted,
      },
      admittedOn: admitted,
      timeZone: TIME_ZONE,
    });
    caseCode = placed.caseCode;
    const [therapist] = expectOk(await harnessCall(run.harness, 'therapy.therapists', {}));
    const plan = expectOk(
      await harnessCall(run.harness, 'therapy.savePlan', {
        childId: placed.childId,
        therapistId: therapist!.id,
        modality: 'play_therapy',
        goals: 'Fictional goals',
        frequency: 'weekly',
        plannedSessions: 8,
        startedOn: today,
      }),
    );
    expectOk(
      await harnessCall(run.harness, 'therapy.schedule', {
        therapistId: therapist!.id,
        planId: plan.id,
        kind: 'individual',
        childIds: [placed.childId],
        durationMinutes: 60,
        startAt: SESSION_AT,
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
      { member: CASEWORKER, role: 'caseworker', shelterScope: [SHELTER] },
    ]);
    await firstSignIn(run.harness, CASEWORKER);
    expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
    await page.goto(run.harness.url);
    // Five sign-ins with a real key derivation: many minutes on a loaded machine.
  }, 1_500_000);

  it('picks Cebuano on My account by keyboard, and the screens turn Cebuano at once', async () => {
    await signIn(CASEWORKER);
    await heading(en('children.today.title')).waitFor();
    const nav = page.getByRole('navigation', { name: en('frame.mainNav'), exact: true });
    await nav.getByRole('link', { name: en('frame.nav.account'), exact: true }).focus();
    await page.keyboard.press('Enter');
    await heading(en('account.title')).waitFor();
    // From the heading (focus moves there), Tab to the picker; type-ahead's "C" chooses Cebuano.
    const picker = page.getByRole('combobox', { name: en('account.language'), exact: true });
    for (let tabs = 0; tabs < 30; tabs++) {
      if (await picker.evaluate((element) => element === element.ownerDocument.activeElement))
        break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('C');

    await page.locator('html[lang="ceb"]').waitFor({ state: 'attached', timeout: 120_000 });
    await heading(ceb('account.title')).waitFor();
    const cebNav = page.getByRole('navigation', { name: ceb('frame.mainNav'), exact: true });
    await cebNav.getByRole('link', { name: ceb('children.nav.children'), exact: true }).waitFor();
    expect(await page.getByRole('combobox', { name: ceb('account.language') }).inputValue()).toBe(
      'ceb',
    );
    await expectNoAxeViolations(page, 'My account in Cebuano');

    // The case file lists the coming session with its weekday in Cebuano.
    await cebNav.getByRole('link', { name: ceb('children.nav.children'), exact: true }).click();
    await page
      .getByRole('table', { name: ceb('children.list.caption'), exact: true })
      .getByRole('link', { name: caseCode, exact: true })
      .click();
    await heading(caseCode).waitFor();
    const inCebuano = formatInstant(SESSION_AT, TIME_ZONE, 'weekdayDate', 'ceb');
    const inEnglish = formatInstant(SESSION_AT, TIME_ZONE, 'weekdayDate', 'en');
    expect(inCebuano).not.toBe(inEnglish);
    await page.getByRole('main').getByText(inCebuano).first().waitFor();
    expect(await page.getByRole('main').innerText()).not.toContain(inEnglish);
    run.errors.assertNone();
  });

  it('keeps Cebuano after sign-out and sign-in; another person still reads English', async () => {
    await signOut();
    // The sign-in screen opens in the last person's language.
    await page.getByRole('heading', { level: 1, name: ceb('signIn.title'), exact: true }).waitFor();
    await signIn(CASEWORKER);
    await heading(ceb('children.today.title')).waitFor();
    expect(await shownLanguage(page)).toBe('ceb');

    await signOut();
    await signIn(COORDINATOR);
    await heading(en('children.today.title')).waitFor();
    expect(await shownLanguage(page)).toBe('en');
    await page.getByRole('navigation', { name: en('frame.mainNav'), exact: true }).waitFor();
    await signOut();
  });

  it('offers the report in her language and saves a PDF that reads Cebuano', async () => {
    await signIn(CASEWORKER);
    await heading(ceb('children.today.title')).waitFor();
    const nav = page.getByRole('navigation', { name: ceb('frame.mainNav'), exact: true });
    await nav.getByRole('link', { name: ceb('reports.nav'), exact: true }).click();
    await heading(ceb('reports.title')).waitFor();
    const language = page.getByLabel(ceb('reports.form.language'), { exact: true });
    expect(await language.inputValue()).toBe('ceb');
    expect(await language.locator('option').evaluateAll((o) => o.map((x) => x.value))).toEqual([
      'en',
      'fil',
      'ceb',
    ]);
    await page.getByRole('button', { name: ceb('reports.form.show'), exact: true }).click();
    await page
      .getByRole('heading', { name: new RegExp(`^${ceb('reports.preview.heading')}`) })
      .waitFor();
    await page.getByRole('button', { name: ceb('reports.actions.savePdf'), exact: true }).click();
    await expect
      .poll(() => outputs!.saved.some((s) => s.mode === 'pdf'), { timeout: 60_000 })
      .toBe(true);
    const saved = outputs!.saved.find((s) => s.mode === 'pdf')!;
    const text = pdfText(saved.file).replace(/\s+/g, ' ');
    expect(text).toContain(ceb('reports.placement.title'));
    expect(text).toContain(ceb('reports.print.confidential'));
    expect(text).not.toContain(en('reports.placement.title'));
    expect(text).not.toContain(en('reports.print.confidential'));
    run.errors.assertNone();
  });
});
