// Every date, time and number a person reads, in their language, through Intl (date-fns has no
// Filipino or Cebuano locale; it stays for date arithmetic and time-zone math in ./time). All
// three languages write the Philippine way: MM/DD/YYYY and a 12-hour clock with AM/PM, so only
// the words (weekdays, AM/PM) change with the language, never the order.
import { INTL_LOCALES, type Language } from './languages';

export type InstantStyle =
  /** 03/05/2026 */
  | 'date'
  /** 03/05/2026 9:07 AM */
  | 'dateTime'
  /** 9:07 AM */
  | 'time'
  /** 9:07:30 AM */
  | 'timeSeconds'
  /** 9 AM */
  | 'hour'
  /** Thu 03/05 */
  | 'weekdayDay'
  /** Thu 03/05/2026 */
  | 'weekdayDate'
  /** Thu 03/05/2026 9:07 AM */
  | 'weekdayDateTime'
  /** Thursday */
  | 'weekday';

interface Parts {
  weekday?: 'short' | 'long';
  day?: 'monthDay' | 'full';
  clock?: 'hour' | 'minute' | 'second';
}

const STYLES: Record<InstantStyle, Parts> = {
  date: { day: 'full' },
  dateTime: { day: 'full', clock: 'minute' },
  time: { clock: 'minute' },
  timeSeconds: { clock: 'second' },
  hour: { clock: 'hour' },
  weekdayDay: { weekday: 'short', day: 'monthDay' },
  weekdayDate: { weekday: 'short', day: 'full' },
  weekdayDateTime: { weekday: 'short', day: 'full', clock: 'minute' },
  weekday: { weekday: 'long' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language, zone and weekday width, kept: building one is slow. */
function formatterFor(language: Language, timeZone: string, weekday: 'short' | 'long') {
  const key = `${language}|${timeZone}|${weekday}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat([...INTL_LOCALES[language]], {
      timeZone,
      weekday,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h12',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

const pad = (value: string) => value.padStart(2, '0');

/** Intl gives the words and the numbers; the order is always the Philippine one. */
function compose(at: Date, timeZone: string, language: Language, style: InstantStyle): string {
  const parts = STYLES[style];
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatterFor(language, timeZone, parts.weekday ?? 'short').formatToParts(at))
    values[part.type] = part.value;
  const out: string[] = [];
  if (parts.weekday) out.push(values.weekday ?? '');
  if (parts.day === 'monthDay') out.push(`${pad(values.month ?? '')}/${pad(values.day ?? '')}`);
  if (parts.day === 'full')
    out.push(`${pad(values.month ?? '')}/${pad(values.day ?? '')}/${values.year ?? ''}`);
  if (parts.clock) {
    let clock = values.hour ?? '';
    if (parts.clock !== 'hour') clock += `:${pad(values.minute ?? '')}`;
    if (parts.clock === 'second') clock += `:${pad(values.second ?? '')}`;
    out.push(`${clock} ${values.dayPeriod ?? ''}`);
  }
  return out.join(' ');
}

/** An instant as the vault's time zone shows it. */
export function formatInstant(
  instant: string | Date,
  timeZone: string,
  style: InstantStyle = 'dateTime',
  language: Language = 'en',
): string {
  return compose(new Date(instant), timeZone, language, style);
}

/**
 * A calendar date's words depend on nothing but the date, style and language, and a list shows
 * the same few dates over and over (Today's hundred rows): kept, as Intl's formatToParts is the
 * slow part of drawing such a list. Dates only, never tied to a record.
 */
const calendarDates = new Map<string, string>();
const CALENDAR_DATES_KEPT = 4096;

/** A calendar date (YYYY-MM-DD) has no zone: it is shown as written. */
export function formatCalendarDate(
  isoDate: string,
  style: Extract<InstantStyle, 'date' | 'weekdayDay' | 'weekdayDate' | 'weekday'> = 'date',
  language: Language = 'en',
): string {
  const key = `${language}|${style}|${isoDate}`;
  let text = calendarDates.get(key);
  if (text === undefined) {
    const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
    text = compose(new Date(Date.UTC(y, m - 1, d)), 'UTC', language, style);
    if (calendarDates.size >= CALENDAR_DATES_KEPT) calendarDates.clear();
    calendarDates.set(key, text);
  }
  return text;
}

/** A time of day (HH:mm, as a form stores it) has no zone either: 14:05 reads "2:05 PM". */
export function formatTimeOfDay(time: string, language: Language = 'en'): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return compose(new Date(Date.UTC(2000, 0, 1, h, m)), 'UTC', language, 'time');
}

/** A number with the language's grouping and decimal marks. */
export function formatNumber(
  value: number,
  language: Language = 'en',
  options: Intl.NumberFormatOptions = {},
): string {
  return new Intl.NumberFormat([...INTL_LOCALES[language]], options).format(value);
}

/** An amount of money: Philippine pesos, with ₱. */
export function formatMoney(amount: number, language: Language = 'en'): string {
  return formatNumber(amount, language, { style: 'currency', currency: 'PHP' });
}
