// The file name a save dialog proposes for a report. Whatever is saved under it lands in the OS's
// recent-documents lists (Windows' jump lists, Quick Access), and on a shared computer anyone can
// read those: so the name says which report and which period, never whose. The renderer builds it
// here and the shell's boundary refuses any other shape, so a name or case code cannot slip in.
// Type-only import: the preload bundles the boundary check and must not pull in the vocabulary.
import type { ReportKind } from './vocabulary';

export type OutputExtension = 'pdf' | 'csv';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** e.g. `placement-report-2026-07-01-2026-09-30.pdf`; a report without a period drops the dates. */
export function reportFileName(
  kind: ReportKind,
  period: { from: string; to: string } | null,
  extension: OutputExtension,
): string {
  const dates = period && DATE.test(period.from) && DATE.test(period.to);
  return `${kind}-report${dates ? `-${period.from}-${period.to}` : ''}.${extension}`;
}

/** A report kind (letters only), "-report", perhaps the period's two dates: no digits of a case code. */
const NEUTRAL = /^[a-z][A-Za-z]{1,40}-report(?:-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2})?\.(pdf|csv)$/;

/** Whether `fileName` is one reportFileName makes, with this extension. */
export function isNeutralFileName(fileName: string, extension: OutputExtension): boolean {
  return NEUTRAL.exec(fileName)?.[1] === extension;
}
