// Sharing with the organisation's other computers. The administrator starts sharing, adds a
// computer with a join file, sets this computer's sync folder and removes a lost computer; the coordinator sees the computers; every
// signed-in role syncs now (SyncScreen, for the case team).
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { FormAlert } from '../../ui/FormAlert';
import { AccountsNotTravelling } from './AccountsNotTravelling';
import { AddComputer } from './AddComputer';
import { ComputersList } from './ComputersList';
import { StartSharing } from './StartSharing';
import { SyncNowPanel } from './SyncNowPanel';
import { SyncSettingsForm } from './SyncSettingsForm';
import './sync.css';

export function ComputersScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('sync.computers.title'));
  const admin = useSession().role === 'admin';
  const status = useApiQuery('sync.status', {});
  const data = status.data;
  return (
    <>
      <h1>{t('sync.computers.title')}</h1>
      {status.isError ? <FormAlert message={{ key: status.error.message }} /> : null}
      {data && !data.sharing ? (
        admin ? (
          <StartSharing />
        ) : (
          <p>{t('sync.syncNow.notSharing')}</p>
        )
      ) : null}
      {data?.sharing ? (
        <>
          {/* A saved folder becomes the one Sync now starts with. */}
          <SyncNowPanel key={data.folder ?? ''} status={data} />
          <ComputersList staleDays={data.staleDays} />
          {admin ? <AccountsNotTravelling /> : null}
          {admin ? <AddComputer /> : null}
          {admin ? <SyncSettingsForm status={data} /> : null}
        </>
      ) : null}
    </>
  );
}

/** Sync now, for the roles that do not manage the computers. */
export function SyncScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('sync.syncNow.heading'));
  const status = useApiQuery('sync.status', {});
  return (
    <>
      <h1>{t('sync.syncNow.heading')}</h1>
      {status.isError ? <FormAlert message={{ key: status.error.message }} /> : null}
      {status.data && !status.data.sharing ? <p>{t('sync.syncNow.notSharing')}</p> : null}
      {status.data?.sharing ? <SyncNowPanel status={status.data} /> : null}
    </>
  );
}
