import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TherapySession } from '../../../../shared/therapy/contract';
import { useSession } from '../../../auth/AuthContext';
import { Dialog } from '../../../ui/Dialog';
import { DialogActions } from '../../../ui/DialogActions';
import { dayOf, timeRange } from '../calendar/format';
import { childText, sessionKindText, sessionStatusText } from '../labels';
import { canSchedule } from '../roles';
import type { SessionAction } from './SessionTable';

/** A session opened from the calendar: what it is, and what can be done with it. */
export function SessionDetailsDialog({
  session,
  timeZone,
  onClose,
  onAction,
}: {
  session: TherapySession;
  timeZone: string;
  onClose: () => void;
  onAction: (action: SessionAction) => void;
}) {
  const { t } = useTranslation();
  const role = useSession().role;
  const schedules = canSchedule(role);
  return (
    <Dialog title={t('therapy.schedule.detailsTitle')} onClose={onClose}>
      <dl className="details">
        <dt>{t('therapy.schedule.columns.when')}</dt>
        <dd>
          {dayOf(session.startAt, timeZone)}, {timeRange(session.startAt, session.endAt, timeZone)}
        </dd>
        <dt>{t('therapy.schedule.columns.child')}</dt>
        <dd>
          {session.children.length === 0
            ? t('therapy.calendar.busy')
            : session.children.map((c) => (
                <Link key={c.id} to={`/therapy/children/${c.id}`} className="inline-link">
                  {childText(t, c)}
                </Link>
              ))}
        </dd>
        <dt>{t('therapy.schedule.columns.kind')}</dt>
        <dd>{sessionKindText(t, session.kind)}</dd>
        <dt>{t('therapy.schedule.columns.therapist')}</dt>
        <dd>{session.therapist.displayName}</dd>
        <dt>{t('therapy.schedule.columns.room')}</dt>
        <dd>{session.room ?? '—'}</dd>
        <dt>{t('therapy.schedule.columns.status')}</dt>
        <dd>
          {sessionStatusText(t, session.status)}
          {session.statusReason ? ` — ${session.statusReason}` : ''}
        </dd>
      </dl>
      <DialogActions onClose={onClose} closeLabel={t('therapy.calendar.close')}>
        {schedules && session.children.length > 0 ? (
          <>
            <button type="button" onClick={() => onAction('record')}>
              {t('therapy.schedule.record')}
            </button>
            {session.status === 'scheduled' ? (
              <>
                <button type="button" onClick={() => onAction('change')}>
                  {t('therapy.schedule.change')}
                </button>
                <button
                  type="button"
                  className="button-danger-quiet"
                  onClick={() => onAction('cancel')}
                >
                  {t('therapy.schedule.cancel')}
                </button>
              </>
            ) : null}
          </>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}
