// The therapist's drafts still to sign, each a link to the note: on Clinical records and Today.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant } from '../../../i18n/format';
import { useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { FormAlert } from '../../../ui/FormAlert';

export function NotesToSignPanel() {
  const { t } = useTranslation();
  const { settings } = useSession();
  const drafts = useApiQuery('notes.toSign', {});
  return (
    <section className="panel" aria-labelledby="notes-to-sign">
      <h2 id="notes-to-sign">{t('therapy.notes.toSignHeading')}</h2>
      {drafts.isError ? <FormAlert message={{ key: drafts.error.message }} /> : null}
      {drafts.data && drafts.data.length > 0 ? (
        <ul className="link-list">
          {drafts.data.map((d) => (
            <li key={d.noteId}>
              <Link to={`/clinical/note/${d.noteId}`}>
                {t('therapy.notes.draftOf', { date: formatInstant(d.startAt, settings.timeZone) })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {drafts.data && drafts.data.length === 0 ? <p>{t('therapy.notes.nothingToSign')}</p> : null}
    </section>
  );
}
