// The printed document's head: the embedded font's rules stay in a style element with nothing
// that depends on the medium, so starting to print does not read them again as new fonts (which
// drops every shaped word and made long reports several times slower to print).
import { describe, expect, it } from 'vitest';
import { printDocument } from '../../shared/reports/document';
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
