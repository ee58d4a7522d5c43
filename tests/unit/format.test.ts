// One fixed instant in each language, in Asia/Manila: the Philippine order for all three, the
// language's own words, and English exactly as it was before Intl did the work.
import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatInstant,
  formatMoney,
  formatNumber,
  formatTimeOfDay,
} from '../../shared/format';

// 02:07:30 on 5 March 2026 in UTC is 10:07:30 AM in Manila; 17:05 UTC is 1:05 AM the next day.
const MORNING = '2026-03-05T02:07:30.000Z';
const AFTER_MIDNIGHT = '2026-03-05T17:05:00.000Z';
const MANILA = 'Asia/Manila';

describe('formatting per language', () => {
  it('shows English as before: MM/DD/YYYY, 12-hour clock', () => {
    expect(formatInstant(MORNING, MANILA)).toBe('03/05/2026 10:07 AM');
    expect(formatInstant(AFTER_MIDNIGHT, MANILA)).toBe('03/06/2026 1:05 AM');
    expect(formatInstant(MORNING, MANILA, 'date')).toBe('03/05/2026');
    expect(formatInstant(MORNING, MANILA, 'time')).toBe('10:07 AM');
    expect(formatInstant(MORNING, MANILA, 'timeSeconds')).toBe('10:07:30 AM');
    expect(formatInstant(MORNING, MANILA, 'hour')).toBe('10 AM');
    expect(formatInstant(MORNING, MANILA, 'weekdayDay')).toBe('Thu 03/05');
    expect(formatInstant(MORNING, MANILA, 'weekdayDateTime')).toBe('Thu 03/05/2026 10:07 AM');
    expect(formatInstant(MORNING, MANILA, 'weekday')).toBe('Thursday');
    expect(formatInstant('2026-03-05T04:00:00.000Z', MANILA, 'time')).toBe('12:00 PM');
    expect(formatCalendarDate('2026-12-31')).toBe('12/31/2026');
  });

  it.each([
    ['fil', 'Huwebes'],
    ['ceb', 'Huwebes'],
  ] as const)('keeps the Philippine order in %s, with its own words', (language, thursday) => {
    expect(formatInstant(MORNING, MANILA, 'dateTime', language)).toBe('03/05/2026 10:07 AM');
    expect(formatInstant(AFTER_MIDNIGHT, MANILA, 'dateTime', language)).toBe('03/06/2026 1:05 AM');
    expect(formatInstant(MORNING, MANILA, 'weekday', language)).toBe(thursday);
    expect(formatInstant(MORNING, MANILA, 'weekdayDate', language)).toMatch(/^\S+ 03\/05\/2026$/);
    expect(formatCalendarDate('2026-03-05', 'weekday', language)).toBe(thursday);
    expect(formatCalendarDate('2026-03-05', 'date', language)).toBe('03/05/2026');
  });

  it('keeps a calendar date once written apart per language and style', () => {
    expect(formatCalendarDate('2026-03-05', 'weekday', 'en')).toBe('Thursday');
    expect(formatCalendarDate('2026-03-05', 'weekday', 'fil')).toBe('Huwebes');
    expect(formatCalendarDate('2026-03-05', 'weekday', 'en')).toBe('Thursday');
    expect(formatCalendarDate('2026-03-05', 'weekdayDay', 'en')).toBe('Thu 03/05');
    expect(formatCalendarDate('2026-03-06', 'weekdayDay', 'en')).toBe('Fri 03/06');
  });

  it.each(['en', 'fil', 'ceb'] as const)(
    'reads a time of day on the 12-hour clock with AM/PM in %s',
    (language) => {
      expect(formatTimeOfDay('14:05', language)).toBe('2:05 PM');
      expect(formatTimeOfDay('09:00', language)).toBe('9:00 AM');
      expect(formatTimeOfDay('00:30', language)).toBe('12:30 AM');
      expect(formatTimeOfDay('12:00', language)).toBe('12:00 PM');
      expect(formatTimeOfDay('23:59', language)).toBe('11:59 PM');
    },
  );

  it('uses the vault zone, not the computer', () => {
    expect(formatInstant(MORNING, 'UTC', 'time', 'fil')).toBe('2:07 AM');
  });

  it('writes numbers and pesos the Philippine way in every language', () => {
    for (const language of ['en', 'fil', 'ceb'] as const) {
      expect(formatNumber(1234567.5, language)).toBe('1,234,567.5');
      expect(formatMoney(1500, language)).toBe('₱1,500.00');
    }
  });
});
