// The follow-up visit schedule: the default cadence from a discharge date, across month and
// year ends and short months; a configured cadence; and when a visit calls for an urgent task.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VISIT_CADENCE,
  needsUrgentTask,
  visitSchedule,
} from '../../shared/reintegration/monitoring';

const allSafe = { noOffenderContact: true, childFeelsSafe: true, noSignsOfHarm: true };

describe('visit schedule', () => {
  it('weekly for 8 weeks, monthly to month 6, every 2 months to month 12', () => {
    expect(visitSchedule('2026-03-02', DEFAULT_VISIT_CADENCE)).toEqual([
      '2026-03-09',
      '2026-03-16',
      '2026-03-23',
      '2026-03-30',
      '2026-04-06',
      '2026-04-13',
      '2026-04-20',
      '2026-04-27',
      // Monthly: the first a month after the last weekly visit.
      '2026-06-02',
      '2026-07-02',
      '2026-08-02',
      '2026-09-02',
      '2026-11-02',
      '2027-01-02',
      '2027-03-02',
    ]);
  });

  it('crosses the year end and keeps to calendar months', () => {
    const dates = visitSchedule('2025-12-15', DEFAULT_VISIT_CADENCE);
    expect(dates.slice(0, 3)).toEqual(['2025-12-22', '2025-12-29', '2026-01-05']);
    expect(dates.at(7)).toBe('2026-02-09');
    expect(dates.slice(8)).toEqual([
      '2026-03-15',
      '2026-04-15',
      '2026-05-15',
      '2026-06-15',
      '2026-08-15',
      '2026-10-15',
      '2026-12-15',
    ]);
  });

  it('a discharge on the 31st falls back to the last day of shorter months, never skipping one', () => {
    const dates = visitSchedule('2026-01-31', [{ unit: 'month', every: 1, until: 6 }]);
    expect(dates).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
    ]);
    expect(visitSchedule('2027-12-31', [{ unit: 'month', every: 2, until: 2 }])).toEqual([
      '2028-02-29',
    ]);
  });

  it('follows a configured cadence', () => {
    expect(
      visitSchedule('2026-05-01', [
        { unit: 'week', every: 2, until: 4 },
        { unit: 'month', every: 3, until: 6 },
      ]),
      // Month 3 would come a few weeks after the last fortnightly visit: the step starts at month 6.
    ).toEqual(['2026-05-15', '2026-05-29', '2026-11-01']);
  });
});

describe('urgent tasks', () => {
  it('a worse risk or any failed safety check calls for one', () => {
    expect(needsUrgentTask({ riskChange: 'same', safetyChecks: allSafe })).toBe(false);
    expect(needsUrgentTask({ riskChange: 'better', safetyChecks: allSafe })).toBe(false);
    expect(needsUrgentTask({ riskChange: 'worse', safetyChecks: allSafe })).toBe(true);
    expect(
      needsUrgentTask({
        riskChange: 'better',
        safetyChecks: { ...allSafe, childFeelsSafe: false },
      }),
    ).toBe(true);
  });
});
