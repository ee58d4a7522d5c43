// Reports printed the way the app prints them: the report's one HTML document (with the report
// stylesheet and the embedded font read from disk, as the bundle has them) through Chromium's
// page.pdf, the engine behind Electron's printToPDF; read back with poppler's pdftotext,
// pdfinfo and pdffonts. The harness's stand-in for Electron's print window and save dialog.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import type { BrowserContext, Page } from 'playwright-core';
import type { OutputRequest, OutputResult } from '../../shared/bridge';
import type { ReportShelter, ReportStamp } from '../../shared/reports/contract';
import { printDocument, reportPages, type DocumentTexts } from '../../shared/reports/document';
import { fontFaceCss, REPORT_FONTS, type ReportFontFile } from '../../shared/reports/fonts';
import type { PageSetup, ReportBlock } from '../../shared/reports/layout';
import { formatCalendarDate, formatInstant } from '../../shared/format';
import type { Language } from '../../shared/languages';

// From the module's own URL: the benchmark runs this file as an ES module, where __dirname is not defined.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const REPORT_CSS = readFileSync(
  path.join(ROOT, 'renderer/domains/reports/print/report.css'),
  'utf8',
);

export const REPORT_FONT_CSS = fontFaceCss(
  Object.fromEntries(
    REPORT_FONTS.map((f) => [
      f.file,
      `data:font/woff2;base64,${readFileSync(path.join(ROOT, 'node_modules/@fontsource/noto-sans/files', f.file)).toString('base64')}`,
    ]),
  ) as Record<ReportFontFile, string>,
);

const CATALOGUES = path.join(ROOT, 'renderer/i18n');

/** The domains' words, from the renderer's catalogues (`<language>-<domain>.json`, as the app loads them). */
export async function catalogueT(language: Language = 'en'): Promise<TFunction> {
  const named = new RegExp(`^${language}-([a-zA-Z]+)\\.json$`);
  const translation = Object.fromEntries(
    readdirSync(CATALOGUES)
      .map((file) => named.exec(file)?.[1])
      .filter((domain) => domain !== undefined)
      .map((domain) => [
        domain,
        JSON.parse(
          readFileSync(path.join(CATALOGUES, `${language}-${domain}.json`), 'utf8'),
        ) as object,
      ]),
  );
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: language,
    resources: { [language]: { translation } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

/** What every printed report carries on each page, from its answer's stamp, period and shelters. */
export type PrintedAnswer = ReportStamp & { from: string; to: string; shelters: ReportShelter[] };

/** The words on every page of a report, from the catalogue and the report's answer. */
export function reportTexts(t: TFunction, title: string, report: PrintedAnswer): DocumentTexts {
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

/** The report's printed document, built as the app builds it. */
export function documentOf(blocks: ReportBlock[], setup: PageSetup, texts: DocumentTexts) {
  const { html, pages } = reportPages(blocks, setup, texts);
  return {
    pages,
    html: printDocument({
      pages: html,
      css: REPORT_CSS,
      fontCss: REPORT_FONT_CSS,
      setup,
      title: texts.title,
      language: 'en',
    }),
  };
}

/** Prints `html` to a PDF file as Electron's printToPDF would: the document's own page size. */
export async function printPdf(page: Page, html: string, file: string): Promise<string> {
  await page.setContent(html, { waitUntil: 'load' });
  // Every face, bold too, before printing: a face still loading prints as invisible text.
  await page.evaluate('Promise.all([...document.fonts].map((f) => f.load())).then(() => true)');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return file;
}

/**
 * The harness's stand-in for Electron's print window and save dialog: a document is printed with
 * page.pdf on a page of its own (as printToPDF does) into `folder` (a 'print' too, so the test
 * can read it); a CSV is written there as it is.
 */
export function reportOutputs(context: BrowserContext, folder: string) {
  const saved: { mode: OutputRequest['mode']; file: string }[] = [];
  const output = async (request: OutputRequest): Promise<OutputResult> => {
    const file = path.join(folder, request.fileName);
    if (request.mode === 'csv') writeFileSync(file, request.content);
    else {
      const page = await context.newPage();
      try {
        await printPdf(page, request.content, file);
      } finally {
        await page.close();
      }
    }
    saved.push({ mode: request.mode, file });
    return { done: true, fileName: request.fileName };
  };
  return { output, saved };
}

/** The text of a PDF (or of one page of it), laid out as on the page. */
export function pdfText(file: string, pageNo?: number): string {
  const range = pageNo ? ['-f', String(pageNo), '-l', String(pageNo)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(file: string): { pages: number; pageSize: string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
    pageSize: /^Page size:\s+(.+)$/m.exec(info)?.[1]?.trim() ?? '',
  };
}

/** The fonts a PDF embeds, as pdffonts lists them. */
export function pdfFonts(file: string): string {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}
