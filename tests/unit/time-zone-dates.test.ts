// The calendar date of an instant in a zone, looked up once per UTC quarter hour, agrees with
// date-fns formatting that instant in that zone: at random instants and at every change of offset.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../shared/time';

const ZONES = [
  'Asia/Manila',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe', // a half-hour change of offset
  'Asia/Kathmandu', // a quarter-hour offset
  'Pacific/Apia', // skipped a whole day in 2011
];
const expected = (zone: string, ms: number) => format(new TZDate(ms, zone), 'yyyy-MM-dd');

describe('the calendar date of an instant in a zone', () => {
  it('agrees with date-fns at 20,000 instants spread over 30 years, in each zone', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (const zone of ZONES)
      for (let i = 0; i < 20_000; i += 1) {
        const ms = Date.UTC(2000, 0, 1) + Math.floor(next() * 30 * 365 * 86_400_000);
        expect(todayIn(zone, new Date(ms)), `${zone} ${new Date(ms).toISOString()}`).toBe(
          expected(zone, ms),
        );
      }
  });

  it('agrees around each change of offset: minute by minute, and every quarter hour for a day either side', () => {
    for (const zone of ZONES) {
      const moments: number[] = [];
      // Every change of offset in 2011–2026, found hour by hour.
      for (let ms = Date.UTC(2011, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
        const before = new TZDate(ms, zone).getTimezoneOffset();
        if (new TZDate(ms + 3_600_000, zone).getTimezoneOffset() !== before) moments.push(ms);
      }
      moments.push(Date.parse(new TZDate(2026, 11, 2, 0, 0, zone).toISOString()));
      const check = (ms: number) =>
        expect(todayIn(zone, new Date(ms)), `${zone} ${new Date(ms).toISOString()}`).toBe(
          expected(zone, ms),
        );
      for (const moment of moments) {
        for (let ms = moment - 90 * 60_000; ms <= moment + 150 * 60_000; ms += 60_000) check(ms);
        for (let ms = moment - 26 * 3_600_000; ms <= moment + 26 * 3_600_000; ms += 900_000)
          check(ms);
      }
    }
  });
});
