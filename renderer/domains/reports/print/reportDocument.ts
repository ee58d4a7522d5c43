// A report run as its one HTML document: the pages the preview shows, and the whole document
// (stylesheet, embedded font, @page) that Print and Save as PDF send out.
import type { TFunction } from 'i18next';
import { printDocument, reportPages, type DocumentTexts } from '../../../../shared/reports/document';
import type { PageSetup } from '../../../../shared/reports/layout';
import { formatCalendarDate, formatInstant } from '../../../../shared/format';
import type { ReportRun } from '../registry';
import { embeddedFontCss } from './fontData';
import reportCss from './report.css?inline';

/**
 * The texts around a report's pages. A whole-record report (an access request) has no period: its
 * header says on which day what it holds was held, and an empty table says none is held.
 */
export function documentTexts(
  t: TFunction,
  run: ReportRun,
  title: string,
  wholeRecord: boolean,
): DocumentTexts {
  const to = formatCalendarDate(run.to, 'date', run.language);
  return {
    title,
    confidential: t('reports.print.confidential'),
    privacyNotice: t('reports.print.privacyNotice'),
    period: wholeRecord
      ? t('reports.print.heldOn', { date: to })
      : t('reports.print.period', { from: formatCalendarDate(run.from, 'date', run.language), to }),
    scope: run.scope,
    generated: t('reports.print.generated', {
      name: run.stamp.generatedBy,
      at: formatInstant(run.stamp.generatedAt, run.stamp.timeZone, 'dateTime', run.language),
      timeZone: run.stamp.timeZone,
    }),
    page: (page, pages) => t('reports.print.page', { page, pages }),
    pageLabel: (page, pages) => t('reports.print.pageLabel', { page, pages }),
    continued: (caption) => t('reports.print.continued', { caption }),
    none: t(wholeRecord ? 'reports.print.noneHeld' : 'reports.print.none'),
  };
}

export function previewPages(run: ReportRun, setup: PageSetup, texts: DocumentTexts) {
  return reportPages(run.blocks, setup, texts);
}

export async function wholeDocument(run: ReportRun, setup: PageSetup, texts: DocumentTexts) {
  return printDocument({
    pages: reportPages(run.blocks, setup, texts).html,
    css: reportCss,
    fontCss: await embeddedFontCss(),
    setup,
    title: texts.title,
    language: run.language,
  });
}
