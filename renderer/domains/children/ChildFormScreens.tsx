import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { idSchema } from '../../../shared/ids';
import { useApiQuery } from '../../api/queries';
import { FormAlert } from '../../ui/FormAlert';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useCaseFile } from './caseQueries';
import { ChildForm } from './ChildForm';

export function RegisterChildScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('children.form.registerTitle'));
  return (
    <>
      <h1 id="child-register-heading">{t('children.form.registerTitle')}</h1>
      <p className="lead-text">{t('children.form.registerIntro')}</p>
      <ChildForm mode={{ kind: 'register' }} />
    </>
  );
}

/** Editing shows the names, so it asks for them as "Show name" does: an audited view. */
export function EditChildScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDocumentTitle(t('children.form.editTitle'));
  const valid = idSchema.safeParse(id).success;
  return (
    <>
      <h1 id="child-edit-heading">{t('children.form.editTitle')}</h1>
      {valid ? (
        <EditLoader id={id} />
      ) : (
        <>
          <FormAlert message={{ key: 'notFound' }} />
          <p>
            <Link to="/cases">{t('children.file.backToList')}</Link>
          </p>
        </>
      )}
    </>
  );
}

function EditLoader({ id }: { id: string }) {
  const { t } = useTranslation();
  const file = useCaseFile(id);
  // Kept only while the form is open, like revealed names on the case file.
  const names = useApiQuery('children.revealName', { id }, { gcTime: 0, staleTime: 0 });
  const error = file.error ?? names.error;
  if (error) return <FormAlert message={{ key: error.message }} />;
  if (!file.isSuccess || !names.isSuccess) return <p role="status">{t('children.loading')}</p>;
  const record = file.data.child;
  return (
    <>
      <p className="lead-text">{t('children.form.editIntro', { caseCode: record.caseCode })}</p>
      {/* Keyed by the record's version: a reload after a save starts from the saved values. */}
      <ChildForm key={record.updatedAt} mode={{ kind: 'edit', record, names: names.data }} />
    </>
  );
}
