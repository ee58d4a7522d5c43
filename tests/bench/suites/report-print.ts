// The print path of the placement, therapy and reintegration reports on the encrypted vault, for
// one shelter-year and for all shelters over a year: the data (the backend's query), the HTML
// (the renderer's own blocks with the catalogue's words, cut into pages and written as the one
// document that the preview shows and Print and Save as PDF send out) and the PDF (that document
// through Debian Chromium's page.pdf, the engine behind Electron's printToPDF, as
// tests/support/report-pdf.ts prints it).
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import {
  placementReport,
  reintegrationReport,
  therapyReport,
} from '../../../electron/backend/domains/reports';
import type { CaseActor, CaseVault } from '../../../electron/backend/records/actor';
import { placementBlocks } from '../../../renderer/domains/reports/placement/placementBlocks';
import { reintegrationBlocks } from '../../../renderer/domains/reports/reintegration/reintegrationBlocks';
import { therapyBlocks } from '../../../renderer/domains/reports/therapy/therapyBlocks';
import type { PageSetup, ReportBlock } from '../../../shared/reports/layout';
import { launchBrowser } from '../../support/browser';
import {
  catalogueT,
  documentOf,
  printPdf,
  reportTexts,
  type PrintedAnswer,
} from '../../support/report-pdf';
import { makeTempDir, removeDir } from '../../support/temp';
import { holdChildrenAtOwnPriority } from '../priority';
import { percentile, selects, type ResultRow } from '../stats';

const SETUP: PageSetup = { paperSize: 'A4', orientation: 'portrait', margins: 'normal' };
/** Chromium printing is slow and steady: a few runs give its p50 and p95. */
const PDF_RUNS = 5;

/** A report the suite prints: its title key, its audited query and the renderer's blocks. */
interface PrintedReport {
  name: string;
  title: string;
  run(
    d: BenchData,
    input: { shelterId: string | null; from: string; to: string },
    t: TFunction,
  ): { answer: () => PrintedAnswer; blocks: (answer: PrintedAnswer) => ReportBlock[] };
}

interface BenchData {
  vault: CaseVault;
  coordinator: CaseActor;
  shelters: string[];
}

/** The report as its query answers and as its blocks read it (the answer's own type, kept). */
function printed<A extends PrintedAnswer>(
  query: () => A,
  blocks: (answer: A) => ReportBlock[],
): ReturnType<PrintedReport['run']> {
  return { answer: query, blocks: (answer) => blocks(answer as A) };
}

const REPORTS: PrintedReport[] = [
  {
    name: 'placement',
    title: 'reports.placement.title',
    run: (d, input, t) =>
      printed(
        () => placementReport(d.vault, d.coordinator, { ...input, includeNames: false }, 'Bench'),
        (report) => placementBlocks(report, t, 'en'),
      ),
  },
  {
    name: 'therapy',
    title: 'reports.therapy.title',
    run: (d, input, t) =>
      printed(
        () => therapyReport(d.vault, d.coordinator, input, 'Bench'),
        (report) => therapyBlocks(report, t, 'therapist', 'en'),
      ),
  },
  {
    name: 'reintegration',
    title: 'reports.reintegration.title',
    run: (d, input, t) =>
      printed(
        () => reintegrationReport(d.vault, d.coordinator, input, 'Bench'),
        (report) => reintegrationBlocks(report, t, 'en'),
      ),
  },
];

/** The operations' names, for `--only`. */
export const REPORT_PRINT_OPERATIONS = REPORTS.map((r) => `report print: ${r.name}`);

function timed<T>(times: number[], work: () => T): T {
  const start = performance.now();
  const result = work();
  times.push(performance.now() - start);
  return result;
}

function row(operation: string, size: string, times: number[], targetMs: number): ResultRow {
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  return {
    operation,
    size,
    p50Ms: percentile(sorted, 50),
    p95Ms: p95,
    runs: sorted.length,
    target: `< ${targetMs} ms`,
    meetsTarget: p95 < targetMs,
  };
}

export async function reportPrintRows(
  d: BenchData,
  size: string,
  runs: number,
  period: { from: string; to: string },
  only?: string,
): Promise<ResultRow[]> {
  const t = await catalogueT();
  const dir = await makeTempDir('bench-report-pdf');
  const browser = await launchBrowser({ parentDir: dir });
  // A long report on a busy machine may take longer than playwright's default 30 s to load: it
  // is timed and shown as missing its target, rather than ending the whole run (set per page).
  const rows: ResultRow[] = [];
  try {
    const scopes = [
      { label: 'one shelter-year', shelterId: (i: number) => d.shelters[i % d.shelters.length]! },
      { label: 'all shelters, a year', shelterId: () => null },
    ];
    for (const printedReport of REPORTS) {
      const name = printedReport.name;
      if (!selects(only, `report print: ${name}`)) continue;
      for (const scope of scopes) {
        const data: number[] = [];
        const html: number[] = [];
        let documents: { html: string; pages: number }[] = [];
        for (let i = 0; i < runs; i += 1) {
          const run = printedReport.run(d, { shelterId: scope.shelterId(i), ...period }, t);
          const report = timed(data, run.answer);
          const document = timed(html, () =>
            documentOf(run.blocks(report), SETUP, reportTexts(t, printedReport.title, report)),
          );
          if (documents.length < PDF_RUNS) documents = [...documents, document];
        }
        const pdf: number[] = [];
        let pages = 0;
        for (const [i, document] of documents.entries()) {
          // A page of its own for each print, as the app's hidden print window is: nothing of
          // the previous print (the font decoded, the text shaped) is reused.
          const page = await browser.context.newPage();
          page.setDefaultTimeout(300_000);
          // Chromium resets its renderers' priority: held at the bench's, as the UI bench does.
          holdChildrenAtOwnPriority();
          const start = performance.now();
          await printPdf(page, document.html, join(dir, `${name}-${i}.pdf`));
          pdf.push(performance.now() - start);
          await page.close();
          pages = Math.max(pages, document.pages);
        }
        rows.push(
          row(`report print: ${name} data, ${scope.label}`, size, data, 300),
          row(
            `report print: ${name} HTML (blocks, pages, document), ${scope.label}`,
            size,
            html,
            500,
          ),
          row(
            `report print: ${name} PDF via Chromium (up to ${pages} pages), ${scope.label}`,
            size,
            pdf,
            3000,
          ),
        );
      }
    }
  } finally {
    await browser.close();
    await removeDir(dir);
  }
  return rows;
}
