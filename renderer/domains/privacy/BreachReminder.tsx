// Above every screen of the administrator while a suspected breach is open, so the 72-hour
// notification is not forgotten; the overdue ones are counted plainly. Others see nothing.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { keepsBreachRegister } from './roles';
import './privacy.css';

export function BreachReminder() {
  const { role } = useSession();
  return keepsBreachRegister(role) ? <OpenBreaches /> : null;
}

function OpenBreaches() {
  const { t } = useTranslation();
  const breaches = useApiQuery('breaches.list', {});
  const open = (breaches.data ?? []).filter((b) => b.closedAt === null);
  if (open.length === 0) return null;
  const overdue = open.filter((b) => b.overdue).length;
  return (
    <div className="breach-reminder" role="status">
      <p>
        {t('privacy.reminder.open', { count: open.length })}
        {overdue > 0 ? (
          <>
            {' '}
            <strong>{t('privacy.reminder.overdue', { count: overdue })}</strong>
          </>
        ) : null}
      </p>
      <Link to="/privacy/breaches">{t('privacy.reminder.link')}</Link>
    </div>
  );
}
