// The case file's follow-up visits after reintegration: each scheduled visit, whether and when it
// was made, overdue ones marked, and Record on those not yet made.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildStatus } from '../../../../shared/children/vocabulary';
import type { AftercareVisit } from '../../../../shared/reintegration/contract';
import { todayIn } from '../../../../shared/time';
import { formatCalendarDate } from '../../../i18n/format';
import { invalidate, useApiQuery } from '../../../api/queries';
import { useSession } from '../../../auth/AuthContext';
import { CaseSection } from '../../../ui/CaseSection';
import { FormAlert, StatusMessage } from '../../../ui/FormAlert';
import { RecordTable } from '../../../ui/RecordTable';
import { VisitDialog } from './VisitDialog';

export function VisitsSection({
  childId,
  caseStatus,
}: {
  childId: string;
  caseStatus: ChildStatus;
}) {
  const { t } = useTranslation();
  const { settings } = useSession();
  const visits = useApiQuery('reintegration.visits', { childId });
  // A discharge (a write of another domain) schedules the visits and changes the case's status:
  // the list is asked again when the case file comes back with a new status.
  const queryClient = useQueryClient();
  const shownFor = useRef(caseStatus);
  useEffect(() => {
    if (shownFor.current === caseStatus) return;
    shownFor.current = caseStatus;
    void invalidate(queryClient, [['reintegration.visits', { childId }]]);
  }, [caseStatus, childId, queryClient]);
  const [recording, setRecording] = useState<AftercareVisit | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const today = todayIn(settings.timeZone);
  return (
    <CaseSection id="case-follow-up-visits" title={t('reintegration.visits.heading')}>
      <StatusMessage>{status}</StatusMessage>
      {visits.isError ? <FormAlert message={{ key: visits.error.message }} /> : null}
      {visits.data ? (
        <RecordTable
          records={visits.data}
          label={{ caption: t('reintegration.visits.caption') }}
          columns={[
            t('reintegration.visits.columns.due'),
            t('reintegration.visits.columns.visited'),
            t('reintegration.visits.columns.by'),
            t('reintegration.visits.columns.risk'),
          ]}
          emptyText={t('reintegration.visits.none')}
        >
          {(visit) => (
            <tr key={visit.id}>
              <td>{formatCalendarDate(visit.dueOn)}</td>
              <td>
                {visit.record ? (
                  formatCalendarDate(visit.record.visitedOn)
                ) : visit.dueOn < today ? (
                  <strong className="not-safe">{t('reintegration.visits.overdue')}</strong>
                ) : (
                  t('reintegration.visits.notYet')
                )}
              </td>
              <td>{visit.record?.visitedBy ?? '—'}</td>
              <td>
                {visit.record ? t(`reintegration.visits.risk.${visit.record.riskChange}`) : '—'}
              </td>
              <td>
                {visit.record ? null : (
                  <button
                    type="button"
                    aria-label={t('reintegration.visits.recordLabel', {
                      date: formatCalendarDate(visit.dueOn),
                    })}
                    onClick={() => setRecording(visit)}
                  >
                    {t('reintegration.visits.record')}
                  </button>
                )}
              </td>
            </tr>
          )}
        </RecordTable>
      ) : null}
      {recording ? (
        <VisitDialog
          visit={recording}
          onClose={() => setRecording(null)}
          onSaved={(text) => {
            setRecording(null);
            setStatus(text);
          }}
        />
      ) : null}
    </CaseSection>
  );
}
