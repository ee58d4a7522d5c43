// The printed document's head: the embedded font's rules stay in a style element with nothing
// that depends on the medium, so starting to print does not read them again as new fonts (which
// drops every shaped word and made long reports several times slower to print); and a table's
// columns: which cells print whole, without a clip of their own.
import { describe, expect, it } from 'vitest';
import { reportCsv } from '../../shared/reports/csv';
import { printDocument, reportPages } from '../../shared/reports/document';
import { printedBlocks, type ReportBlock } from '../../shared/reports/layout';
import { fontFaceCss, REPORT_FONTS, type ReportFontFile } from '../../shared/reports/fonts';

const FONT_CSS = fontFaceCss(
  Object.fromEntries(
    REPORT_FONTS.map((f) => [f.file, `data:font/woff2;base64,${f.weight}`]),
  ) as Record<ReportFontFile, string>,
);

function styles(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
}

describe('the printed document', () => {
  const html = printDocument({
    pages: '<section class="report-sheet">one</section>',
    css: '.report-sheet{color:#000}\n@media print{.report-sheet{break-before:page}}',
    fontCss: FONT_CSS,
    setup: { paperSize: 'Legal13', orientation: 'landscape', margins: 'normal' },
    title: 'Shelter placement report <all>',
    language: 'fil',
  });

  it('carries the language chosen in the print dialog', () => {
    expect(html).toContain('<html lang="fil">');
  });

  it('keeps the font rules alone in a style element with no media-dependent rule', () => {
    const sheets = styles(html);
    const withFonts = sheets.filter((s) => s.includes('@font-face'));
    expect(withFonts).toHaveLength(1);
    expect(withFonts[0]!.trim()).toBe(FONT_CSS);
    expect(withFonts[0]).not.toMatch(/@media|@page/);
    expect(sheets.some((s) => s.includes('@media print'))).toBe(true);
  });

  it('sets the paper from the page setup and escapes the title', () => {
    expect(html).toContain('@page{size:13in 8.5in;margin:0}');
    expect(html).toContain('<title>Shelter placement report &lt;all&gt;</title>');
    expect(html).toContain('<section class="report-sheet">one</section>');
  });
});

describe('a printed table', () => {
  const { html } = reportPages(
    [
      {
        kind: 'table',
        id: 'children',
        caption: 'Children in care in the period',
        columns: [
          { label: 'Case code', fixed: 'caseCode' },
          { label: 'Initials', narrow: true, fixed: 'short' },
          { label: 'Shelter' },
          { label: 'Days', numeric: true, narrow: true },
        ],
        rows: [['AR-2026-K7Q-0001', 'F.C.', 'Fictional Home Cebu', '12']],
      },
    ],
    { paperSize: 'A4', orientation: 'portrait', margins: 'normal' },
    {
      title: 'Shelter placement report',
      confidential: 'CONFIDENTIAL',
      privacyNotice: 'Fictional notice',
      period: 'Period',
      scope: 'Fictional Home Cebu',
      generated: 'Generated',
      page: (page, pages) => `Page ${page} of ${pages}`,
      pageLabel: (page, pages) => `Page ${page} of ${pages} of the report`,
      continued: (caption) => `${caption} (continued)`,
      none: 'None',
    },
  );

  it('gives case codes their own width and prints fixed forms and figures without a clip', () => {
    expect(html).toContain(
      '<colgroup><col class="report-col-code"><col class="report-col-narrow"><col><col class="report-col-narrow"></colgroup>',
    );
    expect(html).toContain(
      '<tr><td class="report-fit">AR-2026-K7Q-0001</td><td class="report-fit">F.C.</td>' +
        '<td>Fictional Home Cebu</td><td class="report-num report-fit">12</td></tr>',
    );
  });
});

describe('a table printed group by group', () => {
  const grouped: ReportBlock = {
    kind: 'table',
    id: 'children',
    caption: 'Children in care in the period',
    identifiable: true,
    groupBy: { column: 1, caption: (shelter) => `Children in care in the period: ${shelter}` },
    columns: [{ label: 'Case code', fixed: 'caseCode' }, { label: 'Shelter' }, { label: 'Days' }],
    rows: [
      ['AR-2026-0001', 'Fictional Home Cebu', '3'],
      ['AR-2026-0002', 'Fictional Girls Shelter', '4'],
      ['AR-2026-0003', 'Fictional Home Cebu', '5'],
    ],
  };

  it('becomes one table per value, in the order they first come, without the column', () => {
    expect(printedBlocks([grouped])).toEqual([
      expect.objectContaining({
        id: 'children-0',
        caption: 'Children in care in the period: Fictional Home Cebu',
        columns: [{ label: 'Case code', fixed: 'caseCode' }, { label: 'Days' }],
        rows: [
          ['AR-2026-0001', '3'],
          ['AR-2026-0003', '5'],
        ],
      }),
      expect.objectContaining({
        id: 'children-1',
        caption: 'Children in care in the period: Fictional Girls Shelter',
        rows: [['AR-2026-0002', '4']],
      }),
    ]);
  });

  it('still prints its caption and header when empty, and keeps the column in a CSV', () => {
    expect(printedBlocks([{ ...grouped, rows: [] }])).toEqual([
      expect.objectContaining({ caption: 'Children in care in the period', rows: [] }),
    ]);
    expect(reportCsv([grouped], true).split('\r\n').slice(0, 3)).toEqual([
      'Children in care in the period',
      'Case code,Shelter,Days',
      'AR-2026-0001,Fictional Home Cebu,3',
    ]);
  });
});
