// "Clinical records": the children whose therapy the user follows, and for a therapist their
// notes still to sign, search in the notes they may read, and any break-glass reads of theirs.
import { useMemo, useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { useDocumentTitle } from '../../../hooks/useDocumentTitle';
import type { CaseloadRow } from '../../../../shared/therapy/schedule';
import { DataTable } from '../../../ui/DataTable';
import { Field } from '../../../ui/Field';
import { FormAlert } from '../../../ui/FormAlert';
import { useDataTable } from '../../../ui/useDataTable';
import { BreakGlassBanner } from './BreakGlassBanner';
import { NoteSearch } from './NoteSearch';
import { NotesToSignPanel } from './NotesToSignPanel';

/** Matches a case code or initials, ignoring case and the dots in initials. */
function matches(row: CaseloadRow, query: string): boolean {
  const plain = (text: string) => text.toLowerCase().replaceAll('.', '');
  const wanted = plain(query.trim());
  return plain(row.child.caseCode).includes(wanted) || plain(row.child.initials).includes(wanted);
}

/**
 * The children whose clinical records the user may open: a table with a filter, since a
 * therapist who has followed a shelter for years has hundreds.
 */
function Caseload() {
  const { t } = useTranslation();
  const caseload = useApiQuery('therapy.caseload', {});
  const [filter, setFilter] = useState('');
  const shown = useMemo(
    () => (filter.trim() === '' ? caseload.data : caseload.data?.filter((r) => matches(r, filter))),
    [caseload.data, filter],
  );
  const columns = useMemo<ColumnDef<CaseloadRow>[]>(
    () => [
      {
        id: 'child',
        header: () => t('therapy.notes.childColumn'),
        cell: ({ row: { original } }) => (
          <Link to={`/clinical/${original.child.id}`}>
            {t('therapy.notes.childLink', {
              caseCode: original.child.caseCode,
              initials: original.child.initials,
            })}
          </Link>
        ),
      },
      {
        id: 'plans',
        header: () => t('therapy.notes.activePlansColumn'),
        cell: ({ row: { original } }) => original.plans.length,
      },
    ],
    [t],
  );
  const table = useDataTable({ data: shown, columns, getRowId: (row) => row.child.id });
  return (
    <section className="panel" aria-labelledby="clinical-children">
      <h2 id="clinical-children">{t('therapy.notes.childrenHeading')}</h2>
      {caseload.isError ? <FormAlert message={{ key: caseload.error.message }} /> : null}
      {caseload.data && caseload.data.length > 0 ? (
        <>
          <Field label={t('therapy.notes.filterLabel')} hint={t('therapy.notes.filterHint')}>
            {(control) => (
              <input
                {...control}
                type="search"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
              />
            )}
          </Field>
          <p className="muted" role="status">
            {t('therapy.notes.childCount', { count: shown?.length ?? 0 })}
          </p>
          <DataTable table={table} caption={t('therapy.notes.childrenHeading')} />
        </>
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
