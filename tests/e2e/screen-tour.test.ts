// Every screen of every role, in Chromium on the real backend, in English and again in Filipino
// and Cebuano (chosen in My account): axe with the WCAG 2.2 AA rules,
// focus on the heading after each navigation, one look (links, buttons, cards; see
// tests/support/look.ts), nothing cut off at 1280×720 or at 200% zoom, and
// the case file's add dialogs opened and closed by keyboard, and no window title naming the child
// (see tests/support/screen-tour.ts).
import { format, parseISO, subDays } from 'date-fns';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles';
import { todayIn } from '../../shared/time';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall } from '../support/harness';
import {
  shownLanguage,
  signInAsShown,
  tourEveryScreen,
  tourWords,
  type TourLanguage,
} from '../support/screen-tour';
import { addStaff, createVaultWithStaff, firstSignIn, placeChild } from '../support/seed';

const TIME_ZONE = 'Asia/Manila';
const today = todayIn(TIME_ZONE);
const daysAgo = (days: number): string => format(subDays(parseISO(today), days), 'yyyy-MM-dd');

// Fictional people and places.
const ADMIN = {
  displayName: 'Amihan Tour Reyes',
  username: 'amihan.tour',
  password: 'lantern orchard velvet 4729 kayak',
};
const STAFF = {
  coordinator: {
    displayName: 'Dalisay Tour Ramos',
    username: 'dalisay.tour',
    temporaryPassword: 'harbor pepper quilt 3391 ember',
    password: 'maple thunder cobalt 8120 fjord',
  },
  caseworker: {
    displayName: 'Tala Tour Cruz',
    username: 'tala.tour',
    temporaryPassword: 'copper meadow giraffe 5813 tide',
    password: 'silent harbor tamarind 2046 drum',
  },
  therapist: {
    displayName: 'Liwayway Tour Santos',
    username: 'liwayway.tour',
    temporaryPassword: 'orchid basalt pillow 7702 comet',
    password: 'quartz lagoon saffron 6614 brook',
  },
};
const SHELTER = 'Bahay Tour Pag-asa';
const CHILD = { legalName: 'Isko Fictional Tour', alias: 'T.O.U.' };
/** What the window title must never show, on any screen: the child's names and case code. */
const hiddenFromTitle: string[] = [CHILD.legalName, 'Isko', CHILD.alias];

let run: E2eRun;
let page: Page;

/** Signs in on the sign-in screen, whatever language it shows (the last person's). */
const signIn = (person: { username: string; password: string }) =>
  signInAsShown(page, person.username, person.password);

async function signOut(): Promise<void> {
  const words = tourWords(await shownLanguage(page));
  await page.getByRole('button', { name: words.signOut, exact: true }).click();
}

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  page = run.page;
});

afterAll(async () => {
  await run?.close();
});

describe('every screen: every role in English, Filipino and Cebuano', () => {
  it('seeds a vault, its staff and a placed child (through the harness)', async () => {
    await createVaultWithStaff(run.harness, ADMIN, TIME_ZONE, [
      { member: STAFF.coordinator, role: 'coordinator', shelterScope: [] },
    ]);
    await firstSignIn(run.harness, STAFF.coordinator);
    const placed = await placeChild(run.harness, {
      shelterName: SHELTER,
      child: {
        legalName: CHILD.legalName,
        alias: CHILD.alias,
        birth: { kind: 'dob', dateOfBirth: '2012-03-14' },
        sex: 'male',
        languages: [],
        referralSource: 'Fictional referral desk',
        referralDate: daysAgo(6),
        intakeDate: daysAgo(5),
      },
      admittedOn: daysAgo(4),
      timeZone: TIME_ZONE,
    });
    hiddenFromTitle.push(placed.caseCode);
    expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
    expectOk(
      await harnessCall(run.harness, 'auth.signIn', {
        username: ADMIN.username,
        password: ADMIN.password,
      }),
    );
    await addStaff(run.harness, [
      { member: STAFF.caseworker, role: 'caseworker', shelterScope: [SHELTER] },
      { member: STAFF.therapist, role: 'therapist', shelterScope: [SHELTER] },
    ]);
    await firstSignIn(run.harness, STAFF.caseworker);
    await firstSignIn(run.harness, STAFF.therapist);
    expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
    await page.goto(run.harness.url);
    // Six sign-ins with a real key derivation: minutes on a loaded machine.
  }, 1_500_000);

  const people: Array<[Role, { username: string; password: string }]> = [
    ['admin', ADMIN],
    ['coordinator', STAFF.coordinator],
    ['caseworker', STAFF.caseworker],
    ['therapist', STAFF.therapist],
  ];

  it.each(people)(
    'tours every screen as the %s',
    async (role, person) => {
      await signIn(person);
      const seen = await tourEveryScreen(page, 'en', hiddenFromTitle);
      // Every role has several screens and the account screen; the case team the case file.
      expect(seen.length).toBeGreaterThan(3);
      expect(seen).toContain('My account');
      if (role === 'coordinator' || role === 'caseworker') {
        expect(seen.some((stop) => /: Add /.test(stop))).toBe(true);
      }
      await signOut();
      run.errors.assertNone();
    },
    600_000,
  );

  // Every role again in Filipino and in Cebuano, each choosing the language as a person does.
  const translated: Array<[TourLanguage, Role, { username: string; password: string }]> = (
    ['fil', 'ceb'] as const
  ).flatMap((language) =>
    people.map(([role, person]): [TourLanguage, Role, typeof person] => [language, role, person]),
  );

  it.each(translated)(
    'tours every screen in %s as the %s, no English left where there is a translation',
    async (language, role, person) => {
      await signIn(person);
      // The language is chosen as a person chooses it: My account, the language picker.
      const before = tourWords(await shownLanguage(page));
      const nav = page.getByRole('navigation', { name: before.mainNav, exact: true });
      await nav.getByRole('link', { name: before.accountNav, exact: true }).click();
      const picker = page.getByRole('combobox', { name: before.language, exact: true });
      await picker.selectOption(language);
      const words = tourWords(language);
      await page
        .locator(`html[lang="${language}"]`)
        .waitFor({ state: 'attached', timeout: 120_000 });
      await page.getByRole('navigation', { name: words.mainNav, exact: true }).waitFor();

      const seen = await tourEveryScreen(page, language, hiddenFromTitle);
      expect(seen.length).toBeGreaterThan(3);
      expect(seen).toContain(words.accountNav);
      if (role === 'coordinator' || role === 'caseworker') {
        expect(seen.some((stop) => words.adders.test(stop.split(': ')[1] ?? ''))).toBe(true);
      }
      await signOut();
      run.errors.assertNone();
    },
    600_000,
  );
});
