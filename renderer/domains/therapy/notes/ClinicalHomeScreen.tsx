// "Clinical records": the children whose therapy the user follows, and for a therapist their
// notes still to sign, search in the notes they may read, and any break-glass reads of theirs.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';
import { BreakGlassBanner } from './BreakGlassBanner';
import { NoteSearch } from './NoteSearch';
import { NotesToSignPanel } from './NotesToSignPanel';

function Caseload() {
  const { t } = useTranslation();
  const caseload = useApiQuery('therapy.caseload', {});
  return (
    <section aria-labelledby="clinical-children">
      <h2 id="clinical-children">{t('therapy.notes.childrenHeading')}</h2>
      {caseload.data && caseload.data.length > 0 ? (
        <ul>
          {caseload.data.map((row) => (
            <li key={row.child.id}>
              <Link to={`/clinical/${row.child.id}`}>
                {t('therapy.notes.childLink', {
                  caseCode: row.child.caseCode,
                  initials: row.child.initials,
                })}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>{caseload.isPending ? t('therapy.notes.loading') : t('therapy.notes.noChildren')}</p>
      )}
    </section>
  );
}

export function ClinicalHomeScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('therapy.notes.title'));
  const { role } = useSession();
  const [query, setQuery] = useState('');
  return (
    <div className="screen clinical-screen">
      <h1>{t('therapy.notes.title')}</h1>
      {role === 'therapist' ? (
        <>
          <BreakGlassBanner />
          <NotesToSignPanel />
          <NoteSearch query={query} onQuery={setQuery} />
        </>
      ) : (
        <p>{t('therapy.notes.caseTeamIntro')}</p>
      )}
      <Caseload />
    </div>
  );
}
