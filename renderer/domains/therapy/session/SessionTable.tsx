import { useTranslation } from 'react-i18next';
import type { TherapySession } from '../../../../shared/therapy/contract';
import { dayOf, timeRange } from '../calendar/format';
import { childText, sessionKindText, sessionStatusText } from '../labels';

export type SessionAction = 'record' | 'change' | 'cancel';

/** "Tue 12/01/2026, 9:00 AM – 10:00 AM", the name each row's buttons carry. */
export function sessionName(session: TherapySession, timeZone: string): string {
  return `${dayOf(session.startAt, timeZone)}, ${timeRange(session.startAt, session.endAt, timeZone)}`;
}

/**
 * Sessions as a table: when, who, kind, therapist, room, and status with its reason. With
 * `onAction`, a still-scheduled session offers Attendance, Change and Cancel; an attended or
 * missed one can have its attendance corrected.
 */
export function SessionTable({
  sessions,
  caption,
  timeZone,
  showChildren = true,
  onAction,
}: {
  sessions: readonly TherapySession[];
  caption: string;
  timeZone: string;
  showChildren?: boolean;
  onAction?: (action: SessionAction, session: TherapySession) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('therapy.schedule.columns.when')}</th>
            {showChildren ? <th scope="col">{t('therapy.schedule.columns.child')}</th> : null}
            <th scope="col">{t('therapy.schedule.columns.kind')}</th>
            <th scope="col">{t('therapy.schedule.columns.therapist')}</th>
            <th scope="col">{t('therapy.schedule.columns.room')}</th>
            <th scope="col">{t('therapy.schedule.columns.status')}</th>
            {onAction ? <th scope="col">{t('therapy.schedule.columns.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => {
            const name = sessionName(session, timeZone);
            return (
              <tr key={session.id}>
                <td className="session-time">
                  {dayOf(session.startAt, timeZone)}
                  <br />
                  {timeRange(session.startAt, session.endAt, timeZone)}
                </td>
                {showChildren ? (
                  <td>{session.children.map((c) => childText(t, c)).join(', ') || '—'}</td>
                ) : null}
                <td>{sessionKindText(t, session.kind)}</td>
                <td>{session.therapist.displayName}</td>
                <td>{session.room ?? '—'}</td>
                <td className="cell-text">
                  {sessionStatusText(t, session.status)}
                  {session.statusReason ? ` — ${session.statusReason}` : ''}
                </td>
                {onAction ? (
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        aria-label={t('therapy.schedule.recordOne', { session: name })}
                        onClick={() => onAction('record', session)}
                      >
                        {t('therapy.schedule.record')}
                      </button>
                      {session.status === 'scheduled' ? (
                        <>
                          <button
                            type="button"
                            aria-label={t('therapy.schedule.changeOne', { session: name })}
                            onClick={() => onAction('change', session)}
                          >
                            {t('therapy.schedule.change')}
                          </button>
                          <button
                            type="button"
                            className="button-danger-quiet"
                            aria-label={t('therapy.schedule.cancelOne', { session: name })}
                            onClick={() => onAction('cancel', session)}
                          >
                            {t('therapy.schedule.cancel')}
                          </button>
                        </>
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
