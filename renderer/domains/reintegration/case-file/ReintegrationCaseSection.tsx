// The case file's reintegration section: the child's assessments, newest first, with their
// status and result, each opening its own screen; and a button to start a new one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CaseFile } from '../../../../shared/children/contract';
import type { Assessment } from '../../../../shared/reintegration/contract';
import { formatCalendarDate } from '../../../i18n/format';
import { useApiQuery } from '../../../api/queries';
import { CaseSection } from '../../../ui/CaseSection';
import { FormAlert } from '../../../ui/FormAlert';
import { RecordTable } from '../../../ui/RecordTable';
import { householdKindText, statusText } from '../labels';
import { NewAssessmentDialog } from './NewAssessmentDialog';
import '../reintegration.css';

export const assessmentPath = (a: Pick<Assessment, 'childId' | 'id'>) =>
  `/reintegration/children/${a.childId}/assessments/${a.id}`;

export function ReintegrationCaseSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const childId = file.child.id;
  const assessments = useApiQuery('reintegration.list', { childId });
  const instruments = useApiQuery('reintegration.instruments', {});
  const [creating, setCreating] = useState(false);
  const nameOf = (a: Assessment) =>
    instruments.data?.find((i) => i.code === a.instrumentCode && i.version === a.instrumentVersion);
  const bandLabel = (a: Assessment) =>
    nameOf(a)?.bands.find((b) => b.key === a.score.bandKey)?.label ??
    t('reintegration.score.unscored');
  return (
    <CaseSection id="case-reintegration" title={t('reintegration.caseFile.heading')}>
      {assessments.isError ? <FormAlert message={{ key: assessments.error.message }} /> : null}
      {assessments.isPending ? <p>{t('reintegration.loading')}</p> : null}
      {assessments.data ? (
        <RecordTable
          records={assessments.data}
          label={{ caption: t('reintegration.caseFile.caption') }}
          columns={[
            t('reintegration.caseFile.columns.instrument'),
            t('reintegration.caseFile.columns.household'),
            t('reintegration.caseFile.columns.status'),
            t('reintegration.caseFile.columns.result'),
            t('reintegration.caseFile.columns.lastVisit'),
          ]}
          emptyText={t('reintegration.caseFile.none')}
          add={{ label: t('reintegration.caseFile.new'), onClick: () => setCreating(true) }}
        >
          {(a) => {
            const household = a.household
              ? a.household.label || householdKindText(t, a.household.kind)
              : '—';
            const instrument = nameOf(a)?.name ?? a.instrumentCode;
            return (
              <tr key={a.id}>
                <td>{instrument}</td>
                <td>{household}</td>
                <td>{statusText(t, a.status)}</td>
                <td>
                  {a.score.notSafe ? (
                    <strong className="not-safe">{t('reintegration.caseFile.notSafe')}</strong>
                  ) : (
                    bandLabel(a)
                  )}
                </td>
                <td>{a.visitDates.at(-1) ? formatCalendarDate(a.visitDates.at(-1)!) : '—'}</td>
                <td>
                  <Link
                    to={assessmentPath(a)}
                    aria-label={t('reintegration.caseFile.openLabel', { instrument, household })}
                  >
                    {t('reintegration.caseFile.open')}
                  </Link>
                </td>
              </tr>
            );
          }}
        </RecordTable>
      ) : null}
      {creating ? (
        <NewAssessmentDialog
          file={file}
          onClose={() => setCreating(false)}
          onCreated={(a) => void navigate(assessmentPath(a))}
        />
      ) : null}
    </CaseSection>
  );
}
