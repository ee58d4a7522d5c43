// The quick periods a report offers: the calendar month, quarter or year before today's, as
// calendar dates (both included). Pure arithmetic on YYYY-MM-DD: no machine time zone involved.
export const QUICK_PERIODS = ['lastMonth', 'lastQuarter', 'lastYear'] as const;
export type QuickPeriod = (typeof QUICK_PERIODS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** Months `firstMonth` .. `firstMonth + count - 1` of `year` (1-based; may run back past January). */
function months(year: number, firstMonth: number, count: number) {
  const y = firstMonth < 1 ? year - 1 : year;
  const m = firstMonth < 1 ? firstMonth + 12 : firstMonth;
  const last = m + count - 1;
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(last)}-${pad(daysIn(y, last))}` };
}

export function quickPeriod(kind: QuickPeriod, today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  if (kind === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  if (kind === 'lastMonth') return months(year, month - 1, 1);
  const quarterStart = Math.floor((month - 1) / 3) * 3 + 1;
  return months(year, quarterStart - 3, 3);
}
