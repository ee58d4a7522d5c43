// The report font's files as the app bundles them, read back as data URLs for the printed
// document (a fetch of our own bundle: no network).
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import { fontFaceCss, type ReportFontFile } from '../../../../shared/reports/fonts';

const BUNDLED: Record<ReportFontFile, string> = {
  'noto-sans-latin-400-normal.woff2': latin400,
  'noto-sans-latin-700-normal.woff2': latin700,
  'noto-sans-latin-ext-400-normal.woff2': latinExt400,
  'noto-sans-latin-ext-700-normal.woff2': latinExt700,
};

async function dataUrl(url: string): Promise<string> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:font/woff2;base64,${btoa(binary)}`;
}

let cached: Promise<string> | null = null;

/** The @font-face rules with the fonts embedded; read once per run of the app. */
export function embeddedFontCss(): Promise<string> {
  cached ??= Promise.all(
    Object.entries(BUNDLED).map(async ([file, url]) => [file, await dataUrl(url)] as const),
  ).then((pairs) => fontFaceCss(Object.fromEntries(pairs) as Record<ReportFontFile, string>));
  return cached;
}
