// Reports printed the way the app prints them: the report's one HTML document (with the report
// stylesheet and the embedded font read from disk, as the bundle has them) through Chromium's
// page.pdf, the engine behind Electron's printToPDF; read back with poppler's pdftotext,
// pdfinfo and pdffonts. The harness's stand-in for Electron's print window and save dialog.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import type { OutputRequest, OutputResult } from '../../shared/bridge';
import { printDocument, reportPages, type DocumentTexts } from '../../shared/reports/document';
import { fontFaceCss, REPORT_FONTS, type ReportFontFile } from '../../shared/reports/fonts';
import type { PageSetup, ReportBlock } from '../../shared/reports/layout';

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
