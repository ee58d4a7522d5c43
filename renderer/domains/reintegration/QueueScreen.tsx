// The coordinators' review queue: submitted assessments, oldest first, each opening its screen.
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../i18n/format';
import { useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { CaseListTable } from '../../ui/CaseListTable';
import { assessmentPath } from './case-file/ReintegrationCaseSection';

export function QueueScreen() {
  const { t } = useTranslation();
  const { settings } = useSession();
  useDocumentTitle(t('reintegration.queue.heading'));
  const queue = useApiQuery('reintegration.queue', {});
  const instruments = useApiQuery('reintegration.instruments', {});
  const nameOf = (code: string) => instruments.data?.find((i) => i.code === code)?.name ?? code;
  return (
    <>
      <h1>{t('reintegration.queue.heading')}</h1>
      <CaseListTable
        query={queue}
        caption={t('reintegration.queue.caption')}
        none={t('reintegration.queue.none')}
        loading={t('reintegration.loading')}
        caseColumn={t('reintegration.queue.columns.caseCode')}
        open={(entry) => ({
          to: assessmentPath(entry),
          // Named by instrument and household too: one child may have several waiting.
          label: entry.householdLabel
            ? t('reintegration.queue.openHousehold', {
                instrument: nameOf(entry.instrumentCode),
                caseCode: entry.caseCode,
                household: entry.householdLabel,
              })
            : t('reintegration.queue.open', {
                instrument: nameOf(entry.instrumentCode),
                caseCode: entry.caseCode,
              }),
        })}
        rowKey={(entry) => entry.id}
        columns={[
          {
            header: t('reintegration.queue.columns.instrument'),
            cell: (entry) => nameOf(entry.instrumentCode),
          },
          {
            header: t('reintegration.queue.columns.household'),
            cell: (entry) => entry.householdLabel ?? '—',
          },
          {
            header: t('reintegration.queue.columns.submittedBy'),
            cell: (entry) => entry.submittedByName ?? '—',
          },
          {
            header: t('reintegration.queue.columns.submittedAt'),
            cell: (entry) => formatInstant(entry.submittedAt, settings.timeZone),
          },
        ]}
      />
    </>
  );
}
