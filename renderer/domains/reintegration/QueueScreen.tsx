// The coordinators' review queue: submitted assessments, oldest first, each opening its screen.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatInstant } from '../../../shared/time';
import { useApiQuery } from '../../api/queries';
import { useSession } from '../../auth/AuthContext';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { FormAlert } from '../../ui/FormAlert';
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
      {queue.isError ? <FormAlert message={{ key: queue.error.message }} /> : null}
      {queue.isPending ? <p>{t('reintegration.loading')}</p> : null}
      {queue.data && queue.data.length === 0 ? (
        <p className="muted">{t('reintegration.queue.none')}</p>
      ) : null}
      {queue.data && queue.data.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('reintegration.queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reintegration.queue.columns.caseCode')}</th>
                <th scope="col">{t('reintegration.queue.columns.instrument')}</th>
                <th scope="col">{t('reintegration.queue.columns.household')}</th>
                <th scope="col">{t('reintegration.queue.columns.submittedBy')}</th>
                <th scope="col">{t('reintegration.queue.columns.submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <Link
                      to={assessmentPath(entry)}
                      aria-label={
                        // Named by household too: one child may have several waiting.
                        entry.householdLabel
                          ? t('reintegration.queue.openHousehold', {
                              instrument: nameOf(entry.instrumentCode),
                              caseCode: entry.caseCode,
                              household: entry.householdLabel,
                            })
                          : t('reintegration.queue.open', {
                              instrument: nameOf(entry.instrumentCode),
                              caseCode: entry.caseCode,
                            })
                      }
                    >
                      {entry.caseCode}
                    </Link>
                  </td>
                  <td>{nameOf(entry.instrumentCode)}</td>
                  <td>{entry.householdLabel ?? '—'}</td>
                  <td>{entry.submittedByName ?? '—'}</td>
                  <td>
                    {formatInstant(entry.submittedAt, settings.timeZone, 'MM/dd/yyyy h:mm a')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
