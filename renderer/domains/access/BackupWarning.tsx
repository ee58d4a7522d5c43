import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant } from '../../i18n/format';
import { useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { errorText } from '../../i18n';

/** Above every screen while the last automatic backup failed: never a silent failure. */
export function BackupWarning() {
  const { t } = useTranslation();
  const session = useSession();
  const status = useApiQuery('backup.status', {});
  const last = status.data?.lastAutomatic;
  if (!last || last.ok) return null;
  return (
    <div className="backup-warning" role="status">
      <p>
        {t('backups.warning', {
          when: formatInstant(last.at, session.settings.timeZone),
          reason: errorText(last.reason, 'internal'),
        })}
      </p>
      {session.role === 'admin' ? (
        <Link to="/backups">{t('backups.warningOpen')}</Link>
      ) : (
        <p>{t('backups.warningTellAdmin')}</p>
      )}
    </div>
  );
}
