// What a note's author is shown after a coordinator broke the glass to read one of their notes:
// who, when and why, until they acknowledge it.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BreakGlassRead } from '../../../../shared/therapy/notes';
import { formatInstant } from '../../../i18n/format';
import { queryKey, useApiMutation, useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';

/** The reads of one note (on the note itself). */
export function BreakGlassReads({ reads }: { reads: readonly BreakGlassRead[] }) {
  const { t } = useTranslation();
  const { settings } = useSession();
  if (reads.length === 0) return null;
  return (
    <section className="banner banner-warning" aria-labelledby="note-break-glass">
      <h2 id="note-break-glass">{t('therapy.notes.breakGlass.readsHeading')}</h2>
      <ul>
        {reads.map((r) => (
          <li key={r.id}>
            {t('therapy.notes.breakGlass.readBy', {
              name: r.reader.displayName,
              date: formatInstant(r.readAt, settings.timeZone),
              reason: r.reason,
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Every unacknowledged break-glass read of the signed-in therapist's notes. */
export function BreakGlassBanner() {
  const { t } = useTranslation();
  const { settings } = useSession();
  const queryClient = useQueryClient();
  const alerts = useApiQuery('notes.breakGlassAlerts', {});
  const acknowledge = useApiMutation('notes.acknowledgeBreakGlass', {
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKey('notes.breakGlassAlerts', {}) }),
  });
  if (!alerts.data || alerts.data.length === 0) return null;
  return (
    <section className="banner banner-warning" aria-labelledby="break-glass-alerts">
      <h2 id="break-glass-alerts">{t('therapy.notes.breakGlass.alertsHeading')}</h2>
      <ul>
        {alerts.data.map((a) => (
          <li key={a.id}>
            <p>
              {t('therapy.notes.breakGlass.alert', {
                name: a.reader.displayName,
                date: formatInstant(a.readAt, settings.timeZone),
                caseCode: a.caseCode,
                initials: a.initials,
                session: formatInstant(a.sessionStartAt, settings.timeZone),
                reason: a.reason,
              })}
            </p>
            <Link to={`/clinical/note/${a.noteId}`}>{t('therapy.notes.breakGlass.openNote')}</Link>{' '}
            <button
              type="button"
              disabled={acknowledge.isPending}
              onClick={() => acknowledge.mutate({ id: a.noteId })}
            >
              {t('therapy.notes.breakGlass.acknowledge')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
