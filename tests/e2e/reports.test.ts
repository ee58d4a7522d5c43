// Reports end to end in Chromium on the real backend: a coordinator opens the shelter placement
// report for last quarter, previews its pages, switches to long bond paper and saves a PDF. The
// harness stands in for Electron's print window (page.pdf on the document the app sent), and the
// PDF is read back with pdftotext and pdfinfo. axe finds nothing on the screen and its preview.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputRequest, OutputResult } from '../../shared/bridge';
import { quickPeriod } from '../../shared/reports/periods';
import { addDaysTo } from '../../electron/backend/records/actor';
import { todayIn } from '../../shared/time';
import { formatCalendarDate } from '../../shared/format';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall } from '../support/harness';
import { pdfInfo, pdfText, reportOutputs } from '../support/report-pdf';
import { createVaultWithStaff, firstSignIn } from '../support/seed';

const ADMIN = {
  displayName: 'Fictional Admin Reyes',
  username: 'admin.reyes',
  password: 'lantern orchard velvet 4729 kayak',
};
const COORDINATOR = {
  displayName: 'Fictional Coordinator Lim',
  username: 'coord.lim',
  temporaryPassword: 'harbor pepper quilt 3391 ember',
  password: 'maple thunder cobalt 8120 fjord',
};
const THERAPIST = {
  displayName: 'Fictional Therapist Cruz',
  username: 'ther.cruz',
  temporaryPassword: 'willow canyon amber 5512 otter',
  password: 'copper lagoon zephyr 7741 maple',
};
const SHELTER = 'Fictional Home Cebu';
/** A signed session note: its words must never reach a report. */
const NOTE = 'Fictional dream about the river crossing';

let run: E2eRun;
let page: Page;
let outputs: ReturnType<typeof reportOutputs> | null = null;
const codes: string[] = [];
const today = todayIn('Asia/Manila');
const quarter = quickPeriod('lastQuarter', today);
const at = (date: string) => `${date}T02:00:00.000Z`;

