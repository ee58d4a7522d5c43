// The therapy calendar: FullCalendar's day, week and agenda views, with the app's own toolbar
// (so every word comes from the catalogue) and times formatted by date-fns in the vault's zone.
import FullCalendar, { type CalendarRef, type EventClickInfo } from '@fullcalendar/react';
import listPlugin from '@fullcalendar/react/list';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import classicTheme from '@fullcalendar/react/themes/classic';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_VIEWS, type CalendarView, type CalendarEntry } from './range';
import { sessionStatusText } from '../labels';
import { dayHeading, slotLabel, timeRange } from './format';

const FC_VIEW: Record<CalendarView, string> = {
  day: 'timeGridDay',
  week: 'timeGridWeek',
  agenda: 'listWeek',
};

interface Props {
  view: CalendarView;
  /** The day the view shows or contains (YYYY-MM-DD in the vault's zone). */
  date: string;
  timeZone: string;
  entries: readonly CalendarEntry[];
  /** Enter or a click on a session. */
  onOpen: (id: string) => void;
}

export function ScheduleCalendar({ view, date, timeZone, entries, onOpen }: Props) {
  const { t } = useTranslation();
  const ref = useRef<CalendarRef>(null);

  // The toolbar owns the view and the date; the library follows.
  useEffect(() => {
    const api = ref.current?.getApi();
    if (!api) return;
    api.changeView(FC_VIEW[view], date);
  }, [view, date]);

  const events = useMemo(
    () =>
      entries.map((entry) => ({
        id: entry.id,
        title: entry.title,
        start: entry.start,
        end: entry.end,
        interactive: true,
        classNames: [`session-${entry.status}`],
        extendedProps: { entry },
      })),
    [entries],
  );

  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const describe = (id: string): string => {
    const entry = byId.get(id);
    if (!entry) return '';
    return t('therapy.calendar.entryLabel', {
      time: timeRange(entry.start, entry.end, timeZone),
      title: entry.title,
      status: sessionStatusText(t, entry.status),
    });
  };

  return (
    <div className="schedule-calendar" data-view={view}>
      <FullCalendar
        ref={ref}
        plugins={[timeGridPlugin, listPlugin, classicTheme]}
        initialView={FC_VIEW[view]}
        initialDate={date}
        timeZone={timeZone}
        headerToolbar={false}
        firstDay={1}
        height="auto"
        allDaySlot={false}
        slotMinTime="07:00:00"
        slotMaxTime="21:00:00"
        // An hour is tall enough for the time, the child and the status.
        slotMinHeight={40}
        nowIndicator={false}
        eventInteractive
        // The app's teal with white text (6.1:1), whatever the theme's palette.
        eventColor="#1d6870"
        eventContrastColor="#ffffff"
        events={events}
        eventClick={(info: EventClickInfo) => {
          info.jsEvent.preventDefault();
          onOpen(info.event.id);
        }}
        eventDidMount={(info) => {
          // The event's name for screen readers: time, who and status, all in the vault's zone.
          info.el.setAttribute('aria-label', describe(info.event.id));
        }}
        eventContent={(info) => {
          const entry = byId.get(info.event.id);
          if (!entry) return null;
          return (
            <span className="calendar-entry">
              <span className="calendar-entry-time">
                {timeRange(entry.start, entry.end, timeZone)}
              </span>{' '}
              <span className="calendar-entry-title">{entry.title}</span>{' '}
              <span className="calendar-entry-status">{sessionStatusText(t, entry.status)}</span>
            </span>
          );
        }}
        dayHeaderContent={(info) => dayHeading(info.date, timeZone)}
        listDayHeaderContent={(info) => dayHeading(info.date, timeZone)}
        slotHeaderContent={(info) => (info.time ? slotLabel(info.time.milliseconds) : null)}
        noEventsContent={() => t('therapy.calendar.noSessions')}
        timedText={t('therapy.calendar.timed')}
        allDayText={t('therapy.calendar.allDay')}
        moreLinkText={t('therapy.calendar.more')}
        eventsHint={t('therapy.calendar.eventsHint')}
        moreLinkHint={(count: number) => t('therapy.calendar.moreHint', { count })}
        closeHint={t('therapy.calendar.close')}
        navLinks={false}
        headingLevel={3}
      />
    </div>
  );
}

export { CALENDAR_VIEWS };
