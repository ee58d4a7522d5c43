// The print path of the placement, therapy and reintegration reports on the encrypted vault, for
// one shelter-year and for all shelters over a year: the data (the backend's query), the HTML
// (the renderer's own blocks with the catalogue's words, cut into pages and written as the one
// document that the preview shows and Print and Save as PDF send out) and the PDF (that document
// through Debian Chromium's page.pdf, the engine behind Electron's printToPDF, as
// tests/support/report-pdf.ts prints it).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import {
  placementReport,
  reintegrationReport,
  therapyReport,
} from '../../../electron/backend/domains/reports';
import type { CaseActor, CaseVault } from '../../../electron/backend/records/actor';
import { placementBlocks } from '../../../renderer/domains/reports/placement/placementBlocks';
import { reintegrationBlocks } from '../../../renderer/domains/reports/reintegration/reintegrationBlocks';
import { therapyBlocks } from '../../../renderer/domains/reports/therapy/therapyBlocks';
import type { ReportShelter, ReportStamp } from '../../../shared/reports/contract';
import type { DocumentTexts } from '../../../shared/reports/document';
import type { PageSetup, ReportBlock } from '../../../shared/reports/layout';
import { formatCalendarDate, formatInstant } from '../../../shared/format';
import { launchBrowser } from '../../support/browser';
import { documentOf, printPdf } from '../../support/report-pdf';
import { makeTempDir, removeDir } from '../../support/temp';
import { percentile, selects, type ResultRow } from '../stats';

const CATALOGUES = fileURLToPath(new URL('../../../renderer/i18n', import.meta.url));
const SETUP: PageSetup = { paperSize: 'A4', orientation: 'portrait', margins: 'normal' };
/** Chromium printing is slow and steady: a few runs give its p50 and p95. */
const PDF_RUNS = 5;

/** The domains' words, from the renderer's catalogues (`en-<domain>.json`, as the app loads them). */
async function catalogueT(): Promise<TFunction> {
  const translation = Object.fromEntries(
    readdirSync(CATALOGUES)
      .map((file) => /^en-([a-z]+)\.json$/.exec(file)?.[1])
      .filter((domain) => domain !== undefined)
      .map((domain) => [
        domain,
        JSON.parse(readFileSync(join(CATALOGUES, `en-${domain}.json`), 'utf8')) as object,
      ]),
  );
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    resources: { en: { translation } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

/** What every printed report carries on each page, from its answer's stamp, period and shelters. */
type PrintedAnswer = ReportStamp & { from: string; to: string; shelters: ReportShelter[] };

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

function texts(t: TFunction, title: string, report: PrintedAnswer): DocumentTexts {
  return {
    title: t(title),
    confidential: t('reports.print.confidential'),
    privacyNotice: t('reports.print.privacyNotice'),
    period: t('reports.print.period', {
      from: formatCalendarDate(report.from),
      to: formatCalendarDate(report.to),
    }),
    scope: report.shelters.map((s) => s.name).join(', '),
    generated: t('reports.print.generated', {
      name: report.generatedBy,
      at: formatInstant(report.generatedAt, report.timeZone),
      timeZone: report.timeZone,
    }),
    page: (page, pages) => t('reports.print.page', { page, pages }),
    pageLabel: (page, pages) => t('reports.print.pageLabel', { page, pages }),
    continued: (caption) => t('reports.print.continued', { caption }),
    none: t('reports.print.none'),
  };
}

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
            documentOf(run.blocks(report), SETUP, texts(t, printedReport.title, report)),
          );
          if (documents.length < PDF_RUNS) documents = [...documents, document];
        }
        const pdf: number[] = [];
        let pages = 0;
        for (const [i, document] of documents.entries()) {
          const start = performance.now();
          await printPdf(browser.page, document.html, join(dir, `${name}-${i}.pdf`));
          pdf.push(performance.now() - start);
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
