// Who reads a child's health, end to end in Chromium on the real backend: the administrator
// allows therapists by keyboard on the health-readers setting; the therapist with the child on her
// caseload reads the health section beside the child's therapy; the administrator withdraws it and
// the section is gone (the backend sends no rows and refuses a write); the child's assigned
// caseworker, a role not ticked, still reads it in the case file. axe on every screen.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { nextAnswer } from '../support/bridge-calls';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall, signOutFully } from '../support/harness';
import { pageHelpers } from '../support/page-helpers';
import { firstSignIn } from '../support/seed';

const ADMIN = {
  displayName: 'Fictional Admin Healthreyes',
  username: 'admin.healthreyes',
  password: 'lantern orchard velvet 4729 kayak',
};
const COORDINATOR = {
  displayName: 'Fictional Coordinator Healthlim',
  username: 'coord.healthlim',
  temporaryPassword: 'harbor pepper quilt 3391 ember',
  password: 'maple thunder cobalt 8120 fjord',
};
const CASEWORKER = {
  displayName: 'Fictional Caseworker Healthtan',
  username: 'cw.healthtan',
  temporaryPassword: 'willow canyon amber 5512 otter',
  password: 'copper lagoon zephyr 7741 maple',
};
const THERAPIST = {
  displayName: 'Fictional Therapist Healthgo',
  username: 'th.healthgo',
  temporaryPassword: 'meadow falcon ruby 2208 cedar',
  password: 'granite willow saffron 6634 heron',
};
const CHECKED_BY = 'Fictional Dr. Healthsantos';

let run: E2eRun;
let page: Page;
let childId = '';
let caseCode = '';
const { button, statusSays, signIn } = pageHelpers(() => page);

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  page = run.page;
  const h = run.harness;
  expectOk(
    await harnessCall(h, 'vault.create', {
      adminDisplayName: ADMIN.displayName,
      adminUsername: ADMIN.username,
      adminPassword: ADMIN.password,
      timeZone: 'Asia/Manila',
    }),
  );
  const staff = [
    { member: COORDINATOR, role: 'coordinator' as const },
    { member: CASEWORKER, role: 'caseworker' as const },
    { member: THERAPIST, role: 'therapist' as const },
  ];
  const ids: Record<string, string> = {};
  for (const { member, role } of staff) {
    ids[role] = expectOk(
      await harnessCall(h, 'users.create', {
        displayName: member.displayName,
        username: member.username,
        role,
        shelterScope: [],
        temporaryPassword: member.temporaryPassword,
      }),
    ).id;
  }
  for (const { member } of staff) await firstSignIn(h, member);
  expectOk(await harnessCall(h, 'session.lock', { reason: 'signOut' }));
  expectOk(
    await harnessCall(h, 'auth.signIn', {
      username: COORDINATOR.username,
      password: COORDINATOR.password,
    }),
  );
  // The caseworker is assigned; the child is on the therapist's caseload by her plan.
  const child = expectOk(
    await harnessCall(h, 'children.register', {
      legalName: 'Ligaya Fictional Healthbautista',
      alias: 'L.H.B.',
      birth: { kind: 'dob', dateOfBirth: '2014-08-02' },
      sex: 'female',
      languages: ['Cebuano'],
      referralSource: 'Fictional barangay hall',
      referralDate: '2026-09-01',
      intakeDate: '2026-09-02',
      assignedCaseworkerId: ids.caseworker!,
    }),
  );
  childId = child.id;
  caseCode = child.caseCode;
  expectOk(
    await harnessCall(h, 'therapy.savePlan', {
      childId,
      therapistId: ids.therapist!,
      modality: 'tf_cbt',
      goals: 'Fictional goal: sleep through the night',
      frequency: 'weekly',
      plannedSessions: 12,
      startedOn: '2026-09-10',
    }),
  );
  // The coordinator reads and writes health by default.
  expectOk(
    await harnessCall(h, 'health.save', {
      childId,
      kind: 'checkup',
      date: '2026-09-05',
      checkedBy: CHECKED_BY,
    }),
  );
  expectOk(await harnessCall(h, 'session.lock', { reason: 'signOut' }));
  // Four accounts' key derivations and two sign-ins each, on two cores shared with other runs.
}, 1_200_000);

