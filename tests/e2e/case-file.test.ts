// The case file of two siblings, end to end in Chromium on the real backend. A caseworker moves
// the brother into his sister's household and flags their father, recorded once there, as an
// alleged offender: both safety lines and visitor lists say he may not visit, and the gate list
// says so without a reason. A missing-from-care incident shows the sister's bed as away until her
// return is recorded; a document due in three days reaches Today by case code and alias. The
// coordinator then exports everything held about the sister (an access request, read back from the
// PDF) and reads her access log. axe on every screen and dialog; each dialog new to the
// end-to-end suite is driven by keyboard only.
import { addDays, format, parseISO } from 'date-fns';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureInput } from '../../shared/contract';
import { formatCalendarDate } from '../../shared/format';
import { todayIn, zonedInstant } from '../../shared/time';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall, signOutFully } from '../support/harness';
import { pageHelpers } from '../support/page-helpers';
import { pdfInfo, pdfText, reportOutputs } from '../support/report-pdf';
import { addStaff, createVaultWithStaff, firstSignIn } from '../support/seed';

const TIME_ZONE = 'Asia/Manila';

// Every name here is fictional.
const ADMIN = {
  displayName: 'Dalisay Fictional Ramos',
  username: 'dalisay.admin',
  password: 'harbor tulip comet 4471 basil',
};
const COORDINATOR = {
  displayName: 'Ligaya Fictional Navarro',
  username: 'ligaya.coord',
  temporaryPassword: 'pebble orchid rocket 3318 fig',
  password: 'summit lotus carbon 8826 reef',
};
const CASEWORKER = {
  displayName: 'Tala Fictional Mercado',
  username: 'tala.worker',
  temporaryPassword: 'meadow cobalt walrus 5503 kiwi',
  password: 'ember prism falcon 6642 dune',
};
const SHELTER = 'Bahay Fictional Silungan';
const FATHER = 'Ernesto Fictional Villanueva';

const today = todayIn(TIME_ZONE);
const daysFrom = (n: number) => format(addDays(parseISO(today), n), 'yyyy-MM-dd');
const INTAKE = daysFrom(-40);
const DOCUMENT_DUE = daysFrom(3);

const registration = (legalName: string, dateOfBirth: string, sex: 'female' | 'male') =>
  ({
    legalName,
    birth: { kind: 'dob', dateOfBirth },
    sex,
    languages: ['Cebuano'],
    referralSource: 'Fictional DSWD referral',
    referralDate: INTAKE,
    intakeDate: INTAKE,
  }) satisfies ProcedureInput<'children.register'>;
const SISTER = registration('Amihan Fictional Villanueva', '2012-05-09', 'female');
const BROTHER = registration('Bagwis Fictional Villanueva', '2014-11-21', 'male');

interface Child {
  id: string;
  caseCode: string;
  alias: string;
  bed: string;
}
const sister: Child = { id: '', caseCode: '', alias: '', bed: 'Bed 1' };
const brother: Child = { id: '', caseCode: '', alias: '', bed: 'Bed 2' };

let run: E2eRun;
let page: Page;
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
}, 180_000);

afterAll(async () => {
  await run?.close();
});

const { button, field, dialog, statusSays, signIn } = pageHelpers(() => page);

const mainNav = () => page.getByRole('navigation', { name: 'Main' });

/** A case-file section: a region named by its h2. */
const section = (name: string) => page.getByRole('region', { name, exact: true });

/** Waits for a screen by its h1 as long as the page allows (a loaded machine), then checks it. */
async function screenShown(title: string, axeLabel: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await onScreen(page, title, axeLabel);
}

async function goTo(link: string, title: string, axeLabel: string): Promise<void> {
  await mainNav().getByRole('link', { name: link, exact: true }).click();
  await screenShown(title, axeLabel);
}

async function openCaseFile(child: Child, axeLabel: string): Promise<void> {
  await page.goto(`${run.harness.url}#/cases/${child.id}`);
  await screenShown(child.caseCode, axeLabel);
}

/** Opens a section folded behind its content note, by its heading's button from the keyboard. */
async function unfold(name: string): Promise<void> {
  const heading = section(name).getByRole('button', { name, exact: true });
  await heading.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => heading.getAttribute('aria-expanded')).toBe('true');
}

/** Presses Tab until `target` has the focus: the way a keyboard user reaches a control. */
async function tabTo(target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('The control was not reached with Tab.');
}

/** Opens a dialog from the keyboard: the opener takes the focus and Enter opens it. */
async function openByKeyboard(opener: Locator, title: string): Promise<Locator> {
  await opener.focus();
  await page.keyboard.press('Enter');
  const opened = dialog(title);
  await opened.waitFor();
  return opened;
}

