// Long free text in a printed table: every row of the print stylesheet is one line tall, so a
// long cell (a transfer's reason, the intake account) is cut into lines beforehand and carried on
// continuation rows, whose other cells are empty. Nothing is lost to an ellipsis.

/**
 * Characters per line of free text beside other columns, and of a line across the page: what
 * fits on the narrowest page (A4 portrait, wide margins); tests/e2e/report-print.test.ts prints both.
 */
export const REASON_WIDTH = 28;
export const LINE_WIDTH = 80;

/** The text as lines of at most `width` characters, broken between words where it can be. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      for (let rest = word; rest.length > 0; ) {
        const room = line ? width - line.length - 1 : width;
        if (rest.length <= room) {
          line = line ? `${line} ${rest}` : rest;
          rest = '';
        } else if (line) {
          lines.push(line);
          line = '';
        } else {
          lines.push(rest.slice(0, width));
          rest = rest.slice(width);
        }
      }
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/** Each row whose cell `column` is longer than `width`, as that row and its continuation rows. */
export function wrapColumn(rows: readonly string[][], column: number, width: number): string[][] {
  return rows.flatMap((row) =>
    wrapText(row[column] ?? '', width).map((line, index) =>
      row.map((cell, c) => (c === column ? line : index === 0 ? cell : '')),
    ),
  );
}