beforeAll(async () => {
  run = await startE2eRun({
    open: false,
    output: (request: OutputRequest): Promise<OutputResult> =>
      outputs ? outputs.output(request) : Promise.resolve({ done: false }),
  });
  outputs = reportOutputs(run.browser.context, run.tempDir);
  page = run.page;
  const h = run.harness;
  await createVaultWithStaff(h, ADMIN, 'Asia/Manila', [
    { member: COORDINATOR, role: 'coordinator', shelterScope: [] },
    // No shelter yet to scope her to: her caseload is her scope.
    { member: THERAPIST, role: 'therapist', shelterScope: [] },
  ]);
  await firstSignIn(h, COORDINATOR);
  let shelter = expectOk(
    await harnessCall(h, 'shelters.save', {
      name: SHELTER,
      type: 'ngo_shelter',
      sexRule: 'any',
      minAge: 0,
      maxAge: 25,
      capacity: 10,
    }),
  );
  for (const label of ['Bed 1', 'Bed 2', 'Bed 3'])
    shelter = expectOk(await harnessCall(h, 'beds.save', { shelterId: shelter.id, label }));
  const child = async (legalName: string, alias: string) => {
    const made = expectOk(
      await harnessCall(h, 'children.register', {
        legalName,
        alias,
        birth: { kind: 'dob', dateOfBirth: '2012-05-04' },
        sex: 'female',
        languages: ['Cebuano'],
        referralSource: 'Fictional barangay hall',
        referralDate: addDaysTo(quarter.from, -60),
        intakeDate: addDaysTo(quarter.from, -60),
      }),
    );
    codes.push(made.caseCode);
    return made.id;
  };
  const admit = async (childId: string, bed: number, date: string) =>
    expectOk(
      await harnessCall(h, 'placements.admit', {
        childId,
        bedId: shelter.beds[bed]!.id,
        startAt: at(date),
        reason: 'Rescue',
      }),
    );
  // Placed before the quarter and all through it; admitted in it; admitted and discharged in it.
  const firstChild = await child('Fictional Niña Añonuevo', 'R.T.L.');
  await admit(firstChild, 0, addDaysTo(quarter.from, -20));
  await admit(await child('Fictional Joy Ramos', 'M.S.'), 1, addDaysTo(quarter.from, 5));
  const leaving = await child('Fictional Lyn Abad', 'K.D.B.');
  await admit(leaving, 2, addDaysTo(quarter.from, 10));
  expectOk(
    await harnessCall(h, 'placements.discharge', {
      childId: leaving,
      at: at(addDaysTo(quarter.from, 40)),
      destination: 'foster_care',
      exitNote: 'Fictional exit note',
    }),
  );
  expectOk(
    await harnessCall(h, 'intake.record', {
      childId: leaving,
      heldWhere: 'affidavit',
      reference: 'Fictional affidavit reference A-0001',
      account: 'Fictional intake account, told at the barangay hall.',
    }),
  );
  expectOk(
    await harnessCall(h, 'legal.save', {
      childId: leaving,
      kind: 'hearing',
      date: addDaysTo(quarter.from, 20),
      court: 'Fictional RTC Branch 7',
      caseNumber: 'FC-0042',
    }),
  );
  // Therapy for the first child: a TF-CBT plan, one session attended and one missed, and a
  // signed note on the attended one.
  const [therapist] = expectOk(await harnessCall(h, 'therapy.therapists', {}));
  const plan = expectOk(
    await harnessCall(h, 'therapy.savePlan', {
      childId: firstChild,
      therapistId: therapist!.id,
      modality: 'tf_cbt',
      goals: 'Fictional goals',
      frequency: 'weekly',
      plannedSessions: 12,
      startedOn: quarter.from,
    }),
  );
  const session = async (days: number) =>
    expectOk(
      await harnessCall(h, 'therapy.schedule', {
        therapistId: therapist!.id,
        planId: plan.id,
        kind: 'individual',
        childIds: [firstChild],
        durationMinutes: 60,
        startAt: at(addDaysTo(quarter.from, days)),
      }),
    ).id;
  const attended = await session(7);
  expectOk(
    await harnessCall(h, 'therapy.recordSession', {
      sessionId: attended,
      status: 'attended',
      components: ['psychoeducation_parenting'],
    }),
  );
  expectOk(
    await harnessCall(h, 'therapy.recordSession', {
      sessionId: await session(14),
      status: 'no_show',
      reason: 'Fictional: unwell',
    }),
  );
  // One in the quarter's last week, the week its schedule lists; the therapist cancelled it, so
  // no figure changes.
  const lastWeek = await harnessCall(h, 'therapy.schedule', {
    therapistId: therapist!.id,
    planId: plan.id,
    kind: 'individual',
    childIds: [firstChild],
    durationMinutes: 60,
    startAt: at(addDaysTo(quarter.to, -2)),
  });
  expectOk(
    await harnessCall(h, 'therapy.recordSession', {
      sessionId: expectOk(lastWeek).id,
      status: 'clinician_cancelled',
      reason: 'Fictional: therapist away',
    }),
  );
  await firstSignIn(h, THERAPIST);
  const note = expectOk(
    await harnessCall(h, 'notes.start', {
      sessionId: attended,
      childId: firstChild,
      template: 'soap',
    }),
  );
  expectOk(
    await harnessCall(h, 'notes.sign', {
      id: note.id,
      template: 'soap',
      fields: { subjective: NOTE, objective: 'Fictional calm affect', plan: 'Fictional next step' },
    }),
  );
  expectOk(await harnessCall(h, 'session.lock', { reason: 'signOut' }));
}, 300_000);

afterAll(async () => {
  await run?.close();
});

