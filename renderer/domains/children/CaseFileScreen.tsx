import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { CaseFile } from '../../../shared/children/contract';
import { idSchema } from '../../../shared/ids';
import { formatCalendarDate } from '../../i18n/format';
import { usePrefetchApiQueries } from '../../api/queries';
import { useCaseFileSections } from '../../frame/contributions';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { CaseSection } from '../../ui/CaseSection';
import { FormAlert, StatusMessage } from '../../ui/FormAlert';
import { bedName } from '../shelters';
import type { CaseFileArrival } from './ChildForm';
import { NamesPanel, NamesVisibleContext } from './case-file/NamesPanel';
import { SafetyLine } from './case-file/SafetyLine';
import { StatusControl } from './case-file/StatusControl';
import { useCaseFile } from './caseQueries';
import { useCasesState } from './CasesContext';
import { ageText, sexText, statusText } from './labels';

/** cases/:id — everything about one child; opening it is audited, and so is each "Show name". */
export function CaseFileScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const valid = idSchema.safeParse(id).success;
  useDocumentTitle(t('children.file.documentTitle'));
  if (!valid) return <CaseFileProblem errorKey="notFound" />;
  // A fresh view for each child: names hidden again, sections as they start.
  return <CaseFileLoader key={id} id={id} />;
}

function CaseFileProblem({ errorKey }: { errorKey: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('children.file.documentTitle')}</h1>
      <FormAlert message={{ key: errorKey }} />
      <p>
        <Link to="/cases">{t('children.file.backToList')}</Link>
      </p>
    </>
  );
}

function CaseFileLoader({ id }: { id: string }) {
  const { t } = useTranslation();
  const file = useCaseFile(id);
  const sections = useCaseFileSections();
  usePrefetchApiQueries(sections.flatMap((section) => section.queries?.(id) ?? []));
  if (file.isError) return <CaseFileProblem errorKey={file.error.message} />;
  if (!file.isSuccess) {
    return (
      <>
        <h1>{t('children.file.documentTitle')}</h1>
        <p role="status">{t('children.loading')}</p>
      </>
    );
  }
  return <CaseFileView file={file.data} />;
}

function CaseFileView({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const location = useLocation();
  const arrival = (location.state ?? {}) as CaseFileArrival;
  const { privacyScreen } = useCasesState();
  const [revealed, setRevealed] = useState(false);
  const sections = useCaseFileSections();
  const { child } = file;
  const namesVisible = !privacyScreen || revealed;
  const arrivalText = arrival.registered
    ? t('children.file.registered', { caseCode: arrival.registered })
    : arrival.saved
      ? t('children.file.saved')
      : null;

  return (
    <NamesVisibleContext.Provider value={namesVisible}>
      <p className="breadcrumb">
        <Link to="/cases">{t('children.file.backToList')}</Link>
      </p>
      <header className="case-header panel">
        <div className="case-title">
          <h1>{child.caseCode}</h1>
          <span className="case-initials">{child.alias}</span>
          <span className={`badge badge-status status-${child.status}`}>
            {statusText(t, child.status)}
          </span>
        </div>
        <StatusMessage>{arrivalText}</StatusMessage>
        <SafetyLine childId={child.id} />
        <dl className="details">
          <dt>{t('children.file.age')}</dt>
          <dd>{ageText(t, child.age, child.ageEstimated)}</dd>
          <dt>{t('children.file.shelter')}</dt>
          <dd>
            {file.currentPlacement
              ? t('children.file.placedAt', {
                  shelter: file.currentPlacement.shelterName,
                  bed: bedName(t, {
                    room: file.currentPlacement.room,
                    label: file.currentPlacement.bedLabel,
                  }),
                })
              : t('children.list.notPlaced')}
          </dd>
          <dt>{t('children.file.caseworker')}</dt>
          <dd>{file.caseworkerName ?? t('children.list.unassigned')}</dd>
        </dl>
        <NamesPanel child={child} revealed={revealed} onReveal={setRevealed} />
        <StatusControl file={file} />
      </header>

      {sections.map(({ id, Section }) => (
        <Section key={id} file={file} />
      ))}
    </NamesVisibleContext.Provider>
  );
}

/** The child's registration details, first in the file. */
export function DetailsSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  return (
    <CaseSection id="case-details" title={t('children.details.heading')}>
      <ChildDetails file={file} />
    </CaseSection>
  );
}

function ChildDetails({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const { child } = file;
  const none = t('children.details.none');
  const birth =
    child.birth.kind === 'dob'
      ? t('children.details.bornOn', { date: formatCalendarDate(child.birth.dateOfBirth) })
      : t('children.details.estimatedAge', {
          age: child.birth.estimatedAgeYears,
          date: formatCalendarDate(child.birth.asOf),
        });
  return (
    <>
      <dl className="details">
        <dt>{t('children.details.birth')}</dt>
        <dd>{birth}</dd>
        <dt>{t('children.form.sex')}</dt>
        <dd>{sexText(t, child.sex)}</dd>
        <dt>{t('children.form.genderIdentity')}</dt>
        <dd>{child.genderIdentity ?? none}</dd>
        <dt>{t('children.form.languages')}</dt>
        <dd>{child.languages.length ? child.languages.join(', ') : none}</dd>
        <dt>{t('children.form.referralSource')}</dt>
        <dd>{child.referralSource}</dd>
        <dt>{t('children.form.referralDate')}</dt>
        <dd>{formatCalendarDate(child.referralDate)}</dd>
        <dt>{t('children.form.rescueDate')}</dt>
        <dd>{child.rescueDate ? formatCalendarDate(child.rescueDate) : none}</dd>
        <dt>{t('children.form.intakeDate')}</dt>
        <dd>{formatCalendarDate(child.intakeDate)}</dd>
        <dt>{t('children.form.referringAgencyRef')}</dt>
        <dd>{child.referringAgencyRef ?? none}</dd>
      </dl>
      <p className="section-actions">
        <Link className="button-link" to={`/cases/${child.id}/edit`}>
          {t('children.details.edit')}
        </Link>
      </p>
    </>
  );
}
