// The printed page: paper, orientation and margins, and how a report's blocks are cut into pages.
// Pagination is computed here, once, from fixed heights the print stylesheet enforces (every
// table row is one line tall), so the in-app preview and the printed or saved PDF show the same
// pages with the same "page x of y": no browser-specific page counters are needed. A table cut
// across pages repeats its header row on each page, and a row is never split.
import type { PaperSize } from '../settings';

export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];
export const MARGINS = ['narrow', 'normal', 'wide'] as const;
export type Margins = (typeof MARGINS)[number];

export interface PageSetup {
  paperSize: PaperSize;
  orientation: Orientation;
  margins: Margins;
}

/** CSS pixels per inch: the unit the stylesheet and the layout share. */
export const PX_PER_INCH = 96;
const MM = PX_PER_INCH / 25.4;

/** Portrait paper in CSS pixels; A4 by its exact millimetres, so a PDF reader names it A4. */
export const PAPER_PX: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 210 * MM, height: 297 * MM },
  Letter: { width: 8.5 * PX_PER_INCH, height: 11 * PX_PER_INCH },
  Legal13: { width: 8.5 * PX_PER_INCH, height: 13 * PX_PER_INCH },
};
/** The same sizes as CSS `@page` takes them. */
export const PAPER_CSS: Record<PaperSize, [string, string]> = {
  A4: ['210mm', '297mm'],
  Letter: ['8.5in', '11in'],
  Legal13: ['8.5in', '13in'],
};
export const MARGIN_PX: Record<Margins, number> = {
  narrow: 0.4 * PX_PER_INCH,
  normal: 0.6 * PX_PER_INCH,
  wide: 1 * PX_PER_INCH,
};

/** Heights the print stylesheet holds every part to (renderer/domains/reports/print/report.css). */
export const BLOCK_PX = {
  /** CONFIDENTIAL, the title and the period. */
  header: 92,
  /** The Data Privacy Act notice, who generated it and when, page x of y. */
  footer: 72,
  caption: 28,
  tableHead: 26,
  row: 22,
  chart: 210,
  note: 28,
  /** Space after every block. */
  gap: 14,
} as const;

export interface TableColumn {
  label: string;
  /** Figures align to the end. */
  numeric?: boolean;
  /** A short column (dates, figures, short words); the others share what is left of the width. */
  narrow?: boolean;
  /**
   * Values that always fit their column whole, so they print without a clip of their own (a list
   * with cut cells takes Chromium a third longer to print): 'caseCode' gets a column wide enough
   * for a computer-tagged code (AR-2026-K7Q-0001); 'short' (initials, dates) fits a narrow one;
   * 'words' are the app's own words (a destination), checked in every language. Figures always
   * fit. Any other text too long for its column ends in an ellipsis.
   */
  fixed?: 'caseCode' | 'short' | 'words';
}

export type ReportBlock =
  | {
      kind: 'table';
      id: string;
      caption: string;
      columns: TableColumn[];
      rows: string[][];
      /** Rows name children (case codes, initials, names): such a table is left out of a plain CSV. */
      identifiable?: boolean;
      /**
       * Printed as one table per value of this column, in the order they first come, each
       * captioned by `caption(value)` and without the column: a long name repeated on every row
       * would be cut (see `fixed`). A CSV keeps the column.
       */
      groupBy?: { column: number; caption: (value: string) => string };
    }
  | {
      kind: 'chart';
      id: string;
      caption: string;
      /** What a screen reader hears instead of the drawing (the same figures are in a table). */
      summary: string;
      points: { label: string; value: number }[];
    }
  | { kind: 'note'; id: string; text: string };

/** One block on one page: a table carries the rows [from, to) that fit there. */
export interface PlacedBlock {
  block: ReportBlock;
  rows: { from: number; to: number } | null;
  continued: boolean;
}

export function pageSize(setup: PageSetup): { width: number; height: number } {
  const paper = PAPER_PX[setup.paperSize];
  return setup.orientation === 'portrait'
    ? paper
    : { width: paper.height, height: paper.width };
}

/** Height left for blocks on each page. */
export function bodyHeight(setup: PageSetup): number {
  return pageSize(setup).height - 2 * MARGIN_PX[setup.margins] - BLOCK_PX.header - BLOCK_PX.footer;
}

function heightOf(block: ReportBlock, rows: number): number {
  if (block.kind === 'chart') return BLOCK_PX.caption + BLOCK_PX.chart + BLOCK_PX.gap;
  if (block.kind === 'note') return BLOCK_PX.note + BLOCK_PX.gap;
  return BLOCK_PX.caption + BLOCK_PX.tableHead + rows * BLOCK_PX.row + BLOCK_PX.gap;
}

/** The blocks as printed: a grouped table becomes one table per group (see `groupBy`). */
export function printedBlocks(blocks: readonly ReportBlock[]): ReportBlock[] {
  return blocks.flatMap((block): ReportBlock[] => {
    if (block.kind !== 'table' || !block.groupBy) return [block];
    const { groupBy, ...table } = block;
    const without = <T>(cells: readonly T[]) => cells.filter((_, i) => i !== groupBy.column);
    const groups = new Map<string, string[][]>();
    for (const row of block.rows) {
      const value = row[groupBy.column] ?? '';
      const rows = groups.get(value) ?? [];
      rows.push(without(row));
      groups.set(value, rows);
    }
    if (groups.size === 0) return [{ ...table, columns: without(block.columns) }];
    return [...groups].map(([value, rows], index) => ({
      ...table,
      id: `${block.id}-${index}`,
      caption: groupBy.caption(value),
      columns: without(block.columns),
      rows,
    }));
  });
}

/**
 * Cuts the blocks into pages, in order. A chart or a note moves whole to the next page when it
 * does not fit; a table fills the page with whole rows and continues on the next with its header
 * row repeated. An empty table still takes its caption and header (the screen says "none").
 */
export function paginate(blocks: readonly ReportBlock[], setup: PageSetup): PlacedBlock[][] {
  const available = bodyHeight(setup);
  const pages: PlacedBlock[][] = [[]];
  let left = available;
  const newPage = () => {
    pages.push([]);
    left = available;
  };
  for (const block of printedBlocks(blocks)) {
    if (block.kind !== 'table') {
      if (heightOf(block, 0) > left && pages.at(-1)!.length > 0) newPage();
      pages.at(-1)!.push({ block, rows: null, continued: false });
      left -= heightOf(block, 0);
      continue;
    }
    let from = 0;
    let continued = false;
    for (;;) {
      const remaining = block.rows.length - from;
      // The caption, the header row and (when there are rows left) at least one row.
      const needs = remaining === 0 ? 0 : 1;
      const fit = Math.floor((left - heightOf(block, 0)) / BLOCK_PX.row);
      if (fit < needs && pages.at(-1)!.length > 0) {
        newPage();
        continue;
      }
      const take = Math.min(remaining, Math.max(fit, needs));
      pages.at(-1)!.push({ block, rows: { from, to: from + take }, continued });
      left -= heightOf(block, take);
      from += take;
      continued = true;
      if (from >= block.rows.length) break;
      newPage();
    }
  }
  return pages;
}