afterAll(async () => {
  await run?.close();
});

const healthSection = () => page.getByRole('region', { name: 'Health', exact: true });

/** As the administrator, by keyboard only: open the setting, set the therapist box, save. */
async function setTherapistsMayRead(allowed: boolean): Promise<void> {
  await signIn(ADMIN.username, ADMIN.password, 'Users');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Health records access', exact: true })
    .focus();
  await page.keyboard.press('Enter');
  await onScreen(page, 'Health records access', 'health records access');
  const therapist = page.getByRole('checkbox', { name: 'Therapist', exact: true });
  expect(await therapist.isChecked()).toBe(!allowed);
  await therapist.focus();
  await page.keyboard.press('Space');
  expect(await therapist.isChecked()).toBe(allowed);
  // The save button is the next stop after the last box.
  await page.keyboard.press('Tab');
  expect(
    await button('Save').evaluate((element) => element === element.ownerDocument.activeElement),
  ).toBe(true);
  await page.keyboard.press('Enter');
  await statusSays('Access to health records was saved.');
  await expectNoAxeViolations(page, 'health records access, saved');
  expect(expectOk(await harnessCall(run.harness, 'health.readers', {})).roles).toEqual(
    allowed ? ['coordinator', 'therapist'] : ['coordinator'],
  );
  await signOutFully(page);
}

/** As the therapist: the child's therapy page, from her caseload, once its health call answered. */
async function openChildTherapy(): Promise<void> {
  await signIn(THERAPIST.username, THERAPIST.password, 'Therapy today');
  await page.getByRole('link', { name: 'Caseload', exact: true }).click();
  await onScreen(page, 'Caseload', 'caseload');
  const { answer: healthAnswered } = await nextAnswer(page, 'health.records');
  await page.getByRole('link', { name: new RegExp(`^${caseCode}`) }).click();
  await page
    .getByRole('heading', { level: 1, name: new RegExp(`^Therapy: ${caseCode}`) })
    .waitFor();
  await healthAnswered;
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))',
  );
}

describe('health readers', () => {
  it('lets a therapist read health while the administrator allows it, and not after', async () => {
    await page.goto(run.harness.url);
    // A loaded machine can take a while to open the app.
    await page.getByLabel('Username', { exact: true }).waitFor({ timeout: 120_000 });
    await setTherapistsMayRead(true);

    await openChildTherapy();
    await healthSection().getByText(CHECKED_BY).waitFor();
    await expectNoAxeViolations(page, 'child therapy with health');
    await signOutFully(page);

    await setTherapistsMayRead(false);

    await openChildTherapy();
    // The health call has answered and brought nothing to show.
    expect(await healthSection().count()).toBe(0);
    expect(await page.getByText(CHECKED_BY).count()).toBe(0);
    expect(await harnessCall(run.harness, 'health.records', { childId })).toEqual({
      ok: true,
      value: null,
    });
    expect(
      await harnessCall(run.harness, 'health.save', {
        childId,
        kind: 'checkup',
        date: '2026-09-06',
        checkedBy: 'Fictional Dr. Refused',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await expectNoAxeViolations(page, 'child therapy without health');
    await signOutFully(page);

    // The assigned caseworker reads it though her role is not ticked.
    await signIn(CASEWORKER.username, CASEWORKER.password, 'Today');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Children', exact: true })
      .click();
    await onScreen(page, 'Children', 'children list');
    await page.getByRole('link', { name: caseCode, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: caseCode }).waitFor();
    await healthSection().getByText(CHECKED_BY).waitFor();
    await expectNoAxeViolations(page, 'case file with health, assigned caseworker');
    run.errors.assertNone();
    // Five sign-ins through the screen, each with its key derivation.
  }, 600_000);
});
