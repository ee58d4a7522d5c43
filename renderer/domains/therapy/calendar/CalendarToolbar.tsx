import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate } from '../../../i18n/format';
import { CALENDAR_VIEWS, stepDate, viewDays, type CalendarView } from './range';

/** "Week of 11/30/2026 to 12/06/2026", "Tuesday 12/01/2026". */
export function rangeTitle(t: TFunction, view: CalendarView, date: string): string {
  if (view === 'day') {
    return t('therapy.calendar.dayTitle', {
      weekday: formatCalendarDate(date, 'weekday'),
      date: formatCalendarDate(date),
    });
  }
  const { first, afterLast } = viewDays(view, date);
  const last = stepDate('day', afterLast, -1);
  return t('therapy.calendar.weekTitle', {
    first: formatCalendarDate(first),
    last: formatCalendarDate(last),
  });
}

/** The view switch (Day, Week, Agenda), and Previous / Today / Next. */
export function CalendarToolbar({
  view,
  date,
  today,
  onChange,
}: {
  view: CalendarView;
  date: string;
  today: string;
  onChange: (next: { view: CalendarView; date: string }) => void;
}) {
  const { t } = useTranslation();
  const unit = t(`therapy.calendar.unit.${view}`);
  return (
    <div className="calendar-toolbar">
      <div role="group" aria-label={t('therapy.calendar.viewLabel')} className="button-group">
        {CALENDAR_VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={v === view}
            onClick={() => onChange({ view: v, date })}
          >
            {t(`therapy.calendar.view.${v}`)}
          </button>
        ))}
      </div>
      <div role="group" aria-label={t('therapy.calendar.moveLabel')} className="button-group">
        <button type="button" onClick={() => onChange({ view, date: stepDate(view, date, -1) })}>
          {t('therapy.calendar.previous', { unit })}
        </button>
        <button
          type="button"
          disabled={date === today}
          onClick={() => onChange({ view, date: today })}
        >
          {t('therapy.calendar.today')}
        </button>
        <button type="button" onClick={() => onChange({ view, date: stepDate(view, date, 1) })}>
          {t('therapy.calendar.next', { unit })}
        </button>
      </div>
    </div>
  );
}
