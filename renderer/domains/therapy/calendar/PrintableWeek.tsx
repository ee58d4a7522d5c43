import { useTranslation } from 'react-i18next';
import { sessionStatusText } from '../labels';
import { dayOf, timeRange } from './format';
import type { CalendarEntry } from './range';

export interface PrintableEntry extends CalendarEntry {
  therapistName: string;
  room: string | null;
}

/**
 * The week as a plain table, for paper: hidden on screen, the only thing printed (print CSS in
 * therapy.css). Case codes and initials only, like every list.
 */
export function PrintableWeek({
  heading,
  subject,
  entries,
  timeZone,
}: {
  heading: string;
  subject: string;
  entries: readonly PrintableEntry[];
  timeZone: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="schedule-sheet print-only" aria-hidden="true">
      <p className="confidential">{t('therapy.calendar.print.confidential')}</p>
      <h2>{heading}</h2>
      <p>{subject}</p>
      {entries.length === 0 ? (
        <p>{t('therapy.calendar.noSessions')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('therapy.calendar.print.when')}</th>
              <th scope="col">{t('therapy.calendar.print.time')}</th>
              <th scope="col">{t('therapy.calendar.print.who')}</th>
              <th scope="col">{t('therapy.calendar.print.therapist')}</th>
              <th scope="col">{t('therapy.calendar.print.room')}</th>
              <th scope="col">{t('therapy.calendar.print.status')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{dayOf(entry.start, timeZone)}</td>
                <td>{timeRange(entry.start, entry.end, timeZone)}</td>
                <td>{entry.title}</td>
                <td>{entry.therapistName}</td>
                <td>{entry.room ?? '—'}</td>
                <td>{sessionStatusText(t, entry.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
