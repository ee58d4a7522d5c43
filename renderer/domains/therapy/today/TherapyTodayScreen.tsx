import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCalendarDate } from '../../../i18n/format';
import { useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { SessionActionDialog, type OpenSessionAction } from '../session/SessionActionDialog';
import { SessionTable } from '../session/SessionTable';
import { TODAY_PANELS } from './panels';
import '../therapy.css';

/** The therapist's home: today's sessions, then what session notes add (notes to sign, flags). */
export function TherapyTodayScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('therapy.today.title'));
  const timeZone = useSession().settings.timeZone;
  const today = useApiQuery('therapy.today', {});
  const [open, setOpen] = useState<OpenSessionAction | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const done = (message: string) => {
    setOpen(null);
    setStatus(message);
  };
  const sessions = today.data?.sessions ?? [];
  return (
    <>
      <div className="screen-heading">
        <h1>{t('therapy.today.title')}</h1>
        <Link className="button-link" to="/therapy/calendar">
          {t('therapy.today.openCalendar')}
        </Link>
      </div>
      <StatusMessage>{status}</StatusMessage>
      <section className="panel today-sessions" aria-labelledby="therapy-today-sessions">
        <h2 id="therapy-today-sessions">
          {today.data
            ? t('therapy.today.sessionsOn', {
                date: formatCalendarDate(today.data.date),
                count: sessions.length,
              })
            : t('therapy.today.sessions')}
        </h2>
        {today.isError ? <FormAlert message={{ key: today.error.message }} /> : null}
        {today.isPending ? <p role="status">{t('therapy.loading')}</p> : null}
        {today.data && sessions.length === 0 ? (
          <p className="muted">{t('therapy.today.none')}</p>
        ) : null}
        {sessions.length > 0 ? (
          <SessionTable
            sessions={sessions}
            caption={t('therapy.today.sessions')}
            timeZone={timeZone}
            onAction={(kind, session) => setOpen({ kind, session })}
          />
        ) : null}
        {sessions.length > 0 ? (
          <ul className="link-list">
            {[...new Map(sessions.flatMap((s) => s.children).map((c) => [c.id, c])).values()].map(
              (child) => (
                <li key={child.id}>
                  <Link to={`/therapy/children/${child.id}`}>
                    {t('therapy.today.openChild', {
                      caseCode: child.caseCode,
                      initials: child.initials,
                    })}
                  </Link>
                </li>
              ),
            )}
          </ul>
        ) : null}
      </section>
      {TODAY_PANELS.map((Panel, i) => (
        <Panel key={i} />
      ))}
      {open ? (
        <SessionActionDialog
          open={open}
          timeZone={timeZone}
          showComponents={(s) => s.plannedComponents.length > 0}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      ) : null}
    </>
  );
}
