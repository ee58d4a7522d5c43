// The audit log end to end in Chromium: a coordinator opens a case file and changes it (the file
// reloads), then the administrator reads the log in plain words, with one view for that opening,
// and applies each filter: the screen answers every time (a filter once froze the app for good).
// Every main screen's buttons are checked for readable contrast on the way (see onScreen).
import { format, parseISO, subDays } from 'date-fns';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../shared/time';
import { onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall } from '../support/harness';
import { createVaultWithStaff, firstSignIn } from '../support/seed';

const TIME_ZONE = 'Asia/Manila';
const ADMIN = {
  displayName: 'Amihan Auditadmin Reyes',
  username: 'amihan.auditadmin',
  password: 'lantern orchard velvet 4729 kayak',
};
const COORDINATOR = {
  displayName: 'Dalisay Auditcoordinator Ramos',
  username: 'dalisay.auditcoord',
  temporaryPassword: 'harbor pepper quilt 3391 ember',
  password: 'maple thunder cobalt 8120 fjord',
};
const CHILD_NAME = 'Ligaya Fictional Auditchild';
const daysAgo = (days: number): string =>
  format(subDays(parseISO(todayIn(TIME_ZONE)), days), 'yyyy-MM-dd');

let run: E2eRun;
let page: Page;
let child = { id: '', caseCode: '' };

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  page = run.page;
  await createVaultWithStaff(run.harness, ADMIN, TIME_ZONE, [
    { member: COORDINATOR, role: 'coordinator', shelterScope: [] },
  ]);
  await firstSignIn(run.harness, COORDINATOR);
  child = expectOk(
    await harnessCall(run.harness, 'children.register', {
      legalName: CHILD_NAME,
      birth: { kind: 'dob', dateOfBirth: '2013-04-05' },
      sex: 'female',
      languages: ['Waray'],
      referralSource: 'Fictional barangay hall',
      referralDate: daysAgo(3),
      intakeDate: daysAgo(2),
    }),
  );
  expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
  await page.goto(run.harness.url);
});

afterAll(async () => {
  await run?.close();
});

function field(label: string, scope: Page | Locator = page): Locator {
  return scope.getByLabel(label, { exact: true });
}

async function signIn(username: string, password: string): Promise<void> {
  await field('Username').fill(username);
  await field('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The audit table's rows as their cell texts. */
async function auditRows(): Promise<string[][]> {
  const rows = page
    .getByRole('region', { name: 'Audit entries' })
    .locator('tbody tr:not([aria-hidden])');
  return rows.evaluateAll((elements) =>
    elements.map((row) => [...row.querySelectorAll('td')].map((cell) => String(cell.textContent))),
  );
}

/** Applies the filters and waits for the answer; fails if the screen stops responding. */
async function applyFilters(): Promise<string> {
  await page.getByRole('button', { name: 'Apply filters' }).click({ timeout: 5_000 });
  const footer = page.locator('.table-footer');
  await footer.filter({ hasText: /shown|No entries/ }).waitFor({ timeout: 5_000 });
  return footer.innerText({ timeout: 5_000 });
}

describe('audit log', () => {
  it('lets a coordinator open a case file and change it', async () => {
    await signIn(COORDINATOR.username, COORDINATOR.password);
    await onScreen(page, 'Today', 'today (coordinator)');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Children' })
      .click();
    await onScreen(page, 'Children', 'children (coordinator)');
    await page.getByRole('link', { name: child.caseCode }).click();
    await onScreen(page, new RegExp(child.caseCode), 'case file');
    const status = page.getByRole('form', { name: 'Case status' });
    await field('Change status to', status).selectOption({ label: 'Aftercare monitoring' });
    await status.getByRole('button', { name: 'Change status' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'The status is now Aftercare monitoring.' })
      .waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await onScreen(page, 'Sign in to Aruga', 'sign in');
  });

  it('reads in plain words, with one view for that opening', async () => {
    await signIn(ADMIN.username, ADMIN.password);
    await onScreen(page, 'Users', 'users');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await onScreen(page, 'Audit log', 'audit log');
    await page.locator('.table-footer').filter({ hasText: 'shown' }).waitFor();
    const rows = await auditRows();
    const text = rows.flat().join(' | ');
    expect(text).toContain('Opened a case file');
    expect(text).toContain('Changed a case status');
    expect(text).toContain(`Case ${child.caseCode}`);
    expect(text).not.toMatch(/\b(children|auth|session)\.[a-zA-Z]+\b/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    expect(await page.content()).not.toContain('Auditchild');
    // The whole name is on screen, not cut off with an ellipsis.
    const actor = page.getByRole('cell', { name: COORDINATOR.displayName, exact: true }).first();
    expect(await actor.evaluate((cell) => cell.scrollWidth <= cell.clientWidth)).toBe(true);

    const views = rows.filter((cells) => cells[3] === 'Opened a case file');
    expect(views.map((cells) => cells[4])).toEqual([`Case ${child.caseCode}`]);
  });

  it('answers each filter: User, Action, From', async () => {
    await field('User').selectOption({ label: COORDINATOR.displayName });
    expect(await applyFilters()).toMatch(/shown/);
    expect(new Set((await auditRows()).map((cells) => cells[2]))).toEqual(
      new Set([COORDINATOR.displayName]),
    );

    await field('User').selectOption({ label: 'All users' });
    await field('Action').selectOption({ label: 'Opened a case file' });
    expect(await applyFilters()).toBe('1 entry shown.');

    await field('Action').selectOption({ label: 'All actions' });
    await field('From date').fill(daysAgo(-1));
    expect(await applyFilters()).toBe('No entries match these filters.');
    await field('From date').fill(daysAgo(1));
    expect(await applyFilters()).toMatch(/shown/);
    run.errors.assertNone();
  });

  it('keeps every main screen readable', async () => {
    for (const [link, title] of [
      ['Users', 'Users'],
      ['Settings', 'Settings'],
      ['My account', 'My account'],
    ] as const) {
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: link, exact: true })
        .click();
      await onScreen(page, title, link);
    }
  });
});
