// CSV export of a report's tables: one section per table (its caption, its header row, its
// rows), sections apart by an empty line. A plain export leaves out the tables that name
// children; cells that a spreadsheet would run as a formula are quoted with a leading apostrophe.
import type { ReportBlock } from './layout';

type Table = Extract<ReportBlock, { kind: 'table' }>;

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const line = (cells: readonly string[]) => cells.map(cell).join(',');

/** The tables of `blocks` as CSV text (CRLF line ends, as spreadsheets expect). */
export function reportCsv(blocks: readonly ReportBlock[], identifiable: boolean): string {
  return blocks
    .filter((b): b is Table => b.kind === 'table' && (identifiable || !b.identifiable))
    .map((table) =>
      [line([table.caption]), line(table.columns.map((c) => c.label)), ...table.rows.map(line)].join(
        '\r\n',
      ),
    )
    .join('\r\n\r\n')
    .concat('\r\n');
}
