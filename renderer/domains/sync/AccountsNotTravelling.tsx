// The staff accounts made before accounts travelled: their password opens only the computers that
// already had it, until they next sign in on one of them (the only moment a credential can be
// made, since only then is the password in hand). Shown to the administrator while sharing.
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { FormAlert } from '../../ui/FormAlert';

export function AccountsNotTravelling() {
  const { t } = useTranslation();
  const users = useApiQuery('users.list', {});
  const waiting = (users.data ?? []).filter((u) => u.active && !u.travels);
  if (users.isError) return <FormAlert message={{ key: users.error.message }} />;
  if (waiting.length === 0) return null;
  return (
    <section className="panel sync-accounts" aria-labelledby="sync-accounts-heading">
      <h2 id="sync-accounts-heading">{t('sync.accounts.heading', { count: waiting.length })}</h2>
      <p>{t('sync.accounts.body')}</p>
      <ul>
        {waiting.map((u) => (
          <li key={u.id}>
            {t('sync.accounts.account', { name: u.displayName, username: u.username })}
          </li>
        ))}
      </ul>
    </section>
  );
}
