// The report font, Noto Sans (from @fontsource/noto-sans, which the renderer bundles): Latin and Latin
// Extended, regular and bold, so Filipino and Cebuano names (ñ, accents) print the same on any
// computer. The printed document embeds them as data URLs: it needs no network and no file.
const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

export const REPORT_FONT_FAMILY = 'Aruga Report Sans';

/** Each face: its file in @fontsource/noto-sans/files, its weight and the characters it covers. */
export const REPORT_FONTS = [
  { file: 'noto-sans-latin-400-normal.woff2', weight: 400, range: LATIN },
  { file: 'noto-sans-latin-700-normal.woff2', weight: 700, range: LATIN },
  { file: 'noto-sans-latin-ext-400-normal.woff2', weight: 400, range: LATIN_EXT },
  { file: 'noto-sans-latin-ext-700-normal.woff2', weight: 700, range: LATIN_EXT },
] as const;

export type ReportFontFile = (typeof REPORT_FONTS)[number]['file'];

/** The @font-face rules of the printed document, from each file's data URL. */
export function fontFaceCss(dataUrls: Record<ReportFontFile, string>): string {
  return REPORT_FONTS.map(
    (font) =>
      `@font-face{font-family:'${REPORT_FONT_FAMILY}';font-style:normal;font-weight:${font.weight};` +
      `src:url(${dataUrls[font.file]}) format('woff2');unicode-range:${font.range};}`,
  ).join('\n');
}