describe('reports', () => {
  it('a coordinator previews last quarter’s placement report and saves it as a long-bond PDF', async () => {
    await page.goto(run.harness.url);
    // A loaded machine can take a while to open the app.
    await page.getByLabel('Username', { exact: true }).waitFor({ timeout: 120_000 });
    await page.getByLabel('Username', { exact: true }).fill(COORDINATOR.username);
    await page.getByLabel('Password', { exact: true }).fill(COORDINATOR.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await onScreen(page, 'Reports', 'reports (coordinator)');

    // Last quarter is the default period; the quick button sets the same dates.
    await page.getByRole('button', { name: 'Last quarter' }).click();
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(quarter.from);
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe(quarter.to);
    await page.getByLabel('Shelter', { exact: true }).selectOption({ label: SHELTER });
    // The paper size starts at the administrator's setting (A4 by default).
    expect(await page.getByLabel('Paper size').inputValue()).toBe('A4');
    await page.getByRole('button', { name: 'Show preview' }).click();
    const preview = page.getByRole('region', { name: /^Preview — \d+ pages?$/ });
    await preview.waitFor();
    const firstPage = preview.getByRole('region', { name: /^Page 1 of \d+ of the report$/ });
    await expect.poll(() => firstPage.innerText()).toContain('CONFIDENTIAL');
    const shown = await firstPage.innerText();
    expect(shown).toContain('Shelter placement report');
    expect(shown).toMatch(/Page 1 of \d+/);
    expect(await preview.innerText()).toContain(codes[0]!);

    await page.getByLabel('Paper size').selectOption({ label: 'Long bond (8.5 × 13 in)' });
    await preview.locator('.report-sheet--Legal13-portrait').first().waitFor();
    await expectNoAxeViolations(page, 'reports, preview on long bond');

    await page.getByRole('button', { name: 'Save as PDF' }).click();
    const fileName = `placement-report-${quarter.from}-${quarter.to}.pdf`;
    await page.getByRole('status').getByText(`Saved ${fileName}.`).waitFor();
    const saved = outputs!.saved.find((s) => s.mode === 'pdf')!;
    expect(saved.file.endsWith(fileName)).toBe(true);
    const info = pdfInfo(saved.file);
    expect(info.pageSize).toBe('612 x 936 pts');
    const heading = await page.locator('#reports-preview-heading').innerText();
    const pages = Number(/Preview — (\d+) page/.exec(heading)?.[1]);
    expect(info.pages).toBe(pages);
    const text = pdfText(saved.file).replace(/\s+/g, ' ');
    expect(text).toContain('CONFIDENTIAL');
    expect(text).toContain('Shelter placement report');
    expect(text).toContain(`Page 1 of ${info.pages}`);
    expect(text).toContain('Generated by Fictional Coordinator Lim');
    expect(text).toMatch(/In care today 2\b/);
    expect(text).toMatch(/Admissions 2\b/);
    expect(text).toMatch(/Discharges 1\b/);
    expect(text).toMatch(/Foster care 1\b/);
    for (const code of codes) expect(text).toContain(code);
    // No names unless asked for.
    expect(text).not.toContain('Añonuevo');
    run.errors.assertNone();
  });

  it('the anonymised statistics, printed and exported, hold no identifier and show small counts as "<5"', async () => {
    await page
      .getByLabel('Report', { exact: true })
      .selectOption({ label: 'Anonymised statistics' });
    await expect.poll(() => page.getByRole('checkbox').count()).toBe(0);
    await page.getByRole('button', { name: 'Show preview' }).click();
    const preview = page.getByRole('region', { name: /^Preview — \d+ pages?$/ });
    await preview.getByText('Admissions by month').first().waitFor();
    await expectNoAxeViolations(page, 'reports, anonymised statistics');

    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await page
      .getByRole('status')
      .getByText(/^Saved statistics-report-.*\.pdf\.$/)
      .waitFor();
    await page.getByRole('button', { name: 'Export CSV', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(/^Saved statistics-report-.*\.csv\.$/)
      .waitFor();
    const pdf = outputs!.saved.find((s) => s.mode === 'pdf' && s.file.includes('statistics'))!;
    const csv = outputs!.saved.find((s) => s.mode === 'csv')!;
    const texts = [pdfText(pdf.file).replace(/\s+/g, ' '), readFileSync(csv.file, 'utf8')];
    for (const text of texts) {
      // Three children, each count below five.
      expect(text).toMatch(/Children in care in the period\W+<5/);
      for (const code of codes) expect(text).not.toContain(code);
      for (const name of ['Añonuevo', 'Niña', 'Ramos', 'Abad', 'R.T.L.', 'M.S.', 'K.D.B.'])
        expect(text).not.toContain(name);
      expect(text).not.toMatch(/2012-05-04|05\/04\/2012/);
    }
    expect(texts[0]).toContain('CONFIDENTIAL');
    run.errors.assertNone();
  });

  it('a placement history: the child found and chosen by keyboard, the intake account ticked, saved as PDF', async () => {
    await page
      .getByLabel('Report', { exact: true })
      .selectOption({ label: 'Individual placement history' });
    // No CSV for one child's record.
    await expect.poll(() => page.getByRole('button', { name: /^Export CSV/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Show preview' }).click();
    await page.getByText('Choose the child the report is about.').waitFor();

    await page.getByLabel('Find the child').focus();
    await page.keyboard.type(codes[2]!);
    await page.keyboard.press('Enter');
    const choose = page.getByRole('button', { name: `Choose ${codes[2]}` });
    await choose.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await choose.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText(`Chosen: ${codes[2]} (K.D.B.)`).waitFor();
    await page.getByLabel('Intake account', { exact: true }).focus();
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Intake account', { exact: true }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Show preview' }).click();
    const preview = page.getByRole('region', { name: /^Preview — \d+ pages?$/ });
    await preview.getByText('Transfers between shelters').first().waitFor();
    await expectNoAxeViolations(page, 'reports, placement history');

    await page.getByRole('button', { name: 'Save as PDF' }).click();
    const fileName = `placementHistory-report-${quarter.from}-${quarter.to}.pdf`;
    await page.getByRole('status').getByText(`Saved ${fileName}.`).waitFor();
    const saved = outputs!.saved.find((s) => s.file.endsWith(fileName))!;
    const text = pdfText(saved.file).replace(/\s+/g, ' ');
    expect(text).toContain('CONFIDENTIAL');
    expect(text).toContain('Individual placement history');
    expect(text).toContain(`Page 1 of ${pdfInfo(saved.file).pages}`);
    expect(text).toContain(`Child ${codes[2]} (K.D.B.)`);
    expect(text).toMatch(/Admission Rescue/);
    expect(text).toMatch(/Fictional Home Cebu Foster care/);
    expect(text).toContain('Hearing Fictional RTC Branch 7 FC-0042');
    expect(text).toContain('Fictional intake account, told at the barangay hall.');
    expect(text).toContain('Reference: Fictional affidavit reference A-0001');
    expect(text).toContain('Held in: Affidavit');
    expect(text).toContain(
      'Also included at the request of Fictional Coordinator Lim: the intake account.',
    );
    expect(text).not.toContain('Abad');
    expect(text).not.toContain('Fictional exit note');
    run.errors.assertNone();
  });

  it('an access request: everything held about one child saved as PDF, without a word of her signed note', async () => {
    await page
      .getByLabel('Report', { exact: true })
      .selectOption({ label: 'Access request: everything held about a child' });
    // The whole record: no period is asked.
    await expect.poll(() => page.getByLabel('From', { exact: true }).count()).toBe(0);
    await page.getByLabel('Find the child').fill(codes[0]!);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `Choose ${codes[0]}` }).click();
    await page.getByText(`Chosen: ${codes[0]} (R.T.L.)`).waitFor();
    await page.getByRole('button', { name: 'Show preview' }).click();
    const preview = page.getByRole('region', { name: /^Preview — \d+ pages?$/ });
    await preview.getByText('Kinds of record held').first().waitFor();
    await expectNoAxeViolations(page, 'reports, access request');

    await page.getByRole('button', { name: 'Save as PDF' }).click();
    const fileName = /^accessRequest-report-.*\.pdf$/;
    await page
      .getByRole('status')
      .getByText(/^Saved accessRequest-report-/)
      .waitFor();
    const saved = outputs!.saved.find((s) => fileName.test(s.file.split('/').pop()!))!;
    const text = pdfText(saved.file).replace(/\s+/g, ' ');
    expect(text).toContain('CONFIDENTIAL');
    expect(text).toContain('Access request: everything held about a child');
    expect(text).toContain(`Child ${codes[0]} (R.T.L.)`);
    expect(text).toContain(`Page 1 of ${pdfInfo(saved.file).pages}`);
    // Her own record, names included (she is the one asking), and her placement.
    expect(text).toContain('Fictional Niña Añonuevo');
    expect(text).toContain('placements');
    expect(text).toContain('Confidential fields left out');
    expect(text).not.toContain(NOTE);
    // Nothing of another child.
    expect(text).not.toContain('Fictional Lyn Abad');
    expect(text).not.toContain('Fictional Joy Ramos');
    run.errors.assertNone();
  });

  it('the therapy report: schedule, attendance and progress, printed and exported without a word of any note', async () => {
    await page.getByLabel('Report', { exact: true }).selectOption({ label: 'Therapy report' });
    await page.getByLabel('Shelter', { exact: true }).selectOption({ label: SHELTER });
    expect(await page.getByLabel('Weekly schedule by').inputValue()).toBe('therapist');
    await page.getByRole('button', { name: 'Show preview' }).click();
    const preview = page.getByRole('region', { name: /^Preview — \d+ pages?$/ });
    await preview.getByText('Attendance by child').first().waitFor();
    await expectNoAxeViolations(page, 'reports, therapy report');

    await page.getByRole('button', { name: 'Save as PDF' }).click();
    const fileName = `therapy-report-${quarter.from}-${quarter.to}.pdf`;
    await page.getByRole('status').getByText(`Saved ${fileName}.`).waitFor();
    await page.getByRole('button', { name: 'Export CSV', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(/^Saved therapy-report-.*\.csv\.$/)
      .waitFor();
    const pdf = outputs!.saved.find((s) => s.file.endsWith(fileName))!;
    const csv = readFileSync(
      outputs!.saved.find((s) => s.mode === 'csv' && s.file.includes('therapy'))!.file,
      'utf8',
    );
    const text = pdfText(pdf.file).replace(/\s+/g, ' ');
    expect(text).toContain('CONFIDENTIAL');
    expect(text).toContain('Therapy report');
    expect(text).toContain(`Page 1 of ${pdfInfo(pdf.file).pages}`);
    // The schedule is the quarter's last week, and says so; the earlier sessions are counted only.
    expect(text).toContain(
      `The weekly schedule lists the sessions of the period's last week: ${formatCalendarDate(addDaysTo(quarter.to, -6))} to ${formatCalendarDate(quarter.to)}.`,
    );
    expect(text).toContain('Weekly schedule: Fictional Therapist Cruz');
    const lastWeekDay = addDaysTo(quarter.to, -2);
    expect(text).toContain(`${lastWeekDay.slice(5, 7)}/${lastWeekDay.slice(8)} 10:00 AM–11:00 AM`);
    // Due 2, attended 1, one no-show: 50%; one TF-CBT session of 12, in phase 1.
    expect(text).toContain(`${codes[0]} R.T.L. 2 1 1 0 0 50%`);
    expect(text).toMatch(/Fictional Therapist Cruz 2 1 1 0 0 50%/);
    expect(text).toContain('1 of 12 Phase 1: stabilisation');
    // The plain CSV has the counts, never the case codes.
    expect(csv).toContain('Fictional Therapist Cruz,2,1,1,0,0,50%');
    for (const code of codes) expect(csv).not.toContain(code);
    for (const output of [text, csv]) {
      expect(output).not.toContain(NOTE);
      expect(output).not.toContain('calm affect');
      expect(output).not.toContain('Fictional: unwell');
    }
    run.errors.assertNone();
  });
});
