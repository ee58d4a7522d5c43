// The concerns the therapist raised that the child's caseworker has not closed yet: what is
// still to follow up. Only the therapist's own flags, each a link to its note.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant } from '../../../i18n/format';
import { useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { FormAlert } from '../../../ui/FormAlert';

export function OpenFlagsPanel() {
  const { t } = useTranslation();
  const { settings } = useSession();
  const flags = useApiQuery('notes.openFlags', {});
  return (
    <section className="panel" aria-labelledby="notes-open-flags">
      <h2 id="notes-open-flags">{t('therapy.notes.flags.openHeading')}</h2>
      {flags.isError ? <FormAlert message={{ key: flags.error.message }} /> : null}
      {flags.data && flags.data.length > 0 ? (
        <ul className="link-list">
          {flags.data.map((f) => (
            <li key={f.id}>
              <Link to={`/clinical/note/${f.noteId}`}>
                {t('therapy.notes.flags.openLine', {
                  kind: t(`therapy.notes.flags.kinds.${f.kind}`),
                  caseCode: f.caseCode,
                  initials: f.initials,
                  date: formatInstant(f.raisedAt, settings.timeZone),
                })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {flags.data && flags.data.length === 0 ? <p>{t('therapy.notes.flags.noneOpen')}</p> : null}
    </section>
  );
}