/** Reaches the dialog's submit button with Tab and presses Enter; the dialog closes. */
async function submitByKeyboard(opened: Locator, label: string): Promise<void> {
  await tabTo(button(label, opened));
  await page.keyboard.press('Enter');
  await opened.waitFor({ state: 'hidden' });
}

/** The safety line in the case-file header, and the father's row in the visitor list. */
async function expectFatherMayNotVisit(child: Child): Promise<void> {
  await openCaseFile(child, `case file of ${child.caseCode} with the flag`);
  const line = page.getByLabel('Safety', { exact: true });
  await expect.poll(() => line.innerText()).toBe('No contact: 1 person · Visits need approval');
  const visitors = section('Visitors');
  const row = visitors.getByRole('row').filter({ hasText: 'Not allowed' });
  await row.waitFor();
  expect(await visitors.locator('tbody tr').count()).toBe(1);
  expect(await row.innerText()).toContain('Alleged offender');
  // The privacy screen hides the visitor's name, as it hides the family's.
  expect(await page.content()).not.toContain(FATHER);
}

/** The sister's bed on today's bed board. */
async function sistersBed(): Promise<Locator> {
  await goTo('Bed board', 'Bed board', 'bed board');
  const board = page.getByRole('region', { name: `${SHELTER} on ${formatCalendarDate(today)}` });
  const bed = board
    .getByRole('list', { name: 'Beds in No room' })
    .getByRole('listitem')
    .filter({ hasText: sister.bed });
  await bed.getByRole('link', { name: `${sister.caseCode} (${sister.alias})` }).waitFor();
  return bed;
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

describe('the case file of two siblings', { timeout: 900_000 }, () => {
  describe('set-up (through the harness)', () => {
    it('places a sister and a brother in one shelter, linked as siblings, the father recorded under the sister', async () => {
      await createVaultWithStaff(run.harness, ADMIN, TIME_ZONE, [
        { member: COORDINATOR, role: 'coordinator', shelterScope: [] },
      ]);
      await firstSignIn(run.harness, COORDINATOR);
      const shelter = expectOk(
        await harnessCall(run.harness, 'shelters.save', {
          name: SHELTER,
          type: 'ngo_shelter',
          sexRule: 'any',
          minAge: 0,
          maxAge: 18,
          capacity: 4,
        }),
      );
      expectOk(
        await harnessCall(run.harness, 'beds.save', { shelterId: shelter.id, label: sister.bed }),
      );
      const { beds } = expectOk(
        await harnessCall(run.harness, 'beds.save', { shelterId: shelter.id, label: brother.bed }),
      );
      for (const [child, input] of [
        [sister, SISTER],
        [brother, BROTHER],
      ] as const) {
        const registered = expectOk(await harnessCall(run.harness, 'children.register', input));
        // The alias is generated at registration; the case file carries it.
        const { child: record } = expectOk(
          await harnessCall(run.harness, 'children.get', { id: registered.id }),
        );
        Object.assign(child, { id: record.id, caseCode: record.caseCode, alias: record.alias });
        expectOk(
          await harnessCall(run.harness, 'placements.admit', {
            childId: child.id,
            bedId: beds.find((b) => b.label === child.bed)!.id,
            startAt: zonedInstant(INTAKE, '10:00', TIME_ZONE),
            reason: 'Referral',
          }),
        );
      }
      expectOk(
        await harnessCall(run.harness, 'siblings.link', {
          childId: brother.id,
          siblingId: sister.id,
        }),
      );
      expectOk(
        await harnessCall(run.harness, 'family.save', {
          childId: sister.id,
          name: FATHER,
          relationship: 'Father',
          livesInHousehold: true,
          householdAccess: true,
          allegedOffender: false,
          noContactOrder: false,
          supervisedOnly: false,
        }),
      );

      await signInThroughHarness(ADMIN);
      await addStaff(run.harness, [
        { member: CASEWORKER, role: 'caseworker', shelterScope: [shelter.id] },
      ]);
      await firstSignIn(run.harness, CASEWORKER);
      expectOk(await harnessCall(run.harness, 'session.lock', { reason: 'signOut' }));
    });
  });

  describe('one household, and a flag that acts for both siblings', () => {
    it("moves the brother into his sister's household, from the keyboard", async () => {
      await page.goto(run.harness.url);
      await signIn(CASEWORKER.username, CASEWORKER.password, 'Today');
      await openCaseFile(brother, "brother's case file");
      const household = section('Household');
      const move = await openByKeyboard(
        button("Move into a sibling's household", household),
        "Move into a sibling's household",
      );
      await tabTo(field('Sibling', move));
      await field('Sibling', move).selectOption({ label: sister.caseCode });
      await expectNoAxeViolations(page, 'household move dialog');
      await submitByKeyboard(move, 'Move');
      await statusSays("The child now shares the sibling's household.");

      // The father, recorded once under the sister, is now a member for both.
      await household.getByText(`${sister.caseCode}`, { exact: true }).waitFor();
      const members = household.getByRole('table', {
        name: 'Members and their relationship to each child',
      });
      await members
        .getByText(`not set for ${brother.caseCode}; Father of ${sister.caseCode}`)
        .waitFor();
      expect(await members.locator('tbody tr').count()).toBe(1);
      await expectNoAxeViolations(page, "brother's case file, in the shared household");
    });

    it('flags the father as alleged offender once, from the keyboard', async () => {
      await openCaseFile(sister, "sister's case file");
      const family = section('Family and significant persons');
      const edit = await openByKeyboard(button('Edit Father', family), 'Edit family member');
      const flag = edit.getByRole('checkbox', { name: 'Alleged offender', exact: true });
      await tabTo(flag);
      await page.keyboard.press('Space');
      await expect(flag.isChecked()).resolves.toBe(true);
      await expectNoAxeViolations(page, 'family member dialog, flag set');
      await submitByKeyboard(edit, 'Save person');
      await statusSays('The changes were saved.');
    });

    it("shows he may not visit in both siblings' safety lines and visitor lists", async () => {
      await expectFatherMayNotVisit(sister);
      await expectFatherMayNotVisit(brother);
    });
  });

  describe('the gate list', () => {
    it('says he may not visit either child, and never why', async () => {
      await goTo('Gate list', 'Gate list', 'gate list');
      await field("Visitor's name or case code").fill('Ernesto');
      const results = page.getByRole('table', { name: 'Matching visitors' });
      const row = results.getByRole('row').filter({ hasText: FATHER });
      await row.waitFor();
      for (const child of [sister, brother])
        await row
          .getByRole('listitem')
          .filter({ hasText: child.caseCode })
          .getByText('Not allowed', { exact: true })
          .waitFor();
      const screen = await page.getByRole('main').innerText();
      expect(screen).not.toMatch(/alleged|offender|no-contact|order|flag|reason/i);
      await expectNoAxeViolations(page, 'gate list with the father');
    });
  });

  describe('daily records', () => {
    it('shows the sister away, missing, on the bed board after a missing-from-care incident', async () => {
      await openCaseFile(sister, "sister's case file");
      // What happened to a child starts folded behind a content note.
      await unfold('Incidents');
      const record = await openByKeyboard(
        button('Record an incident', section('Incidents')),
        'Record an incident',
      );
      await tabTo(field('Kind', record));
      await field('Kind', record).selectOption({ label: 'Missing from care' });
      await tabTo(field('What happened', record));
      await page.keyboard.type('She did not come back from school by the evening head count.');
      for (const party of ['Police', 'DSWD']) {
        await tabTo(record.getByRole('checkbox', { name: party, exact: true }));
        await page.keyboard.press('Space');
      }
      await tabTo(field('Follow-up actions', record));
      await page.keyboard.type('Barangay tanod and the school asked to call the shelter.');
      await expectNoAxeViolations(page, 'incident dialog');
      await submitByKeyboard(record, 'Save incident');
      await statusSays(
        'The incident was recorded, and the child is shown as away: missing on the bed board.',
      );
      await section('Incidents')
        .getByRole('cell', { name: 'Missing from care', exact: true })
        .waitFor();

      const bed = await sistersBed();
      expect(await bed.innerText()).toContain('Away: missing from care');
    });

    it('clears the bed once her return is recorded, from the keyboard', async () => {
      await openCaseFile(sister, "sister's case file, away");
      const away = section('Away from the shelter');
      const back = await openByKeyboard(
        button('Record the return (Missing from care)', away),
        'Record the return (Missing from care)',
      );
      // Today (the default date), just after midnight: after she left at the start of the day.
      await tabTo(field('Time the child came back', back));
      await page.keyboard.type('1205A');
      await expectNoAxeViolations(page, 'return dialog');
      await submitByKeyboard(back, 'Record return');
      await statusSays('The return was recorded.');

      const bed = await sistersBed();
      expect(await bed.innerText()).not.toContain('Away');
      expect(await bed.innerText()).toContain('Occupied');
    });

    it("puts a document due in three days on Today, by case code and alias, linking to the brother's file", async () => {
      await openCaseFile(brother, "brother's case file");
      const add = await openByKeyboard(
        button('Add a document', section('Documents')),
        'Add a document',
      );
      await tabTo(field('Document', add));
      await field('Document', add).selectOption({ label: 'PSA birth certificate' });
      await tabTo(field('Status', add));
      await field('Status', add).selectOption({ label: 'Requested' });
      await tabTo(field('Due by', add));
      await page.keyboard.type(format(parseISO(DOCUMENT_DUE), 'MMddyyyy'));
      await expectNoAxeViolations(page, 'document dialog');
      await submitByKeyboard(add, 'Save document');
      await statusSays('The document was added to the register.');

      await goTo('Today', 'Today', 'today with the document due');
      const panel = page.getByRole('region', { name: /^Documents due or expiring/ });
      const row = panel.getByRole('row').filter({ hasText: 'PSA birth certificate' });
      await row.waitFor();
      expect(await row.getByRole('cell').allInnerTexts()).toEqual([
        `${brother.caseCode} ${brother.alias}`,
        'PSA birth certificate',
        `Due by ${formatCalendarDate(DOCUMENT_DUE)}`,
        '—',
      ]);
      const content = await page.content();
      for (const name of [SISTER.legalName, BROTHER.legalName]) expect(content).not.toContain(name);
      await row.getByRole('link', { name: `Open the case file of ${brother.caseCode}` }).click();
      await screenShown(brother.caseCode, "brother's case file, from Today");
    });
  });

  // The privacy duties, each a step on the sister's file; the access log comes last so that it
  // also shows what the steps before it recorded.
  describe("privacy duties on the sister's file", () => {
    it("shows the sister's names to the caseworker, once asked (an audited view)", async () => {
      await openCaseFile(sister, "sister's case file");
      const names = page.getByRole('region', { name: 'Names' });
      expect(await page.content()).not.toContain(SISTER.legalName);
      await button('Show name', names).click();
      await names.getByText(SISTER.legalName, { exact: true }).waitFor();
      await button('Hide name', names).click();
      await signOutFully(page);
    });

    it('exports everything held about the sister as a readable PDF (access request)', async () => {
      await signIn(COORDINATOR.username, COORDINATOR.password, 'Today');
      await goTo('Reports', 'Reports', 'reports (coordinator)');
      await field('Report').selectOption({
        label: 'Access request: everything held about a child',
      });
      await field('Find the child').fill(sister.caseCode);
      await page.keyboard.press('Enter');
      await button(`Choose ${sister.caseCode}`).click();
      await page.getByText(`Chosen: ${sister.caseCode} (${sister.alias})`).waitFor();
      await button('Show preview').click();
      const preview = page.getByRole('region', { name: /^Preview — \d+ pages?$/ });
      await preview.getByText('Kinds of record held').first().waitFor();
      await expectNoAxeViolations(page, 'access request preview');

      await button('Save as PDF').click();
      await page
        .getByRole('status')
        .getByText(/^Saved accessRequest-report-/)
        .waitFor();
      const saved = outputs!.saved.find((s) => /accessRequest-report-.*\.pdf$/.test(s.file))!;
      const text = pdfText(saved.file).replace(/\s+/g, ' ');
      expect(text).toContain('CONFIDENTIAL');
      expect(text).toContain(`Child ${sister.caseCode} (${sister.alias})`);
      expect(text).toContain(`Page 1 of ${pdfInfo(saved.file).pages}`);
      // Her own record, as she or her guardian would read it: her name, the incident, the
      // household's father with his flag; nothing of her brother's own record.
      expect(text).toContain(SISTER.legalName);
      expect(text).toContain('She did not come back from school by the evening head count.');
      expect(text).toContain(FATHER);
      expect(text).not.toContain(BROTHER.legalName);
    });

    it("lets the coordinator read who opened the sister's file and showed her name", async () => {
      await openCaseFile(sister, "sister's case file (coordinator)");
      const log = section('Access log');
      await button('Access log', log).click();
      const table = log.getByRole('table', { name: "Access to this child's file" });
      await table.waitFor();
      const caseworker = `${CASEWORKER.displayName} (Caseworker)`;
      const rows = table.locator('tbody tr');
      await rows.first().waitFor();
      const entries = (await rows.evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      )) as string[][];
      const byCaseworker = entries.filter((cells) => cells[1] === caseworker);
      // She opened the file in each step above, and showed the name once.
      expect(
        byCaseworker.filter((cells) => cells[2] === 'Opened a case file').length,
      ).toBeGreaterThan(0);
      expect(
        byCaseworker.filter(
          (cells) => cells[2] === "Showed a child's name" && cells[3] === "The child's name",
        ),
      ).toHaveLength(1);
      await expectNoAxeViolations(page, 'access log');
      run.errors.assertNone();
    });
  });
});
