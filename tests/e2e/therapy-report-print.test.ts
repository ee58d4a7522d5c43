// The therapy report as printed: the renderer's blocks with the catalogue's words, cut into pages
// and printed by Chromium's page.pdf, read back with pdftotext. Over all shelters the summary
// comes first and no schedule, child's attendance or plan progress is listed. For one shelter
// over a year the schedule is the year's last week, named on the page; the plan progress and
// attendance by child name children, so a plain CSV of its tables holds no case code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { therapyBlocks } from '../../renderer/domains/reports/therapy/therapyBlocks';
import type { AttendanceFigures, TherapyReport } from '../../shared/reports/contract';
import { reportCsv } from '../../shared/reports/csv';
import { launchBrowser, type BrowserSession } from '../support/browser';
import {
  catalogueT,
  documentOf,
  pdfInfo,
  pdfText,
  printPdf,
  reportTexts,
} from '../support/report-pdf';
import { makeTempDir, removeDir } from '../support/temp';

let browser: BrowserSession;
let dir: string;
let t: TFunction;
beforeAll(async () => {
  dir = await makeTempDir('therapy-report-print');
  browser = await launchBrowser({ parentDir: dir });
  t = await catalogueT();
});
afterAll(async () => {
  await browser?.close();
  if (dir) await removeDir(dir);
});

const figures = (
  due: number,
  attended: number,
  noShow: number,
  cancelled: number,
  percent: number,
): AttendanceFigures => ({ due, attended, noShow, cancelled, notRecorded: 0, percent });

const REPORT: TherapyReport = {
  kind: 'therapy',
  from: '2025-01-01',
  to: '2025-12-31',
  shelterId: null,
  shelters: [
    { id: 's1', name: 'Fictional Home Cebu', type: 'ngo_shelter', beds: 12 },
    { id: 's2', name: 'Fictional Home Iloilo', type: 'ngo_shelter', beds: 8 },
  ],
  detailed: false,
  scheduleDays: { from: '2025-12-25', to: '2025-12-31' },
  generatedAt: '2026-01-05T01:30:00.000Z',
  generatedBy: 'Fictional Coordinator Lim',
  timeZone: 'Asia/Manila',
  sessions: [],
  attendance: {
    byShelter: [
      { shelterName: 'Fictional Home Cebu', sessions: 48, ...figures(52, 39, 8, 5, 75) },
      { shelterName: 'Fictional Home Iloilo', sessions: 20, ...figures(20, 17, 2, 1, 85) },
    ],
    byChild: [],
    byTherapist: [
      { therapistName: 'Fictional Dr. Villanueva', ...figures(20, 17, 2, 1, 85) },
      { therapistName: 'Fictional Therapist Cruz', ...figures(52, 39, 8, 5, 75) },
    ],
    byModality: [
      { modality: 'play_therapy', ...figures(20, 17, 2, 1, 85) },
      { modality: 'tf_cbt', ...figures(52, 39, 8, 5, 75) },
    ],
  },
  plans: [
    {
      caseCode: 'AR-2025-0007',
      initials: 'M.S.',
      therapistName: 'Fictional Therapist Cruz',
      modality: 'tf_cbt',
      status: 'active',
      session: 9,
      planned: 12,
      phase: 'trauma_narrative',
      phaseNumber: 2,
    },
  ],
};

