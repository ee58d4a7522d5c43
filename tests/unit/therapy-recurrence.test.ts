// A recurring series' dates: every N weeks on the chosen weekdays, ending on a date or after a
// count, across month and year ends, and at the same wall-clock time across a DST change.
import { describe, expect, it } from 'vitest';
import { occurrencesOf, type RecurrenceRule } from '../../electron/backend/domains/therapy';
import { AppError } from '../../shared/errors';

const MANILA = 'Asia/Manila';
const rule = (extra: Partial<RecurrenceRule>): RecurrenceRule => ({
  startDate: '2026-12-15',
  startTime: '14:00',
  durationMinutes: 60,
  intervalWeeks: 1,
  weekdays: [2, 4],
  end: { kind: 'count', count: 8 },
  ...extra,
});

describe('recurrence', () => {
  it('Tuesdays and Thursdays across the year end, each at 14:00 Manila (06:00 UTC)', () => {
    const dates = occurrencesOf(rule({}), MANILA);
    expect(dates.map((o) => o.date)).toEqual([
      '2026-12-15',
      '2026-12-17',
      '2026-12-22',
      '2026-12-24',
      '2026-12-29',
      '2026-12-31',
      '2027-01-05',
      '2027-01-07',
    ]);
    expect(dates[6]).toEqual({
      date: '2027-01-05',
      startAt: '2027-01-05T06:00:00.000Z',
      endAt: '2027-01-05T07:00:00.000Z',
    });
  });

  it('every two weeks on Mondays until a date, across month ends; the start date itself need not be one', () => {
    const dates = occurrencesOf(
      rule({
        startDate: '2026-11-25',
        weekdays: [1],
        intervalWeeks: 2,
        end: { kind: 'until', date: '2027-02-01' },
      }),
      MANILA,
    );
    // The rule's weeks count from the start date's week: 23 Nov (before the start), 7 Dec, …
    expect(dates.map((o) => o.date)).toEqual([
      '2026-12-07',
      '2026-12-21',
      '2027-01-04',
      '2027-01-18',
      '2027-02-01',
    ]);
  });

  it('starts on the start date when it is one of the weekdays, and runs to the last day of February', () => {
    const dates = occurrencesOf(
      rule({ startDate: '2027-01-31', weekdays: [7], end: { kind: 'until', date: '2027-02-28' } }),
      MANILA,
    );
    expect(dates.map((o) => o.date)).toEqual([
      '2027-01-31',
      '2027-02-07',
      '2027-02-14',
      '2027-02-21',
      '2027-02-28',
    ]);
  });

  it('a skipped date is left out and not replaced: the count counts the rule’s dates', () => {
    const dates = occurrencesOf(
      rule({ weekdays: [2], end: { kind: 'count', count: 4 }, skipDates: ['2026-12-22'] }),
      MANILA,
    );
    expect(dates.map((o) => o.date)).toEqual(['2026-12-15', '2026-12-29', '2027-01-05']);
  });

  it('keeps the wall-clock time across a daylight-saving change in a zone that has one', () => {
    const dates = occurrencesOf(
      rule({
        startDate: '2026-10-26',
        startTime: '10:00',
        weekdays: [1],
        end: { kind: 'count', count: 2 },
      }),
      'America/New_York',
    );
    expect(dates.map((o) => o.startAt)).toEqual([
      '2026-10-26T14:00:00.000Z',
      '2026-11-02T15:00:00.000Z',
    ]);
  });

  it('refuses a rule that gives no date, or more than two years of weekly dates', () => {
    const none = () => occurrencesOf(rule({ end: { kind: 'until', date: '2026-12-14' } }), MANILA);
    expect(none).toThrow(AppError);
    expect(() => none()).toThrowError(
      expect.objectContaining({ extra: { fields: { end: 'therapy.noOccurrences' } } }),
    );
    expect(() =>
      occurrencesOf(
        rule({ weekdays: [1, 2, 3], end: { kind: 'until', date: '2028-01-01' } }),
        MANILA,
      ),
    ).toThrowError(
      expect.objectContaining({ extra: { fields: { end: 'therapy.tooManyOccurrences' } } }),
    );
  });
});
