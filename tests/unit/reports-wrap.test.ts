// Long free text on printed rows: every word kept, in order, no line wider than asked, and the
// other cells of a wrapped row left empty on its continuation rows.
import { describe, expect, it } from 'vitest';
import { wrapColumn, wrapText } from '../../shared/reports/wrap';

describe('wrapping text for printed rows', () => {
  it('breaks between words, keeps paragraphs, and cuts a word longer than a line', () => {
    expect(wrapText('Closer to her school in Barangay Niño', 12)).toEqual([
      'Closer to',
      'her school',
      'in Barangay',
      'Niño',
    ]);
    expect(wrapText('First line\nSecond', 20)).toEqual(['First line', 'Second']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('', 10)).toEqual(['']);
  });

  it('keeps every word of a long account, in order, within the width', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
    const lines = wrapText(words.join(' '), 45);
    expect(lines.every((l) => l.length <= 45)).toBe(true);
    expect(lines.join(' ').split(' ')).toEqual(words);
  });

  it('carries a long cell on continuation rows whose other cells are empty', () => {
    expect(wrapColumn([['03/01/2024', 'Cebu', 'one two three four']], 2, 9)).toEqual([
      ['03/01/2024', 'Cebu', 'one two'],
      ['', '', 'three'],
      ['', '', 'four'],
    ]);
  });
});