describe('the therapy report over all shelters, printed', () => {
  it('prints the summary first with its figures on numbered, marked pages, and no schedule', async () => {
    const blocks = therapyBlocks(REPORT, t, 'therapist', 'en');
    const document = documentOf(
      blocks,
      { paperSize: 'A4', orientation: 'portrait', margins: 'normal' },
      reportTexts(t, 'reports.therapy.title', REPORT),
    );
    const file = await printPdf(browser.page, document.html, path.join(dir, 'therapy.pdf'));
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Therapy report');
    expect(text).toContain('CONFIDENTIAL');
    expect(text).toContain(`Page 1 of ${pdfInfo(file).pages}`);
    expect(text).toContain('Summary: attendance by shelter');
    // Shelter, sessions, then due, attended, no-show, cancelled, not recorded, rate.
    expect(text).toContain('Fictional Home Cebu 48 52 39 8 5 0 75%');
    expect(text).toContain('Fictional Home Iloilo 20 20 17 2 1 0 85%');
    expect(text).toContain('All shelters: the summary only.');
    expect(text).not.toContain('Weekly schedule');
    expect(text).not.toContain('Attendance by child');
    expect(text).not.toContain('Plan progress');
  });

  it('prints one shelter’s year with the schedule of its last week only, and says which week', async () => {
    const session = (day: string, time: string, status: 'attended' | 'no_show') => ({
      startAt: `${day}T${time}:00:00.000Z`,
      endAt: `${day}T${String(Number(time.slice(0, 2)) + 1).padStart(2, '0')}:00:00.000Z`,
      therapistName: 'Fictional Therapist Cruz',
      shelterName: 'Fictional Home Cebu',
      room: null,
      kind: 'individual' as const,
      modality: 'tf_cbt' as const,
      status,
      children: ['AR-2025-0007'],
    });
    const year: TherapyReport = {
      ...REPORT,
      shelterId: 's1',
      shelters: [REPORT.shelters[0]!],
      detailed: true,
      // Manila is UTC+8: 01:00Z is 09:00 there.
      sessions: [session('2025-12-29', '01', 'attended'), session('2025-12-30', '02', 'no_show')],
      attendance: {
        ...REPORT.attendance,
        byShelter: [REPORT.attendance.byShelter[0]!],
        byChild: [{ caseCode: 'AR-2025-0007', initials: 'M.S.', ...figures(52, 39, 8, 5, 75) }],
      },
    };
    const document = documentOf(
      therapyBlocks(year, t, 'therapist', 'en'),
      { paperSize: 'A4', orientation: 'portrait', margins: 'normal' },
      reportTexts(t, 'reports.therapy.title', year),
    );
    const file = await printPdf(browser.page, document.html, path.join(dir, 'therapy-year.pdf'));
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain('Therapy report');
    expect(text).toContain('CONFIDENTIAL');
    expect(text).toContain(`Page 1 of ${pdfInfo(file).pages}`);
    expect(pdfInfo(file).pages).toBe(document.pages);
    expect(text).toContain(
      "The weekly schedule lists the sessions of the period's last week: 12/25/2025 to 12/31/2025.",
    );
    expect(text).toContain('Weekly schedule: Fictional Therapist Cruz');
    expect(text).toContain('Mon 12/29 9:00 AM–10:00 AM Fictional Home Cebu');
    expect(text).toContain('Tue 12/30 10:00 AM–11:00 AM Fictional Home Cebu');
    // The year's figures: the shelter's summary and the child's attendance.
    expect(text).toContain('Fictional Home Cebu 48 52 39 8 5 0 75%');
    expect(text).toContain('AR-2025-0007 M.S. 52 39 8 5 0 75%');
    // Where each plan in force stands, after the child's attendance.
    expect(text.indexOf('Attendance by child')).toBeLessThan(text.indexOf('Plan progress'));
    expect(text).toContain('9 of 12 Phase 2');
  });

  it('exports its tables as CSV, leaving the plan progress (case codes) out of a plain export', () => {
    const blocks = therapyBlocks({ ...REPORT, detailed: true }, t, 'therapist', 'en');
    const plain = reportCsv(blocks, false);
    expect(plain).toContain('Fictional Home Cebu,48,52,39,8,5,0,75%');
    expect(plain).toContain('Fictional Therapist Cruz,52,39,8,5,0,75%');
    expect(plain).not.toContain('AR-2025-0007');
    expect(reportCsv(blocks, true)).toContain('AR-2025-0007,M.S.');
  });
});
