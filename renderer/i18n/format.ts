// Dates, times and numbers on screen, in the language the screen shows (shared/format.ts does
// the work). A component that shows one also calls useTranslation, so it re-renders, and
// re-formats, when the language changes.
import {
  formatCalendarDate as formatDateIn,
  formatInstant as formatInstantIn,
  formatNumber as formatNumberIn,
  formatTimeOfDay as formatTimeOfDayIn,
  type InstantStyle,
} from '../../shared/format';
import { currentLanguage } from './index';

export type { InstantStyle };

export function formatInstant(
  instant: string | Date,
  timeZone: string,
  style: InstantStyle = 'dateTime',
): string {
  return formatInstantIn(instant, timeZone, style, currentLanguage());
}

export function formatCalendarDate(
  isoDate: string,
  style?: Parameters<typeof formatDateIn>[1],
): string {
  return formatDateIn(isoDate, style, currentLanguage());
}

export function formatTimeOfDay(time: string): string {
  return formatTimeOfDayIn(time, currentLanguage());
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return formatNumberIn(value, currentLanguage(), options);
}
